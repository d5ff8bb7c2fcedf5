"""Every curated query on the real embedded FalkorDB, on the samples plus the test reports of
tests/corpus.py: the answers are checked against what the texts say."""

from __future__ import annotations

from typing import Any

import pytest

from conflict_kg.errors import ParameterError
from extractor.rdf import document_iri
from graph_loader import GraphStore
from queries import load_catalog
from queries.catalog import parse_query
from tests.corpus import SOURCES

CATALOG = load_catalog()
JNIM = "Jama'at Nusrat al-Islam wal-Muslimin"
ISWAP = "Islamic State West Africa Province"
BASE = "https://w3id.org/conflict-kg/id/"
TEXTS = {str(document_iri(BASE, s)): s.text for s in SOURCES}
ISSUE_QUESTIONS = {
    "groups_active_in_region",
    "attacks_in_region",
    "attacks_by_group",
    "claims_by_group",
    "responses_to_group",
    "responses_in_region",
    "factors_in_region",
    "group_profile",
    "affiliation_network",
    "co_active_groups",
    "shortest_connection",
    "casualties_by_region_year",
    "sub_regions",
}


def run(store: GraphStore, name: str, **raw: Any) -> list[dict[str, Any]]:
    query = CATALOG.get(name)
    params = query.bind(raw)
    return store.read(
        query.text_for(store.engine), {**params, "limit": 1000, "offset": 0}, timeout_ms=10_000
    ).records()


def _example(name: str) -> dict[str, str]:
    example = CATALOG.get(name).example
    return dict(part.split("=", 1) for part in example.split("&")) if example else {}


def test_the_catalog_answers_the_issue_questions_with_documented_parameters() -> None:
    assert {q.name for q in CATALOG} >= ISSUE_QUESTIONS
    assert len(CATALOG) >= 12
    for q in CATALOG:
        assert q.title and q.description and q.example, q.name
        assert set(_example(q.name)) <= {p.name for p in q.parameters}, q.name


@pytest.mark.parametrize("name", sorted(q.name for q in CATALOG))
def test_every_query_answers_its_example(corpus_store: GraphStore, name: str) -> None:
    rows = run(corpus_store, name, **_example(name))
    assert rows, f"{name} returned no rows for its example"


def test_groups_active_in_the_sahel_and_who_responds(corpus_store: GraphStore) -> None:
    rows = {r["group"]: r for r in run(corpus_store, "groups_active_in_region", region="sahel")}
    assert {JNIM, "Boko Haram"} <= set(rows)
    assert "Al-Shabaab" not in rows
    responses = {resp["response"]: resp for resp in rows[JNIM]["responses"]}
    assert {"MINUSMA", "French Military Presence"} <= set(responses)
    assert responses["MINUSMA"]["kind"] == "peacekeeping" and responses["MINUSMA"]["sources"]
    # Burkina Faso lies in the Sahel: the activity read from the Djibo report counts
    assert "Burkina Faso" in rows[JNIM]["regions"]
    assert set(TEXTS) & set(rows[JNIM]["sources"])


def test_attacks_in_a_region_over_a_date_range(corpus_store: GraphStore) -> None:
    rows = run(
        corpus_store,
        "attacks_in_region",
        region="Africa",
        from_date="2024-01-01",
        to_date="2024-12-31",
    )
    assert rows and all("2024-01-01" <= r["date"] <= "2024-12-31" for r in rows)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    djibo = next(r for r in rows if r["date"] == "2024-03-12")
    assert djibo["location"] == "Djibo" and djibo["killed"] == 23
    assert JNIM in djibo["claimed_by"] + djibo["perpetrators"]
    assert any(ISWAP in r["perpetrators"] and r["killed"] == 12 for r in rows)
    everything = run(corpus_store, "attacks_in_region", region="Africa")
    assert {r["date"] for r in everything} >= {"2022-10-29", "2023-09-03", "2023-11-26"}
    assert len(everything) > len(rows)


