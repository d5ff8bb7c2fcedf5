"""Attacks and claims of responsibility, read sentence by sentence, then merged per document.

An attack is read where a word of violence (assault, ambush, bombing, kidnapping, "gunmen
killed"...) stands in a sentence that also says who, where, when or how many. Mentions of the
same event across sentences are merged when nothing they say conflicts.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache

from dateparser.date import DateDataParser  # type: ignore[import-untyped]
from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from extractor.context import DocContext, children
from extractor.facts import Evidence
from extractor.lexicon import response_kind
from extractor.mentions import Mention
from extractor.triggers import OUTBREAK_ONLY, TRIGGERS
from ontology.iris import digest

#: What a verb of firing must fire, or at what, to tell an attack ("fired a missile at a ship").
_FIRED = frozenset({"missile", "rocket", "shell", "mortar", "drone", "grenade", "at", "on"})
#: Verbs that tell an attack only with the right object: a place seized, forces engaged.
_SEIZE = frozenset({"seize", "capture", "invade", "occupy", "take"})
#: Triggers only as verbs (with the objects checked in ``_trigger``).
_VERB_ONLY = _SEIZE | {"open", "fire", "engage", "detonate", "explode"}
_PLACE_OBJECTS = frozenset(
    {
        "town",
        "city",
        "village",
        "capital",
        "base",
        "territory",
        "area",
        "district",
        "region",
        "province",
        "camp",
        "headquarters",
        "airport",
        "port",
        "locality",
        "north",
        "south",
        "east",
        "west",
    }
)
_FORCES = frozenset(
    {"force", "troop", "soldier", "patrol", "army", "police", "convoy", "peacekeeper", "unit"}
)
_ATTACKER_WORDS = frozenset(
    {
        "gunmen",
        "gunman",
        "militants",
        "jihadists",
        "assailants",
        "attackers",
        "insurgents",
        "fighters",
        "rebels",
        "terrorists",
        "bandits",
        "militiamen",
        "bomber",
        "bombers",
        "extremists",
    }
)
#: Words that make a plural trigger specific: "several attacks", "twin bombings".
_COUNTED = frozenset(
    {
        "several",
        "multiple",
        "numerous",
        "twin",
        "two",
        "three",
        "four",
        "five",
        "series",
        "wave",
        "spate",
        "string",
    }
)
#: Words for a place the text named before, and the kinds of place they stand for.
_UNNAMED_PLACES = {"capital": {"country"}, "city": {"town"}, "town": {"town"}, "village": {"town"}}
#: Verbs whose subject is a specific event: "clashes broke out in ...".
_OCCUR = frozenset({"break", "erupt", "occur", "happen", "begin", "start"})
#: Verbs whose object is a specific attack: "launched attacks against ...".
_CARRY_OUT = frozenset({"launch", "carry", "conduct", "stage", "mount", "perpetrate"})
#: Subjects of "killed" that mean a state's response, not an attack.
_STATE_MEANS = frozenset(
    {
        "airstrike",
        "strike",
        "operation",
        "troop",
        "force",
        "soldier",
        "army",
        "police",
        "drone",
        "raid",
        "offensive",
        "military",
    }
)
_DATE_WORDS = re.compile(
    r"\b(\d{4}|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|"
    r"dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
    r"today|tonight|last|this|ago|earlier)\b",
    re.I,
)
_DAY = re.compile(
    r"\b\d{1,2}(st|nd|rd|th)?\b(?!\d)|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I
)
#: Month names and their abbreviations ("Sept."), as written in dates (English: the C locale).
_MONTHS = {
    name: i
    for i, full in enumerate(calendar.month_name)
    if full
    for name in (full.lower(), full[:3].lower(), full[:4].lower())
}
_MONTH = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b", re.I)
_GENERIC = frozenset(
    {
        "future",
        "similar",
        "potential",
        "possible",
        "such",
        "further",
        "any",
        "more",
        "frequent",
        "increasing",
        "coordinated",
        "prevent",
        "thwart",
    }
)
#: Words before a group that deny its part in an attack.
_NOT_INVOLVED = re.compile(
    r"\b(no (definitive |clear |direct |conclusive )?(evidence|proof|indication|sign)s?|"
    r"(denied|deny|denies|ruled out) (that|any)|not clear whether|unclear whether)\b[^.;]*$",
    re.I,
)
_NO_CLAIM = re.compile(
    r"\b(no (immediate )?(claim|one|group|organi[sz]ation)|not (yet )?(been )?claimed|"
    r"did not claim|has not claimed|nobody|denied)\b",
    re.I,
)
_CLAIM = re.compile(
    r"\b(claim(s|ed|ing)?\s+(of\s+)?(responsibility|duty|credit)|"
    r"claim(ed|s)? (the |this |that )?(attack|assault|bombing|ambush|raid|kidnapping)|"
    r"took responsibility|responsibility for)\b",
    re.I,
)
#: Words that point back at the group the text was just about.
_ANAPHOR = re.compile(
    r"\b(its|their|the (group|militants|jihadists|insurgents|rebels|organi[sz]ation|"
    r"movement|militia)(['’]s)?)\b",
    re.I,
)
#: Sentences that blame a group for an attack told elsewhere ("X was responsible").
#: A date that measures from another event: "since the start of the insurgency in 2015".
_SINCE = re.compile(r"\bsince\b[^,.;()]*$", re.I)
_BLAME = re.compile(
    r"\b(was|were|is|are|be|been) (held |believed |thought |said )?(to be )?responsible\b|"
    r"\b(suspicion fell on|blamed|attributed (it |the attack )?to|suspected)\b|"
    r"\b(carried out|perpetrated|committed|orchestrated|ordered|masterminded) by\b",
    re.I,
)
_PERPETRATOR_BEFORE = re.compile(
    r"\b(attributed to|blamed on|carried out by|by|claimed by|"
    r"perpetrated by|suspicion fell on|suspected|"
    r"(militants|fighters|members|gunmen|jihadists|insurgents) (of|from))"
    r"\s+(the\s+)?([\w'’-]+\s+)?$",
    re.I,
)
#: What follows the place of a dateline ("BAMAKO, Mali (Reuters) —"): where the report was
#: filed, not where the event was.
_DATELINE = re.compile(r"^(,\s*[A-Z][\w .'-]{1,30})?\s*(\([^)]{1,30}\)\s*)?[—–-]{1,2}\s")
#: What comes before the place of a dateline on its line: nothing, or the city ("BAMAKO, ").
_DATELINE_START = re.compile(r"\s*([A-Z][\w .'-]{1,30},\s*)?")
#: A sentence describing where a place is.
_DESCRIBED = re.compile(r"^\S+(\s+\S+){0,3}\s+(is|was|lies)\s+(located|situated|about|near|in)\b")
#: Words before a place that make it a landmark, not the place of the event: "near the border
#: with X", "170 kilometers southeast of Yemen's port of Aden", "located near X".
_NOT_THE_PLACE = re.compile(
    r"\b(border with|borders? of|bordering|neighbou?ring)\s+(the\s+)?$|"
    r"\b(located|situated|lying|lies)\s+(near|close\s+to|outside)\b[^.;]*$|"
    r"\b(kilomet(er|re)s?|km|miles?)\b[^.;]{0,30}\b(of|from)\b[^.;,]*$|"
    r"(?<!the )\b(north|south|east|west)(-?(east|west))?\s+of\s+[^.;,]*$|"
    r"\b(sent|coming|came|fled|fleeing|returning|arriving|deployed|travell?ing)\s+from\s+"
    r"(the\s+)?$|"
    r"\b(fled|flee|fleeing|escaped|left)\s+(the\s+)?$|"
    r"\b(refugees|migrants|nationals|workers|immigrants)\s+from\s+(the\s+)?$|"
    r"\b(governor|mayor|minister|ministry|president|prefect|police chief|commissioner|"
    r"spokes(man|woman|person)|officials?|authorities|administrator)\s+(of|for)\s+(the\s+)?"
    r"([\w'’-]+['’]s\s+)?$",
    re.I,
)
_NATIONALITY = re.compile(
    r"^\s*(and [\w.]+ )?(soldiers|troops|forces|military|army|nationals|"
    r"citizens|personnel|officials|government)\b",
    re.I,
)
#: "in conflict with X", "fighting against X": a group named as the other side.
_OPPONENT_BEFORE = re.compile(
    r"\b(against|with|targeting|fighting|versus)\s+(the\s+)?([\w'’-]+\s+){0,4}$", re.I
)
_AFFILIATION_BEFORE = re.compile(
    r"\b(linked|affiliated|associated|allied|aligned|loyal|tied|"
    r"allegiance|close)\s+(to|with)\s+(the\s+)?([\w-]+\s+)?$",
    re.I,
)
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
}
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_VICTIMS = (
    r"(people|persons|civilians|soldiers|troops|villagers|residents|worshippers|"
    r"police(?:men| officers)?|officers|gendarmes|peacekeepers|students|children|women|"
    r"men|members|fighters|militants|others|passengers|workers|farmers|herders|"
    r"security forces|personnel)"
)
_KILLED = [
    re.compile(
        r"kill(?:ed|ing)\s+(?:at least |more than |some |about |around |nearly |over |"
        r"up to |an estimated )?" + _NUM + r"\b",
        re.I,
    ),
    re.compile(
        r"\b(?:at least |more than |some |about |around |nearly |over |up to )?"
        + _NUM
        + r"\s+(?:\w+\s+){0,2}"
        + _VICTIMS
        + r"\s+(?:were\s+|had been\s+|have been\s+|"
        r"being\s+)?(?:killed|dead|died|slain|massacred|executed)",
        re.I,
    ),
    re.compile(r"\b" + _NUM + r"\s+(?:dead|deaths|fatalities|killed)\b", re.I),
    re.compile(r"\bdeaths of (?:at least |more than |some |about |over )?" + _NUM + r"\b", re.I),
    re.compile(r"death toll (?:\w+\s+){0,4}?(?:to|of|at)\s+(?:at least\s+)?" + _NUM, re.I),
]
_WOUNDED = re.compile(
    r"\b(?:at least |more than |some |about )?"
    + _NUM
    + r"\s+(?:\w+\s+){0,2}(?:were\s+)?(?:wounded|injured)",
    re.I,
)
_TARGETS: dict[str, str] = {
    "soldier": "military",
    "troop": "military",
    "army": "military",
    "military": "military",
    "base": "military",
    "convoy": "military",
    "checkpoint": "military",
    "barracks": "military",
    "camp": "military",
    "outpost": "military",
    "civilian": "civilians",
    "villager": "civilians",
    "resident": "civilians",
    "worshipper": "civilians",
    "market": "civilians",
    "village": "civilians",
    "church": "civilians",
    "mosque": "civilians",
    "school": "civilians",
    "passenger": "civilians",
    "farmer": "civilians",
    "police": "police",
    "policeman": "police",
    "gendarme": "police",
    "gendarmerie": "police",
    "peacekeeper": "peacekeepers",
    "official": "government",
    "minister": "government",
    "governor": "government",
}


@dataclass
class AttackReading:
    """What one sentence says about an attack."""

    evidence: Evidence
    trigger: str
    event_type: str | None
    location: Mention | None = None
    perpetrators: list[Mention] = field(default_factory=list)
    claimants: list[Mention] = field(default_factory=list)
    date_text: str | None = None
    date: date | None = None
    killed: int | None = None
    killed_text: str | None = None
    wounded: int | None = None
    target: str | None = None
    evidences: list[Evidence] = field(default_factory=list)
    claim_evidence: list[Evidence] = field(default_factory=list)
    #: (role, group key) -> the evidence of the sentence the role was read from
    role_evidence: dict[tuple[str, str], Evidence] = field(default_factory=dict)
    #: which of the attacks its sentence lists (0 for the first or only one)
    part: int = 0
    #: told as an event already mentioned: "the attack", "the second blast"
    anaphoric: bool = False

    def informative(self) -> bool:
        """Says at least who, where, when or how many."""
        return bool(
            self.location
            or self.perpetrators
            or self.claimants
            or self.date
            or self.killed is not None
        )


def read_attacks(ctx: DocContext, modifiers: set[Mention]) -> None:
    """Find attacks and claims in the document and add them to ``ctx.facts``."""
    readings: list[AttackReading] = []
    pending_claims: list[tuple[Span, list[Mention]]] = []
    pending_blame: list[tuple[Span, list[Mention]]] = []
    candidates = _trigger_words(ctx.doc)
    positions = [t.i for t in candidates]
    recent: tuple[Mention, int] | None = None  # the group the last sentences were about
    for index, sent in enumerate(ctx.sentences):
        if ctx.in_table(sent.start_char):
            continue
        groups = [
            m
            for m in ctx.mentions_in(sent.start_char, sent.end_char, "group")
            if m not in modifiers
        ]
        if groups:
            subjects = [g for g in groups if ctx.is_subject(g)]
            recent = (subjects or groups)[0], index
        first, last = bisect_left(positions, sent.start), bisect_left(positions, sent.end)
        events = _events(sent, candidates[first:last], groups)
        said = ctx.sentence_text(sent)
        claim = _CLAIM.search(said) if not _NO_CLAIM.search(said) else None
        if not events:
            if readings and _casualties_only(sent, readings[-1], ctx):
                continue
            if claim and groups:
                pending_claims.append((sent, groups))
            elif groups and _BLAME.search(said):
                pending_blame.append((sent, groups))
            continue
        anaphor = _ANAPHOR.search(said)  # "its fighters attacked ...", "the group ambushed ..."
        for part, (trigger, scope) in enumerate(events):
            reading = _read(ctx, sent, trigger, groups, bool(claim), scope)
            reading.part = part
            if not (reading.perpetrators or reading.claimants) and _by_state_forces(
                ctx, sent, trigger
            ):
                continue  # "carried out by the Malian Armed Forces": a state's operation
            if reading.perpetrators and all(_state_allied(ctx, g) for g in reading.perpetrators):
                continue  # "the SDF launched assaults" (with the coalition): a response
            if not groups and anaphor and recent is not None and index - recent[1] <= 2:
                reading.perpetrators.append(recent[0])
                reading.role_evidence[("perpetratedBy", recent[0].key)] = ctx.sentence_evidence(
                    sent, "rule:attack-anaphora", 0.5
                )
            if not reading.informative():
                continue  # an attack word with nothing said of it: "have also been attacked"
            if reading.location is None and not (reading.anaphoric and readings):
                # ("the attack" joins the event told before, and takes its place)
                reading.location = _recent_place(ctx, sent) or _place_described_next(ctx, index)
            readings.append(reading)
    merged = _merge(ctx, readings)
    for sent, groups in pending_claims:  # "JNIM's claim of responsibility ..." without a trigger
        if merged:
            nearest = min(merged, key=lambda r: abs(r.evidence.start - sent.start_char))
            _add_claims(
                ctx,
                nearest,
                [g for g in groups if _is_claimant(ctx, sent, g)] or _unaffiliated(ctx, groups)[:1],
                ctx.sentence_evidence(sent, "rule:claim-context", 0.5),
            )
    for sent, groups in pending_blame:  # "officials said al-Shabaab was responsible"
        blamed = _nearest_before(ctx, merged, sent)
        if blamed is not None and not blamed.perpetrators:
            ev = ctx.sentence_evidence(sent, "rule:blame-context", 0.5)
            named = [  # "carried out by the Real IRA, a splinter group of the IRA"
                g
                for g in groups
                if _PERPETRATOR_BEFORE.search(
                    ctx.text[max(sent.start_char, g.start - 40) : g.start]
                )
            ]
            for g in named or groups:
                blamed.perpetrators.append(g)
                blamed.role_evidence[("perpetratedBy", g.key)] = ev
            blamed.claimants = [c for c in blamed.claimants if c not in blamed.perpetrators]
            blamed.evidences.append(ev)
    for reading in merged:
        _emit(ctx, reading)


def _trigger_words(doc: Doc) -> list[Token]:
    """The words whose lemma is a trigger, found from lemma ids (one Token object per hit, not
    per word)."""
    lemmas = doc.to_array([LEMMA]).tolist()
    strings = doc.vocab.strings
    wanted = {h for h in set(lemmas) if strings[h].lower() in TRIGGERS}
    return [doc[i] for i, h in enumerate(lemmas) if h in wanted]


def _nearest_before(
    ctx: DocContext, readings: list[AttackReading], sent: Span
) -> AttackReading | None:
    """The attack told last before a sentence (within the three sentences before it)."""
    before = [r for r in readings if r.evidence.start < sent.start_char]
    if not before:
        return None
    last = max(before, key=lambda r: r.evidence.start)
    told = [last.evidence, *last.evidences]
    near = max(e.end for e in told if e.start < sent.start_char)
    return last if len(ctx.text[near : sent.start_char].split(". ")) <= 3 else None


def _events(sent: Span, candidates: list[Token], groups: list[Mention]) -> list[tuple[Token, Span]]:
    """The attacks a sentence tells of, each with the words that describe it. A sentence that
    lists attacks ('the airport attack that killed 13, twin bombings in July 2018 that killed
    131, and a suicide bombing in Khar') gives one per listed attack word; else one at most."""
    first = _trigger(sent, candidates, groups)
    if first is None:
        return []
    chain = [first]
    for token in candidates:
        if token.pos_ == "NOUN" and token.dep_ == "conj" and token.head in chain:
            chain.append(token)
    if len(chain) == 1:
        return [(first, sent)]
    doc = sent.doc
    events = []
    for token in chain:
        after = [c.left_edge.i for c in children(token) if c.dep_ == "conj" and c in chain]
        events.append((token, doc[token.left_edge.i : min(after, default=token.right_edge.i + 1)]))
    return events


def _trigger(sent: Span, candidates: list[Token], groups: list[Mention]) -> Token | None:
    """The sentence's attack word, among its words whose lemma is a trigger: the first that
    tells a new event, else the first that refers back to one ('a day before the massacre,
    jihadists attacked ...' is told by 'attacked')."""
    told = [t for t in candidates if _tells_attack(sent, t, groups)]
    return next((t for t in told if not _definite(t)), told[0] if told else None)


def _tells_attack(sent: Span, token: Token, groups: list[Mention]) -> bool:
    lemma = token.lemma_.lower()
    if lemma in OUTBREAK_ONLY:  # "fighting broke out between ...", "violence spread to ..."
        return token.dep_ == "nsubj" and token.head.lemma_ in _OCCUR | {"spread"}
    if token.dep_ == "compound" and token.head.lemma_.lower() in TRIGGERS:
        return _tells_attack(sent, token.head, groups)  # "suicide attacks are unusual": generic
    if token.pos_ == "NOUN" and lemma not in _VERB_ONLY:  # not "the capture of", "cease-fire"
        counted = (
            any(c.dep_ == "nummod" or c.lower_ in _COUNTED for c in children(token))
            or token.dep_ == "dobj"
            and token.head.lemma_ in _CARRY_OUT
            or token.dep_ == "nsubj"  # "clashes broke out in ..."
            and token.head.lemma_ in _OCCUR
            and token.head.tag_ == "VBD"
        )
        if token.tag_ in {"NNS", "NNPS"} and lemma not in {"gunfire"} and not counted:
            return False  # "attacks are becoming more frequent": generic; "two bombings": not
        return not (
            any(c.lower_ in _GENERIC for c in children(token)) or token.head.lower_ in _GENERIC
        )
    if token.pos_ != "VERB" or token.tag_ not in {"VBD", "VBN", "VBZ", "VBG"}:
        return False
    kids = list(children(token))
    if lemma in {"kill", "execute"} and not (groups or _has_attacker(sent)):
        return False  # "killed" alone may be an accident or a state operation
    if lemma in _SEIZE and _seized_place(token) is None:
        return False  # "seized weapons", "took part": no place taken
    if lemma == "open" and not any(c.lower_ == "fire" for c in kids):
        return False  # only "opened fire"
    if lemma == "fire" and not any(c.lemma_.lower() in _FIRED for c in kids):
        return False  # "fired the coach"
    if lemma == "engage" and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in _FORCES for c in kids
    ):
        return False  # "engaged in talks"
    doer = token.head if token.dep_ == "conj" else token  # "troops retaliated and killed"
    if any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _STATE_MEANS for c in (*kids, *children(doer))
    ):
        return False  # "the airstrike killed three militants": a response
    return not any(  # "the attackers were killed by security forces"
        a.dep_ == "agent" and p.lemma_.lower() in _STATE_MEANS for a in kids for p in children(a)
    )


