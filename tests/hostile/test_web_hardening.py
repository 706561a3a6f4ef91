"""The dashboard's web surface: safe Streamlit defaults, feed text always
rendered as text, links only to http(s), and the README's advice for
sharing it behind an authenticating proxy."""

from __future__ import annotations

import ast
import os
import subprocess
import tomllib
from pathlib import Path

from click.testing import CliRunner
from selectolax.lexbor import LexborHTMLParser

from dashboard import quotes
from pipelines import cli

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "dashboard"
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>\"'><svg onload=1>"


def test_streamlit_config_binds_locally_hides_errors_and_keeps_protections_on():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    server, client, browser = config["server"], config["client"], config["browser"]
    assert server["address"] == "127.0.0.1"
    assert server["headless"] is True
    assert server["enableXsrfProtection"] is True and server["enableCORS"] is True
    assert server["allowedHosts"] and "*" not in server["allowedHosts"]  # DNS rebinding
    assert server.get("enableStaticServing", False) is False
    assert client["showErrorDetails"] == "none"  # no tracebacks or messages in the browser
    assert client.get("showErrorLinks") is False
    assert client["toolbarMode"] == "viewer"
    assert browser["gatherUsageStats"] is False  # telemetry off


def test_serve_binds_locally_without_error_details_or_telemetry(monkeypatch, tmp_path):
    started = []  # however the command starts streamlit (exec or a child), its arguments are kept
    monkeypatch.setattr(os, "execve", lambda path, command, env: started.append(command))
    monkeypatch.setattr(os, "execv", lambda path, command: started.append(command))
    monkeypatch.setattr(subprocess, "run", lambda command, **kwargs: started.append(command))
    result = CliRunner().invoke(cli.main, ["--db", str(tmp_path / "rw.duckdb"), "serve"])
    assert result.exit_code == 0, result.output
    command = started[0]

    def option(name: str) -> str:
        return command[command.index(name) + 1]

    assert option("--server.address") == "127.0.0.1"
    assert option("--client.showErrorDetails") == "none"
    assert option("--browser.gatherUsageStats") == "false"


def _calls(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            yield node


def test_no_dashboard_code_renders_html_unescaped():
    """No `unsafe_allow_html`, no components.html; `st.html` only receives
    `quotes.quotes_html`, which escapes every piece of feed text."""
    files = sorted(DASHBOARD.rglob("*.py"))
    assert len(files) > 5
    for path in files:
        source = path.read_text(encoding="utf-8")
        assert "components.html" not in source and "components.v1" not in source, path
        for call in _calls(path):
            for keyword in call.keywords:
                assert keyword.arg != "unsafe_allow_html" or (
                    isinstance(keyword.value, ast.Constant) and keyword.value.value is False), \
                    f"{path.name}:{call.lineno} renders HTML unescaped"
            if isinstance(call.func, ast.Attribute) and call.func.attr == "html":
                argument = call.args[0] if call.args else None
                assert isinstance(argument, ast.Call) and ast.unparse(argument.func).endswith("quotes_html"), \
                    f"{path.name}:{call.lineno}: st.html must get quotes.quotes_html(...)"


def _check_markup(html: str) -> None:
    tree = LexborHTMLParser(html)
    assert not tree.css("script, iframe, object, embed, svg, img, form")
    for node in tree.css("*"):
        for name, value in (node.attributes or {}).items():
            assert not name.lower().startswith("on"), (node.tag, name)
            if name == "href":
                assert value.startswith(("http://", "https://")), value
    text = tree.text()
    assert "<script>alert(1)</script>" in text  # shown, as text


def test_quotes_escape_every_piece_of_feed_text():
    statement = {"evidence": HOSTILE, "aliases": ["script", "img"], "speaker": HOSTILE, "target": HOSTILE,
                 "speaker_name": HOSTILE, "stance": HOSTILE, "polarity": 0.5, "feed": HOSTILE, "title": HOSTILE,
                 "url": "javascript:alert(4)", "sources": [HOSTILE, "b"],
                 "source_urls": ["javascript:alert(5)", "data:text/html,x", "https://ok.example/a"]}
    sentence = {"sentence": HOSTILE, "companies": [HOSTILE], "aliases": ["alert"], "feed": HOSTILE,
                "title": HOSTILE, "url": " JavaScript:alert(6)", "sources": [HOSTILE, "c"], "source_urls": []}
    _check_markup(quotes.statement_html(statement))
    _check_markup(quotes.sentence_html(sentence))
    assert quotes.web_url("javascript:alert(1)") is None and quotes.web_url("data:text/html,x") is None
    assert quotes.web_url("https://news.example.com/a") == "https://news.example.com/a"


def test_every_query_behind_a_link_column_keeps_only_web_addresses():
    """The named queries whose `url` the pages show as links filter it to
    http(s): a `javascript:` link from a feed stays text in the warehouse.
    Read as they run, shared parts included."""
    from warehouse import queries

    linked = ["evidence_edges", "evidence_mentions", "spike_items", "sentence_search", "filings_timeline",
              "filings_docket_entries", "filings_competitor_passages", "filings_documents"]
    for name in linked:
        sql = queries.load(name).lower()
        assert "like 'http://%' or lower(" in sql and "like 'https://%' then" in sql, name


def test_readme_explains_deploying_behind_an_authenticating_proxy():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Deploying behind a proxy" in readme and "## Reliability" in readme
    section = readme.split("## Deploying behind a proxy", 1)[1].split("\n## ", 1)[0]
    for words in ("st.login", "oauth2-proxy", "allow-list", "127.0.0.1", "enableXsrfProtection", "allowedHosts"):
        assert words in section, words
