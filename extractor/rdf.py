"""Facts -> RDF in the conflict-kg ontology, one named graph per source document.

Provenance is kept by reification: every edge, and every mention of an entity, gets a
``ckg:Evidence`` resource (an ``rdf:Statement``) that names the statement (``rdf:subject``,
``rdf:predicate``, ``rdf:object``), the document it was ``ckg:statedIn``, the sentence, its
character span, the rule or model that read it and a confidence. Reification was chosen over
RDF-star and over named graphs per fact because it is plain RDF 1.1: every store, serialiser
and property-graph mapping (neosemantics included) keeps it, and a statement read twice gets
two Evidence resources instead of one graph per sentence.

Typologies are linked as SKOS concepts (``ckg:subEventType``, ``ckg:responseType``,
``ckg:factorType``, ``ckg:actorCategory``) next to the notation strings; countries and towns link
their GeoNames feature; each casualty figure is a ``ckg:CasualtyFigure`` with its own evidence;
attacks and responses record the precision of their date and place.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import lru_cache

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from extractor.document import SourceText
from extractor.facts import Evidence, Facts, Node
from extractor.gazetteer import Gazetteer
from extractor.memory_store import QuickAddMemory
from ontology.concepts import ACTOR_TYPE, EVENT_TYPE, FACTOR, RESPONSE_KIND, concept_iri
from ontology.iris import digest
from ontology.namespace import CKG, GEONAMES

_PROPS: dict[str, URIRef] = {
    "attackType": CKG.attackType,
    "eventType": CKG.eventType,
    "dateText": CKG.dateText,
    "date": CKG.date,
    "killed": CKG.killed,
    "killedText": CKG.killedText,
    "wounded": CKG.wounded,
    "targetType": CKG.targetType,
    "responseKind": CKG.responseKind,
}
#: Literal property -> (concept scheme, object property linking the concept).
_CONCEPTS: dict[URIRef, tuple[str, URIRef]] = {
    CKG.eventType: (EVENT_TYPE, CKG.subEventType),
    CKG.responseKind: (RESPONSE_KIND, CKG.responseType),
    CKG.actorType: (ACTOR_TYPE, CKG.actorCategory),
}
_HEDGED = re.compile(
    r"\b(at least|more than|over|some|about|around|nearly|up to|an estimated|"
    r"dozens|dozen|scores|hundreds)\b",
    re.I,
)
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
_DAY = re.compile(
    r"\b(\d{1,2}(st|nd|rd|th)?\b(?!\d)|today|yesterday|tonight|last night|"
    r"(mon|tues|wednes|thurs|fri|satur|sun)day)",
    re.I,
)
_PLACE_PRECISION = {
    "town": "town",
    "subdivision": "subdivision",
    "country": "country",
    "macro-region": "macro-region",
}


def document_iri(base: str, source: SourceText) -> URIRef:
    """The IRI of a source document: a digest of its identity under ``{base}document/``."""
    return URIRef(f"{base}document/{digest(source.identity)}")


def to_rdf(facts: Facts, source: SourceText, gazetteer: Gazetteer, base: str) -> Graph:
    """The document's facts as a graph whose identifier is the document's IRI."""
    doc = document_iri(base, source)
    # no context indexes (faster adds); only the core prefixes plus ours, not rdflib's ~30
    g = Graph(store=QuickAddMemory(), identifier=doc, bind_namespaces="core")
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
    evidence = EvidenceWriter(doc)
    for node in facts.nodes.values():
        _node(g, evidence, node, doc, gazetteer, base, source.language)
    for edge in facts.edges.values():
        s, o, p = _iri(base, edge.src), _iri(base, edge.dst), _predicate(edge.pred)
        g.add((s, p, o))
        evidence.add(s, p, o, edge.evidence)
    evidence.write(g)
    _place_precision(g)
    return g


def _node(
    g: Graph,
    evidence: EvidenceWriter,
    node: Node,
    doc: URIRef,
    gazetteer: Gazetteer,
    base: str,
    lang: str,
) -> None:
    iri = _iri(base, node.key)
    for kind in (node.kind, *sorted(node.also)):
        g.add((iri, _TYPE, _predicate(kind)))
    if node.label:
        g.add((iri, _PREF_LABEL, Literal(node.label, lang="en")))
    for alias in sorted(node.aliases - {node.label}):
        g.add((iri, _ALT_LABEL, Literal(alias, lang=lang)))
    g.add((iri, _MENTIONED_IN, doc))
    for key, value in node.props.items():
        _add(g, iri, _PROPS[key], _literal(value))
    entry = gazetteer.entries.get(node.key)
    if entry is not None:
        for prop, attribute in _ENTRY_PROPS:
            value = getattr(entry, attribute)
            if value:
                _add(g, iri, prop, Literal(value))
        if entry.geonames_id:
            g.add((iri, _GEONAMES_FEATURE, GEONAMES[f"{entry.geonames_id}/"]))
    elif node.kind == "Region":
        g.add((iri, _REGION_TYPE, Literal("other")))
    if node.kind == "Factor":
        g.add((iri, _FACTOR_TYPE, concept_iri(FACTOR, node.key.split("/", 1)[1])))
    if node.kind == "Attack":
        _casualty_figures(g, evidence, doc, iri, node)
        _date_precision(g, iri, node.props.get("dateText"), node.props.get("date"))
    for ev in node.evidence:
        evidence.add(iri, _MENTIONED_IN, doc, ev)


def _add(g: Graph, iri: URIRef, prop: URIRef, value: Literal) -> None:
    """Add a literal property and, for a typology notation, the link to its SKOS concept."""
    g.add((iri, prop, value))
    if prop in _CONCEPTS:
        scheme, link = _CONCEPTS[prop]
        g.add((iri, link, concept_iri(scheme, str(value))))


def _casualty_figures(
    g: Graph, evidence: EvidenceWriter, doc: URIRef, attack: URIRef, node: Node
) -> None:
    """Each reported figure as a ckg:CasualtyFigure with its phrase, bounds and evidence."""
    for kind, text_key in (("killed", "killedText"), ("wounded", None)):
        low = node.props.get(kind)
        if low is None:
            continue
        text = str(node.props.get(text_key) or low) if text_key else str(low)
        figure = URIRef(f"{attack}/{kind}/{digest(str(doc), text, str(low))}")
        g.add((attack, CKG.casualtyFigure, figure))
        g.add((figure, RDF.type, CKG.CasualtyFigure))
        g.add((figure, CKG.casualtyKind, Literal(kind)))
        g.add((figure, CKG.figureLow, Literal(low, datatype=XSD.integer)))
        g.add((figure, CKG.figureText, Literal(text)))
        if not _HEDGED.search(text):
            g.add((figure, CKG.figureHigh, Literal(low, datatype=XSD.integer)))
            if kind == "killed":
                g.add((attack, CKG.killedHigh, Literal(low, datatype=XSD.integer)))
        said = [e for e in node.evidence if text in e.sentence] or node.evidence[:1]
        for ev in said:
            evidence.add(attack, CKG.casualtyFigure, figure, ev)


def _date_precision(g: Graph, iri: URIRef, text: object, when: object) -> None:
    """day / week / month / year, as ACLED's time_precision, from the date phrase."""
    if when is None or text is None:
        return
    phrase = str(text)
    if "week" in phrase.lower():
        precision = "week"
    elif _DAY.search(phrase):
        precision = "day"
    elif _MONTH.search(phrase):
        precision = "month"
    else:
        precision = "year"
    g.add((iri, CKG.datePrecision, Literal(precision)))


