"""Run a curated query for a request: bound parameters, paging, the row cap, the time limit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi.concurrency import run_in_threadpool

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


def read(
    holder: StoreHolder, settings: Settings, cypher: str | Query, params: dict[str, Any]
) -> tuple[GraphStore, list[str], list[dict[str, Any]]]:
    """Run a read-only statement (a query's text for the store's engine) within the time limit,
    or answer from the cache when the graph has not been written since the same request."""
    store = holder.get()
    text = cypher.text_for(store.engine) if isinstance(cypher, Query) else cypher
    try:
        version = store.version() if holder.cache.size else None
        key = holder.cache.key(text, params, version) if version is not None else None
        answer = holder.cache.get(key) if key is not None else None
        if answer is None:
            result = store.read(text, params, timeout_ms=settings.query_timeout_ms)
            answer = result.columns, result.records()
            if key is not None:
                holder.cache.put(key, answer)
    except DatabaseUnavailableError:
        holder.reset()
        raise
    return store, answer[0], answer[1]


def cached(
    holder: StoreHolder, cypher: str | Query, params: dict[str, Any]
) -> tuple[list[str], list[dict[str, Any]]] | None:
    """The kept answer when the graph has not been written since it was read: one version
    check, cheap enough for the event loop. None when the cache is off, the store is not open
    yet, or nothing is kept (the caller then runs :func:`read` in a worker thread)."""
    store = holder.peek()
    if store is None or not holder.cache.size:
        return None
    text = cypher.text_for(store.engine) if isinstance(cypher, Query) else cypher
    try:
        version = store.version()
    except DatabaseUnavailableError:
        holder.reset()
        raise
    return holder.cache.get(holder.cache.key(text, params, version)) if version else None


async def read_async(
    holder: StoreHolder, settings: Settings, cypher: str | Query, params: dict[str, Any]
) -> tuple[list[str], list[dict[str, Any]]]:
    """:func:`read` for async routes: a cached answer straight away, else the query in a worker
    thread (a request waiting on the database never holds up the others)."""
    answer = cached(holder, cypher, params)
    if answer is None:
        _, columns, rows = await run_in_threadpool(read, holder, settings, cypher, params)
        answer = columns, rows
    return answer


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
    columns, rows = await read_async(
        holder, settings, query, {**params, "limit": limit + 1, "offset": offset}
    )
    return Page(columns, rows[:limit], len(rows) > limit)


def run_page(
    holder: StoreHolder,
    settings: Settings,
    query: Query,
    params: dict[str, Any],
    limit: int,
    offset: int,
) -> Page:
    """One page of a curated query (params already bound); one extra row tells truncation."""
    check_limit(limit, settings)
    _, columns, rows = read(
        holder, settings, query, {**params, "limit": limit + 1, "offset": offset}
    )
    return Page(columns, rows[:limit], len(rows) > limit)
