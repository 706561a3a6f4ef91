"""`rivalwatch`: the command line. Every writing command publishes a fresh
read-only snapshot before it returns, so `sql` right after sees the rows.

Each command imports what it uses when it runs: `rivalwatch --help` need not
load DuckDB and pandas, and neither do the worker processes of a refresh,
which import this module again as they start (multiprocessing's spawn)."""

from __future__ import annotations

import json
import os
import sys
import tomllib
from importlib import resources
from pathlib import Path

import click

from pipelines import ANALYZER_VERSION, cli_feeds
from pipelines.catalog import load_catalog

KINDS = ("news", "blog", "edgar", "docket")  # pipelines.ingest.KINDS, without importing it


def _echo_frame(frame, fmt: str) -> None:
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif fmt == "json":
        click.echo(frame.to_json(orient="records", date_format="iso", force_ascii=False))
    else:
        if frame.empty:
            click.echo("(no rows)")
        else:
            with_pd_options = frame.to_string(index=False, max_colwidth=80)
            click.echo(with_pd_options)


class _Commands(click.Group):
    """Write failures (a full disk, say) end a command with one sentence, not
    a traceback: what was committed is kept and the next run completes it."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except Exception as exc:
            if "duckdb" not in sys.modules:  # nothing touched a warehouse: not a write failure
                raise
            import duckdb

            from warehouse import db

            if isinstance(exc, db.WarehouseWriteError):
                click.echo(f"error: {exc}", err=True)
                sys.exit(1)
            if isinstance(exc, duckdb.IOException):
                where = (ctx.obj or {}).get("db", "the warehouse")
                reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                click.echo(f"error: could not write the warehouse at {where} ({reason}); what was committed is "
                           "kept and the next run completes it", err=True)
                sys.exit(1)
            raise


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db_path", envvar="RIVALWATCH_DB", type=click.Path(dir_okay=False),
              help="Warehouse file (default data/rivalwatch.duckdb; env RIVALWATCH_DB).")
@click.option("--catalog", "catalog_path", envvar="RIVALWATCH_CATALOG", type=click.Path(exists=True, dir_okay=False),
              help="Your catalog TOML, extending the default one (env RIVALWATCH_CATALOG).")
@click.version_option(ANALYZER_VERSION, prog_name="rivalwatch")
@click.pass_context
def main(ctx: click.Context, db_path: str | None, catalog_path: str | None) -> None:
    """rivalwatch: who in the AI industry talks about whom, and how."""
    from warehouse.db import resolve_db_path

    ctx.obj = {"db": resolve_db_path(db_path), "catalog": catalog_path}


def _user_agent() -> str:
    """The User-Agent of the feeds settings (RIVALWATCH_USER_AGENT, else the
    feeds file), so `ingest URL` introduces itself to SEC EDGAR as `refresh` does."""
    from pipelines.feeds import ConfigError, load_config
    from pipelines.fetch import DEFAULT_USER_AGENT

    try:
        return load_config(None).settings.user_agent
    except ConfigError:
        return os.environ.get("RIVALWATCH_USER_AGENT") or DEFAULT_USER_AGENT


@main.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option("--feed-name", help="Name for the feed in the views (default: the feed's own title).")
@click.option("--owner", help="Company id speaking in this feed (a company's own blog or filings). "
              "Default: the company whose own site the feed comes from, if any; 'none' for nobody.")
@click.option("--kind", type=click.Choice(KINDS), help="Kind of source (default: guessed, else news).")
@click.option("--allow-private-networks", is_flag=True,
              help="Allow URLs that resolve to loopback or private addresses.")
@click.pass_obj
def ingest_cmd(obj, sources, feed_name, owner, kind, allow_private_networks) -> None:
    """Parse local files or URLs and analyse them now."""
    from pipelines import sec_access
    from pipelines.ingest import ingest
    from warehouse import db

    catalog = load_catalog(obj["catalog"])
    if owner == "none":
        owner = ""  # nobody speaks for the feed, whatever its site
    elif owner and not catalog.is_company(owner):
        raise click.BadParameter(f"unknown company id {owner!r}", param_hint="--owner")
    with db.writer(obj["db"]) as con, sec_access.session(con):
        outcomes, analysed = ingest(
            con, list(sources), catalog, feed_name=feed_name, owner=owner, kind=kind,
            fetch_options={"allow_private_networks": allow_private_networks, "user_agent": _user_agent()},
        )
    for outcome in outcomes:
        click.echo(outcome.line(), err=not outcome.ok)
    ok = sum(1 for o in outcomes if o.ok)
    new = sum(o.items_new for o in outcomes)
    click.echo(f"{ok} of {len(outcomes)} sources read, {new} new items, {analysed} items analysed -> {obj['db']}")
    if ok == 0:
        sys.exit(1)


@main.command("sql")
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--limit", type=int, default=100_000, show_default=True, help="Most rows returned.")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Time limit in seconds.")
@click.pass_obj
def sql_cmd(obj, query, fmt, limit, timeout) -> None:
    """Run a read-only query on the published snapshot (sandboxed)."""
    from warehouse.sandbox import SandboxError, run_sql

    try:
        result = run_sql(obj["db"], query, time_limit_s=timeout, row_limit=limit)
    except SandboxError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    _echo_frame(result.frame, fmt)
    if result.truncated:
        click.echo(f"(stopped at {limit} rows; use --limit to change)", err=True)


@main.command("score")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.pass_obj
def score_cmd(obj, fmt) -> None:
    """Read JSON lines {"text", "target"} on stdin; write polarity and stance per line."""
    from pipelines.score import score_line

    catalog = load_catalog(obj["catalog"])
    failures = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            result = score_line(json.loads(line), catalog)
        except (ValueError, TypeError) as exc:
            failures += 1
            click.echo(f"line {number}: {exc}", err=True)
            result = {"error": str(exc)}
        click.echo(json.dumps(result, ensure_ascii=False))
    if failures:
        sys.exit(1)


@main.command("reanalyze")
@click.pass_obj
def reanalyze_cmd(obj) -> None:
    """Recompute mentions and edges of every stored item (after a catalog or rule change)."""
    from pipelines.ingest import analyze_pending
    from warehouse import db

    catalog = load_catalog(obj["catalog"])
    with db.writer(obj["db"]) as con:
        count = analyze_pending(con, catalog, everything=True)
    click.echo(f"{count} items re-analysed with analyzer {ANALYZER_VERSION}, catalog {catalog.version}")


def bundled_samples() -> tuple[Path, list[dict]]:
    folder, manifest = _manifest()
    return folder, manifest["feed"]


def _manifest() -> tuple[Path, dict]:
    folder = Path(str(resources.files("pipelines") / "samples"))
    return folder, tomllib.loads((folder / "manifest.toml").read_text(encoding="utf-8"))


def build_demo(con, catalog) -> list:
    """The sample feeds, then the sample filing documents attached to their
    filings by accession (as a refresh would fetch them), then analysis."""
    from pipelines.filing_fetch import document_from_file
    from pipelines.ingest import analyze_pending, ingest
    from warehouse import db, filing_store

    folder, manifest = _manifest()
    outcomes = []
    for feed in manifest["feed"]:
        done, _ = ingest(con, [str(folder / feed["file"])], catalog, feed_name=feed["name"],
                         owner=feed.get("owner", ""), kind=feed["kind"], command="demo")
        outcomes.extend(done)
    now = db.utcnow()
    for document in manifest.get("document", []):
        for item_id in filing_store.items_for_accession(con, document["accession"]):
            row = document_from_file(folder / document["file"], item_id=item_id, accession=document["accession"],
                                     fetched_at=now, url=document.get("url"))
            filing_store.save_document(con, row)
    analyze_pending(con, catalog)
    return outcomes


@main.command("demo")
@click.option("--no-serve", is_flag=True, help="Build the demo warehouse only.")
@click.option("--port", type=int, default=8501, show_default=True)
@click.pass_obj
def demo_cmd(obj, no_serve, port) -> None:
    """Build the demo warehouse from the bundled sample feeds (offline) and open the dashboard."""
    from warehouse import db

    catalog = load_catalog(obj["catalog"])
    with db.writer(obj["db"]) as con:
        outcomes = build_demo(con, catalog)
    for outcome in outcomes:
        click.echo(outcome.line(), err=not outcome.ok)
    click.echo(f"demo warehouse ready: {obj['db']}")
    if not no_serve:
        _serve(obj["db"], port)


@main.command("serve")
@click.option("--port", type=int, default=8501, show_default=True)
@click.option("--address", default="127.0.0.1", show_default=True)
@click.pass_obj
def serve_cmd(obj, port, address) -> None:
    """Start the dashboard on the warehouse's snapshot."""
    _serve(obj["db"], port, address)


