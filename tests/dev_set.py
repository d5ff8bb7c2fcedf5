"""Consistency rules of the hand-annotated development set (``tests/data/DEV_SET.md``).

``python tests/dev_set.py FILE.jsonl`` prints every broken rule of a file (nothing when it is
consistent); ``tests/test_dev_set.py`` holds ``tests/data/dev.jsonl`` to the same rules.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

GOLD_KEYS = ("groups", "regions", "attacks", "responses", "factors", "affiliations", "active_in")
RECORD_KEYS = {"id", "split", "source_url", "licence", "language", "text", "gold"}
SPLITS = {"tune", "heldout"}
OPEN_LICENCES = ("CC BY-SA", "CC BY ", "CC0", "Public domain")
REGION_TYPES = {"country", "subdivision", "town", "macro-region", "other"}
TARGETS = {
    "military",
    "civilians",
    "police",
    "government",
    "peacekeepers",
    "infrastructure",
    "other",
    None,
}
RESPONSE_KINDS = {
    "military_operation",
    "peacekeeping",
    "airstrike",
    "sanctions",
    "humanitarian_aid",
    "diplomatic",
    "security_deployment",
    "training",
    "development_aid",
}
FACTORS = {
    "weak governance",
    "ethnic tensions",
    "poverty",
    "climate change",
    "drought",
    "regional instability",
    "corruption",
    "unemployment",
    "lack of education",
    "land disputes",
    "marginalisation",
    "resource competition",
    "population growth",
    "migration",
    "arms proliferation",
    "illicit economy",
    "inequality",
    "political grievances",
    "underdevelopment",
    "porous borders",
}


def problems(records: list[dict[str, Any]]) -> Iterator[str]:
    """Every rule the records break, as ``id: message``."""
    seen: set[str] = set()
    for r in records:
        rid = r.get("id", "?")
        if set(r) != RECORD_KEYS:
            yield f"{rid}: record keys {sorted(set(r) ^ RECORD_KEYS)} differ"
            continue
        if rid in seen:
            yield f"{rid}: duplicate id"
        seen.add(rid)
        if r["split"] not in SPLITS:
            yield f"{rid}: split {r['split']!r}"
        if not r["licence"].startswith(OPEN_LICENCES):
            yield f"{rid}: licence {r['licence']!r} is not open"
        yield from (f"{rid}: {m}" for m in _gold_problems(r["text"], r["gold"]))


def _gold_problems(text: str, gold: dict[str, Any]) -> Iterator[str]:
    if set(gold) != set(GOLD_KEYS):
        yield f"gold keys {sorted(set(gold) ^ set(GOLD_KEYS))} differ"
        return
    lower = text.lower()
    groups = {g["name"] for g in gold["groups"]}
    regions = {x["name"] for x in gold["regions"]}
    for g in gold["groups"]:
        yield from (f"alias {a!r} not in text" for a in g["aliases_in_text"] if a not in text)
    for x in gold["regions"]:
        if x["type"] not in REGION_TYPES:
            yield f"region {x['name']!r} has type {x['type']!r}"
        if x["name"].lower() not in lower:
            yield f"region {x['name']!r} not in text"
    for a in gold["attacks"]:
        for who in (a["perpetrator"], a["claimed_by"]):
            if who is not None and who not in groups:
                yield f"attack actor {who!r} is not a listed group"
        if a["location"] is not None and a["location"] not in regions:
            yield f"attack location {a['location']!r} is not a listed region"
        if a["date_text"] is not None and a["date_text"] not in text:
            yield f"date_text {a['date_text']!r} not in text"
        if a["target"] not in TARGETS:
            yield f"attack target {a['target']!r}"
        if a["killed"] is not None and not isinstance(a["killed"], int):
            yield f"killed {a['killed']!r} is not an integer"
    for s in gold["responses"]:
        if s["kind"] not in RESPONSE_KINDS:
            yield f"response kind {s['kind']!r}"
        if s["target"] is not None and s["target"] not in groups | regions:
            yield f"response target {s['target']!r} is neither a group nor a region"
    for f in gold["factors"]:
        if f["name"] not in FACTORS:
            yield f"factor {f['name']!r} is not in the closed list"
        if f["region"] is not None and f["region"] not in regions:
            yield f"factor region {f['region']!r} is not a listed region"
    for a in gold["affiliations"]:
        if a["group"] not in groups or a["affiliated_with"] not in groups:
            yield f"affiliation {a['group']!r} -> {a['affiliated_with']!r} names an unlisted group"
    for a in gold["active_in"]:
        if a["group"] not in groups or a["region"] not in regions:
            yield f"active_in {a['group']!r} in {a['region']!r} names an unlisted group or region"


def read(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON-lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


if __name__ == "__main__":
    found = [p for f in sys.argv[1:] for p in problems(read(Path(f)))]
    print("\n".join(found) or "consistent")
    sys.exit(1 if found else 0)
