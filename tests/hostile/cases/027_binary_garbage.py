"""Random bytes and a PNG header where a feed should be."""

import random

DESCRIPTION = "200 KB of random bytes after a PNG signature, served as application/rss+xml"
EXPECTED = "a clear per-feed error: not a feed"
OUTCOME = "error"
MESSAGE = r"not a well-formed feed|no RSS or Atom elements"


def source(ctx):
    noise = random.Random(7).randbytes(200_000)
    return ctx.serve("/feed.xml", b"\x89PNG\r\n\x1a\n" + noise)
