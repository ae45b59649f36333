"""A real browser (Debian's Chromium, driven by Playwright) against the served app."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from matchfacts.web.app import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# As the machine's notes advise: no background networking, no GPU, a fresh profile.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(store_path):
    port = _free_port()
    config = uvicorn.Config(create_app(store_path), host="127.0.0.1", port=port, log_level="error")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "the app did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.mark.slow
def test_find_the_flagship_and_read_its_preview(server, tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's Chromium is not installed at {CHROMIUM}: .ci/run installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            page = browser.new_page()
            page.goto(server + "/")
            page.fill("#home", "Liverpool")
            page.fill("#away", "Real Madrid")
            page.fill("#date", "2021-04-14")
            page.click("button[type=submit]")
            page.wait_for_selector("#headline", timeout=60_000)
            assert "Liverpool must overturn a 3-1 deficit" in page.inner_text("#headline")
            grid = page.inner_text("#outcome-grid")
            assert "ET" in grid and "H" in grid
            assert "3-1 means extra time" in page.inner_text("#tie-summary")
            assert "Real Madrid" in page.inner_text("#progression")
            first_fact = page.locator(".fact").first
            assert first_fact.locator(".fact-text").inner_text()
            details = first_fact.locator("details")
            assert details.get_attribute("open") is None
            details.locator("summary").click()
            assert details.get_attribute("open") is not None
            assert details.locator("li").first.is_visible()
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "flagship-preview.png"), full_page=True)
        finally:
            browser.close()
    assert (ARTIFACTS / "flagship-preview.png").stat().st_size > 10_000


@pytest.mark.slow
def test_check_a_written_preview_in_the_browser(server):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's Chromium is not installed at {CHROMIUM}: .ci/run installs it")
    from playwright.sync_api import sync_playwright

    preview = (  # a preview in the ways others write, not in the miners' templates
        "Barcelona have won three times in four visits to Liverpool. The Catalans have won "
        "each of their last ten meetings with the Reds. Liverpool have lost only two of their "
        "last 20 European home matches. Lionel Messi has scored 12 goals in this season's "
        "Champions League. Liverpool need to win by four clear goals."
    )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            page = browser.new_page()
            page.goto(server + "/")
            page.click("text=Check a written preview")
            page.fill("#text", preview)
            page.fill("#date", "2019-05-07")
            page.click("button[type=submit]")
            page.wait_for_selector("#claims", timeout=60_000)
            assert "Liverpool v Barcelona" in page.inner_text("h2")
            refuted = page.locator("li.claim[data-verdict=refuted]")
            assert refuted.count() == 3
            assert page.locator("li.claim[data-verdict=supported]").count() == 2
            visits = page.locator("li.claim", has_text="three times in four visits")
            assert "2 of 4" in visits.inner_text()
            visits.locator("summary").click()
            assert visits.locator("tr").first.is_visible()
            assert page.locator("#marked mark.refuted").count() == refuted.count()
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "check-page.png"), full_page=True)
        finally:
            browser.close()
