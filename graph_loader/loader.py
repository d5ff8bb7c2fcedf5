"""Load documents' RDF into a graph store: batched, idempotent, and safe to interrupt.

Each document is one RDF graph whose identifier is the document's IRI. Loading it:

1. skips it when the store already holds this document, completely loaded, with the same
   content hash;
2. marks it unfinished, withdraws what an earlier version (or an interrupted load) of it
   asserted, keeping whatever other documents assert;
3. merges its nodes and relationships in ``UNWIND`` batches, recording the document in each
   one's ``_sources``;
4. marks it finished.

On Neo4j steps 2-4 are one transaction. On FalkorDB every statement is atomic and a crash
leaves the document marked unfinished, so the next run redoes it from step 2.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph, URIRef

from graph_loader.cypher import statement
from graph_loader.mapping import PropertyGraph, to_property_graph
from graph_loader.store import GraphStore, Statement
from ontology.namespace import CKG

log = logging.getLogger(__name__)


@dataclass
class LoadReport:
    """What loading some documents did."""

    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    nodes: int = 0
    relationships: int = 0


def _chunks(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def document_statements(doc: str, pg: PropertyGraph, batch_size: int, *, retract: bool
                        ) -> list[Statement]:  # fmt: skip
    """The statements that (re)load one document's property graph."""
    params = {"doc": doc}
    out = [Statement(statement("begin_document"), params)]
    if retract:
        out += [Statement(statement(name), params) for name in
                ("drop_relationships", "retract_relationships", "drop_nodes", "retract_nodes")]
    template = statement("merge_nodes")
    for labels, nodes in sorted(pg.nodes_by_labels().items()):
        cypher = template.replace("__LABELS__", ":".join(labels))
        rows = [{"uri": n.uri, "props": n.props} for n in nodes]
        out += [Statement(cypher, {"rows": list(b), "doc": doc}) for b in _chunks(rows, batch_size)]
    template = statement("merge_relationships")
    for rel_type, rels in sorted(pg.rels_by_type().items()):
        cypher = template.replace("__TYPE__", rel_type)
        rows = [{"src": r.src, "dst": r.dst} for r in rels]
        out += [Statement(cypher, {"rows": list(b), "doc": doc}) for b in _chunks(rows, batch_size)]
    out.append(Statement(statement("finish_document"), params))
    return out


def content_hash(graph: Graph) -> str | None:
    """The document's content hash as the extractor recorded it."""
    value = graph.value(URIRef(str(graph.identifier)), CKG.contentHash)
    return str(value) if value is not None else None


def load_documents(store: GraphStore, graphs: Iterable[Graph], *, batch_size: int = 500
                   ) -> LoadReport:  # fmt: skip
    """Load each document graph (identifier = document IRI); see the module docstring."""
    report = LoadReport()
    for graph in graphs:
        doc = str(graph.identifier)
        pg = to_property_graph(graph)
        state = store.read(statement("document_state"), {"doc": doc}).records()
        if state and state[0]["loaded"] and state[0]["contentHash"] == content_hash(graph):
            report.unchanged.append(doc)
            continue
        store.write(document_statements(doc, pg, batch_size, retract=bool(state)))
        report.loaded.append(doc)
        report.nodes += len(pg.nodes)
        report.relationships += len(pg.rels)
        log.info("loaded %s: %d nodes, %d relationships", doc, len(pg.nodes), len(pg.rels))
    return report
