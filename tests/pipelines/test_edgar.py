"""SEC EDGAR as a first-class source, against a real HTTP server on
127.0.0.1 that stands in for sec.gov: fair access (a contact in the
User-Agent, one rate limit for every thread, the pause after 403/429), the
filing documents (found on the index page, capped, their competitors), the
choice of forms, and the docket-gap warning. No timing assertions: the rate
is judged on when the server saw each request."""

import bisect
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest

from pipelines import sec_access
from pipelines.feeds import EDGAR_FEED_URL, EDGAR_FORMS, ConfigError, parse_config
from pipelines.fetch import EdgarPaused, EdgarRefused, fetch, new_client
from pipelines.filing_documents import primary_document_url
from tests.conftest import ROOT
from tests.feedserver import FeedServer, feed_of
from tests.pipelines.test_refresh import T0, by_feed, configure, refresh, states
from warehouse import db, queries

LOCAL = ["127.0.0.1/32"]
UA = "rivalwatch-tests tests@example.com"
META_CIK = "0001326801"


@pytest.fixture
def server():
    with FeedServer() as srv:
        yield srv


@pytest.fixture
def edgar(monkeypatch):
    """A fresh EDGAR gate that treats the local server as sec.gov."""
    gate = sec_access.EdgarGate(domains=("127.0.0.1",))
    monkeypatch.setattr(sec_access, "GATE", gate)
    return gate


def edgar_atom(filings, cik=META_CIK, name="META PLATFORMS INC") -> bytes:
    """A per-company EDGAR Atom feed: filings are (accession, form, date, filing-href)."""
    entries = "".join(
        f'<entry><category label="form type" scheme="https://www.sec.gov/" term="{form}"/>'
        f'<content type="text/xml"><accession-number>{accession}</accession-number>'
        f"<filing-date>{date}</filing-date><filing-href>{href}</filing-href><filing-type>{form}</filing-type>"
        f"</content><id>urn:tag:sec.gov,2008:accession-number={accession}</id>"
        f'<link href="{href}" rel="alternate" type="text/html"/>'
        f'<summary type="html">Filed: {date} AccNo: {accession}</summary>'
        f"<title>{form} - {name} ({cik}) (Filer)</title><updated>{date}T10:00:00-05:00</updated></entry>"
        for accession, form, date, href in filings
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{name} ({cik})</title><id>urn:test:{cik}</id><updated>2030-01-01T00:00:00Z</updated>"
            f"{entries}</feed>").encode()


def index_page(rows) -> bytes:
    """An EDGAR filing index page: rows are (description, href, type)."""
    cells = "".join(f'<tr><td scope="row">{n}</td><td scope="row">{d}</td><td scope="row"><a href="{h}">{h}</a>'
                    f'</td><td scope="row">{t}</td><td scope="row">1000</td></tr>'
                    for n, (d, h, t) in enumerate(rows, start=1))
    return (f'<html><body><div id="formDiv"><table class="tableFile" summary="Document Format Files">'
            f"<tr><th>Seq</th><th>Description</th><th>Document</th><th>Type</th><th>Size</th></tr>{cells}</table>"
            f'<table class="tableFile" summary="Data Files"><tr><td>1</td><td>XBRL</td>'
            f'<td><a href="x.xml">x.xml</a></td><td>EX-101.INS</td><td>9</td></tr></table></div></body></html>'
            ).encode()


# A team-written 10-K in the usual layout: a table of contents naming the
# items, Item 1 with a "Competition" part, Item 1A with a competition risk
# and a supplier risk. Nvidia (a supplier in Item 1), Microsoft (a partner
# under another heading) and AMD (a supplier risk) are not competitors.
TEN_K = b"""<html><body>
<table><tr><td>Item 1.</td><td>Business</td><td>3</td></tr>
<tr><td>Item 1A.</td><td>Risk Factors</td><td>9</td></tr>
<tr><td>Item 2.</td><td>Properties</td><td>20</td></tr></table>
<p><b>Item 1. Business</b></p>
<p>We build social apps and open AI models. Our models are trained on GPUs from Nvidia.</p>
<p><b>Competition</b></p>
<p>Our competitors in artificial intelligence include OpenAI, Anthropic and Mistral AI.</p>
<p>We face intense competition from Google in AI assistants.</p>
<p><b>Employees</b></p>
<p>We work with Microsoft on cloud capacity for our engineers.</p>
<p><b>Item 1A. Risk Factors</b></p>
<p><i>Competition in artificial intelligence could adversely affect our business.</i></p>
<p>Developers such as xAI and DeepSeek have released capable models at low cost.</p>
<p><i>We depend on a few suppliers of hardware.</i></p>
<p>We buy accelerators from AMD, and a shortage could delay our plans.</p>
<p><b>Item 2. Properties</b></p>
<p>Our headquarters are in California.</p>
</body></html>"""


