"""Loopback spelled as a decimal number, in hex, and short."""

DESCRIPTION = "redirect to http://2130706433/ (127.0.0.1 as one decimal number), then 0x7f.1 and 127.1 forms"
EXPECTED = "refused: the address is checked after resolution, whatever the spelling"
OUTCOME = "error"
MESSAGE = r"refused: (2130706433|0x7f\.1|127\.1) resolves to the non-public address 127\.0\.0\.1"
FLAGS = []  # private networks closed: only the good file can be read


def source(ctx):
    return f"http://2130706433:{ctx.port}{ctx.prefix}/feed.xml"


def check(ctx, run):
    from pipelines.fetch import FetchError, fetch

    for spelling in ("0x7f.1", "127.1", "[::ffff:127.0.0.1]"):
        try:
            fetch(f"http://{spelling}:{ctx.port}/")
        except FetchError as exc:
            assert "refused" in str(exc), exc
        else:
            raise AssertionError(f"{spelling} was fetched")
