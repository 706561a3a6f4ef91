"""A real HTTP server on 127.0.0.1 for fetch and refresh tests.

Routes map a path to a Route (status, headers, body) that honours
If-None-Match / If-Modified-Since when it has an ETag or Last-Modified, can
drip its body slowly, or is a callable for anything else. Every request is
recorded (path and headers) so tests can see what the client sent.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    drip_interval: float | None = None  # seconds between single bytes of the body
    delay: float = 0.0  # seconds before answering


def rss(items: list[tuple[str, str, str]], title: str = "Local Wire") -> bytes:
    """A small RSS 2.0 document: items are (guid, title, text)."""
    body = "".join(
        f"<item><guid>{escape(g)}</guid><title>{escape(t)}</title><link>https://news.example.com/{escape(g)}</link>"
        f"<pubDate>Mon, 13 Jan 2025 10:00:00 GMT</pubDate><description>{escape(d)}</description></item>"
        for g, t, d in items
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>https://news.example.com/</link>{body}</channel></rss>").encode()


def feed_of(name: str, count: int, *, start: int = 0) -> bytes:
    """A feed of ``count`` distinct items that mention companies."""
    return rss([(f"{name}-{i}", f"{name} story {i}", f"Nvidia said that Microsoft bought more chips, item {i}.")
                for i in range(start, start + count)], title=name)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that hangs up on a capped body is the point of the test


class FeedServer:
    def __init__(self, host: str = "127.0.0.1"):
        self.routes: dict[str, Route | Callable] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 (http.server API)
                with server._lock:
                    server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path)
                if route is None:
                    return self._send(404, {}, b"not found")
                if callable(route):
                    return route(self)
                if route.delay:
                    time.sleep(route.delay)
                headers = dict(route.headers)
                if route.etag:
                    headers["ETag"] = route.etag
                if route.last_modified:
                    headers["Last-Modified"] = route.last_modified
                if route.status == 200 and self._not_modified(route):
                    return self._send(304, headers, b"")
                if route.drip_interval:
                    return self._drip(route, headers)
                return self._send(route.status, headers, route.body)

            def _not_modified(self, route: Route) -> bool:
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    return True
                return bool(route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified
                            and not self.headers.get("If-None-Match"))

            def _send(self, status, headers, body):
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)

            def _drip(self, route, headers):
                self.send_response(route.status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                deadline = time.monotonic() + 10  # bounded, whatever the client does
                try:
                    for i in range(len(route.body)):
                        if time.monotonic() > deadline:
                            break
                        self.wfile.write(route.body[i : i + 1])
                        self.wfile.flush()
                        time.sleep(route.drip_interval)
                except OSError:
                    pass  # the client gave up, as it should

            def log_message(self, *args):
                pass

        self.httpd = _QuietServer((host, 0), Handler)
        self.base = f"http://{host}:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes = b"", **options) -> Route:
        route = Route(body=body, **options)
        self.routes[path] = route
        return route

    def feed(self, path: str, body: bytes, **options) -> Route:
        """A feed with an ETag derived from its body (as most servers do)."""
        options.setdefault("etag", f'"{hashlib.sha1(body).hexdigest()[:16]}"')
        options.setdefault("headers", {"Content-Type": "application/rss+xml"})
        return self.add(path, body, **options)

    def file(self, path: str, source: Path) -> Route:
        return self.feed(path, source.read_bytes(),
                         last_modified=time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(source.stat().st_mtime)))

    def redirect(self, path: str, location: str, status: int = 301) -> None:
        self.add(path, b"", status=status, headers={"Location": location})

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for p, _ in self.requests if p == path)

    def headers_of(self, path: str) -> list[dict[str, str]]:
        with self._lock:
            return [h for p, h in self.requests if p == path]

    def __enter__(self) -> FeedServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def write_config(path: Path, feeds: list[dict], **settings) -> Path:
    """A feeds.toml for tests: loopback allowed, short timeouts, small caps."""
    values = {"user_agent": "rivalwatch-tests (tests@example.com)", "allow_private_networks": ["127.0.0.1/32"],
              "connect_timeout": "2s", "total_timeout": "5s", "max_bytes": "1MiB", **settings}

    def toml(value) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return str(value)
        if isinstance(value, list):
            return "[" + ", ".join(toml(v) for v in value) + "]"
        return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["[settings]"] + [f"{k} = {toml(v)}" for k, v in values.items()]
    for feed in feeds:
        lines += ["", "[[feed]]"] + [f"{k} = {toml(v)}" for k, v in feed.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
