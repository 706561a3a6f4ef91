"""A body that never ends, one byte at a time (slowloris in reverse)."""

import time

DESCRIPTION = "endless slow body: 200 OK, then one byte every 50 ms, forever"
EXPECTED = "stopped at the fetch's total time limit (2 s in this feeds.toml), naming it"
OUTCOME = "error"
MESSAGE = r"(time limit|timed out).*2 s"
MODE = "refresh"
SETTINGS = {"total_timeout": "2s"}


def _drip(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>')
    deadline = time.monotonic() + 15  # bounded here, whatever the client does
    try:
        while time.monotonic() < deadline:
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.05)
    except OSError:
        pass  # the client gave up, as it should
    handler.close_connection = True


def source(ctx):
    return ctx.route("/feed.xml", _drip)
