"""Byte sequences that are not UTF-8 in a document that says it is."""

from tests.hostile.documents import item, rss

DESCRIPTION = "invalid UTF-8 (lone continuation bytes, overlong forms, surrogates) in a declared UTF-8 feed"
EXPECTED = "read with recovery; stored text is valid Unicode"
OUTCOME = "ok"
MESSAGE = r"^ok .*: 2 items, 2 new"


def source(ctx):
    text = rss([item("utf-1", "BAD_TITLE"), item("utf-2", "Fine")]).encode()
    return ctx.serve("/feed.xml", text.replace(b"BAD_TITLE", b"Bad \x80\xbf \xc0\xaf \xed\xa0\x80 \xff title"))


def check(ctx, run):
    title = run.scalar("SELECT title FROM items WHERE item_guid = 'utf-1'")
    title.encode("utf-8")  # valid: no lone surrogates
    assert "title" in title
