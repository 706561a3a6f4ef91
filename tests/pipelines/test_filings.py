"""EDGAR and PACER feeds become filings and docket entries with their fields."""

import json

import feedparser


def rows(cli, query):
    return json.loads(cli("sql", "--format", "json", query).output)


def test_every_edgar_filing_feed_gives_filings_with_fields(shared_data, cli):
    files = sorted((shared_data / "feeds" / "sec_edgar").glob("*"))
    assert cli("ingest", *map(str, files)).exit_code == 0
    expected = 0
    for path in files:
        parsed = feedparser.parse(path.read_bytes())
        if "Press Releases" in parsed.feed.get("title", ""):
            continue  # SEC's newsroom: no filings in it
        expected += len({e.get("id") for e in parsed.entries})
    got = rows(cli, "SELECT count(*) AS n, count(accession) AS acc, count(form_type) AS forms, "
                    "count(cik) AS ciks, count(company_name) AS names, count(filed_at) AS dates FROM filings")[0]
    assert got["n"] == expected
    assert got["acc"] == got["forms"] == got["ciks"] == got["names"] == got["dates"] == expected
    bad = rows(cli, "SELECT accession, cik FROM filings "
                    "WHERE NOT regexp_full_match(accession, '\\d{10}-\\d{2}-\\d{6}') "
                    "OR NOT regexp_full_match(cik, '\\d{10}')")
    assert bad == []
    # SEC's misspelt <accession-nunber> (Twitter feed) and the feed-level filer of a company feed (Apple).
    twitter = rows(cli, "SELECT accession, form_type, company_name FROM filings WHERE cik = '0001418091' ORDER BY 1")
    assert twitter[0] == {"accession": "0001564590-16-013646", "form_type": "10-K", "company_name": "TWITTER, INC."}
    apple = rows(cli, "SELECT count(*) AS n, min(company) AS company FROM filings "
                      "WHERE cik = '0000320193' AND form_type = '10-K'")[0]
    assert apple == {"n": 10, "company": "apple"}
    latest = rows(cli, "SELECT role, company_name FROM filings WHERE accession = '0000950170-24-032448'")
    assert latest[0]["company_name"] in ("ESGEN LLC", "Zeo Energy Corp.")


def test_every_court_feed_gives_docket_entries_with_fields(shared_data, cli):
    files = sorted((shared_data / "feeds" / "court").glob("*"))
    assert cli("ingest", *map(str, files)).exit_code == 0
    total = sum(len(feedparser.parse(p.read_bytes()).entries) for p in files)
    got = rows(cli, "SELECT count(*) AS n, count(court) AS courts, count(case_number) AS cases, "
                    "count(filed_at) AS dates, count(description) AS descriptions FROM docket_entries")[0]
    assert got == {"n": total, "courts": total, "cases": total, "dates": total, "descriptions": total}
    # Double-escaped titles come out once-unescaped; odd docket numbers kept as PACER wrote them.
    food = rows(cli, "SELECT case_name FROM docket_entries WHERE case_number = '22-1214'")
    assert food == [{"case_name": "Food & Water Watch v. FERC"}]
    odd = rows(cli, "SELECT case_number, entry_number, description FROM docket_entries "
                    "WHERE court = 'Southern District of West Virginia' ORDER BY case_number")
    assert [r["case_number"] for r in odd] == ["2:13-cv-01808", "3:15-cv-13328", "5:18-~gr-00001"]
    assert all(r["description"] for r in odd)


def test_demo_docket_parties_resolve_to_companies(demo_warehouse, cli):
    got = json.loads(cli("sql", "--format", "json",
                         "SELECT DISTINCT case_number, parties FROM docket_entries", db=demo_warehouse).output)
    assert got and all("meta" in r["parties"] for r in got if r["case_number"].startswith("3:23-cv-03417"))
