"""A Content-Length of a terabyte."""

DESCRIPTION = "Content-Length: 1099511627776 (1 TiB) declared by the server"
EXPECTED = "refused before reading the body, naming the 15 MiB cap"
OUTCOME = "error"
MESSAGE = r"larger than the 15 MiB cap \(1,099,511,627,776 bytes declared\)"


def _liar(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Content-Length", str(1024**4))
    handler.end_headers()
    try:
        handler.wfile.write(b"<rss>" + b" " * 65536)
    except OSError:
        pass
    handler.close_connection = True


def source(ctx):
    return ctx.route("/feed.xml", _liar)
