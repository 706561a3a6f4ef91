"""Bad input: a one-line error naming the culprit, the rest still lands,
non-zero exit only when nothing could be read."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import write_feed


def test_malformed_files_error_and_others_land(tmp_path, cli):
    good = write_feed(tmp_path / "good.xml", [("a1", "OpenAI ships a model", "OpenAI released GPT-4o.")])
    truncated = tmp_path / "truncated.xml"
    truncated.write_text('<?xml version="1.0"?><rss version="2.0"><chann', encoding="utf-8")
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"\x00\x01\x02 not xml at all \xff\xfe")
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    result = cli("ingest", str(truncated), str(good), str(garbage), str(empty), str(tmp_path / "missing.xml"))
    assert result.exit_code == 0
    errors = [line for line in result.output.splitlines() if line.startswith("error")]
    assert len(errors) == 4
    for name in ("truncated.xml", "garbage.bin", "empty.xml", "missing.xml"):
        assert any(name in line for line in errors), name
    assert any("no such file" in line.lower() for line in errors)
    assert any("empty document" in line for line in errors)
    assert "Traceback" not in result.output
    assert "1 of 5 sources read, 1 new items" in result.output


def test_exit_code_nonzero_only_when_nothing_read(tmp_path, cli):
    bad = tmp_path / "bad.xml"
    bad.write_text("<html><body>Moved</body></html>", encoding="utf-8")
    result = cli("ingest", str(bad))
    assert result.exit_code == 1
    assert "bad.xml: an HTML page, not an RSS or Atom feed" in result.output


class _Handler(BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):  # noqa: N802 (http.server API)
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path):
    feed = write_feed(tmp_path / "served.xml", [
        ("s1", "Nvidia on demand", "Nvidia said in a statement that demand from Microsoft remained strong."),
        ("s2", "Quiet day", "Nothing happened."),
    ]).read_bytes()
    _Handler.routes = {
        "/feed.xml": (200, {"Content-Type": "application/rss+xml"}, feed),
        "/moved": (301, {"Location": "/feed.xml"}, b""),
        "/gone": (410, {}, b"gone"),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_ingest_url_from_local_server(server, cli):
    result = cli("ingest", "--allow-private-networks", "--feed-name", "local", f"{server}/moved")
    assert result.exit_code == 0, result.output
    assert "ok     local" in result.output and "2 items, 2 new" in result.output
    edges = cli("sql", "--format", "csv", "SELECT speaker, target, speaker_via FROM rivalry_edges").output
    assert "nvidia,microsoft,reported_speech" in edges


def test_private_address_refused_by_default_and_http_errors_named(server, cli):
    refused = cli("ingest", f"{server}/feed.xml")
    assert refused.exit_code == 1
    assert "non-public address 127.0.0.1" in refused.output
    assert "allow_private_networks" in refused.output
    gone = cli("ingest", "--allow-private-networks", f"{server}/gone", f"{server}/feed.xml")
    assert gone.exit_code == 0
    assert f"error  {server}/gone: server answered HTTP 410" in gone.output


def test_credentials_in_url_are_never_printed(server, cli):
    url = server.replace("http://", "http://alice:s3cret@") + "/gone"
    result = cli("ingest", "--allow-private-networks", url)
    assert "s3cret" not in result.output
    assert "alice" not in result.output
