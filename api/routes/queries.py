"""The curated query catalog: list the queries, run one with typed parameters.

Every query gets a route of its own (``GET /queries/<name>``) whose query-string parameters are
built from the query's header, so the OpenAPI schema documents and validates each of them.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request
from fastapi import Query as Q
from fastapi.responses import PlainTextResponse, Response
from pydantic import AfterValidator, BaseModel

from api import problems
from api.deps import StoreHolder
from api.formats import Graph, entity_iris, subgraph_cypher, to_csv, to_graph
from api.runner import read_async, run_page_async
from conflict_kg.errors import ParameterError, QueryNotFoundError
from conflict_kg.settings import Settings
from queries import Catalog, Query
from queries.catalog import RESERVED, Parameter

Format = Literal["json", "csv", "graph"]
_PYTHON_TYPES: dict[str, type] = {
    "string": str,
    "integer": int,
    "float": float,
    "boolean": bool,
    "date": date,
}
_ERRORS = problems.responses(400, 404, 422, 503, 504)


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


class GraphResult(Graph):
    query: str
    parameters: dict[str, Any]
    truncated: bool


def _info(q: Query) -> QueryInfo:
    params = [
        ParameterInfo(
            name=p.name,
            type=p.type,
            default=p.default,
            description=p.description,
            allowed=list(p.allowed),
        )
        for p in q.parameters
    ]
    example = f"/queries/{q.name}" + (f"?{q.example}" if q.example else "")
    return QueryInfo(
        name=q.name,
        title=q.title,
        description=q.description,
        parameters=params,
        example=q.example,
        url=example,
    )


def list_queries(request: Request) -> list[QueryInfo]:
    """Every curated query with its title, description and parameters."""
    return [_info(q) for q in request.app.state.catalog]


async def run(
    request: Request, query: Query, raw: dict[str, Any], limit: int, offset: int, fmt: str
) -> Response:
    """Run a query for a request and shape the answer as JSON rows, CSV or a graph.

    The JSON is written by pydantic-core straight from the model (the route's response_model
    documents it), skipping FastAPI's re-validation of every row: for a page of the headline
    query on 10^6 nodes that cut the API's overhead over the store call from ~25 ms to ~3 ms.
    """
    unknown = sorted(set(request.query_params) - {p.name for p in query.parameters} - set(RESERVED))
    if unknown:
        raise ParameterError(
            f"query {query.name!r} has no parameter {', '.join(unknown)}; it "
            f"takes: {', '.join(p.name for p in query.parameters) or 'none'}"
        )
    settings: Settings = request.app.state.settings
    holder: StoreHolder = request.app.state.store
    params = query.bind(raw)
    page = await run_page_async(holder, settings, query, params, limit, offset)
    if fmt == "csv":
        return PlainTextResponse(to_csv(page.columns, page.rows), media_type="text/csv")
    if fmt == "graph":
        iris = entity_iris(page.rows, settings.base_iri)
        _, records = await read_async(holder, settings, subgraph_cypher(), {"uris": iris})
        graph = to_graph(records)
        answer: BaseModel = GraphResult(
            query=query.name,
            parameters=params,
            truncated=page.truncated,
            nodes=graph.nodes,
            edges=graph.edges,
        )
    else:
        answer = QueryResult(
            query=query.name,
            parameters=params,
            columns=page.columns,
            rows=page.rows,
            truncated=page.truncated,
            limit=limit,
            offset=offset,
        )
    return Response(answer.model_dump_json(), media_type="application/json")


def _annotation(p: Parameter) -> Any:
    """The parameter's Python type for FastAPI: converted, and checked against allowed values."""
    kind: Any = _PYTHON_TYPES[p.type]
    if p.default is None:
        kind = kind | None
    if not p.allowed:
        return Annotated[kind, Q(description=p.description)]

    def allowed(value: Any) -> Any:
        if value is not None and value not in p.allowed:
            raise ValueError(f"must be one of {', '.join(map(str, p.allowed))}")
        return value

    return Annotated[
        kind,
        AfterValidator(allowed),
        Q(description=p.description, json_schema_extra={"enum": list(p.allowed)}),
    ]


def _endpoint(query: Query) -> Callable[..., Any]:
    """A route function whose signature declares the query's parameters for FastAPI."""

    async def endpoint(request: Request, **kwargs: Any) -> Any:
        limit, offset, fmt = kwargs.pop("limit"), kwargs.pop("offset"), kwargs.pop("format")
        given = {k: v for k, v in kwargs.items() if k in request.query_params}
        return await run(request, query, given, limit, offset, fmt)

    params = [
        inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)
    ]
    for p in query.parameters:
        default = p.default.isoformat() if isinstance(p.default, date) else p.default
        params.append(
            inspect.Parameter(
                p.name, inspect.Parameter.KEYWORD_ONLY, annotation=_annotation(p), default=default
            )
        )
    params += [
        inspect.Parameter(
            "limit",
            inspect.Parameter.KEYWORD_ONLY,
            default=100,
            annotation=Annotated[
                int, Q(ge=1, description="Rows per page (at most KG_MAX_ROWS; more is a 400).")
            ],
        ),
        inspect.Parameter(
            "offset",
            inspect.Parameter.KEYWORD_ONLY,
            default=0,
            annotation=Annotated[int, Q(ge=0, le=10**9, description="Rows to skip.")],
        ),
        inspect.Parameter(
            "format",
            inspect.Parameter.KEYWORD_ONLY,
            default="json",
            annotation=Annotated[
                Format, Q(description="json: rows; csv: a table; graph: nodes and edges.")
            ],
        ),
    ]
    endpoint.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    endpoint.__name__ = f"query_{query.name}"
    endpoint.__doc__ = query.description
    return endpoint


def build_router(catalog: Catalog) -> APIRouter:
    """``GET /queries`` and one documented route per curated query."""
    router = APIRouter(prefix="/queries", tags=["queries"])
    router.add_api_route(
        "",
        list_queries,
        methods=["GET"],
        response_model=list[QueryInfo],
        summary="The curated queries",
    )
    for query in catalog:
        router.add_api_route(
            f"/{query.name}",
            _endpoint(query),
            methods=["GET"],
            summary=query.title,
            description=query.description
            + (f"\n\nExample: `?{query.example}`" if query.example else ""),
            response_model=QueryResult | GraphResult,
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}, **_ERRORS},
        )
    router.add_api_route("/{name}", unknown_query, methods=["GET"], include_in_schema=False)
    return router


def unknown_query(name: str) -> None:
    """A name that is not in the catalog (each query has its own route): 404."""
    raise QueryNotFoundError(f"no curated query named {name!r}; GET /queries lists them")
