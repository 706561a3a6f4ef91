"""Dates at the epoch and far in the future."""

from tests.hostile.documents import item, rss

DESCRIPTION = "dates in 1970 (the epoch placeholder) and 2100 (pinning the item on top of every list)"
EXPECTED = "both land, dated when fetched, with a warning; a sane date is kept"
OUTCOME = "ok"
MESSAGE = r"^ok .*: 3 items, 3 new.*2 entries dated before 1990 or in the future"


def source(ctx):
    items = [item("epoch", "Epoch", date="Thu, 01 Jan 1970 00:00:00 GMT"),
             item("future", "Future", date="Fri, 01 Jan 2100 00:00:00 GMT"),
             item("sane", "Sane", date="Mon, 13 Jan 2025 10:00:00 GMT")]
    return ctx.serve("/feed.xml", rss(items).encode())


def check(ctx, run):
    dates = dict(run.sql("SELECT item_guid, published_at FROM items WHERE feed = 'Hostile Wire'").values.tolist())
    assert str(dates["sane"]).startswith("2025-01-13")
    for key in ("epoch", "future"):
        assert 2020 < dates[key].year < 2100, dates
