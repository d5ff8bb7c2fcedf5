"""The ``GraphStore`` interface every backend implements, and the result shape it returns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

Params = Mapping[str, Any]


@dataclass(frozen=True)
class Statement:
    """One Cypher statement with its parameters."""

    cypher: str
    params: Params = field(default_factory=dict)


@dataclass
class Result:
    """Rows of a read: column names and plain Python values (maps for nodes/relationships)."""

    columns: list[str]
    rows: list[list[Any]]
    nodes_created: int = 0
    relationships_created: int = 0

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class GraphStore(Protocol):
    """A property-graph database that speaks the Cypher both Neo4j and FalkorDB understand."""

    engine: str
    """'falkordb' or 'neo4j': lets the query catalog pick a per-engine variant."""

    def write(self, statements: Sequence[Statement]) -> list[Result]:
        """Run statements in order as one transaction; return each statement's rows."""
        ...

    def read(
        self, cypher: str, params: Params | None = None, *, timeout_ms: int | None = None
    ) -> Result:
        """Run a read-only statement and return its rows."""
        ...

    def version(self) -> str | None:
        """A token that changes whenever the graph is written through a store (None: this
        backend cannot tell, and answers are not cached)."""
        ...

    def ensure_schema(self, labels: Sequence[str]) -> None:
        """Create the uniqueness constraint on ``uri`` and lookup indexes, idempotently."""
        ...

    def clear(self) -> None:
        """Delete the whole graph."""
        ...

    def close(self) -> None:
        """Release connections (and stop an embedded server this store started)."""
        ...
