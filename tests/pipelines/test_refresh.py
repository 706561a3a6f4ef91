"""`rivalwatch refresh` / `schedule` against a real HTTP server on 127.0.0.1:
conditional GET, body-hash skip, backoff and health, redirects, caps, the
lock, and runs killed with SIGKILL."""

import gzip
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pipelines.feeds import load_config
from pipelines.refresh import (
    MAX_BACKOFF,
    STORE_WAIT_S,
    Attempt,
    lock_path,
    next_state,
    refresh_lock,
    run_refresh,
)
from pipelines.schedule import run_schedule
from tests.feedserver import FeedServer, feed_of, write_config
from tests.rollups import assert_rollups_as_rebuilt
from warehouse import db, feed_state, queries, store
from warehouse.feed_state import FeedState

T0 = datetime(2030, 1, 1, 12, 0, 0)
EXE = Path(sys.executable).with_name("rivalwatch")


@pytest.fixture
def server():
    with FeedServer() as srv:
        yield srv


def configure(tmp_path, server, feeds: dict, **settings):
    """feeds: name -> path on the server, or a dict of feed keys."""
    entries = []
    for name, spec in feeds.items():
        entry = {"name": name, "interval": "30m"}
        entry.update({"url": server.url(spec)} if isinstance(spec, str) else spec)
        entries.append(entry)
    path = write_config(tmp_path / "feeds.toml", entries, **settings)
    return path, load_config(path)


def refresh(db_path, config, catalog, now=T0, **options):
    return run_refresh(db_path, config, catalog, now=now, rng=random.Random(7), **options)


def states(db_path) -> dict[str, FeedState]:
    con = db.open_reader(db_path)
    try:
        return feed_state.load_states(con)
    finally:
        con.close()


def scalar(db_path, sql):
    con = db.open_reader(db_path)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def by_feed(report):
    return {o.feed: o for o in report.outcomes}




def test_200_then_304_then_a_feed_that_changed(tmp_path, server, db_path, catalog, shared_data):
    shared = shared_data / "feeds" / "news" / "olshansk__anthropic_news_feed_EXCERPT_2026.xml"
    server.file("/anthropic.xml", shared)
    server.feed("/wire.xml", feed_of("wire", 5))
    _, config = configure(tmp_path, server, {"anthropic": "/anthropic.xml", "wire": "/wire.xml"})

    first = refresh(db_path, config, catalog)
    assert {o.outcome for o in first.outcomes} == {"fetched"} and first.exit_code == 0
    assert first.new_items == 36 and first.analysed == 36
    assert scalar(db_path, "SELECT count(*) FROM items WHERE feed = 'anthropic'") == 31

    second = refresh(db_path, config, catalog, now=T0 + timedelta(hours=1))
    assert [o.outcome for o in second.outcomes] == ["not_modified"] * 2
    assert second.new_items == 0 and second.analysed == 0
    sent = server.headers_of("/anthropic.xml")[-1]
    assert sent["if-none-match"] and sent["if-modified-since"]

    server.feed("/wire.xml", feed_of("wire", 7))  # two more items, new ETag
    third = refresh(db_path, config, catalog, now=T0 + timedelta(hours=2))
    wire = by_feed(third)["wire"]
    assert (wire.outcome, wire.items, wire.new, wire.changed) == ("fetched", 7, 2, 0)
    assert by_feed(third)["anthropic"].outcome == "not_modified"
    assert third.analysed == 2  # only what is new, not the whole warehouse
    assert scalar(db_path, "SELECT count(*) FROM feed_items") == 38
    assert scalar(db_path, "SELECT count(*) FROM item_analysis") == 38


def test_unchanged_body_without_validators_is_not_parsed_again(tmp_path, server, db_path, catalog):
    server.add("/plain.xml", feed_of("plain", 3))  # no ETag, no Last-Modified
    _, config = configure(tmp_path, server, {"plain": "/plain.xml"})
    assert by_feed(refresh(db_path, config, catalog))["plain"].outcome == "fetched"
    again = by_feed(refresh(db_path, config, catalog, now=T0 + timedelta(hours=1)))["plain"]
    assert again.outcome == "unchanged" and again.new == 0
    assert "if-none-match" not in server.headers_of("/plain.xml")[-1]
    assert states(db_path)["plain"].last_outcome == "unchanged"