def sql(db_path, query, **params):
    con = db.open_reader(db_path)
    try:
        return con.execute(query, params or None).df()
    finally:
        con.close()


# -- SEC fair access ----------------------------------------------------------------------


def test_no_more_than_8_requests_in_any_second_across_threads(server, edgar):
    arrivals: list[float] = []
    lock = threading.Lock()

    def answer(handler):
        with lock:
            arrivals.append(time.monotonic())  # when the server saw it
        handler._send(200, {"Content-Type": "text/plain"}, b"ok")

    for i in range(100):
        server.routes[f"/Archives/{i}.txt"] = answer
    with new_client(16) as client, ThreadPoolExecutor(16) as pool:
        got = list(pool.map(lambda i: fetch(server.url(f"/Archives/{i}.txt"), user_agent=UA, client=client,
                                            allow_private_networks=LOCAL).status, range(100)))
    assert got == [200] * 100 and len(arrivals) == 100
    arrivals.sort()
    busiest = max(bisect.bisect_left(arrivals, start + 1.0) - i for i, start in enumerate(arrivals))
    assert busiest <= 8


def test_the_limiter_is_a_sliding_window():
    clock = [0.0]
    waits = []
    limiter = sec_access.RateLimiter(limit=8, window=1.1, clock=lambda: clock[0],
                                      sleep=lambda s: (waits.append(s), clock.__setitem__(0, clock[0] + s)))
    starts = []
    for _ in range(20):
        limiter.acquire()
        starts.append(clock[0])
    assert starts[:8] == [0.0] * 8 and starts[8] == pytest.approx(1.1) and starts[16] == pytest.approx(2.2)


@pytest.mark.parametrize("agent, why", [
    ("rivalwatch/0.1 (+https://example.org/bot)", "has no e-mail address"),
    ("ops@example.com", "has no name beside the address"),
])
def test_edgar_feeds_are_refused_without_a_name_and_contact(tmp_path, server, db_path, catalog, monkeypatch, agent,
                                                             why):
    server.feed("/sec.xml", edgar_atom([("0001326801-30-000001", "4", "2030-01-01", server.url("/i.htm"))]))
    server.feed("/news.xml", feed_of("news", 1))
    _, config = configure(tmp_path, server, {"sec": {"url": server.url("/sec.xml"), "kind": "edgar"},
                                             "news": "/news.xml"}, user_agent=agent)
    report = refresh(db_path, config, catalog)
    line = by_feed(report)["sec"].line()
    assert line.startswith("error  sec: refused: SEC EDGAR requires a User-Agent with your name and a contact e-mail")
    assert why in line
    assert 'set [settings] user_agent = "Your Name you@example.com" in feeds.toml' in line
    assert "RIVALWATCH_USER_AGENT" in line
    assert server.hits("/sec.xml") == 0 and by_feed(report)["news"].outcome == "fetched"
    sec = states(db_path)["sec"]
    assert sec.error_count == 0 and sec.last_fetch_at is None  # nothing to back off from: fix the setting, rerun
    # fetch() refuses any EDGAR host, whatever asks (ingest, a redirect, a document).
    monkeypatch.setattr(sec_access, "GATE", sec_access.EdgarGate(domains=("127.0.0.1",)))
    with pytest.raises(EdgarRefused, match=why):
        fetch(server.url("/news.xml"), user_agent=agent, allow_private_networks=LOCAL)
    assert sec_access.contact_problem("Jane Analyst jane.analyst@example.com") is None


