"""Feed HTML to text: pipelines.text is the only sanitizer (feedparser's own is
off, see pipelines.parse), so everything it must drop is checked here, with
the whitespace rules every stored title and body follows."""

from datetime import datetime

import pytest

from pipelines.parse import normalize_entries, parse_document
from pipelines.text import DROPPED_TAGS, html_to_text


@pytest.mark.parametrize("tag", [t for t in DROPPED_TAGS if t != "embed"])  # embed is void: it has no content
def test_dropped_elements_lose_their_content(tag):
    assert html_to_text(f"<p>Nvidia said so.<{tag}>alert(1) hidden</{tag}></p>") == "Nvidia said so."


@pytest.mark.parametrize("html", ["<SCRIPT>alert(1)</SCRIPT>kept", "<Style>p{}</Style>kept",
                                  "<svg><text>x</text></svg>kept", "<embed src=x>kept"])
def test_dropped_elements_in_any_case(html):
    assert html_to_text(html) == "kept"


def test_handlers_and_links_vanish_with_their_tags():
    text = html_to_text('<img src=x onerror="alert(1)"><a href="javascript:alert(2)">OpenAI</a> said '
                        "<b onclick=x>so</b>")
    assert text == "OpenAI said so"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("plain  text\twith\u00a0spaces ", "plain text with spaces"),
        ("one\nparagraph\r\nhere", "one paragraph here"),
        ("first\n \n\n  second\n\n\nthird", "first\n\nsecond\n\nthird"),
        ("\n\n  lead and trail  \n\n", "lead and trail"),
        ("bell\x07 and escape\x1b[31m red", "bell and escape[31m red"),
        ("em\u2003space kept inside a line", "em\u2003space kept inside a line"),
        ("<h1>Title</h1><p>Body one.</p><ul><li>a</li><li>b</li></ul>", "Title\n\nBody one.\n\na\n\nb"),
        ("Fish &amp; chips &lt;p&gt;", "Fish & chips <p>"),
        ("in<b>line</b> tags keep words whole", "inline tags keep words whole"),
        ("", ""),
    ],
)
def test_whitespace_and_blocks(given, expected):
    assert html_to_text(given) == expected


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.com/news/"><title>Blog</title><id>urn:b</id>
<entry><id>urn:b:1</id><title type="html">&lt;b onmouseover=x&gt;Llama&lt;/b&gt; news</title>
<link href="2025/one"/><updated>2025-01-13T10:00:00Z</updated>
<content type="html">&lt;p&gt;Nvidia &lt;a href="/x"&gt;said&lt;/a&gt; so.&lt;applet&gt;hidden&lt;/applet&gt;&lt;/p&gt;
&lt;p&gt;Next&lt;/p&gt;</content>
</entry>
<entry><id>urn:b:2</id><title>Two</title><link href="/two"/><updated>2025-01-13T10:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p onclick="alert(1)">Meta said so.</p>
<script>alert(2)</script><style>p{}</style></div></content></entry>
</feed>"""


def test_feed_items_are_text_and_links_still_resolve():
    items = normalize_entries(parse_document(ATOM), feed_name="blog", fetched_at=datetime(2026, 1, 1))
    first, second = items
    assert first["title"] == "Llama news"
    assert first["body"] == "Nvidia said so.\n\nNext"
    # Item links are resolved against xml:base whatever happens to links inside the HTML.
    assert first["url"] == "https://blog.example.com/news/2025/one"
    assert second["url"] == "https://blog.example.com/two"
    assert second["body"] == "Meta said so."


def test_rss_description_in_cdata_and_escaped():
    rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><link>https://w.example.com/</link>'
           b"<item><guid>a</guid><title>A</title><description><![CDATA[<p>One <script>x()</script>two</p>]]>"
           b"</description></item><item><guid>b</guid><title>B</title>"
           b"<description>&lt;p&gt;Three&lt;/p&gt;&lt;p&gt;four&lt;/p&gt;</description></item></channel></rss>")
    items = normalize_entries(parse_document(rss), feed_name="w", fetched_at=datetime(2026, 1, 1))
    assert [i["body"] for i in items] == ["One two", "Three\n\nfour"]
