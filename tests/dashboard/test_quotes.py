"""Evidence quotes are built from escaped feed text only: the marks and the
links are ours, and only http(s) links are links."""

from __future__ import annotations

import pandas as pd

from dashboard import quotes


def test_aliases_are_marked_and_everything_else_is_escaped():
    text = 'Meta said <b>"GPT-4"</b> & Llama 3 beat GPT-4o'
    out = quotes.highlight(text, ["GPT-4", "GPT-4o", "Llama 3"])
    assert out == ('Meta said &lt;b&gt;&quot;<mark>GPT-4</mark>&quot;&lt;/b&gt; &amp; '
                   '<mark>Llama 3</mark> beat <mark>GPT-4o</mark>')  # the longest alias wins


def test_an_alias_made_of_markup_is_escaped_too():
    out = quotes.highlight("x <img src=x onerror=alert(1)> y", ["<img src=x onerror=alert(1)>"])
    assert "<img" not in out and "<mark>&lt;img src=x onerror=alert(1)&gt;</mark>" in out


def test_no_alias_means_plain_escaped_text():
    assert quotes.highlight("<script>", []) == "&lt;script&gt;"
    assert quotes.highlight(None, ["x"]) == ""


def test_only_web_urls_become_links():
    assert quotes.web_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "/local/path.xml",
                "https://", None, 3):
        assert quotes.web_url(bad) is None, bad


ROW = {
    "published_at": pd.Timestamp("2025-01-10 09:00"), "speaker": "meta", "target": "openai",
    "stance": "benchmark", "polarity": 0.15, "speaker_name": "Ahmad <Al-Dahle>",
    "evidence": 'the goal "needs to be GPT-4"', "aliases": ["GPT-4"], "feed": "ai-wire",
    "title": "Inside <Meta>", "url": "https://news.example.com/a\" onclick=\"x",
    "sources": ["ai-wire", "tech-news"],
    "source_urls": ["https://news.example.com/a", "javascript:alert(1)", "https://other.example/b"],
}


def test_a_statement_card_is_safe():
    out = quotes.statement_html(ROW)
    assert "<mark>GPT-4</mark>" in out
    assert "Ahmad &lt;Al-Dahle&gt;" in out and "Inside &lt;Meta&gt;" in out
    assert 'href="https://news.example.com/a&quot; onclick=&quot;x"' in out  # one attribute, quoted
    assert "javascript:" not in out
    assert "carried by 2 feeds" in out and "other.example" in out


def test_a_non_web_source_is_text_not_a_link():
    out = quotes.statement_html(dict(ROW, url="javascript:alert(1)", source_urls=[], sources=["ai-wire"]))
    assert "<a " not in out and "Inside &lt;Meta&gt;" in out


def test_sentence_cards_and_the_block():
    frame = pd.DataFrame([{"published_at": None, "companies": ["meta"], "sentence": "Meta shrugged.",
                           "aliases": ["Meta"], "feed": "f", "title": None, "url": None,
                           "sources": ["f"], "source_urls": []}])
    out = quotes.quotes_html(frame, quotes.sentence_html)
    assert out.startswith("<style>") and "<mark>Meta</mark> shrugged." in out and "undated" in out
