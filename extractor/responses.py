"""Responses to the violence: who acts (a state, organisation or mission), what kind of action,
aimed at which group, where. Read from "response" columns of tables and from prose."""

from __future__ import annotations

import re

from spacy.tokens import Span

from extractor.context import DocContext
from extractor.facts import Evidence
from extractor.lexicon import response_kind
from extractor.mentions import Mention
from extractor.tables import Cell, Row, Table
from extractor.triggers import TRIGGERS
from ontology.iris import slugify

INTERNATIONAL = "actor/international-community"
UNSPECIFIED = "actor/unspecified"
_FORCE_NOUNS = re.compile(
    r"^\s*(['’]s\s+)?(forces|troops|military|army|air force|soldiers|drones|armed forces|"
    r"defen[cs]e forces|commandos|"
    r"warplanes|jets|government|authorities|navy|special forces|"
    r"military presence|drone strikes?|air ?strikes?)\b",
    re.I,
)
#: Kinds that prose must name with a specific phrase, not a generic word like "support".
_GENERIC_WORDS = frozenset(
    {
        "support",
        "forces",
        "troops",
        "aid",
        "operation",
        "train",
        "training",
        "deploy",
        "intervention",
        "dialogue",
        "summit",
    }
)


def read_responses(ctx: DocContext) -> None:
    """Add the document's responses to ``ctx.facts``."""
    for table in ctx.tables:
        column = table.column("response", "intervention", "action", "measure")
        if column is not None:
            _table_responses(ctx, table, column)
    for sent in ctx.sentences:
        if not ctx.in_table(sent.start_char):
            _prose_responses(ctx, sent)
    _consolidate(ctx)


def _consolidate(ctx: DocContext) -> None:
    """One response per name and place: a response named like another whose place is absent,
    the same, or one containing the other's joins the one with the most specific place."""
    by_name: dict[str, list[str]] = {}
    for key, node in ctx.facts.nodes.items():
        if node.kind == "Response":
            by_name.setdefault(key.split("--")[0], []).append(key)
    for keys in by_name.values():
        if len(keys) < 2:
            continue
        keys.sort(key=lambda k: -max(map(ctx.specificity, _places(ctx, k)), default=-1))
        kept: list[str] = []
        for key in keys:
            into = next((k for k in kept if _same_place(ctx, k, key)), None)
            if into is None:
                kept.append(key)
            else:
                ctx.facts.merge(key, into)
    _one_per_family_and_kind(ctx)


def _one_per_family_and_kind(ctx: DocContext) -> None:
    """The same act told twice: responses of one kind by responders of one family ('U.S.
    Central Command' and 'U.S. forces', 'SAMIM' and 'SADC') in places that agree are one."""
    kept: list[tuple[str, str, set[str]]] = []
    for key, node in list(ctx.facts.nodes.items()):
        if node.kind != "Response":
            continue
        kind = str(node.props.get("responseKind"))
        family = {f for r in ctx.facts.targets(key, "respondent") for f in ctx.gazetteer.family(r)}
        into = next(
            (k for k, kd, fam in kept if kd == kind and fam & family and _same_place(ctx, k, key)),
            None,
        )
        if into is None:
            kept.append((key, kind, family))
        else:
            ctx.facts.merge(key, into)


def _places(ctx: DocContext, key: str) -> list[str]:
    return ctx.facts.targets(key, "locatedIn")


def _same_place(ctx: DocContext, a: str, b: str) -> bool:
    pa, pb = _places(ctx, a), _places(ctx, b)
    if not pa or not pb:
        return True
    return any(
        x == y or x in ctx.gazetteer.ancestors(y) or y in ctx.gazetteer.ancestors(x)
        for x in pa
        for y in pb
        if x in ctx.gazetteer and y in ctx.gazetteer
    ) or bool(set(pa) & set(pb))


def _items(cell: Cell) -> list[Cell]:
    out = []
    for m in re.finditer(r"[^,;]+", cell.text):
        text = m.group(0).strip()
        if text:
            start = cell.start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            out.append(Cell(text, start, start + len(text)))
    return out


def _table_responses(ctx: DocContext, table: Table, column: int) -> None:
    place = table.column("region", "country", "location", "area", "place")
    group = table.column("group", "militant", "armed", "perpetrator", "organi")
    fallback = (
        INTERNATIONAL if "international" in table.header.cells[column].text.lower() else UNSPECIFIED
    )
    for row in table.rows:
        if column >= len(row.cells):
            continue
        regions = _cell_mentions(ctx, row, place, "region")
        groups = _cell_mentions(ctx, row, group, "group")
        for item in _items(row.cells[column]):
            ev = ctx.evidence(row.start, row.end, "table:response", 0.85)
            responders = _responders(ctx, item.start, item.end)
            kind = response_kind(item.text, _GENERIC_WORDS if responders else frozenset())
            # a generic word ("AMISOM Support") defers to the responder's own kind
            if kind is None and responders and responders[0].key in ctx.gazetteer:
                default = ctx.gazetteer[responders[0].key].response_kind
                kind = (default, "") if default else None
            responder = ctx.entity(responders[0]) if responders else _generic(ctx, fallback)
            _response(
                ctx,
                item.text,
                kind[0] if kind else "other",
                responder,
                [ctx.entity(g) for g in groups],
                [ctx.entity(r) for r in regions],
                ev,
            )


