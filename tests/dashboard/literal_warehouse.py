"""A small literal warehouse for the dashboard's query tests: a few items,
mentions and edges whose counts are known, one of them with a non-web URL,
one whose text a spreadsheet would take for a formula, and one (i5) a copy
of i1's story carried by another feed. Company mentions carry the catalog's
names, as the analysis writes them; `newcorp` is named only by a product, so
the warehouse knows no name for it (the dashboard shows its id)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from warehouse import db, store

FEEDS = [
    dict(name="meta-blog", url="https://ai.meta.com/blog/rss", kind="blog", owner="meta",
         title="Meta AI blog", site_url="https://ai.meta.com"),
    dict(name="tech-news", url="https://news.example.com/rss", kind="news", owner=None,
         title="Tech news", site_url="https://news.example.com"),
]

# (item_id, feed, url, published_at, sentences, mentions, edges)
# mentions: (sentence_no, company); edges: (sentence_no, speaker, target, stance, polarity)
ITEMS = [
    ("i1", "meta-blog", "https://ai.meta.com/blog/llama-3", datetime(2024, 4, 18, 9),
     ["Our goal with Llama 3 was to match GPT-4.", "Mistral is not a worry for us."],
     [(0, "meta"), (0, "openai"), (1, "mistral")],
     [(0, "meta", "openai", "benchmark", 0.1), (1, "meta", "mistral", "dismissive", -0.2)]),
    ("i2", "tech-news", "https://news.example.com/a", datetime(2024, 4, 25, 12),
     ["OpenAI said Llama 3 is impressive work.", "Anthropic warned about open weights."],
     [(0, "openai"), (0, "meta"), (1, "anthropic")],
     [(0, "openai", "meta", "praise", 0.6)]),
    ("i3", "tech-news", "javascript:alert(1)", datetime(2024, 5, 14, 8),
     ["=HYPERLINK(\"x\") Google criticised Meta's licence.", "Meta shrugged."],
     [(0, "google"), (0, "meta"), (1, "meta")],
     [(0, "google", "meta", "critical", -0.4)]),
    ("i4", "tech-news", "https://news.example.com/c", datetime(2024, 7, 23, 15),
     ["Zuckerberg said Llama will beat Claude.", "Newcorp was mentioned too."],
     [(0, "meta"), (0, "anthropic"), (1, "newcorp")],
     [(0, "meta", "anthropic", "benchmark", 0.3)]),
    ("i5", "tech-news", "https://news.example.com/llama-3-copy", datetime(2024, 4, 18, 15),
     ["Our goal with Llama 3 was to match GPT-4."],
     [(0, "meta"), (0, "openai")],
     [(0, "meta", "openai", "benchmark", 0.1)]),
]
# The catalog's names of the companies (item_mentions.entity of their mentions).
NAMES = {"meta": "Meta Platforms", "openai": "OpenAI", "google": "Google", "anthropic": "Anthropic",
         "mistral": "Mistral AI"}
# i5 carries i1's story: same canonical URL.
CANONICAL = {"i1": "https://ai.meta.com/blog/llama-3", "i5": "https://ai.meta.com/blog/llama-3"}


def build_literal_warehouse(path: Path) -> Path:
    """Write the literal rows above through the warehouse's own loaders and
    publish a snapshot; return the working path."""
    with db.writer(path) as con:
        run_id = store.start_run(con, "test")
        for feed in FEEDS:
            store.upsert_feed(con, **feed)
        items, sentences, mentions, edges, analyses = [], [], [], [], []
        for item_id, feed, url, published, texts, item_mentions, item_edges in ITEMS:
            items.append(dict(
                item_id=item_id, feed=feed, item_guid=url, url=url, title=texts[0],
                author=None, published_at=published, body=" ".join(texts),
                content_hash=f"h-{item_id}", fetched_at=published, run_id=run_id,
                canonical_url=CANONICAL.get(item_id),
            ))
            sentences += [dict(item_id=item_id, sentence_no=n, text=t) for n, t in enumerate(texts)]
            mentions += [
                dict(item_id=item_id, sentence_no=n, start_char=k, company=c, alias=c,
                     entity=NAMES.get(c, "Newcorp Widget"), entity_type="company" if c in NAMES else "product")
                for k, (n, c) in enumerate(item_mentions)
            ]
            edges += [
                dict(item_id=item_id, sentence_no=n, speaker=s, target=t, stance=st,
                     polarity=p, evidence=texts[n], speaker_via="quote",
                     speaker_name=s.title(), cues=None)
                for n, s, t, st, p in item_edges
            ]
            analyses.append(dict(item_id=item_id, content_hash=f"h-{item_id}",
                                 analyzer_version="t", catalog_version="t",
                                 analyzed_at=published))
        store.upsert_items(con, items[:4])
        store.assign_stories(con)  # as every writing job does once its items are stored
        store.upsert_items(con, items[4:])  # the copy arrives later, as from another fetch
        store.assign_stories(con)
        store.replace_analysis(con, sentences=sentences, mentions=mentions, edges=edges,
                               analyses=analyses)
        store.finish_run(con, run_id, status="ok", items_seen=len(items),
                         items_new=len(items), errors=0,
                         detail=[dict(feed="meta-blog", ok=True, new=1, message=None),
                                 dict(feed="tech-news", ok=False, new=0, message="server answered 503")])
    return path
