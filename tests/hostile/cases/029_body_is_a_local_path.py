"""A server whose whole answer is the path of a local feed file."""

from tests.hostile.documents import item, rss

DESCRIPTION = "the response body is a local file's path (feedparser opens a bytes value that names a file)"
EXPECTED = "treated as the document it is (not a feed); the local file is never read"
OUTCOME = "error"
MESSAGE = r"not a well-formed feed|no RSS or Atom elements"


def source(ctx):
    secret = ctx.write("private.xml", rss([item("private-1", "PRIVATE")], title="LEAKED PRIVATE FEED").encode())
    return ctx.serve("/feed.xml", str(secret).encode())


def check(ctx, run):
    assert run.scalar("SELECT count(*) FROM items WHERE feed LIKE '%LEAKED%' OR title = 'PRIVATE'") == 0
