"""FalkorDB backend: the embedded server (default) or an external one by URL."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as FalkorPath

from conflict_kg.errors import DatabaseUnavailableError, QueryError, QueryTimeoutError
from graph_loader.cypher import statement
from graph_loader.embedded import EmbeddedFalkorDB
from graph_loader.store import Params, Result, Statement

log = logging.getLogger(__name__)

#: (label, key) pairs indexed for lookups: IRIs, and the names the curated queries search by.
INDEXES = (("Resource", "uri"), ("Resource", "prefLabel"))


def plain(value: Any) -> Any:
    """FalkorDB result values as JSON-ready Python values."""
    if isinstance(value, Node):
        return {"labels": list(value.labels or []), **{k: plain(v) for k, v in value.properties.items()}}
    if isinstance(value, Edge):
        return {"type": value.relation, **{k: plain(v) for k, v in value.properties.items()}}
    if isinstance(value, FalkorPath):
        return [plain(n) for n in value.nodes()]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


class FalkorDBStore:
    """A ``GraphStore`` on FalkorDB over a unix socket (embedded) or a redis:// URL."""

    engine = "falkordb"

    def __init__(self, graph_name: str, *, url: str = "", server: EmbeddedFalkorDB | None = None
                 ) -> None:  # fmt: skip
        self._server = server
        try:
            if server is not None:
                self._db = FalkorDB(unix_socket_path=server.socket_path)
            else:
                self._db = FalkorDB.from_url(url)
            self._db.connection.ping()
        except (redis.ConnectionError, redis.TimeoutError, OSError) as e:
            raise DatabaseUnavailableError(f"cannot reach FalkorDB: {e}") from e
        self._graph = self._db.select_graph(graph_name)

    def write(self, statements: Sequence[Statement]) -> None:
        """Run statements in order; each one is atomic on FalkorDB."""
        for st in statements:
            self._run(lambda st=st: self._graph.query(st.cypher, dict(st.params)))

    def read(self, cypher: str, params: Params | None = None, *, timeout_ms: int | None = None
             ) -> Result:  # fmt: skip
        """Run a read-only query (``GRAPH.RO_QUERY``): writes are refused by the server.

        A graph that does not exist yet reads as empty.
        """
        try:
            res = self._run(lambda: self._graph.ro_query(cypher, dict(params or {}),
                                                         timeout=timeout_ms))  # fmt: skip
        except QueryError as e:
            if "empty key" in str(e):
                return Result([], [])
            raise
        columns = [h[1] for h in res.header]
        return Result(columns, [[plain(v) for v in row] for row in res.result_set])

    def ensure_schema(self, labels: Sequence[str] = ()) -> None:
        """Create the lookup indexes (FalkorDB refuses to create one twice, so check first)."""
        existing = {(row[0], key) for row in self._indexes() for key in row[1]}
        template = statement("schema_falkordb")
        for label, key in INDEXES:
            if (label, key) not in existing:
                cypher = template.replace("__LABEL__", label).replace("__KEY__", key)
                self._run(lambda cypher=cypher: self._graph.query(cypher))

    def _indexes(self) -> list[list[Any]]:
        try:
            return self._graph.ro_query("CALL db.indexes() YIELD label, properties").result_set
        except redis.ResponseError:  # the graph does not exist yet
            return []

    def clear(self) -> None:
        """Delete the whole graph."""
        try:
            self._graph.delete()
        except redis.ResponseError as e:
            if "empty key" not in str(e) and "Invalid graph operation" not in str(e):
                raise

    def close(self) -> None:
        """Close the connection; stop the embedded server if this store started it."""
        self._db.connection.close()
        if self._server is not None:
            self._server.stop()

    def _run(self, call: Any) -> Any:
        try:
            return call()
        except (redis.ConnectionError, redis.TimeoutError) as e:
            raise DatabaseUnavailableError(f"FalkorDB is not answering: {e}") from e
        except redis.ResponseError as e:
            message = str(e)
            if "timed out" in message.lower():
                raise QueryTimeoutError(f"query timed out: {message}") from e
            raise QueryError(f"FalkorDB refused the statement: {message}") from e