@pytest.mark.parametrize("status", [403, 429])
def test_403_or_429_pauses_all_edgar_fetching_for_ten_minutes(tmp_path, server, db_path, catalog, edgar, status):
    server.add("/a.xml", b"", status=status)
    server.feed("/b.xml", edgar_atom([("0001326801-30-000002", "4", "2030-01-01", server.url("/b-index.htm"))]))
    feeds = {name: {"url": server.url(f"/{name}.xml"), "kind": "edgar"} for name in ("a", "b")}
    _, config = configure(tmp_path, server, feeds, max_workers=1, per_host_concurrency=1)

    first = by_feed(refresh(db_path, config, catalog))
    assert first["a"].outcome == "error" and f"server answered {status}" in first["a"].line()
    assert first["b"].line() == (f"skip   b: SEC EDGAR paused until 2030-01-01 12:10 UTC after HTTP {status} "
                                 "from 127.0.0.1 (SEC fair access); not fetched")
    assert server.hits("/b.xml") == 0 and states(db_path)["b"].last_fetch_at is None
    pause = sql(db_path, "SELECT * FROM source_pauses").iloc[0]
    assert pause["source"] == "sec-edgar" and pause["status"] == status
    assert T0 + timedelta(minutes=10) <= pause["paused_until"] < T0 + timedelta(minutes=11)

    # The next refresh within the pause (another process: only the warehouse remembers) skips EDGAR.
    edgar.restore(None)
    within = refresh(db_path, config, catalog, now=T0 + timedelta(minutes=5), force=True)
    assert [o.outcome for o in within.outcomes] == ["skipped", "skipped"] and within.exit_code == 0
    assert "2 skipped (SEC EDGAR paused)" in within.summary()
    assert server.hits("/a.xml") == 1 and server.hits("/b.xml") == 0

    server.feed("/a.xml", edgar_atom([("0001326801-30-000003", "4", "2030-01-01", server.url("/a-index.htm"))]))
    after = by_feed(refresh(db_path, config, catalog, now=T0 + timedelta(minutes=11), force=True))
    assert after["a"].outcome == after["b"].outcome == "fetched"


def test_a_pause_stops_requests_already_queued(server, edgar):
    server.add("/Archives/limited", b"", status=429)
    server.add("/Archives/next", b"ok")
    assert fetch(server.url("/Archives/limited"), user_agent=UA, allow_private_networks=LOCAL).status == 429
    with pytest.raises(EdgarPaused, match="after HTTP 429 from 127.0.0.1"):
        fetch(server.url("/Archives/next"), user_agent=UA, allow_private_networks=LOCAL)
    assert server.hits("/Archives/next") == 0


# -- filing documents ---------------------------------------------------------------------


def test_primary_document_from_the_index_page():
    base = "https://www.sec.gov/Archives/edgar/data/1326801/000132680130000001/"
    page = index_page([
        ("EXHIBIT 21", "/Archives/edgar/data/1326801/000132680130000001/ex21.htm", "EX-21"),
        ("10-K", "/ix?doc=/Archives/edgar/data/1326801/000132680130000001/meta-20291231.htm", "10-K"),
    ]).decode()
    index_url = base + "0001326801-30-000001-index.htm"
    assert primary_document_url(page, index_url, "10-K") == base + "meta-20291231.htm"
    assert primary_document_url(page, index_url, "10-K/A") == base + "meta-20291231.htm"
    assert primary_document_url(page, index_url, "S-1") == base + "ex21.htm"  # no row of that type: the first
    elsewhere = index_page([("10-K", "https://evil.example/10k.htm", "10-K")]).decode()
    assert primary_document_url(elsewhere, index_url, "10-K") is None  # never off the index page's host
    assert primary_document_url("<html>moved</html>", index_url, "10-K") is None


