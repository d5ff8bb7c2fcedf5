"""The loader against a real Neo4j 5 (runs only when NEO4J_URI is set, e.g. bolt://localhost:7687;
NEO4J_USER / NEO4J_PASSWORD give the credentials). The database is cleared first."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from graph_loader import GraphStore, load_documents
from graph_loader.cypher import statement
from graph_loader.synthetic import synthetic_documents
from ontology.namespace import CKG

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(
        not os.environ.get("NEO4J_URI"),
        reason="no Neo4j here: set NEO4J_URI (and NEO4J_PASSWORD) to run",
    ),
]

HOSTILE = [
    "back\\slash",
    'quote"s',
    "it's",
    "line\nbreak",
    "$dollar",
    "`tick`",
    "\\n",
    "é𝄞😀",
    "\u2028",
    "MATCH (n) DETACH DELETE n",
]


@pytest.fixture
def neo4j_store() -> Iterator[GraphStore]:
    from graph_loader.neo4j_store import Neo4jStore

    store = Neo4jStore(
        os.environ["NEO4J_URI"],
        os.environ.get("NEO4J_USER", "neo4j"),
        os.environ.get("NEO4J_PASSWORD", ""),
    )
    store.clear()
    store.ensure_schema()
    store.ensure_schema()  # idempotent
    yield store
    store.clear()
    store.close()


def _counts(store: GraphStore) -> tuple[dict[str, int], dict[str, int]]:
    return (
        dict(store.read(statement("counts_nodes")).rows),
        dict(store.read(statement("counts_relationships")).rows),
    )


def test_load_twice_and_replace_a_document(neo4j_store: GraphStore) -> None:
    old = list(synthetic_documents(20, 100, seed=3))
    first = load_documents(neo4j_store, old)
    before = _counts(neo4j_store)
    assert first.nodes.created == before[0]["Resource"]
    assert len(load_documents(neo4j_store, old).unchanged) == 20
    assert _counts(neo4j_store) == before
    final = old[:10] + list(synthetic_documents(20, 100, seed=3, revision=1))[10:]
    load_documents(neo4j_store, final)
    replaced = _counts(neo4j_store)
    neo4j_store.clear()
    load_documents(neo4j_store, final)
    assert _counts(neo4j_store) == replaced


def test_hostile_strings_round_trip(neo4j_store: GraphStore) -> None:
    doc = URIRef("https://example.org/neo4j/document/1")
    graph = Graph(identifier=doc)
    graph.add((doc, RDF.type, CKG.SourceDocument))
    for i, text in enumerate(HOSTILE):
        ev = URIRef(f"{doc}/evidence/{i}")
        graph.add((ev, RDF.type, CKG.Evidence))
        graph.add((ev, CKG.sentence, Literal(text)))
    load_documents(neo4j_store, [graph])
    got = {r[0] for r in neo4j_store.read("MATCH (e:Evidence) RETURN e.sentence").rows}
    assert got == set(HOSTILE)
