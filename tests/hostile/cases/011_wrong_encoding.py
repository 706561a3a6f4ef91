"""A document that declares one encoding and is written in another."""

from tests.hostile.documents import item, rss

DESCRIPTION = "wrong declared encoding: says UTF-16, is UTF-8 with accented text"
EXPECTED = "read as the UTF-8 it is, with a warning naming the wrong declaration"
OUTCOME = "ok"
MESSAGE = r"^ok .*: 1 items, 1 new.*(declared encoding is wrong|declared as utf-16)"


def source(ctx):
    text = rss([item("enc-1", "Café crème: Mistral's déjà vu")],
               declaration='<?xml version="1.0" encoding="UTF-16"?>')
    return ctx.serve("/feed.xml", text.encode("utf-8"), headers={"Content-Type": "application/rss+xml"})


def check(ctx, run):
    titles = run.sql("SELECT title FROM items WHERE item_guid = 'enc-1'")["title"].tolist()
    assert len(titles) == 1 and "Caf" in titles[0]
