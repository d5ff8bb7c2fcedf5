"""Find and link entity mentions: gazetteer phrases, acronyms defined in the text, fuzzy matches
and the statistical NER, combined into one list of :class:`Mention` per document.

The component ``ckg_mentions`` runs after the model's ``ner``. It stores the mentions in
``doc._.ckg_mentions``, entities the gazetteer does not know in ``doc._.ckg_new_entities``,
and rewrites ``doc.ents`` so gazetteer names win over the model ('Mali' is a GPE, never a
PERSON).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extractor.gazetteer import CALENDAR_WORDS, Entry, Gazetteer, load_gazetteer
from extractor.landmarks import find_landmarks
from extractor.normalize import fold, name_key, surface_variants
from extractor.tokens import positions, word_ids
from extractor.triggers import EVERYDAY_SENSES, TRIGGERS
from ontology.iris import slugify

#: Words that make an unknown organisation name look like an armed group.
GROUP_WORDS = frozenset(
    {
        "group",
        "militia",
        "militias",
        "movement",
        "front",
        "brigade",
        "brigades",
        "battalion",
        "jihad",
        "jihadist",
        "mujahideen",
        "mujahidin",
        "ansar",
        "ansaru",
        "jamaat",
        "jamaa",
        "jama",
        "katiba",
        "katibat",
        "harakat",
        "islamic",
        "liberation",
        "rebels",
        "insurgents",
        "army",
        "forces",
        "fighters",
        "resistance",
        "tigers",
        "guerrillas",
        "self",
        "defence",
        "defense",
        "wilayat",
        "province",
        "caliphate",
        "mahdi",
        "martyrs",
        "sons",
        "soldiers",
    }
)
#: Words next to a name that mark it as an armed group in context.
GROUP_CONTEXT = frozenset(
    {
        "militants",
        "fighters",
        "gunmen",
        "insurgents",
        "jihadists",
        "rebels",
        "militiamen",
        "claimed",
        "claiming",
        "loyal",
        "affiliated",
        "linked",
        "faction",
        "outfit",
        "splinter",
    }
)
_ACRONYM_AFTER = re.compile(  # "Name (ACR)", "Name (French: Nom; ACR)"
    r"(?P<long>[A-Z][^()\n]{3,90}?)\s*\((?:[^()\n]{3,90}?[;,]\s*)?"
    r"(?P<short>[A-Z][A-Za-z0-9\-./]{1,11})\)"
)
_ACRONYM_BEFORE = re.compile(
    r"\b(?P<short>[A-Z][A-Z0-9\-]{1,11})\s*\((?P<long>[A-Z][^()\n]{3,90}?)\)"
)
#: What follows the name of whoever claims an attack: "... (TAK) took responsibility".
_CLAIMS_AFTER = re.compile(
    r"\s*(,[^,.]{0,80},\s*)?(has |have |had |later |quickly )?"
    r"(claimed|claims|took|takes|accepted|admitted)\s+(responsibility|credit)\b"
)
FUZZY_CUTOFF = 88.0
_MODEL_LABELS = {"ORG", "NORP", "GPE", "LOC", "PERSON", "FAC"}


@dataclass(frozen=True)
class Mention:
    """A span of the text linked to one entity."""

    start: int  # character offsets in the document text
    end: int
    text: str
    key: str  # entity key, e.g. "group/jnim"
    kind: str  # group | actor | region | demonym
    rule: str  # the component or rule that linked it
    confidence: float


@dataclass(frozen=True)
class NewEntity:
    """An entity found in the text that the gazetteer does not know."""

    key: str
    kind: str
    name: str
    region_type: str | None = None
    parents: tuple[str, ...] = ()
    #: a named building or site (hotel, airport, base, prison): smaller than a town
    facility: bool = False


#: ``ckg_text``: the document's text, built once (``Doc.text`` joins every token on each access);
#: the extractor sets it from the source text before the pipeline runs.
for _name, _default in (("ckg_mentions", None), ("ckg_new_entities", None), ("ckg_text", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


class _Patterns(NamedTuple):
    """Surface form -> key, for each phrase matcher."""

    lower: dict[str, str]
    exact: dict[str, str]
    demonyms: dict[str, str]
    #: towns' alternate spellings no name claims, matched as written
    variants: dict[str, str]


def _patterns(gazetteer: Gazetteer) -> _Patterns:
    """Surface forms of every name: case-insensitive names, names matched as written,
    demonyms, and towns' alternate spellings.

    Names of one word ("Hezbollah", "Sahel") are matched as written and in capitals, so the
    common noun ("coalition") never matches; longer names case-insensitively.
    """
    lower: dict[str, tuple[str, str]] = {}  # lower-cased form -> (form as written, key)
    exact: dict[str, str] = {}
    demonyms: dict[str, str] = {}

    def add(entry: Entry, name: str) -> None:
        for variant in surface_variants(name):
            if _folded_word(entry, name, variant):
                continue
            if entry.case_sensitive or " " not in variant and "-" not in variant:
                for form in (variant, variant.upper()):
                    exact.setdefault(form, entry.key)  # one-word names: as written
            else:
                lower.setdefault(variant.lower(), (variant, entry.key))

    for entry in gazetteer.entries.values():  # in priority order: the first claim wins
        for name in entry.names:
            add(entry, name)
        for acronym in entry.acronyms:
            for variant in surface_variants(acronym):
                exact.setdefault(variant, entry.key)
        for demonym in entry.demonyms:
            demonyms.setdefault(demonym, entry.key)
    variants: dict[str, str] = {}
    for entry in gazetteer.entries.values():
        for name in entry.variants:
            for variant in surface_variants(name):
                if _folded_word(entry, name, variant):
                    continue  # the same guard as for names: 'God' is not Göd
                if variant not in exact and variant.lower() not in lower:
                    variants.setdefault(variant, entry.key)
    return _Patterns({v: k for v, k in lower.values()}, exact, demonyms, variants)


#: Towns smaller than this are not matched by a one-word name with its diacritics dropped:
#: 'God' is not Göd (Hungary), nor 'Abu' Ābu (India); 'Nangarhar' still is Nangarhār.
FOLDED_TOWN_POPULATION = 200_000


def _folded_word(entry: Entry, name: str, variant: str) -> bool:
    """A one-word small town's name written without its diacritics."""
    return (
        entry.region_type == "town"
        and variant != name
        and " " not in variant
        and entry.population < FOLDED_TOWN_POPULATION
        and variant == fold(name)
    )


