"""Facts -> RDF in the conflict-kg ontology, one named graph per source document.

Provenance is kept by reification: every edge, and every mention of an entity, gets a
``ckg:Evidence`` resource (an ``rdf:Statement``) that names the statement (``rdf:subject``,
``rdf:predicate``, ``rdf:object``), the document it was ``ckg:statedIn``, the sentence, its
character span, the rule or model that read it and a confidence. Reification was chosen over
RDF-star and over named graphs per fact because it is plain RDF 1.1: every store, serialiser
and property-graph mapping (neosemantics included) keeps it, and a statement read twice gets
two Evidence resources instead of one graph per sentence.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from extractor.document import SourceText
from extractor.facts import Evidence, Facts, Node
from extractor.gazetteer import Gazetteer
from ontology.iris import digest
from ontology.namespace import CKG

_PROPS: dict[str, URIRef] = {
    "attackType": CKG.attackType, "eventType": CKG.eventType, "dateText": CKG.dateText,
    "date": CKG.date, "killed": CKG.killed, "killedText": CKG.killedText,
    "wounded": CKG.wounded, "targetType": CKG.targetType, "responseKind": CKG.responseKind,
}  # fmt: skip


def document_iri(base: str, source: SourceText) -> URIRef:
    """The IRI of a source document: a digest of its identity under ``{base}document/``."""
    return URIRef(f"{base}document/{digest(source.identity)}")


def to_rdf(facts: Facts, source: SourceText, gazetteer: Gazetteer, base: str) -> Graph:
    """The document's facts as a graph whose identifier is the document's IRI."""
    doc = document_iri(base, source)
    g = Graph(identifier=doc)
    g.bind("ckg", str(CKG._NS))
    g.bind("skos", str(SKOS))
    g.bind("dcterms", str(DCTERMS))
    g.add((doc, RDF.type, CKG.SourceDocument))
    g.add((doc, CKG.contentHash, Literal(source.content_hash)))
    if source.title:
        g.add((doc, DCTERMS.title, Literal(source.title)))
    if source.url:
        g.add((doc, DCTERMS.source, Literal(source.url, datatype=XSD.anyURI)))
    if source.published:
        g.add((doc, DCTERMS.issued, Literal(source.published, datatype=XSD.date)))
    for node in facts.nodes.values():
        _node(g, node, doc, gazetteer, base, source.language)
    for edge in facts.edges.values():
        s, o = URIRef(base + edge.src), URIRef(base + edge.dst)
        p = getattr(CKG, edge.pred)
        g.add((s, p, o))
        _evidence(g, doc, s, p, o, edge.evidence)
    return g


def _node(g: Graph, node: Node, doc: URIRef, gazetteer: Gazetteer, base: str, lang: str) -> None:
    iri = URIRef(base + node.key)
    for kind in (node.kind, *sorted(node.also)):
        g.add((iri, RDF.type, getattr(CKG, kind)))
    if node.label:
        g.add((iri, SKOS.prefLabel, Literal(node.label, lang="en")))
    for alias in sorted(node.aliases - {node.label}):
        g.add((iri, SKOS.altLabel, Literal(alias, lang=lang)))
    g.add((iri, CKG.mentionedIn, doc))
    for key, value in node.props.items():
        g.add((iri, _PROPS[key], _literal(value)))
    entry = gazetteer.entries.get(node.key)
    if entry is not None:
        for prop, value in ((CKG.regionType, entry.region_type), (CKG.iso3166, entry.iso3166),
                            (CKG.geonamesId, entry.geonames_id),
                            (CKG.actorType, entry.actor_type)):  # fmt: skip
            if value:
                g.add((iri, prop, Literal(value)))
    elif node.kind == "Region":
        g.add((iri, CKG.regionType, Literal("other")))
    for ev in node.evidence:
        _evidence(g, doc, iri, CKG.mentionedIn, doc, ev)


def _literal(value: object) -> Literal:
    if isinstance(value, date):
        return Literal(value, datatype=XSD.date)
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    return Literal(str(value))


def _evidence(g: Graph, doc: URIRef, s: URIRef, p: URIRef, o: URIRef, ev: Evidence) -> None:
    iri = URIRef(f"{doc}/evidence/{digest(str(s), str(p), str(o), str(ev.start), ev.rule)}")
    g.add((iri, RDF.type, CKG.Evidence))
    g.add((iri, RDF.subject, s))
    g.add((iri, RDF.predicate, p))
    g.add((iri, RDF.object, o))
    g.add((iri, CKG.statedIn, doc))
    g.add((iri, CKG.sentence, Literal(ev.sentence)))
    g.add((iri, CKG.charStart, Literal(ev.start, datatype=XSD.integer)))
    g.add((iri, CKG.charEnd, Literal(ev.end, datatype=XSD.integer)))
    g.add((iri, CKG.extractedBy, Literal(ev.rule)))
    g.add((iri, CKG.confidence, Literal(Decimal(str(ev.confidence)), datatype=XSD.decimal)))
