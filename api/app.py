"""The FastAPI application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import problems
from api.body_limit import BodyLimitMiddleware
from api.deps import StoreHolder
from api.routes import analytics, documents, entities, health, queries, rdf
from conflict_kg import __version__
from conflict_kg.settings import Settings, get_settings
from queries import load_catalog


def create_app(settings: Settings | None = None) -> FastAPI:
    """The API for one configuration (the environment's settings by default)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.store.close()

    app = FastAPI(
        title="conflict-kg",
        version=__version__,
        description="A knowledge graph of armed groups, attacks, regions, responses and "
        "root causes, read from conflict reporting. Curated queries answer in JSON or CSV.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.catalog = load_catalog()
    app.state.store = StoreHolder(settings)
    app.state.extractor = documents.ExtractorHolder(settings)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    problems.install(app)
    app.include_router(health.router)
    app.include_router(queries.build_router(app.state.catalog))
    app.include_router(entities.router)
    app.include_router(documents.router)
    app.include_router(analytics.router)
    app.include_router(rdf.router)
    return app
