"""Billion laughs: ten levels of nested entities, 1 KB that expands to gigabytes."""

from tests.hostile.documents import item, rss

DESCRIPTION = "billion laughs: nested entity declarations (lol9 -> 10^9 'lol') in the DOCTYPE"
EXPECTED = "refused before parsing, naming the protection"
OUTCOME = "error"
MESSAGE = r"refused: the document declares XML entities \(billion-laughs protection\)"


def source(ctx):
    levels = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)]
    head = "<!DOCTYPE rss [\n" + "\n".join(levels) + "\n]>\n"
    return ctx.serve("/feed.xml", rss([item(raw_body="&lol9;")], head=head).encode())