def test_feeds_not_due_are_not_asked(tmp_path, server, db_path, catalog):
    server.feed("/f.xml", feed_of("f", 1))
    _, config = configure(tmp_path, server, {"f": "/f.xml"})
    refresh(db_path, config, catalog)
    early = refresh(db_path, config, catalog, now=T0 + timedelta(minutes=10))
    assert early.outcomes == [] and early.not_due == 1 and early.exit_code == 0
    assert early.summary() == "refresh: nothing due (1 not due); next feed due 2030-01-01 12:30 UTC"
    assert server.hits("/f.xml") == 1
    assert states(db_path)["f"].next_check_at == T0 + timedelta(minutes=30)
    forced = refresh(db_path, config, catalog, now=T0 + timedelta(minutes=10), force=True)
    assert by_feed(forced)["f"].outcome == "not_modified"


def test_429_and_503_honour_retry_after_in_both_forms_at_least_an_hour(tmp_path, server, db_path, catalog):
    server.add("/429-long", b"", status=429, headers={"Retry-After": "7200"})
    server.add("/429-short", b"", status=429, headers={"Retry-After": "30"})
    server.add("/503-date", b"", status=503, headers={"Retry-After": "Tue, 01 Jan 2030 15:00:00 GMT"})
    server.add("/503-bare", b"", status=503)
    feeds = {name: {"url": server.url(f"/{name}"), "interval": "1m"}
             for name in ("429-long", "429-short", "503-date", "503-bare")}
    _, config = configure(tmp_path, server, feeds)
    report = refresh(db_path, config, catalog)
    assert report.exit_code == 1  # every due feed failed
    got = {name: s.next_check_at - T0 for name, s in states(db_path).items()}
    assert got == {"429-long": timedelta(hours=2), "429-short": timedelta(hours=1),
                   "503-date": timedelta(hours=3), "503-bare": timedelta(hours=1)}
    line = by_feed(report)["429-long"].line()
    assert line == "error  429-long: server answered 429 Too Many Requests; retrying after 2030-01-01 14:00 UTC"


def test_410_disables_the_feed_until_enabled(tmp_path, server, db_path, catalog, cli):
    server.add("/gone", b"", status=410)
    config_file, config = configure(tmp_path, server, {"gone": "/gone"})
    first = by_feed(refresh(db_path, config, catalog))["gone"]
    assert "410 Gone" in first.line() and "feed disabled" in first.line()
    state = states(db_path)["gone"]
    assert state.disabled_at == T0 and "410 Gone" in state.disabled_reason
    later = refresh(db_path, config, catalog, now=T0 + timedelta(days=2), force=True)
    assert later.outcomes == [] and later.disabled == 1 and server.hits("/gone") == 1
    listed = cli("feeds", "list", "--config", str(config_file)).output
    assert "disabled" in listed and "410 Gone" in listed
    reader = db.open_reader(db_path)  # what the dashboard's feed page reads
    health = queries.run(reader, "feed_health").set_index("feed").loc["gone"]
    reader.close()
    assert (health["health"], health["last_status"], health["items"]) == ("disabled", 410, 0)
    assert cli("feeds", "enable", "gone").output.startswith("enabled gone")
    refresh(db_path, config, catalog, now=T0 + timedelta(days=2))
    assert server.hits("/gone") == 2


