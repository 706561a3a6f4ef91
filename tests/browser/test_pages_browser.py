"""Every dashboard page in a real browser: a `rivalwatch serve` subprocess on
the demo warehouse, headless Debian chromium through Playwright. Each page
must render without an exception or an error box; a click on a cell of the
rivalry matrix must land on the Evidence page filtered to that pair; each
page is saved to docs/screenshots/ (the README shows them).

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
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    env = dict(os.environ, RIVALWATCH_DB=str(demo_warehouse))
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


def test_matrix_cell_drills_down_to_the_pairs_evidence(page):
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
    assert speaker in quotes.first.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "drilldown-evidence.png"))