def _seized_place(verb: Token) -> Token | None:
    """The place a verb of seizure takes: the object of 'seized the town', 'captured Gao', 'took
    control of the capital', the subject of 'Gao was captured'; ``None`` if it takes no place."""
    objects = [c for c in children(verb) if c.dep_ in {"dobj", "nsubjpass"}]
    control = [o for o in objects if o.lemma_.lower() == "control"]
    if control:  # "took control of the capital", "seized control of northern Mali"
        objects = [o for c in control for p in children(c) if p.lower_ == "of" for o in children(p)]
    elif verb.lemma_.lower() == "take":
        return None
    objects += [c for o in objects for c in children(o) if c.dep_ == "compound"]  # misparsed
    for obj in objects:
        if obj.lemma_.lower() in _PLACE_OBJECTS or obj.ent_type_ in {"GPE", "LOC", "FAC"}:
            return obj
    return None


def _has_attacker(sent: Span) -> bool:
    return any(t.lower_ in _ATTACKER_WORDS for t in sent)


def _read(
    ctx: DocContext,
    sent: Span,
    trigger: Token,
    groups: list[Mention],
    claimed: bool,
    scope: Span | None = None,
) -> AttackReading:
    """What a sentence says of one attack; place, date, casualties and target are read within
    ``scope`` (the words about this attack when the sentence lists several)."""
    lemma = trigger.lemma_.lower()
    reading = AttackReading(
        ctx.sentence_evidence(sent, "rule:attack-sentence", 0.7), lemma, TRIGGERS[lemma]
    )
    area = scope if scope is not None else sent
    regions = [
        m
        for m in ctx.mentions_in(area.start_char, area.end_char, "region")
        if not _landmark(ctx, m)
        and not _dateline(ctx, m)
        and not _NATIONALITY.match(ctx.text[m.end : m.end + 30])
        and not ctx.text.startswith("-based", m.end)  # "the Pakistan-based group"
    ]
    if _definite(trigger):
        # "the attack" takes only a place said of it ("the attack in Tirah") or of its clause
        # ("the attack occurred in Tirah"), not one the sentence names for something else
        clause = trigger.head if trigger.dep_ in {"nsubj", "nsubjpass"} else trigger
        if trigger.dep_ == "pobj" and trigger.head.head.pos_ == "VERB":
            clause = trigger.head.head  # "were wounded in the blast ... in Yala province"
        regions = [m for m in regions if clause.left_edge.idx <= m.start < _end(clause)]
    seized = _seized_place(trigger) if lemma in _SEIZE else _struck_place(trigger)
    if seized is not None:  # the place taken or struck: "seized the city", "attacked the town"
        named = [m for m in regions if seized.left_edge.idx <= m.start < _end(seized)]
        reading.location = (
            max(named, key=lambda m: (ctx.specificity(m.key), -m.start))
            if named
            else _unnamed_place(ctx, seized)
        )
    if reading.location is None and regions:
        near = [m for m in regions if _after_locative(ctx, m)] or regions
        reading.location = max(
            near, key=lambda m: (ctx.specificity(m.key), -abs(m.start - trigger.idx))
        )
    if reading.location is not None:
        reading.location = _around_a_list(ctx, reading.location, regions)
    for g in groups:
        if claimed and _is_claimant(ctx, sent, g):
            reading.claimants.append(g)
        elif _is_perpetrator(ctx, sent, trigger, g):
            reading.perpetrators.append(g)
    if claimed and not reading.claimants:
        reading.claimants += _unaffiliated(ctx, groups)[:1]
    reading.claimants = [g for g in reading.claimants if g not in reading.perpetrators]
    for role, mentions in (
        ("perpetratedBy", reading.perpetrators),
        ("claimant", reading.claimants),
    ):
        for g in mentions:
            reading.role_evidence[(role, g.key)] = reading.evidence
    _read_date(ctx, area, reading)
    reading.anaphoric = (
        _definite(trigger)
        and (reading.date is None or _referred_to(trigger))
        or (reading.date is None and reading.location is None)
    )
    _read_casualties(ctx.text[area.start_char : area.end_char], reading)
    reading.target = _target(area, trigger)
    if reading.event_type is None:
        reading.event_type = "armed-clash" if reading.target == "military" else "attack"
    return reading


