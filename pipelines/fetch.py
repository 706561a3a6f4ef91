"""HTTP for feeds: httpx with connect/total timeouts, a cap on the
decompressed body, a redirect limit and the private-network guard checked on
every hop. feedparser never touches the network (DESIGN.md)."""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

DEFAULT_USER_AGENT = "rivalwatch/0.1 (+https://github.com/rivalwatch/rivalwatch)"
CONNECT_TIMEOUT_S = 10.0
TOTAL_TIMEOUT_S = 30.0
MAX_BYTES = 15 * 1024 * 1024
MAX_REDIRECTS = 5
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

# Carrier-grade NAT is not "private" to the ipaddress module, but it is not the internet either.
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


class FetchError(RuntimeError):
    """A fetch that failed; the message names the URL (without credentials) and the reason."""


@dataclass
class Fetched:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    redirects: list[tuple[int, str]] = field(default_factory=list)


def redact(url: str) -> str:
    """The URL without user:password, for messages and logs."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def _is_blocked(address: ipaddress._BaseAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return (
        address.is_private or address.is_loopback or address.is_link_local
        or address.is_multicast or address.is_reserved or address.is_unspecified
        or (address.version == 4 and address in _CGNAT)
    )


def parse_allowance(value: bool | list[str] | None) -> bool | list:
    """`allow_private_networks`: False, True, or a list of hosts/CIDRs."""
    if value in (None, False):
        return False
    if value is True:
        return True
    return [ipaddress.ip_network(v, strict=False) for v in value]


def check_address(host: str, port: int, allowance: bool | list) -> None:
    """Refuse hosts that resolve to non-public addresses unless allowed.
    The link-local metadata range stays blocked under `True`; only an explicit
    CIDR opens it."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r} ({exc.strerror})") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not _is_blocked(address):
            continue
        if isinstance(allowance, list) and any(address in net for net in allowance):
            continue
        if allowance is True and not address.is_link_local:
            continue
        raise FetchError(
            f"refused: {host} resolves to the non-public address {address}; "
            "set allow_private_networks (or --allow-private-networks) to permit it"
        )


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
) -> Fetched:
    """GET a URL, following redirects by hand so each hop's address is checked."""
    allowance = parse_allowance(allow_private_networks)
    deadline = time.monotonic() + total_timeout
    timeout = httpx.Timeout(total_timeout, connect=connect_timeout)
    own_client = client is None
    client = client or httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False)
    request_headers = {"User-Agent": user_agent, "Accept": ACCEPT, **(headers or {})}
    current = url
    redirects: list[tuple[int, str]] = []
    try:
        for _hop in range(max_redirects + 1):
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(f"{redact(current)}: only http and https URLs can be fetched")
            check_address(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), allowance)
            try:
                with client.stream("GET", current, headers=request_headers) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        target = urljoin(current, location)
                        redirects.append((response.status_code, target))
                        current = target
                        continue
                    body = _read_capped(response, max_bytes, deadline, current)
                    return Fetched(
                        url=url, final_url=current, status=response.status_code,
                        headers={k.lower(): v for k, v in response.headers.items()},
                        body=body, redirects=redirects,
                    )
            except httpx.TimeoutException:
                raise FetchError(f"{redact(current)}: timed out (limit {total_timeout:g} s)") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"{redact(current)}: {type(exc).__name__}: {exc}") from None
        raise FetchError(f"{redact(url)}: more than {max_redirects} redirects")
    finally:
        if own_client:
            client.close()


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float, url: str) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(
                f"{redact(url)}: body larger than the {max_bytes // (1024 * 1024)} MiB cap (decompressed)"
            )
        if time.monotonic() > deadline:
            raise FetchError(f"{redact(url)}: body still arriving after the total time limit")
        chunks.append(chunk)
    return b"".join(chunks)
