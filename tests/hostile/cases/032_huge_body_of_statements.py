"""One item whose body is 2 MB of company statements (the analysis is the expensive part)."""

from tests.hostile.documents import item, rss

DESCRIPTION = "one 2 MB body made of 'OpenAI said that Google is a threat.' over and over"
EXPECTED = "stored cut to 25,000 characters with a warning; analysis stays within seconds"
OUTCOME = "ok"
MESSAGE = r"^ok .*: 1 items, 1 new.*25,000 of text"


def source(ctx):
    body = "OpenAI said that Google is a threat. " * 55_000
    return ctx.serve("/feed.xml", rss([item("dense", "Dense", body)]).encode())


def check(ctx, run):
    assert run.scalar("SELECT max(length(body)) FROM items WHERE item_guid = 'dense'") <= 25_000
