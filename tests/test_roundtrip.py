"""Round trip: what the loader wrote into the real embedded FalkorDB exports back as RDF
isomorphic to what was loaded."""

from __future__ import annotations

from rdflib import Dataset, Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from conflict_kg.settings import Settings
from extractor import Extractor, SourceText, read_file
from graph_loader import GraphStore, load_documents
from graph_loader.export import export_graph, iter_descriptions, serialize
from tests.conftest import SEED


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    if isomorphic(expected, actual):
        return
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = [f"- {t}" for t in sorted(only_expected)[:20]]
    lines += [f"+ {t}" for t in sorted(only_actual)[:20]]
    raise AssertionError(
        f"{len(only_expected)} triples lost, {len(only_actual)} gained:\n" + "\n".join(lines)
    )


def test_seed_round_trips(
    fresh_store: GraphStore, extractor: Extractor, settings: Settings
) -> None:
    loaded = extractor.extract(read_file(SEED, settings.max_document_bytes))
    load_documents(fresh_store, [loaded])
    assert_isomorphic(loaded, export_graph(fresh_store))


def test_documents_sharing_entities_round_trip(
    fresh_store: GraphStore, extractor: Extractor
) -> None:
    texts = [
        "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) attacked soldiers in Gao, Mali, "
        "killing 4 of them.",
        "GSIM militants, also called JNIM, ambushed a convoy near Mopti in Mali.",
        "Al-Shabaab fighters attacked a checkpoint in Mogadishu, Somalia.",
    ]
    docs = [
        extractor.extract(SourceText(t, url=f"https://example.org/{i}"))
        for i, t in enumerate(texts)
    ]
    load_documents(fresh_store, docs)
    union = Graph()
    for doc in docs:
        for triple in doc:
            union.add(triple)
    assert_isomorphic(union, export_graph(fresh_store))
    dataset = Dataset()
    dataset.parse(
        data="".join(serialize(iter_descriptions(fresh_store, page_size=7), "trig")), format="trig"
    )
    # Each document's named graph holds all it asserted. The store keeps sources per node and per
    # relationship, not per literal value, so a shared node's literals (JNIM's altLabels from
    # either document) appear in every graph asserting that node; nothing else is added.
    for doc in docs:
        named = dataset.graph(doc.identifier)
        assert set(doc) <= set(named), set(doc) - set(named)
        extra = set(named) - set(doc)
        assert all(isinstance(o, Literal) and s in set(doc.subjects()) for s, _, o in extra), extra