def _place_precision(g: Graph) -> None:
    """The precision of each located event's most precise place, as ACLED's geo_precision."""
    order = list(_PLACE_PRECISION)
    located_in = CKG.locatedIn
    for event in set(g.subjects(located_in, None)):
        types = [str(g.value(place, _REGION_TYPE)) for place in g.objects(event, located_in)]
        known = sorted((t for t in types if t in _PLACE_PRECISION), key=order.index)
        if known:
            g.add((event, CKG.placePrecision, Literal(_PLACE_PRECISION[known[0]])))


def _literal(value: object) -> Literal:
    if isinstance(value, date):
        return Literal(value, datatype=XSD.date)
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    return Literal(str(value))


class EvidenceWriter:
    """Collects the evidence of a document's statements, then writes each once: a statement read
    twice from the same span by the same rule is one Evidence, with the higher confidence."""

    def __init__(self, doc: URIRef) -> None:
        self.doc = doc
        self._pending: dict[tuple[URIRef, URIRef, URIRef, int, str], Evidence] = {}

    def add(self, s: URIRef, p: URIRef, o: URIRef, ev: Evidence) -> None:
        """Note the evidence for one statement."""
        key = (s, p, o, ev.start, ev.rule)
        old = self._pending.get(key)
        if old is None or ev.confidence > old.confidence:
            self._pending[key] = ev

    def write(self, g: Graph) -> None:
        """Add every Evidence resource to the graph."""
        doc = self.doc
        sentences: dict[str, Literal] = {}  # a sentence states many facts: one literal each
        for (s, p, o, start, rule), ev in self._pending.items():
            iri = URIRef(f"{doc}/evidence/{digest(str(s), str(p), str(o), str(start), rule)}")
            quads = [
                (iri, _TYPE, _EVIDENCE, g),
                (iri, _SUBJECT, s, g),
                (iri, _PREDICATE, p, g),
                (iri, _OBJECT, o, g),
                (iri, _STATED_IN, doc, g),
                (iri, _EXTRACTED_BY, _plain(rule), g),
                (iri, _CONFIDENCE, _decimal(ev.confidence), g),
            ]
            if ev.end > ev.start:  # background knowledge (the gazetteer's part-of) has no span
                sentence = sentences.get(ev.sentence)
                if sentence is None:
                    sentence = sentences[ev.sentence] = Literal(ev.sentence)
                quads += [
                    (iri, _SENTENCE, sentence, g),
                    (iri, _CHAR_START, _integer(ev.start), g),
                    (iri, _CHAR_END, _integer(ev.end), g),
                ]
            g.store.addN(quads)  # terms built here are valid: skip Graph.addN's checks


