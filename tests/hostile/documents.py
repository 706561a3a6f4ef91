"""Builders for hostile documents: small, explicit, generated at run time
(a 10 MB title is not a file in the repository)."""

from __future__ import annotations

import zlib
from xml.sax.saxutils import escape

STATEMENT = "Nvidia said that Microsoft is a serious threat to its business."


def item(guid: str | None = "g1", title: str = "A story", body: str = STATEMENT, *,
         link: str | None = "https://news.example.com/story", date: str | None = "Mon, 13 Jan 2025 10:00:00 GMT",
         raw_body: str | None = None, raw_title: str | None = None) -> str:
    """One RSS item; ``raw_*`` go in unescaped (markup, entities, CDATA)."""
    parts = []
    if guid is not None:
        parts.append(f"<guid>{escape(guid)}</guid>")
    parts.append(f"<title>{raw_title if raw_title is not None else escape(title)}</title>")
    if link is not None:
        parts.append(f"<link>{escape(link)}</link>")
    if date is not None:
        parts.append(f"<pubDate>{date}</pubDate>")
    parts.append(f"<description>{raw_body if raw_body is not None else escape(body)}</description>")
    return "<item>" + "".join(parts) + "</item>"


def rss(items: list[str] | str, *, title: str = "Hostile Wire", head: str = "",
        declaration: str = '<?xml version="1.0" encoding="UTF-8"?>') -> str:
    body = items if isinstance(items, str) else "".join(items)
    return (f"{declaration}\n{head}<rss version=\"2.0\"><channel><title>{escape(title)}</title>"
            f"<link>https://hostile.example.com/</link>{body}</channel></rss>")


def gzip_bomb(size: int, chunk: int = 1024 * 1024) -> bytes:
    """``size`` bytes of zeros, gzip-compressed without ever holding them."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * chunk
    out = [deflate.compress(zeros) for _ in range(size // chunk)]
    out.append(deflate.flush())
    return b"".join(out)
