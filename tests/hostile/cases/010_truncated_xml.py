"""A feed cut off in the middle of its third item."""

from tests.hostile.documents import item, rss

DESCRIPTION = "truncated XML: the document stops in the middle of an item"
EXPECTED = "the complete items land, with a 'read with recovery' warning"
OUTCOME = "ok"
MESSAGE = r"^ok .*: [23] items, [23] new.*read with recovery"


def source(ctx):
    text = rss([item(f"cut-{i}", f"Story {i}") for i in range(3)])
    return ctx.serve("/feed.xml", text.encode()[: text.index("cut-2") + 40])
