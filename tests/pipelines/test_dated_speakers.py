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



def _blog(link, title="News"):
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>{link}</link><item><guid>p1</guid><title>Our new model</title>"
            "<pubDate>Mon, 13 Jan 2025 10:00:00 GMT</pubDate>"
            "<description>Our new model outperforms Gemini Ultra on every benchmark we ran.</description>"
            "</item></channel></rss>")


def test_a_feed_from_a_companys_own_site_speaks_for_it(tmp_path, cli):
    feed = tmp_path / "blog.xml"
    feed.write_text(_blog("https://openai.com/news/"), encoding="utf-8")
    done = cli("ingest", str(feed))
    assert "speaking: openai, from its own site" in done.output
    rows = json.loads(cli("sql", "SELECT speaker, target, stance, speaker_via FROM rivalry_edges",
                          "--format", "json").output)
    assert rows == [{"speaker": "openai", "target": "google", "stance": "benchmark", "speaker_via": "feed_owner"}]


def test_owner_none_and_other_sites_speak_for_nobody(tmp_path, cli):
    feed = tmp_path / "blog.xml"
    feed.write_text(_blog("https://openai.com/news/"), encoding="utf-8")
    other = tmp_path / "alerts.xml"
    other.write_text(_blog("https://www.google.com/alerts/feeds/1/2", "Alerts"), encoding="utf-8")
    assert cli("ingest", "--owner", "none", str(feed)).exit_code == 0
    done = cli("ingest", str(other))
    assert "speaking" not in done.output
    count = cli("sql", "SELECT count(*) AS n FROM rivalry_edges", "--format", "json").output
    assert json.loads(count) == [{"n": 0}]
