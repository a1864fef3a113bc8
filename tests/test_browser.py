"""The web page in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright):
search, highlights, the report view and its footnote markers, at laptop and phone widths."""

import os
import shutil
import socket
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@contextmanager
def serving(index_dir):
    """The app on a free loopback port, in a thread: yields its base URL."""
    import uvicorn

    from nlp.api import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(index_dir), host="127.0.0.1", port=port, log_level="warning"))
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
def server(seed_index_dir):
    with serving(seed_index_dir) as base:
        yield base


@pytest.fixture(scope="module")
def series_server(tmp_path_factory):
    """The written test series (tests/data/series), indexed with the hash embedder."""
    from nlp.index.build import build_index
    from tests.conftest import ROOT

    index_dir = tmp_path_factory.mktemp("series") / "index"
    build_index([ROOT / "tests" / "data" / "series"], index_dir, embedder="hash")
    with serving(index_dir) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


# Screenshots go to a scratch folder, so a test run leaves the checkout as it was; to refresh the
# README's: VNREPORT_SCREENSHOTS_DIR=docs/screenshots .venv/bin/python -m pytest tests/test_browser.py
SHOTS = Path(os.environ.get("VNREPORT_SCREENSHOTS_DIR") or tempfile.mkdtemp(prefix="vnreport-shots-"))
FISH = "Diện tích thả nuôi thủy sản"


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    yield page
    page.close()
    assert not errors, errors


def hash_params(page) -> dict:
    from urllib.parse import parse_qsl

    return dict(parse_qsl(page.evaluate("location.hash").lstrip("#")))


