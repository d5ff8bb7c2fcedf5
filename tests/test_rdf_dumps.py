"""Dumps and dereferenceable IRIs over the real app: every format parses back with rdflib into a
graph isomorphic to the store's export; entity IRIs answer in JSON, Turtle and JSON-LD."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SKOS

from conflict_kg.settings import Settings
from graph_loader import GraphStore
from graph_loader.export import FORMATS, export_graph
from ontology.jsonld import jsonld_context
from ontology.namespace import CKG
from tests.test_roundtrip import assert_isomorphic


@pytest.fixture(scope="module")
def exported(sample_store: GraphStore) -> Graph:
    return export_graph(sample_store)


def parse(text: str, fmt: str) -> Graph:
    if fmt in ("trig", "nquads"):
        dataset = Dataset()
        dataset.parse(data=text, format=fmt)
        graph = Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
        return graph
    return Graph().parse(data=text, format=fmt)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_dump_by_format_parameter(http: httpx.Client, exported: Graph, fmt: str) -> None:
    r = http.get("/rdf", params={"format": fmt})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(FORMATS[fmt])
    assert_isomorphic(exported, parse(r.text, fmt))


@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "trig", "nt"])
def test_dump_by_accept_header(http: httpx.Client, exported: Graph, fmt: str) -> None:
    accept = f"text/html;q=0.5, {FORMATS[fmt]};q=0.9, application/xml;q=0.1"
    r = http.get("/rdf", headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(FORMATS[fmt])
    assert_isomorphic(exported, parse(r.text, fmt))


def test_trig_has_one_named_graph_per_document(http: httpx.Client, exported: Graph) -> None:
    dataset = Dataset()
    dataset.parse(data=http.get("/rdf", params={"format": "trig"}).text, format="trig")
    documents = set(exported.subjects(predicate=None, object=CKG.SourceDocument))
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert documents and documents <= names


def test_bad_format_is_a_problem(http: httpx.Client) -> None:
    r = http.get("/rdf", params={"format": "rdfxml"})
    assert r.status_code == 400 and "turtle" in r.json()["detail"]


def test_context_is_published(http: httpx.Client) -> None:
    r = http.get("/context.jsonld")
    assert r.headers["content-type"].startswith("application/ld+json")
    assert r.json()["@context"] == jsonld_context()


def test_entity_in_json_turtle_and_jsonld(
    http: httpx.Client, settings: Settings, exported: Graph
) -> None:
    jnim = URIRef(settings.base_iri + "group/jnim")
    body = http.get("/id/group/jnim").json()
    assert body["uri"] == str(jnim) and "Group" in body["types"]
    assert {n["predicate"] for n in body["outgoing"]} >= {"activeIn", "mentionedIn"}
    ttl = http.get("/id/group/jnim", headers={"Accept": "text/turtle"})
    assert ttl.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=ttl.text, format="turtle")
    own = {(p, o) for p, o in exported.predicate_objects(jnim)}
    assert own <= set(graph.predicate_objects(jnim))
    for region in exported.objects(jnim, CKG.activeIn):  # neighbours come with their labels
        assert graph.value(region, SKOS.prefLabel) == exported.value(region, SKOS.prefLabel)
    jsonld = http.get("/id/group/jnim", params={"format": "json-ld"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert set(Graph().parse(data=jsonld.text, format="json-ld")) == set(graph)


def test_unknown_entity_is_404(http: httpx.Client) -> None:
    r = http.get("/id/group/no-such-group-anywhere")
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "trig"])
def test_export_command(settings: Settings, exported: Graph, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"dump.{fmt}"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "conflict_kg.cli",
            "--data-dir",
            str(settings.data_dir),
            "--graph-url",
            "",
            "export",
            "--format",
            fmt,
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert_isomorphic(exported, parse(out.read_text(encoding="utf-8"), fmt))


def test_store_export_conforms_to_the_shapes(exported: Graph) -> None:
    from ontology.validation import validate

    violations = validate(exported)
    assert len(exported) > 1000 and not violations, "\n".join(map(str, violations[:20]))
