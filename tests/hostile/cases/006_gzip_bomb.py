"""A gzip bomb: 200 KB on the wire, 200 MiB once inflated."""

from tests.hostile.documents import gzip_bomb

DESCRIPTION = "gzip bomb: 200 KB of Content-Encoding: gzip that inflates to 200 MiB"
EXPECTED = "stopped at the 15 MiB decompressed-size cap, never inflated further"
OUTCOME = "error"
MESSAGE = r"body larger than the 15 MiB cap \(decompressed\)"


def source(ctx):
    bomb = gzip_bomb(200 * 1024 * 1024)
    assert len(bomb) < 300_000
    return ctx.serve("/feed.xml", bomb, headers={"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"})
