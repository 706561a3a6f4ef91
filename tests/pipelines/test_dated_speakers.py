"""A person speaks for the company they worked for on the item's date, through
the whole pipeline: ingest a feed, read rivalry_edges back."""

import json


def _rss(items):
    body = "".join(
        f"<item><guid>{guid}</guid><title>{title}</title><link>https://news.example.com/{guid}</link>"
        f"<pubDate>{date}</pubDate><description>{text}</description></item>"
        for guid, title, date, text in items
    )
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>'
            f"<link>https://news.example.com/</link>{body}</channel></rss>")


def test_ingest_dates_decide_whom_a_person_speaks_for(tmp_path, cli):
    quote = "Mustafa Suleyman said OpenAI was far behind on memory features."
    feed = tmp_path / "wire.xml"
    feed.write_text(_rss([
        ("a", "Interview", "Mon, 13 Nov 2023 10:00:00 GMT", quote),
        ("b", "Interview again", "Mon, 13 Jan 2025 10:00:00 GMT", quote),
    ]), encoding="utf-8")
    assert cli("ingest", str(feed)).exit_code == 0
    done = cli("sql", "SELECT strftime(published_at, '%Y') AS year, speaker, target, stance "
                      "FROM rivalry_edges ORDER BY year", "--format", "json")
    rows = json.loads(done.output)
    assert [(r["year"], r["speaker"], r["target"], r["stance"]) for r in rows] == [
        ("2023", "inflection", "openai", "dismissive"),
        ("2025", "microsoft", "openai", "dismissive"),
    ]

