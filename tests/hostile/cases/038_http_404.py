"""A feed that is gone (404), with a large error page."""

DESCRIPTION = "HTTP 404 with a 2 MB HTML error page"
EXPECTED = "a clear per-feed error with the status; the error page is not parsed"
OUTCOME = "error"
MESSAGE = r"server answered HTTP 404"


def source(ctx):
    return ctx.serve("/feed.xml", b"<html>" + b"<p>Not found</p>" * 130_000 + b"</html>", status=404,
                     headers={"Content-Type": "text/html"})
