"""Read the property graph back as RDF (the inverse of the loader's mapping), streamed.

The store is read page by page in IRI order, one page of nodes with their outgoing
relationships at a time, and each serialiser writes a subject's description as soon as it is
read: memory stays flat however large the graph. Every triple carries the documents that assert
it (the ``_sources`` of its node or relationship), which TriG and N-Quads write as one named
graph per source document. Sources are kept per node, not per literal value: a literal of a node
that several documents assert appears in each of their graphs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.term import Node

from graph_loader.cypher import statement
from graph_loader.mapping import to_triples
from graph_loader.store import GraphStore
from ontology.jsonld import PREFIXES, jsonld_context
from ontology.vocabulary import Vocabulary, vocabulary

Triple = tuple[URIRef, URIRef, Node]

#: Dump formats: name -> media type. ``nt`` and ``nquads`` are line-based, ``trig`` and
#: ``nquads`` keep one named graph per source document.
FORMATS: dict[str, str] = {
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "nquads": "application/n-quads",
    "json-ld": "application/ld+json",
    "trig": "application/trig",
}
_CHUNK = 1 << 16  # characters buffered before a chunk is handed on


@dataclass(frozen=True)
class Description:
    """One subject's triples (predicate, object) and, per triple, the documents asserting it."""

    subject: URIRef
    pairs: list[tuple[URIRef, Node]]
    sources: list[tuple[str, ...]]


def iter_descriptions(store: GraphStore, page_size: int = 2000) -> Iterator[Description]:
    """Every node with its literals and outgoing relationships, page by page in IRI order."""
    vocab = vocabulary()
    after = ""
    while True:
        rows = store.read(statement("export_page"), {"after": after, "limit": page_size}).rows
        for uri, labels, props, edges in rows:
            yield _describe(uri, labels, props, edges, vocab)
        if len(rows) < page_size:
            return
        after = rows[-1][0]


def _describe(
    uri: str, labels: list[str], props: dict[str, Any], edges: list[list[Any]], vocab: Vocabulary
) -> Description:
    node_sources = tuple(props.get("_sources") or ())
    pairs: list[tuple[URIRef, Node]] = []
    sources: list[tuple[str, ...]] = []
    for _, p, o in to_triples(uri, labels, props, vocab):
        pairs.append((p, o))
        sources.append(node_sources)
    for rel_type, dst, rel_sources in sorted(e for e in edges if e[0] is not None):
        pairs.append((vocab.predicate_iri(rel_type), URIRef(dst)))
        sources.append(tuple(rel_sources or ()))
    return Description(URIRef(uri), pairs, sources)


def iter_triples(store: GraphStore, page_size: int = 2000) -> Iterator[Triple]:
    """Every triple in the store, page by page (memory stays flat)."""
    for d in iter_descriptions(store, page_size):
        for p, o in d.pairs:
            yield d.subject, p, o


def export_graph(store: GraphStore) -> Graph:
    """The whole store as one rdflib graph, with the project's prefixes bound."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    for triple in iter_triples(store):
        graph.add(triple)
    return graph


# ---------------------------------------------------------------- serialisers

_IRI_ESCAPE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_PREFIX_ORDER = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def _iri(iri: str) -> str:
    return "<" + _IRI_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04X}", iri) + ">"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def _compact(iri: str) -> str:
    for prefix, ns in _PREFIX_ORDER:
        if iri.startswith(ns) and _LOCAL.fullmatch(iri[len(ns) :]):
            return f"{prefix}:{iri[len(ns) :]}"
    return _iri(iri)


def _term(term: Node, compact: bool) -> str:
    if isinstance(term, Literal):
        text = f'"{_escape(str(term))}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{text}^^{_compact(term.datatype) if compact else _iri(term.datatype)}"
        return text
    if compact:
        return "a" if term == RDF.type else _compact(str(term))
    return _iri(str(term))


def _block(d: Description, indices: Iterable[int], indent: str) -> str:
    lines = [f"{indent}{_term(d.subject, True)}"]
    body = [f"{_term(d.pairs[i][0], True)} {_term(d.pairs[i][1], True)}" for i in indices]
    return lines[0] + " " + f" ;\n{indent}    ".join(body) + " .\n"


def _turtle(descriptions: Iterable[Description]) -> Iterator[str]:
    yield "".join(f"@prefix {p}: {_iri(ns)} .\n" for p, ns in PREFIXES.items()) + "\n"
    for d in descriptions:
        if d.pairs:
            yield _block(d, range(len(d.pairs)), "")


def _trig(descriptions: Iterable[Description]) -> Iterator[str]:
    yield "".join(f"@prefix {p}: {_iri(ns)} .\n" for p, ns in PREFIXES.items()) + "\n"
    for d in descriptions:
        by_graph: dict[str, list[int]] = {}
        for i, docs in enumerate(d.sources):
            for doc in docs or ("",):
                by_graph.setdefault(doc, []).append(i)
        for doc, indices in by_graph.items():
            name = _iri(str(doc)) + " " if doc else ""
            yield f"{name}{{\n{_block(d, indices, '    ')}}}\n"


def _ntriples(descriptions: Iterable[Description]) -> Iterator[str]:
    for d in descriptions:
        s = _iri(str(d.subject))
        yield "".join(f"{s} {_term(p, False)} {_term(o, False)} .\n" for p, o in d.pairs)


def _nquads(descriptions: Iterable[Description]) -> Iterator[str]:
    for d in descriptions:
        s = _iri(str(d.subject))
        lines = []
        for (p, o), docs in zip(d.pairs, d.sources, strict=True):
            triple = f"{s} {_term(p, False)} {_term(o, False)}"
            lines += [f"{triple} {_iri(doc)} .\n" for doc in docs] or [f"{triple} .\n"]
        yield "".join(lines)


def _jsonld_value(term: Node) -> dict[str, str]:
    if isinstance(term, Literal):
        value = {"@value": str(term)}
        if term.language:
            value["@language"] = term.language
        elif term.datatype is not None and term.datatype != XSD.string:
            value["@type"] = str(term.datatype)
        return value
    return {"@id": str(term)}


def _jsonld(descriptions: Iterable[Description]) -> Iterator[str]:
    names = {iri: name for name, iri in _terms().items()}
    yield '{"@context": ' + json.dumps(jsonld_context(), ensure_ascii=False) + ',\n"@graph": ['
    first = True
    for d in descriptions:
        node: dict[str, Any] = {"@id": str(d.subject)}
        for p, o in d.pairs:
            if p == RDF.type:
                node.setdefault("@type", []).append(names.get(str(o), str(o)))
            else:
                node.setdefault(names.get(str(p), str(p)), []).append(_jsonld_value(o))
        yield ("\n" if first else ",\n") + json.dumps(node, ensure_ascii=False)
        first = False
    yield "\n]}\n"


def _terms() -> dict[str, str]:
    return {
        name: (v["@id"] if isinstance(v, dict) else v)
        for name, v in jsonld_context().items()
        if name not in PREFIXES
    }


_WRITERS = {
    "turtle": _turtle,
    "nt": _ntriples,
    "nquads": _nquads,
    "json-ld": _jsonld,
    "trig": _trig,
}


def serialize(descriptions: Iterable[Description], fmt: str) -> Iterator[str]:
    """The descriptions in one of :data:`FORMATS`, as text chunks of about 64 KiB."""
    buffer: list[str] = []
    size = 0
    for piece in _WRITERS[fmt](descriptions):
        buffer.append(piece)
        size += len(piece)
        if size >= _CHUNK:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)
