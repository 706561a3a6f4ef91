"""NUL and other control bytes inside the text of a feed."""

from tests.hostile.documents import item, rss

DESCRIPTION = "NUL bytes (and a bell, a backspace) inside a title and a description"
EXPECTED = "read with recovery; stored text has no control characters"
OUTCOME = "ok"
MESSAGE = r"^ok .*: 2 items, 2 new"


def source(ctx):
    text = rss([item("nul-1", "Before\x00after", "Body\x00with\x07bell\x08."), item("nul-2", "Plain")])
    return ctx.serve("/feed.xml", text.encode())


def check(ctx, run):
    rows = run.sql("SELECT item_guid, title, body FROM items WHERE item_guid LIKE 'nul-%'")
    for value in rows["title"].tolist() + rows["body"].tolist():
        assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in value), repr(value)
