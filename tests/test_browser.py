"""The web page in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright):
search, highlights, the report view and its footnote markers, at laptop and phone widths."""

import shutil
import socket
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(seed_index_dir):
    import uvicorn

    from nlp.api import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(seed_index_dir), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    started = threading.Event()
    while not started.wait(0.05):  # uvicorn sets `started` once it listens
        if srv.started:
            started.set()
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.mark.parametrize("width, height", [(1280, 800), (390, 844)])
def test_search_shows_highlighted_hits(server, browser, tmp_path, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(server + "/")
    page.fill("#q", "Diện tích thả nuôi thủy sản")
    page.click("button[type=submit]")
    page.wait_for_selector(".hit")
    first = page.locator(".hit").first
    assert "2.412 ha" in first.inner_text()
    assert first.locator("mark").count() >= 3  # the query's words are highlighted
    page.screenshot(path=str(tmp_path / f"search-{width}x{height}.png"))
    page.close()


def test_no_diacritics_question_highlights_accented_words(server, browser):
    page = browser.new_page()
    page.goto(server + "/#q=nha%20tinh%20nghia")
    page.wait_for_selector(".hit mark")
    marks = [m.lower() for m in page.locator(".hit mark").all_inner_texts()]
    assert "nhà" in marks and "nghĩa" in marks
    page.close()


def test_report_view_opens_a_footnote_beside_its_claim(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(server + "/#q=s%E1%BA%A3n%20l%C6%B0%E1%BB%A3ng%20th%E1%BB%8Bt%20h%C6%A1i")
    page.wait_for_selector(".hit a")
    page.locator(".hit a").first.click()
    page.wait_for_selector("sup.fn")
    assert page.locator(".legend span").count() == 6
    assert page.locator(".ent.AGENCY").count() > 10
    page.click('sup.fn[data-fn="3"]')
    body = page.locator(".fn-body").inner_text()
    assert "Thịt gia súc 7.290 tấn" in body
    page.click("button[data-tab=checks]")
    assert page.locator("#tab-checks tr.ok").count() >= 5
    page.click("button[data-tab=figures]")
    header = page.locator("#tab-figures th").nth(1)
    header.click()
    values = page.locator("#tab-figures tbody tr td:nth-child(2)").all_inner_texts()[:5]
    assert [float(v) for v in values] == sorted(float(v) for v in values)
    page.close()
