"""`rivalwatch refresh`, `rivalwatch schedule` and `rivalwatch feeds ...`:
the commands over feeds.toml. Registered on the main group by pipelines/cli.py.

Like pipelines/cli.py, each command imports the pipeline, DuckDB and pandas
when it runs, not when the command line is built."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipelines.catalog import load_catalog

if TYPE_CHECKING:
    import pandas as pd

    from pipelines.feeds import FeedsConfig
    from pipelines.refresh import FeedOutcome
    from pipelines.workers import Workers

EXIT_BUSY = 3
CONFIG_HELP = "Feeds file (default: ./feeds.toml, else the packaged list; env RIVALWATCH_FEEDS)."


def _config(path: str | None) -> FeedsConfig:
    from pipelines.feeds import ConfigError, load_config

    try:
        config = load_config(path)
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    for catalog_owner in {f.owner for f in config.feeds if f.owner}:
        if not _catalog().is_company(catalog_owner):
            click.echo(f"error: {config.where}: owner {catalog_owner!r} is not a company id in the catalog", err=True)
            sys.exit(2)
    return config


def _catalog():
    ctx = click.get_current_context()
    cached = ctx.meta.get("rivalwatch.catalog")
    if cached is None:
        cached = ctx.meta["rivalwatch.catalog"] = load_catalog(ctx.obj["catalog"])
    return cached


class ConsoleReporter:
    """A progress bar on a terminal (fetched, 304, new items, errors), one
    plain line per feed otherwise; errors always get their own line (a
    pipelines.refresh.Reporter)."""

    def __init__(self, bar: bool):
        self.use_bar, self.bar = bar, None
        self.counts = {"fetched": 0, "304": 0, "same": 0, "new": 0, "errors": 0, "skipped": 0}

    def start(self, total: int) -> None:
        if self.use_bar and total:
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc="refresh", unit="feed", file=sys.stderr, dynamic_ncols=True,
                            leave=False)

    def feed(self, outcome: FeedOutcome) -> None:
        key = {"fetched": "fetched", "not_modified": "304", "unchanged": "same", "error": "errors",
               "skipped": "skipped"}[outcome.outcome]
        self.counts[key] += 1
        self.counts["new"] += outcome.new
        if self.bar is None:
            click.echo(outcome.line(), err=not outcome.ok)
            return
        if not outcome.ok or outcome.outcome == "skipped":
            self.bar.write(outcome.line(), file=sys.stderr)
        self.bar.set_postfix(self.counts, refresh=False)
        self.bar.update(1)

    def phase(self, text: str) -> None:
        if self.bar is not None:
            self.bar.set_description(text)
        else:
            click.echo(f"...    {text}")

    def note(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(text, file=sys.stderr)
        else:
            click.echo(text, err=text.startswith("error"))

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _early_workers(db_path: Path, config: FeedsConfig, only: tuple[str, ...], catalog) -> Workers | None:
    """The worker processes, started now, when the warehouse does not exist
    yet: every feed will be parsed, and they get ready while this process
    loads DuckDB and creates the warehouse (a refresh otherwise starts them
    once its feed states say they are needed)."""
    from pipelines.workers import POOL_AFTER_DOCUMENTS, Workers

    feeds = [f for f in config.feeds if f.enabled and (not only or f.name in only)]
    if Path(db_path).exists() or len(feeds) < POOL_AFTER_DOCUMENTS:
        return None
    workers = Workers(catalog)
    workers.start()
    return workers


@click.command("refresh")
@click.option("--config", "config_file", envvar="RIVALWATCH_FEEDS", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("--force", is_flag=True, help="Fetch every enabled feed now, ignoring next-check times.")
@click.option("--feed", "only", multiple=True, metavar="NAME", help="Refresh only this feed (repeatable).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: on when stderr is a terminal, plain lines otherwise).")
@click.pass_obj
def refresh_cmd(obj, config_file, force, only, progress) -> None:
    """One pass over the configured feeds that are due (cron-friendly)."""
    config = _config(config_file)
    unknown = sorted(set(only) - {f.name for f in config.feeds})
    if unknown:
        raise click.BadParameter(f"not in {config.where}: {', '.join(unknown)}", param_hint="--feed")
    bar = sys.stderr.isatty() if progress is None else progress
    workers = _early_workers(obj["db"], config, only, _catalog())  # before DuckDB is loaded
    from pipelines.refresh import RefreshBusy, WarehouseBusy, run_refresh

    try:
        report = run_refresh(obj["db"], config, _catalog(), force=force, only=only or None,
                             reporter=ConsoleReporter(bar), workers=workers)
    except (RefreshBusy, WarehouseBusy) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_BUSY)
    finally:
        if workers is not None:
            workers.close(cancel=True)  # the pass closed them already, unless it never began
    click.echo(f"{report.summary()} -> {obj['db']}")
    sys.exit(report.exit_code)


@click.command("schedule")
@click.option("--config", "config_file", envvar="RIVALWATCH_FEEDS", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("--every", default="30m", show_default=True, help="Time between passes: 45s, 30m, 2h, 1d.")
@click.option("--max-runs", type=int, default=None, help="Stop after this many passes (default: run until stopped).")
@click.pass_obj
def schedule_cmd(obj, config_file, every, max_runs) -> None:
    """Refresh in a loop: every pass fetches the feeds that are due; one log line per pass."""
    from pipelines.feeds import load_config, parse_duration
    from pipelines.schedule import run_schedule

    try:
        every_s = parse_duration(every)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--every") from None
    _config(config_file)  # a broken file stops the start, not a later pass
    run_schedule(obj["db"], lambda: load_config(config_file), _catalog(), every_s, max_runs=max_runs,
                 log=lambda line: click.echo(line))


@click.group("feeds")
def feeds_group() -> None:
    """List, import, export and re-enable the configured feeds."""


def _health(db_path: Path) -> pd.DataFrame:
    """Health rows from the published snapshot (never waits for a running refresh)."""
    import duckdb
    import pandas as pd

    from warehouse import db, queries

    try:
        con = db.open_reader(db_path)
    except db.WarehouseMissing:
        return pd.DataFrame()
    try:
        return queries.run(con, "feed_health")
    except duckdb.CatalogException:  # a snapshot from before feed health existed
        return pd.DataFrame()
    finally:
        con.close()


def _docket_gaps(db_path: Path) -> pd.DataFrame:
    """Docket feeds that may have missed entries (docket_gaps.sql), from the snapshot."""
    import duckdb
    import pandas as pd

    from warehouse import db, queries

    try:
        con = db.open_reader(db_path)
    except db.WarehouseMissing:
        return pd.DataFrame()
    try:
        return queries.run(con, "docket_gaps", now=db.utcnow())
    except duckdb.Error:  # a snapshot from before docket gaps were recorded
        return pd.DataFrame()
    finally:
        con.close()


def _missing(value) -> bool:
    import pandas as pd

    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and the like
        return False


def _when(value) -> str:
    import pandas as pd

    return "" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")


def health_frame(config: FeedsConfig, health: pd.DataFrame) -> pd.DataFrame:
    """One row per configured feed, in file order, with its health."""
    import pandas as pd

    from pipelines.feeds import format_duration
    from pipelines.fetch import redact

    known = {row["feed"]: row for row in health.to_dict("records")} if not health.empty else {}
    rows = []
    for feed in config.feeds:
        # NULLs come back from pandas as NaN/NaT; read them as missing.
        h = {k: v for k, v in (known.get(feed.name) or {}).items() if not _missing(v)}
        status = "off" if not feed.enabled else (h.get("health") or "new")
        if h.get("config_url") not in (None, redact(feed.url)):
            status = "new"  # the URL changed in the file: the next refresh starts it afresh
            h = {}
        note = h.get("disabled_reason") or h.get("last_error") or ""
        if not note and h.get("fetch_url") and h.get("fetch_url") != redact(feed.url):
            note = f"moved to {h['fetch_url']}"
        if not feed.enabled:
            note = "enabled = false in the feeds file"
        errors = h.get("error_count")
        rows.append({
            "feed": feed.name, "kind": feed.kind, "owner": feed.owner or "",
            "interval": format_duration(feed.interval_s),
            "health": status if status != "failing" else f"failing x{int(errors)}",
            "status": "" if h.get("last_status") is None else int(h["last_status"]),
            "last_fetch": _when(h.get("last_fetch_at")),
            "next_check": "" if h.get("disabled_at") else _when(h.get("next_check_at")),
            "items": int(h.get("items") or 0), "note": note, "url": h.get("fetch_url") or redact(feed.url),
        })
    return pd.DataFrame(rows, columns=["feed", "kind", "owner", "interval", "health", "status", "last_fetch",
                                       "next_check", "items", "note", "url"])


def _table(frame: pd.DataFrame) -> str:
    """Left-aligned columns, the way people read names and notes."""
    cells = [list(frame.columns)] + [[str(v) for v in row] for row in frame.itertuples(index=False)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(frame.columns))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells)


@feeds_group.command("list")
@click.option("--config", "config_file", envvar="RIVALWATCH_FEEDS", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.pass_obj
def feeds_list(obj, config_file, fmt) -> None:
    """Every configured feed with its health as of the last published refresh."""
    config = _config(config_file)
    frame = health_frame(config, _health(obj["db"]))
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
        return
    if fmt == "json":
        click.echo(frame.to_json(orient="records", force_ascii=False))
        return
    if frame.empty:
        click.echo(f"no feeds in {config.where}")
        return
    shown = frame.drop(columns=["url"]).assign(note=frame["note"].str.slice(0, 70))
    click.echo(_table(shown))
    tally = frame["health"].str.split(" ").str[0].value_counts()
    parts = ", ".join(f"{tally[h]} {h}" for h in ("ok", "failing", "disabled", "new", "off") if h in tally)
    click.echo(f"{len(frame)} feeds in {config.where}: {parts}")
    configured = {f.name for f in config.feeds}
    for gap in _docket_gaps(obj["db"]).to_dict("records"):
        if gap["feed"] in configured:
            click.echo(f"warning: {gap['feed']}: {gap['warning']} (docket feeds list only about the last 24 hours; "
                       "poll them at least every 12h)")


@feeds_group.command("export")
@click.option("--config", "config_file", envvar="RIVALWATCH_FEEDS", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
def feeds_export(config_file, output) -> None:
    """Write the configured feeds as OPML (how feed readers move their lists)."""
    from pipelines.feeds import export_opml

    text = export_opml(_config(config_file))
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@feeds_group.command("import")
@click.argument("opml", type=click.Path(exists=True, dir_okay=False))
@click.option("--config", "config_file", envvar="RIVALWATCH_FEEDS", type=click.Path(dir_okay=False),
              help="Feeds file to add to (default ./feeds.toml, created when missing; env RIVALWATCH_FEEDS).")
def feeds_import(opml, config_file) -> None:
    """Add the feeds of an OPML file to feeds.toml (feeds already there, by URL, are skipped)."""
    from pipelines.feeds import ConfigError, config_path, import_opml

    target = Path(config_file) if config_file else (config_path(None) or Path("feeds.toml"))
    try:
        result = import_opml(Path(opml), target)
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    for feed in result.added:
        click.echo(f"added  {feed.name} ({feed.kind}): {feed.url}")
    for feed in result.already:
        click.echo(f"kept   {feed.url}: already in {target}")
    click.echo(f"{len(result.added)} feeds added to {target}, {len(result.already)} already there")


@feeds_group.command("enable")
@click.argument("names", nargs=-1, required=True)
@click.pass_obj
def feeds_enable(obj, names) -> None:
    """Clear a feed's disabling (410 Gone, 30 days of failure) and errors; fetched at the next refresh."""
    import duckdb

    from warehouse import db, feed_state

    missing = []
    try:
        with db.writer(obj["db"]) as con:
            for name in names:
                if feed_state.enable_feed(con, name):
                    click.echo(f"enabled {name}: fetched at the next refresh")
                else:
                    missing.append(name)
    except duckdb.IOException as exc:
        click.echo(f"error: the warehouse is held by another process ({str(exc).splitlines()[0]}); "
                   "try again when it is done", err=True)
        sys.exit(EXIT_BUSY)
    for name in missing:
        click.echo(f"error: {name}: no such feed in the warehouse (never refreshed?)", err=True)
    if missing:
        sys.exit(1)


@feeds_group.command("settings")
@click.option("--config", "config_file", envvar="RIVALWATCH_FEEDS", type=click.Path(dir_okay=False), help=CONFIG_HELP)
def feeds_settings(config_file) -> None:
    """Each setting, its value, where the value came from (env, file, default) and what it does."""
    from pipelines.feeds import SETTINGS

    config = _config(config_file)
    for spec in SETTINGS:
        value = getattr(config.settings, spec.key)
        source = config.settings.sources.get(spec.key, "default")
        click.echo(f"{spec.key} = {value!r}  [{source}; env {spec.env}]\n    {spec.help}")


# Registered on the `rivalwatch` group by pipelines/cli.py.
COMMANDS = (refresh_cmd, schedule_cmd, feeds_group)