def test_500_backs_off_interval_times_errors_with_jitter_then_disables_after_30_days(
    tmp_path, server, db_path, catalog,
):
    server.add("/broken", b"oops", status=500)
    _, config = configure(tmp_path, server, {"broken": {"url": server.url("/broken"), "interval": "1h"}})
    refresh(db_path, config, catalog)
    one = states(db_path)["broken"]
    assert one.error_count == 1 and one.last_status == 500 and "500 Internal Server Error" in one.last_error
    assert timedelta(minutes=54) <= one.next_check_at - T0 <= timedelta(minutes=66)
    at = T0 + timedelta(hours=2)
    refresh(db_path, config, catalog, now=at)
    two = states(db_path)["broken"]
    assert two.error_count == 2 and two.first_failure_at == T0
    assert timedelta(minutes=108) <= two.next_check_at - at <= timedelta(minutes=132)
    late = T0 + timedelta(days=31)
    report = refresh(db_path, config, catalog, now=late)
    gone = states(db_path)["broken"]
    assert gone.disabled_at == late and "failing since 2030-01-01 12:00 UTC (30 days)" in gone.disabled_reason
    assert "feed disabled" in report.outcomes[0].line()


def test_backoff_is_capped_at_seven_days():
    state = FeedState(feed="f", config_url="http://x/", fetch_url="http://x/", interval_s=86400, error_count=30,
                      first_failure_at=T0)
    after = next_state(state, Attempt(feed=None, url="http://x/", outcome="error", status=500, error="boom"),
                       T0 + timedelta(days=1), random.Random(1))
    assert after.next_check_at - (T0 + timedelta(days=1)) == MAX_BACKOFF and after.error_count == 31


def test_permanent_redirect_moves_the_stored_url_after_three_repeats(tmp_path, server, db_path, catalog, cli):
    server.feed("/new.xml", feed_of("moved", 2))
    server.redirect("/old.xml", "/new.xml", 301)
    server.redirect("/temp.xml", "/new.xml", 302)
    config_file, config = configure(tmp_path, server, {"moved": "/old.xml", "temp": "/temp.xml"})
    for hour in range(3):
        report = refresh(db_path, config, catalog, now=T0 + timedelta(hours=hour))
        moved = states(db_path)["moved"]
        if hour < 2:
            assert moved.fetch_url == server.url("/old.xml") and moved.redirect_count == hour + 1
    assert moved.fetch_url == server.url("/new.xml") and by_feed(report)["moved"].moved_to
    assert "moved permanently to" in by_feed(report)["moved"].line()
    assert states(db_path)["temp"].fetch_url == server.url("/temp.xml")  # 302s never move it
    refresh(db_path, config, catalog, now=T0 + timedelta(hours=5))
    assert server.hits("/old.xml") == 3  # the fourth check went straight to the new address
    assert f"moved to {server.url('/new.xml')}" in cli("feeds", "list", "--config", str(config_file)).output


def test_broken_feeds_are_reported_and_the_rest_lands(tmp_path, server, cli, shared_data):
    server.file("/good.xml", shared_data / "feeds" / "news" / "feedrs__cloudflare_blog.xml")
    server.redirect("/to-private", "http://127.0.0.2:9/feed.xml", 302)
    server.add("/drip", feed_of("drip", 20), drip_interval=0.05)
    server.add("/huge", b"<rss>" + b"x" * 1_200_000 + b"</rss>")
    server.add("/bomb", gzip.compress(b"\0" * (16 * 1024 * 1024)), headers={"Content-Encoding": "gzip"})
    server.add("/html", b"<!doctype html><html><body>Moved</body></html>", headers={"Content-Type": "text/html"})
    config_file, _ = configure(tmp_path, server, {
        name: f"/{name}" for name in ("to-private", "drip", "huge", "bomb", "html")} | {"good": "/good.xml"},
        total_timeout="1s")
    result = cli("refresh", "--config", str(config_file))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    errors = {line.split(":")[0].split()[-1]: line for line in lines if line.startswith("error")}
    assert set(errors) == {"to-private", "drip", "huge", "bomb", "html"}
    assert "resolves to the non-public address 127.0.0.2" in errors["to-private"]
    assert "time limit" in errors["drip"] or "timed out" in errors["drip"]
    assert "larger than the 1 MiB cap" in errors["huge"] and "(decompressed)" in errors["bomb"]
    assert "an HTML page, not an RSS or Atom feed" in errors["html"]
    assert any(line.startswith("ok     good: ") for line in lines)
    assert lines[-1].startswith("refresh: 6 feeds due, 1 ok (1 fetched, 0 not modified, 0 unchanged), 5 errors")
    assert "Traceback" not in result.output
    runs = json.loads(cli("sql", "--format", "json",
                          "SELECT status, errors, items_new, detail FROM runs WHERE command = 'refresh'").output)
    assert runs[0]["status"] == "partial" and runs[0]["errors"] == 5 and runs[0]["items_new"] > 0
    detail = {d["feed"]: d for d in json.loads(runs[0]["detail"])}
    assert detail["good"]["outcome"] == "fetched" and detail["bomb"]["outcome"] == "error"
    listed = cli("feeds", "list", "--config", str(config_file)).output
    assert "failing x1" in listed and listed.splitlines()[-1].endswith("1 ok, 5 failing")
    failing = cli("sql", "--format", "csv", "SELECT count(*) AS n FROM feed_state WHERE error_count = 1").output
    assert failing.split() == ["n", "5"]


