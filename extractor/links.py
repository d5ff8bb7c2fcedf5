"""Affiliations between groups and groups' activity in regions, read from prose and tables."""

from __future__ import annotations

import re

from extractor.context import DocContext
from extractor.mentions import Mention

#: "<A>-linked <B>": text between A and B that makes B an affiliate of A.
_A_LINKED_B = re.compile(
    r"^\s*-?\s*(linked|affiliated|aligned|allied|associated|backed|inspired|"
    r"loyal|allied)\b[\w\s-]{0,25}$",
    re.I,
)
_CUES = (
    r"affiliates?|branch|offshoot|franchise|wing|faction|ally|allies|arm|subsidiary|"
    r"province|division|chapter|splinter group|cell|precursor|predecessor|forerunner|"
    r"successor|member|part|linked|affiliated|allied|aligned|tied|loyal|associated|"
    r"allegiance|umbrella organi[sz]ation|umbrella group"
)
#: "<B>, an affiliate of <A>" / "<B> is an offshoot and a close ally of <A>": text between B and A.
_B_OF_A = re.compile(
    r"^[\s,(]*(which |who |that )?(is |are |was |were |has been |have been |"
    r"became |swore |pledged )?(also |now )?[\w\s,-]{0,50}?\b(" + _CUES + r")"
    r"\s+(of|to|with|for)\s+(the\s+)?([\w'’-]+\s+)?$",
    re.I,
)
#: "It is the official branch of <A>": a sentence about the group just named.
_IT_OF_A = re.compile(
    r"^(it|the group|the organi[sz]ation|the movement|this group)\s+(is|was|"
    r"became|has been|remains)\b[\w\s,-]{0,60}?\b(" + _CUES + r")\s+(of|to|with)"
    r"\s+(the\s+)?([\w'’-]+\s+)?$",
    re.I,
)
#: "<A> and its armed wing, the <B>": text between A and B that makes B a part of A.
_A_ITS_B = re.compile(
    r"^\s*(,|and|,\s*and)?\s*its\s+([\w-]+\s+){0,2}(" + _CUES + r")\s*,?\s*(the\s+)?$", re.I
)
#: "<B>, <A>'s province in the Sahel": text after A that makes the B before it a part of A.
_APPOSITION = re.compile(r"^[\w\s-]{0,20},\s*(the\s+)?$")
_A_POSSESSIVE_CUE = re.compile(r"^['’]s\s+([\w-]+\s+){0,2}(" + _CUES + r")\b", re.I)
#: "<X> ... formed by the merger of <A>, <B> and <C>": the members of a merger.
_MERGER = re.compile(
    r"\b(merger of|merging of|formed by|coalition of|alliance of|union of|"
    r"umbrella (organi[sz]ation|group) for|composed of|made up of|comprising|consisting of)\b",
    re.I,
)
#: "<A> and several other groups founded <X>": the founders are members of what they founded.
_FOUNDED = re.compile(
    r"\b(founded|formed|created|established|merged into|merged to form)\s+(the\s+)?$", re.I
)
_POSSESSIVE = re.compile(r"^['’]s\s+$")
_ACTIVE = frozenset(
    {
        "active",
        "operate",
        "operating",
        "operates",
        "present",
        "presence",
        "based",
        "stronghold",
        "strongholds",
        "control",
        "controls",
        "controlled",
        "fight",
        "fighting",
        "expand",
        "expanded",
        "spread",
        "insurgency",
        "attack",
        "attacks",
        "attacked",
        "launch",
        "launched",
        "wage",
        "waging",
        "seized",
        "occupied",
        "foothold",
        "operations",
        "territory",
        "cells",
    }
)


_MODIFIER_AFTER = re.compile(
    r"^\s*-?\s*(linked|affiliated|affiliates?|aligned|allied|associated|"
    r"backed|inspired|sympathi[sz]ers|supporters)\b",
    re.I,
)


def affiliation_modifiers(ctx: DocContext) -> set[Mention]:
    """Read affiliations; return the group mentions that only qualify something else
    ("al-Qaeda-linked group", "al-Qaeda affiliates"): they are not actors of the sentence."""
    text = ctx.text
    modifiers = {
        m
        for m in ctx.mentions
        if m.kind == "group" and _MODIFIER_AFTER.match(text[m.end : m.end + 30])
    }
    previous: Mention | None = None  # the group the last sentences were about
    for sent in ctx.sentences:
        groups = ctx.mentions_in(sent.start_char, sent.end_char, "group")
        for i, a in enumerate(groups):
            for b in groups[i + 1 : i + 3]:
                between = text[a.end : b.start]
                if a.key == b.key or len(between) > 90:
                    continue
                if _A_LINKED_B.match(between):
                    _affiliate(ctx, b, a, sent, "rule:a-linked-b", 0.85)
                    modifiers.add(a)
                elif _POSSESSIVE.match(between):
                    _affiliate(ctx, b, a, sent, "rule:a-possessive-b", 0.7)
                    modifiers.add(a)
                elif _B_OF_A.match(between) and not _MERGER.search(between):
                    _affiliate(ctx, a, b, sent, "rule:b-affiliate-of-a", 0.8)
                elif _A_ITS_B.match(between):
                    _affiliate(ctx, b, a, sent, "rule:a-its-wing-b", 0.75)
                elif _APPOSITION.match(between) and _A_POSSESSIVE_CUE.match(
                    text[b.end : b.end + 60]
                ):
                    _affiliate(ctx, a, b, sent, "rule:b-a-possessive-cue", 0.75)
                    modifiers.add(b)
        if groups and previous is not None:
            first = groups[0]
            if _IT_OF_A.match(text[sent.start_char : first.start].strip() + " "):
                _affiliate(ctx, previous, first, sent, "rule:it-affiliate-of-a", 0.65)
        _mergers(ctx, sent, groups)
        subjects = [g for g in groups if ctx.is_subject(g)]
        previous = subjects[0] if subjects else previous
    return modifiers


