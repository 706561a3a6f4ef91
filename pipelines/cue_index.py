"""Which of several hundred cue patterns can match a text, found in one scan.

Every match of a pattern contains some literal text: "\\bpeanuts\\b" needs
"peanuts", "\\b(?:far|way|years) behind\\b" needs " behind",
"\\b(?:jab|swipe|dig)s? at\\b" needs one of "jab", "swipe", "dig". Those
*anchors* are read from the pattern's parse tree (the standard library's own
regex parser). One trie regex finds every anchor in the text, and only the
patterns whose anchor is there are run. Most sentences hold none of the
anchors of most cues, so this skips most patterns without changing a result.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _constants as sre  # noqa: PLC2701 (the parser's node names; stable since 3.11)
from re import _parser  # noqa: PLC2701

from pipelines.wordlist import alternation

MIN_ANCHOR = 2


def anchors(pattern: str, flags: int = re.I) -> tuple[str, ...] | None:
    """Lower-case literals one of which every match of ``pattern`` contains,
    the most selective such set; None when no literal is required."""
    return _required(_parser.parse(pattern, flags))


def _better(a: tuple[str, ...] | None, b: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """The more selective of two anchor sets: the longer shortest literal (spaces
    not counted: " at" is as common as "at"), then fewer literals."""
    if a is None or b is None:
        return a if b is None else b
    return max(a, b, key=lambda s: (min(len(literal.strip()) for literal in s), -len(s)))


def _required(nodes) -> tuple[str, ...] | None:
    best: tuple[str, ...] | None = None
    run: list[str] = []

    def close() -> None:
        nonlocal best
        if len(run) >= MIN_ANCHOR:
            best = _better(best, ("".join(run),))
        run.clear()

    for op, value in nodes:
        if op is sre.LITERAL:
            run.append(chr(value).lower())
            continue
        if op is sre.AT:  # \b, ^, $: zero width, the literals on both sides stay adjacent
            continue
        close()
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:
            best = _better(best, _required(value[2]))
        elif op is sre.SUBPATTERN:
            best = _better(best, _required(value[3]))
        elif op is sre.BRANCH:
            options = [_required(branch) for branch in value[1]]
            if all(options):
                best = _better(best, tuple(sorted({literal for o in options for literal in o})))
    close()
    return best


class CueIndex:
    """The cues of a lexicon by the anchors they need."""

    def __init__(self, patterns: Sequence[str], flags: int = re.I) -> None:
        by_anchor: dict[str, set[int]] = {}
        always = []
        for number, pattern in enumerate(patterns):
            needed = anchors(pattern, flags)
            if needed is None:
                always.append(number)
            for anchor in needed or ():
                by_anchor.setdefault(anchor, set()).add(number)
        self._always = frozenset(always)
        # The scan reports, at each position, the longest anchor starting
        # there; the shorter anchors that start there are its prefixes.
        self._cues = {anchor: frozenset().union(*(by_anchor[a] for a in by_anchor if anchor.startswith(a)))
                      for anchor in by_anchor}
        self._scan = re.compile(f"(?=({alternation(by_anchor)}))") if by_anchor else None

    def candidates(self, lowered: str) -> list[int]:
        """Numbers of the patterns that can match the text (given lower-cased), in order."""
        numbers = set(self._always)
        if self._scan is not None:
            for anchor in set(self._scan.findall(lowered)):  # the anchors, group 1 of each match
                numbers |= self._cues[anchor]
        return sorted(numbers)