def test_exit_code_is_1_when_every_feed_failed(tmp_path, server, cli):
    server.add("/down", b"", status=500)
    config_file, _ = configure(tmp_path, server, {"down": "/down"})
    result = cli("refresh", "--config", str(config_file))
    assert result.exit_code == 1
    assert "error  down: server answered 500 Internal Server Error; retrying after" in result.output


def test_progress_bar_when_asked(tmp_path, server, cli):
    server.feed("/f.xml", feed_of("f", 2))
    config_file, _ = configure(tmp_path, server, {"f": "/f.xml"})
    result = cli("refresh", "--config", str(config_file), "--progress")
    assert result.exit_code == 0
    assert "fetched=1" in result.stderr and "new=2" in result.stderr
    assert "ok     f:" not in result.output  # the bar replaces per-feed lines


def test_a_second_refresh_says_who_holds_the_lock(tmp_path, server, cli, db_path):
    server.feed("/f.xml", feed_of("f", 1))
    config_file, _ = configure(tmp_path, server, {"f": "/f.xml"})
    with refresh_lock(db_path):
        result = cli("refresh", "--config", str(config_file))
    assert result.exit_code == 3
    assert f"another refresh is running: pid {os.getpid()}" in result.output
    assert server.hits("/f.xml") == 0
    assert cli("refresh", "--config", str(config_file)).exit_code == 0  # released


def _stored(db_path) -> tuple[int, int]:
    """(items, analysed) in the working file, read the way the next run will see it."""
    import duckdb

    con = duckdb.connect(str(db_path))
    try:
        return con.execute("SELECT (SELECT count(*) FROM feed_items), (SELECT count(*) FROM item_analysis)").fetchone()
    finally:
        con.close()


