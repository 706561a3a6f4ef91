"""The local test server itself, without --allow-private-networks."""

from tests.hostile.documents import item, rss

DESCRIPTION = "a feed on 127.0.0.1 fetched without --allow-private-networks"
EXPECTED = "refused, saying which setting opens it; the good source still lands"
OUTCOME = "error"
MESSAGE = r"refused: 127\.0\.0\.1 resolves to the non-public address 127\.0\.0\.1; set allow_private_networks"
FLAGS = []


def source(ctx):
    return ctx.serve("/feed.xml", rss([item("local-1")]).encode())
