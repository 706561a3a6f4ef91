"""HTTP for feeds: httpx with connect/total timeouts, a cap on the
decompressed body, a redirect limit and the private-network guard checked on
every hop. feedparser never touches the network (DESIGN.md).

Also the small pieces of HTTP politeness that a refresh needs: conditional
request headers, Retry-After, and where a chain of permanent redirects led;
and SEC fair access on every hop to an EDGAR host (pipelines.sec_access:
a named contact in the User-Agent, one rate limit, the pause after 403/429).
"""

from __future__ import annotations

import ipaddress
import socket
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from pipelines import sec_access

DEFAULT_USER_AGENT = "rivalwatch/0.1 (+https://github.com/rivalwatch/rivalwatch)"
CONNECT_TIMEOUT_S = 10.0
TOTAL_TIMEOUT_S = 30.0
MAX_BYTES = 15 * 1024 * 1024
MAX_REDIRECTS = 5
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
# Only encodings we decode ourselves, so the size cap holds on decompressed bytes
# without ever inflating more than the cap (a gzip bomb stops at the cap).
ACCEPT_ENCODING = "gzip, deflate"
PERMANENT = (301, 308)

# Carrier-grade NAT is not "private" to the ipaddress module, but it is not the internet either.
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


class FetchError(RuntimeError):
    """A fetch that failed; the message names the URL (without credentials) and the reason."""


class EdgarRefused(FetchError):
    """An EDGAR request refused before it was sent: the User-Agent names no contact."""


class EdgarPaused(FetchError):
    """An EDGAR request not sent: EDGAR fetching is paused after a 403/429."""


@dataclass
class Fetched:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    redirects: list[tuple[int, str]] = field(default_factory=list)
    truncated: bool = False  # only with fetch(truncate=True): the body stops at the cap

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def redact(url: str) -> str:
    """The URL without user:password, for messages and logs."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MiB" if n >= 1024 * 1024 and n % (1024 * 1024) == 0 else f"{n:,} bytes"


def _is_blocked(address: ipaddress._BaseAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return (
        address.is_private or address.is_loopback or address.is_link_local
        or address.is_multicast or address.is_reserved or address.is_unspecified
        or (address.version == 4 and address in _CGNAT)
    )


def parse_allowance(value: bool | list[str] | tuple | None) -> bool | list:
    """`allow_private_networks`: False, True, or a list of CIDRs/addresses
    (become networks) and host names (kept as lowercase strings)."""
    if value in (None, False):
        return False
    if value is True:
        return True
    allowed: list = []
    for entry in value:
        try:
            allowed.append(ipaddress.ip_network(str(entry).strip(), strict=False))
        except ValueError:
            allowed.append(str(entry).strip().lower().rstrip("."))
    return allowed


def check_address(host: str, port: int, allowance: bool | list) -> None:
    """Refuse hosts that resolve to non-public addresses unless allowed.
    The link-local metadata range stays blocked under `True` and for allowed
    host names; only an explicit CIDR that covers it opens it."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r} ({exc.strerror})") from None
    named = isinstance(allowance, list) and host.lower().rstrip(".") in allowance
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not _is_blocked(address):
            continue
        if isinstance(allowance, list) and any(
            not isinstance(net, str) and address in net for net in allowance
        ):
            continue
        if (allowance is True or named) and not address.is_link_local:
            continue
        raise FetchError(
            f"refused: {host} resolves to the non-public address {address}; "
            "set allow_private_networks (or --allow-private-networks) to permit it"
        )


def conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from what the server sent last time."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Retry-After as seconds from ``now`` (naive UTC): delta-seconds or an
    HTTP date. None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return max(0.0, (when - now).total_seconds())


def permanent_redirect(fetched: Fetched) -> str | None:
    """Where the leading permanent redirects (301/308) of this fetch led, if
    any, and never from https down to http."""
    target = None
    previous = fetched.url
    for status, location in fetched.redirects:
        if status not in PERMANENT:
            break
        if urlsplit(previous).scheme == "https" and urlsplit(location).scheme != "https":
            return None
        target = previous = location
    return target


