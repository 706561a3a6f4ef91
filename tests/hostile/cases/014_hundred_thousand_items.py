"""A feed of 100,000 items."""

from tests.hostile.documents import item, rss

DESCRIPTION = "100,000 items in one 12 MB document"
EXPECTED = "refused before parsing, naming the 10,000-entry limit (parsing alone would take 14 s)"
OUTCOME = "error"
MESSAGE = r"refused: the document has 100,000 entries, more than the 10,000 a feed may hold"


def source(ctx):
    text = rss([item(f"i{i}", f"T{i}", "Nvidia beat Intel.", link=None, date=None) for i in range(100_000)])
    return ctx.serve("/feed.xml", text.encode())
