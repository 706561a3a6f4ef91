"""The public CLI contract (DESIGN.md), through the installed entry point where it matters."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from pipelines.cli import main
from tests.conftest import ROOT, write_feed


def test_demo_builds_a_warehouse_with_shape(demo_warehouse, cli):
    out = cli("sql", "--format", "json", """
        SELECT count(*) AS items, count(DISTINCT feed) AS feeds,
               date_diff('month', min(published_at), max(published_at)) AS months,
               (SELECT count(*) FROM rivalry_edges) AS edges,
               (SELECT count(DISTINCT stance) FROM rivalry_edges) AS stances
        FROM items""", db=demo_warehouse).output
    row = json.loads(out)[0]
    assert row["items"] >= 150 and row["feeds"] >= 4 and row["months"] >= 6
    assert row["edges"] > 100 and row["stances"] == 6
    kinds = cli("sql", "--format", "csv", "SELECT DISTINCT kind FROM items ORDER BY 1", db=demo_warehouse).output
    assert kinds.split() == ["kind", "blog", "docket", "edgar", "news"]


def test_demo_seed_edges_present(demo_warehouse, cli):
    out = cli("sql", "--format", "json",
              "SELECT speaker, target, stance, polarity FROM rivalry_edges "
              "WHERE speaker_name = 'Ahmad Al-Dahle' AND target IN ('openai', 'mistral')", db=demo_warehouse).output
    rows = json.loads(out)
    assert any(r["target"] == "openai" and r["stance"] == "benchmark" for r in rows)
    assert any(r["target"] == "mistral" and r["stance"] == "dismissive" and r["polarity"] < 0 for r in rows)


def test_filers_speak_in_their_filings(demo_warehouse, cli):
    out = cli("sql", "--format", "json",
              "SELECT DISTINCT speaker FROM rivalry_edges WHERE feed = 'edgar-filings'", db=demo_warehouse).output
    assert {"microsoft", "meta"} <= {r["speaker"] for r in json.loads(out)}


def test_sql_formats(demo_warehouse, cli):
    query = "SELECT company, count(*) AS n FROM mentions GROUP BY company ORDER BY n DESC, company LIMIT 3"
    table = cli("sql", query, db=demo_warehouse).output
    csv = cli("sql", "--format", "csv", query, db=demo_warehouse).output
    data = json.loads(cli("sql", "--format", "json", query, db=demo_warehouse).output)
    assert len(data) == 3 and set(data[0]) == {"company", "n"}
    assert csv.splitlines()[0] == "company,n" and len(csv.splitlines()) == 4
    assert data[0]["company"] in table


def test_sql_refusal_exit_code_and_message(demo_warehouse, cli):
    result = cli("sql", "SELECT * FROM read_csv('/etc/passwd')", db=demo_warehouse)
    assert result.exit_code == 2
    assert result.output.startswith("error: refused")
    bad = cli("sql", "SELEC nonsense", db=demo_warehouse)
    assert bad.exit_code == 2 and "syntax error" in bad.output.lower()


def test_score_jsonl(cli):
    lines = "\n".join(json.dumps(x) for x in [
        {"text": "Mistral is peanuts for us", "target": "Mistral"},
        {"text": "Our goal needs to be GPT-4", "target": "openai"},
        {"text": "Acme Robotics has done impressive work on humanoids", "target": "Acme Robotics"},
        {"text": "no target here", "target": ""},
    ])
    result = CliRunner().invoke(main, ["score"], input=lines)
    out = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert result.stderr.startswith("line 4: 'target' must be a non-empty string")
    assert out[0]["stance"] == "dismissive" and out[0]["polarity"] < 0 and out[0]["company"] == "mistral"
    assert out[1]["stance"] == "benchmark" and out[1]["found"] is True
    assert out[2]["stance"] == "praise" and out[2]["company"] is None and out[2]["polarity"] > 0
    assert "error" in out[3]
    assert result.exit_code == 1  # one bad line is reported, the rest still scored


def test_reanalyze_is_idempotent(tmp_path, cli):
    feed = write_feed(tmp_path / "f.xml", [("a", "t", '"OpenAI is far behind," Elon Musk said.')])
    cli("ingest", str(feed))
    first = cli("sql", "--format", "csv", "SELECT speaker, target, stance FROM rivalry_edges").output
    result = cli("reanalyze")
    assert result.exit_code == 0 and result.output.startswith("1 items re-analysed")
    assert cli("sql", "--format", "csv", "SELECT speaker, target, stance FROM rivalry_edges").output == first
    assert "xai,openai,dismissive" in first


def test_catalog_check(cli, tmp_path):
    ok = cli("catalog", "check")
    assert ok.exit_code == 0 and "companies" in ok.output and "Mistral" in ok.output
    extra = tmp_path / "mine.toml"
    extra.write_text('[[product]]\ncompany = "nosuch"\naliases = ["Widget"]\n'
                     '[[product]]\ncompany = "google"\naliases = ["ChatGPT"]\n', encoding="utf-8")
    bad = CliRunner().invoke(main, ["--catalog", str(extra), "catalog", "check"])
    assert bad.exit_code == 1
    assert "unknown company 'nosuch'" in bad.output
    assert "'ChatGPT' belongs to several companies: google, openai" in bad.output


def test_user_catalog_extends_the_default(tmp_path, cli):
    extra = tmp_path / "mine.toml"
    extra.write_text('[[company]]\nid = "acme"\nname = "Acme AI"\naliases = ["Acme AI"]\n', encoding="utf-8")
    feed = write_feed(tmp_path / "f.xml", [("a", "t", '"Acme AI is a joke," Sam Altman said.')])
    runner = CliRunner()
    db = str(tmp_path / "w.duckdb")
    runner.invoke(main, ["--db", db, "--catalog", str(extra), "ingest", str(feed)])
    out = runner.invoke(main, ["--db", db, "sql", "--format", "csv", "SELECT speaker, target FROM rivalry_edges"])
    assert "openai,acme" in out.output


def test_installed_entry_point_and_env_var(tmp_path):
    """The console script itself, with RIVALWATCH_DB instead of --db."""
    exe = Path(sys.executable).with_name("rivalwatch")
    feed = write_feed(tmp_path / "f.xml", [("a", "t", "Nvidia said that Microsoft bought more chips.")])
    env = dict(os.environ, RIVALWATCH_DB=str(tmp_path / "env.duckdb"))
    done = subprocess.run([str(exe), "ingest", str(feed)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = subprocess.run([str(exe), "sql", "--format", "csv", "SELECT speaker, target FROM rivalry_edges"],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.stdout.splitlines() == ["speaker,target", "nvidia,microsoft"]


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = set(main.commands)
    documented = set(re.findall(r"rivalwatch (?:--\S+ \S+ )*([a-z]+)", readme))
    assert commands <= documented, commands - documented