class MentionFinder:
    """The ``ckg_mentions`` pipeline component."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer, use_fuzzy: bool = True) -> None:
        self.gazetteer = gazetteer
        self.use_fuzzy = use_fuzzy
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.demonym = PhraseMatcher(nlp.vocab, attr="ORTH")
        patterns = _patterns(gazetteer)
        self.variants = patterns.variants
        self._variant_starts = {
            "ORTH": word_ids(re.split(r"[\s'’-]", v, maxsplit=1)[0] for v in self.variants)
        }
        tokenizer = pattern_tokenizer(nlp)
        for matcher, table in (
            (self.lower, patterns.lower),
            (self.exact, patterns.exact),
            (self.demonym, patterns.demonyms),
        ):
            by_key: dict[str, list[str]] = {}
            for surface, key in table.items():
                by_key.setdefault(key, []).append(surface)
            for key, surfaces in by_key.items():
                matcher.add(key, list(tokenizer.pipe(surfaces)))
        self._fuzzy_names = {**gazetteer.names_of("group"), **gazetteer.names_of("actor")}

    def __call__(self, doc: Doc) -> Doc:
        if doc._.ckg_text is None:
            doc._.ckg_text = doc.text
        model_ents = doc.ents  # built afresh on each access: read once
        gaz = self._gazetteer_spans(doc, model_ents)
        local: dict[str, str] = {}  # names and acronyms this document defines -> key
        new: dict[str, NewEntity] = {}
        defined = self._acronym_definitions(doc, gaz, local, new)
        # a name the text defines wins over the gazetteer's same span ('(TAK)' is no Thai town)
        spans = filter_spans([*defined, *self._landmark_spans(doc, gaz, new), *gaz])
        taken = {i for s in spans for i in range(s.start, s.end)}
        spans += self._model_spans(doc, model_ents, taken, local, new)
        spans += self._apostrophe_places(doc, taken)
        taken = {i for s in spans for i in range(s.start, s.end)}
        spans += _named_places(doc, spans, taken, new, self.gazetteer)
        taken = {i for s in spans for i in range(s.start, s.end)}
        spans += _named_groups(doc, taken, new, self.gazetteer)
        spans += _listed_acronyms(doc, spans, new)
        spans = _one_spelling(filter_spans(spans), new)
        doc._.ckg_mentions = [self._mention(s) for s in spans]
        doc._.ckg_new_entities = new
        kept = [e for e in model_ents if e.label_ not in _MODEL_LABELS]
        doc.ents = filter_spans([*(_as_ent(s) for s in spans), *kept])
        return doc

    # -- gazetteer phrases ------------------------------------------------------------
    def _gazetteer_spans(self, doc: Doc, model_ents: Sequence[Span]) -> list[Span]:
        strings = doc.vocab.strings
        out: list[Span] = []
        matches = [
            (strings[match_id], start, end, rule, conf)
            for matcher, rule, conf in (
                (self.lower, "gazetteer", 0.95),
                (self.exact, "gazetteer", 0.9),
            )
            for match_id, start, end in matcher(doc)
        ]
        said = {key for key, *_ in matches if self.gazetteer[key].kind == "region"}
        said |= {a for key in said for a in self.gazetteer.ancestors(key)}
        for key, start, end in self._variant_matches(doc):
            if said.intersection(self.gazetteer[key].parents):  # 'Kuki' is no town in Japan
                matches.append((key, start, end, "gazetteer:variant", 0.8))
        for key, start, end, rule, conf in matches:
            entry = self.gazetteer[key]
            if entry.case_sensitive and _mistaken_place(doc[start:end], model_ents):
                continue
            if entry.kind == "region" and _in_event_name(doc, end):
                continue  # "the Second Congo War", "the Somaliland War of Independence"
            if _small_town_in_longer_name(doc, end, entry):
                continue  # "Mai" of "the town of Mai Kadra"
            if entry.kind == "region" and _joined_to_a_name(doc, end):
                continue  # "France" of "Agence France-Presse"
            if entry.region_type == "town" and _speaks(doc[end - 1]):
                continue  # "Wani said" (a person), "Islamabad says" (a government)
            out.append(_span(doc, start, end, entry.kind, key, rule, conf))
        for match_id, start, end in self.demonym(doc):
            out.append(_span(doc, start, end, "demonym", strings[match_id], "demonym", 0.8))
        return out

    def _variant_matches(self, doc: Doc) -> Iterator[tuple[str, int, int]]:
        """Towns named by an alternate spelling: runs of up to five tokens from a capital."""
        text: str = doc._.ckg_text
        for start in positions(doc, self._variant_starts):
            for end in range(min(len(doc), start + 5), start, -1):
                last = doc[end - 1]
                key = self.variants.get(text[doc[start].idx : last.idx + len(last)])
                if key is not None:
                    yield key, start, end
                    break

    # -- seas, lakes, airports, camps: names of features the gazetteer lacks ---------------
    def _landmark_spans(self, doc: Doc, gaz: list[Span], new: dict[str, NewEntity]) -> list[Span]:
        known_at = {s.start: s.kb_id_ for s in gaz if s.label_ == "region"}
        out: list[Span] = []
        for mark in find_landmarks(doc):
            span = doc[mark.start : mark.end]
            entry = self.gazetteer.by_name(span.text)
            if entry is not None and entry.region_type not in {"town", "subdivision"}:
                continue  # a feature the gazetteer knows ("Lake Chad Basin")
            parent = known_at.get(mark.container_at) if mark.container_at is not None else None
            key = f"region/{slugify(span.text)}"
            new.setdefault(
                key,
                NewEntity(
                    key, "region", span.text, "other", (parent,) if parent else (), mark.facility
                ),
            )
            out.append(_span(doc, span.start, span.end, "region", key, "pattern:landmark", 0.6))
        return out

    # -- acronyms defined in the text: "Long Name (ACR)" / "ACR (Long Name)" -----------------
    def _acronym_definitions(
        self, doc: Doc, gaz: list[Span], local: dict[str, str], new: dict[str, NewEntity]
    ) -> list[Span]:
        by_end = {s.end_char: s for s in gaz}
        out: list[Span] = []
        text = doc._.ckg_text
        for pattern in (_ACRONYM_AFTER, _ACRONYM_BEFORE):
            for m in pattern.finditer(text):
                long_start, long_end = m.span("long")
                short = m.group("short").rstrip(".")
                known = self.gazetteer.by_name(short)
                claims = _CLAIMS_AFTER.match(text, m.end())  # "X (TAK) claimed the attack"
                if known is not None and known.kind == "region" and claims:
                    known = None  # whoever claims an attack is no place ('Tak' in Thailand)
                long_span = (
                    _best_suffix(doc, long_start, long_end, known)
                    if known
                    else _trim_long_form(doc, long_start, long_end, by_end)
                )
                if long_span is None:
                    continue
                entry = known or self._link_name(long_span.text)
                if entry is not None and entry.kind not in {"group", "actor"}:
                    continue
                if entry is None:
                    if not (_looks_like_group(long_span.text) or claims) or _state_force(
                        self.gazetteer, long_span.text
                    ):
                        continue  # "the Mozambican Army (FADM)": a state's, not a group
                    key = f"group/{slugify(long_span.text)}"
                    new[key] = NewEntity(key, "group", long_span.text)
                    kind = "group"
                else:
                    key, kind = entry.key, entry.kind
                local[name_key(long_span.text)] = key
                local[short] = key
                out.append(_span(doc, long_span.start, long_span.end, kind, key, "acronym", 0.9))
                short_span = doc.char_span(*m.span("short"), alignment_mode="expand")
                if short_span is not None:
                    out.append(
                        _span(doc, short_span.start, short_span.end, kind, key, "acronym", 0.9)
                    )
        acronyms = word_ids(name for name in local if name.isupper())
        for i in positions(doc, {"ORTH": acronyms}):  # later uses of a defined acronym
            defined = local[doc[i].text]
            out.append(_span(doc, i, i + 1, defined.split("/")[0], defined, "acronym", 0.85))
        return out

    # -- the statistical NER, linked by fuzzy matching or typed by context -----------------
    def _model_spans(
        self,
        doc: Doc,
        model_ents: Sequence[Span],
        taken: set[int],
        local: dict[str, str],
        new: dict[str, NewEntity],
    ) -> list[Span]:
        out: list[Span] = []
        for ent in model_ents:
            if ent.label_ not in _MODEL_LABELS or any(
                i in taken for i in range(ent.start, ent.end)
            ):
                continue
            ent = _strip_article(ent)
            if len(ent) == 0:
                continue
            key = local.get(name_key(ent.text))
            if key is not None:
                out.append(_span(doc, ent.start, ent.end, key.split("/")[0], key, "acronym", 0.85))
                continue
            if self.use_fuzzy and ent.label_ in {"ORG", "NORP", "PERSON"}:
                hit = process.extractOne(
                    name_key(ent.text),
                    self._fuzzy_names.keys(),
                    scorer=fuzz.token_sort_ratio,
                    score_cutoff=FUZZY_CUTOFF,
                )
                if hit is not None:
                    key = self._fuzzy_names[hit[0]]
                    out.append(
                        _span(
                            doc,
                            ent.start,
                            ent.end,
                            key.split("/")[0],
                            key,
                            "fuzzy",
                            round(0.9 * hit[1] / 100, 3),
                        )
                    )
                    continue
            if ent.label_ in {"ORG", "NORP", "PERSON"} and _group_in_context(ent):
                key = f"group/{slugify(ent.text)}"
                new.setdefault(key, NewEntity(key, "group", ent.text))
                out.append(_span(doc, ent.start, ent.end, "group", key, "ner+context", 0.6))
            elif ent.label_ in {"GPE", "LOC"} and (known := self._known_place(ent.text)):
                out.append(_span(doc, ent.start, ent.end, "region", known, "ner+gazetteer", 0.8))
            elif (
                (
                    ent.label_ in {"LOC", "FAC"}
                    and len(ent) >= 2
                    and ent[0].is_title
                    and ent[-1].is_title
                )
                or (
                    ent.label_ == "GPE"
                    and ent.text[:1].isupper()
                    and ent.text.lower() not in CALENDAR_WORDS
                )
                and ent.text.lower() not in _GENERIC_PLACE_WORDS
            ):
                key = f"region/{slugify(ent.text)}"
                new.setdefault(key, NewEntity(key, "region", ent.text, "other"))
                out.append(_span(doc, ent.start, ent.end, "region", key, "ner", 0.5))
        return out

    def _apostrophe_places(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Known places written with an apostrophe the gazetteer's spelling lacks ('Sana'a',
        'Ma'rib')."""
        out = []
        for match in _APOSTROPHE_WORD.finditer(doc._.ckg_text):
            span = doc.char_span(*match.span())
            if span is not None and span.start not in taken:
                key = self._known_place(span.text)
                if key is not None:
                    out.append(_span(doc, span.start, span.end, "region", key, "gazetteer", 0.85))
        return out

    def _known_place(self, text: str) -> str | None:
        entry = self.gazetteer.by_name(text)
        return entry.key if entry is not None and entry.kind == "region" else None

    def _link_name(self, text: str) -> Entry | None:
        entry = self.gazetteer.by_name(text)
        if entry is None and self.use_fuzzy:
            hit = process.extractOne(
                name_key(text),
                self._fuzzy_names.keys(),
                scorer=fuzz.token_sort_ratio,
                score_cutoff=FUZZY_CUTOFF,
            )
            if hit is not None:
                entry = self.gazetteer[self._fuzzy_names[hit[0]]]
        return entry

    @staticmethod
    def _mention(span: Span) -> Mention:
        rule, conf = span.id_.split("|")
        return Mention(
            span.start_char, span.end_char, span.text, span.kb_id_, span.label_, rule, float(conf)
        )


