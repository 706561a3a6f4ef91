"""A redirect chain that ends on another loopback address."""

DESCRIPTION = "redirect chain 301 -> 302 -> 307 into 127.0.0.2 (only 127.0.0.1/32 is allowed)"
EXPECTED = "refused at the hop that leaves the allowance, naming the address"
OUTCOME = "error"
MESSAGE = r"refused: 127\.0\.0\.2 resolves to the non-public address 127\.0\.0\.2"
MODE = "refresh"


def source(ctx):
    ctx.redirect("/b", ctx.url("/c"), 302)
    ctx.redirect("/c", f"http://127.0.0.2:{ctx.port}{ctx.prefix}/feed.xml", 307)
    return ctx.redirect("/a", ctx.url("/b"), 301)
