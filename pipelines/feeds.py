"""Feed configuration: `feeds.toml` (settings + [[feed]] list) and OPML.

Settings are layered: the environment wins, then the TOML file, then the
defaults below; every setting has a one-line help (`rivalwatch feeds settings`).
Which file: `--config PATH` or RIVALWATCH_FEEDS, else ./feeds.toml, else the
packaged default list (pipelines/feeds.default.toml).
"""

from __future__ import annotations

import json
import os
import re
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from pipelines.fetch import CONNECT_TIMEOUT_S, DEFAULT_USER_AGENT, MAX_BYTES, MAX_REDIRECTS, TOTAL_TIMEOUT_S

KINDS = ("news", "blog", "edgar", "docket")
CONFIG_ENV = "RIVALWATCH_FEEDS"
LOCAL_CONFIG = Path("feeds.toml")
DEFAULT_INTERVAL_S = 30 * 60
MIN_INTERVAL_S = 60
# A docket feed lists only about the last 24 hours of entries: poll at least twice in that time.
DOCKET_MAX_DEFAULT_INTERVAL_S = 12 * 3600
# The forms whose primary document is fetched and analysed (entries of other forms are still stored).
EDGAR_FORMS = ("10-K", "10-Q", "8-K", "S-1", "DEF 14A")
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
DOCUMENTS_PER_REFRESH = 20
EDGAR_FEED_URL = ("https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK={cik}"
                  "&type=&dateb=&owner=include&count=40&output=atom")


class ConfigError(ValueError):
    """A feeds.toml or OPML problem; the message names the file, the entry and the fix."""


# -- durations and sizes -----------------------------------------------------

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(value: str | int | float) -> float:
    """'45s', '30m', '2h', '7d' or a number of seconds."""
    if isinstance(value, bool):
        raise ValueError(f"not a duration: {value!r}")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        found = _DURATION.match(str(value).lower())
        if not found:
            raise ValueError(f"not a duration: {value!r} (use e.g. 45s, 30m, 2h, 1d)")
        seconds = float(found.group(1)) * _UNITS[found.group(2)]
    if seconds <= 0:
        raise ValueError(f"a duration must be positive, not {value!r}")
    return seconds


