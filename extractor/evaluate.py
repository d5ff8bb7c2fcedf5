"""Score the extractor against hand-annotated passages (``tests/data/dev.jsonl``).

Each line holds ``{"id", "split", "text", "gold": {...}}`` in the shape of
:func:`extractor.summary.summarize`. Names match when they resolve to the same entity (through
the gazetteer, aliases and fuzzy matching included), otherwise when their normalised forms are
equal; a group also matches the gold group it shares a name with, its aliases in the text
included. Per key:

- groups, regions: the set of entities;
- attacks: one-to-one, on the location plus a shared perpetrator-or-claimant (or neither side
  naming one);
- responses: one-to-one, on the kind plus the same responder (an actor matches the bodies it
  belongs to and the state it is named after: AFRICOM ~ U.S. forces ~ United States), a
  similar name (fuzzy >= 80), or neither side naming a responder;
- factors: (factor kind, region); affiliations: (group, parent); active_in: (group, region).

Precision, recall and F1 are micro-averaged over the passages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from conflict_kg.errors import InputError
from extractor.document import SourceText
from extractor.extract import Extractor
from extractor.gazetteer import Gazetteer
from extractor.lexicon import factors
from extractor.normalize import name_key
from extractor.summary import summarize

#: A trailing type word, which gold and predicted names may or may not keep.
_TYPE_WORD = re.compile(
    r"\s+(District|Province|State|Region|Governorate|County|Department|Prefecture|Chiefdom|"
    r"Territory|Municipality|Zone|Cercle)$",
    re.I,
)
KEYS = ("groups", "regions", "attacks", "responses", "factors", "affiliations", "active_in")


@dataclass
class Score:
    """True positives, false positives and false negatives of one key."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores per key, and the passages that were read."""

    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KEYS})
    passages: int = 0

    def table(self) -> str:
        """A plain-text table of precision, recall and F1 per key."""
        lines = [f"{'key':<13} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for key, s in self.scores.items():
            lines.append(
                f"{key:<13} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                f"{s.tp:5d} {s.fp:5d} {s.fn:5d}"
            )
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """Scores as plain data."""
        return {
            "passages": self.passages,
            **{
                k: {
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                }
                for k, s in self.scores.items()
            },
        }


class Resolver:
    """Names -> entity identities, for matching predicted against gold names."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._names = {**gazetteer.names_of("group"), **gazetteer.names_of("actor")}
        self._factors = {name_key(p): f.id for f in factors() for p in (f.label, *f.phrases)}

    def entity(self, name: str | None) -> str | None:
        """The gazetteer key a name stands for, else its normalised form."""
        if not name:
            return None
        bare = _TYPE_WORD.sub("", name)  # "Kabarole District" -> "Kabarole"
        entry = (
            self.gazetteer.by_name(name)
            or self.gazetteer.by_demonym(name)
            or self.gazetteer.by_name(bare)
        )
        if entry is not None:
            return entry.key
        key = name_key(bare)
        hit = process.extractOne(
            key, self._names.keys(), scorer=fuzz.token_sort_ratio, score_cutoff=90
        )
        return self._names[hit[0]] if hit else key

    def family(self, name: str | None) -> set[str]:
        """An actor and what it belongs to: its parent bodies ('AFRICOM' -> 'U.S. forces') and
        the state its name starts with ('Malian Armed Forces' -> Mali, 'U.S. forces' -> US)."""
        key = self.entity(name)
        return self.gazetteer.family(key) if key is not None else set()

    def factor(self, name: str | None) -> str | None:
        """The lexicon factor a name stands for, else its normalised form."""
        if not name:
            return None
        key = name_key(name)
        hit = process.extractOne(
            key, self._factors.keys(), scorer=fuzz.token_set_ratio, score_cutoff=85
        )
        return self._factors[hit[0]] if hit else key


def _match_one_to_one(gold: list[Any], pred: list[Any], same: Callable[[Any, Any], bool]) -> Score:
    left = list(pred)
    tp = 0
    for g in gold:
        for i, p in enumerate(left):
            if same(g, p):
                tp += 1
                del left[i]
                break
    return Score(tp, len(pred) - tp, len(gold) - tp)


def _set_score(gold: set[Any], pred: set[Any]) -> Score:
    return Score(len(gold & pred), len(pred - gold), len(gold - pred))


def _group_identities(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], e: Callable[[str | None], str | None]
) -> tuple[Callable[[str | None], str | None], Callable[[str | None], str | None]]:
    """Gold and predicted names -> one identity per group: a predicted group is the gold group
    it shares a name with, its aliases in the text included ('OLF' ~ 'Oromo Liberation Front')."""
    gold_names = [{e(n) for n in (g["name"], *g.get("aliases_in_text", ()))} for g in gold]
    ids: dict[str | None, str] = {}
    for i, g in enumerate(gold):
        ids.setdefault(e(g["name"]), f"gold-group:{i}")
    for i, names in enumerate(gold_names):
        for n in names:
            ids.setdefault(n, f"gold-group:{i}")
    pred_ids: dict[str | None, str] = {}
    for p in pred:
        names = {e(n) for n in (p["name"], *p.get("aliases_in_text", ()))}
        own = e(p["name"])
        match = ids.get(own) or next((ids[n] for n in sorted(names, key=str) if n in ids), None)
        if match is not None:
            pred_ids.setdefault(own, match)
    for p in pred:
        own = pred_ids.get(e(p["name"]))
        if own is not None:
            for n in (p["name"], *p.get("aliases_in_text", ())):
                pred_ids.setdefault(e(n), own)

    def gold_id(name: str | None) -> str | None:
        key = e(name)
        return ids.get(key, key)

    def pred_id(name: str | None) -> str | None:
        key = e(name)
        return pred_ids.get(key, key)

    return gold_id, pred_id


def score_passage(gold: dict[str, Any], pred: dict[str, Any], r: Resolver) -> dict[str, Score]:
    """Scores of one passage."""
    e = r.entity
    eg, ep = _group_identities(gold.get("groups", []), pred["groups"], e)
    out = {
        "groups": _set_score(
            {eg(g["name"]) for g in gold.get("groups", [])},
            {ep(g["name"]) for g in pred["groups"]},
        ),
        "regions": _set_score(
            {e(x["name"]) for x in gold.get("regions", [])}, {e(x["name"]) for x in pred["regions"]}
        ),
        "factors": _set_score(
            {(r.factor(f["name"]), e(f.get("region"))) for f in gold.get("factors", [])},
            {(r.factor(f["name"]), e(f.get("region"))) for f in pred["factors"]},
        ),
        "affiliations": _set_score(
            {(eg(a["group"]), eg(a["affiliated_with"])) for a in gold.get("affiliations", [])},
            {(ep(a["group"]), ep(a["affiliated_with"])) for a in pred["affiliations"]},
        ),
        "active_in": _set_score(
            {(eg(a["group"]), e(a["region"])) for a in gold.get("active_in", [])},
            {(ep(a["group"]), e(a["region"])) for a in pred["active_in"]},
        ),
    }

    def actors(a: dict[str, Any], ident: Callable[[str | None], str | None]) -> set[str]:
        return {x for x in (ident(a.get("perpetrator")), ident(a.get("claimed_by"))) if x}

    def same_attack(g: dict[str, Any], p: dict[str, Any]) -> bool:
        ga, pa = actors(g, eg), actors(p, ep)
        return e(g.get("location")) == e(p.get("location")) and (bool(ga & pa) or not ga and not pa)

    def same_response(g: dict[str, Any], p: dict[str, Any]) -> bool:
        if g.get("kind") != p.get("kind"):
            return False
        if not g.get("responder") and not p.get("responder"):
            return True  # neither names who acted, as an attack with no perpetrator on either side
        if g.get("responder") and r.family(g["responder"]) & r.family(p.get("responder")):
            return True
        return (
            fuzz.token_set_ratio(
                name_key(g.get("name_or_description") or ""),
                name_key(p.get("name_or_description") or ""),
            )
            >= 80
        )

    out["attacks"] = _match_one_to_one(gold.get("attacks", []), pred["attacks"], same_attack)
    out["responses"] = _match_one_to_one(
        gold.get("responses", []), pred["responses"], same_response
    )
    return out


def read_passages(path: Path) -> list[dict[str, Any]]:
    """The passages of an evaluation file, with a clear error for a malformed line."""
    passages = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            item["text"], item["gold"]  # noqa: B018  (required keys)
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise InputError(f"{path}:{n}: not an evaluation passage ({e})") from e
        passages.append(item)
    return passages


def _add(report: Report, gold: dict[str, Any], pred: dict[str, Any], r: Resolver) -> None:
    report.passages += 1
    for key, s in score_passage(gold, pred, r).items():
        total = report.scores[key]
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn


def evaluate(extractor: Extractor, passages: Iterable[dict[str, Any]]) -> Report:
    """Extract every passage and score it against its gold annotation."""
    resolver = Resolver(extractor.gazetteer)
    report = Report()
    items = list(passages)
    sources = (
        SourceText(p["text"], url=p.get("source_url"), name=p.get("id", "<text>")) for p in items
    )
    for item, graph in zip(items, extractor.extract_many(sources), strict=True):
        _add(report, item["gold"], summarize(graph), resolver)
    return report


def read_annotation(path: Path) -> dict[str, dict[str, Any]]:
    """A second annotation of passages: lines of ``{"id", "gold"}`` -> gold by passage id."""
    out = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            out[item["id"]] = {k: item["gold"].get(k, []) for k in KEYS}
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as e:
            raise InputError(f"{path}:{n}: not an annotation line ({e})") from e
    return out


def agreement(
    gazetteer: Gazetteer, passages: Iterable[dict[str, Any]], second: dict[str, dict[str, Any]]
) -> Report:
    """Score a second annotation against the gold of the passages it covers, with the same
    matching as :func:`evaluate`: how far two annotators agree, the ceiling for an extractor."""
    resolver = Resolver(gazetteer)
    report = Report()
    for item in passages:
        if item.get("id") in second:
            _add(report, item["gold"], second[item["id"]], resolver)
    return report