def pattern_tokenizer(nlp: Language) -> Tokenizer:
    """A copy of the pipeline's tokenizer for phrase patterns. Tokenizing ~10^5 gazetteer names
    with the pipeline's own tokenizer fills its cache first and made it five times slower on
    every document after (0.094 s against 0.019 s for 200 documents)."""
    tokenizer = Tokenizer(nlp.vocab)
    tokenizer.from_bytes(nlp.tokenizer.to_bytes())  # type: ignore[union-attr]
    return tokenizer


#: Two names of places the gazetteer lacks this alike are one place spelled two ways.
SPELLING_SIMILARITY = 90.0


def _one_spelling(spans: list[Span], new: dict[str, NewEntity]) -> list[Span]:
    """Places the gazetteer lacks, spelled two ways in one text ('Abbasia', 'Abbassia'): one
    place, under the spelling used first."""
    first: dict[str, str] = {}  # key -> key of the first spelling
    seen: list[tuple[str, str]] = []  # (normalised name, key) of places kept
    for span in spans:
        key = span.kb_id_
        entity = new.get(key)
        if entity is None or entity.kind != "region" or key in first:
            continue
        name = name_key(entity.name)
        same = next(
            (
                k
                for n, k in seen
                if len(name) >= 6 and n[0] == name[0] and fuzz.ratio(n, name) >= SPELLING_SIMILARITY
            ),
            None,
        )
        first[key] = same or key
        if same is None:
            seen.append((name, key))
    for key, kept in first.items():
        if key != kept:
            del new[key]
    return [
        Span(s.doc, s.start, s.end, label=s.label_, kb_id=first[s.kb_id_], span_id=s.id_)
        if first.get(s.kb_id_, s.kb_id_) != s.kb_id_
        else s
        for s in spans
    ]