def _serve(db_path: Path, port: int, address: str = "127.0.0.1") -> None:
    app = Path(str(resources.files("dashboard") / "app.py"))
    env = dict(os.environ, RIVALWATCH_DB=str(Path(db_path).resolve()))
    click.echo(f"dashboard on http://{address}:{port}  (Ctrl+C to stop)")
    command = [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.address", address, "--server.port", str(port), "--server.headless", "true",
        "--browser.gatherUsageStats", "false", "--client.showErrorDetails", "none",
        "--client.toolbarMode", "viewer", "--client.showErrorLinks", "false",
        # The safe defaults of .streamlit/config.toml, for a server started from anywhere.
        "--server.enableXsrfProtection", "true", "--server.enableCORS", "true",
        "--server.maxUploadSize", "1", "--server.enableStaticServing", "false",
    ]
    # Become streamlit rather than wait on it, so a SIGTERM from a service
    # manager or a test reaches the server itself and leaves nothing behind.
    sys.stdout.flush()
    os.execve(sys.executable, command, env)


@main.command("eval")
@click.option("--dev-set", type=click.Path(dir_okay=False), default="tests/data/edges_dev.jsonl", show_default=True,
              help="Labelled edge cases (JSON lines).")
@click.option("--shared", "shared_dir", type=click.Path(file_okay=False), default="../shared/data", show_default=True,
              help="Folder with sentiment/ (SemEval-2017 headlines, NewsMTSC).")
