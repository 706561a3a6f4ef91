"""A server that accepts the connection and never answers."""

import time

DESCRIPTION = "silent server: accepts the connection, never sends a status line"
EXPECTED = "stopped at the fetch's time limit (2 s in this feeds.toml), naming it"
OUTCOME = "error"
MESSAGE = r"timed out \(limit 2 s\)"
MODE = "refresh"
SETTINGS = {"total_timeout": "2s"}


def _silent(handler):
    time.sleep(6)
    handler.close_connection = True


def source(ctx):
    return ctx.route("/feed.xml", _silent)