def _span(doc: Doc, start: int, end: int, kind: str, key: str, rule: str, conf: float) -> Span:
    return Span(doc, start, end, label=kind, kb_id=key, span_id=f"{rule}|{conf}")


def _as_ent(span: Span) -> Span:
    label = {"group": "ORG", "actor": "ORG", "region": "GPE", "demonym": "NORP"}[span.label_]
    return Span(span.doc, span.start, span.end, label=label, kb_id=span.kb_id_)


_PLACE_SUFFIXES = frozenset(
    {
        "state",
        "region",
        "province",
        "district",
        "county",
        "city",
        "governorate",
        "cercle",
        "prefecture",
        "department",
        "territory",
        "municipality",
        "town",
        "village",
    }
)


#: Words the NER sometimes tags as a place on their own ("the Province", "the Gulf").
_GENERIC_PLACE_WORDS = _PLACE_SUFFIXES | {
    "gulf",
    "sea",
    "coast",
    "border",
    "capital",
    "north",
    "south",
    "east",
    "west",
    "centre",
    "center",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
}


_SPEECH_VERBS = frozenset({"say", "tell", "add", "state", "explain", "confirm", "announce"})


def _speaks(token: Token) -> bool:
    """The word is the subject of a verb of saying."""
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in _SPEECH_VERBS


def _mistaken_place(span: Span, model_ents: Sequence[Span]) -> bool:
    """A place name matched as written that is part of a longer name the model found ('Kano
    Pillars FC', but not 'Yobe State')."""
    for ent in model_ents:
        if ent.start <= span.start and span.end <= ent.end and len(ent) > len(span):
            rest = [t for t in ent if t.i < span.start or t.i >= span.end]
            if {t.lower_ for t in rest} <= _PLACE_SUFFIXES | {"the", "of"}:
                return False
            if any(t.is_lower and t.lower_ not in {"the", "of", "de", "du"} for t in rest):
                return False  # "capital of Goma in the ...": a phrase, not a name
            return ent.label_ in {"PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT"}
    return False