def test_attacks_by_a_group_and_its_affiliates(corpus_store: GraphStore) -> None:
    own = run(corpus_store, "attacks_by_group", group="JNIM")
    assert {r["date"] for r in own} >= {"2023-11-26", "2024-03-12"}
    assert all(JNIM in r["attributed_to"] for r in own)
    assert run(corpus_store, "attacks_by_group", group="al-qaeda") == []
    via_affiliates = run(
        corpus_store, "attacks_by_group", group="al-qaeda", include_affiliates="true"
    )
    groups = {g for r in via_affiliates for g in r["attributed_to"]}
    assert {JNIM, "Al-Shabaab"} <= groups
    in_2024 = run(corpus_store, "attacks_by_group", group="JNIM", from_date="2024-01-01")
    assert [r["date"] for r in in_2024] == ["2024-03-12"]


def test_claims_come_with_the_sentences_they_were_read_from(corpus_store: GraphStore) -> None:
    claims = run(corpus_store, "claims_by_group", group="JNIM")
    assert claims
    for claim in claims:
        assert claim["group"] == JNIM and claim["evidence"], claim
    djibo = [c for c in claims if c["date"] == "2024-03-12"]
    assert djibo, claims
    evidence = [e for c in djibo for e in c["evidence"] if e["document"] in TEXTS]
    assert any("claimed responsibility" in e["sentence"] for e in evidence)
    for e in evidence:  # the span points at the sentence in the document's text
        text = TEXTS[e["document"]]
        assert text[e["char_start"] : e["char_end"]].strip() == e["sentence"].strip()


def test_responses_to_a_group_by_kind_and_actor(corpus_store: GraphStore) -> None:
    rows = run(corpus_store, "responses_to_group", group="JNIM")
    by_name = {r["response"]: r for r in rows}
    assert by_name["MINUSMA"]["by"] == ["MINUSMA"]
    assert "French forces" in by_name["French Military Presence"]["by"]
    assert any("Burkinabe" in actor for r in rows for actor in r["by"])
    peacekeeping = run(corpus_store, "responses_to_group", group="JNIM", kind="peacekeeping")
    assert {r["response"] for r in peacekeeping} == {"MINUSMA"}


def test_responses_in_a_region(corpus_store: GraphStore) -> None:
    rows = run(corpus_store, "responses_in_region", region="Horn of Africa")
    names = {r["response"] for r in rows}
    assert {"AMISOM Support", "U.S. Drone Strikes"} <= names
    assert all(r["sources"] for r in rows)
    assert "MINUSMA" not in names


def test_factors_in_a_region_with_their_sources(corpus_store: GraphStore) -> None:
    mali = {r["factor"]: r for r in run(corpus_store, "factors_in_region", region="Mali")}
    assert "Weak governance" in mali
    assert mali["Weak governance"]["places"] == ["Mali"] and mali["Weak governance"]["evidence"]
    africa = run(corpus_store, "factors_in_region", region="Africa")
    counts = [r["source_count"] for r in africa]
    assert counts == sorted(counts, reverse=True)
    governance = next(r for r in africa if r["factor"] == "Weak governance")
    assert governance["source_count"] >= 3  # the sample, the Djibo and the Mogadishu reports
    assert {"Mali", "Burkina Faso", "Somalia"} <= set(governance["places"])


def test_profile_of_a_group(corpus_store: GraphStore) -> None:
    (profile,) = run(corpus_store, "group_profile", group="jnim")
    assert profile["group"] == JNIM
    assert "al-Qaeda" in profile["affiliations"]
    assert {"Burkina Faso", "Mali", "Sahel"} <= set(profile["regions"])
    assert profile["attack_count"] >= 3 and profile["killed"] >= 63
    assert "MINUSMA" in {r["response"] for r in profile["responses"]}


