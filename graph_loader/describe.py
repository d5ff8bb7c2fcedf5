"""One entity as linked data: its own triples, its labels and its neighbours (both directions),
read from the store for ``GET /id/{type}/{slug}``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from graph_loader.cypher import statement
from graph_loader.mapping import to_triples
from graph_loader.store import GraphStore
from ontology.jsonld import PREFIXES
from ontology.vocabulary import vocabulary


@dataclass(frozen=True)
class Neighbour:
    """A node linked to the entity, by a relationship typed with a property's local name."""

    predicate: str
    uri: str
    label: str | None
    lang: str | None


@dataclass(frozen=True)
class Entity:
    """What the store knows of one IRI."""

    uri: str
    types: list[str]
    properties: dict[str, Any]
    outgoing: list[Neighbour]
    incoming: list[Neighbour]

    def graph(self) -> Graph:
        """The description as RDF: the entity's triples and its neighbours' preferred labels."""
        vocab = vocabulary()
        graph = Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        me = URIRef(self.uri)
        for triple in to_triples(self.uri, self.types, self.properties, vocab):
            graph.add(triple)
        edges = [(me, n, URIRef(n.uri)) for n in self.outgoing]
        edges += [(URIRef(n.uri), n, me) for n in self.incoming]
        for s, n, o in edges:
            graph.add((s, vocab.predicate_iri(n.predicate), o))
            if n.label is not None:
                graph.add((URIRef(n.uri), SKOS.prefLabel, Literal(n.label, lang=n.lang or None)))
        return graph

    def json(self) -> dict[str, Any]:
        """A plain JSON view for browsers."""
        return {
            "uri": self.uri,
            "types": self.types,
            "properties": {k: v for k, v in self.properties.items() if k != "uri"},
            "outgoing": [n.__dict__ for n in self.outgoing],
            "incoming": [n.__dict__ for n in self.incoming],
        }


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) else value


def describe(store: GraphStore, uri: str, limit: int = 500) -> Entity | None:
    """The entity with this IRI, with up to ``limit`` neighbours each way; None if unknown."""
    rows = store.read(statement("describe_node"), {"uri": uri}).rows
    if not rows:
        return None
    labels, props = rows[0]
    public = {k: v for k, v in props.items() if not k.startswith("_")}
    sides = []
    for name in ("describe_outgoing", "describe_incoming"):
        result = store.read(statement(name), {"uri": uri, "limit": limit}).rows
        sides.append([Neighbour(t, u, _first(label), _first(lang)) for t, u, label, lang in result])
    types = sorted(label for label in labels if label != "Resource")
    public.pop("uri", None)
    return Entity(uri, types, public, sides[0], sides[1])