#: Capitalised words that make the name before them the name of an event, not a place.
_EVENT_WORDS = frozenset(
    {"War", "Crisis", "Conflict", "Insurgency", "Uprising", "Revolution", "Campaign", "Offensive"}
)


#: A capitalised word written with an apostrophe inside ("Sana'a").
_APOSTROPHE_WORD = re.compile(r"\b[A-Z]\w*['’]\w+\b")


def _small_town_in_longer_name(doc: Doc, end: int, entry: Entry) -> bool:
    """A small town's name followed by another capitalised word that is not a place type or a
    date: the start of a longer name the gazetteer does not know."""
    if entry.region_type != "town" or entry.population >= FOLDED_TOWN_POPULATION:
        return False
    if end >= len(doc) or not doc[end].is_title:
        return False
    word = doc[end].lower_
    return word not in _PLACE_SUFFIXES and word not in CALENDAR_WORDS and not doc[end].is_sent_start


def _joined_to_a_name(doc: Doc, end: int) -> bool:
    """A hyphen with no spaces joins the name to a capitalised word: one longer name."""
    return (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_title
    )


def _in_event_name(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].text in _EVENT_WORDS


def _strip_article(span: Span) -> Span:
    start = span.start
    while start < span.end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    end = span.end
    while end > start and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[start:end]