def _start_refresh(db_path, config_file):
    return subprocess.Popen([str(EXE), "--db", str(db_path), "refresh", "--config", str(config_file)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"))


def _wait_for(condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached")
        time.sleep(0.01)


def test_two_refreshes_at_once(tmp_path, server, cli, db_path):
    for i in range(4):
        server.feed(f"/f{i}.xml", feed_of(f"f{i}", 3), delay=0.4)
    config_file, _ = configure(tmp_path, server, {f"f{i}": f"/f{i}.xml" for i in range(4)},
                               per_host_concurrency=1)
    first = _start_refresh(db_path, config_file)
    try:
        _wait_for(lambda: len(server.requests) >= 1)
        second = cli("refresh", "--config", str(config_file))
        assert second.exit_code == 3
        assert f"another refresh is running: pid {first.pid}" in second.output
        out, err = first.communicate(timeout=60)
    finally:
        first.kill()
    assert first.returncode == 0, err
    assert "refresh: 4 feeds due, 4 ok" in out
    assert sum(server.hits(f"/f{i}.xml") for i in range(4)) == 4


def _read_until(process, prefix: str) -> None:
    """Read the victim's output until a line starting with ``prefix`` (its progress says where it is)."""
    for line in process.stdout:
        if line.startswith(prefix):
            return
    raise AssertionError(f"the refresh ended before printing {prefix!r}")


@pytest.mark.parametrize("moment", ["while fetching", "while storing", "while analysing"])
def test_sigkill_mid_run_then_a_clean_second_run(tmp_path, server, cli, db_path, moment):
    feeds, per_feed = 10, 30
    for i in range(feeds):
        # Fetched feeds are stored together (STORE_WAIT_S): while storing, half of them answer slowly,
        # so the first half is committed while the second is still on its way.
        slow = moment == "while storing" and i >= feeds // 2
        server.feed(f"/k{i}.xml", feed_of(f"k{i}", per_feed), delay=STORE_WAIT_S + 1.5 if slow else 0.05)
    config_file, _ = configure(tmp_path, server, {f"k{i}": f"/k{i}.xml" for i in range(feeds)})
    victim = _start_refresh(db_path, config_file)
    try:
        if moment == "while fetching":
            _wait_for(lambda: len(server.requests) >= 1 or victim.poll() is not None)
        elif moment == "while storing":
            _read_until(victim, "ok     ")  # the first feeds committed, the slow ones to go
        else:
            _read_until(victim, "...    analysing")
        victim.send_signal(signal.SIGKILL)
    finally:
        victim.wait(timeout=30)
    assert victim.returncode == -signal.SIGKILL  # killed, not finished
    assert str(victim.pid) in lock_path(db_path).read_text()  # its lock info is left behind; flock is not
    items, analysed = _stored(db_path)
    if moment == "while storing":
        assert 0 < items < feeds * per_feed and analysed == 0
    elif moment == "while analysing":
        assert items == feeds * per_feed and analysed < items

    second = cli("refresh", "--config", str(config_file))
    assert second.exit_code == 0, second.output
    counts = json.loads(cli("sql", "--format", "json", """
        SELECT (SELECT count(*) FROM feed_items) AS items,
               (SELECT count(DISTINCT item_id) FROM feed_items) AS distinct_items,
               (SELECT count(*) FROM item_analysis) AS analysed,
               (SELECT count(*) FROM item_sentences) > 0 AS has_sentences,
               (SELECT list(DISTINCT n) FROM (SELECT count(*) AS n FROM feed_items GROUP BY feed)) AS per_feed
    """).output)[0]
    assert counts == {"items": feeds * per_feed, "distinct_items": feeds * per_feed,
                      "analysed": feeds * per_feed, "has_sentences": True, "per_feed": [per_feed]}
    runs = json.loads(cli("sql", "--format", "json", "SELECT status FROM runs ORDER BY run_id").output)
    assert [r["status"] for r in runs] == ["interrupted", "ok"]
    # The killed run wrote analyses whose roll-ups it left for its end: the second run made them.
    assert_rollups_as_rebuilt(db_path)

    third = cli("refresh", "--config", str(config_file), "--force")
    assert "0 new items" in third.output and f"{feeds} not modified" in third.output


def test_the_command_starts_the_workers_at_once_for_a_new_warehouse(tmp_path, catalog):
    from pipelines.cli_feeds import _early_workers

    feeds = [{"name": f"f{i}", "url": f"http://127.0.0.1:9/f{i}.xml"} for i in range(5)]
    config = load_config(write_config(tmp_path / "feeds.toml", feeds))
    workers = _early_workers(tmp_path / "new.duckdb", config, (), catalog)  # every feed will be parsed
    try:
        assert workers is not None and (workers.started or not workers.useful)
    finally:
        workers.close(cancel=True)
    assert _early_workers(tmp_path / "new.duckdb", config, ("f1",), catalog) is None  # one feed: parsed here
    (tmp_path / "old.duckdb").touch()
    assert _early_workers(tmp_path / "old.duckdb", config, (), catalog) is None  # the pass decides from its states


def test_items_of_an_interrupted_run_are_analysed_by_the_next(tmp_path, server, db_path, catalog):
    server.feed("/f.xml", feed_of("f", 4))
    _, config = configure(tmp_path, server, {"f": "/f.xml"})
    refresh(db_path, config, catalog)
    with db.writer(db_path) as con:  # what a run killed between storing and analysing leaves
        dead = store.start_run(con, "refresh")
        con.execute("UPDATE feed_items SET run_id = ? WHERE item_id IN "
                    "(SELECT item_id FROM feed_items ORDER BY item_id LIMIT 2)", [dead])
        con.execute("DELETE FROM item_analysis WHERE item_id IN (SELECT item_id FROM feed_items WHERE run_id = ?)",
                    [dead])
    report = refresh(db_path, config, catalog, now=T0 + timedelta(hours=1))
    assert report.resumed_runs == [dead] and report.analysed == 2
    assert "completed interrupted run" in report.summary()
    assert scalar(db_path, "SELECT count(*) FROM item_analysis") == 4
    assert scalar(db_path, f"SELECT status FROM runs WHERE run_id = {dead}") == "interrupted"


def test_a_run_that_dies_before_its_rollups_leaves_them_to_the_next(tmp_path, server, db_path, catalog,
                                                                    monkeypatch):
    # The workers' analyses are written without their roll-ups, made once at
    # the end of the pass: a run that dies in between leaves them to the next.
    for i in range(6):
        server.feed(f"/f{i}.xml", feed_of(f"f{i}", 8))
    _, config = configure(tmp_path, server, {f"f{i}": f"/f{i}.xml" for i in range(6)})

    def die(con, item_ids):
        raise RuntimeError("killed before the roll-ups")

    monkeypatch.setattr(store, "update_rollups", die)
    with pytest.raises(RuntimeError):
        refresh(db_path, config, catalog)
    monkeypatch.undo()
    report = refresh(db_path, config, catalog, now=T0 + timedelta(hours=1), force=True)
    assert report.resumed_runs == [1] and report.count("not_modified") == 6
    assert scalar(db_path, "SELECT count(*) FROM item_analysis") == 48
    assert_rollups_as_rebuilt(db_path)


def test_schedule_honours_next_check_times(tmp_path, server, cli):
    server.feed("/f.xml", feed_of("f", 2))
    config_file, _ = configure(tmp_path, server, {"f": "/f.xml"})
    result = cli("schedule", "--config", str(config_file), "--every", "0.2s", "--max-runs", "2")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 3 and "a refresh pass every" in lines[0]
    assert "refresh: 1 feed due, 1 ok (1 fetched" in lines[1] and "; next pass" in lines[1]
    assert "refresh: nothing due (1 not due)" in lines[2]
    assert server.hits("/f.xml") == 1


def test_schedule_survives_a_busy_warehouse_and_a_broken_config(tmp_path, server, db_path, catalog):
    server.feed("/f.xml", feed_of("f", 1))
    config_file, config = configure(tmp_path, server, {"f": "/f.xml"})
    with db.writer(db_path):
        pass
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "sys.stdin.read()", str(db_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        lines: list[str] = []
        run_schedule(db_path, lambda: config, catalog, 60, max_runs=1, log=lines.append)
        assert "pass skipped: the warehouse" in lines[-1] and "held by another process" in lines[-1]
    finally:
        holder.communicate("", timeout=30)
    calls = iter([config, None])

    def flaky():
        value = next(calls)
        if value is None:
            config_file.write_text("not toml [", encoding="utf-8")
            return load_config(config_file)
        return value

    stop = threading.Event()
    lines = []
    passes = run_schedule(db_path, flaky, catalog, 0.05, max_runs=2, log=lines.append, stop=stop)
    assert passes == 2
    assert "refresh: 1 feed due, 1 ok" in lines[1]
    assert "used the last good one" in lines[2] and "not valid TOML" in lines[2]
