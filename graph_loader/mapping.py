"""RDF -> property graph rows: one node per resource, one relationship per object property.

- A resource becomes a node labelled ``Resource`` plus the local names of its classes, with its
  IRI in ``uri`` (as neosemantics does).
- A literal becomes a property named by the predicate's local name. Integers, decimals and
  booleans keep their Python type (unless outside 64 bits or not finite); other values are
  stored as their lexical form. Text holding NUL or a lone surrogate is refused. A language
  tag goes into the sibling property ``<key>__lang`` (same shape: scalar or list).
  ``skos:altLabel`` (and any predicate given twice) is stored as a list.
- An IRI object becomes a relationship typed by the predicate's local name, except the objects of
  ``rdf:predicate`` (names of properties, stored as IRI strings).

Only terms of the ontology's vocabulary are mapped; anything else is refused, because labels and
relationship types are spliced into Cypher text and must never come from data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from conflict_kg.errors import InputError
from graph_loader.values import check_text, storable_number
from ontology.vocabulary import IRI_VALUED, MULTI_VALUED, Vocabulary, local_name, vocabulary

BASE_LABEL = "Resource"
LANG_SUFFIX = "__lang"
_NUMERIC = {
    XSD.integer,
    XSD.int,
    XSD.long,
    XSD.nonNegativeInteger,
    XSD.decimal,
    XSD.double,
    XSD.float,
    XSD.boolean,
}


@dataclass
class NodeRow:
    """A node to merge: its IRI, class labels and literal properties."""

    uri: str
    labels: set[str] = field(default_factory=set)
    props: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RelRow:
    """A relationship to merge between two nodes given by IRI."""

    type: str
    src: str
    dst: str


@dataclass
class PropertyGraph:
    """The nodes and relationships of one RDF graph (one document)."""

    nodes: dict[str, NodeRow]
    rels: list[RelRow]

    def nodes_by_labels(self) -> dict[tuple[str, ...], list[NodeRow]]:
        """Nodes grouped by their sorted label set (labels cannot be query parameters)."""
        groups: dict[tuple[str, ...], list[NodeRow]] = defaultdict(list)
        for node in self.nodes.values():
            groups[tuple(sorted(node.labels))].append(node)
        return groups

    def rels_by_type(self) -> dict[str, list[RelRow]]:
        """Relationships grouped by type."""
        groups: dict[str, list[RelRow]] = defaultdict(list)
        for rel in self.rels:
            groups[rel.type].append(rel)
        return groups


def literal_value(lit: Literal) -> Any:
    """The property value stored for a literal; :class:`InputError` if no backend keeps it."""
    if lit.datatype in _NUMERIC:
        value = lit.toPython()
        if isinstance(value, Decimal):
            value = float(value)
        if isinstance(value, bool | int | float) and storable_number(value):
            return value
    return check_text(str(lit), "a literal")


def _uri(term: Node) -> str:
    if isinstance(term, BNode):
        raise InputError("blank nodes cannot be loaded: every resource needs an IRI")
    return check_text(str(term), "an IRI")


def to_property_graph(graph: Graph, vocab: Vocabulary | None = None) -> PropertyGraph:
    """Map an RDF graph onto nodes and relationships, refusing terms outside the vocabulary."""
    vocab = vocab or vocabulary()
    class_names = {iri: name for name, iri in vocab.classes.items()}
    object_names = {iri: name for name, iri in vocab.object_properties.items()}
    data_names = {iri: name for name, iri in vocab.datatype_properties.items()}
    nodes: dict[str, NodeRow] = {}
    rels: set[RelRow] = set()
    values: dict[tuple[str, str], list[Literal]] = defaultdict(list)

    def node(term: Node) -> NodeRow:
        uri = _uri(term)
        row = nodes.get(uri)
        if row is None:
            row = nodes[uri] = NodeRow(uri, {BASE_LABEL})
        return row

    for s, p, o in graph:
        subject = node(s)
        if p == RDF.type:
            if o not in class_names:
                raise InputError(f"unknown class {o}: not in the ontology")
            subject.labels.add(class_names[o])  # type: ignore[index]
        elif isinstance(o, Literal):
            if p not in data_names:
                raise InputError(f"unknown datatype property {p}: not in the ontology")
            values[(subject.uri, data_names[p])].append(o)  # type: ignore[index]
        elif p in IRI_VALUED:
            values[(subject.uri, local_name(p))].append(Literal(_uri(o)))  # type: ignore[arg-type]
        else:
            if p not in object_names:
                raise InputError(f"unknown object property {p}: not in the ontology")
            rels.add(RelRow(object_names[p], subject.uri, node(o).uri))  # type: ignore[index]

    for (uri, key), lits in values.items():
        props = nodes[uri].props
        lits.sort(key=lambda lit: (str(lit), lit.language or ""))
        multi = len(lits) > 1 or vocab.predicate_iri(key) in MULTI_VALUED
        stored = [literal_value(lit) for lit in lits]
        props[key] = stored if multi else stored[0]
        if any(lit.language for lit in lits):
            langs = [lit.language or "" for lit in lits]
            props[key + LANG_SUFFIX] = langs if multi else langs[0]
    return PropertyGraph(nodes, sorted(rels, key=lambda r: (r.type, r.src, r.dst)))


def to_triples(
    uri: str, labels: Iterable[str], props: dict[str, Any], vocab: Vocabulary | None = None
) -> Iterator[tuple[URIRef, URIRef, Node]]:
    """The RDF triples of one stored node (the inverse of :func:`to_property_graph`)."""
    vocab = vocab or vocabulary()
    subject = URIRef(uri)
    for label in labels:
        if label != BASE_LABEL:
            yield subject, RDF.type, vocab.class_iri(label)
    for key, value in props.items():
        if key == "uri" or key.endswith(LANG_SUFFIX) or key.startswith("_"):
            continue
        predicate = vocab.predicate_iri(key)
        items = value if isinstance(value, list) else [value]
        langs = props.get(key + LANG_SUFFIX)
        lang_items = langs if isinstance(langs, list) else [langs] * len(items)
        for item, lang in zip(items, lang_items, strict=True):
            if predicate in IRI_VALUED:
                yield subject, predicate, URIRef(item)
            else:
                yield subject, predicate, _literal(item, lang or None, vocab.ranges.get(predicate))


def _literal(value: Any, lang: str | None, datatype: URIRef | None) -> Literal:
    if lang:
        return Literal(value, lang=lang)
    if datatype is not None and datatype != XSD.string:
        if datatype == XSD.decimal:
            return Literal(Decimal(repr(value)), datatype=XSD.decimal)
        return Literal(
            str(value).lower() if isinstance(value, bool) else str(value), datatype=datatype
        )
    if isinstance(value, bool | int | float):
        return Literal(value)
    return Literal(value)
