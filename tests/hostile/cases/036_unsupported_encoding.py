"""A Content-Encoding we never asked for."""

DESCRIPTION = "Content-Encoding: br, which the client never offered in Accept-Encoding"
EXPECTED = "a clear per-feed error naming the encoding"
OUTCOME = "error"
MESSAGE = r"unsupported content encoding 'br'"


def source(ctx):
    return ctx.serve("/feed.xml", b"\x1b\x00\x00\x00garbage", headers={"Content-Encoding": "br"})