def format_duration(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


_SIZE = re.compile(r"^\s*(\d+)\s*(b|kib|mib|gib|kb|mb|gb)?\s*$")
_SIZE_UNITS = {None: 1, "b": 1, "kib": 1024, "mib": 1024**2, "gib": 1024**3, "kb": 1000, "mb": 1000**2, "gb": 1000**3}


def parse_size(value: str | int) -> int:
    """'15MiB', '512KiB' or a number of bytes."""
    if isinstance(value, int) and not isinstance(value, bool):
        size = value
    else:
        found = _SIZE.match(str(value).lower())
        if not found:
            raise ValueError(f"not a size: {value!r} (use e.g. 15MiB or a number of bytes)")
        size = int(found.group(1)) * _SIZE_UNITS[found.group(2)]
    if size <= 0:
        raise ValueError(f"a size must be positive, not {value!r}")
    return size


_ALLOW_FORMS = 'must be false, true, or a list of hosts/CIDRs such as ["127.0.0.1/32"]'


def parse_allow(value) -> bool | list[str]:
    """false | true | a list of hosts/CIDRs; from the environment also
    'true', 'false' or a comma-separated list."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("", "0", "false", "no", "off"):
            return False
        if text in ("1", "true", "yes", "on"):
            return True
        value = [part for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        from pipelines.fetch import parse_allowance

        parse_allowance(value)  # fail early on nonsense
        return [v.strip() for v in value]
    raise ValueError(_ALLOW_FORMS)


def _positive_int(value) -> int:
    number = int(value)
    if isinstance(value, bool) or number <= 0 or float(value) != number:
        raise ValueError(f"must be a positive whole number, not {value!r}")
    return number


def parse_forms(value) -> tuple[str, ...]:
    """A list of SEC form types (["10-K", "8-K"]), or from the environment a
    comma-separated string; upper case, no duplicates."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError(f'must be a list of form types such as ["10-K", "8-K"], not {value!r}')
    forms = tuple(dict.fromkeys(" ".join(v.split()).upper() for v in value if v.strip()))
    if not forms:
        raise ValueError("needs at least one form type, such as \"10-K\"")
    return forms


_CONTACT = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+|https?://\S+")


def _user_agent(value) -> str:
    text = str(value).strip()
    if not _CONTACT.search(text):
        raise ValueError(
            f"{text!r} has no contact: add an e-mail address or URL, e.g. \"rivalwatch (you@example.com)\" "
            "(SEC EDGAR refuses clients that do not say who they are)"
        )
    return text


# -- settings ------------------------------------------------------------------


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: object
    parse: Callable
    help: str

    @property
    def env(self) -> str:
        return f"RIVALWATCH_{self.key.upper()}"


SETTINGS = [
    SettingSpec("user_agent", DEFAULT_USER_AGENT, _user_agent,
                "User-Agent sent with every request; must name a contact (e-mail or URL)."),
    SettingSpec("allow_private_networks", False, parse_allow,
                "false, true, or hosts/CIDRs allowed to resolve to loopback/private addresses."),
    SettingSpec("connect_timeout", CONNECT_TIMEOUT_S, parse_duration, "Longest wait to connect to a server."),
    SettingSpec("total_timeout", TOTAL_TIMEOUT_S, parse_duration,
                "Longest time for one fetch, redirects and body included."),
    SettingSpec("max_bytes", MAX_BYTES, parse_size, "Cap on a feed body after decompression."),
    SettingSpec("max_redirects", MAX_REDIRECTS, _positive_int, "Most redirects followed for one fetch."),
    SettingSpec("per_host_concurrency", 2, _positive_int, "Most requests in flight to one host at a time."),
    SettingSpec("max_workers", 8, _positive_int, "Most requests in flight in total."),
    SettingSpec("default_interval", DEFAULT_INTERVAL_S, parse_duration,
                "Check interval of a feed that sets none (docket feeds: at most 12h)."),
    SettingSpec("edgar_forms", EDGAR_FORMS, parse_forms,
                "SEC forms whose primary document is fetched and analysed (an edgar feed's `forms` wins)."),
    SettingSpec("max_document_bytes", MAX_DOCUMENT_BYTES, parse_size,
                "Cap on one filing document; a larger one is truncated and the truncation noted."),
    SettingSpec("documents_per_refresh", DOCUMENTS_PER_REFRESH, _positive_int,
                "Most filing documents fetched per edgar feed in one refresh (the rest wait for the next)."),
]
_SPECS = {spec.key: spec for spec in SETTINGS}


@dataclass(frozen=True)
class Settings:
    user_agent: str = DEFAULT_USER_AGENT
    allow_private_networks: bool | list[str] = False
    connect_timeout: float = CONNECT_TIMEOUT_S
    total_timeout: float = TOTAL_TIMEOUT_S
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS
    per_host_concurrency: int = 2
    max_workers: int = 8
    default_interval: float = DEFAULT_INTERVAL_S
    edgar_forms: tuple[str, ...] = EDGAR_FORMS
    max_document_bytes: int = MAX_DOCUMENT_BYTES
    documents_per_refresh: int = DOCUMENTS_PER_REFRESH
    sources: dict = field(default_factory=dict, compare=False)  # setting -> env | file | default

    def fetch_options(self) -> dict:
        """Keyword arguments for pipelines.fetch.fetch()."""
        return dict(
            user_agent=self.user_agent, connect_timeout=self.connect_timeout,
            total_timeout=self.total_timeout, max_bytes=self.max_bytes, max_redirects=self.max_redirects,
            allow_private_networks=self.allow_private_networks,
        )


def load_settings(table: dict, *, where: str, environ: dict | None = None) -> Settings:
    environ = os.environ if environ is None else environ
    unknown = sorted(set(table) - set(_SPECS))
    if unknown:
        raise ConfigError(f"{where}: [settings] has unknown keys {', '.join(unknown)} "
                          f"(known: {', '.join(_SPECS)})")
    values, sources = {}, {}
    for spec in SETTINGS:
        if spec.env in environ:
            raw, source = environ[spec.env], "env"
        elif spec.key in table:
            raw, source = table[spec.key], "file"
        else:
            values[spec.key], sources[spec.key] = spec.default, "default"
            continue
        try:
            if source == "file" and spec.parse is parse_allow and isinstance(raw, str):
                raise ValueError(f"{raw!r} is a string; " + _ALLOW_FORMS)  # a list is written as a list in TOML
            values[spec.key] = spec.parse(raw)
        except (TypeError, ValueError) as exc:
            origin = spec.env if source == "env" else f"{where}: settings.{spec.key}"
            raise ConfigError(f"{origin}: {exc}") from None
        sources[spec.key] = source
    return Settings(**values, sources=sources)


# -- feeds -----------------------------------------------------------------------


@dataclass(frozen=True)
class Feed:
    name: str
    url: str
    kind: str = "news"
    owner: str | None = None
    interval_s: float = DEFAULT_INTERVAL_S
    enabled: bool = True
    forms: tuple[str, ...] | None = None  # edgar: forms whose documents are read (None: settings.edgar_forms)
    cik: str | None = None                # edgar: the filer's CIK (the URL is built from it when not given)


@dataclass
class FeedsConfig:
    path: Path | None  # None: the packaged default list
    settings: Settings
    feeds: list[Feed]

    @property
    def where(self) -> str:
        return str(self.path) if self.path else "packaged feeds.default.toml"


_FEED_KEYS = {"name", "url", "kind", "owner", "interval", "enabled", "forms", "cik"}


def _feed(entry: dict, number: int, settings: Settings, where: str) -> Feed:
    label = f"{where}: [[feed]] #{number}" + (f" ({entry['name']!r})" if isinstance(entry.get("name"), str) else "")
    unknown = sorted(set(entry) - _FEED_KEYS)
    if unknown:
        raise ConfigError(f"{label}: unknown keys {', '.join(unknown)} (known: {', '.join(sorted(_FEED_KEYS))})")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{label}: needs a name (it becomes `feed` in the views)")
    kind = entry.get("kind", "edgar" if "cik" in entry else "news")
    if kind not in KINDS:
        raise ConfigError(f"{label}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    cik, forms = entry.get("cik"), None
    if cik is not None:
        cik = str(cik).strip()
        if kind != "edgar" or not cik.isdigit() or len(cik) > 10:
            raise ConfigError(f"{label}: cik is for edgar feeds and is a number of up to 10 digits "
                              f"(\"0001326801\"), not {entry['cik']!r}")
        cik = cik.zfill(10)
    if "forms" in entry:
        if kind != "edgar":
            raise ConfigError(f"{label}: forms is for edgar feeds (which SEC forms' documents to read)")
        try:
            forms = parse_forms(entry["forms"])
        except ValueError as exc:
            raise ConfigError(f"{label}: forms {exc}") from None
    url = entry.get("url") or (EDGAR_FEED_URL.format(cik=cik) if cik else None)
    if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise ConfigError(f"{label}: url must be an http or https URL, not {url!r}")
    owner = entry.get("owner") or None
    if owner is not None and not isinstance(owner, str):
        raise ConfigError(f"{label}: owner must be a company id such as \"meta\"")
    try:
        if "interval" in entry:
            interval = parse_duration(entry["interval"])
        elif kind == "docket":
            interval = min(settings.default_interval, DOCKET_MAX_DEFAULT_INTERVAL_S)
        else:
            interval = settings.default_interval
    except ValueError as exc:
        raise ConfigError(f"{label}: interval: {exc}") from None
    if interval < MIN_INTERVAL_S:
        raise ConfigError(f"{label}: interval {entry.get('interval')!r} is below the polite minimum of 1m")
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError(f"{label}: enabled must be true or false")
    return Feed(name=name.strip(), url=url.strip(), kind=kind, owner=owner, interval_s=interval, enabled=enabled,
                forms=forms, cik=cik)


def parse_config(text: str, *, path: Path | None, environ: dict | None = None) -> FeedsConfig:
    where = str(path) if path else "packaged feeds.default.toml"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML ({exc})") from None
    unknown = sorted(set(data) - {"settings", "feed"})
    if unknown:
        raise ConfigError(f"{where}: unknown tables {', '.join(unknown)} (expected [settings] and [[feed]])")
    settings = load_settings(data.get("settings", {}), where=where, environ=environ)
    entries = data.get("feed", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{where}: feeds are written as [[feed]] tables")
    feeds = [_feed(entry, number, settings, where) for number, entry in enumerate(entries, start=1)]
    seen: set[str] = set()
    for feed in feeds:
        if feed.name in seen:
            raise ConfigError(f"{where}: two feeds are named {feed.name!r}; names must be unique")
        seen.add(feed.name)
    return FeedsConfig(path=path, settings=settings, feeds=feeds)


def default_config_text() -> str:
    return (resources.files("pipelines") / "feeds.default.toml").read_text(encoding="utf-8")


def config_path(cli_value: str | os.PathLike | None = None) -> Path | None:
    """`--config` wins, then RIVALWATCH_FEEDS, then ./feeds.toml; None means the packaged list."""
    value = cli_value or os.environ.get(CONFIG_ENV)
    if value:
        return Path(value).expanduser()
    return LOCAL_CONFIG if LOCAL_CONFIG.is_file() else None


def load_config(cli_value: str | os.PathLike | None = None, *, environ: dict | None = None) -> FeedsConfig:
    path = config_path(cli_value)
    if path is None:
        return parse_config(default_config_text(), path=None, environ=environ)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such feeds file (create one, or `rivalwatch feeds import FILE.opml`)") from None
    return parse_config(text, path=path, environ=environ)


# -- OPML ------------------------------------------------------------------------


def guess_kind(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    if host.endswith("sec.gov"):
        return "edgar"
    if host.endswith("courtlistener.com") or host.endswith("uscourts.gov"):
        return "docket"
    return "news"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "feed"


def export_opml(config: FeedsConfig, *, now: datetime | None = None) -> str:
    """OPML 2.0, one folder per kind; `kind`, `owner`, `interval` and `enabled`
    ride along as extra attributes, so an export imports back unchanged."""
    now = now or datetime.now(UTC)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        "    <title>rivalwatch feeds</title>",
        f"    <dateCreated>{now.strftime('%a, %d %b %Y %H:%M:%S GMT')}</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    for kind in KINDS:
        feeds = [f for f in config.feeds if f.kind == kind]
        if not feeds:
            continue
        lines.append(f"    <outline text={quoteattr(kind)} title={quoteattr(kind)}>")
        for feed in feeds:
            attrs = {
                "type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url, "kind": feed.kind,
                "owner": feed.owner or "", "interval": format_duration(feed.interval_s),
            }
            if not feed.enabled:
                attrs["enabled"] = "false"
            rendered = " ".join(f"{key}={quoteattr(value)}" for key, value in attrs.items())
            lines.append(f"      <outline {rendered}/>")
        lines.append("    </outline>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def read_opml(data: bytes, *, where: str, default_interval: float = DEFAULT_INTERVAL_S) -> list[Feed]:
    """The feeds of an OPML document: every outline with an xmlUrl. Kind comes
    from a `kind` attribute, else a folder named like a kind, else the URL."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ConfigError(f"{where}: not a readable OPML file ({exc})") from None
    if root.tag.lower() != "opml" or root.find("body") is None:
        raise ConfigError(f"{where}: not an OPML file (no <opml><body>)")
    found: list[Feed] = []

    def walk(node: ET.Element, folder: str | None) -> None:
        for outline in node.findall("outline"):
            url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
            label = (outline.get("text") or outline.get("title") or "").strip()
            if not url:
                walk(outline, label.lower() or folder)
                continue
            if urlsplit(url).scheme not in ("http", "https"):
                continue
            kind = outline.get("kind") or (folder if folder in KINDS else None) or guess_kind(url)
            if kind not in KINDS:
                kind = guess_kind(url)
            try:
                interval = parse_duration(outline.get("interval")) if outline.get("interval") else default_interval
            except ValueError:
                interval = default_interval
            found.append(Feed(
                name=slug(label or urlsplit(url).hostname or "feed"), url=url, kind=kind,
                owner=(outline.get("owner") or "").strip() or None, interval_s=max(interval, MIN_INTERVAL_S),
                enabled=(outline.get("enabled") or "true").lower() != "false",
            ))

    walk(root.find("body"), None)
    return found


def _toml_feed(feed: Feed) -> str:
    lines = ["[[feed]]", f"name = {json.dumps(feed.name, ensure_ascii=False)}",
             f"url = {json.dumps(feed.url, ensure_ascii=False)}", f"kind = {json.dumps(feed.kind)}",
             f"owner = {json.dumps(feed.owner or '', ensure_ascii=False)}",
             f"interval = {json.dumps(format_duration(feed.interval_s))}"]
    if not feed.enabled:
        lines.append("enabled = false")
    return "\n".join(lines) + "\n"


@dataclass
class ImportResult:
    added: list[Feed]
    already: list[Feed]  # same URL already configured


def import_opml(opml_path: Path, config_file: Path) -> ImportResult:
    """Append the OPML's feeds that are not configured yet (by URL) to
    ``config_file`` as [[feed]] tables; its comments and order stay as written.
    Names that clash get a numeric suffix."""
    text = config_file.read_text(encoding="utf-8") if config_file.exists() else ""
    current = parse_config(text, path=config_file) if text else None
    known_urls = {f.url for f in current.feeds} if current else set()
    names = {f.name for f in current.feeds} if current else set()
    interval = current.settings.default_interval if current else DEFAULT_INTERVAL_S
    try:
        data = opml_path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{opml_path}: {exc.strerror or exc}") from None
    result = ImportResult(added=[], already=[])
    for feed in read_opml(data, where=str(opml_path), default_interval=interval):
        if feed.url in known_urls:
            result.already.append(feed)
            continue
        name, n = feed.name, 2
        while name in names:
            name, n = f"{feed.name}-{n}", n + 1
        feed = Feed(name=name, url=feed.url, kind=feed.kind, owner=feed.owner, interval_s=feed.interval_s,
                    enabled=feed.enabled)
        names.add(name)
        known_urls.add(feed.url)
        result.added.append(feed)
    if result.added:
        if not text:
            text = ("# rivalwatch feeds (see README: Refreshing feeds on a schedule)\n\n[settings]\n"
                    "# Put your own contact (e-mail or URL) here: SEC EDGAR refuses anonymous clients.\n"
                    f"user_agent = {json.dumps(DEFAULT_USER_AGENT)}\n")
        blocks = "\n".join(_toml_feed(f) for f in result.added)
        new_text = text.rstrip("\n") + f"\n\n# imported from {opml_path.name}\n" + blocks
        parse_config(new_text, path=config_file)  # never write a file we could not read back
        tmp = config_file.with_name(f".{config_file.name}.tmp")
        tmp.write_text(new_text, encoding="utf-8")
        os.replace(tmp, config_file)
    return result
