"""Terminal escape sequences in the feed's title, which becomes the feed name on the console."""

from tests.hostile.documents import item, rss

DESCRIPTION = "ANSI/OSC escape sequences (clear screen, set window title) in the feed title and an item title"
EXPECTED = "control characters removed before anything is stored or printed"
OUTCOME = "ok"
MESSAGE = r"^ok     Evil.*Wire .*: 1 items, 1 new"


def source(ctx):
    text = rss([item("esc-1", "Item\x1b[2J title")], title="Evil\x1b]0;owned\x07\x1b[31m Wire")
    return ctx.serve("/feed.xml", text.encode())


def check(ctx, run):
    names = run.sql("SELECT name, title FROM feeds").values.ravel().tolist()
    assert not any("\x1b" in str(n) or "\x07" in str(n) for n in names), names
    assert run.scalar("SELECT count(*) FROM items WHERE title LIKE '%' || chr(27) || '%'") == 0