def fetch(
    url: str,
    *,
    user_agent: str = DEFAULT_USER_AGENT,
    connect_timeout: float = CONNECT_TIMEOUT_S,
    total_timeout: float = TOTAL_TIMEOUT_S,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    allow_private_networks: bool | list[str] | None = False,
    headers: dict[str, str] | None = None,
    client: httpx.Client | None = None,
    truncate: bool = False,
) -> Fetched:
    """GET a URL, following redirects by hand so each hop's address is checked.
    Any final status is returned (304 and errors included); the caller decides.
    With ``truncate`` a body over ``max_bytes`` is cut at the cap (and marked)
    instead of being an error. EDGAR hosts go through SEC fair access."""
    allowance = parse_allowance(allow_private_networks)
    deadline = time.monotonic() + total_timeout
    own_client = client is None
    client = client or new_client()
    request_headers = {
        "User-Agent": user_agent, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING, **(headers or {}),
    }
    current = url
    redirects: list[tuple[int, str]] = []
    try:
        for _hop in range(max_redirects + 1):
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(f"{redact(current)}: only http and https URLs can be fetched")
            check_address(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), allowance)
            queued = time.monotonic()
            edgar = _edgar_turn(parts.hostname, request_headers["User-Agent"])
            deadline += time.monotonic() - queued  # waiting our turn at SEC is not the server being slow
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise FetchError(f"{redact(current)}: timed out (limit {total_timeout:g} s)")
            timeout = httpx.Timeout(remaining, connect=min(connect_timeout, remaining))
            try:
                with client.stream("GET", current, headers=request_headers, timeout=timeout) as response:
                    if edgar is not None and response.status_code in sec_access.PAUSE_STATUSES:
                        edgar.pause(response.status_code, parts.hostname)
                    # Not `is_redirect`: httpx says True for every 3xx, 304 included.
                    if response.has_redirect_location:
                        target = urljoin(current, response.headers.get("location", ""))
                        redirects.append((response.status_code, target))
                        current = target
                        continue
                    body, cut = _read_capped(response, max_bytes, deadline, current, total_timeout, truncate)
                    return Fetched(
                        url=url, final_url=current, status=response.status_code,
                        headers={k.lower(): v for k, v in response.headers.items()},
                        body=body, redirects=redirects, truncated=cut,
                    )
            except httpx.TimeoutException:
                raise FetchError(f"{redact(current)}: timed out (limit {total_timeout:g} s)") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"{redact(current)}: {type(exc).__name__}: {exc}") from None
        raise FetchError(f"{redact(url)}: more than {max_redirects} redirects")
    finally:
        if own_client:
            client.close()


def _edgar_turn(host: str, user_agent: str) -> sec_access.EdgarGate | None:
    """For an EDGAR host: refuse an anonymous client, honour the pause, wait
    for the shared rate limit. Returns the gate (None for other hosts)."""
    gate = sec_access.GATE
    if not gate.covers(host):
        return None
    problem = sec_access.contact_problem(user_agent)
    if problem:
        raise EdgarRefused(f"refused: {problem}")
    paused = gate.pause_message()
    if paused:
        raise EdgarPaused(paused)
    gate.limiter.acquire()
    paused = gate.pause_message()  # another thread may have been answered 429 while this one waited
    if paused:
        raise EdgarPaused(paused)
    return gate


def new_client(connections: int = 10) -> httpx.Client:
    """A client for fetch(): no automatic redirects (we check each hop), no
    proxy settings from the environment, a bounded connection pool."""
    return httpx.Client(
        follow_redirects=False, trust_env=False,
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
    )


class _Decoder:
    """Content-Encoding decoding that never produces more than the cap."""

    def __init__(self, encoding: str, max_bytes: int, url: str, truncate: bool = False):
        encoding = (encoding or "identity").strip().lower()
        if encoding in ("", "identity"):
            self._inflate = None
        elif encoding in ("gzip", "x-gzip"):
            self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._inflate = "deflate"  # zlib-wrapped or raw: decided on the first bytes
        else:
            raise FetchError(f"{redact(url)}: unsupported content encoding {encoding!r}")
        self.max_bytes, self.url, self.size = max_bytes, url, 0
        self.truncate, self.full = truncate, False  # full: data beyond the cap was seen (and dropped)

    def _count(self, data: bytes) -> bytes:
        if self.size + len(data) > self.max_bytes:
            if not self.truncate:
                raise FetchError(
                    f"{redact(self.url)}: body larger than the {_size(self.max_bytes)} cap (decompressed)")
            data, self.full = data[: self.max_bytes - self.size], True
        self.size += len(data)
        return data

    def feed(self, data: bytes) -> bytes:
        if self._inflate is None:
            return self._count(data)
        if self._inflate == "deflate":
            wrapped = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._inflate = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        out = []
        try:
            while data and not self.full:
                out.append(self._count(self._inflate.decompress(data, self.max_bytes - self.size + 1)))
                data = self._inflate.unconsumed_tail
        except zlib.error as exc:
            raise FetchError(f"{redact(self.url)}: body is not valid compressed data ({exc})") from None
        return b"".join(out)

    def flush(self) -> bytes:
        if self._inflate is None or isinstance(self._inflate, str) or self.full:
            return b""
        return self._count(self._inflate.flush(self.max_bytes - self.size + 1))


def _read_capped(
    response: httpx.Response, max_bytes: int, deadline: float, url: str, total: float, truncate: bool = False,
) -> tuple[bytes, bool]:
    """The body, at most ``max_bytes`` decompressed, and whether it was cut there."""
    encoding = response.headers.get("content-encoding", "")
    declared = response.headers.get("content-length", "")
    if (not truncate and encoding.strip().lower() in ("", "identity") and declared.isdigit()
            and int(declared) > max_bytes):
        raise FetchError(
            f"{redact(url)}: body larger than the {_size(max_bytes)} cap ({int(declared):,} bytes declared)"
        )
    decoder = _Decoder(encoding, max_bytes, url, truncate)
    chunks = []
    for chunk in response.iter_raw():
        if time.monotonic() > deadline:
            raise FetchError(f"{redact(url)}: body still arriving after the total time limit ({total:g} s)")
        chunks.append(decoder.feed(chunk))
        if decoder.full:
            break  # the rest is not read: closing the stream drops it
    chunks.append(decoder.flush())
    return b"".join(chunks), decoder.full
