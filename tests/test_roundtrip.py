"""Round trip: what the loader wrote into the real embedded FalkorDB exports back as RDF
isomorphic to what was loaded."""

from __future__ import annotations

from rdflib import Dataset, Graph
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
    raise AssertionError(f"{len(only_expected)} triples lost, {len(only_actual)} gained:\n"
                         + "\n".join(lines))  # fmt: skip


def test_seed_round_trips(fresh_store: GraphStore, extractor: Extractor, settings: Settings
                          ) -> None:  # fmt: skip
    loaded = extractor.extract(read_file(SEED, settings.max_document_bytes))
    load_documents(fresh_store, [loaded])
    assert_isomorphic(loaded, export_graph(fresh_store))


def test_named_graphs_give_back_each_document(fresh_store: GraphStore, extractor: Extractor
                                              ) -> None:  # fmt: skip
    texts = ["Al-Shabaab fighters attacked a checkpoint in Mogadishu, Somalia, killing 4 soldiers.",
             "JNIM militants ambushed a convoy near Gao in Mali."]  # fmt: skip
    docs = [extractor.extract(SourceText(t, url=f"https://example.org/{i}"))
            for i, t in enumerate(texts)]  # fmt: skip
    load_documents(fresh_store, docs)
    dataset = Dataset()
    dataset.parse(data="".join(serialize(iter_descriptions(fresh_store, page_size=7), "trig")),
                  format="trig")  # fmt: skip
    for doc in docs:
        assert_isomorphic(doc, dataset.graph(doc.identifier))
