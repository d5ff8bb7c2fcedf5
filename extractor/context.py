"""What the relation rules share while reading one document: the parsed doc, its mentions, its
tables, the gazetteer, and the :class:`Facts` being built."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.attrs import IDX, LOWER
from spacy.tokens import Doc, Span, Token

from extractor.facts import Evidence, Facts
from extractor.gazetteer import Gazetteer
from extractor.mentions import Mention, NewEntity
from extractor.tables import Table, find_tables

KIND_CLASS = {"group": "Group", "actor": "Actor", "region": "Region"}


@dataclass
class DocContext:
    """One document being read."""

    doc: Doc
    gazetteer: Gazetteer
    published: date | None = None
    facts: Facts = field(default_factory=Facts)

    def __post_init__(self) -> None:
        self.mentions: list[Mention] = list(self.doc._.ckg_mentions or [])
        self.new_entities: dict[str, NewEntity] = dict(self.doc._.ckg_new_entities or {})
        self._starts = [m.start for m in self.mentions]
        self.text: str = self.doc._.ckg_text or self.doc.text
        self.tables: list[Table] = find_tables(self.text)
        self.sentences: list[Span] = list(self.doc.sents)
        self._sent_starts = [s.start_char for s in self.sentences]
        self._token_starts: list[int] = self.doc.to_array(IDX).tolist()
        self.lower: list[str] = [self.doc.vocab.strings[x] for x in self.doc.to_array(LOWER)]

    @cached_property
    def dates(self) -> list[Span]:
        """The entities the model read as dates, in text order."""
        return [e for e in self.doc.ents if e.label_ == "DATE"]

    # -- lookups ------------------------------------------------------------------------
    def mentions_in(self, start: int, end: int, *kinds: str) -> list[Mention]:
        """Mentions inside the character range, optionally of some kinds, in text order."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.end <= end and (not kinds or m.kind in kinds):
                out.append(m)
            i += 1
        return out

    def root(self, mention: Mention) -> Token | None:
        """The syntactic head of a mention's words."""
        first = bisect.bisect_right(self._token_starts, mention.start) - 1
        end = bisect.bisect_left(self._token_starts, mention.end)
        return self.doc[first:end].root if end > first >= 0 else None

    def is_subject(self, mention: Mention) -> bool:
        """The mention heads the subject of its clause (or is the sentence's root, as in a
        heading)."""
        root = self.root(mention)
        return root is not None and root.dep_ in {"nsubj", "nsubjpass", "ROOT"}

    def sentence_text(self, sent: Span) -> str:
        """A sentence's text (a slice of the document: ``Span.text`` rebuilds it token by token)."""
        return self.text[sent.start_char : sent.end_char]

    def sentence_at(self, char: int) -> Span:
        """The sentence that contains a character offset."""
        return self.sentences[max(0, bisect.bisect_right(self._sent_starts, char) - 1)]

    def in_table(self, char: int) -> bool:
        """True when the offset is inside a table row."""
        return any(t.header.start <= char <= t.rows[-1].end for t in self.tables)

    def main_country(self) -> str | None:
        """The country the document mentions most (for facts with no place of their own)."""
        counts = Counter(
            m.key
            for m in self.mentions
            if m.kind == "region" and self.region_type(m.key) == "country"
        )
        return counts.most_common(1)[0][0] if counts else None

    def region_type(self, key: str) -> str | None:
        """country, subdivision, town, macro-region or other."""
        if key in self.gazetteer:
            return self.gazetteer[key].region_type
        new = self.new_entities.get(key)
        return new.region_type if new else None

    def inside(self, inner: str, outer: str) -> bool:
        """The text or the gazetteer puts one place inside the other ('Lethapora in the Pulwama
        district')."""
        new = self.new_entities.get(inner)
        parents = new.parents if new is not None else ()
        return outer in parents or (
            inner in self.gazetteer and outer in self.gazetteer.ancestors(inner)
        )

    def known_container(self, key: str) -> str | None:
        """The place itself if the gazetteer knows it, else the first known place the text puts
        it in ('Jangebe, in Zamfara State' -> Zamfara)."""
        seen: set[str] = set()
        while key not in self.gazetteer:
            new = self.new_entities.get(key)
            if new is None or not new.parents or key in seen:
                return None
            seen.add(key)
            key = new.parents[0]
        return key

    def specificity(self, key: str) -> int:
        """Higher for smaller places: town 4, subdivision 3, other 2, country 1, macro 0; a place
        the text names inside a known one ('the Hodan District of Mogadishu') is one above it; a
        building or site, or a town or district the gazetteer does not know, is taken as
        smaller than the towns it knows (it lists towns down to ~15,000 people)."""
        order = {"town": 4, "subdivision": 3, "other": 2, "country": 1, "macro-region": 0}
        own = order.get(self.region_type(key) or "other", 2)
        new = self.new_entities.get(key)
        if new is None:
            return own
        if new.facility or (not new.parents and new.region_type in {"town", "subdivision"}):
            own = 5
        return max([own, *(self.specificity(p) + 1 for p in new.parents if p != key)])

    # -- building facts -----------------------------------------------------------------
    def evidence(self, start: int, end: int, rule: str, confidence: float) -> Evidence:
        """Evidence for a fact read from the text between two offsets."""
        return Evidence(start, end, self.text[start:end], rule, round(confidence, 3))

    def sentence_evidence(self, sent: Span, rule: str, confidence: float) -> Evidence:
        """Evidence for a fact read from one sentence."""
        return self.evidence(sent.start_char, sent.end_char, rule, confidence)

    def entity(self, mention: Mention) -> str:
        """The node of a mentioned entity (regions bring their containing regions along)."""
        key = mention.key
        kind = "region" if mention.kind == "demonym" else mention.kind
        node = self.facts.node(key, KIND_CLASS[kind], self._name(key))
        if mention.kind != "demonym":
            node.aliases.add(mention.text)
            sent = self.sentence_at(mention.start)
            node.evidence.append(
                self.evidence(sent.start_char, sent.end_char, mention.rule, mention.confidence)
            )
        if kind == "region":
            self._containment(key, mention)
        return key

    def named(self, key: str, kind: str) -> str:
        """The node of an entity known by key only (e.g. the actor behind a mission)."""
        self.facts.node(key, kind, self._name(key))
        if kind == "Region":
            self._containment(key, None)
        return key

    def _name(self, key: str) -> str:
        if key in self.gazetteer:
            return self.gazetteer[key].name
        return self.new_entities[key].name

    def _containment(self, key: str, mention: Mention | None) -> None:
        """``partOf`` edges from a region up through every region that contains it."""
        start, end = (mention.start, mention.end) if mention else (0, 0)
        evidence = self.evidence(start, end, "gazetteer:part-of", 0.9)
        if key not in self.gazetteer:
            new = self.new_entities.get(key)
            for parent in new.parents if new else ():
                self.named(parent, "Region")
                self.facts.edge(
                    key, "partOf", parent, self.evidence(start, end, "rule:part-of", 0.7)
                )
            return
        for region in (key, *self.gazetteer.ancestors(key)):
            for parent in self.gazetteer[region].parents:
                if parent in self.gazetteer:
                    self.facts.node(parent, "Region", self.gazetteer[parent].name)
                    self.facts.edge(region, "partOf", parent, evidence)


def children(token: Token) -> Iterator[Token]:
    """A token's syntactic children; none in a doc without a parse (fast mode), where spaCy's
    tree walk reads uninitialised edges and can crash."""
    return token.children if token.doc.has_annotation("DEP") else iter(())
