"""Errors as RFC 9457 problem details, produced in one place for every route."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from conflict_kg.errors import (
    ConflictKGError,
    DatabaseUnavailableError,
    InputError,
    QueryNotFoundError,
    QueryTimeoutError,
)

log = logging.getLogger(__name__)
PROBLEM_TYPE = "https://w3id.org/conflict-kg/problems/"
RETRY_AFTER_SECONDS = 5
_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    413: "Content too large",
    422: "Invalid request",
    503: "Database unavailable",
    504: "Query timed out",
}


class Problem(BaseModel):
    """An RFC 9457 problem details object."""

    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None


def responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI documentation of the problem responses a route can give."""
    schema = {"schema": Problem.model_json_schema()}
    return {
        code: {"description": _TITLES[code], "content": {"application/problem+json": schema}}
        for code in codes
    }


def problem(
    status: int,
    title: str,
    detail: str,
    slug: str,
    *,
    instance: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """A problem-details response."""
    body = {"type": PROBLEM_TYPE + slug, "title": title, "status": status, "detail": detail}
    if instance:
        body["instance"] = instance
    return JSONResponse(
        body, status_code=status, headers=headers, media_type="application/problem+json"
    )


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into problem details."""

    @app.exception_handler(ConflictKGError)
    async def domain_error(request: Request, exc: ConflictKGError) -> JSONResponse:
        path = request.url.path
        if isinstance(exc, QueryNotFoundError):
            return problem(404, "Not found", str(exc), "not-found", instance=path)
        if isinstance(exc, InputError):
            return problem(400, "Bad request", str(exc), "bad-request", instance=path)
        if isinstance(exc, DatabaseUnavailableError):
            return problem(
                503,
                "Database unavailable",
                str(exc),
                "database-unavailable",
                instance=path,
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
        if isinstance(exc, QueryTimeoutError):
            return problem(504, "Query timed out", str(exc), "timeout", instance=path)
        log.error("query failed on %s: %s", path, exc)
        return problem(500, "Query failed", str(exc), "query-failed", instance=path)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        return problem(422, "Invalid request", detail, "invalid-request", instance=request.url.path)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        title = {
            404: "Not found",
            405: "Method not allowed",
            413: "Content too large",
            401: "Unauthorized",
            403: "Forbidden",
        }.get(exc.status_code, "Error")
        return problem(
            exc.status_code,
            title,
            str(exc.detail),
            title.lower().replace(" ", "-"),
            instance=request.url.path,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return problem(
            500,
            "Internal error",
            "an unexpected error occurred; see the server log",
            "internal-error",
            instance=request.url.path,
        )
