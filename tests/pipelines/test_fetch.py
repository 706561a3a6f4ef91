"""pipelines.fetch against a real HTTP server on 127.0.0.1: validators,
redirect chains, the private-network guard on every hop, time and size caps."""

import gzip
import zlib
from datetime import datetime

import pytest

from pipelines.fetch import (
    Fetched,
    FetchError,
    conditional_headers,
    fetch,
    parse_allowance,
    permanent_redirect,
    retry_after_seconds,
)
from tests.feedserver import FeedServer, feed_of

LOCAL = ["127.0.0.1/32"]


@pytest.fixture
def server():
    with FeedServer() as srv:
        yield srv


def get(url, **options):
    options.setdefault("allow_private_networks", LOCAL)
    return fetch(url, **options)


def test_200_then_304_by_etag_and_by_last_modified(server, shared_data):
    path = shared_data / "feeds" / "news" / "olshansk__anthropic_news_feed_EXCERPT_2026.xml"
    route = server.file("/anthropic.xml", path)
    first = get(server.url("/anthropic.xml"), user_agent="rw-test (me@example.com)")
    assert first.status == 200 and first.body == path.read_bytes()
    assert first.headers["etag"] == route.etag and first.headers["last-modified"] == route.last_modified
    assert server.headers_of("/anthropic.xml")[0]["user-agent"] == "rw-test (me@example.com)"

    by_etag = get(server.url("/anthropic.xml"), headers=conditional_headers(route.etag, None))
    assert by_etag.not_modified and by_etag.body == b""
    server.add("/lm.xml", b"<rss/>", last_modified=route.last_modified)  # no ETag: Last-Modified alone
    by_date = get(server.url("/lm.xml"), headers=conditional_headers(None, route.last_modified))
    assert by_date.status == 304
    assert server.headers_of("/lm.xml")[0]["if-modified-since"] == route.last_modified


def test_301_302_308_chain_is_followed_and_recorded(server):
    server.feed("/feed.xml", feed_of("chain", 2))
    server.redirect("/a", "/b", 301)
    server.redirect("/b", server.url("/c"), 302)
    server.redirect("/c", "/feed.xml", 308)
    got = get(server.url("/a"))
    assert got.status == 200 and got.final_url == server.url("/feed.xml")
    assert [status for status, _ in got.redirects] == [301, 302, 308]
    # Only the leading permanent hops count as "moved": /a -> /b, not the rest.
    assert permanent_redirect(got) == server.url("/b")


def test_more_than_five_redirects_is_an_error(server):
    for i in range(6):
        server.redirect(f"/r{i}", f"/r{i + 1}", 302)
    server.feed("/r6", feed_of("far", 1))
    with pytest.raises(FetchError, match="more than 5 redirects"):
        get(server.url("/r0"))
    assert get(server.url("/r1")).status == 200  # five hops are fine


def test_redirect_to_a_private_address_is_refused(server):
    server.redirect("/to-private", "http://127.0.0.2:9/feed.xml", 302)
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.2 resolves to the non-public address"):
        get(server.url("/to-private"))
    server.redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/", 301)
    with pytest.raises(FetchError, match="169.254.169.254"):
        get(server.url("/to-metadata"), allow_private_networks=True)  # true never opens link-local
    with pytest.raises(FetchError, match="refused"):
        fetch(server.url("/to-private"))  # the default refuses loopback itself


def test_allowance_by_host_name_and_metadata_only_by_explicit_cidr(server):
    server.feed("/feed.xml", feed_of("named", 1))
    port = server.httpd.server_address[1]
    assert fetch(f"http://localhost:{port}/feed.xml", allow_private_networks=["localhost"]).status == 200
    assert parse_allowance(["169.254.169.254/32", "Feeds.Example."]) [1] == "feeds.example"


def test_3xx_without_location_and_304_are_returned_not_followed(server):
    server.add("/odd", b"", status=300)
    assert get(server.url("/odd")).status == 300


def test_slow_drip_body_hits_the_total_timeout(server):
    server.add("/drip", feed_of("drip", 20), drip_interval=0.05)
    with pytest.raises(FetchError, match="time limit|timed out"):
        get(server.url("/drip"), total_timeout=0.5)


def test_oversized_body_is_capped(server):
    server.add("/big", b"<rss>" + b"x" * 300_000 + b"</rss>")
    with pytest.raises(FetchError, match="larger than the 100,000 bytes cap"):
        get(server.url("/big"), max_bytes=100_000)


def test_gzip_bomb_stops_at_the_cap(server):
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 100_000
    server.add("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match=r"larger than the 1 MiB cap \(decompressed\)"):
        get(server.url("/bomb"), max_bytes=1024 * 1024)


def test_gzip_and_deflate_bodies_are_decoded(server):
    body = feed_of("zipped", 3)
    server.add("/gz", gzip.compress(body), headers={"Content-Encoding": "gzip"})
    server.add("/zlib", zlib.compress(body), headers={"Content-Encoding": "deflate"})
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    server.add("/raw", raw.compress(body) + raw.flush(), headers={"Content-Encoding": "deflate"})
    for path in ("/gz", "/zlib", "/raw"):
        assert get(server.url(path)).body == body, path
    assert server.headers_of("/gz")[0]["accept-encoding"] == "gzip, deflate"


def test_retry_after_in_both_forms():
    now = datetime(2037, 10, 21, 5, 28, 0)
    assert retry_after_seconds("120", now) == 120
    assert retry_after_seconds("Wed, 21 Oct 2037 07:28:00 GMT", now) == 7200
    assert retry_after_seconds("Wed, 21 Oct 2037 04:00:00 GMT", now) == 0  # already past
    assert retry_after_seconds("soon", now) is None and retry_after_seconds(None, now) is None


def test_permanent_redirect_never_downgrades_to_http():
    def fetched(url, redirects):
        return Fetched(url=url, final_url=redirects[-1][1], status=200, headers={}, body=b"", redirects=redirects)

    assert permanent_redirect(fetched("https://a.example/f", [(301, "http://b.example/f")])) is None
    assert permanent_redirect(fetched("http://a.example/f", [(308, "https://b.example/f")])) == "https://b.example/f"
    assert permanent_redirect(fetched("https://a.example/f", [(302, "https://b.example/f")])) is None
