"""A server whose whole answer is /dev/zero."""

DESCRIPTION = "the response body is '/dev/zero' (read as a file name, it never ends)"
EXPECTED = "a clear per-feed error at once, in bounded memory"
OUTCOME = "error"
MESSAGE = r"not a well-formed feed|no RSS or Atom elements"


def source(ctx):
    return ctx.serve("/feed.xml", b"/dev/zero")
