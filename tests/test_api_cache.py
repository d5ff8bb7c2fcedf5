"""The API's answer cache: a repeated request is answered without a query, and any write through
conflict-kg (the API's own POST /documents, or a separate ingest) is visible at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api.deps import StoreHolder
from api.runner import read
from conflict_kg.ingest import ingest_sources
from extractor import Extractor, SourceText
from graph_loader import GraphStore, open_store
from graph_loader.embedded import EmbeddedFalkorDB
from tests.conftest import make_settings, serve

KEY = "cache-key"
FIRST = SourceText(
    "Fighters of the Red Dune Brigade attacked an army post near Gao, Mali, on 4 March 2024.",
    name="first",
)
SECOND = SourceText(
    "The Black Ridge Battalion ambushed a convoy near Gao, Mali, on 9 April 2024.",
    name="second",
)


@pytest.fixture
def graph(data_dir: Path, server: EmbeddedFalkorDB) -> Iterator[GraphStore]:
    store = open_store(make_settings(data_dir, graph_name="cache"))
    store.clear()
    yield store
    store.clear()
    store.close()


def test_a_repeated_read_is_answered_from_the_cache(
    data_dir: Path, graph: GraphStore, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_sources(graph, extractor, [FIRST])
    settings = make_settings(data_dir, graph_name="cache")
    holder = StoreHolder(settings)
    store = holder.get()
    calls: list[str] = []
    real_read = store.read
    monkeypatch.setattr(store, "read", lambda *a, **k: calls.append(a[0]) or real_read(*a, **k))
    cypher = "MATCH (g:Group) RETURN g.prefLabel AS name ORDER BY name"
    first = read(holder, settings, cypher, {})[2]
    assert read(holder, settings, cypher, {})[2] == first and len(calls) == 1
    read(holder, settings, cypher, {"unused": 1})  # other parameters: another answer
    assert len(calls) == 2
    ingest_sources(graph, extractor, [SECOND])  # a write by another client: a new version
    names = [r["name"] for r in read(holder, settings, cypher, {})[2]]
    assert len(calls) == 3 and any("Black Ridge" in n for n in names), names
    holder.close()


def test_no_cache_when_its_size_is_zero(
    data_dir: Path, graph: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(data_dir, graph_name="cache", query_cache_size=0)
    holder = StoreHolder(settings)
    store = holder.get()
    calls: list[str] = []
    real_read = store.read
    monkeypatch.setattr(store, "read", lambda *a, **k: calls.append(a[0]) or real_read(*a, **k))
    for _ in range(3):
        read(holder, settings, "RETURN 1 AS one", {})
    assert len(calls) == 3
    holder.close()


def test_a_document_posted_to_the_api_shows_in_the_next_answer(
    data_dir: Path, graph: GraphStore
) -> None:
    settings = make_settings(data_dir, graph_name="cache", api_key=KEY)
    with serve(settings) as url, httpx.Client(base_url=url, timeout=120) as http:
        ask = {"region": "Mali"}
        before = http.get("/queries/groups_active_in_region", params=ask).json()["rows"]
        assert http.get("/queries/groups_active_in_region", params=ask).json()["rows"] == before
        posted = http.post("/documents", json={"text": FIRST.text}, headers={"X-API-Key": KEY})
        assert posted.status_code == 201, posted.text
        after = http.get("/queries/groups_active_in_region", params=ask).json()["rows"]
        assert any("Red Dune" in row["group"] for row in after), after
        assert not any("Red Dune" in row["group"] for row in before)
