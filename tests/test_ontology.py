"""The ontology itself: OWL terms documented and versioned, the closed namespace in step with
it, the concept schemes covering every notation the extractor writes, the JSON-LD context."""

from __future__ import annotations

import json

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from extractor.attacks import TRIGGERS
from extractor.data import __name__ as data_package
from ontology import ONTOLOGY_FILE, SCHEMES_FILE
from ontology.concepts import ACTOR_TYPE, EVENT_TYPE, FACTOR, RESPONSE_KIND, notations
from ontology.jsonld import jsonld_context
from ontology.namespace import CKG
from ontology.vocabulary import vocabulary

ONTOLOGY = URIRef("https://w3id.org/conflict-kg/ontology")
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def _graph() -> Graph:
    return Graph().parse(ONTOLOGY_FILE)


def _data(name: str) -> dict:
    from importlib.resources import files

    return json.loads((files(data_package) / name).read_text(encoding="utf-8"))


def test_ontology_is_versioned_owl() -> None:
    g = _graph()
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in g
    version = g.value(ONTOLOGY, OWL.versionIRI)
    assert version is not None and str(version).endswith(str(g.value(ONTOLOGY, OWL.versionInfo)))


def test_every_term_has_an_english_label_and_comment() -> None:
    g = _graph()
    terms = {s for t in TERM_TYPES for s in g.subjects(RDF.type, t) if isinstance(s, URIRef)}
    assert len(terms) > 40

    def english(term: URIRef, prop: URIRef) -> bool:
        return any(getattr(v, "language", None) == "en" for v in g.objects(term, prop))

    missing = [str(t) for t in terms if not english(t, RDFS.label) or not english(t, RDFS.comment)]
    assert not missing, missing


def test_namespace_and_ontology_define_the_same_terms() -> None:
    g = _graph()
    ns = str(CKG._NS)
    defined = {
        str(s)[len(ns) :]
        for t in TERM_TYPES
        for s in g.subjects(RDF.type, t)
        if str(s).startswith(ns)
    }
    declared = set(CKG.__annotations__)
    assert defined == declared, defined ^ declared


def test_local_names_are_unique_across_the_vocabulary() -> None:
    vocab = vocabulary()
    names = list(vocab.object_properties) + list(vocab.datatype_properties)
    assert len(names) == len(set(names))


def test_concept_schemes_cover_every_notation_the_extractor_writes() -> None:
    lexicon = _data("lexicon.json")
    gazetteer = _data("gazetteer.json")
    actor_types = {
        e["actor_type"]
        for section in gazetteer.values()
        if isinstance(section, list)
        for e in section
        if isinstance(e, dict) and e.get("actor_type")
    }
    expected = {
        EVENT_TYPE: {t for t in TRIGGERS.values() if t} | {"attack", "armed-clash"},
        RESPONSE_KIND: set(lexicon["response_kinds"]) | {"other"},
        FACTOR: set(lexicon["factors"]),
        ACTOR_TYPE: actor_types,
    }
    for scheme, wanted in expected.items():
        missing = wanted - notations(scheme)
        assert not missing, f"add {sorted(missing)} to ontology/schemes.ttl ({scheme})"


def test_acled_hierarchy_and_no_terrorist_type() -> None:
    g = Graph().parse(SCHEMES_FILE)
    cpt = "https://w3id.org/conflict-kg/concept/"
    assert (
        URIRef(cpt + "event-type-remote-explosive"),
        SKOS.broader,
        URIRef(cpt + "event-type-explosions-remote-violence"),
    ) in g
    assert (
        URIRef(cpt + "event-type-armed-clash"),
        SKOS.broader,
        URIRef(cpt + "event-type-battles"),
    ) in g
    labels = {str(label).lower() for label in g.objects(None, SKOS.prefLabel)}
    assert not any("terror" in label for label in labels)
    for concept in g.subjects(RDF.type, SKOS.Concept):
        assert g.value(concept, SKOS.prefLabel) is not None and g.value(concept, SKOS.inScheme)


def test_jsonld_context_names_every_term() -> None:
    vocab = vocabulary()
    context = jsonld_context()
    for name, iri in {**vocab.classes, **vocab.datatype_properties}.items():
        assert context[name] == str(iri)
    for name, iri in vocab.object_properties.items():
        assert context[name] == {"@id": str(iri), "@type": "@id"}
