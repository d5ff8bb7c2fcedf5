"""Read the property graph back as RDF (the inverse of the loader's mapping)."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph, URIRef
from rdflib.term import Node

from graph_loader.cypher import statement
from graph_loader.mapping import to_triples
from graph_loader.store import GraphStore
from ontology.namespace import CKG
from ontology.vocabulary import vocabulary

Triple = tuple[URIRef, URIRef, Node]


def iter_triples(store: GraphStore, page_size: int = 5000) -> Iterator[Triple]:
    """Every triple in the store, read page by page in IRI order (memory stays flat)."""
    vocab = vocabulary()
    after = ""
    while True:
        rows = store.read(statement("export_nodes"), {"after": after, "limit": page_size}).rows
        for uri, labels, props in rows:
            yield from to_triples(uri, labels, props, vocab)
        if len(rows) < page_size:
            break
        after = rows[-1][0]
    after = ""
    while True:
        rows = store.read(statement("export_relationships"), {"after": after, "limit": page_size}).rows
        for src, edges in rows:
            for rel_type, dst in edges:
                yield URIRef(src), vocab.predicate_iri(rel_type), URIRef(dst)
        if len(rows) < page_size:
            break
        after = rows[-1][0]


def export_graph(store: GraphStore) -> Graph:
    """The whole store as one rdflib graph, with the project's prefixes bound."""
    graph = Graph()
    graph.bind("ckg", str(CKG._NS))
    for triple in iter_triples(store):
        graph.add(triple)
    return graph
