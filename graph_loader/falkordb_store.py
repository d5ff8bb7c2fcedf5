"""FalkorDB backend: the embedded server (default) or an external one by URL."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Any

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as FalkorPath
from falkordb.query_result import QueryResult

from conflict_kg.errors import DatabaseUnavailableError, QueryError, QueryTimeoutError
from graph_loader.cypher import statement
from graph_loader.embedded import EmbeddedFalkorDB
from graph_loader.falkordb_params import with_params
from graph_loader.mapping import BASE_LABEL
from graph_loader.store import Params, Result, Statement

log = logging.getLogger(__name__)

#: (label, key) pairs indexed for lookups: IRIs, and the names the curated queries search by.
INDEXES = ((BASE_LABEL, "uri"), (BASE_LABEL, "prefLabel"), (BASE_LABEL, "contentHash"))


def plain(value: Any) -> Any:
    """FalkorDB result values as JSON-ready Python values."""
    if isinstance(value, Node):
        props = {k: plain(v) for k, v in value.properties.items()}
        return {"labels": list(value.labels or []), **props}
    if isinstance(value, Edge):
        return {"type": value.relation, **{k: plain(v) for k, v in value.properties.items()}}
    if isinstance(value, FalkorPath):
        return [plain(n) for n in value.nodes()]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def _result(res: QueryResult) -> Result:
    columns = [h[1] for h in res.header or []]
    return Result(
        columns,
        [[plain(v) for v in row] for row in res.result_set],
        res.nodes_created,
        res.relationships_created,
    )


class FalkorDBStore:
    """A ``GraphStore`` on FalkorDB over a unix socket (embedded) or a redis:// URL."""

    engine = "falkordb"

    def __init__(
        self, graph_name: str, *, url: str = "", server: EmbeddedFalkorDB | None = None
    ) -> None:
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
        self._version_key = f"conflict-kg:{graph_name}:version"

    def write(self, statements: Sequence[Statement]) -> list[Result]:
        """Run statements in order as one redis transaction (``MULTI``/``EXEC``).

        Every parameter is checked and serialised before anything is sent, so a value FalkorDB
        cannot keep is an :class:`InputError` with nothing written. Other clients never see a
        part of the transaction, and the append-only file holds it between ``MULTI`` and
        ``EXEC``: a server killed while writing it drops the unfinished transaction on restart.
        Redis does not roll back, though: if the server refuses a statement at run time, the
        statements before it stay written (the loader's begin/finish markers cover that case).
        """
        texts = [with_params(st.cypher, st.params) for st in statements]
        if not texts:
            return []

        def run() -> list[Any]:
            pipe = self._db.connection.pipeline(transaction=True)
            for text in texts:
                pipe.execute_command("GRAPH.QUERY", self._graph.name, text, "--compact")
            pipe.incr(self._version_key)  # in the same transaction: readers see both or neither
            return pipe.execute()[:-1]  # type: ignore[no-any-return]

        return [_result(QueryResult(self._graph, raw)) for raw in self._run(run)]

    def read(
        self, cypher: str, params: Params | None = None, *, timeout_ms: int | None = None
    ) -> Result:
        """Run a read-only query (``GRAPH.RO_QUERY``): writes are refused by the server.

        A graph that does not exist yet reads as empty.
        """
        text = with_params(cypher, params)
        try:
            res = self._run(lambda: self._graph.ro_query(text, timeout=timeout_ms))
        except QueryError as e:
            if "empty key" in str(e):
                return Result([], [])
            raise
        return _result(res)

    def version(self) -> str:
        """The graph's write counter (a redis key beside the graph, bumped by every
        :meth:`write` and :meth:`clear`). Writes made with other tools do not bump it."""
        value = self._run(lambda: self._db.connection.get(self._version_key))
        return value.decode() if isinstance(value, bytes) else str(value or 0)

    def ensure_schema(self, labels: Sequence[str] = ()) -> None:
        """Create the lookup indexes and the uniqueness constraint on ``uri``, if missing.

        FalkorDB refuses to create an index or constraint twice, so the existing ones are read
        first; the constraint needs the ``uri`` index and is built in the background. When
        anything was created, the append-only file is rewritten (see :meth:`_compact`).
        """
        existing = {(row[0], key) for row in self._indexes() for key in row[1]}
        template = statement("schema_falkordb")
        created = False
        for label, key in INDEXES:
            if (label, key) not in existing:
                cypher = template.replace("__LABEL__", label).replace("__KEY__", key)
                self._run(lambda cypher=cypher: self._graph.query(cypher))
                created = True
        constraints = {
            (c["label"], tuple(c["properties"])) for c in self._run(self._graph.list_constraints)
        }
        if (BASE_LABEL, ("uri",)) not in constraints:
            self._run(
                lambda: self._graph.execute_command(
                    "GRAPH.CONSTRAINT",
                    "CREATE",
                    self._graph.name,
                    "UNIQUE",
                    "NODE",
                    BASE_LABEL,
                    "PROPERTIES",
                    1,
                    "uri",
                )
            )
            created = True
        if created:
            self._compact()

    def _compact(self, timeout: float = 60.0) -> None:
        """Rewrite the append-only file so the schema lives in its RDB base.

        While redis replays the append-only file at start-up, FalkorDB cannot populate an index
        created by a replayed command (its worker waits for the lock the loader holds), so every
        later ``MERGE`` in the file scans all nodes: a restart after loading 400 documents took
        49 s instead of under one. An index stored in the RDB base is ready before the replay.
        Servers without append-only persistence, or refusing the commands, are left alone.
        """
        conn = self._db.connection
        deadline = time.monotonic() + timeout
        try:
            if conn.config_get("appendonly").get("appendonly") != "yes":
                return
            while (
                any(c["status"] != "OPERATIONAL" for c in self._graph.list_constraints())
                and time.monotonic() < deadline
            ):
                time.sleep(0.02)
            conn.bgrewriteaof()
            while time.monotonic() < deadline:
                info = conn.info("persistence")
                if not (info["aof_rewrite_in_progress"] or info["aof_rewrite_scheduled"]):
                    break
                time.sleep(0.02)
        except redis.ResponseError as e:
            log.warning("could not rewrite FalkorDB's append-only file: %s", e)

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
        self._run(lambda: self._db.connection.incr(self._version_key))

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
