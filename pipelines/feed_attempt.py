"""One feed's attempt in a refresh, in a fetching thread (no database
here): fetch with conditional GET, parse only a body that changed; and the
rules that turn an attempt into the feed's next state (a pure function:
validators, backoff, Retry-After, disabling, permanent redirects)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from http import HTTPStatus
from typing import TYPE_CHECKING

from pipelines.feeds import Feed, Settings
from pipelines.fetch import (
    EdgarPaused,
    Fetched,
    FetchError,
    conditional_headers,
    fetch,
    permanent_redirect,
    redact,
    retry_after_seconds,
)
from warehouse.feed_state import FeedState

# pipelines.parse (feedparser) is imported when a document is parsed here: in
# a pass whose worker processes parse, this process never needs it.
if TYPE_CHECKING:
    from pipelines.parse import ParsedFeed

RETRY_AFTER_FLOOR = timedelta(minutes=60)   # 429/503: never sooner than this
MAX_BACKOFF = timedelta(days=7)
DISABLE_AFTER = timedelta(days=30)          # of uninterrupted failure
REDIRECT_REPEATS = 3                        # permanent redirects in a row before the stored URL moves
JITTER = (0.9, 1.1)


@dataclass
class Attempt:
    feed: Feed
    url: str
    outcome: str  # fetched | not_modified | unchanged | skipped (EDGAR paused) | error
    status: int | None = None
    fetched: Fetched | None = None
    body_hash: str | None = None
    parsed: ParsedFeed | None = None
    items: list[dict] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome != "error"


def _status_text(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


Parse = Callable[..., tuple["ParsedFeed", list[dict]]]


def parse_here(body: bytes, *, headers: dict[str, str], feed: Feed, fetched_at: datetime,
               run_id: int | None) -> tuple[ParsedFeed, list[dict]]:
    """attempt_feed's ``parse`` in this thread: the feed and its items."""
    from pipelines.parse import parse_feed

    return parse_feed(body, headers=headers, feed_name=feed.name, fetched_at=fetched_at, run_id=run_id)


def attempt_feed(
    feed: Feed, state: FeedState, settings: Settings, *, client, semaphore, fetched_at: datetime, run_id: int,
    parse: Parse = parse_here,
) -> Attempt:
    """Fetch, and parse only when the body is new (``parse``: here, or in a
    worker process, see pipelines.refresh_work.Parsing). Never raises."""
    # The stored URL has no credentials: fetch the configured one while it is current.
    url = feed.url if state.fetch_url == redact(feed.url) else state.fetch_url
    try:
        with semaphore:
            got = fetch(url, headers=conditional_headers(state.etag, state.last_modified), client=client,
                        **settings.fetch_options())
    except EdgarPaused as exc:
        return Attempt(feed, url, "skipped", error=str(exc))
    except FetchError as exc:
        return Attempt(feed, url, "error", error=str(exc).splitlines()[0])
    except Exception as exc:  # a bug must cost one feed, not the run
        return Attempt(feed, url, "error", error=f"unexpected {type(exc).__name__}: {exc}")
    base = dict(feed=feed, url=url, status=got.status, fetched=got)
    if got.not_modified:
        return Attempt(**base, outcome="not_modified")
    if not 200 <= got.status < 300:
        return Attempt(**base, outcome="error", error=f"server answered {_status_text(got.status)}")
    digest = hashlib.sha256(got.body).hexdigest()
    if digest == state.body_hash:
        return Attempt(**base, outcome="unchanged", body_hash=digest)
    try:
        parsed, items = parse(got.body, headers=got.headers, feed=feed, fetched_at=fetched_at, run_id=run_id)
    except Exception as exc:
        from pipelines.parse import ParseError

        if isinstance(exc, ParseError):
            return Attempt(**base, outcome="error", error=str(exc))
        return Attempt(**base, outcome="error", error=f"unexpected {type(exc).__name__} while parsing: {exc}")
    return Attempt(**base, outcome="fetched", body_hash=digest, parsed=parsed, items=items)


# -- the rules: what an attempt does to a feed's state (a pure function) ------------


def _backoff(state: FeedState, errors: int, rng: random.Random) -> timedelta:
    seconds = state.interval_s * errors * rng.uniform(*JITTER)
    return min(timedelta(seconds=seconds), MAX_BACKOFF)


def next_state(state: FeedState, attempt: Attempt, now: datetime, rng: random.Random) -> FeedState:
    """Health bookkeeping after one attempt: validators, error count, next check
    (interval; after n errors interval x n with jitter, at most 7 days; 429/503
    at least Retry-After and 60 min), disabling (410, or 30 days failing), and
    the permanent-redirect count."""
    if attempt.outcome == "skipped":
        return state  # not asked (EDGAR paused): nothing happened to the feed
    s = replace(state, last_fetch_at=now, last_status=attempt.status, last_outcome=attempt.outcome)
    got = attempt.fetched
    if attempt.ok:
        s = replace(s, error_count=0, first_failure_at=None, last_error=None, last_success_at=now,
                    previous_success_at=state.last_success_at,
                    next_check_at=now + timedelta(seconds=state.interval_s))
        if got is not None:
            if got.status == 304:
                s = replace(s, etag=got.headers.get("etag") or s.etag,
                            last_modified=got.headers.get("last-modified") or s.last_modified)
            else:
                s = replace(s, etag=got.headers.get("etag"), last_modified=got.headers.get("last-modified"),
                            body_hash=attempt.body_hash)
            s = _follow_redirects(s, got)
        return s
    errors = state.error_count + 1
    first = state.first_failure_at or now
    s = replace(s, error_count=errors, first_failure_at=first, last_error=attempt.error)
    delay = _backoff(state, errors, rng)
    if attempt.status in (429, 503):
        asked = retry_after_seconds(got.headers.get("retry-after") if got else None, now)
        delay = min(max(delay, RETRY_AFTER_FLOOR, timedelta(seconds=asked or 0)), MAX_BACKOFF)
    s = replace(s, next_check_at=now + delay)
    if attempt.status == 410:
        s = replace(s, disabled_at=now, disabled_reason="the server answered 410 Gone: the feed was removed")
    elif now - first >= DISABLE_AFTER:
        s = replace(s, disabled_at=now,
                    disabled_reason=f"failing since {first:%Y-%m-%d %H:%M} UTC (30 days): {attempt.error}")
    return s


def _follow_redirects(s: FeedState, got: Fetched) -> FeedState:
    target = permanent_redirect(got)
    if not target or target == s.fetch_url:
        return replace(s, redirect_candidate=None, redirect_count=0)
    count = s.redirect_count + 1 if target == s.redirect_candidate else 1
    if count >= REDIRECT_REPEATS:
        return replace(s, fetch_url=target, redirect_candidate=None, redirect_count=0)
    return replace(s, redirect_candidate=target, redirect_count=count)
