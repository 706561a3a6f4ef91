"""Every dashboard page in a real browser: a `rivalwatch serve` subprocess on
the demo warehouse, headless Debian chromium through Playwright. Each page
must render without an exception or an error box; a click on a cell of the
rivalry matrix must land on the Evidence page filtered to that pair; each
page is saved to docs/screenshots/ (the README shows them). Companies show
by name (from the warehouse) in charts, legends, tables, filters and quotes,
never by their ids, which stay in the URL; a company without a name (here
one the literal warehouse names only by a product) shows its id.

Chromium is a system package (`apt-get install chromium`, see .ci/run). A
machine without it fails here with the reason; set RIVALWATCH_SKIP_BROWSER=1
to skip these tests on purpose.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from warehouse import db, queries

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("RIVALWATCH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1440, "height": 1000}
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
# (title in the navigation and on the page, screenshot name)
PAGES = [
    ("Overview", "overview"),
    ("Rivalry", "rivalry"),
    ("Company", "company"),
    ("Evidence", "evidence"),
    ("Trends & spikes", "trends"),
    ("Filings", "filings"),
    ("Feeds", "feeds"),
    ("SQL", "sql"),
]

if os.environ.get("RIVALWATCH_SKIP_BROWSER") == "1":
    pytest.skip("RIVALWATCH_SKIP_BROWSER=1: browser tests skipped on request", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve_command(port: int) -> list[str]:
    script = Path(sys.executable).with_name("rivalwatch")
    if script.exists():
        return [str(script), "serve", "--port", str(port)]
    launcher = "import sys; from pipelines.cli import main; sys.exit(main(prog_name='rivalwatch'))"
    return [sys.executable, "-c", launcher, "serve", "--port", str(port)]


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(
            f"no chromium at {CHROMIUM}: install Debian's (`apt-get install chromium`, as .ci/run does), "
            "point RIVALWATCH_CHROMIUM at one, or set RIVALWATCH_SKIP_BROWSER=1 to skip the browser tests",
            pytrace=False,
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the Python package playwright is missing: `pip install -e '.[test]'`", pytrace=False)
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(demo_warehouse, tmp_path_factory):
    yield from _serve(demo_warehouse, tmp_path_factory)


def _serve(warehouse: Path, tmp_path_factory):
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    env = dict(os.environ, RIVALWATCH_DB=str(warehouse))
    with open(log, "wb") as out:
        process = subprocess.Popen(_serve_command(port), cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                with urllib.request.urlopen(base + "_stcore/health", timeout=2) as answer:
                    if answer.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"`rivalwatch serve` did not come up:\n{log.read_text(errors='replace')}")
            time.sleep(0.3)
        yield base
    finally:
        # The whole process group: `rivalwatch serve` runs streamlit as a child,
        # which a signal to the parent alone would leave running.
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def page(chromium, server):
    """One tab for the module: the app loads once, then pages are switched
    through the sidebar as a user does (a reload per page costs seconds)."""
    context = chromium.new_context(viewport=VIEWPORT, device_scale_factor=1)
    tab = context.new_page()
    tab.goto(server)
    _settle(tab, "Overview")
    yield tab
    context.close()


def _settle(tab, title: str) -> None:
    """Wait for the page's title, the script to finish and the charts to draw."""
    tab.get_by_role("heading", name=title, exact=True).first.wait_for(timeout=30_000)
    tab.wait_for_selector(IDLE, timeout=30_000)
    for chart in tab.locator(".js-plotly-plot").all():
        chart.locator(".main-svg").first.wait_for(timeout=15_000)
    tab.wait_for_timeout(300)
    tab.wait_for_selector(IDLE, timeout=30_000)


def _open(tab, title: str) -> None:
    tab.locator('[data-testid="stSidebarNav"] a').filter(has_text=title).first.click()
    _settle(tab, title)


def _assert_no_error(tab, where: str) -> None:
    errors = tab.locator(ERRORS)
    assert errors.count() == 0, f"{where}: {errors.first.inner_text()}"


@pytest.mark.parametrize("title", [p[0] for p in PAGES], ids=[p[1] for p in PAGES])
def test_page_renders_without_errors(page, title):
    _open(page, title)
    _assert_no_error(page, title)
    assert page.locator('[data-testid="stSidebarNav"]').count() == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = dict(PAGES)[title]
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    if title == "Rivalry":
        network = page.locator(".js-plotly-plot").nth(1)
        network.scroll_into_view_if_needed()
        page.wait_for_timeout(200)
        network.screenshot(path=str(SCREENSHOTS / "rivalry-network.png"))


def test_matrix_cell_drills_down_to_the_pairs_evidence(page, demo_warehouse):
    _open(page, "Rivalry")
    matrix = page.locator(".js-plotly-plot").first
    matrix.scroll_into_view_if_needed()
    cell = matrix.locator(".scatterlayer .point").first
    box = cell.bounding_box()
    assert box, "the matrix has no clickable cell"
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(200)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/evidence?**", timeout=30_000)
    _settle(page, "Evidence")
    _assert_no_error(page, "evidence after the drill-down")
    assert "speaker=" in page.url and "target=" in page.url
    quotes = page.locator(".rw-quote")
    assert quotes.count() > 0, "the drill-down shows no statement"
    speaker = page.url.split("speaker=")[1].split("&")[0]
    names = _company_names(demo_warehouse)
    assert speaker in names, "the URL carries the company's id"
    assert quotes.first.locator(".rw-meta b").first.inner_text() == names[speaker]
    page.screenshot(path=str(SCREENSHOTS / "drilldown-evidence.png"))


