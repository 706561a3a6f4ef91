"""A redirect to the IPv6 loopback address."""

DESCRIPTION = "redirect to http://[::1]:PORT/ (IPv6 loopback; only 127.0.0.1/32 is allowed)"
EXPECTED = "refused at that hop, naming the address"
OUTCOME = "error"
MESSAGE = r"refused: ::1 resolves to the non-public address ::1"
MODE = "refresh"


def source(ctx):
    return ctx.redirect("/feed.xml", f"http://[::1]:{ctx.port}{ctx.prefix}/feed.xml", 302)
