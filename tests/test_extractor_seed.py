"""The extractor on the seed article: what a researcher reading it would write down."""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS

from conflict_kg.settings import Settings
from extractor import Extractor, read_file
from extractor.summary import summarize
from ontology.namespace import CKG
from tests.conftest import SEED


@pytest.fixture(scope="module")
def graph(extractor: Extractor, settings: Settings) -> Graph:
    return extractor.extract(read_file(SEED, settings.max_document_bytes))


@pytest.fixture(scope="module")
def summary(graph: Graph) -> dict:
    return summarize(graph)


def iri(settings: Settings, key: str) -> URIRef:
    return URIRef(settings.base_iri + key)


def test_jnim_spelling_variants_resolve_to_one_group(graph: Graph, settings: Settings) -> None:
    jnim = iri(settings, "group/jnim")
    variants = {str(a) for a in graph.objects(jnim, SKOS.altLabel)}
    assert len(variants) >= 3, variants
    assert "JNIM" in variants
    assert "Jama’a Nusrat ul-Islam wa al-Muslimin" in variants
    groups = set(graph.subjects(RDF.type, CKG.Group))
    jnim_like = [g for g in groups if "jnim" in str(g) or "nusrat" in str(g) or "nasr" in str(g)]
    assert jnim_like == [jnim]


def test_jnim_affiliated_with_al_qaeda(summary: dict) -> None:
    pairs = {(a["group"], a["affiliated_with"]) for a in summary["affiliations"]}
    assert ("Jama'at Nusrat al-Islam wal-Muslimin", "al-Qaeda") in pairs


def test_morning_assault_in_mali_claimed_by_jnim(summary: dict) -> None:
    claimed = [
        a for a in summary["attacks"] if a["claimed_by"] == "Jama'at Nusrat al-Islam wal-Muslimin"
    ]
    assert claimed and claimed[0]["location"] == "Mali"


def test_claims_have_their_own_provenance(graph: Graph) -> None:
    claims = list(graph.subjects(RDF.type, CKG.Claim))
    assert claims
    for claim in claims:
        evidence = [
            ev
            for ev in graph.subjects(RDF.subject, claim)
            if graph.value(ev, RDF.predicate) == CKG.claimant
        ]
        assert evidence, f"{claim} has no evidence"
        sentence = str(graph.value(evidence[0], CKG.sentence))
        assert "claim" in sentence.lower()
        start, end = (int(graph.value(evidence[0], p)) for p in (CKG.charStart, CKG.charEnd))  # type: ignore[arg-type]
        assert SEED.read_text(encoding="utf-8")[start:end] == sentence


def test_mali_is_part_of_the_sahel(graph: Graph, settings: Settings) -> None:
    assert (iri(settings, "region/mali"), CKG.partOf, iri(settings, "region/sahel")) in graph


def test_groups_active_in_their_regions_from_the_table(summary: dict) -> None:
    active = {(a["group"], a["region"]) for a in summary["active_in"]}
    for pair in [
        ("Jama'at Nusrat al-Islam wal-Muslimin", "Sahel"),
        ("Boko Haram", "Sahel"),
        ("Al-Shabaab", "Horn of Africa"),
        ("Islamic State", "Middle East"),
        ("al-Qaeda", "Middle East"),
    ]:
        assert pair in active, (pair, sorted(active))


def test_responses_in_their_regions(graph: Graph) -> None:
    by_label = {}
    for r in graph.subjects(RDF.type, CKG.Response):
        place = graph.value(r, CKG.locatedIn)
        by_label[str(graph.value(r, SKOS.prefLabel))] = str(graph.value(place, SKOS.prefLabel))
    expected = {
        "French Military Presence": "Sahel",
        "MINUSMA": "Sahel",
        "AMISOM Support": "Horn of Africa",
        "U.S. Drone Strikes": "Horn of Africa",
        "Coalition Airstrikes": "Middle East",
        "Humanitarian Aid": "Middle East",
    }
    for label, place in expected.items():
        assert by_label.get(label) == place, (label, by_label)


def test_every_response_has_a_responder_and_kind(summary: dict) -> None:
    for r in summary["responses"]:
        assert r["responder"] and r["kind"], r
    kinds = {r["name_or_description"]: r["kind"] for r in summary["responses"]}
    assert kinds["U.S. Drone Strikes"] == "airstrike"
    assert kinds["MINUSMA"] == "peacekeeping"
    assert kinds["Humanitarian Aid"] == "humanitarian_aid"


def test_factors_for_mali(summary: dict) -> None:
    mali = {f["name"] for f in summary["factors"] if f["region"] == "Mali"}
    assert {"Weak governance", "Ethnic tensions", "Regional instability"} <= mali


def test_mali_is_never_a_person(extractor: Extractor) -> None:
    doc = extractor.nlp(SEED.read_text(encoding="utf-8"))
    persons = {e.text for e in doc.ents if e.label_ == "PERSON"}
    assert "Mali" not in persons and "Humanitarian Aid" not in persons
    assert any(e.text == "Mali" and e.label_ == "GPE" for e in doc.ents)
