"""A feed compressed twice: the inner layer is a second gzip bomb."""

import gzip

from tests.hostile.documents import gzip_bomb

DESCRIPTION = "gzip inside gzip: the outer layer decodes to a 50 MiB gzip bomb, which is never inflated"
EXPECTED = "one layer is decoded (bounded by the cap); the rest is not a feed: a clear error"
OUTCOME = "error"
MESSAGE = r"not a well-formed feed|no RSS or Atom elements|larger than the 15 MiB cap"


def source(ctx):
    return ctx.serve("/feed.xml", gzip.compress(gzip_bomb(50 * 1024 * 1024)),
                     headers={"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"})