def _cell_mentions(ctx: DocContext, row: Row, column: int | None, kind: str) -> list[Mention]:
    if column is None or column >= len(row.cells):
        return []
    cell = row.cells[column]
    return ctx.mentions_in(cell.start, cell.end, kind)


#: Verbs whose subject is the one responding ("The United States designated ...").
RESPONSE_VERBS = frozenset(
    {
        "designate",
        "sanction",
        "deploy",
        "launch",
        "conduct",
        "strike",
        "bomb",
        "impose",
        "condemn",
        "send",
        "list",
        "freeze",
        "airlift",
        "negotiate",
        "mediate",
        "broker",
        "train",
        "intervene",
        "retake",
        "recapture",
        "repel",
        "pledge",
        "announce",
        "authorize",
        "authorise",
        "extend",
        "renew",
        "fund",
        "evacuate",
        "rescue",
    }
)


#: Verbs of fighting: a state whose forces do this is carrying out a military operation.
COMBAT_VERBS = frozenset(
    {
        "attack",
        "battle",
        "bomb",
        "capture",
        "clear",
        "combat",
        "counterattack",
        "drive",
        "engage",
        "fight",
        "kill",
        "liberate",
        "neutralise",
        "neutralize",
        "pursue",
        "push",
        "raid",
        "recapture",
        "regain",
        "repel",
        "repulse",
        "retake",
        "retaliate",
        "rout",
        "shell",
        "storm",
    }
)


#: "the government of Ethiopia", "the armed forces of Mali": a state named after its organs.
_ORGAN_OF = re.compile(
    r"\b(government|authorities|army|armed forces|forces|troops|military|president)\s+of\s+"
    r"(the\s+)?$"
)  # lower case: "the Federal Government of Somalia" is a body's name
#: "by the United States", "by the governments of Colombia": the agent of a passive response.
_BY_AGENT = re.compile(
    r"\bby\s+(the\s+)?((governments?|authorities|states?) of\s+(the\s+)?)?$", re.I
)


def _responders(ctx: DocContext, start: int, end: int) -> list[Mention]:
    """Actors; and states named before 'forces', 'drone strikes'..., as the subject of a verb
    of response, or after 'by' ('designated by the United States')."""
    out = []
    text = ctx.text
    for m in ctx.mentions_in(start, end, "actor", "demonym", "region"):
        if m.kind == "actor":
            out.append(m)
        elif ctx.region_type(m.key) != "country":
            continue
        elif (
            _FORCE_NOUNS.match(text[m.end : end + 40])
            or _ORGAN_OF.search(text[max(start, m.start - 40) : m.start])
            or _acts(ctx, m)
            or _fights(ctx, m)
            or m.kind != "demonym"
            and _BY_AGENT.search(text[max(start, m.start - 40) : m.start])
        ):
            out.append(m)
    return out + _conjuncts(ctx, out, ctx.mentions_in(start, end, "actor", "region"))


def _conjuncts(
    ctx: DocContext, responders: list[Mention], candidates: list[Mention]
) -> list[Mention]:
    """States and actors listed with a responder ('by Colombia, the United States and Canada')."""
    roots = {}
    for m in candidates:
        root = ctx.root(m)
        if root is not None:
            roots[root.i] = m
    chosen = {roots_i for roots_i, m in roots.items() if m in responders}
    added: list[Mention] = []
    grew = True
    while grew:
        grew = False
        for i, m in roots.items():
            token = ctx.doc[i]
            if i not in chosen and token.dep_ == "conj" and token.head.i in chosen:
                chosen.add(i)
                added.append(m)
                grew = True
    return added


def _speaker(ctx: DocContext, m: Mention) -> bool:
    """The actor only reports ('the US military said'): no response of its default kind."""
    root = ctx.root(m)
    while root is not None and root.dep_ in {"compound", "amod"} and root.head.i != root.i:
        root = root.head
    return (
        root is not None
        and root.dep_ == "nsubj"
        and root.head.lemma_.lower() in {"say", "tell", "report", "state", "add", "confirm"}
    )


_STRUCK_PREPOSITIONS = frozenset({"on", "against", "at", "across", "targeting", "including"})


