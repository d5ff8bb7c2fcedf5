"""Shared dependencies: the settings, the graph store (opened on first use, reopened after the
database comes back) and the query catalog."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import Depends, Request

from api.cache import AnswerCache
from conflict_kg.settings import Settings
from graph_loader import GraphStore, open_store
from queries import Catalog


class StoreHolder:
    """Opens the store lazily, so the API starts (and says 503) while the database is down;
    keeps the cache of answers that goes with it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.cache = AnswerCache(settings.query_cache_size)
        self._store: GraphStore | None = None
        self._lock = threading.Lock()

    def get(self) -> GraphStore:
        """The open store; raises DatabaseUnavailableError when it cannot be reached."""
        with self._lock:
            if self._store is None:
                self._store = open_store(self.settings)
            return self._store

    def peek(self) -> GraphStore | None:
        """The store if it is open, without opening it."""
        return self._store

    def reset(self) -> None:
        """Forget the store after a connection failure, so the next request reconnects."""
        with self._lock:
            store, self._store = self._store, None
        self.cache.clear()
        if store is not None:
            store.close()

    def close(self) -> None:
        """Close the store (and stop an embedded server it started)."""
        self.reset()


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_catalog(request: Request) -> Catalog:
    return request.app.state.catalog  # type: ignore[no-any-return]


def get_holder(request: Request) -> StoreHolder:
    return request.app.state.store  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(get_settings)]
CatalogDep = Annotated[Catalog, Depends(get_catalog)]
StoreDep = Annotated[StoreHolder, Depends(get_holder)]