def _around_a_list(ctx: DocContext, place: Mention, regions: list[Mention]) -> Mention:
    """An attack on three or more places listed together is placed where the text puts them
    all ('the towns of A, B, C and D, all located in Cameroon's Far North region', 'the
    villages of A, B and C around Tillia'): the first place named after the list, or the one
    after its country's possessive."""
    heads: dict[int, list[Mention]] = {}
    for m in regions:
        root = ctx.root(m)
        while root is not None and root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        if root is not None:
            heads.setdefault(root.i, []).append(m)
    listed = next((ms for ms in heads.values() if len(ms) >= 3 and place in ms), None)
    if listed is None:
        return place
    start, end = min(m.start for m in listed), max(m.end for m in listed)
    if not re.search(r"\b(and|or)\b", ctx.text[start : end + 20]):
        return place  # "Bellavista, Bojayá Municipality, Chocó Department": nested, not a list
    after = [m for m in regions if m.start >= end]
    if not after:
        return place
    if len(after) > 1 and re.fullmatch(r"['’]s\s+", ctx.text[after[0].end : after[1].start]):
        return after[1]
    return after[0]


def _definite(trigger: Token) -> bool:
    """'the attack', 'this bombing', 'the second blast': an event told before, not one named
    on its own ('the Kagara kidnapping', 'the 2021 airport attack')."""
    kids = list(children(trigger))
    return (
        trigger.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in kids)
        and not any(c.dep_ in {"compound", "nummod", "poss"} or c.pos_ == "PROPN" for c in kids)
    )