def _attacked(ctx: DocContext, m: Mention) -> bool:
    """The actor is what an attack struck: inside the object of the attack word, or of a
    preposition on it ('attacked several places including Malian Army and Wagner Group bases',
    'an ambush on a FAMa convoy')."""
    token = ctx.root(m)
    if token is None:
        return False
    while token.head.i != token.i:  # up the object of the attack word, never through a subject
        if token.dep_ in {"nsubj", "nsubjpass", "agent", "csubj"}:
            return False
        if token.head.lemma_.lower() in TRIGGERS and (
            token.dep_ == "dobj" or token.dep_ == "prep" and token.lower_ in _STRUCK_PREPOSITIONS
        ):
            return True
        if token.head.pos_ in {"VERB", "AUX"} and token.head.dep_ != "prep":  # not "including"
            return False
        token = token.head
    return False


def _acts(ctx: DocContext, m: Mention) -> bool:
    root = ctx.root(m)
    if root is None:
        return False
    return root.dep_ in {"nsubj", "agent"} and root.head.lemma_.lower() in RESPONSE_VERBS


def _fights(ctx: DocContext, m: Mention) -> bool:
    """A state's forces fight: the subject or passive agent of a verb of fighting ('Chadian
    troops drove the militants out', 'the raids were repelled by Cameroonian troops')."""
    token = ctx.root(m)
    if token is None:
        return False
    while token.dep_ in {"compound", "amod", "poss", "conj", "appos"} and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return token.head.head.lemma_.lower() in COMBAT_VERBS
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in COMBAT_VERBS


def _is_state(ctx: DocContext, m: Mention) -> bool:
    """A state or its forces: a country, a demonym before 'troops', a national army."""
    if m.kind == "demonym" or ctx.region_type(m.key) == "country":
        return True
    entry = ctx.gazetteer.entries.get(m.key)
    return entry is not None and entry.actor_type == "state_forces"


#: A named operation ("Operation Linda Nchi") in a sentence about armed forces.
_NAMED_OPERATION = re.compile(r"\bOperation(\s+(?!of\b|in\b)[A-Z0-9][\w'’-]*)+")
_MILITARY = re.compile(r"\b(military|armed forces|army|troops|forces|commandos|soldiers)\b", re.I)
#: Words for a state's own organs, named without the state ('the government', 'the police').
_GOVERNMENT_WORDS = frozenset({"government", "army", "military", "police", "gendarmerie"})
#: Words that make 'forces' or 'troops' a state's ('government forces', 'security forces').
_STATE_FORCE_MODIFIERS = frozenset({"government", "security", "state", "federal", "national"})


def _country_of(ctx: DocContext, places: list[Mention]) -> str | None:
    """The country of the first place that is or lies in one."""
    for m in places:
        known = ctx.known_container(m.key)
        if known is None:
            continue
        for key in (known, *ctx.gazetteer.ancestors(known)):
            if ctx.region_type(key) == "country":
                return key
    return None


def _the_government_acts(ctx: DocContext, sent: Span, phrase: str) -> bool:
    """The sentence's response is the unnamed government's: 'the government' or 'the police'
    is the subject or agent of the sentence, modifies the response word ('a police raid',
    'government offensives') or is a party to it ('a ceasefire between the government and
    the rebels'); not a police station that militants raided."""
    at = ctx.sentence_text(sent).lower().find(phrase.lower()) + sent.start_char
    word = next((t for t in sent if t.idx <= at < t.idx + len(t.text)), None)
    for t in sent:
        own = t.lower_ in _GOVERNMENT_WORDS or (
            t.lower_ in {"forces", "troops"}
            and any(c.lower_ in _STATE_FORCE_MODIFIERS for c in t.children)
        )
        if not own:
            continue
        if t.dep_ in {"nsubj", "agent"} or (t.dep_ == "pobj" and t.head.dep_ == "agent"):
            return True
        if word is not None and t.dep_ in {"compound", "amod", "nmod"} and t.head.i == word.i:
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "between":
            return True
    return False


def _a_noun(ctx: DocContext, sent: Span, phrase: str) -> bool:
    """The sentence's words for a response end in a noun ('a peace agreement', 'the cease-fire'),
    not a verb or adjective ('designated', 'diplomatic') that needs someone acting."""
    at = ctx.sentence_text(sent).find(phrase) + sent.start_char + len(phrase) - 1
    token = next((t for t in sent if t.idx <= at < t.idx + len(t.text)), None)
    return token is not None and token.pos_ in {"NOUN", "PROPN"}


def _generic(ctx: DocContext, key: str) -> str:
    label = "International community" if key == INTERNATIONAL else "Unspecified actor"
    ctx.facts.node(key, "Actor", label)
    return key


