"""Run a curated query for a request: bound parameters, paging, the row cap, the time limit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from fastapi.concurrency import run_in_threadpool

from api.cache import Answer, CacheKey
from api.deps import StoreHolder
from conflict_kg.errors import DatabaseUnavailableError, ParameterError
from conflict_kg.settings import Settings
from graph_loader import GraphStore
from queries import Query


@dataclass
class Page:
    """One page of a query's rows."""

    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool


def check_limit(limit: int, settings: Settings) -> None:
    """ParameterError (400) when a page is asked for that is larger than the row cap."""
    if limit > settings.max_rows:
        raise ParameterError(
            f"limit {limit} is over the cap of {settings.max_rows} rows (KG_MAX_ROWS)"
        )


@contextmanager
def _reconnect_on_failure(holder: StoreHolder) -> Iterator[None]:
    """Forget the store when the database cannot be reached, so the next request reconnects."""
    try:
        yield
    except DatabaseUnavailableError:
        holder.reset()
        raise


def _lookup(
    holder: StoreHolder, store: GraphStore, cypher: str | Query, params: dict[str, Any]
) -> tuple[str, CacheKey | None, Answer | None]:
    """The statement's text for the store, its cache key at the graph's current version (None
    when the cache is off or the backend has no version) and the answer kept under it."""
    text = cypher.text_for(store.engine) if isinstance(cypher, Query) else cypher
    version = store.version() if holder.cache.size else None
    key = holder.cache.key(text, params, version) if version is not None else None
    return text, key, holder.cache.get(key) if key is not None else None


def _query(
    holder: StoreHolder,
    settings: Settings,
    store: GraphStore,
    text: str,
    params: dict[str, Any],
    key: CacheKey | None,
) -> Answer:
    """Run the statement within the time limit and keep its answer under ``key``."""
    with _reconnect_on_failure(holder):
        result = store.read(text, params, timeout_ms=settings.query_timeout_ms)
    answer = result.columns, result.records()
    if key is not None:
        holder.cache.put(key, answer)
    return answer


def read(
    holder: StoreHolder, settings: Settings, cypher: str | Query, params: dict[str, Any]
) -> tuple[GraphStore, list[str], list[dict[str, Any]]]:
    """Run a read-only statement (a query's text for the store's engine) within the time limit,
    or answer from the cache when the graph has not been written since the same request."""
    store = holder.get()
    with _reconnect_on_failure(holder):
        text, key, answer = _lookup(holder, store, cypher, params)
    if answer is None:
        answer = _query(holder, settings, store, text, params, key)
    return store, answer[0], answer[1]


async def read_async(
    holder: StoreHolder, settings: Settings, cypher: str | Query, params: dict[str, Any]
) -> Answer:
    """:func:`read` for async routes: a kept answer after one version check in the event loop,
    else the query in a worker thread (a request waiting on the database holds up no other).
    A store not opened yet is opened in the worker thread too."""
    store = holder.peek()
    if store is None:
        _, columns, rows = await run_in_threadpool(read, holder, settings, cypher, params)
        return columns, rows
    with _reconnect_on_failure(holder):
        text, key, answer = _lookup(holder, store, cypher, params)
    if answer is None:
        answer = await run_in_threadpool(_query, holder, settings, store, text, params, key)
    return answer


def _page_params(params: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
    """Parameters for one page, with one extra row that tells whether there are more."""
    return {**params, "limit": limit + 1, "offset": offset}


def _page(columns: list[str], rows: list[dict[str, Any]], limit: int) -> Page:
    return Page(columns, rows[:limit], len(rows) > limit)


def run_page(
    holder: StoreHolder,
    settings: Settings,
    query: Query,
    params: dict[str, Any],
    limit: int,
    offset: int,
) -> Page:
    """One page of a curated query (params already bound)."""
    check_limit(limit, settings)
    _, columns, rows = read(holder, settings, query, _page_params(params, limit, offset))
    return _page(columns, rows, limit)


async def run_page_async(
    holder: StoreHolder,
    settings: Settings,
    query: Query,
    params: dict[str, Any],
    limit: int,
    offset: int,
) -> Page:
    """:func:`run_page` for async routes."""
    check_limit(limit, settings)
    columns, rows = await read_async(holder, settings, query, _page_params(params, limit, offset))
    return _page(columns, rows, limit)
