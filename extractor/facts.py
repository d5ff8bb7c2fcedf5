"""What the extractor found in one document, before it becomes RDF: nodes and edges, each with
the evidence (text span, rule, confidence) it was read from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """Where and how a fact was read."""

    start: int  # character offsets of the sentence (or table row) in the document text
    end: int
    sentence: str
    rule: str
    confidence: float


@dataclass
class Node:
    """An entity or event, keyed by the path of its IRI (``group/jnim``, ``attack/3f2a…``)."""

    key: str
    kind: str  # ontology class local name: Group, Region, Attack, ...
    label: str | None = None
    also: set[str] = field(default_factory=set)  # further classes (a state is Region and Actor)
    aliases: set[str] = field(default_factory=set)
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class Edge:
    """A relationship between two nodes, named by an ontology object property."""

    src: str
    pred: str
    dst: str
    evidence: Evidence


@dataclass
class Facts:
    """All nodes and edges of one document."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)

    def node(self, key: str, kind: str, label: str | None = None) -> Node:
        """The node with this key, created on first use."""
        node = self.nodes.get(key)
        if node is None:
            node = self.nodes[key] = Node(key, kind, label)
        elif label and not node.label:
            node.label = label
        return node

    def edge(self, src: str, pred: str, dst: str, evidence: Evidence) -> None:
        """Add an edge; when it is already there, keep the more confident evidence."""
        if src == dst:
            return
        old = self.edges.get((src, pred, dst))
        if old is None or evidence.confidence > old.evidence.confidence:
            self.edges[(src, pred, dst)] = Edge(src, pred, dst, evidence)

    def targets(self, src: str, pred: str) -> list[str]:
        """Keys of the nodes ``src`` points to by ``pred``."""
        return [e.dst for e in self.edges.values() if e.src == src and e.pred == pred]

    def merge(self, key: str, into: str) -> None:
        """Fold node ``key`` into node ``into``: its evidence, missing properties and edges
        move over (edges to or from it are re-pointed), and ``key`` is removed."""
        old, new = self.nodes.pop(key), self.nodes[into]
        new.evidence += old.evidence
        new.aliases |= old.aliases
        new.also |= old.also
        for name, value in old.props.items():
            new.props.setdefault(name, value)
        for (src, pred, dst), edge in list(self.edges.items()):
            if key in (src, dst):
                del self.edges[(src, pred, dst)]
                src, dst = (into if src == key else src), (into if dst == key else dst)
                self.edge(src, pred, dst, edge.evidence)
