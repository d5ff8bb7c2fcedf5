"""Hostile text against the real embedded FalkorDB: every string property comes back
byte-identical, or the document is refused with a clear error before anything is written."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, SKOS, XSD, Graph, Literal, URIRef

from conflict_kg.errors import InputError
from graph_loader import GraphStore, Statement, load_documents
from graph_loader.falkordb_params import with_params
from ontology.namespace import CKG

BASE = "https://example.org/hostile/"
PIECES = [
    "\\",
    '"',
    "'",
    "\n",
    "\r",
    "\t",
    "$",
    "`",
    "${x}",
    "\\n",
    '\\"',
    "\\u0041",
    "*/",
    "//",
    "{a: 1}",
    "é",
    "𝄞",
    "😀",
    "\u2028",
    "\x01",
    "\x7f",
    "\ufeff",
    "\x00",
    "\ud800",
    "\udfff",
    "MATCH (n) DETACH DELETE n",
    " ",
]
hostile_text = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
    st.text(st.characters(codec=None, categories=None), max_size=40),  # surrogates and NUL too
    st.text(max_size=200),
)
SLOW = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _doc(name: str, sentence: str, label: str) -> Graph:
    doc = URIRef(f"{BASE}document/{name}")
    graph = Graph(identifier=doc)
    graph.add((doc, RDF.type, CKG.SourceDocument))
    graph.add((doc, CKG.contentHash, Literal(f"hash-of-{name}")))
    ev = URIRef(f"{doc}/evidence/1")
    graph.add((ev, RDF.type, CKG.Evidence))
    graph.add((ev, CKG.statedIn, doc))
    graph.add((ev, CKG.sentence, Literal(sentence)))
    group = URIRef(f"{BASE}group/{name}")
    graph.add((group, RDF.type, CKG.Group))
    graph.add((group, SKOS.prefLabel, Literal(label, lang="en")))
    graph.add((group, SKOS.altLabel, Literal(sentence, lang="en")))
    return graph


def _storable(text: str) -> bool:
    return "\x00" not in text and not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def _node_count(store: GraphStore) -> int:
    rows = store.read("MATCH (n) RETURN count(n)").rows
    return int(rows[0][0]) if rows else 0  # a graph never written reads as empty


@SLOW
@given(sentence=hostile_text, label=hostile_text)
def test_strings_round_trip_or_are_refused_before_writing(
    fresh_store: GraphStore, sentence: str, label: str
) -> None:
    fresh_store.clear()
    graph = _doc("d1", sentence, label)
    if not (_storable(sentence) and _storable(label)):
        with pytest.raises(InputError, match="NUL character|lone surrogate"):
            load_documents(fresh_store, [graph])
        assert _node_count(fresh_store) == 0  # nothing of the document was written
        return
    load_documents(fresh_store, [graph])
    rows = fresh_store.read(
        "MATCH (e:Evidence)-[:statedIn]->(d) MATCH (g:Group) "
        "RETURN e.sentence, g.prefLabel, g.altLabel"
    ).rows
    assert len(rows) == 1
    got_sentence, got_label, got_alt = rows[0]
    assert got_sentence.encode("utf-8") == sentence.encode("utf-8")
    assert got_label.encode("utf-8") == label.encode("utf-8")
    assert got_alt == [sentence]


@SLOW
@given(value=hostile_text)
def test_parameters_round_trip_through_a_read(fresh_store: GraphStore, value: str) -> None:
    if not _storable(value):
        with pytest.raises(InputError):
            with_params("RETURN $v", {"v": value})
        return
    fresh_store.write([Statement("CREATE (:Probe {v: $v})", {"v": value})])
    got = fresh_store.read("MATCH (p:Probe) WHERE p.v = $v RETURN p.v", {"v": value}).rows
    fresh_store.clear()
    assert got == [[value]]


@pytest.mark.parametrize(
    ("lexical", "datatype", "stored"),
    [
        ("9223372036854775807", XSD.integer, 2**63 - 1),
        ("9223372036854775808", XSD.integer, "9223372036854775808"),  # past 64 bits: as text
        ("-9223372036854775809", XSD.integer, "-9223372036854775809"),
        ("INF", XSD.double, str(Literal("INF", datatype=XSD.double))),  # rdflib's normal form
        ("NaN", XSD.double, str(Literal("NaN", datatype=XSD.double))),
        ("0.1", XSD.decimal, 0.1),
    ],
)
def test_numbers_no_backend_keeps_exactly_are_stored_as_their_lexical_form(
    fresh_store: GraphStore, lexical: str, datatype: URIRef, stored: object
) -> None:
    graph = _doc("n1", "text", "label")
    attack = URIRef(f"{BASE}attack/1")
    graph.add((attack, RDF.type, CKG.Attack))
    graph.add((attack, CKG.killed, Literal(lexical, datatype=datatype)))
    load_documents(fresh_store, [graph])
    got = fresh_store.read("MATCH (a:Attack) RETURN a.killed").rows[0][0]
    assert got == stored or (isinstance(got, float) and math.isclose(got, stored))  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [float("inf"), float("nan"), 2**63, -(2**63) - 1, object()])
def test_parameters_falkordb_would_misread_are_refused(value: object) -> None:
    with pytest.raises(InputError):
        with_params("RETURN $v", {"v": value})


def test_a_refused_document_in_a_batch_leaves_the_others(fresh_store: GraphStore) -> None:
    good, bad = _doc("ok", "fine", "Fine"), _doc("bad", "cut\x00here", "Bad")
    load_documents(fresh_store, [good])
    with pytest.raises(InputError, match="NUL character"):
        load_documents(fresh_store, [bad])
    labels = {r[0] for r in fresh_store.read("MATCH (g:Group) RETURN g.prefLabel").rows}
    assert labels == {"Fine"}
