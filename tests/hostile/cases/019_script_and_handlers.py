"""Script tags and event handlers in item content, in every way a feed can carry HTML."""

from html import escape

from tests.hostile.documents import rss

PAYLOADS = [
    "<p>Nvidia said that Microsoft is a threat.<script>alert('x')</script></p>",
    "<img src=x onerror=\"alert('x')\"><b onmouseover=alert(1)>OpenAI</b> said Google is a threat.",
    "<svg onload=alert(1)><script>alert(2)</script></svg><iframe src=javascript:alert(3)></iframe>Meta said so.",
    "<a href=\"javascript:alert(1)\">click</a><style>body{display:none}</style><object data=x></object>text",
]

DESCRIPTION = "<script>, onerror/onload/onmouseover handlers, svg, iframe, style in escaped HTML, CDATA and XHTML"
EXPECTED = "stored as plain text: no tags, no handler attributes; rendered escaped on the dashboard"
OUTCOME = "ok"
MESSAGE = r"^ok .*: 8 items, 8 new"


def source(ctx):
    items = []
    for i, html in enumerate(PAYLOADS):
        items.append(f"<item><guid>esc-{i}</guid><title>T {i}</title><description>{escape(html)}</description></item>")
        items.append(f"<item><guid>cdata-{i}</guid><title>C {i}</title>"
                     f"<description><![CDATA[{html}]]></description></item>")
    return ctx.serve("/feed.xml", rss(items).encode())


def check(ctx, run):
    from dashboard.quotes import highlight, sentence_html

    rows = run.sql("SELECT title, body FROM items WHERE feed = 'Hostile Wire'")
    for body in rows["body"]:
        lowered = body.lower()
        for bad in ("<script", "onerror", "onload", "onmouseover", "<iframe", "<svg", "<style", "alert("):
            assert bad not in lowered, (bad, body)
    rendered = sentence_html({"sentence": "<script>alert(1)</script> <img src=x onerror=alert(1)>",
                              "title": "<b onmouseover=alert(1)>t</b>", "url": "javascript:alert(1)",
                              "aliases": ["img"]})
    assert "<script" not in rendered and "<img" not in rendered and "javascript:" not in rendered
    assert "&lt;script&gt;" in highlight("<script>")
