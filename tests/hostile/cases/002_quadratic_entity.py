"""One large entity used many times: feedparser's fallback parser expands it at every use."""

from tests.hostile.documents import item, rss

DESCRIPTION = "quadratic blowup: one 100 KB entity referenced 5,000 times (115 KB -> 1.5 GB, 20 s unprotected)"
EXPECTED = "refused before parsing, naming the protection"
OUTCOME = "error"
MESSAGE = r"refused: the document declares XML entities \(billion-laughs protection\)"


def source(ctx):
    head = '<!DOCTYPE rss [\n<!ENTITY a "' + "A" * 100_000 + '">\n]>\n'
    return ctx.serve("/feed.xml", rss([item(raw_body="&a;" * 5_000)], head=head).encode())