def _is_subject_or_conjunct(ctx: DocContext, g: Mention) -> bool:
    token = ctx.root(g)
    if token is None:
        return False
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"}


def _mergers(ctx: DocContext, sent, groups: list[Mention]) -> None:  # type: ignore[no-untyped-def]
    """ "X, formed by the merger of A, B and C", "A, B and others founded X": A, B and C are
    affiliated with X."""
    m = _MERGER.search(ctx.sentence_text(sent))
    if m is not None:
        cue = sent.start_char + m.end()
        whole = [g for g in groups if g.end <= cue]
        parts = [g for g in groups if g.start >= cue]
        if whole:
            for part in parts:
                _affiliate(ctx, part, whole[0], sent, "rule:merger-of", 0.7)
    for i, founded in enumerate(groups):
        if i and _FOUNDED.search(ctx.text[groups[i - 1].end : founded.start]):
            founders = [g for g in groups[:i] if _is_subject_or_conjunct(ctx, g)]
            for founder in founders:
                _affiliate(ctx, founder, founded, sent, "rule:founders-of", 0.7)


def _affiliate(
    ctx: DocContext, member: Mention, parent: Mention, sent, rule: str, conf: float
) -> None:
    ev = ctx.sentence_evidence(sent, rule, conf)
    ctx.facts.edge(ctx.entity(member), "affiliatedWith", ctx.entity(parent), ev)


#: Words that describe an armed group, so "<group>, a jihadist organisation in <place>" counts.
_DESCRIPTIONS = frozenset(
    {
        "organisation",
        "organization",
        "group",
        "militants",
        "militant",
        "jihadist",
        "rebels",
        "rebel",
        "insurgents",
        "insurgent",
        "movement",
        "fighters",
        "militia",
        "offensive",
        "campaign",
        "advance",
    }
)
_IN_PLACE = re.compile(
    r"\b(in|across|throughout|into|near|around|of|from)\s+(the\s+)?"
    r"([\w'’-]+\s+){0,2}$",
    re.I,
)
_NOT_ACTIVE_PLACE = re.compile(
    r"\b(against|with|to|by|toward|towards)\s+(the\s+)?"
    r"([\w'’-]+\s+){0,3}$",
    re.I,
)


def active_in_prose(ctx: DocContext, modifiers: set[Mention]) -> None:
    """A group and a place in one sentence that says the group acts there ("active in",
    "fighting in", "a jihadist organisation in ..."): the group is active there."""
    text = ctx.text
    for sent in ctx.sentences:
        if ctx.in_table(sent.start_char):
            continue
        words = set(ctx.lower[sent.start : sent.end])
        activity = bool(words & _ACTIVE)
        if not activity and not words & _DESCRIPTIONS:
            continue
        groups = [
            m
            for m in ctx.mentions_in(sent.start_char, sent.end_char, "group")
            if m not in modifiers
        ]
        subjects = [g for g in groups if _is_subject_or_conjunct(ctx, g)]
        groups = subjects or groups  # "X, formed by the merger of A and B, operates in ...": X
        for r in ctx.mentions_in(sent.start_char, sent.end_char, "region"):
            before = text[max(sent.start_char, r.start - 40) : r.start]
            if not activity and not _IN_PLACE.search(before) or _NOT_ACTIVE_PLACE.search(before):
                continue
            for g in groups:
                ev = ctx.sentence_evidence(
                    sent, "rule:active-in-sentence", 0.6 if activity else 0.5
                )
                ctx.facts.edge(ctx.entity(g), "activeIn", ctx.entity(r), ev)


def active_in_tables(ctx: DocContext) -> None:
    """Tables with a place column and a group column: each row's groups are active there."""
    for table in ctx.tables:
        place = table.column("region", "country", "location", "area", "province", "place")
        group = table.column("group", "militant", "armed", "perpetrator", "organi", "actor")
        if place is None or group is None or place == group:
            continue
        for row in table.rows:
            if max(place, group) >= len(row.cells):
                continue
            regions = ctx.mentions_in(row.cells[place].start, row.cells[place].end, "region")
            groups = ctx.mentions_in(row.cells[group].start, row.cells[group].end, "group")
            ev = ctx.evidence(row.start, row.end, "table:active-in", 0.85)
            for g in groups:
                for r in regions:
                    ctx.facts.edge(ctx.entity(g), "activeIn", ctx.entity(r), ev)
