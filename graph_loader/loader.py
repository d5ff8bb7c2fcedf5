"""Load documents' RDF into a graph store: batched, idempotent, and safe to interrupt.

Each document is one RDF graph whose identifier is the document's IRI. Loading it:

1. skips it when the store already holds this document, completely loaded, with the same
   content hash;
2. if it is a changed version, notes how its nodes and relationships stand (created / updated
   / unchanged, for the report; for a new document the write statistics tell);
3. marks it unfinished and records on the document's node every node IRI it may touch (its
   previous version's and this version's);
4. withdraws what an earlier version (or an interrupted load) of it asserted, keeping whatever
   other documents assert — looking only at the recorded nodes and their outgoing
   relationships, so the cost follows the document's size, not the graph's;
5. merges its nodes and relationships in ``UNWIND`` batches, recording the document in each
   one's ``_sources``;
6. marks it finished, keeping the IRIs of the nodes it asserts.

Steps 2-6 are sent as one transaction: on Neo4j a managed write transaction, on FalkorDB one
``MULTI``/``EXEC`` (see :meth:`FalkorDBStore.write`). Should a statement still fail half-way,
the document stays marked unfinished and the next run redoes it from step 2.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph, URIRef

from graph_loader.cypher import statement
from graph_loader.mapping import LANG_SUFFIX, NodeRow, PropertyGraph, to_property_graph
from graph_loader.store import GraphStore, Result, Statement
from ontology.namespace import CKG

log = logging.getLogger(__name__)

STATES = ("created", "updated", "unchanged")


@dataclass
class Tally:
    """Nodes or relationships by how a load left them."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, other: Tally) -> None:
        """Add another tally to this one."""
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged

    @classmethod
    def from_result(cls, result: Result) -> Tally:
        """A tally from a ``classify_*`` query's ``state, count`` rows."""
        counts: Counter[str] = Counter({state: count for state, count in result.rows})
        return cls(*(counts[state] for state in STATES))


@dataclass
class LoadReport:
    """What loading some documents did."""

    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    nodes: Tally = field(default_factory=Tally)
    relationships: Tally = field(default_factory=Tally)


def _chunks(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


#: The multi-valued property whose values are merged across documents (skos:altLabel).
ALIASES = "altLabel"


def _node_row(node: NodeRow) -> dict[str, Any]:
    """A node's merge row: its scalar properties, and its aliases as (text, language) pairs,
    which merge_nodes adds to those other documents gave instead of replacing them."""
    props = dict(node.props)
    aliases = props.pop(ALIASES, None)
    langs = props.pop(ALIASES + LANG_SUFFIX, None) or [""] * len(aliases or ())
    pairs = [[a, lang] for a, lang in zip(aliases, langs, strict=True)] if aliases else None
    return {"uri": node.uri, "props": props, "aliases": pairs}


def document_statements(
    doc: str, pg: PropertyGraph, batch_size: int, previous: Sequence[str] | None = None
) -> list[Statement]:
    """The statements that (re)load one document's property graph.

    ``previous``: the node IRIs the stored version of the document recorded (None: the document
    is new). A changed document's statements start by classifying its nodes and relationships
    (see :func:`tallies`).
    """
    uris = sorted(pg.nodes)
    everything = sorted(set(previous or ()) | set(uris))
    out = [Statement(statement("begin_document"), {"doc": doc, "nodes": everything})]
    if previous is not None:
        node_rows = [
            {"uri": n.uri, "labels": sorted(n.labels), "props": n.props}
            for n in (pg.nodes[uri] for uri in uris)
        ]
        rel_rows = [{"type": r.type, "src": r.src, "dst": r.dst} for r in pg.rels]
        out[:0] = [
            Statement(statement("classify_nodes"), {"rows": node_rows, "doc": doc}),
            Statement(statement("classify_relationships"), {"rows": rel_rows, "doc": doc}),
        ]
        out += [
            Statement(statement(name), {"doc": doc})
            for name in (
                "drop_relationships",
                "retract_relationships",
                "drop_nodes",
                "retract_nodes",
            )
        ]
    template = statement("merge_nodes")
    for labels, nodes in sorted(pg.nodes_by_labels().items()):
        cypher = template.replace("__LABELS__", ":".join(labels))
        rows = [_node_row(n) for n in nodes]
        out += [Statement(cypher, {"rows": list(b), "doc": doc}) for b in _chunks(rows, batch_size)]
    template = statement("merge_relationships")
    for rel_type, rels in sorted(pg.rels_by_type().items()):
        cypher = template.replace("__TYPE__", rel_type)
        rows = [{"src": r.src, "dst": r.dst} for r in rels]
        out += [Statement(cypher, {"rows": list(b), "doc": doc}) for b in _chunks(rows, batch_size)]
    final = {"doc": doc, "nodes": uris if everything != uris else None}
    out.append(Statement(statement("finish_document"), final))
    return out


def tallies(pg: PropertyGraph, results: Sequence[Result], new: bool) -> tuple[Tally, Tally]:
    """How a load left the document's nodes and relationships, from its statements' results.

    A new document retracts nothing, so what its statements created is new and everything else
    it asserts existed already (and gained a source: updated). A changed document's first two
    statements classified its nodes and relationships before anything was retracted.
    """
    if not new:
        return Tally.from_result(results[0]), Tally.from_result(results[1])
    nodes = int(sum(r.nodes_created for r in results))  # FalkorDB reports floats
    rels = int(sum(r.relationships_created for r in results))
    return (Tally(nodes, len(pg.nodes) - nodes), Tally(rels, len(pg.rels) - rels))


def content_hash(graph: Graph) -> str | None:
    """The document's content hash as the extractor recorded it."""
    value = graph.value(URIRef(str(graph.identifier)), CKG.contentHash)
    return str(value) if value is not None else None


def _previous_nodes(store: GraphStore, doc: str, recorded: list[str] | None) -> list[str]:
    """The node IRIs a stored document recorded, found by a scan if it predates the record."""
    if recorded is not None:
        return recorded
    rows = store.read(statement("document_nodes_scan"), {"doc": doc}).rows
    return [uri for (uri,) in rows]


def load_documents(
    store: GraphStore, graphs: Iterable[Graph], *, batch_size: int = 500
) -> LoadReport:
    """Load each document graph (identifier = document IRI); see the module docstring.

    A graph that cannot be mapped (a term outside the ontology, a value no backend keeps) raises
    :class:`InputError` before anything of it is written.
    """
    report = LoadReport()
    for graph in graphs:
        doc = str(graph.identifier)
        state = store.read(statement("document_state"), {"doc": doc}).records()
        if state and state[0]["loaded"] and state[0]["contentHash"] == content_hash(graph):
            report.unchanged.append(doc)
            continue
        pg = to_property_graph(graph)
        previous = _previous_nodes(store, doc, state[0]["nodes"]) if state else None
        results = store.write(document_statements(doc, pg, batch_size, previous))
        report.loaded.append(doc)
        nodes, rels = tallies(pg, results, previous is None)
        report.nodes.add(nodes)
        report.relationships.add(rels)
        log.info("loaded %s: %d nodes, %d relationships", doc, len(pg.nodes), len(pg.rels))
    return report
