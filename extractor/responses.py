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
from ontology.iris import slugify

INTERNATIONAL = "actor/international-community"
UNSPECIFIED = "actor/unspecified"
_FORCE_NOUNS = re.compile(r"^\s*(forces|troops|military|army|air force|soldiers|drones|"
                          r"warplanes|jets|government|authorities|navy|special forces|"
                          r"military presence|drone strikes?|air ?strikes?)\b", re.I)  # fmt: skip
#: Kinds that prose must name with a specific phrase, not a generic word like "support".
_GENERIC_WORDS = frozenset({"support", "forces", "troops", "aid", "operation", "train",
                            "training", "deploy", "intervention", "dialogue", "summit"})  # fmt: skip


def read_responses(ctx: DocContext) -> None:
    """Add the document's responses to ``ctx.facts``."""
    for table in ctx.tables:
        column = table.column("response", "intervention", "action", "measure")
        if column is not None:
            _table_responses(ctx, table, column)
    for sent in ctx.sentences:
        if not ctx.in_table(sent.start_char):
            _prose_responses(ctx, sent)


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
    fallback = INTERNATIONAL if "international" in table.header.cells[column].text.lower() else UNSPECIFIED
    for row in table.rows:
        if column >= len(row.cells):
            continue
        regions = _cell_mentions(ctx, row, place, "region")
        groups = _cell_mentions(ctx, row, group, "group")
        for item in _items(row.cells[column]):
            ev = ctx.evidence(row.start, row.end, "table:response", 0.85)
            responders = _responders(ctx, item.start, item.end)
            kind = response_kind(item.text)
            if kind is not None and kind[1].lower() in _GENERIC_WORDS:
                kind = kind if not responders else None  # "AMISOM Support": the mission's kind
            if kind is None and responders and responders[0].key in ctx.gazetteer:
                default = ctx.gazetteer[responders[0].key].response_kind
                kind = (default, "") if default else None
            responder = ctx.entity(responders[0]) if responders else _generic(ctx, fallback)
            _response(ctx, item.text, kind[0] if kind else "other", responder,
                      [ctx.entity(g) for g in groups], [ctx.entity(r) for r in regions], ev)  # fmt: skip


def _cell_mentions(ctx: DocContext, row: Row, column: int | None, kind: str) -> list[Mention]:
    if column is None or column >= len(row.cells):
        return []
    cell = row.cells[column]
    return ctx.mentions_in(cell.start, cell.end, kind)


def _responders(ctx: DocContext, start: int, end: int) -> list[Mention]:
    """Actors, and states named by a demonym or name before 'forces', 'drone strikes'..."""
    out = []
    for m in ctx.mentions_in(start, end, "actor", "demonym", "region"):
        if m.kind == "actor":
            out.append(m)
        elif ctx.region_type(m.key) == "country" and _FORCE_NOUNS.match(ctx.doc.text[m.end : end + 40]):
            out.append(m)
    return out


def _generic(ctx: DocContext, key: str) -> str:
    label = "International community" if key == INTERNATIONAL else "Unspecified actor"
    ctx.facts.node(key, "Actor", label)
    return key


def _response(ctx: DocContext, label: str, kind: str, responder: str, targets: list[str],
              places: list[str], ev: Evidence) -> None:  # fmt: skip
    where = max(places, key=ctx.specificity) if places else None
    slug = slugify(label) + (f"--{slugify(ctx.facts.nodes[where].label or where)}" if where else "")
    key = f"response/{slug}"
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


def _prose_responses(ctx: DocContext, sent: Span) -> None:
    responders = _responders(ctx, sent.start_char, sent.end_char)
    if not responders:
        return
    groups = ctx.mentions_in(sent.start_char, sent.end_char, "group")
    regions = [m for m in ctx.mentions_in(sent.start_char, sent.end_char, "region")
               if m not in responders]  # fmt: skip
    found = response_kind(sent.text)
    for responder in responders:
        kind = found
        if kind is not None and kind[1].lower() in _GENERIC_WORDS:
            kind = None
        if kind is None and responder.key in ctx.gazetteer and (groups or regions):
            default = ctx.gazetteer[responder.key].response_kind
            kind = (default, "") if default else None
        if kind is None:
            continue
        responder_key = ctx.entity(responder)
        name = ctx.facts.nodes[responder_key].label
        label = f"{name} {kind[0].replace('_', ' ')}"
        ev = ctx.sentence_evidence(sent, "rule:response-sentence", 0.65)
        _response(ctx, label, kind[0], responder_key, [ctx.entity(g) for g in groups],
                  [ctx.entity(r) for r in regions], ev)  # fmt: skip
