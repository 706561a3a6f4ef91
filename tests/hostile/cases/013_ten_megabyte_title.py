"""A single title of 10 MB."""

from tests.hostile.documents import item, rss

DESCRIPTION = "a 10 MB title (one item) next to a normal one"
EXPECTED = "stored cut to 1,000 characters with a warning; analysis stays bounded"
OUTCOME = "ok"
MESSAGE = r"^ok .*: 2 items, 2 new.*cut to 1,000 characters of title"


def source(ctx):
    huge = "OpenAI said that Meta is peanuts. " * (10_000_000 // 34)
    text = rss([item("big-title", huge), item("small-title", "Normal")])
    return ctx.serve("/feed.xml", text.encode())


def check(ctx, run):
    length = run.scalar("SELECT max(length(title)) FROM items WHERE item_guid = 'big-title'")
    assert length <= 1_000
