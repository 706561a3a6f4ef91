"""Elements nested 50,000 deep inside an item, never closed."""

from tests.hostile.documents import rss

DESCRIPTION = "50,000 nested, unclosed elements inside a description (a deep tree for both parsers)"
EXPECTED = "parsed with recovery within the limits, or refused at the CPU limit: no crash, no runaway"
OUTCOME = "ok"
MESSAGE = r"^ok .*: 1 items, 1 new"


def source(ctx):
    body = "<item><guid>deep</guid><title>Deep</title><description>" + "<a>" * 50_000 + "</description></item>"
    return ctx.serve("/feed.xml", rss(body).encode())
