"""The JSON-LD ``@context`` of conflict-kg: the ontology's prefixes plus one term per class and
property, named by its local name (the names the property graph uses). Served at
``GET /context.jsonld`` and embedded in JSON-LD dumps, so a dump parses offline."""

from __future__ import annotations

from functools import cache
from typing import Any

from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from ontology.namespace import CKG, CPT
from ontology.vocabulary import vocabulary

PREFIXES: dict[str, str] = {
    "ckg": str(CKG._NS),
    "cpt": str(CPT),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "prov": str(PROV),
}


@cache
def jsonld_context() -> dict[str, Any]:
    """The ``@context`` object (without the enclosing ``{"@context": ...}``)."""
    vocab = vocabulary()
    context: dict[str, Any] = dict(PREFIXES)
    for name, iri in sorted(vocab.classes.items()):
        context[name] = str(iri)
    for name, iri in sorted(vocab.object_properties.items()):
        context[name] = {"@id": str(iri), "@type": "@id"}
    for name, iri in sorted(vocab.datatype_properties.items()):
        context[name] = str(iri)
    return context
