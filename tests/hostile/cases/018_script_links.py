"""javascript:, data: and other non-web links on items."""

import pandas as pd

from tests.hostile.documents import STATEMENT, item, rss
from warehouse import db, queries

LINKS = ["javascript:alert(1)", "JaVaScRiPt:alert(document.cookie)", " javascript:alert(1)",
         "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)", "file:///etc/passwd"]

DESCRIPTION = "javascript:, data:, vbscript: and file: links (some in mixed case or with a leading space)"
EXPECTED = "stored as text only; never a link: evidence queries give url NULL, canonical_url is None"
OUTCOME = "ok"
MESSAGE = r"^ok .*: 7 items, 7 new"


def source(ctx):
    items = [item(f"link-{i}", f"Link {i}", STATEMENT, link=link) for i, link in enumerate(LINKS)]
    items.append(item("link-web", "Web link", STATEMENT, link="https://news.example.com/fine"))
    return ctx.serve("/feed.xml", rss(items).encode())


def check(ctx, run):
    from pipelines.stories import canonical_url

    stored = dict(run.sql("SELECT item_guid, url FROM items WHERE feed = 'Hostile Wire'").values.tolist())
    for i, link in enumerate(LINKS):
        kept = stored[f"link-{i}"]
        assert kept.lower() == link.strip().lower().replace("file:///", "file://"), (kept, link)  # text, as given
        assert canonical_url(link) is None and canonical_url(kept) is None
    con = db.open_reader(run.db)
    try:
        edges = queries.run(con, "evidence_edges", speakers=[], targets=[], stances=[], feeds=["Hostile Wire"],
                            start=None, end=None, pattern=None, needle=None, limit=100)
        mentions = queries.run(con, "evidence_mentions", companies=[], feeds=["Hostile Wire"], start=None,
                               end=None, limit=100)
    finally:
        con.close()
    assert len(edges) and len(mentions)
    for frame in (edges, mentions):
        for _, row in frame.iterrows():
            url = row["url"]
            assert pd.isna(url) or str(url) == "https://news.example.com/fine", url
            assert all(str(u).startswith(("http://", "https://")) for u in row["source_urls"]), row["source_urls"]
    assert "https://news.example.com/fine" in set(edges["url"].dropna())
