"""External entity pointing at a local file (XXE)."""

from tests.hostile.documents import item, rss

DESCRIPTION = "external entity: <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> used in a title"
EXPECTED = "refused before parsing; nothing of /etc/passwd is stored"
OUTCOME = "error"
MESSAGE = r"refused: the document declares XML entities"


def source(ctx):
    head = '<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
    return ctx.serve("/feed.xml", rss([item(raw_title="&xxe;", raw_body="&xxe;")], head=head).encode())


def check(ctx, run):
    assert run.scalar("SELECT count(*) FROM items WHERE title LIKE '%root:%' OR body LIKE '%root:%'") == 0
