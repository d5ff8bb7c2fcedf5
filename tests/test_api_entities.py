"""Entity and analytics endpoints over real HTTP, on the samples plus the test reports."""

from __future__ import annotations

import httpx

from extractor.rdf import document_iri
from tests.corpus import SOURCES
from tests.test_api import _is_problem

JNIM = "Jama'at Nusrat al-Islam wal-Muslimin"
BASE = "https://w3id.org/conflict-kg/id/"


def test_groups_filtered_by_region_and_name(corpus_http: httpx.Client) -> None:
    sahel = corpus_http.get("/groups", params={"region": "Sahel"}).json()["items"]
    assert {JNIM, "Boko Haram"} <= {g["group"] for g in sahel}
    assert "Al-Shabaab" not in {g["group"] for g in sahel}
    named = corpus_http.get("/groups", params={"name": "shabaab"}).json()["items"]
    assert [g["group"] for g in named] == ["Al-Shabaab"]


def test_group_by_iri_suffix_or_alias(corpus_http: httpx.Client) -> None:
    by_id = corpus_http.get("/groups/jnim")
    assert by_id.status_code == 200, by_id.text
    profile = by_id.json()
    assert profile["group"] == JNIM and "al-Qaeda" in profile["affiliations"]
    assert corpus_http.get("/groups/JNIM").json()["uri"] == profile["uri"]
    _is_problem(corpus_http.get("/groups/no-such-group"), 404)


def test_region_profile(corpus_http: httpx.Client) -> None:
    mali = corpus_http.get("/regions/mali").json()
    assert mali["type"] == "country" and mali["iso3166"] == "ML"
    assert "Sahel" in mali["part_of"] and "Weak governance" in mali["factors"]
    assert JNIM in mali["groups"]
    sahel = corpus_http.get("/regions/sahel").json()
    assert sahel["sub_regions"] >= 3 and sahel["attacks"] >= 3
    _is_problem(corpus_http.get("/regions/atlantis"), 404)


def test_attacks_filtered_by_region_group_and_dates(corpus_http: httpx.Client) -> None:
    r = corpus_http.get("/attacks", params={"region": "Burkina Faso", "from": "2024-01-01"})
    items = r.json()["items"]
    assert [(a["date"], a["killed"]) for a in items] == [("2024-03-12", 23)]
    by_group = corpus_http.get("/attacks", params={"group": "ISWAP"}).json()["items"]
    assert by_group and all(
        "Islamic State West Africa Province" in a["perpetrators"] + a["claimed_by"]
        for a in by_group
    )
    window = corpus_http.get("/attacks", params={"from": "2023-01-01", "to": "2023-12-31"})
    assert {a["date"][:4] for a in window.json()["items"]} == {"2023"}
    _is_problem(corpus_http.get("/attacks", params={"from": "yesterday"}), 422)


def test_responses_and_factors(corpus_http: httpx.Client) -> None:
    responses = corpus_http.get("/responses", params={"group": "JNIM"}).json()["items"]
    assert {"MINUSMA", "French Military Presence"} <= {r["response"] for r in responses}
    kinds = corpus_http.get("/responses", params={"kind": "airstrike"}).json()["items"]
    assert kinds and {r["kind"] for r in kinds} == {"airstrike"}
    factors = corpus_http.get("/factors", params={"region": "Mali"}).json()["items"]
    assert "Weak governance" in {f["factor"] for f in factors}


def test_document_facts_point_at_their_sentences(corpus_http: httpx.Client) -> None:
    source = SOURCES[0]
    iri = str(document_iri(BASE, source))
    r = corpus_http.get(f"/documents/{iri.rsplit('/', 1)[1]}", params={"limit": 500})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["uri"] == iri and doc["title"] == source.title and doc["url"] == source.url
    facts = doc["facts"]["items"]
    assert doc["statements"] == len(facts) > 0
    assert any(f["predicate"].endswith("#claimant") and f["object"] == JNIM for f in facts)
    for f in facts:
        piece = source.text[f["char_start"] : f["char_end"]].strip()
        assert piece == f["sentence"].strip(), f
    _is_problem(corpus_http.get("/documents/0000000000000000"), 404)


def test_group_network_analytics(corpus_http: httpx.Client) -> None:
    r = corpus_http.get("/analytics/groups", params={"region": "Africa"})
    assert r.status_code == 200, r.text
    net = r.json()
    by_name = {n["group"]: n for n in net["nodes"]}
    assert {JNIM, "al-Qaeda", "Al-Shabaab", "Boko Haram"} <= set(by_name)
    assert all(0 <= n["degree"] <= 1 and 0 <= n["betweenness"] <= 1 for n in net["nodes"])
    communities = {uri: i for i, c in enumerate(net["communities"]) for uri in c}
    assert sorted(communities) == sorted(n["uri"] for n in net["nodes"])
    qaeda, jnim = by_name["al-Qaeda"], by_name[JNIM]
    tie = next(e for e in net["edges"] if {e["source"], e["target"]} == {qaeda["uri"], jnim["uri"]})
    assert "affiliation" in tie["kinds"]
    _is_problem(corpus_http.get("/analytics/groups", params={"region": "Atlantis"}), 404)
