"""The closed vocabulary the property graph is written in: local names <-> full IRIs.

The property graph names labels, relationship types and property keys by local name
(``Group``, ``activeIn``, ``prefLabel``), like neosemantics' ``handleVocabUris: IGNORE``.
This table makes that naming reversible, and refuses terms from outside the ontology, so a
label or type is never spliced into Cypher unless it is one of ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import OWL, RDF, RDFS, XSD, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from ontology.namespace import CKG

#: Terms of other vocabularies the extractor may use, with the datatype of their values.
EXTERNAL_TERMS: dict[URIRef, URIRef | None] = {
    SKOS.prefLabel: None,
    SKOS.altLabel: None,
    RDFS.label: None,
    DCTERMS.title: None,
    DCTERMS.source: XSD.anyURI,
    DCTERMS.issued: XSD.date,
    RDF.subject: None,
    RDF.predicate: None,
    RDF.object: None,
}

#: Predicates whose values are stored as a list even when there is only one.
MULTI_VALUED: frozenset[URIRef] = frozenset({SKOS.altLabel})

#: Predicates whose object is an IRI that names a term, stored as a string property.
IRI_VALUED: frozenset[URIRef] = frozenset({RDF.predicate})


@dataclass(frozen=True)
class Vocabulary:
    """Classes, object properties and datatype properties known by local name."""

    classes: dict[str, URIRef]
    object_properties: dict[str, URIRef]
    datatype_properties: dict[str, URIRef]
    ranges: dict[URIRef, URIRef]

    def class_iri(self, label: str) -> URIRef:
        """Full IRI of a node label."""
        return self.classes[label]

    def predicate_iri(self, key: str) -> URIRef:
        """Full IRI of a relationship type or property key."""
        return self.object_properties.get(key) or self.datatype_properties[key]


def local_name(iri: URIRef) -> str:
    """The part of an IRI after its last '#' or '/'."""
    text = str(iri)
    return text[max(text.rfind("#"), text.rfind("/")) + 1 :]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary of ``ontology/conflict.ttl`` plus the external terms we use."""
    from ontology import ONTOLOGY_FILE

    g = Graph().parse(ONTOLOGY_FILE)
    ns = str(CKG._NS)
    classes = {
        local_name(c): c
        for c in g.subjects(RDF.type, OWL.Class)
        if isinstance(c, URIRef) and str(c).startswith(ns)
    }
    objects = {
        local_name(p): p
        for p in g.subjects(RDF.type, OWL.ObjectProperty)
        if isinstance(p, URIRef) and str(p).startswith(ns)
    }
    datas = {
        local_name(p): p
        for p in g.subjects(RDF.type, OWL.DatatypeProperty)
        if isinstance(p, URIRef) and str(p).startswith(ns)
    }
    ranges = {
        p: r
        for p, r in g.subject_objects(RDFS.range)
        if isinstance(p, URIRef) and isinstance(r, URIRef)
    }
    for term, datatype in EXTERNAL_TERMS.items():
        if term in (RDF.subject, RDF.object):
            objects[local_name(term)] = term
        else:
            datas[local_name(term)] = term
            if datatype is not None:
                ranges[term] = datatype
    return Vocabulary(classes, objects, datas, ranges)