@lru_cache(maxsize=65536)
def _iri(base: str, key: str) -> URIRef:
    """An entity's IRI (entities recur across edges and documents: built once)."""
    return URIRef(base + key)


@lru_cache(maxsize=256)
def _predicate(name: str) -> URIRef:
    """An ontology term by local name."""
    return getattr(CKG, name)  # type: ignore[no-any-return]


# Terms used for every node or statement, looked up once (each namespace lookup mints a URIRef).
_TYPE, _PREF_LABEL, _ALT_LABEL = RDF.type, SKOS.prefLabel, SKOS.altLabel
_MENTIONED_IN, _REGION_TYPE, _FACTOR_TYPE = CKG.mentionedIn, CKG.regionType, CKG.factorType
_GEONAMES_FEATURE = CKG.geonamesFeature
#: Gazetteer entry attribute -> literal property.
_ENTRY_PROPS = (
    (CKG.regionType, "region_type"),
    (CKG.iso3166, "iso3166"),
    (CKG.geonamesId, "geonames_id"),
    (CKG.actorType, "actor_type"),
)
_SUBJECT, _PREDICATE, _OBJECT = RDF.subject, RDF.predicate, RDF.object
_EVIDENCE, _STATED_IN, _EXTRACTED_BY = CKG.Evidence, CKG.statedIn, CKG.extractedBy
_CONFIDENCE, _SENTENCE, _CHAR_START, _CHAR_END = (
    CKG.confidence,
    CKG.sentence,
    CKG.charStart,
    CKG.charEnd,
)


@lru_cache(maxsize=4096)
def _plain(text: str) -> Literal:
    return Literal(text)


@lru_cache(maxsize=4096)
def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(value)), datatype=XSD.decimal)


@lru_cache(maxsize=65536)
def _integer(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)