def _best_suffix(doc: Doc, start: int, end: int, entry: Entry) -> Span | None:
    """The words before "(ACR)" that best match a known entity's names (fuzzy, >= 80)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    names = [name_key(n) for n in entry.names]
    best: tuple[float, int] = (0.0, span.end)
    for first in range(max(span.start, span.end - 12), span.end):
        candidate = name_key(doc[first : span.end].text)
        score = max(fuzz.ratio(candidate, n) for n in names) if candidate else 0.0
        if score >= best[0]:  # on a tie the shorter: "Army" not ", the Army"
            best = (score, first)
    return doc[best[1] : span.end] if best[0] >= 80 else None


def _trim_long_form(doc: Doc, start: int, end: int, by_end: dict[int, Span]) -> Span | None:
    """The name just before "(ACR)": a gazetteer name ending there, else the capitalised run."""
    if end in by_end:
        return by_end[end]
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    tokens = list(span)
    first = len(tokens)
    while first > 0 and (
        tokens[first - 1].is_title
        or tokens[first - 1].is_upper
        or tokens[first - 1].lower_ in _NAME_GLUE
    ):
        first -= 1
    while first < len(tokens) and tokens[first].lower_ in _NAME_GLUE:
        first += 1
    if first >= len(tokens):
        return None
    return doc[tokens[first].i : span.end]


_NAME_GLUE = frozenset(
    {
        "al",
        "el",
        "wa",
        "wal",
        "ul",
        "of",
        "the",
        "for",
        "and",
        "-",
        "'",
        "’",
        "'s",
        "’s",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "pour",
        "et",
        "del",
        "las",
        "los",
        "da",
        "do",
        "dos",
        "ad",
        "ash",
        "an",
        "bin",
        "ibn",
        "in",
        "on",
        "to",
    }
)
#: Words that end or head the name of an armed group ("... Brigade", "Movement for ...").
NAME_HEADS = frozenset(
    {
        "brigade",
        "brigades",
        "movement",
        "front",
        "army",
        "militia",
        "battalion",
        "mujahideen",
        "mujahidin",
        "jihad",
        "ansar",
        "jamaat",
        "katiba",
        "katibat",
        "liberation",
        "resistance",
        "sons",
        "martyrs",
        "guardians",
        "lions",
        "tigers",
        "legion",
        "vanguard",
        "coalition",
        "alliance",
        "forces",
        "force",
        "cartel",
    }
)


#: Words that make a group's name with a place or people alone ("Gulf Cartel", "Arakan Army").
_HEADS_AFTER_A_PLACE = frozenset(
    {"cartel", "front", "movement", "militia", "brigade", "brigades", "battalion", "army"}
)
#: Arabic words that open the name of an armed group: battalion, province, army, brigades,
#: front, movement, group, supporters.
_ARABIC_HEADS = frozenset(
    {"katibat", "katiba", "wilayat", "wilaya", "jaish", "liwa", "saraya", "kataib", "jabhat"}
    | {"harakat", "jamaat", "jama'at", "ansar", "tanzim"}
)


#: Names of government departments, not places: "the State Department", "Police Department".
_GOVERNMENT_DEPARTMENTS = frozenset(
    {"state", "defense", "defence", "justice", "treasury", "police", "health", "interior"}
    | {"energy", "education", "labor", "commerce", "agriculture", "fire", "homeland security"}
)


#: Capitalised words that end a sub-national place name ("Hodan District").
_CAPITALISED_SUFFIXES = frozenset(
    {
        "District",
        "Province",
        "Governorate",
        "County",
        "Prefecture",
        "Chiefdom",
        "Territory",
        "Municipality",
        "Department",
        "Zone",
    }
)
_LOCATIVES = frozenset({"in", "at", "near", "of", "outside", "around", "to", "from"})
_PLACE_NOUNS = frozenset(
    {
        "town",
        "towns",
        "village",
        "villages",
        "community",
        "city",
        "locality",
        "commune",
        "district",
        "hamlet",
        "settlement",
        "camp",
        "canton",
        "prefecture",
        "municipality",
        "department",
        "county",
    }
)


#: Sites an attack is said to strike, followed by the town they are in ("a base in Leego").
_SITE_NOUNS = frozenset(
    {
        "base",
        "camp",
        "checkpoint",
        "post",
        "outpost",
        "barracks",
        "market",
        "school",
        "church",
        "mosque",
        "hotel",
        "prison",
        "village",
        "town",
    }
)


#: Lower-case words after a place's name that say what kind of place it is ("the Tirah valley").
_KIND_WORDS_AFTER_A_NAME = frozenset(
    {"region", "province", "district", "area", "valley", "forest", "town", "village", "camp"}
)
#: Arabic articles written in lower case inside a place name ("Nahr al-Bared").
_ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul"})


def _title_run_before(doc: Doc, end: int, taken: set[int]) -> Span | None:
    start, words = end, 0
    while start > 0 and words < 3 and start - 1 not in taken:
        if doc[start - 1].is_title:
            start, words = start - 1, words + 1
        elif start >= 2 and _joins(doc, start - 1) and doc[start - 2].is_title:
            start, words = start - 2, words + 1  # "Mayo-Moskota"
        elif start >= 3 and _joins(doc, start - 2) and doc[start - 3].is_title:
            start, words = start - 3, words + 1  # "Al-Baghuz", "Sar-e Pol"
        elif (
            start >= 3
            and _joins(doc, start - 1)
            and doc[start - 2].lower_ in _ARABIC_ARTICLES
            and doc[start - 3].is_title
        ):
            start, words = start - 3, words + 1  # "Nahr al-Bared"
        else:
            break
    if start == end or doc[start].is_sent_start and doc[start].lower_ in STOP_WORDS:
        return None
    return doc[start:end]


def _after_attack_word(doc: Doc, token: Token) -> bool:
    """A word telling a violent event shortly before, in the same sentence ('34 civilians
    killed in massacres by jihadists in Toumour')."""
    for t in reversed(doc[max(0, token.i - 8) : token.i]):
        if t.text in {".", "!", "?", ";"}:
            return False
        lemma = t.lemma_.lower()
        if lemma in TRIGGERS and lemma not in EVERYDAY_SENSES:
            return True
    return False


#: Buildings named after a person or a saint: 'St. Peter and St. Paul's Church'.
_BUILDINGS = frozenset(
    {"church", "mosque", "school", "academy", "college", "university", "hospital", "hotel"}
)


def _part_of_a_longer_name(run: Span, gazetteer: Gazetteer) -> bool:
    """Capitalised words that go on ('Mother Francisca International Bilingual Academy'), name
    a building a few words on ('St. Peter and St. Paul's Church'), or a language ('Spanish')."""
    doc = run.doc
    after = doc[run.end : run.end + 6]
    return (
        (run.end < len(doc) and doc[run.end].is_title)
        or run[0].ent_type_ == "LANGUAGE"
        or any(t.lower_ in _BUILDINGS for t in after)
        or gazetteer.by_demonym(run.text) is not None
    )


def _title_run_after(doc: Doc, start: int, taken: set[int]) -> Span | None:
    end, words = start, 0
    while end < len(doc) and words < 3 and end not in taken and doc[end].is_title:
        end, words = end + 1, words + 1
        if _joins(doc, end) and doc[end + 1].is_title:  # "Al-Baghuz", "Tongo-Tongo"
            end += 1
    return doc[start:end] if end > start else None


def _joins(doc: Doc, i: int) -> bool:
    """A hyphen written between two words with no spaces."""
    return (
        i + 1 < len(doc)
        and doc[i].text in {"-", "‑"}
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    )


def _named_places(
    doc: Doc, spans: list[Span], taken: set[int], new: dict[str, NewEntity], gazetteer: Gazetteer
) -> list[Span]:
    """Places the gazetteer lacks, named the way reports name small places: 'Bacaw, Somalia',
    'the village of Tongo Tongo'."""
    out: list[Span] = []

    def add(
        span: Span | None, parent: str | None, region_type: str = "town", strong: bool = False
    ) -> None:
        """Add a place; a strong pattern (after 'in', before 'is located') overrules the NER."""
        if span is None or any(i in taken for i in range(span.start, span.end)):
            return
        strong = strong or span.start > 0 and doc[span.start - 1].lower_ in _LOCATIVES
        if (
            span[0].ent_type_ in ({"DATE"} if strong else {"PERSON", "ORG", "NORP", "DATE"})
            or span.text.lower() in STOP_WORDS
            or span.text.lower() in _GENERIC_PLACE_WORDS  # "State" of "Zamfara State, Nigeria"
        ):
            return
        code = gazetteer[parent].iso3166 if parent is not None and parent in gazetteer else None
        key = f"region/{slugify(span.text)}" + (f"-{code.lower()}" if code else "")
        new.setdefault(
            key, NewEntity(key, "region", span.text, region_type, (parent,) if parent else ())
        )
        out.append(_span(doc, span.start, span.end, "region", key, "pattern:place", 0.6))
        taken.update(range(span.start, span.end))

    known_starts = {
        s.start: s.kb_id_ for s in spans if s.label_ == "region" and s.kb_id_ in gazetteer
    }
    for s in spans:  # "Bacaw, Somalia", "in Jangebe, in Zamfara State"
        comma = s.start - 2 if s.start >= 3 and doc[s.start - 1].lower_ == "in" else s.start - 1
        after_comma = comma >= 1 and doc[comma].text == ","
        known = s.label_ == "region" and s.kb_id_ in gazetteer
        if after_comma and known and gazetteer[s.kb_id_].region_type in {"country", "subdivision"}:
            add(_title_run_before(doc, comma, taken), s.kb_id_)
        elif known and s.start >= 3:  # "at Lethapora in the Pulwama district"
            at = s.start - 2 if doc[s.start - 1].lower_ == "the" else s.start - 1
            run = _title_run_before(doc, at, taken) if doc[at].lower_ == "in" else None
            if run is not None and run.start > 0 and doc[run.start - 1].lower_ in {"at", "in"}:
                add(run, s.kb_id_)
    for token in (doc[i] for i in positions(doc, _PLACE_CUES) if i < len(doc) - 1):
        if token.lower_ in {"in", "at", "near"} and _after_attack_word(doc, token):
            run = _title_run_after(doc, token.i + 1, taken)  # "massacres ... in Toumour"
            if run is not None and not _part_of_a_longer_name(run, gazetteer):
                add(run, None)
        if token.lower_ in {"located", "situated"} and doc[token.i + 1].lower_ in {
            "in",
            "at",
            "near",
        }:
            add(_title_run_after(doc, token.i + 2, taken), None)  # "located in X"
            if token.i >= 2 and doc[token.i - 1].lower_ in {"is", "was", "lies"}:
                add(_title_run_before(doc, token.i - 1, taken), None, strong=True)  # "X is located"
        elif (
            token.text in _CAPITALISED_SUFFIXES
            and token.i > 0
            and doc[token.i - 1].is_title
            and doc[token.i - 1].i not in taken
        ):
            run = _title_run_before(doc, token.i, taken)  # "the Hodan District (of Mogadishu)"
            if run is not None and run.text.lower() not in _GOVERNMENT_DEPARTMENTS:
                parent = known_starts.get(token.i + 2) if doc[token.i + 1].lower_ == "of" else None
                add(doc[run.start : token.i + 1], parent, "subdivision", strong=True)
        elif token.lower_ in _PLACE_NOUNS and doc[token.i + 1].lower_ == "of":
            run = _title_run_after(doc, token.i + 2, taken)  # "the village of X"
            add(run, None, strong=True)
            while token.lower_.endswith("s") and run is not None:  # "the towns of A, B and C"
                at = run.end
                while at < len(doc) and doc[at].lower_ in {",", "and"}:
                    at += 1
                run = _title_run_after(doc, at, taken) if at > run.end else None
                add(run, None, strong=True)
        elif token.lower_ in _SITE_NOUNS and doc[token.i + 1].lower_ in {"in", "near", "outside"}:
            add(_title_run_after(doc, token.i + 2, taken), None)  # "a military base in Leego"
        elif (
            token.lower_ in _KIND_WORDS_AFTER_A_NAME
            and token.i > 0
            and doc[token.i - 1].is_title
            and token.is_lower
        ):
            add(_title_run_before(doc, token.i, taken), None, strong=True)  # "the Tirah valley"
        elif (
            token.text == ","
            and doc[token.i + 1].lower_ == "where"
            and token.i >= 2
            and doc[token.i - 1].is_title
        ):
            run = _title_run_before(doc, token.i, taken)  # "near Chibok, where ..."
            if run is not None and run.start > 0 and doc[run.start - 1].lower_ in _LOCATIVES:
                add(run, None)
        elif (
            token.text == ","
            and doc[token.i + 1].lower_ in {"a", "the"}
            and _place_noun_within(doc, token.i + 2)
        ):
            add(_title_run_before(doc, token.i, taken), None)  # "X, a (small farming) town"
    return out


#: The words the place patterns of :func:`_named_places` turn on.
_PLACE_CUES = {
    "LOWER": word_ids(
        {"in", "at", "near", "located", "situated"}
        | _PLACE_NOUNS
        | _SITE_NOUNS
        | _KIND_WORDS_AFTER_A_NAME
    ),
    "ORTH": word_ids(_CAPITALISED_SUFFIXES | {","}),
}


def _place_noun_within(doc: Doc, start: int) -> bool:
    """A word for a settlement within a few describing words ('a UNRWA Palestinian refugee
    camp', 'a small farming village')."""
    for token in doc[start : start + 4]:
        if token.lower_ in _PLACE_NOUNS:
            return True
        if token.pos_ not in {"ADJ", "NOUN", "PROPN"}:
            return False
    return False


_ACRONYM = re.compile(r"[A-Z0-9]{1,2}[A-Z][A-Z0-9]{0,4}")
_TRUE = frozenset({1})


def _listed_acronyms(doc: Doc, spans: list[Span], new: dict[str, NewEntity]) -> list[Span]:
    """Unknown acronyms listed with armed groups ('groups including Anti-balaka, UPC, FPRC, 3R
    and MPC'): groups too."""
    kinds = {i: s.label_ for s in spans for i in range(s.start, s.end)}
    out: list[Span] = []
    grew = "group" in kinds.values()
    # a token the pattern takes is upper case (it has a capital and no small letter)
    candidates = [doc[i] for i in positions(doc, {"IS_UPPER": _TRUE})] if grew else []
    while grew:
        grew = False
        for token in candidates:
            if token.i in kinds or not _ACRONYM.fullmatch(token.text):
                continue
            for step in (-1, 1):  # a group next to it, across ',' or 'and'
                at = token.i + step
                while 0 <= at < len(doc) and doc[at].lower_ in {",", "and"}:
                    at += step
                if at != token.i + step and kinds.get(at) == "group":
                    key = f"group/{slugify(token.text)}"
                    new.setdefault(key, NewEntity(key, "group", token.text))
                    out.append(
                        _span(doc, token.i, token.i + 1, "group", key, "pattern:listed", 0.5)
                    )
                    kinds[token.i] = "group"
                    grew = True
                    break
    return out


def _named_groups(
    doc: Doc, taken: set[int], new: dict[str, NewEntity], gazetteer: Gazetteer
) -> list[Span]:
    """Capitalised names headed by a group word ('Sons of the Desert Brigade') the NER missed,
    with a people or place they start with ('Somali National Movement', 'Darfur Joint
    Protection Force'), unless they name a state's force ('Somali National Army')."""
    strings = doc.vocab.strings
    lower = [strings[x] for x in doc.to_array("LOWER").tolist()]
    if NAME_HEADS.isdisjoint(lower) and _ARABIC_HEADS.isdisjoint(lower):
        return []
    title = [bool(x) for x in doc.to_array("IS_TITLE").tolist()]
    out: list[Span] = []
    i, n = 0, len(doc)
    while i < n:
        j = i
        while (
            j < n
            and j not in taken
            and (
                title[j]
                or (
                    j > i
                    and lower[j] in _NAME_GLUE
                    and not title[j]
                    and not (lower[j] == "and" and j + 1 < n and lower[j + 1] == "the")
                )
            )
        ):
            j += 1
        while j > i and lower[j - 1] in _NAME_GLUE:
            j -= 1
        start = i
        while start < j and (
            lower[start] in _NAME_GLUE
            or lower[start] in GROUP_CONTEXT
            or lower[start] in {"a", "members"}
            or doc[start].is_sent_start
            and doc[start].pos_ in _NOT_NAME_POS  # "Later the ..."
        ):
            start += 1
        headed = j - start >= 2 and (
            lower[j - 1] in NAME_HEADS
            and lower[j - 2 : j] != ["task", "force"]
            or lower[start] in NAME_HEADS
            and lower[start + 1] in {"of", "for"}
            or lower[start] in _ARABIC_HEADS  # "Katibat al-Furqan", "Wilayat Sinai"
        )
        after_a_place = start == i and start > 0 and start - 1 in taken and title[start - 1]
        if j - start == 1 and after_a_place and lower[start] in _HEADS_AFTER_A_PLACE:
            headed = True  # "Sinaloa Cartel", "Arakan Army"
        if headed and start == i:  # a people or place the name starts with, found before
            while start > 0 and start - 1 in taken and title[start - 1]:
                start -= 1
        if headed and not _state_force(gazetteer, doc[start:j].text):
            span = doc[start:j]
            key = f"group/{slugify(span.text)}"
            new.setdefault(key, NewEntity(key, "group", span.text))
            out.append(_span(doc, span.start, span.end, "group", key, "pattern:group-name", 0.55))
        i = max(j, i + 1)
    return out


#: Words that make a name a state's force when a country or its demonym comes first.
_STATE_FORCE_WORDS = frozenset(
    {
        "army",
        "forces",
        "force",
        "police",
        "military",
        "navy",
        "guard",
        "gendarmerie",
        "legion",
        "marines",
    }
)


#: Parts of speech of a capitalised first word of a sentence that is no part of a name.
_NOT_NAME_POS = frozenset({"ADV", "DET", "ADP", "CCONJ", "SCONJ", "PRON"})
#: First words of forces several states send together.
_SEVERAL_STATES = frozenset({"multinational", "international", "joint", "combined"})
#: Names made of these words alone are a state's forces ('the Armed Forces', 'Special Forces').
_GENERIC_FORCE_WORDS = _STATE_FORCE_WORDS | {"armed", "security", "special", "national", "air"}


def _state_force(gazetteer: Gazetteer, name: str) -> bool:
    """'Mozambican Army', 'Nigeria Police Force', 'Central African Armed Forces', a police
    force ('Central Reserve Police Force'), a force of several states ('Multinational Force'),
    forces named by generic words alone ('the Armed Forces')."""
    words = name.split()
    lower = [w.lower() for w in words]
    if len(words) < 2 or not _STATE_FORCE_WORDS.intersection(lower[1:]):
        return False
    if "police" in lower or lower[0] in _SEVERAL_STATES or set(lower) <= _GENERIC_FORCE_WORDS:
        return True
    for n in (3, 2, 1):  # the longest country name or demonym the name starts with
        head = " ".join(words[:n])
        first = gazetteer.by_demonym(head) or gazetteer.by_name(head)
        if n < len(words) and first is not None and first.region_type == "country":
            return True
    return False


def _looks_like_group(name: str) -> bool:
    return any(w in GROUP_WORDS for w in name_key(name).split())


def _group_in_context(ent: Span) -> bool:
    if _looks_like_group(ent.text) and ent.label_ != "PERSON":
        return True
    doc = ent.doc
    window: Iterable = doc[max(ent.sent.start, ent.start - 3) : min(ent.sent.end, ent.end + 3)]
    return any(t.lower_ in GROUP_CONTEXT for t in window if t.i < ent.start or t.i >= ent.end)


@Language.factory("ckg_mentions", default_config={"use_fuzzy": True})
def make_mention_finder(nlp: Language, name: str, use_fuzzy: bool) -> MentionFinder:
    """Gazetteer + acronym + fuzzy + NER mention linking (data from :func:`load_gazetteer`)."""
    return MentionFinder(nlp, load_gazetteer(), use_fuzzy)
