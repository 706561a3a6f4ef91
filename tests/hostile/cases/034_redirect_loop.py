"""Two addresses that redirect to each other."""

DESCRIPTION = "a redirect loop: /a -> /b -> /a -> ..."
EXPECTED = "stopped after 5 redirects, naming the limit"
OUTCOME = "error"
MESSAGE = r"more than 5 redirects"


def source(ctx):
    ctx.redirect("/b", ctx.url("/a"), 302)
    return ctx.redirect("/a", ctx.url("/b"), 302)