# Company names, not ids.

def _company_names(warehouse: Path) -> dict[str, str]:
    """id -> name as the warehouse has them (companies_seen.sql), read from
    the published snapshot as the dashboard reads it."""
    con = db.open_reader(warehouse)
    try:
        seen = queries.run(con, "companies_seen")
    finally:
        con.close()
    return {c: (n if isinstance(n, str) else c) for c, n in zip(seen["company"], seen["name"], strict=True)}


def _ids_shown(texts, names: dict[str, str]) -> set[str]:
    """The texts that are the id of a company that has a name of its own."""
    return {t.strip() for t in texts if t and t.strip() in names and names[t.strip()] != t.strip()}


def _svg_texts(tab, selector: str) -> list[str]:
    return tab.locator(selector).evaluate_all("els => els.map(e => e.textContent)")


def _table_cells(tab, index: int = 0) -> list[str]:
    table = tab.locator('[data-testid="stDataFrame"]').nth(index)
    table.scroll_into_view_if_needed()
    tab.wait_for_timeout(300)
    return table.locator('td, [role="gridcell"]').all_inner_texts()


def _goto(tab, base: str, path: str, title: str) -> None:
    tab.goto(base + path)
    _settle(tab, title)
    _assert_no_error(tab, path)


def test_charts_legends_tables_and_filters_show_names(page, server, demo_warehouse):
    names = _company_names(demo_warehouse)
    assert names["openai"] == "OpenAI" and names["huggingface"] == "Hugging Face"
    _goto(page, server, "?company=openai&company=huggingface&company=meta", "Overview")
    chips = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.inner_text()
    assert {"OpenAI", "Hugging Face", "Meta Platforms"} <= set(chips.splitlines()), chips
    assert not _ids_shown(chips.splitlines(), names), chips
    assert "company=openai" in page.url and "company=huggingface" in page.url  # ids stay in the URL
    legend = _svg_texts(page, ".js-plotly-plot .legend .legendtext")
    assert {"OpenAI", "Hugging Face", "Meta Platforms"} <= set(legend), legend
    ticks = _svg_texts(page, ".js-plotly-plot .ytick text")  # the stance mix's speakers
    assert "Meta Platforms" in ticks and not _ids_shown(legend + ticks, names), legend + ticks
    cells = _table_cells(page)
    assert "Meta Platforms" in cells and not _ids_shown(cells, names), cells[:24]

    _goto(page, server, "rivalry", "Rivalry")
    axes = _svg_texts(page, ".js-plotly-plot .xtick text, .js-plotly-plot .ytick text")
    assert "OpenAI" in axes and "Meta Platforms" in axes and not _ids_shown(axes, names), axes
    nodes = _svg_texts(page, ".js-plotly-plot .textpoint text")
    assert "OpenAI" in nodes and not _ids_shown(nodes, names), nodes

    _goto(page, server, "company?name=huggingface", "Company")
    assert page.get_by_role("heading", name="Hugging Face", exact=True).count() == 1
    chosen = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"] input').first.input_value()
    assert chosen == "Hugging Face"

    _goto(page, server, "evidence?speaker=meta&target=openai", "Evidence")
    said = page.locator(".rw-quote .rw-meta b").all_inner_texts()
    assert said[:2] == ["Meta Platforms", "OpenAI"] and not _ids_shown(said, names), said[:6]


@pytest.fixture(scope="module")
def literal_server(tmp_path_factory):
    from tests.dashboard.literal_warehouse import build_literal_warehouse

    warehouse = build_literal_warehouse(tmp_path_factory.mktemp("literal") / "rw.duckdb")
    for base in _serve(warehouse, tmp_path_factory):
        yield base, warehouse


def test_a_company_without_a_name_shows_its_id(chromium, literal_server):
    base, warehouse = literal_server
    names = _company_names(warehouse)
    assert names["newcorp"] == "newcorp" and names["meta"] == "Meta Platforms"
    context = chromium.new_context(viewport=VIEWPORT, device_scale_factor=1)
    try:
        tab = context.new_page()
        _goto(tab, base, "", "Overview")
        legend = _svg_texts(tab, ".js-plotly-plot .legend .legendtext")
        assert {"newcorp", "Meta Platforms", "OpenAI"} <= set(legend), legend
        _goto(tab, base, "company?name=newcorp", "Company")
        assert tab.get_by_role("heading", name="newcorp", exact=True).count() == 1
        _goto(tab, base, "evidence?mode=sentences&company=newcorp", "Evidence")
        assert tab.locator(".rw-quote .rw-meta b").first.inner_text() == "newcorp"
    finally:
        context.close()
