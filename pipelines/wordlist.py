"""One regular expression for a long list of words or phrases.

A plain alternation ("said|says|wrote|...") makes the regex engine try every
word at every position of the text; the same words folded into a trie
("s(?:a(?:id|ys)|...)") share their prefixes, so a position is dismissed
after a letter or two. Matches are the same: at one position the longest
word wins, as in an alternation sorted longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex (without anchors or flags) matching exactly any of ``words``,
    the longest one where several match at the same position."""
    root: dict = {}
    for word in set(words):
        if not word:
            continue
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _build(root)


def _build(node: dict) -> str:
    branches = [re.escape(char) + _build(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: what follows is optional (greedy, so longer words win)
        return f"(?:{body})?"
    return body