def _struck_place(verb: Token) -> Token | None:
    """The town, city or village a verb of attack takes as its object ('attacked the town')."""
    if verb.pos_ != "VERB":
        return None
    return next(
        (
            c
            for c in children(verb)
            if c.dep_ == "dobj"
            and c.lemma_.lower() in _UNNAMED_PLACES
            and any(d.lower_ == "the" for d in children(c))  # "the town": one named before
        ),
        None,
    )


def _referred_to(trigger: Token) -> bool:
    """'to investigate the massacre', 'condemned the attack': the event is what another act
    is about, so the sentence's date is that act's, not the event's."""
    return trigger.dep_ in {"dobj", "pobj"} and trigger.head.lemma_.lower() not in TRIGGERS


def _end(token: Token) -> int:
    last = token.right_edge
    return last.idx + len(last.text)


def _unnamed_place(ctx: DocContext, word: Token | None) -> Mention | None:
    """The place 'the town' or 'the capital' stands for: the town named last before it, or the
    country named last before it (whose capital the text leaves unnamed)."""
    if word is None or word.ent_type_:
        return None
    kinds = _UNNAMED_PLACES.get(word.lemma_.lower())
    if kinds is None:
        return None
    before = [
        m
        for m in ctx.mentions_in(0, word.idx, "region")
        if ctx.region_type(m.key) in kinds
        or (  # a place the NER found, of no known kind
            "town" in kinds and m.key not in ctx.gazetteer and ctx.region_type(m.key) == "other"
        )
    ]
    return before[-1] if before else None


