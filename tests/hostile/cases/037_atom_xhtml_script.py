"""Atom with inline XHTML content carrying scripts and handlers."""

DESCRIPTION = "Atom entry with type=\"xhtml\" content: <script>, onclick, a javascript: link, a form"
EXPECTED = "stored as plain text only"
OUTCOME = "ok"
MESSAGE = r"^ok .*: 1 items, 1 new"

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Hostile</title><id>urn:x</id>
<updated>2025-01-13T10:00:00Z</updated>
<entry><id>urn:x:1</id><title type="html">&lt;img src=x onerror=alert(1)&gt;Title</title>
<updated>2025-01-13T10:00:00Z</updated><link href="https://news.example.com/a"/>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p onclick="alert(1)">Nvidia said that
Microsoft is a threat.</p><script>alert(2)</script><a href="javascript:alert(3)">more</a>
<form action="https://evil.example/"><input name="password"/></form></div></content></entry></feed>"""


def source(ctx):
    return ctx.serve("/feed.atom", ATOM.encode(), headers={"Content-Type": "application/atom+xml"})


def check(ctx, run):
    title, body = run.sql("SELECT title, body FROM items WHERE feed = 'Atom Hostile'").values[0]
    for bad in ("<", "onclick", "onerror", "alert(", "javascript:"):
        assert bad not in title and bad not in body, (bad, title, body)
