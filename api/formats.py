"""Query results as CSV, and as a graph of nodes and edges for visualisation libraries."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

from pydantic import BaseModel

#: Most entities a graph answer fetches (the nodes named by one page of rows).
MAX_GRAPH_NODES = 2000


class GraphNode(BaseModel):
    id: str
    label: str | None
    type: str | None
    labels: list[str]


class GraphEdge(BaseModel):
    id: str
    source: str
    target: str
    type: str
    sources: list[str]


class Graph(BaseModel):
    """Nodes and edges in the shape Cytoscape.js, vis-network or sigma.js load directly."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]


def to_csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    """CSV with a header row; lists and maps are written as JSON text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def entity_iris(rows: list[dict[str, Any]], base_iri: str) -> list[str]:
    """The entity IRIs a page of rows names (document IRIs and evidence left out), in order."""
    documents = base_iri + "document/"
    seen: dict[str, None] = {}
    for value in _strings(rows):
        if value.startswith(base_iri) and not value.startswith(documents):
            seen.setdefault(value, None)
    return list(seen)[:MAX_GRAPH_NODES]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def subgraph_cypher() -> str:
    """The statement that fetches nodes by IRI and the relationships among them."""
    return files("queries").joinpath("internal/subgraph.cypher").read_text(encoding="utf-8")


def to_graph(records: list[dict[str, Any]]) -> Graph:
    """The subgraph statement's rows as nodes and edges."""
    nodes, edges = [], []
    for rec in records:
        labels = [label for label in rec["labels"] if label != "Resource"]
        nodes.append(
            GraphNode(
                id=rec["uri"], label=rec["label"], type=labels[0] if labels else None, labels=labels
            )
        )
        for rel in rec["out"]:
            if rel.get("target") is None:
                continue
            edges.append(
                GraphEdge(
                    id=f"{rec['uri']} {rel['type']} {rel['target']}",
                    source=rec["uri"],
                    target=rel["target"],
                    type=rel["type"],
                    sources=rel.get("sources") or [],
                )
            )
    nodes.sort(key=lambda n: n.id)
    edges.sort(key=lambda e: e.id)
    return Graph(nodes=nodes, edges=edges)