def _landmark(ctx: DocContext, m: Mention) -> bool:
    """A place named to say where the event was relative to it, unless the event is told in a
    clause about it ('275 km northwest of Chibok, where ... were kidnapped')."""
    return bool(_NOT_THE_PLACE.search(ctx.text[max(0, m.start - 60) : m.start])) and not (
        ctx.text[m.end : m.end + 8].startswith(", where")
    )


def _dateline(ctx: DocContext, m: Mention) -> bool:
    """A place in the dateline that opens a report ('BAMAKO, Mali (VOA) — '), not one followed
    by a dash in a sentence ('an island in Lake Chad - killing 92 soldiers')."""
    line = ctx.text[ctx.text.rfind("\n", 0, m.start) + 1 : m.start]
    return bool(_DATELINE_START.fullmatch(line) and _DATELINE.match(ctx.text[m.end : m.end + 40]))


def _after_locative(ctx: DocContext, m: Mention) -> bool:
    """'in X', 'near the X', 'throughout X', or a place named after its country's possessive ('in
    Cameroon's Mayo-Moskota district')."""
    before = ctx.text[max(0, m.start - 12) : m.start].lower()
    return bool(
        re.search(
            r"\b(in|near|at|outside|around|of|across|from|throughout|inside|within|into|on)\s+"
            r"(the\s+)?$|\w['’]s\s+$",
            before,
        )
    )


