"""Items without GUIDs: keyed by link, else title and date; empty ones skipped."""

from tests.hostile.documents import item, rss

DESCRIPTION = "missing GUIDs: items keyed by link, by title + date, and two with nothing at all"
EXPECTED = "each identifiable item lands once; the empty ones are skipped and counted"
OUTCOME = "ok"
MESSAGE = r"^ok .*: 3 items, 3 new, 0 changed, 2 empty entries skipped"


def source(ctx):
    items = [
        item(None, "Linked", link="https://news.example.com/linked"),
        item(None, "Titled only", link=None),
        item(None, "Titled twice", link=None, date="Tue, 14 Jan 2025 10:00:00 GMT"),
        "<item></item>",
        "<item><guid></guid><title></title><description></description></item>",
    ]
    return ctx.serve("/feed.xml", rss(items).encode())


def check(ctx, run):
    keys = set(run.sql("SELECT item_guid FROM items WHERE feed = 'Hostile Wire'")["item_guid"])
    assert "https://news.example.com/linked" in keys and len(keys) == 3
