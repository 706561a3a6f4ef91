"""A 5 MB GUID and a 1 MB link."""

from tests.hostile.documents import item, rss

DESCRIPTION = "a 5 MB GUID and a 1 MB link on one item"
EXPECTED = "the GUID becomes its hash, the link is dropped with a warning; the item lands once"
OUTCOME = "ok"
MESSAGE = r"^ok .*: 1 items, 1 new.*1 links longer than 4,096 characters dropped"


def source(ctx):
    return ctx.serve("/feed.xml", rss([item("G" * 5_000_000, "Big key", link="https://x.example/" + "a" * 1_000_000)])
                     .encode())


def check(ctx, run):
    key, url = run.sql("SELECT item_guid, url FROM items WHERE title = 'Big key'").values[0]
    assert key.startswith("sha1:") and len(key) < 100 and url is None
