"""HTML to plain text, keeping block boundaries as paragraph breaks so the
sentence splitter does not glue a heading onto the next paragraph.

The result is text, never markup: scripts, styles and embedded objects are
dropped with their content, attributes (event handlers included) vanish with
their tags, and control characters are removed (a feed title carrying
terminal escape sequences must not reach an operator's terminal)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser

BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "tr", "table", "section", "article", "pre", "hr", "dd", "dt",
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BREAKS = re.compile(r"\s*\n\s*(?:\n\s*)+")
_TAGLIKE = re.compile(r"<[a-zA-Z/!]")
# C0 and C1 controls except the whitespace ones (tab, newlines, form feeds), which become spaces or breaks.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def html_to_text(html: str | None) -> str:
    """Visible text of an HTML fragment; plain text passes through unchanged
    except for whitespace normalisation."""
    if not html:
        return ""
    if not _TAGLIKE.search(html) and "&" not in html:
        return _normalise(html)
    tree = HTMLParser(html)
    for node in tree.css("script, style, noscript, template, iframe, object, embed, svg, math"):
        node.decompose()
    for node in tree.css(",".join(BLOCK_TAGS)):
        node.insert_before("\n\n")
        node.insert_after("\n\n")
    root = tree.body or tree.root
    if root is None:
        return ""
    return _normalise(root.text(separator="", deep=True))


def _normalise(text: str) -> str:
    text = _CONTROLS.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    joined = "\n".join(lines)
    joined = _BREAKS.sub("\n\n", joined)
    # Single newlines inside a paragraph are layout, not structure.
    joined = re.sub(r"(?<!\n)\n(?!\n)", " ", joined)
    return joined.strip()
