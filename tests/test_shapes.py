"""SHACL: every extraction conforms to ontology/shapes.ttl; broken graphs fail with messages a
person can act on; ``conflict-kg validate`` prints them and exits 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef

from conflict_kg.settings import Settings
from extractor import Extractor, SourceText, read_file
from ontology.namespace import CKG
from ontology.validation import validate
from tests.conftest import SEED

TEXTS = [
    "JNIM militants attacked an army base near Gao in Mali on 3 May 2024, killing at least 12 "
    "soldiers. The group later claimed responsibility for the attack.",
    "A suicide bomber killed 7 people at a market in Mogadishu, Somalia, in June. Al-Shabaab "
    "claimed the bombing. The African Union mission deployed reinforcements to the city.",
    "Boko Haram fighters abducted dozens of students in Borno State, Nigeria. Poverty and weak "
    "governance fuel the insurgency, analysts say. The EU announced sanctions.",
]


@pytest.fixture(scope="module")
def seed_graph(extractor: Extractor, settings: Settings) -> Graph:
    return extractor.extract(read_file(SEED, settings.max_document_bytes))


def test_seed_extraction_conforms(seed_graph: Graph) -> None:
    violations = validate(seed_graph)
    assert not violations, "\n".join(map(str, violations))


@pytest.mark.parametrize("text", TEXTS)
def test_other_extractions_conform(extractor: Extractor, text: str) -> None:
    graph = extractor.extract(SourceText(text, url=f"https://example.org/{hash(text)}"))
    assert len(graph) > 10
    violations = validate(graph)
    assert not violations, "\n".join(map(str, violations))


def test_every_dev_set_extraction_conforms(extractor: Extractor) -> None:
    lines = (Path(__file__).parent / "data" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    failures = []
    for line in lines:
        passage = json.loads(line)
        source = SourceText(passage["text"], url=f"{passage['source_url']}#{passage['id']}")
        failures += [f"{passage['id']}: {v}" for v in validate(extractor.extract(source))]
    assert len(lines) > 10
    assert not failures, "\n".join(failures[:30])


def test_fast_mode_reads_every_dev_passage_into_conforming_rdf(settings: Settings) -> None:
    """Without the parser no rule may walk the (absent) tree: spaCy crashes on it."""
    fast = Extractor(
        settings.spacy_model, settings.base_iri, settings.max_document_bytes, fast=True
    )
    lines = (Path(__file__).parent / "data" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    sources = [SourceText(json.loads(line)["text"], name=str(i)) for i, line in enumerate(lines)]
    failures = [str(v) for graph in fast.extract_many(sources) for v in validate(graph)]
    assert not failures, "\n".join(failures[:30])


def _copy(graph: Graph) -> Graph:
    out = Graph()
    for triple in graph:
        out.add(triple)
    return out


def test_response_without_respondent_fails_readably(seed_graph: Graph) -> None:
    broken = _copy(seed_graph)
    response = next(iter(sorted(broken.subjects(RDF.type, CKG.Response))))
    broken.remove((response, CKG.respondent, None))
    violations = validate(broken)
    assert [v.focus for v in violations] == [str(response)]
    text = str(violations[0])
    assert "Response" in text and "ckg:respondent" in text and "at least one" in text


def test_attack_located_in_a_non_region_fails_readably(seed_graph: Graph) -> None:
    broken = _copy(seed_graph)
    attack = next(iter(sorted(broken.subjects(RDF.type, CKG.Attack))))
    group = next(iter(sorted(broken.subjects(RDF.type, CKG.Group))))
    broken.remove((attack, CKG.locatedIn, None))
    broken.add((attack, CKG.locatedIn, group))
    violations = validate(broken)
    assert violations and all(v.focus == str(attack) for v in violations)
    text = "\n".join(map(str, violations))
    assert "ckg:locatedIn" in text and "ckg:Region" in text and str(group) in text


def test_country_without_codes_and_evidence_without_document_fail(seed_graph: Graph) -> None:
    broken = _copy(seed_graph)
    country = next(
        r
        for r in sorted(broken.subjects(RDF.type, CKG.Region))
        if str(broken.value(r, CKG.regionType)) == "country"
    )
    broken.remove((country, CKG.iso3166, None))
    evidence = next(iter(sorted(broken.subjects(RDF.type, CKG.Evidence))))
    broken.remove((evidence, CKG.statedIn, None))
    messages = {v.focus: v.message for v in validate(broken)}
    assert "ISO 3166" in messages[str(country)]
    assert "statedIn" in messages[str(evidence)]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "conflict_kg.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_validate_command(seed_graph: Graph, tmp_path: Path) -> None:
    good = tmp_path / "good.ttl"
    seed_graph.serialize(good, format="turtle")
    ok = _cli("validate", str(good))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "conforms" in ok.stdout
    broken = _copy(seed_graph)
    response = next(iter(sorted(broken.subjects(RDF.type, CKG.Response))))
    broken.remove((response, CKG.respondent, None))
    bad = tmp_path / "bad.nt"
    broken.serialize(bad, format="nt")
    out = _cli("validate", str(bad))
    assert out.returncode == 1
    assert f"Response {response}" in out.stdout and "ckg:respondent" in out.stdout
    assert "1 violation(s)" in out.stdout
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle", encoding="utf-8")
    err = _cli("validate", str(garbage))
    assert err.returncode == 2 and "not valid turtle" in err.stderr


def test_unknown_concept_fails(seed_graph: Graph) -> None:
    broken = _copy(seed_graph)
    response = next(iter(sorted(broken.subjects(RDF.type, CKG.Response))))
    broken.set(
        (
            response,
            CKG.responseType,
            URIRef("https://w3id.org/conflict-kg/concept/response-kind-prayer"),
        )
    )
    text = "\n".join(map(str, validate(broken)))
    assert "cpt:response-kinds" in text
