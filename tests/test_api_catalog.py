"""The curated queries over real HTTP: documented parameters, formats, paging and bad input."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from tests.test_api import _is_problem

JNIM = "Jama'at Nusrat al-Islam wal-Muslimin"


def test_every_query_is_documented_in_openapi(corpus_http: httpx.Client) -> None:
    listed = {q["name"]: q for q in corpus_http.get("/queries").json()}
    assert len(listed) >= 12
    paths = corpus_http.get("/openapi.json").json()["paths"]
    for name, info in listed.items():
        operation = paths[f"/queries/{name}"]["get"]
        assert operation["summary"] == info["title"]
        documented = {p["name"]: p for p in operation["parameters"]}
        for param in info["parameters"]:
            assert documented[param["name"]]["description"] == param["description"]
        assert {"limit", "offset", "format"} <= set(documented)
        assert {"400", "404", "422", "503"} <= set(operation["responses"])


def test_a_query_over_http_with_typed_parameters(corpus_http: httpx.Client) -> None:
    r = corpus_http.get(
        "/queries/attacks_by_group", params={"group": "al-qaeda", "include_affiliates": "true"}
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["parameters"]["include_affiliates"] is True
    attributed = {g for row in body["rows"] for g in row["attributed_to"]}
    assert {JNIM, "Al-Shabaab"} <= attributed


def test_csv_has_the_columns_and_rows_of_the_json(corpus_http: httpx.Client) -> None:
    params = {"region": "Africa"}
    as_json = corpus_http.get("/queries/casualties_by_region_year", params=params).json()
    r = corpus_http.get("/queries/casualties_by_region_year", params={**params, "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert list(table[0]) == as_json["columns"]
    assert [(t["region"], t["year"], int(t["killed"])) for t in table] == [
        (row["region"], row["year"], row["killed"]) for row in as_json["rows"]
    ]


def test_graph_format_gives_nodes_and_edges(corpus_http: httpx.Client) -> None:
    r = corpus_http.get(
        "/queries/affiliation_network", params={"group": "JNIM", "depth": 2, "format": "graph"}
    )
    assert r.status_code == 200, r.text
    graph = r.json()
    names = {n["label"] for n in graph["nodes"]}
    assert {JNIM, "al-Qaeda", "Al-Shabaab"} <= names
    ids = {n["id"] for n in graph["nodes"]}
    edges = {(e["source"], e["type"], e["target"]) for e in graph["edges"]}
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    jnim = next(n["id"] for n in graph["nodes"] if n["label"] == JNIM)
    qaeda = next(n["id"] for n in graph["nodes"] if n["label"] == "al-Qaeda")
    assert (jnim, "affiliatedWith", qaeda) in edges


def test_offset_pages_through_the_same_rows(corpus_http: httpx.Client) -> None:
    everything = corpus_http.get("/queries/sub_regions", params={"region": "Africa"}).json()
    assert len(everything["rows"]) > 3 and not everything["truncated"]
    page = corpus_http.get(
        "/queries/sub_regions", params={"region": "Africa", "limit": 2, "offset": 1}
    ).json()
    assert page["rows"] == everything["rows"][1:3] and page["truncated"] is True


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"include_affiliates": "perhaps"}, "attacks_by_group"),
        ({"depth": "7"}, "affiliation_network"),
        ({"depth": "two"}, "affiliation_network"),
        ({"from_date": "2024-13-45"}, "attacks_in_region"),
        ({"format": "xml"}, "sub_regions"),
        ({"offset": "-1"}, "sub_regions"),
    ],
)
def test_a_wrong_parameter_type_or_value_is_422(
    corpus_http: httpx.Client, params: dict, name: str
) -> None:
    body = _is_problem(corpus_http.get(f"/queries/{name}", params=params), 422)
    assert next(iter(params)) in body["detail"]


def test_unknown_parameter_limit_over_the_cap_and_unknown_query(corpus_http: httpx.Client) -> None:
    _is_problem(corpus_http.get("/queries/sub_regions", params={"regoin": "Sahel"}), 400)
    body = _is_problem(corpus_http.get("/queries/sub_regions", params={"limit": 1001}), 400)
    assert "cap" in body["detail"]
    _is_problem(corpus_http.get("/queries/no_such_query"), 404)