@pytest.mark.parametrize("width, height", [(1280, 800), (390, 844)])
def test_search_first_result_above_the_fold(server, browser, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(server + "/")
    page.fill("#q", FISH)
    page.press("#q", "Enter")
    page.wait_for_selector(".hit")
    first = page.locator(".hit").first
    assert "2.412 ha" in first.inner_text()
    assert first.locator("mark").count() >= 3  # the query's words are highlighted
    box = first.bounding_box()
    assert box["y"] + 120 < height  # the first result's title and first lines show without scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(SHOTS / f"search-{width}x{height}.png"))
    page.close()


def test_answer_is_marked_in_the_snippet(server, page):
    import json
    from urllib.parse import urlencode
    from urllib.request import urlopen

    question = "Diện tích thả nuôi thủy sản quý I là bao nhiêu?"
    page.goto(server + "/#q=" + question)
    page.wait_for_selector(".hit")
    first = json.load(urlopen(f"{server}/api/search?{urlencode({'q': question, 'k': 1})}"))["hits"][0]
    if not first.get("answer"):
        pytest.skip("the library gives no answer for this question")
    assert page.locator(".hit").first.locator(".snippet mark.answer").inner_text() == first["answer"]["text"]
    assert len(page.locator(".hit .snippet").first.inner_text()) < 400  # the snippet, not the whole passage


def test_footnotes_beside_the_snippet_are_the_snippets_own(server, page):
    # In the seed, footnote 3 (meat by kind: "Thịt gia súc 7.290 tấn") backs "Sản lượng thịt hơi …
    # đạt 10.114 tấn", the sentence just before "Diện tích thả nuôi thủy sản 2.412 ha"; both lie in
    # one passage. The fish snippet must not show the meat footnote until the whole passage opens.
    page.goto(server + "/#q=" + FISH)
    page.wait_for_selector(".hit")
    first = page.locator(".hit").first
    assert "2.412 ha" in first.locator(".snippet").inner_text()
    assert not first.get_by_text("Thịt gia súc 7.290 tấn").is_visible()
    first.locator("button.more").click()
    assert first.get_by_text("Thịt gia súc 7.290 tấn").is_visible()
    first.locator("button.more").click()
    assert not first.get_by_text("Thịt gia súc 7.290 tấn").is_visible()
    page.goto(server + "/#q=Sản lượng thịt hơi các loại")  # the claim's own snippet shows its footnote
    page.wait_for_selector(".hit .snippet >> text=10.114 tấn")  # the new results, not the fish ones
    hit = page.locator(".hit", has=page.locator(".snippet", has_text="10.114 tấn")).first
    assert hit.get_by_text("Thịt gia súc 7.290 tấn").is_visible()


def test_url_is_the_state_filters_requery_and_back_works(server, page):
    page.goto(server + "/#q=" + FISH)
    page.wait_for_selector(".hit")
    assert page.locator("#filter-box").evaluate("box => box.open")  # open on a laptop, folded on a phone
    page.select_option("#f-kind", "footnote")  # a filter change alone re-queries
    page.wait_for_function("location.hash.includes('kind=footnote')")
    # the new results replace the old ones: wait until every badge is a footnote's (the old page had some too)
    page.wait_for_function("""() => { const b = [...document.querySelectorAll('.hit .badge')];
        return b.length > 0 && b.every((x) => x.textContent.trim() === 'Chú thích'); }""")
    assert set(page.locator(".hit .badge").all_inner_texts()) == {"Chú thích"}
    page.fill("#f-section", "I./1")
    page.press("#f-section", "Enter")  # Enter in a filter box submits
    page.wait_for_function("location.hash.includes('section=I.')")
    assert hash_params(page) == {"q": FISH, "kind": "footnote", "section": "I./1"}
    page.reload()
    page.wait_for_selector(".hit")
    assert page.input_value("#f-kind") == "footnote" and page.input_value("#f-section") == "I./1"
    page.go_back()
    page.wait_for_function("!location.hash.includes('section')")
    page.wait_for_function("document.querySelector('#f-section').value === ''")
    assert page.input_value("#f-kind") == "footnote"
    page.go_back()
    page.wait_for_function("!location.hash.includes('kind')")
    page.wait_for_function("document.querySelector('#f-kind').value === ''")


def test_entity_box_autocompletes_and_enter_submits(server, page):
    page.goto(server + "/#q=k%E1%BA%BF%20ho%E1%BA%A1ch")
    page.wait_for_selector(".hit")
    page.select_option("#f-label", "AGENCY")
    page.fill("#f-entity", "so ke")
    page.wait_for_function("[...document.querySelectorAll('#entity-names option')].some(o => o.value === 'Sở Kế hoạch và Đầu tư')")
    page.fill("#f-entity", "Sở Kế hoạch và Đầu tư")
    page.press("#f-entity", "Enter")
    page.wait_for_function("location.hash.includes('entity=')")
    assert hash_params(page)["entity"] == "AGENCY:Sở Kế hoạch và Đầu tư"
    page.wait_for_selector(".hit")
    page.fill("#f-entity", "Sở Không Có")
    page.press("#f-entity", "Enter")
    page.wait_for_selector(".notice")  # a filter that matches nothing says so
    assert "Không có thực thể AGENCY nào chứa" in page.inner_text(".notice")
    page.goto(server + "/#q=l%C3%BAa&kind=bogus")
    page.wait_for_selector("#status .error")
    assert "Không có loại" in page.inner_text("#status")  # an invalid one: the API's Vietnamese message


def test_real_count_pages_and_export(server, page):
    page.goto(server + "/#q=l%C3%BAa%20g%E1%BA%A1o")
    page.wait_for_selector(".hit")
    total = int(page.inner_text("#count").split()[0].replace(".", ""))
    assert total > 10 and page.locator(".hit").count() == 10
    page.click("#pager >> text=Sau ›")
    page.wait_for_function("location.hash.includes('page=2')")
    page.wait_for_selector('.hit[data-rank="11"]')
    csv_link = page.get_attribute("#export-csv", "href")
    assert csv_link.startswith("/api/search.csv?") and "q=l%C3%BAa" in csv_link
    with page.expect_download() as download:
        page.click("#export-csv")
    assert Path(download.value.path()).read_bytes().startswith(b"\xef\xbb\xbfrank,")
    with page.expect_download() as download:
        page.click("#export-json")
    assert b'"total"' in Path(download.value.path()).read_bytes()


@pytest.mark.parametrize("kind, query, expected", [
    ("footnote", "Thịt gia súc 7.290 tấn", "Thịt gia súc 7.290 tấn"),
    ("task", "thu hoạch lúa Đông Xuân", "lúa Đông Xuân"),
    ("passage", FISH, "2.412 ha"),
])
def test_opening_a_hit_scrolls_to_it_highlighted(server, page, kind, query, expected):
    page.goto(server + f"/#q={query}&kind={kind}")
    page.wait_for_selector(".hit a.open")
    page.locator(".hit a.open").first.click()
    page.wait_for_selector("#target")
    if kind == "passage":
        page.screenshot(path=str(SHOTS / "report-1280x800.png"))
    marked = "".join(page.locator(".doc .target").all_inner_texts())
    assert expected in marked
    box = page.locator("#target").bounding_box()
    assert 0 <= box["y"] <= 800  # scrolled into view
    if kind == "footnote":
        assert page.locator(".notes #target").count() == 1


def test_reader_toc_tasks_tree_vietnamese_figures(server, page):
    page.goto(server + "/#q=" + FISH)
    page.locator(".hit a.open").first.click()
    page.wait_for_selector(".toc a")
    assert page.locator(".toc li").count() > 10
    page.locator(".toc a", has_text="Tài chính - ngân hàng").click()
    page.wait_for_function("location.hash.includes('at=')")
    page.wait_for_selector("#target")
    assert "Tài chính - ngân hàng" in page.inner_text("#target")
    page.click("button[data-tab=tasks]")
    nested = page.locator("#tab-tasks .tree > li > ul > li")
    assert nested.count() == 5  # item 12's sub-items under their parent
    tasks = page.inner_text("#tab-tasks")
    assert "Văn hóa - du lịch" in tasks and "culture-tourism" not in tasks
    page.click("button[data-tab=figures]")
    figures = page.inner_text("#tab-figures")
    assert "9.239,42 tỷ đồng" in figures and "9239420000000" not in figures
    assert "so với tháng trước" in figures and "previous_month" not in figures
    page.locator("#tab-figures a", has_text="9.239,42 tỷ đồng").click()
    page.wait_for_selector("#tab-text:not([hidden]) #target")
    assert "Tổng mức bán lẻ hàng hóa" in "".join(page.locator(".target").all_inner_texts())


def test_report_view_footnotes_checks_and_sorting(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(server + "/#q=s%E1%BA%A3n%20l%C6%B0%E1%BB%A3ng%20th%E1%BB%8Bt%20h%C6%A1i")
    page.wait_for_selector(".hit a")
    page.locator(".hit a.open").first.click()
    page.wait_for_selector("sup.fn")
    assert page.locator(".legend span.ent, .legend span").count() >= 6
    assert page.locator(".ent.AGENCY").count() > 10
    assert page.locator(".notes .ent").count() > 5  # entities inside footnote bodies are coloured
    page.click('sup.fn[data-fn="3"]')
    body = page.locator(".fn-body").inner_text()
    assert "Thịt gia súc 7.290 tấn" in body
    page.click('sup.fn[data-fn="5"]')
    assert page.locator(".fn-body .ent").count() >= 1
    page.click("button[data-tab=checks]")
    assert page.locator("#tab-checks tr.ok").count() >= 5
    page.click("button[data-tab=figures]")
    page.locator("#tab-figures th").nth(1).click()
    values = page.locator("#tab-figures tbody tr td:nth-child(2)").evaluate_all("cells => cells.map(c => c.dataset.v)")
    numbers = [float(v) for v in values if v]
    assert numbers == sorted(numbers)
    page.close()


def test_phone_reader_tables_scroll_inside_their_box(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "/#q=" + FISH)
    page.locator(".hit a.open").first.click()
    page.wait_for_selector("#target")
    page.screenshot(path=str(SHOTS / "report-390x844.png"))
    page.click("button[data-tab=figures]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator("#tab-figures")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")  # the table scrolls inside its box
    page.close()


def test_reports_page_lists_every_report(server, page):
    page.goto(server + "/")
    page.click("header >> text=Báo cáo")
    page.wait_for_selector("#reports tbody tr")
    row = page.inner_text("#reports tbody tr")
    assert "742/BC-SKHĐT" in row and "Sở Kế hoạch và Đầu tư" in row and "28/03/2023" in row
    page.click("#reports tbody a")
    page.wait_for_selector(".toc")


def test_keyboard_slash_tab_and_visible_focus(server, page):
    page.goto(server + "/#q=" + FISH)
    page.wait_for_selector(".hit")
    page.locator("body").click(position={"x": 5, "y": 700})
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.hit')"):
            break
    assert page.evaluate("document.activeElement.matches('.hit a.open')")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    page.keyboard.press("Enter")
    page.wait_for_selector("#target")


def test_highlights_exact_tones_with_diacritics_folded_without(server, page):
    page.goto(server + "/#q=thu%20ng%C3%A2n%20s%C3%A1ch")
    page.wait_for_selector(".hit mark")
    page.locator(".hit button.more").first.click()
    marks = {m.lower() for m in page.locator(".hit mark").all_inner_texts()}
    assert marks <= {"thu", "ngân", "sách"} and "thu" in marks
    page.goto(server + "/#q=nha%20tinh%20nghia")
    page.wait_for_selector(".hit mark")
    marks = [m.lower() for m in page.locator(".hit mark").all_inner_texts()]
    assert "nhà" in marks and "nghĩa" in marks


def test_api_docs_work_offline(server, page):
    outside = []

    def only_local(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(server + "/docs")
    page.wait_for_selector('.opblock-summary-path[data-path="/api/search"]')
    assert not outside


def test_figures_tab_draws_the_series_and_a_point_opens_its_sentence(series_server, page):
    page.goto(series_server + "/#figures&indicator=exports")
    page.wait_for_selector("#fig-chart .u-over")
    rows = page.locator("table.figures tbody tr")
    assert rows.count() == 8  # two provinces: three months and a 3-month total each
    assert "Lệch" in page.inner_text("#fig-checks") and "250,1 triệu USD" in page.inner_text("#fig-checks")
    assert page.evaluate("document.querySelector('#fig-chart').chart.series.length") >= 3  # x + a line per place
    page.screenshot(path=str(SHOTS / "figures-1280x800.png"), full_page=True)
    # the first point of the first line with a value, at its pixel on the chart
    x, y = page.evaluate("""() => {
        const c = document.querySelector('#fig-chart').chart, box = c.over.getBoundingClientRect();
        const s = c.data.findIndex((d, i) => i > 0 && d[0] != null);
        return [box.left + c.valToPos(c.data[0][0], 'x'), box.top + c.valToPos(c.data[s][0], 'y')];
    }""")
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.wait_for_selector("#report #target")
    params = hash_params(page)
    assert "read" in params and int(params["end"]) > int(params["at"])
    marked = "".join(page.locator("#report .target").all_inner_texts())  # the sentence, in runs of marked text
    assert "Kim ngạch xuất khẩu tháng 1/2024 đạt" in marked and "triệu USD" in marked  # January: the first point
