"""The curated query catalog: list the queries, run one with typed parameters."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query as Q, Request
from pydantic import BaseModel

from api.deps import CatalogDep, SettingsDep, StoreDep
from conflict_kg.errors import DatabaseUnavailableError, ParameterError
from queries import Query
from queries.catalog import PAGING

router = APIRouter(prefix="/queries", tags=["queries"])


class ParameterInfo(BaseModel):
    name: str
    type: str
    default: Any
    description: str
    allowed: list[Any] = []


class QueryInfo(BaseModel):
    name: str
    title: str
    description: str
    parameters: list[ParameterInfo]
    example: str
    url: str


class QueryResult(BaseModel):
    query: str
    parameters: dict[str, Any]
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool
    limit: int
    offset: int


def _info(q: Query) -> QueryInfo:
    params = [ParameterInfo(name=p.name, type=p.type, default=p.default,
                            description=p.description, allowed=list(p.allowed))
              for p in q.parameters]  # fmt: skip
    example = f"/queries/{q.name}" + (f"?{q.example}" if q.example else "")
    return QueryInfo(name=q.name, title=q.title, description=q.description, parameters=params,
                     example=q.example, url=example)  # fmt: skip


@router.get("", response_model=list[QueryInfo])
def list_queries(catalog: CatalogDep) -> list[QueryInfo]:
    """Every curated query with its title, description and parameters."""
    return [_info(q) for q in catalog]


@router.get("/{name}", response_model=QueryResult)
def run_query(name: str, request: Request, catalog: CatalogDep, holder: StoreDep,
              settings: SettingsDep, limit: int = Q(100, ge=1), offset: int = Q(0, ge=0)
              ) -> QueryResult:  # fmt: skip
    """Run a curated query; its parameters come from the query string."""
    query = catalog.get(name)
    if limit > settings.max_rows:
        raise ParameterError(f"limit {limit} is over the cap of {settings.max_rows} rows")
    raw = {k: v for k, v in request.query_params.items() if k not in PAGING}
    params = query.bind(raw)
    store = holder.get()
    try:
        result = store.read(query.text_for(store.engine),
                            {**params, "limit": limit + 1, "offset": offset},
                            timeout_ms=settings.query_timeout_ms)  # fmt: skip
    except DatabaseUnavailableError:
        holder.reset()
        raise
    rows = result.records()
    return QueryResult(query=name, parameters=params, columns=result.columns,
                       rows=rows[:limit], truncated=len(rows) > limit, limit=limit, offset=offset)  # fmt: skip
