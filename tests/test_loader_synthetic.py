"""The loader on synthetic corpora against the real embedded FalkorDB: idempotent at 1,000
documents, a changed document leaves exactly the graph a fresh load would, tallies add up,
the schema is idempotent, and the server runs with the durability settings and query guards."""

from __future__ import annotations

from collections import Counter
from typing import Any

import redis

from conflict_kg.ingest import ingest_sources
from extractor import Extractor, SourceText
from graph_loader import GraphStore, Statement, load_documents
from graph_loader.cypher import statement
from graph_loader.embedded import MODULE_ARGS, EmbeddedFalkorDB
from graph_loader.synthetic import synthetic_documents


def counts(store: GraphStore) -> tuple[dict[str, int], dict[str, int]]:
    nodes = dict(store.read(statement("counts_nodes")).rows)
    rels = dict(store.read(statement("counts_relationships")).rows)
    return nodes, rels


def snapshot(store: GraphStore) -> tuple[Counter[Any], Counter[Any]]:
    """Nodes and relationships (with sorted sources) as multisets; small graphs only."""
    nodes = Counter(
        (
            uri,
            tuple(sorted(labels)),
            tuple(
                sorted(
                    (
                        k,
                        tuple(sorted(v))
                        if k in ("_sources", "_nodes")
                        else tuple(v)
                        if isinstance(v, list)
                        else v,
                    )
                    for k, v in props.items()
                )
            ),
        )
        for uri, labels, props in store.read(
            "MATCH (n) RETURN n.uri, labels(n), properties(n)"
        ).rows
    )
    rels = Counter(
        (a, t, b, tuple(sorted(s)))
        for a, t, b, s in store.read(
            "MATCH (a)-[r]->(b) RETURN a.uri, type(r), b.uri, r._sources"
        ).rows
    )
    return nodes, rels


def test_loading_1000_synthetic_documents_twice_changes_nothing(fresh_store: GraphStore) -> None:
    fresh_store.ensure_schema()
    first = load_documents(fresh_store, synthetic_documents(1000, 40, seed=11))
    assert len(first.loaded) == 1000
    before = counts(fresh_store)
    assert before[0]["SourceDocument"] == 1000
    assert first.nodes.created == before[0]["Resource"]
    assert first.relationships.created == sum(before[1].values())
    again = load_documents(fresh_store, synthetic_documents(1000, 40, seed=11))
    assert len(again.unchanged) == 1000 and not again.loaded
    assert counts(fresh_store) == before


def test_a_changed_document_leaves_the_graph_a_fresh_load_would(fresh_store: GraphStore) -> None:
    old = list(synthetic_documents(30, 120, seed=5))
    new = list(synthetic_documents(30, 120, seed=5, revision=1))
    final = old[:10] + new[10:20] + old[20:]  # documents 10-19 change
    load_documents(fresh_store, old)
    report = load_documents(fresh_store, final)
    assert len(report.loaded) == 10 and len(report.unchanged) == 20
    assert report.nodes.unchanged > 0 and report.nodes.created > 0
    reloaded = snapshot(fresh_store)
    fresh_store.clear()
    load_documents(fresh_store, final)
    fresh = snapshot(fresh_store)
    assert reloaded == fresh  # (shared entities are described alike by every document)


def test_an_interrupted_changed_document_is_redone(fresh_store: GraphStore) -> None:
    old = list(synthetic_documents(3, 100, seed=8))
    new = list(synthetic_documents(3, 100, seed=8, revision=1))
    load_documents(fresh_store, old)
    doc = str(new[1].identifier)
    state = fresh_store.read(statement("document_state"), {"doc": doc}).records()[0]
    # What an interrupted load of the new version leaves: marked unfinished, new nodes recorded.
    from graph_loader.mapping import to_property_graph

    new_nodes = sorted(set(state["nodes"]) | set(to_property_graph(new[1]).nodes))
    fresh_store.write([Statement(statement("begin_document"), {"doc": doc, "nodes": new_nodes})])
    load_documents(fresh_store, [old[0], new[1], old[2]])
    redone = snapshot(fresh_store)
    fresh_store.clear()
    load_documents(fresh_store, [old[0], new[1], old[2]])
    assert redone[1] == snapshot(fresh_store)[1]


def test_same_text_under_another_name_is_a_duplicate(
    fresh_store: GraphStore, extractor: Extractor
) -> None:
    text = "JNIM militants attacked a convoy near Gao in Mali."
    report = ingest_sources(
        fresh_store,
        extractor,
        [
            SourceText(text, url="https://example.org/one"),
            SourceText(text, url="https://example.org/two"),
        ],
    )
    assert (report.loaded, report.duplicates, report.errors) == (1, 1, [])
    assert counts(fresh_store)[0]["SourceDocument"] == 1


def test_schema_is_idempotent(fresh_store: GraphStore) -> None:
    for _ in range(2):
        fresh_store.ensure_schema()
    indexes = fresh_store.read("CALL db.indexes() YIELD label, properties").rows
    keys = {(label, key) for label, props in indexes for key in props}
    assert {("Resource", "uri"), ("Resource", "prefLabel"), ("Resource", "contentHash")} <= keys
    constraints = fresh_store.read("CALL db.constraints() YIELD type, label, properties").rows
    assert ["UNIQUE", "Resource", ["uri"]] in constraints


def test_the_server_runs_with_the_chosen_durability_and_query_guards(
    server: EmbeddedFalkorDB,
) -> None:
    client = redis.Redis(unix_socket_path=server.socket_path, decode_responses=True)
    try:
        for name, value in MODULE_ARGS.items():
            assert client.execute_command("GRAPH.CONFIG", "GET", name) == [name, int(value)]
        config = client.config_get("append*")
        assert (config["appendonly"], config["appendfsync"]) == ("yes", "everysec")
        assert client.config_get("aof-load-truncated")["aof-load-truncated"] == "yes"
    finally:
        client.close()


def test_a_document_loaded_before_node_lists_were_recorded_is_still_replaced(
    fresh_store: GraphStore,
) -> None:
    old = list(synthetic_documents(3, 100, seed=9))
    new = list(synthetic_documents(3, 100, seed=9, revision=1))
    load_documents(fresh_store, old)
    fresh_store.write([Statement("MATCH (d:SourceDocument) REMOVE d._nodes")])  # as loaded by 0.1
    load_documents(fresh_store, [old[0], new[1], old[2]])
    replaced = snapshot(fresh_store)
    fresh_store.clear()
    load_documents(fresh_store, [old[0], new[1], old[2]])
    assert replaced[1] == snapshot(fresh_store)[1]
