"""An HTML page where a feed was expected."""

DESCRIPTION = "an HTML page (a 'moved' notice) served as the feed"
EXPECTED = "a clear per-feed error saying it is HTML"
OUTCOME = "error"
MESSAGE = r"an HTML page, not an RSS or Atom feed$"


def source(ctx):
    page = b"<!DOCTYPE html><html><head><title>Moved</title></head><body><p>This feed moved.</p></body></html>"
    return ctx.serve("/feed.xml", page, headers={"Content-Type": "text/html"})