def test_documents_found_on_index_pages_name_the_filers_competitors(tmp_path, server, db_path, catalog, edgar, cli):
    folder = "/Archives/edgar/data/1326801/000132680130000001/"
    server.add(folder + "0001326801-30-000001-index.htm", index_page([
        ("10-K", f"/ix?doc={folder}meta-20291231.htm", "10-K"),
        ("SUBSIDIARIES", f"{folder}ex21.htm", "EX-21"),
    ]), headers={"Content-Type": "text/html"})
    server.add(folder + "meta-20291231.htm", TEN_K, headers={"Content-Type": "text/html; charset=utf-8"})
    server.add(folder + "ex21.htm", b"<p>Subsidiaries</p>")
    server.feed("/meta.xml", edgar_atom([
        ("0001326801-30-000001", "10-K", "2030-01-02", server.url(folder + "0001326801-30-000001-index.htm"))]))
    _, config = configure(tmp_path, server, {"sec-meta": {"url": server.url("/meta.xml"), "kind": "edgar"}})
    report = refresh(db_path, config, catalog)
    assert report.documents == 1 and "1 filing document" in report.summary()
    assert server.hits(folder + "ex21.htm") == 0
    document = sql(db_path, "SELECT * FROM filing_documents").iloc[0]
    assert document["status"] == "ok" and document["url"] == server.url(folder + "meta-20291231.htm")
    assert document["index_url"].endswith("-index.htm") and "intense competition from Google" in document["text"]

    named = sql(db_path, "SELECT filer, competitor, stance, section, form_type, accession FROM filing_competitors")
    pairs = {(r.filer, r.competitor, r.stance, r.section) for r in named.itertuples()}
    assert pairs == {
        ("meta", "openai", "neutral", "competition"), ("meta", "anthropic", "neutral", "competition"),
        ("meta", "mistral", "neutral", "competition"), ("meta", "google", "threat", "competition"),
        ("meta", "xai", "neutral", "risk_factors"), ("meta", "deepseek", "neutral", "risk_factors"),
    }
    assert set(named["accession"]) == {"0001326801-30-000001"} and set(named["form_type"]) == {"10-K"}
    # The filer still speaks about its supplier and partner: analysed, just not as competitors.
    spoken = set(sql(db_path, "SELECT target FROM rivalry_edges WHERE speaker = 'meta'")["target"])
    assert {"nvidia", "microsoft", "amd"} <= spoken

    # Nothing is fetched twice; re-analysis rebuilds the same competitors.
    refresh(db_path, config, catalog, now=T0 + timedelta(hours=1))
    assert server.hits(folder + "0001326801-30-000001-index.htm") == 1
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db_path, copy)
    assert cli("reanalyze", db=copy).exit_code == 0
    again = sql(copy, "SELECT filer, competitor, stance, section FROM filing_competitors")
    assert {tuple(r) for r in again.itertuples(index=False)} == pairs


def test_a_document_over_the_cap_is_truncated_with_a_note(tmp_path, server, db_path, catalog, edgar):
    paragraph = "<p>We face intense competition from OpenAI and Google in AI assistants.</p>\n"
    big = ("<html><body><p><b>Competition</b></p>\n" + paragraph * 4000 + "</body></html>").encode()
    server.add("/Archives/big-10k.htm", big, headers={"Content-Type": "text/html"})
    server.feed("/meta.xml", edgar_atom([
        ("0001326801-30-000004", "10-K", "2030-01-03", server.url("/Archives/big-10k.htm"))]))
    _, config = configure(tmp_path, server, {"sec-meta": {"url": server.url("/meta.xml"), "kind": "edgar"}},
                          max_document_bytes="64KiB")
    refresh(db_path, config, catalog)
    row = sql(db_path, "SELECT * FROM filing_documents").iloc[0]
    assert bool(row["truncated"]) and row["status"] == "truncated" and row["bytes"] == 64 * 1024
    assert row["note"] == (f"truncated: the document is {len(big):,} bytes; only the first 64 KiB were read "
                           "(max_document_bytes)")
    assert row["url"] == server.url("/Archives/big-10k.htm")  # the entry linked a document: no index page
    # What was read is analysed.
    assert {"openai", "google"} <= set(sql(db_path, "SELECT competitor FROM filing_competitors")["competitor"])


def test_truncation_also_caps_compressed_documents(server):
    import gzip

    body = b"<p>filler</p>" * 50_000
    server.add("/doc.htm", gzip.compress(body), headers={"Content-Encoding": "gzip"})
    got = fetch(server.url("/doc.htm"), max_bytes=10_000, truncate=True, allow_private_networks=LOCAL)
    assert got.truncated and got.body == body[:10_000]
    whole = fetch(server.url("/doc.htm"), max_bytes=len(body), truncate=True, allow_private_networks=LOCAL)
    assert not whole.truncated and whole.body == body


