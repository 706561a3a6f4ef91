"""An entity bomb in UTF-16, where a byte search for ASCII '<!ENTITY' sees nothing."""

from tests.hostile.documents import item, rss

DESCRIPTION = "entity declarations in a UTF-16 document (the encoding hides them from a plain byte search)"
EXPECTED = "refused before parsing: the check reads the document as feedparser will"
OUTCOME = "error"
MESSAGE = r"refused: the document declares XML entities"


def source(ctx):
    head = '<!DOCTYPE rss [\n<!ENTITY a "' + "A" * 50_000 + '">\n]>\n'
    text = rss([item(raw_body="&a;" * 2_000)], head=head, declaration='<?xml version="1.0" encoding="UTF-16"?>')
    return ctx.serve("/feed.xml", text.encode("utf-16"))
