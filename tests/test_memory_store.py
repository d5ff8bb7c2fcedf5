"""The per-document store answers exactly as rdflib's SimpleMemory does."""

from __future__ import annotations

from itertools import product

from rdflib import Graph
from rdflib.plugins.stores.memory import SimpleMemory

from conflict_kg.ingest import sample_files
from extractor import Extractor, SourceText
from extractor.memory_store import QuickAddMemory


def _both(extracted: Graph) -> tuple[Graph, Graph]:
    quick = Graph(store=QuickAddMemory(), identifier=extracted.identifier)
    simple = Graph(store=SimpleMemory(), identifier=extracted.identifier)
    for triple in extracted:
        quick.add(triple)
        simple.add(triple)
    return quick, simple


def test_an_extracted_graph_answers_every_pattern_as_in_simple_memory(
    extractor: Extractor,
) -> None:
    article = sample_files()[0]
    extracted = extractor.extract(SourceText(article.read_text(encoding="utf-8"), name="sample"))
    assert isinstance(extracted.store, QuickAddMemory)
    quick, simple = _both(extracted)
    assert len(quick) == len(simple) == len(extracted) == len(set(simple)) > 300
    assert set(quick) == set(simple)
    sample = list(simple)[::7]
    for s, p, o in sample:
        for pattern in product((s, None), (p, None), (o, None)):
            assert sorted(quick.triples(pattern)) == sorted(simple.triples(pattern)), pattern


def test_adding_a_triple_twice_and_removing_keep_the_count_right(extractor: Extractor) -> None:
    extracted = extractor.extract(SourceText("JNIM attacked a military base in Boulkessi, Mali."))
    quick, simple = _both(extracted)
    first = next(iter(simple))
    quick.add(first)
    assert len(quick) == len(simple)
    for graph in (quick, simple):
        graph.remove((first[0], None, None))
    assert len(quick) == len(simple) == len(set(simple))
    assert set(quick) == set(simple)
    assert set(Graph().parse(data=quick.serialize(format="nt"), format="nt")) == set(simple)