def test_only_the_chosen_forms_get_their_documents(tmp_path, server, db_path, catalog, edgar):
    filings = [("0001326801-30-000010", "10-K", "2030-01-05", "/idx-10k.htm"),
               ("0001326801-30-000011", "4", "2030-01-06", "/idx-4.htm"),
               ("0001326801-30-000012", "8-K", "2030-01-07", "/idx-8k.htm")]
    for accession, form, _, path in filings:
        server.add(path, index_page([(form, f"/doc-{accession}.htm", form)]), headers={"Content-Type": "text/html"})
        server.add(f"/doc-{accession}.htm", b"<p>A filing.</p>")
    server.feed("/meta.xml", edgar_atom([(a, f, d, server.url(p)) for a, f, d, p in filings]))
    _, config = configure(tmp_path, server, {"sec-meta": {"url": server.url("/meta.xml"), "kind": "edgar",
                                                          "forms": ["10-K"]}})
    refresh(db_path, config, catalog)
    assert sql(db_path, "SELECT count(*) AS n FROM filings")["n"][0] == 3  # every form is stored
    assert server.hits("/idx-10k.htm") == 1 and server.hits("/idx-4.htm") == server.hits("/idx-8k.htm") == 0
    assert list(sql(db_path, "SELECT accession FROM filing_documents")["accession"]) == ["0001326801-30-000010"]


def test_a_failed_document_is_recorded_and_retried_later(tmp_path, server, db_path, catalog, edgar):
    index = "/0001326801-30-000020-index.htm"
    server.add(index, b"<html><body>no table here</body></html>")
    server.feed("/meta.xml", edgar_atom([("0001326801-30-000020", "8-K", "2030-01-08", server.url(index))]))
    _, config = configure(tmp_path, server, {"sec-meta": {"url": server.url("/meta.xml"), "kind": "edgar"}})
    refresh(db_path, config, catalog)
    row = sql(db_path, "SELECT status, note, attempts, text FROM filing_documents").iloc[0]
    assert row["status"] == "error" and "no 8-K document listed on the filing index page" in row["note"]
    assert row["attempts"] == 1 and row["text"] is None
    refresh(db_path, config, catalog, now=T0 + timedelta(hours=1), force=True)
    assert server.hits(index) == 1  # not before six hours
    refresh(db_path, config, catalog, now=T0 + timedelta(hours=7), force=True)
    assert server.hits(index) == 2
    assert sql(db_path, "SELECT attempts FROM filing_documents")["attempts"][0] == 2


# -- configuration --------------------------------------------------------------------------


def test_edgar_feeds_by_cik_with_forms_and_docket_intervals():
    text = """
[settings]
user_agent = "Jane Analyst jane@example.com"
edgar_forms = ["10-K", "8-K"]
max_document_bytes = "5MiB"

[[feed]]
name = "sec-meta"
cik = "1326801"
forms = ["10-K", "def 14a"]

[[feed]]
name = "sec-microsoft"
cik = "0000789019"
owner = "microsoft"

[[feed]]
name = "court"
url = "https://www.courtlistener.com/docket/67569326/feed/"
kind = "docket"
"""
    config = parse_config(text, path=Path("f.toml"), environ={})
    meta, microsoft, court = config.feeds
    assert (meta.kind, meta.url, meta.forms) == ("edgar", EDGAR_FEED_URL.format(cik=META_CIK), ("10-K", "DEF 14A"))
    assert microsoft.forms is None and config.settings.edgar_forms == ("10-K", "8-K")
    assert config.settings.max_document_bytes == 5 * 1024 * 1024
    assert court.interval_s == 30 * 60
    daily = parse_config(text.replace('max_document_bytes = "5MiB"', 'default_interval = "1d"'), path=None,
                         environ={"RIVALWATCH_EDGAR_FORMS": "10-Q, s-1"})
    assert daily.feeds[2].interval_s == 12 * 3600 and daily.feeds[1].interval_s == 86400  # dockets: at most 12h
    assert daily.settings.edgar_forms == ("10-Q", "S-1")
    assert parse_config("", path=None, environ={}).settings.edgar_forms == EDGAR_FORMS
    with pytest.raises(ConfigError, match="forms is for edgar feeds"):
        parse_config('[[feed]]\nname = "n"\nurl = "https://n.example/f"\nforms = ["10-K"]\n', path=None, environ={})
    with pytest.raises(ConfigError, match="cik is for edgar feeds"):
        parse_config('[[feed]]\nname = "n"\ncik = "META"\n', path=None, environ={})