def _unaffiliated(ctx: DocContext, groups: list[Mention]) -> list[Mention]:
    """Groups not named only as what others are allied with."""
    return [g for g in groups if not _named_as_ally(ctx, g)]


def _named_as_ally(ctx: DocContext, g: Mention) -> bool:
    """'militants allied with X', 'factions affiliated with X': X is a network, not the actor."""
    return bool(_AFFILIATION_BEFORE.search(ctx.text[max(0, g.start - 40) : g.start]))


def _is_claimant(ctx: DocContext, sent: Span, g: Mention) -> bool:
    claim = _CLAIM.search(ctx.sentence_text(sent))
    if claim is None or _named_as_ally(ctx, g):
        return False  # "militants allied with the TTP claimed ...": not the TTP itself
    cue = sent.start_char + claim.start()
    return abs(cue - g.end) < 120 or abs(g.start - (sent.start_char + claim.end())) < 25


def _is_perpetrator(ctx: DocContext, sent: Span, trigger: Token, g: Mention) -> bool:
    before = ctx.text[max(sent.start_char, g.start - 40) : g.start]
    if _NOT_INVOLVED.search(ctx.text[max(sent.start_char, g.start - 60) : g.start]):
        return False  # "there is no evidence that al-Qaeda participated in the attack"
    if any(_named_as_ally(ctx, m) for m in _groups_in(ctx, sent) if m.key == g.key):
        return False  # "rebels affiliated with the ADF (ADF)": a network, not the attacker
    if _PERPETRATOR_BEFORE.search(before):
        return True
    root = ctx.root(g)
    if root is None:
        return False
    if _disowns(root):
        return False  # "Hezbollah condemned the attack", "X denied any involvement"
    if root.dep_ in {"nsubj", "nsubjpass", "poss", "compound", "amod"} and root.head.i in {
        trigger.i,
        *(t.i for t in trigger.ancestors),
    }:
        return True
    if root.dep_ in {"poss", "compound", "amod"} and root.head.lemma_.lower() in TRIGGERS:
        return True  # "a villager was killed during a BH incursion"
    if root.head.lower_ in _ATTACKER_WORDS or any(
        c.lower_ in _ATTACKER_WORDS for c in children(root)
    ):
        return True
    if len({m.key for m in _groups_in(ctx, sent)}) != 1 or _suffered(root, trigger):
        return False
    # the only group, named before the attack word or after an event named first ("The Atiak
    # massacre occurred ..., when 300 Lord's Resistance Army soldiers entered the town")
    return g.start < trigger.idx or (
        trigger.dep_ in {"nsubj", "nsubjpass"}
        and not _OPPONENT_BEFORE.search(before)
        and not _by_state_forces(ctx, sent, trigger)
    )


_DISOWNING_VERBS = frozenset({"deny", "condemn", "reject", "denounce", "disown"})


