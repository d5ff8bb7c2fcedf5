"""Shared fixtures: one real embedded FalkorDB per test session, the real extractor, and the
real API served over HTTP by uvicorn."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn

from conflict_kg.ingest import ingest_files, sample_files
from conflict_kg.settings import Settings
from extractor import Extractor
from graph_loader import GraphStore, open_store
from graph_loader.embedded import EmbeddedFalkorDB

SEED = sample_files()[0]


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("kg-data")


@pytest.fixture(scope="session")
def server(data_dir: Path) -> Iterator[EmbeddedFalkorDB]:
    """The embedded FalkorDB of the test session (stores opened on it do not own it)."""
    db = EmbeddedFalkorDB(data_dir).start()
    yield db
    db.stop()


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings for tests: the session's data directory, nothing from the environment."""
    values = {"data_dir": data_dir, "graph_url": "", **overrides}
    return Settings(_env_file=None, **values)  # type: ignore[call-arg, arg-type]


@pytest.fixture(scope="session")
def settings(data_dir: Path, server: EmbeddedFalkorDB) -> Settings:
    return make_settings(data_dir, api_key="test-key")


@pytest.fixture(scope="session")
def extractor(settings: Settings) -> Extractor:
    return Extractor(settings.spacy_model, settings.base_iri, settings.max_document_bytes)


@pytest.fixture
def fresh_store(
    data_dir: Path, server: EmbeddedFalkorDB, request: pytest.FixtureRequest
) -> Iterator[GraphStore]:
    """An empty graph of its own on the session's server, deleted afterwards."""
    name = "test_" + "".join(c if c.isalnum() else "_" for c in request.node.name)[:60]
    store = open_store(make_settings(data_dir, graph_name=name))
    store.clear()
    yield store
    store.clear()
    store.close()


@pytest.fixture(scope="session")
def sample_store(settings: Settings, extractor: Extractor) -> Iterator[GraphStore]:
    """The session's main graph, loaded with the bundled sample articles."""
    store = open_store(settings)
    store.clear()
    report = ingest_files(store, extractor, sample_files())
    assert not report.errors, report.errors
    yield store
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(settings: Settings) -> Iterator[str]:
    """The real app for these settings, served by uvicorn on a free loopback port."""
    from api import create_app

    port = free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def api_url(settings: Settings, sample_store: GraphStore) -> Iterator[str]:
    """The API over the loaded sample graph."""
    with serve(settings) as url:
        yield url


@pytest.fixture
def http(api_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_url, timeout=30) as client:
        yield client


@pytest.fixture(scope="session")
def corpus_store(
    data_dir: Path, server: EmbeddedFalkorDB, extractor: Extractor
) -> Iterator[GraphStore]:
    """A graph of its own with the bundled samples and the test reports of tests/corpus.py."""
    from conflict_kg.ingest import ingest_sources
    from extractor import read_file
    from tests.corpus import SOURCES

    store = open_store(make_settings(data_dir, graph_name="corpus"))
    store.clear()
    samples = [read_file(p, extractor.max_bytes) for p in sample_files()]
    report = ingest_sources(store, extractor, [*samples, *SOURCES])
    assert not report.errors, report.errors
    yield store
    store.close()


@pytest.fixture(scope="session")
def corpus_url(data_dir: Path, corpus_store: GraphStore) -> Iterator[str]:
    """The API over the corpus graph."""
    with serve(make_settings(data_dir, graph_name="corpus", api_key="test-key")) as url:
        yield url


@pytest.fixture
def corpus_http(corpus_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=corpus_url, timeout=60) as client:
        yield client
