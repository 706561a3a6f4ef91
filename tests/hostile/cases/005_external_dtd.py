"""A DOCTYPE naming an external DTD that would never end (/dev/zero)."""

from tests.hostile.documents import item, rss

DESCRIPTION = "external DTD: <!DOCTYPE rss SYSTEM \"file:///dev/zero\"> with no entity declarations"
EXPECTED = "the DTD is never loaded; the feed's items land"
OUTCOME = "ok"
MESSAGE = r"^ok .*: 1 items, 1 new"


def source(ctx):
    head = '<!DOCTYPE rss SYSTEM "file:///dev/zero">\n'
    return ctx.serve("/feed.xml", rss([item("dtd-1", "Fine story")], head=head).encode())
