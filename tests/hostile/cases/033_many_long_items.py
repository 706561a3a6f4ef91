"""Two hundred items of 25,000 characters of statements each (5 MB of text to analyse)."""

from tests.hostile.documents import item, rss

DESCRIPTION = "200 items x 25 KB of dense company statements (5 MB of text, all of it analysable)"
EXPECTED = ("the entries past the document's text budget are not stored, with a warning "
            "(budget lowered to 100,000 characters here to keep the suite fast; 500,000 by default)")
OUTCOME = "ok"
MESSAGE = r"^ok .*: 4 items, 4 new.*more than 100,000 characters of text: its last 196 entries were not stored"
PATCH = {"pipelines.parse.MAX_DOCUMENT_TEXT_CHARS": 100_000}


def source(ctx):
    body = "Meta said that Mistral is peanuts. " * 700
    return ctx.serve("/feed.xml", rss([item(f"long-{i}", f"Long {i}", body) for i in range(200)]).encode())


def check(ctx, run):
    assert run.scalar("SELECT sum(length(body)) FROM items WHERE feed = 'Hostile Wire'") <= 100_000