def _response(
    ctx: DocContext,
    label: str,
    kind: str,
    responder: str,
    targets: list[str],
    places: list[str],
    ev: Evidence,
) -> None:
    """Add a response; one named the same way in the same place is the same response, and one
    with no place joins an earlier one of the same name in this document."""
    where = max(places, key=ctx.specificity) if places else None
    key = f"response/{slugify(label)}"
    if where:
        key += f"--{slugify(ctx.facts.nodes[where].label or where)}"
    else:
        key = next((k for k in ctx.facts.nodes if k.startswith(key + "--")), key)
    node = ctx.facts.node(key, "Response", label)
    node.props["responseKind"] = kind
    node.evidence.append(ev)
    responder_node = ctx.facts.nodes[responder]
    if responder_node.kind == "Region":
        responder_node.also.add("Actor")
    ctx.facts.edge(key, "respondent", responder, ev)
    for t in targets:
        ctx.facts.edge(key, "targets", t, ev)
    if where:
        ctx.facts.edge(key, "locatedIn", where, ev)


def _one_per_family(ctx: DocContext, responders: list[Mention]) -> list[Mention]:
    """The first of the responders a sentence names that belong together ('the United States
    launched a strike which U.S. Central Command said ...' is one responder)."""
    kept: list[tuple[Mention, set[str]]] = []
    for m in sorted(responders, key=lambda m: m.start):
        family = ctx.gazetteer.family(m.key)
        if not any(family & other for _, other in kept):
            kept.append((m, family))
    return [m for m, _ in kept]


#: Kinds of response a sentence can tell with no responder named ("a 2016 peace agreement
#: between the government and the FARC", "was designated a terrorist organisation").
_UNNAMED_KINDS = frozenset({"diplomatic", "sanctions"})
#: Words that, with no one designating, only describe a group ("X, a terrorist organisation").
_DESCRIBES_A_GROUP = re.compile(r"terrorist organi[sz]ation", re.I)


def _prose_responses(ctx: DocContext, sent: Span) -> None:
    responders = _one_per_family(ctx, _responders(ctx, sent.start_char, sent.end_char))
    responder_keys = {m.key for m in responders}
    groups = ctx.mentions_in(sent.start_char, sent.end_char, "group")
    regions = [
        m
        for m in ctx.mentions_in(sent.start_char, sent.end_char, "region")
        if m.key not in responder_keys
    ]
    said = ctx.sentence_text(sent)
    named = _NAMED_OPERATION.search(said) if _MILITARY.search(said) else None
    found = ("military_operation", named.group(0)) if named else response_kind(said, _GENERIC_WORDS)
    if not responders and found is not None and _the_government_acts(ctx, sent, found[1]):
        # "the government signed a ceasefire", "a police raid in Lahore": the state of a place
        # the sentence names, else the one the document is about
        country = _country_of(ctx, regions) or ctx.main_country()
        if country is not None:
            state = ctx.named(country, "Region")
            _response(
                ctx,
                f"{ctx.facts.nodes[state].label} {found[0].replace('_', ' ')}",
                found[0],
                state,
                [ctx.entity(g) for g in groups],
                [ctx.entity(r) for r in regions],
                ctx.sentence_evidence(sent, "rule:response-government", 0.5),
            )
            return
    if not responders:
        if (
            found is not None
            and found[0] in _UNNAMED_KINDS
            and not _DESCRIBES_A_GROUP.search(found[1])
            and groups
            and _a_noun(ctx, sent, found[1])
        ):
            _response(
                ctx,
                found[1].lower(),
                found[0],
                _generic(ctx, UNSPECIFIED),
                [ctx.entity(g) for g in groups],
                [ctx.entity(r) for r in regions],
                ctx.sentence_evidence(sent, "rule:response-sentence", 0.5),
            )
        return
    for responder in responders:
        if _attacked(ctx, responder):
            continue  # "raids by JNIM killing a dozen Malian soldiers": struck, not responding
        kind = found
        if (
            kind is None
            and responder.key in ctx.gazetteer
            and (groups or regions or ctx.gazetteer[responder.key].actor_type == "mission")
            and not _speaker(ctx, responder)
        ):  # a mission named is a response; other actors need someone or somewhere to act on
            default = ctx.gazetteer[responder.key].response_kind
            kind = (default, "") if default else None
        if kind is None and _is_state(ctx, responder) and _fights(ctx, responder):
            kind = ("military_operation", "")
        if kind is None:
            continue
        responder_key = ctx.entity(responder)
        name = ctx.facts.nodes[responder_key].label
        label = f"{name} {kind[0].replace('_', ' ')}"
        ev = ctx.sentence_evidence(sent, "rule:response-sentence", 0.65)
        _response(
            ctx,
            label,
            kind[0],
            responder_key,
            [ctx.entity(g) for g in groups],
            [ctx.entity(r) for r in regions],
            ev,
        )
