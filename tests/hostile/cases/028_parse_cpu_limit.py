"""A document whose parsing runs away: hundreds of thousands of tiny elements."""

from tests.hostile.documents import rss

DESCRIPTION = "300,000 tiny elements inside one item (2 MB): feedparser spends ~30 us on each"
EXPECTED = "the parsing child is stopped at its CPU-time limit (lowered to 2 s here; 10 s by default), naming it"
OUTCOME = "error"
MESSAGE = r"refused: parsing took more than the 2 s CPU time limit"
PATCH = {"pipelines.parse.PARSE_CPU_LIMIT_S": 2}


def source(ctx):
    body = "<item><guid>g</guid><title>t</title><description>" + "<a></a>" * 300_000 + "</description></item>"
    return ctx.serve("/feed.xml", rss(body).encode())
