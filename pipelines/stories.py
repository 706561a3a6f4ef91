"""Keys that tell two copies of one story apart from two stories.

A syndicated story reaches several feeds with tracking parameters, other
hosts' casing, AMP paths or a trailing slash; its canonical URL drops those.
Copies under different URLs usually keep the headline: the title key is the
headline's words, lowercased, when it is long enough to be distinctive.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|ref_url|cmpid|"
    r"ncid|sr_share|smid|s_cid|ocid|guccounter|guce_referrer|guce_referrer_sig|__twitter_impression|"
    r"taid|mbid|cid|source|via|xtor|at_medium|at_campaign|rss|feed|output)$",
    re.I,
)
MIN_TITLE_WORDS = 6


def canonical_url(url: str | None) -> str | None:
    """The URL without tracking parameters, fragment, `www.`, AMP suffixes or
    trailing slash; the scheme is dropped (http and https copies are one story)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.").removeprefix("amp.")
    path = _AMP_SUFFIX.sub("", parts.path) or "/"
    path = path.rstrip("/") or "/"
    if not parts.query:  # most feed links: no parameters to sort or drop (a third of the parse stage's time)
        return f"{host}{path}".lstrip("/") if path.startswith("/") else urlunsplit(("", host, path, "", "")).lstrip("/")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not TRACKING_PARAMS.match(k)))
    return urlunsplit(("", host, path, query, "")).lstrip("/")


_AMP_SUFFIX = re.compile(r"/(amp|amp\.html)/?$")


def title_key(title: str | None) -> str | None:
    """The headline's words, lowercased; None when too short to identify a story."""
    words = re.findall(r"[^\W_]+", (title or "").lower())
    if len(words) < MIN_TITLE_WORDS:
        return None
    return " ".join(words)