def test_the_packaged_feed_list_polls_dockets_at_least_every_12_hours():
    config = parse_config((ROOT / "feeds.toml").read_text(), path=None, environ={})
    dockets = [f for f in config.feeds if f.kind == "docket"]
    assert dockets and all(f.interval_s <= 12 * 3600 for f in dockets)
    assert config.settings.edgar_forms == EDGAR_FORMS


# -- dockets ---------------------------------------------------------------------------------


def test_docket_gaps_warn_that_entries_may_have_been_missed(tmp_path, server, db_path, catalog, cli, monkeypatch):
    sample = ROOT / "pipelines" / "samples" / "kadrey-docket.xml"
    server.file("/kadrey.xml", sample)
    server.feed("/quiet.xml", sample.read_bytes().replace(b"3:23-cv-03417-VC", b"3:24-cv-00001-VC"))
    server.feed("/news.xml", feed_of("news", 1))
    config_file, config = configure(tmp_path, server, {
        "kadrey": {"url": server.url("/kadrey.xml"), "kind": "docket", "interval": "1h"},
        "quiet": {"url": server.url("/quiet.xml"), "kind": "docket", "interval": "1h"},
        "news": {"url": server.url("/news.xml"), "interval": "1h"}})

    def gaps(now):
        con = db.open_reader(db_path)
        try:
            return queries.run(con, "docket_gaps", now=now).set_index("feed")
        finally:
            con.close()

    refresh(db_path, config, catalog)
    assert gaps(T0 + timedelta(hours=12)).empty
    later = T0 + timedelta(hours=30)
    refresh(db_path, config, catalog, now=later, only=["kadrey", "news"])
    gaps = gaps(later)
    assert list(gaps.index) == ["kadrey", "quiet"]  # never the news feed
    assert gaps.loc["kadrey", "previous_success_at"] == T0 and gaps.loc["kadrey", "gap_hours"] == 30.0
    assert gaps.loc["kadrey", "warning"] == ("30 hours between the last two successful fetches (the feed lists "
                                             "about 24): entries may have been missed")
    assert gaps.loc["quiet", "warning"] == "last successful fetch 30 hours ago: entries may have been missed"
    listed = cli("feeds", "list", "--config", str(config_file)).output
    assert ("warning: kadrey: 30 hours between the last two successful fetches (the feed lists about 24): "
            "entries may have been missed") in listed
    # The dashboard's Feeds page shows the gap between kadrey's two fetches (its clock is the real
    # one, before these tests' T0, so "quiet" has no since-last-success gap there).
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("RIVALWATCH_DB", str(db_path))
    page = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60).run()
    page.switch_page("views/feeds.py").run()
    warnings = [w.value for w in page.warning]
    assert any(w.startswith("kadrey: ") and "entries may have been missed" in w for w in warnings), warnings
    assert not any(w.startswith("news") for w in warnings), warnings


def test_demo_filers_name_their_competitors(demo_warehouse):
    named = sql(demo_warehouse, "SELECT DISTINCT filer, competitor FROM filing_competitors")
    by_filer = named.groupby("filer")["competitor"].apply(set).to_dict()
    assert {"openai", "google", "anthropic"} <= by_filer["meta"]
    assert {"google", "amazon", "meta", "openai"} <= by_filer["microsoft"]
    assert {"amd", "intel", "huawei"} <= by_filer["nvidia"]
    assert "openai" not in by_filer["nvidia"]  # a customer, named outside Competition and Risk Factors
    documents = sql(demo_warehouse, "SELECT count(*) AS n, count(text) AS read FROM filing_documents").iloc[0]
    assert documents["n"] == documents["read"] == 4
    stances = set(sql(demo_warehouse, "SELECT DISTINCT stance FROM filing_competitors")["stance"])
    assert stances == {"neutral", "threat", "benchmark"}
