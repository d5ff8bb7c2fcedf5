"""The loader against the real embedded FalkorDB: idempotent, replaces changed documents,
keeps what other documents say, and survives a server restart."""

from __future__ import annotations

from pathlib import Path

from conflict_kg.ingest import ingest_files, ingest_sources
from extractor import Extractor, SourceText
from graph_loader import GraphStore, Statement, open_store
from graph_loader.cypher import statement
from graph_loader.embedded import EmbeddedFalkorDB
from tests.conftest import SEED, make_settings


def counts(store: GraphStore) -> tuple[dict, dict]:
    nodes = dict(store.read(statement("counts_nodes")).rows)
    rels = dict(store.read(statement("counts_relationships")).rows)
    return nodes, rels


def test_ingesting_the_seed_twice_changes_nothing(
    fresh_store: GraphStore, extractor: Extractor
) -> None:
    first = ingest_files(fresh_store, extractor, [SEED])
    assert first.loaded == 1 and not first.errors
    before = counts(fresh_store)
    assert before[0]["Group"] >= 4 and before[1]["activeIn"] >= 4
    second = ingest_files(fresh_store, extractor, [SEED])
    assert second.unchanged == 1 and second.loaded == 0
    assert counts(fresh_store) == before


def test_forced_reload_is_idempotent(fresh_store: GraphStore, extractor: Extractor) -> None:
    from graph_loader import load_documents

    graph = extractor.extract(SourceText(SEED.read_text(encoding="utf-8"), name=SEED.name))
    load_documents(fresh_store, [graph])
    before = counts(fresh_store)
    # Mark it unfinished, as an interrupted load leaves it, and load it again.
    doc = str(graph.identifier)
    nodes = fresh_store.read(statement("document_state"), {"doc": doc}).records()[0]["nodes"]
    assert doc in nodes and len(nodes) == before[0]["Resource"]  # the only document
    fresh_store.write([Statement(statement("begin_document"), {"doc": doc, "nodes": nodes})])
    report = load_documents(fresh_store, [graph])
    assert report.loaded == [str(graph.identifier)]
    assert counts(fresh_store) == before


def _groups(store: GraphStore) -> set[str]:
    return {r[0] for r in store.read("MATCH (g:Group) RETURN g.prefLabel").rows}


def test_reloading_a_changed_document_keeps_other_documents_facts(
    fresh_store: GraphStore, extractor: Extractor
) -> None:
    a1 = SourceText(
        "JNIM militants attacked an army base near Gao in Mali on 3 May 2024, killing 12 soldiers.",
        url="https://example.org/a",
    )
    b = SourceText(
        "Boko Haram and JNIM are both active in Niger, officials said.", url="https://example.org/b"
    )
    ingest_sources(fresh_store, extractor, [a1, b])
    assert {"Boko Haram", "Jama'at Nusrat al-Islam wal-Muslimin"} <= _groups(fresh_store)
    a2 = SourceText(
        "Al-Shabaab fighters attacked a checkpoint in Mogadishu, Somalia.",
        url="https://example.org/a",
    )
    report = ingest_sources(fresh_store, extractor, [a2])
    assert report.loaded == 1
    groups = _groups(fresh_store)
    assert "Al-Shabaab" in groups
    assert "Jama'at Nusrat al-Islam wal-Muslimin" in groups  # document b still says so
    places = {r[0] for r in fresh_store.read("MATCH (r:Region) RETURN r.prefLabel").rows}
    assert "Gao" not in places  # only the old version of a said that
    attacks = fresh_store.read("MATCH (a:Attack)-[:locatedIn]->(r) RETURN r.prefLabel").rows
    assert [r[0] for r in attacks] == ["Mogadishu"]


def test_data_survives_a_restart(tmp_path: Path, extractor: Extractor) -> None:
    settings = make_settings(tmp_path)
    db = EmbeddedFalkorDB(tmp_path).start()
    try:
        store = open_store(settings)
        ingest_files(store, extractor, [SEED])
        before = counts(store)
        store.close()
    finally:
        db.stop()
    assert not db.running()
    db = EmbeddedFalkorDB(tmp_path).start()
    try:
        store = open_store(settings)
        assert counts(store) == before
        store.close()
    finally:
        db.stop()


def test_aliases_from_two_documents_are_kept(fresh_store: GraphStore, extractor: Extractor) -> None:
    a = SourceText(
        "Fighters of Jama'at Nusrat al-Islam wal-Muslimin (JNIM) attacked Gao, Mali.",
        url="https://example.org/aliases-a",
    )
    b = SourceText(
        "GSIM militants ambushed a convoy near Kidal, Mali.", url="https://example.org/aliases-b"
    )
    ingest_sources(fresh_store, extractor, [a, b])
    rows = fresh_store.read(
        "MATCH (g:Group {uri: $uri}) RETURN g.altLabel, g.altLabel__lang",
        {"uri": "https://w3id.org/conflict-kg/id/group/jnim"},
    ).rows
    aliases, langs = rows[0]
    assert {"JNIM", "GSIM"} <= set(aliases)
    assert len(aliases) == len(set(aliases)) == len(langs)