@click.option("--items", type=int, default=10_000, show_default=True, help="Items for the throughput run.")
@click.option("--errors", "show_errors", is_flag=True, help="List every case the analyzer got wrong.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole report as JSON.")
@click.pass_obj
def eval_cmd(obj, dev_set, shared_dir, items, show_errors, as_json) -> None:
    """Measure edges, stance, sentiment and throughput against labelled data."""
    from pipelines import evaluate

    catalog = load_catalog(obj["catalog"])
    report: dict = {}
    dev_path = Path(dev_set)
    if dev_path.is_file():
        report["edges"] = evaluate.evaluate_edges(evaluate.load_cases(dev_path), catalog)
        report["sets"] = evaluate.labelled_sets(dev_path.parent, catalog)
    else:
        click.echo(f"no dev set at {dev_path}: edge evaluation skipped", err=True)
    sentiment_dir = Path(shared_dir) / "sentiment"
    if sentiment_dir.is_dir():
        from pipelines import sentiment_eval

        report["sentiment"] = sentiment_eval.evaluate_sentiment(Path(shared_dir))
    else:
        click.echo(f"no sentiment data at {sentiment_dir}: sentiment evaluation skipped", err=True)
    report["throughput"] = evaluate.measure_throughput(catalog, items)
    if as_json:
        click.echo(json.dumps(report, indent=2, default=str))
        return
    if "edges" in report:
        click.echo(f"## Edges ({dev_path})\n")
        click.echo(evaluate.format_edges_report(report["edges"]))
        if show_errors:
            for error in report["edges"]["errors"]:
                click.echo(f"\n{error['id']} [{error['group']}] {error['text']}")
                for kind in ("extra", "missed", "wrong_stance"):
                    if error[kind]:
                        click.echo(f"  {kind}: {'; '.join(error[kind])}")
        click.echo(f"\n## Every labelled set in {dev_path.parent}\n")
        click.echo(evaluate.format_sets(report["sets"]))
    if "sentiment" in report:
        from pipelines import sentiment_eval

        click.echo("\n## Sentiment\n")
        click.echo(sentiment_eval.format_report(report["sentiment"]))
    t = report["throughput"]
    click.echo(f"\n## Throughput\n\n{t['items']:,} items ({t['sentences_per_item']} sentences each) analysed in "
               f"{t['seconds']} s: {t['items_per_second']:,} items/s, {t['edges']:,} edges")


@main.group("catalog")
def catalog_group() -> None:
    """Inspect the company catalog."""


@catalog_group.command("check")
@click.pass_obj
def catalog_check(obj) -> None:
    """Report conflicting aliases and entries that name unknown companies."""
    catalog = load_catalog(obj["catalog"])
    people = len(catalog.people)
    click.echo(f"catalog {catalog.version}: {len(catalog.companies)} companies, "
               f"{len(catalog.aliases)} aliases, {people} people")
    for problem in catalog.problems:
        click.echo(f"problem: {problem}")
    weak = sorted({a.text for aliases in catalog.aliases.values() for a in aliases if a.weak})
    click.echo(f"ambiguous aliases (need context): {', '.join(weak)}")
    if catalog.problems:
        sys.exit(1)


# refresh, schedule and feeds live in their own module (feeds.toml and the refresh loop).
for _command in cli_feeds.COMMANDS:
    main.add_command(_command)


if __name__ == "__main__":
    main()