def test_affiliation_network_up_to_a_depth(corpus_store: GraphStore) -> None:
    one = run(corpus_store, "affiliation_network", group="JNIM", depth="1")
    assert {(r["group"], r["affiliated_with"]) for r in one} == {(JNIM, "al-Qaeda")}
    two = run(corpus_store, "affiliation_network", group="JNIM", depth="2")
    assert ("Al-Shabaab", "al-Qaeda", 2) in {
        (r["group"], r["affiliated_with"], r["distance"]) for r in two
    }


def test_groups_co_active_in_a_region(corpus_store: GraphStore) -> None:
    rows = run(corpus_store, "co_active_groups", region="Nigeria")
    pairs = {frozenset((r["group_a"], r["group_b"])): r for r in rows}
    pair = pairs[frozenset(("Boko Haram", ISWAP))]
    assert "Nigeria" in pair["shared_places"] and pair["sources"]


def test_shortest_connection_between_two_groups(corpus_store: GraphStore) -> None:
    rows = run(corpus_store, "shortest_connection", source="JNIM", target="Al-Shabaab")
    hops = [r["hops"] for r in rows]
    assert hops == sorted(hops) and hops[0] == 2
    assert any(
        [n["name"] for n in r["nodes"]] == [JNIM, "al-Qaeda", "Al-Shabaab"]
        for r in rows
        if r["hops"] == 2
    )
    assert (
        run(corpus_store, "shortest_connection", source="JNIM", target="Al-Shabaab", max_hops="1")
        == []
    )


def test_casualties_by_region_and_year(corpus_store: GraphStore) -> None:
    rows = {
        (r["region"], r["year"]): r
        for r in run(corpus_store, "casualties_by_region_year", region="Africa")
    }
    assert rows[("Burkina Faso", "2023")]["killed"] == 40
    assert rows[("Burkina Faso", "2024")]["killed"] == 23
    assert rows[("Nigeria", "2023")]["killed"] == 37
    assert rows[("Somalia", "2022")]["killed"] == 121
    assert all(r["sources"] for r in rows.values())


def test_sub_regions(corpus_store: GraphStore) -> None:
    rows = {r["region"]: r for r in run(corpus_store, "sub_regions", region="Sahel")}
    assert {"Mali", "Burkina Faso", "Niger"} <= set(rows)
    assert rows["Mali"]["depth"] == 1 and rows["Mali"]["sources"]
    countries = run(corpus_store, "sub_regions", region="Sahel", type="country")
    assert countries and all(r["type"] == "country" for r in countries)


@pytest.mark.parametrize("pattern", ["(a)-[:partOf*]->(b)", "(a)-[*1..]-(b)", "(a)<-[r*]-(b)"])
def test_an_unbounded_variable_length_pattern_is_refused(pattern: str) -> None:
    with pytest.raises(ValueError, match="unbounded"):
        parse_query("q", f"// title: t\n// description: d\nMATCH p = {pattern} RETURN p")


def test_bounded_patterns_and_literals_that_look_like_patterns_load() -> None:
    q = parse_query(
        "q",
        "// title: t\n// description: d\n"
        "MATCH (a)-[:partOf*0..6]->(b)-[*..3]-(c)-[:x*2]-(d) "
        "RETURN '[*]' AS text, [x IN [1] | x * 2] AS doubled",
    )
    assert q.name == "q"


def test_a_parameter_named_like_a_paging_or_format_argument_is_refused() -> None:
    text = '// title: t\n// description: d\n// param format: string = "x" | F.\nRETURN $format'
    with pytest.raises(ValueError, match="reserved"):
        parse_query("q", text)


def test_an_empty_value_of_a_null_default_parameter_means_null() -> None:
    q = parse_query(
        "q", "// title: t\n// description: d\n// param since: date = null | S.\nRETURN $since"
    )
    assert q.bind({"since": ""}) == {"since": None}
    assert q.bind({"since": "2024-02-29"}) == {"since": "2024-02-29"}
    with pytest.raises(ParameterError):
        q.bind({"since": "2023-02-29"})
