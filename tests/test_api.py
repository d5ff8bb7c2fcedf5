"""The real FastAPI app over HTTP (uvicorn on loopback) on the loaded sample graph."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.conftest import make_settings, serve


def test_health(http: httpx.Client) -> None:
    r = http.get("/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "engine": "falkordb"}


def test_catalog_lists_documented_queries(http: httpx.Client) -> None:
    r = http.get("/queries")
    assert r.status_code == 200
    queries = {q["name"]: q for q in r.json()}
    headline = queries["groups_active_in_region"]
    assert headline["title"] and headline["description"]
    assert headline["parameters"][0]["name"] == "region"
    assert headline["parameters"][0]["default"] == "Sahel"


def test_groups_active_in_the_sahel_and_responses_to_them(http: httpx.Client) -> None:
    r = http.get("/queries/groups_active_in_region", params={"region": "Sahel"})
    assert r.status_code == 200, r.text
    body = r.json()
    rows = {row["group"]: row for row in body["rows"]}
    assert {"Jama'at Nusrat al-Islam wal-Muslimin", "Boko Haram"} <= set(rows)
    for group in ("Jama'at Nusrat al-Islam wal-Muslimin", "Boko Haram"):
        responses = {resp["response"] for resp in rows[group]["responses"]}
        assert {"French Military Presence", "MINUSMA"} <= responses
        assert rows[group]["sources"], "every row names its source documents"
    assert "Al-Shabaab" not in rows  # active in the Horn of Africa, not the Sahel


def test_sub_regions_are_included(http: httpx.Client) -> None:
    r = http.get("/queries/groups_active_in_region", params={"region": "africa"})
    groups = {row["group"] for row in r.json()["rows"]}
    assert {"Boko Haram", "Al-Shabaab", "Jama'at Nusrat al-Islam wal-Muslimin"} <= groups


def test_paging_and_truncation(http: httpx.Client) -> None:
    r = http.get("/queries/groups_active_in_region", params={"region": "Africa", "limit": 1})
    body = r.json()
    assert len(body["rows"]) == 1 and body["truncated"] is True


def _is_problem(r: httpx.Response, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def test_unknown_query_is_404(http: httpx.Client) -> None:
    _is_problem(http.get("/queries/no_such_query"), 404)


def test_unknown_parameter_is_400(http: httpx.Client) -> None:
    body = _is_problem(http.get("/queries/groups_active_in_region", params={"regoin": "x"}), 400)
    assert "regoin" in body["detail"]


def test_limit_over_the_cap_is_400(http: httpx.Client) -> None:
    _is_problem(http.get("/queries/groups_active_in_region", params={"limit": 10**6}), 400)


def test_wrong_type_is_422(http: httpx.Client) -> None:
    _is_problem(http.get("/queries/groups_active_in_region", params={"limit": "many"}), 422)


def test_database_down_is_503_with_retry_after(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, graph_url="redis://127.0.0.1:1")
    with serve(settings) as url:
        r = httpx.get(url + "/queries/groups_active_in_region")
        health = httpx.get(url + "/health")
    body = _is_problem(r, 503)
    assert r.headers["retry-after"].isdigit()
    assert "FalkorDB" in body["detail"]
    _is_problem(health, 503)


@pytest.mark.parametrize("path", ["/docs", "/openapi.json"])
def test_openapi_is_served(http: httpx.Client, path: str) -> None:
    assert http.get(path).status_code == 200
