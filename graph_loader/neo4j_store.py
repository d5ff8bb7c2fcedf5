"""Neo4j backend: a thin adapter over the official ``neo4j`` driver.

Writes run in one managed write transaction (retried by the driver on transient errors),
reads in managed read transactions with READ routing and a timeout.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import neo4j
from neo4j import GraphDatabase, Query
from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable, SessionExpired
from neo4j.graph import Node, Path, Relationship

from conflict_kg.errors import DatabaseUnavailableError, QueryError, QueryTimeoutError
from graph_loader.cypher import statement
from graph_loader.store import Params, Result, Statement

#: (label, key) pairs given a range index, besides the uniqueness constraint on Resource.uri.
INDEXES = (("Resource", "prefLabel"), ("Resource", "contentHash"))


def plain(value: Any) -> Any:
    """Neo4j result values as JSON-ready Python values."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    return value


class Neo4jStore:
    """A ``GraphStore`` on Neo4j (bolt:// or neo4j:// URL)."""

    engine = "neo4j"

    def __init__(self, url: str, user: str, password: str, database: str | None = None) -> None:
        self._driver = GraphDatabase.driver(url, auth=(user, password))
        self._database = database
        try:
            self._driver.verify_connectivity()
        except (ServiceUnavailable, SessionExpired, OSError) as e:
            self._driver.close()
            raise DatabaseUnavailableError(f"cannot reach Neo4j at {url}: {e}") from e

    def _session(self, mode: str) -> neo4j.Session:
        return self._driver.session(database=self._database, default_access_mode=mode)

    def write(self, statements: Sequence[Statement]) -> list[Result]:
        """Run all statements in one write transaction: all or nothing; each one's rows."""

        def work(tx: neo4j.ManagedTransaction) -> list[Result]:
            results = []
            for st in statements:
                res = tx.run(st.cypher, dict(st.params))  # type: ignore[arg-type]
                rows = [[plain(v) for v in rec.values()] for rec in res]
                counters = res.consume().counters
                results.append(
                    Result(
                        list(res.keys()),
                        rows,
                        counters.nodes_created,
                        counters.relationships_created,
                    )
                )
            return results

        return self._call(lambda: self._with_session(neo4j.WRITE_ACCESS, work))  # type: ignore[no-any-return]

    def read(
        self, cypher: str, params: Params | None = None, *, timeout_ms: int | None = None
    ) -> Result:
        """Run a query in a read transaction (the server refuses writes in it)."""
        timeout = timeout_ms / 1000 if timeout_ms else None

        def work(tx: neo4j.ManagedTransaction) -> Result:
            res = tx.run(Query(cypher, timeout=timeout), dict(params or {}))  # type: ignore[arg-type]
            columns = list(res.keys())
            return Result(columns, [[plain(v) for v in rec.values()] for rec in res])

        return self._call(lambda: self._with_session(neo4j.READ_ACCESS, work))  # type: ignore[no-any-return]

    def version(self) -> None:
        """Neo4j answers are not cached: other clients write to a shared server directly."""
        return None

    def ensure_schema(self, labels: Sequence[str] = ()) -> None:
        """Create the uniqueness constraint on ``uri`` and the lookup indexes, if missing."""
        statements = [Statement(statement("schema_neo4j"))]
        template = statement("index_neo4j")
        for label, key in INDEXES:
            cypher = template.replace("__LABEL__", label).replace("__KEY__", key)
            statements.append(Statement(cypher))
        for st in statements:  # schema changes cannot share a transaction with each other
            self.write([st])

    def clear(self) -> None:
        """Delete every node and relationship, in batches."""

        def run() -> None:
            with self._session(neo4j.WRITE_ACCESS) as session:
                session.run(Query(statement("clear_neo4j"))).consume()  # type: ignore[arg-type]

        self._call(run)

    def close(self) -> None:
        """Close the driver."""
        self._driver.close()

    def _with_session(self, mode: str, work: Any) -> Any:
        with self._session(mode) as session:
            if mode == neo4j.WRITE_ACCESS:
                return session.execute_write(work)
            return session.execute_read(work)

    def _call(self, call: Any) -> Any:
        try:
            return call()
        except (ServiceUnavailable, SessionExpired) as e:
            raise DatabaseUnavailableError(f"Neo4j is not answering: {e}") from e
        except ClientError as e:
            if e.code and "Timeout" in e.code:
                raise QueryTimeoutError(f"query timed out: {e.message}") from e
            raise QueryError(f"Neo4j refused the statement: {e.message}") from e
        except Neo4jError as e:
            raise QueryError(f"Neo4j error: {e.message}") from e
