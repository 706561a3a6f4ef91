"""A deterministic synthetic news corpus for the benchmarks.

Realistic RSS items about the AI industry, built from the catalog
(pipelines/catalog.toml: company names, products, people): direct quotes with
a speech verb ('"...," Sam Altman said.'), reported speech ("Nvidia said in a
statement that ..."), "according to" attributions, co-mentions of two
companies, pronoun follow-ups and plain filler sentences. About one item in
five names no company at all (general business news), as in a real news feed.

Every item is generated from its own RNG seeded with (seed, feed, item), so an
item is the same whatever else is generated, in any order, in any process:
the same seed gives byte-identical feeds and rows.

    python -m benchmarks.corpus --feeds 200 --items-per-feed 50 --out DIR   # RSS files
    python -m benchmarks.corpus --items 1000000 --duckdb corpus.duckdb     # rows straight into DuckDB
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "pipelines" / "catalog.toml"
DEFAULT_SEED = 8
FIRST_DAY = datetime(2024, 1, 1, tzinfo=UTC)
DAYS = 730
NO_COMPANY_SHARE = 0.2  # items that name no company (general business news)


@dataclass(frozen=True)
class Names:
    """What the generator may mention, by company id."""

    companies: dict[str, str]            # id -> name as news writes it
    products: dict[str, list[str]]       # id -> strong product aliases
    people: dict[str, list[tuple[str, str]]]  # id -> [(name, role)]
    ids: tuple[str, ...] = ()                 # sorted company ids


@cache
def names(catalog_path: Path = CATALOG) -> Names:
    """Strong (unambiguous) names only, so every mention the generator writes
    is one the analyzer should find."""
    data = tomllib.loads(catalog_path.read_text(encoding="utf-8"))
    # The display name when it is itself an alias ("OpenAI"), else the first alias ("Apple Inc").
    companies = {c["id"]: c["name"] if c.get("name") in c.get("aliases", []) else c["aliases"][0]
                 for c in data.get("company", []) if c.get("aliases")}
    products: dict[str, list[str]] = {}
    for product in data.get("product", []):
        strong = [a for a in product.get("aliases", []) if len(a) > 3]
        products.setdefault(product["company"], []).extend(strong)
    people: dict[str, list[tuple[str, str]]] = {}
    for person in data.get("person", []):
        people.setdefault(person["company"], []).append((person["name"], person.get("role", "executive")))
    # Only companies that have someone to speak for them, so quotes are always attributable.
    speaking = {cid: name for cid, name in companies.items() if cid in people}
    return Names(companies=speaking, products={cid: sorted(set(p)) for cid, p in products.items()},
                 people=people, ids=tuple(sorted(speaking)))


# -- sentence templates ------------------------------------------------------------
# {rival} is a company or product of another company than the speaker's.

CLAIMS = [  # (claim, tone) spoken by a person about a rival
    ("Our goal needs to be {rival}", "benchmark"),
    ("{rival} is the model to beat this year", "benchmark"),
    ("we have to catch up with {rival} on reasoning", "benchmark"),
    ("{rival} is peanuts for us, we should be able to do better", "dismissive"),
    ("nobody is really worried about {rival}", "dismissive"),
    ("{rival} is simply not a serious competitor", "dismissive"),
    ("{rival} has done genuinely impressive work on long context", "praise"),
    ("I have a lot of respect for what {rival} shipped", "praise"),
    ("{rival} keeps cutting corners on safety", "critical"),
    ("{rival} misled its users about how the data was collected", "critical"),
    ("{rival} could take the whole enterprise market if we stand still", "threat"),
    ("{rival} is moving faster than anyone expected, and that worries me", "threat"),
    ("we will see how {rival} does once customers compare the numbers", "neutral"),
]
SPEECH_AFTER = ["said", "told reporters", "said in an interview", "wrote in a blog post", "said on a podcast",
                "added", "told analysts on an earnings call"]
REPORTED = [
    "{company} said in a statement that its new model outperformed {rival} on coding benchmarks.",
    "{company} told investors that demand for its cloud had overtaken {rival} in Europe.",
    "{person} said that {rival} was still ahead on multimodal tasks.",
    "{person} argued that {rival} had been too slow to open its models.",
    "{company} said its chips were cheaper to run than those of {rival}.",
]
ACCORDING_TO = [
    "According to {person}, {rival} remains the benchmark for enterprise customers.",
    "According to {company}, {rival} has lost ground with developers this quarter.",
]
CO_MENTIONS = [
    "{company} and {rival} both announced new models this week.",
    "Shares of {company} rose {pct}% while {rival} slipped {pct2}%.",
    "{company} is hiring researchers who previously worked at {rival}.",
    "Developers can now use {product} alongside {rival} in the same app.",
    "The deal makes {company} one of the largest customers of {rival}.",
]
SINGLE = [
    "{company} released {product} to paying customers on {weekday}.",
    "{product} is now available in {n} more countries, {company} said.",
    "{company} raised its capital spending forecast to ${n} billion.",
    "{company} shares closed {pct}% higher after the announcement.",
]
FOLLOW_UPS = ['"We are just getting started," {pronoun} added.', '"It is a long game," {pronoun} said.']
FILLER = [
    "The company declined to comment on pricing.",
    "Analysts expect the market for AI software to keep growing through 2026.",
    "The report was first published on {weekday}.",
    "Regulators in Brussels are expected to publish new guidance later this year.",
    "The announcement came during a conference in San Francisco.",
    "Investors have poured more than ${n} billion into the sector this year.",
    "Several startups have struggled to raise money since the spring.",
    "Data centers are consuming a growing share of the grid's electricity.",
    "It was not immediately clear when the feature would reach Europe.",
    "The figures do not include revenue from consulting services.",
    "A spokesperson said more details would follow in the coming weeks.",
    "Trading volumes were light ahead of the holiday weekend.",
]
GENERAL_TITLES = [
    "Markets close higher as investors weigh the rate outlook",
    "What the new data-center rules mean for power prices",
    "Five things to watch in tech this week",
    "Chip supply tightens again as demand for servers climbs",
    "Startups face a tougher funding market in {year}",
]
TITLES = [
    "{company} takes aim at {rival} with new release",
    "{person} on competing with {rival}",
    "{company} and {rival} race to ship agents",
    "{product} gets a major update",
    "Why {company} thinks it can beat {rival}",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@dataclass(frozen=True)
class Item:
    feed: int
    index: int
    guid: str
    url: str
    title: str
    author: str
    published: datetime
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    def html(self) -> str:
        return "".join(f"<p>{escape(p)}</p>" for p in self.paragraphs)


def item_rng(seed: int, feed: int, index: int) -> random.Random:
    # A string seed is hashed with SHA-512: stable across runs and PYTHONHASHSEED.
    return random.Random(f"rivalwatch-corpus:{seed}:{feed}:{index}")


def _rival_name(rng: random.Random, n: Names, speaker: str) -> tuple[str, str]:
    rival = rng.choice([cid for cid in n.ids if cid != speaker])
    products = n.products.get(rival)
    if products and rng.random() < 0.25:
        return rival, rng.choice(products)
    return rival, n.companies[rival]


def _fill(template: str, rng: random.Random, **values) -> str:
    values.setdefault("weekday", rng.choice(WEEKDAYS))
    values.setdefault("n", rng.randint(2, 90))
    values.setdefault("pct", rng.randint(1, 9))
    values.setdefault("pct2", rng.randint(1, 9))
    values.setdefault("year", 2024 + rng.randint(0, 2))
    return template.format(**values)


def _company_sentences(rng: random.Random, n: Names) -> tuple[str, list[str]]:
    """A title and the sentences of an item about one company and its rivals."""
    company = rng.choice(n.ids)
    name = n.companies[company]
    person, role = rng.choice(n.people[company])
    pronoun = "she" if person.split()[0] in {"Mira", "Daniela", "Joelle", "Lisa"} else "he"
    product = rng.choice(n.products.get(company) or [name])
    _, rival = _rival_name(rng, n, company)
    values = dict(company=name, person=person, product=product, rival=rival, pronoun=pronoun)
    title = _fill(rng.choice(TITLES), rng, **values)
    sentences = []
    for _ in range(rng.randint(4, 9)):
        _, values["rival"] = _rival_name(rng, n, company)
        kind = rng.random()
        if kind < 0.22:
            claim = rng.choice(CLAIMS)[0].format(rival=values["rival"])
            claim = claim[0].upper() + claim[1:]
            if rng.random() < 0.5:
                sentences.append(f'"{claim}," {person} {rng.choice(SPEECH_AFTER)}.')
            else:
                sentences.append(f'"{claim}," said {person}, {role} at {name}.')
            if rng.random() < 0.3:
                sentences.append(_fill(rng.choice(FOLLOW_UPS), rng, **values))
        elif kind < 0.34:
            sentences.append(_fill(rng.choice(REPORTED), rng, **values))
        elif kind < 0.40:
            sentences.append(_fill(rng.choice(ACCORDING_TO), rng, **values))
        elif kind < 0.52:
            sentences.append(_fill(rng.choice(CO_MENTIONS), rng, **values))
        elif kind < 0.62:
            sentences.append(_fill(rng.choice(SINGLE), rng, **values))
        else:
            sentences.append(_fill(rng.choice(FILLER), rng))
    return title, sentences


def make_item(seed: int, feed: int, index: int, n: Names | None = None) -> Item:
    n = n or names()
    rng = item_rng(seed, feed, index)
    if rng.random() < NO_COMPANY_SHARE:
        title = _fill(rng.choice(GENERAL_TITLES), rng)
        sentences = [_fill(rng.choice(FILLER), rng) for _ in range(rng.randint(3, 7))]
    else:
        title, sentences = _company_sentences(rng, n)
    # Two or three sentences a paragraph, as news copy runs.
    paragraphs, i = [], 0
    while i < len(sentences):
        step = rng.randint(2, 3)
        paragraphs.append(" ".join(sentences[i : i + step]))
        i += step
    published = FIRST_DAY + timedelta(seconds=rng.randrange(DAYS * 86400))
    guid = f"urn:rivalwatch-corpus:{seed}:{feed}:{index}"
    slug = hashlib.sha1(guid.encode()).hexdigest()[:12]
    return Item(feed=feed, index=index, guid=guid, url=f"https://news{feed % 7}.example.com/{published:%Y/%m}/{slug}",
                title=title, author=rng.choice(["Staff", "Ana Ruiz", "Tom Baker", "Priya Nair", "Wire Desk"]),
                published=published, paragraphs=tuple(paragraphs))


def feed_name(feed: int) -> str:
    return f"corpus-{feed:04d}"


def feed_items(seed: int, feed: int, items: int) -> list[Item]:
    n = names()
    return [make_item(seed, feed, i, n) for i in range(items)]


def rss(seed: int, feed: int, items: int) -> bytes:
    """One feed as RSS 2.0 bytes. One feed in three is WordPress-like: a short
    description plus the whole body in content:encoded."""
    wordpress = feed % 3 == 0
    parts = []
    for item in feed_items(seed, feed, items):
        if wordpress:
            body = (f"<description>{escape(item.paragraphs[0])}</description>"
                    f"<content:encoded>{escape(item.html())}</content:encoded>")
        else:
            body = f"<description>{escape(item.html())}</description>"
        parts.append(
            f"<item><title>{escape(item.title)}</title><link>{escape(item.url)}</link>"
            f'<guid isPermaLink="false">{escape(item.guid)}</guid>'
            f"<pubDate>{format_datetime(item.published, usegmt=True)}</pubDate>"
            f"<dc:creator>{escape(item.author)}</dc:creator><category>Artificial intelligence</category>"
            f"{body}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>Corpus wire {feed}</title><link>https://news{feed % 7}.example.com/</link>"
        f"<description>Synthetic AI-industry news, feed {feed}</description><language>en</language>"
        + "".join(parts) + "</channel></rss>\n"
    ).encode()


def write_feeds(directory: Path, *, feeds: int, items_per_feed: int, seed: int = DEFAULT_SEED) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for feed in range(feeds):
        path = directory / f"{feed_name(feed)}.xml"
        path.write_bytes(rss(seed, feed, items_per_feed))
        paths.append(path)
    return paths


# -- rows straight into DuckDB (for sizes no feed file should hold) ------------------

ROW_COLUMNS = ["feed", "item_guid", "url", "title", "author", "published_at", "body"]
CHUNK = 20_000


def _rows(args: tuple[int, int, int, int]) -> dict[str, list]:
    """Column lists of items [start, stop) spread over `feeds` feeds (in a worker process)."""
    seed, feeds, start, stop = args
    n = names()
    cols: dict[str, list] = {c: [] for c in ROW_COLUMNS}
    for k in range(start, stop):
        item = make_item(seed, k % feeds, k // feeds, n)
        cols["feed"].append(feed_name(item.feed))
        cols["item_guid"].append(item.guid)
        cols["url"].append(item.url)
        cols["title"].append(item.title)
        cols["author"].append(item.author)
        cols["published_at"].append(item.published.replace(tzinfo=None))
        cols["body"].append(item.text)
    return cols


def write_duckdb(path: Path, *, items: int, feeds: int = 200, seed: int = DEFAULT_SEED,
                 table: str = "corpus_items", processes: int | None = None) -> int:
    """`items` items as rows of `table` (replaced) in the DuckDB file at `path`,
    loaded a chunk at a time through Arrow; chunks are generated on every core."""
    import duckdb
    import pyarrow as pa

    if not table.isidentifier():
        raise ValueError(f"not a table name: {table!r}")
    chunks = [(seed, feeds, s, min(s + CHUNK, items)) for s in range(0, items, CHUNK)]
    con = duckdb.connect(str(path))
    try:
        con.execute(f"DROP TABLE IF EXISTS {table}")
        con.execute(f"CREATE TABLE {table} (feed VARCHAR, item_guid VARCHAR, url VARCHAR, title VARCHAR, "
                    "author VARCHAR, published_at TIMESTAMP, body VARCHAR)")

        def load(cols: dict[str, list]) -> None:
            batch = pa.table(cols)  # noqa: F841 (read by the SQL below)
            con.execute(f"INSERT INTO {table} SELECT * FROM batch")

        if len(chunks) > 1 and (processes or 0) != 1:
            from multiprocessing import get_context

            with get_context("spawn").Pool(processes) as pool:
                for cols in pool.imap(_rows, chunks):
                    load(cols)
        else:
            for chunk in chunks:
                load(_rows(chunk))
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items-per-feed", type=int, default=50)
    parser.add_argument("--out", type=Path, help="write one RSS file per feed into this folder")
    parser.add_argument("--items", type=int, help="total items, as rows (with --duckdb)")
    parser.add_argument("--duckdb", type=Path, help="write rows into this DuckDB file (table corpus_items)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.duckdb:
        count = write_duckdb(args.duckdb, items=args.items or args.feeds * args.items_per_feed,
                             feeds=args.feeds, seed=args.seed)
        print(f"{count:,} items in {args.duckdb} (table corpus_items) in {time.perf_counter() - started:.1f} s")
    elif args.out:
        paths = write_feeds(args.out, feeds=args.feeds, items_per_feed=args.items_per_feed, seed=args.seed)
        size = sum(p.stat().st_size for p in paths)
        print(f"{len(paths)} feeds x {args.items_per_feed} items ({size / 2**20:.1f} MiB) in {args.out} "
              f"in {time.perf_counter() - started:.1f} s")
    else:
        parser.error("give --out DIR (RSS files) or --duckdb FILE (rows)")


if __name__ == "__main__":
    sys.exit(main())
