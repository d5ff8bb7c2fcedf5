"""Synthetic but realistic document graphs in the project's ontology, for benchmarks and tests.

Each document looks like what the extractor makes of a news article: a ``SourceDocument`` with
a content hash, entities drawn from shared pools (so popular groups and regions become hubs
asserted by many documents), facts between them (``activeIn``, ``targets``, ``respondent``,
``affects``, ``partOf``, attacks with ``perpetratedBy``/``locatedIn``), and one reified
``Evidence`` per fact and per mention, with the sentence it was "read" from. Sentences include
quotes, backslashes, ``$``, backticks, newlines and non-Latin text, as news text does.

Everything is a pure function of ``(seed, index, revision)``: the same call yields the same
graphs, and a different ``revision`` changes every document's facts and content hash.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator

from rdflib import DCTERMS, RDF, SKOS, XSD, Graph, Literal, URIRef

from ontology.namespace import CKG

DEFAULT_BASE = "https://w3id.org/conflict-kg/id/"
_WORDS = (
    "militants",
    "attacked",
    "a convoy",
    "near",
    "officials said",
    "the army",
    "reported",
    "clashes",
    "in the north",
    "a checkpoint",
    "villagers",
    "fled",
    "according to",
    "local sources",
    "a statement",
    "claimed",
    "security forces",
    "responded",
)
_HOSTILE = (
    '"quoted"',
    "it's",
    "C:\\path\\n",
    "$1,000",
    "`tick`",
    "line\nbreak",
    "tab\there",
    "Tombouctou – Mopti",
    "مالي",
    "Ниджер",
    "🇲🇱",
    '\\"',
    "{not: json}",
    "//",
    "MATCH (n) DETACH DELETE n",
)
_REGION_TYPES = ("country", "subdivision", "town", "macro-region")
_ACTOR_TYPES = ("state", "mission", "international_organisation")
_RESPONSE_KINDS = ("military_operation", "peacekeeping", "airstrike", "sanctions", "negotiation")
_ATTACK_TYPES = ("assault", "bombing", "ambush", "abduction")
_RULES = ("gazetteer", "rule:active-in-attack", "table:response", "rule:factor-sentence")


def _pool(n_docs: int, per_doc: float, floor: int) -> int:
    return max(floor, int(n_docs * per_doc))


class _Document:
    """Builds one document's graph."""

    def __init__(
        self, base: str, seed: int, index: int, revision: int, pools: dict[str, int]
    ) -> None:
        self.base = base
        self.rng = random.Random(f"{seed}:{index}:{revision}")
        self.pools = pools
        key = f"syn-{seed}-{index:07d}"
        self.doc = URIRef(f"{base}document/{key}")
        self.graph = Graph(identifier=self.doc)
        self.evidence = 0
        self.mentioned: set[URIRef] = set()
        self.offset = 0
        digest = hashlib.sha256(f"{seed}:{index}:{revision}".encode()).hexdigest()
        self.graph.add((self.doc, RDF.type, CKG.SourceDocument))
        self.graph.add((self.doc, CKG.contentHash, Literal(digest)))
        self.graph.add((self.doc, DCTERMS.title, Literal(f"Synthetic report {index} ({key})")))

    def _pick(self, kind: str) -> int:
        # Zipf-like popularity: low numbers (hubs) are drawn far more often.
        return min(int(self.rng.paretovariate(1.2)) - 1, self.pools[kind] - 1)

    def _sentence(self) -> str:
        words = self.rng.choices(_WORDS, k=self.rng.randint(6, 14))
        words.insert(self.rng.randrange(len(words)), self.rng.choice(_HOSTILE))
        return " ".join(words).capitalize() + "."

    def _evidence(self, s: URIRef, p: URIRef, o: URIRef) -> None:
        self.evidence += 1
        ev = URIRef(f"{self.doc}/evidence/{self.evidence}")
        text = self._sentence()
        g = self.graph
        g.add((ev, RDF.type, CKG.Evidence))
        g.add((ev, RDF.subject, s))
        g.add((ev, RDF.predicate, p))
        g.add((ev, RDF.object, o))
        g.add((ev, CKG.statedIn, self.doc))
        g.add((ev, CKG.sentence, Literal(text)))
        g.add((ev, CKG.charStart, Literal(self.offset, datatype=XSD.integer)))
        g.add((ev, CKG.charEnd, Literal(self.offset + len(text), datatype=XSD.integer)))
        g.add((ev, CKG.extractedBy, Literal(self.rng.choice(_RULES))))
        g.add((ev, CKG.confidence, Literal(f"0.{self.rng.randint(50, 99)}", datatype=XSD.decimal)))
        self.offset += len(text) + 1

    def _fact(self, s: URIRef, p: URIRef, o: URIRef) -> None:
        self.graph.add((s, p, o))
        self._evidence(s, p, o)

    def _entity(self, kind: str, number: int) -> URIRef:
        """An entity of a shared pool; its description is the same in every document."""
        iri = URIRef(f"{self.base}{kind}/syn-{number}")
        if iri in self.mentioned:
            return iri
        self.mentioned.add(iri)
        g = self.graph
        name = f"{kind.capitalize()} {number}"
        g.add(
            (
                iri,
                RDF.type,
                {
                    "group": CKG.Group,
                    "region": CKG.Region,
                    "actor": CKG.Actor,
                    "factor": CKG.Factor,
                }[kind],
            )
        )
        g.add((iri, SKOS.prefLabel, Literal(name, lang="en")))
        if number % 3 == 0:
            g.add((iri, SKOS.altLabel, Literal(f"{kind[0].upper()}{number}", lang="en")))
        if kind == "region":
            g.add((iri, CKG.regionType, Literal(_REGION_TYPES[number % len(_REGION_TYPES)])))
            if number >= 10:  # a fixed hierarchy: region n lies in region n // 10
                self._fact(iri, CKG.partOf, self._entity("region", number // 10))
        elif kind in ("group", "actor"):
            actor_type = "rebel_group" if kind == "group" else _ACTOR_TYPES[number % 3]
            g.add((iri, CKG.actorType, Literal(actor_type)))
        self._fact(iri, CKG.mentionedIn, self.doc)
        return iri

    def add_fact(self) -> None:
        """One more fact of a random kind, with the entities it needs."""
        kind = self.rng.randrange(5)
        if kind == 0:
            self._fact(
                self._entity("group", self._pick("group")),
                CKG.activeIn,
                self._entity("region", self._pick("region")),
            )
        elif kind == 1:
            region = self._entity("region", self._pick("region"))
            self._fact(self._entity("factor", self._pick("factor")), CKG.affects, region)
        elif kind == 2:
            region_n = self._pick("region")
            actor = self._entity("actor", self._pick("actor"))
            kind_name = _RESPONSE_KINDS[self._pick("actor") % len(_RESPONSE_KINDS)]
            response = URIRef(f"{self.base}response/syn-{kind_name}--{region_n}")
            if response not in self.mentioned:
                self.mentioned.add(response)
                self.graph.add((response, RDF.type, CKG.Response))
                self.graph.add(
                    (
                        response,
                        SKOS.prefLabel,
                        Literal(f"{kind_name} in region {region_n}", lang="en"),
                    )
                )
                self.graph.add((response, CKG.responseKind, Literal(kind_name)))
                self._fact(response, CKG.locatedIn, self._entity("region", region_n))
            self._fact(response, CKG.respondent, actor)
            self._fact(response, CKG.targets, self._entity("group", self._pick("group")))
        else:
            attack = URIRef(f"{self.base}attack/syn-{self.doc.rsplit('/', 1)[1]}-{self.evidence}")
            g = self.graph
            g.add((attack, RDF.type, CKG.Attack))
            g.add((attack, SKOS.prefLabel, Literal(f"attack {self.evidence}", lang="en")))
            g.add((attack, CKG.attackType, Literal(self.rng.choice(_ATTACK_TYPES))))
            g.add((attack, CKG.killed, Literal(self.rng.randint(0, 60), datatype=XSD.integer)))
            self._fact(attack, CKG.perpetratedBy, self._entity("group", self._pick("group")))
            self._fact(attack, CKG.locatedIn, self._entity("region", self._pick("region")))
            self._fact(attack, CKG.mentionedIn, self.doc)


def synthetic_documents(
    n_docs: int,
    triples_per_doc: int = 1500,
    seed: int = 0,
    *,
    revision: int = 0,
    base: str = DEFAULT_BASE,
) -> Iterator[Graph]:
    """``n_docs`` document graphs of about ``triples_per_doc`` triples each (at least 20).

    Entity pools grow with ``n_docs`` (about one group per 20 documents, one region per 4), so
    larger corpora have more entities as well as bigger hubs. Graphs are made one at a time.
    """
    pools = {
        "group": _pool(n_docs, 0.05, 20),
        "region": _pool(n_docs, 0.25, 60),
        "actor": _pool(n_docs, 0.05, 15),
        "factor": _pool(n_docs, 0.02, 12),
    }
    for index in range(n_docs):
        doc = _Document(base, seed, index, revision, pools)
        while len(doc.graph) < triples_per_doc:
            doc.add_fact()
        yield doc.graph