def _disowns(token: Token) -> bool:
    """The group denies or condemns: the subject (or one of the subjects) of such a verb."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    verb = token.head
    return token.dep_ == "nsubj" and (
        verb.lemma_.lower() in _DISOWNING_VERBS
        or any(c.dep_ == "xcomp" and c.lemma_.lower() in _DISOWNING_VERBS for c in verb.children)
    )  # "X condemned the attack", "X have continued to deny any involvement"


def _suffered(token: Token, trigger: Token) -> bool:
    """The words are part of what the attack struck: its object or passive subject ('the
    leader of Boko Haram was killed')."""
    for t in (token, *token.ancestors):
        if t.head.i == trigger.i and t.dep_ in {"dobj", "nsubjpass"}:
            return True
        if t.i == trigger.i:
            return False
    return False


def _groups_in(ctx: DocContext, sent: Span) -> list[Mention]:
    return ctx.mentions_in(sent.start_char, sent.end_char, "group")


def _read_date(ctx: DocContext, sent: Span, reading: AttackReading) -> None:
    for ent in ctx.dates:
        if ent.start < sent.start or ent.end > sent.end:
            continue
        if re.search(r"\b(years?|decades?|recent|past)\b", ent.text, re.I):
            continue
        if not _DATE_WORDS.search(ent.text):
            continue  # "between 10 and 17" (ages), "nine days" (a duration)
        if ent.text.isdigit() and not 1800 <= int(ent.text) <= 2100:
            continue  # "Operation 1027": a name's number, not a year
        if _SINCE.search(ctx.text[max(sent.start_char, ent.start_char - 80) : ent.start_char]):
            continue  # "the deadliest ambush since the start of the insurgency in 2015"
        reading.date_text = ent.text
        written = _calendar_date(ent.text)
        if written is not None:
            reading.date = written
        elif re.search(r"\b\d{4}\b", ent.text) or ctx.published is not None:
            parsed = _date_parser(ctx.published).get_date_data(ent.text).date_obj
            reading.date = parsed.date() if parsed is not None else None
        return


_CALENDAR = re.compile(
    r"^(?:(?P<d1>\d{1,2})\s+)?(?P<month>[A-Za-z]{3,9})\.?(?:\s+(?P<d2>\d{1,2}),?)?\s+(?P<year>\d{4})$"
    r"|^(?P<only>\d{4})$"
)


def _calendar_date(text: str) -> date | None:
    """A date written out in full ('24 October 2020', 'May 2, 2002', 'October 2020', '2014'),
    read without dateparser (ten times cheaper); the first day of a month or year that is given
    alone. ``None`` for anything else ('last Tuesday')."""
    m = _CALENDAR.match(text.strip())
    if m is None:
        return None
    if m["only"]:
        return date(int(m["only"]), 1, 1)
    month = _MONTHS.get(m["month"].lower())
    if month is None:
        return None
    try:
        return date(int(m["year"]), month, int(m["d1"] or m["d2"] or 1))
    except ValueError:
        return None


@lru_cache(maxsize=64)
def _date_parser(published: date | None) -> DateDataParser:
    """An English date parser resolving relative dates against the publication date (one per
    date: building a parser costs more than parsing)."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime.combine(published, time())
    return DateDataParser(languages=["en"], settings=settings)


def _number(text: str) -> int:
    text = text.lower().replace(",", "")
    return int(text) if text.isdigit() else _NUMBER_WORDS[text]


def _read_casualties(text: str, reading: AttackReading) -> None:
    for pattern in _KILLED:
        m = pattern.search(text)
        if m:
            reading.killed, reading.killed_text = _number(m.group(1)), m.group(0)
            break
    m = _WOUNDED.search(text)
    if m:
        reading.wounded = _number(m.group(1))


def _target(sent: Span, trigger: Token) -> str | None:
    """The kind of target named after the trigger (else before it), skipping who reported it."""
    after = [t for t in sent if t.i > trigger.i]
    before = [t for t in sent if t.i < trigger.i]
    for token in after + before[::-1]:
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_ in {"say", "tell", "report"}:
            continue
        target = _TARGETS.get(token.lemma_.lower())
        if target:
            return target
    return None


_PASSIVE_KILLED = re.compile(
    r"\b(were|was|been|are) (killed|dead|slain|wounded|injured)\b|\bdeath toll\b|"
    r"\b(killing|killed)\b",
    re.I,
)


def _casualties_only(sent: Span, last: AttackReading, ctx: DocContext) -> bool:
    """A sentence right after an attack that only gives its casualties: add them to it."""
    said = ctx.sentence_text(sent)
    if sent.start_char - last.evidence.end > 400 or not _PASSIVE_KILLED.search(said):
        return False
    if response_kind(said) is not None:
        return False  # "the drone strike killed 10": a response's toll, not the attack's
    probe = AttackReading(last.evidence, last.trigger, last.event_type)
    _read_casualties(said, probe)
    if probe.killed is None and probe.wounded is None:
        return False
    if last.killed is None and probe.killed is not None:
        last.killed, last.killed_text = probe.killed, probe.killed_text
    if last.wounded is None:
        last.wounded = probe.wounded
    last.evidences.append(ctx.sentence_evidence(sent, "rule:casualties-sentence", 0.6))
    return True


def _compatible(ctx: DocContext, a: AttackReading, b: AttackReading, loose: bool = False) -> bool:
    """Nothing the two readings say conflicts; ``loose`` (for 'the attack', 'the second blast')
    lets a part of the event have a date or toll of its own."""

    def same(x: object, y: object) -> bool:
        return x is None or y is None or x == y

    if a.evidence.start == b.evidence.start and a.part != b.part:
        return False  # attacks one sentence lists apart
    if a.location and b.location and not _nested(ctx, a.location.key, b.location.key):
        return False
    perps_a, perps_b = (
        {g.key for g in a.perpetrators + a.claimants},
        {g.key for g in b.perpetrators + b.claimants},
    )
    if perps_a and perps_b and not perps_a & perps_b:
        return False
    return loose or _same_day(a, b) and same(a.killed, b.killed)


def _same_day(a: AttackReading, b: AttackReading) -> bool:
    """The two dates may name the same day: equal, or one given only to the month or year
    ('in October 2020' and 'on 24 October 2020')."""
    if a.date is None or b.date is None or a.date == b.date:
        return True
    texts = (a.date_text or "", b.date_text or "")
    if not all(_DAY.search(t) for t in texts):
        month = all(_MONTH.search(t) for t in texts)
        return (a.date.year, a.date.month if month else 0) == (
            b.date.year,
            b.date.month if month else 0,
        )
    return False


def _nested(ctx: DocContext, x: str, y: str) -> bool:
    """The same place or one inside the other, as far as the text and the gazetteer tell: a
    place the gazetteer lacks stands for the known place the text puts it in; one put nowhere
    may be inside any known place, but is not inside another such place."""
    if x == y or ctx.inside(x, y) or ctx.inside(y, x):
        return True
    if ctx.region_type(x) == ctx.region_type(y) == "town":
        return False  # two towns: two places
    kx, ky = ctx.known_container(x), ctx.known_container(y)
    if kx is None or ky is None:
        return (kx is None) != (ky is None)
    return kx == ky or kx in ctx.gazetteer.ancestors(ky) or ky in ctx.gazetteer.ancestors(kx)


def _merge(ctx: DocContext, readings: list[AttackReading]) -> list[AttackReading]:
    """One reading per event: each joins the first earlier event it does not conflict with
    ('the attack ...' joins the event told last)."""
    merged: list[AttackReading] = []
    for r in readings:
        last = max(merged, key=_last_told, default=None)
        if r.anaphoric and last is not None and _compatible(ctx, last, r, loose=True):
            _absorb(ctx, last, r, with_date=False)
            continue
        into = next((m for m in merged if _compatible(ctx, m, r)), None)
        if into is None:
            merged.append(r)
        else:
            _absorb(ctx, into, r)
    return merged


def _absorb(ctx: DocContext, m: AttackReading, r: AttackReading, with_date: bool = True) -> None:
    """Add what ``r`` says to ``m`` where ``m`` says nothing (a more specific place wins); a
    later mention of the event ('the attack') brings no date: its sentence's date is another
    act's."""
    if r.location and (
        m.location is None or ctx.specificity(r.location.key) > ctx.specificity(m.location.key)
    ):
        m.location = r.location
    m.perpetrators += [g for g in r.perpetrators if g.key not in {p.key for p in m.perpetrators}]
    m.claimants += [g for g in r.claimants if g.key not in {c.key for c in m.claimants}]
    if with_date and m.date is None:
        m.date, m.date_text = r.date, r.date_text
    if m.killed is None:
        m.killed, m.killed_text = r.killed, r.killed_text
    m.wounded = m.wounded if m.wounded is not None else r.wounded
    m.target = m.target or r.target
    m.evidences.append(r.evidence)
    for role_key, ev in r.role_evidence.items():
        m.role_evidence.setdefault(role_key, ev)


def _last_told(r: AttackReading) -> int:
    return max(e.start for e in (r.evidence, *r.evidences))


def _add_claims(
    ctx: DocContext, reading: AttackReading, groups: list[Mention], ev: Evidence
) -> None:
    for g in groups:
        if g.key not in {c.key for c in reading.claimants}:
            reading.claimants.append(g)
        reading.role_evidence.setdefault(("claimant", g.key), ev)
    reading.evidences.append(ev)
    reading.claim_evidence.append(ev)


def _emit(ctx: DocContext, r: AttackReading) -> None:
    doc_id = ctx.doc.user_data.get("ckg_doc_id", "")
    where_told = (str(r.evidence.start), *((str(r.part),) if r.part else ()))
    key = f"attack/{digest(doc_id, *where_told)}"
    where = ctx.facts.nodes[ctx.entity(r.location)].label if r.location else None
    node = ctx.facts.node(key, "Attack", f"{r.trigger} in {where}" if where else r.trigger)
    node.evidence += [r.evidence, *r.evidences]
    node.props.update(
        {
            k: v
            for k, v in {
                "attackType": r.trigger,
                "eventType": r.event_type,
                "dateText": r.date_text,
                "date": r.date,
                "killed": r.killed,
                "killedText": r.killed_text,
                "wounded": r.wounded,
                "targetType": r.target,
            }.items()
            if v is not None
        }
    )
    if r.location:
        ctx.facts.edge(key, "locatedIn", r.location.key, r.evidence)
    for g in r.perpetrators:
        ctx.facts.edge(
            key, "perpetratedBy", ctx.entity(g), r.role_evidence[("perpetratedBy", g.key)]
        )
    places = _place_and_mentioned_containers(ctx, r.location.key) if r.location else []
    for role, groups in (("perpetratedBy", r.perpetrators), ("claimant", r.claimants)):
        for g in groups:
            read = r.role_evidence[(role, g.key)]
            ev = ctx.evidence(read.start, read.end, "rule:active-in-attack", 0.7)
            for place in places:
                ctx.facts.edge(ctx.entity(g), "activeIn", place, ev)
    for g in r.claimants:
        claim = f"claim/{digest(key, g.key)}"
        group = ctx.entity(g)
        cnode = ctx.facts.node(
            claim, "Claim", f"{ctx.facts.nodes[group].label} claims {node.label}"
        )
        sentences = [e for e in [r.evidence, *r.evidences] if _CLAIM.search(e.sentence)]
        cnode.evidence += sentences or r.claim_evidence or [r.evidence]
        ev = r.role_evidence[("claimant", g.key)]
        ctx.facts.edge(claim, "claimant", group, ev)
        ctx.facts.edge(claim, "claimsResponsibilityFor", key, ev)


def _place_and_mentioned_containers(ctx: DocContext, key: str) -> list[str]:
    """The place of an attack and the places containing it that the document names."""
    mentioned = {m.key for m in ctx.mentions if m.kind == "region"}
    containers = set(ctx.facts.targets(key, "partOf"))
    frontier = list(containers)
    while frontier:
        for parent in ctx.facts.targets(frontier.pop(), "partOf"):
            if parent not in containers:
                containers.add(parent)
                frontier.append(parent)
    return [key, *sorted(containers & mentioned)]


def _state_allied(ctx: DocContext, group: Mention) -> bool:
    return group.key in ctx.gazetteer and ctx.gazetteer[group.key].state_allied


def _by_state_forces(ctx: DocContext, sent: Span, trigger: Token) -> bool:
    """The trigger's agent is a state actor (subject, or after 'by')."""
    for m in ctx.mentions_in(sent.start_char, sent.end_char, "actor"):
        if re.search(r"\bby\s+(the\s+)?$", ctx.text[max(sent.start_char, m.start - 8) : m.start]):
            return True
        root = ctx.root(m)
        if root is not None and root.dep_ == "nsubj" and root.head.i == trigger.i:
            return True
    return False


def _place_described_next(ctx: DocContext, index: int) -> Mention | None:
    """The place the next sentence opens by describing: '... kidnapped from a school. Dapchi is
    located in Yobe State'."""
    if index + 1 >= len(ctx.sentences):
        return None
    following = ctx.sentences[index + 1]
    if not _DESCRIBED.search(ctx.sentence_text(following)):
        return None
    places = ctx.mentions_in(following.start_char, following.end_char, "region")
    if not places:
        return None
    if places[0].start == following.start_char:
        return places[0]  # "Dapchi is located in ..."
    return max(places, key=lambda m: (ctx.specificity(m.key), -m.start))  # "The mosque is ..."


def _recent_place(ctx: DocContext, sent: Span) -> Mention | None:
    """The most specific place named in the two sentences before, for an attack that names none."""
    index = ctx.sentences.index(sent)
    before = ctx.sentences[max(0, index - 2)].start_char
    places = [
        m for m in ctx.mentions_in(before, sent.start_char, "region") if not _landmark(ctx, m)
    ]
    return max(places, key=lambda m: (ctx.specificity(m.key), m.start)) if places else None
