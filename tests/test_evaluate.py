"""The scorer of ``conflict-kg evaluate`` on hand-made gold and predictions."""

from __future__ import annotations

from typing import Any

import pytest

from extractor.evaluate import Resolver, score_passage
from extractor.gazetteer import load_gazetteer

KEYS = ("groups", "regions", "attacks", "responses", "factors", "affiliations", "active_in")


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(load_gazetteer())


def _doc(**items: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {key: items.get(key, []) for key in KEYS}


def test_names_of_one_known_group_match(resolver: Resolver) -> None:
    gold = _doc(groups=[{"name": "JNIM", "aliases_in_text": ["JNIM"]}])
    pred = _doc(groups=[{"name": "Jama'at Nusrat al-Islam wal-Muslimin", "aliases_in_text": []}])
    s = score_passage(gold, pred, resolver)["groups"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)


def test_an_unknown_group_matches_through_its_aliases_in_the_text(resolver: Resolver) -> None:
    gold = _doc(
        groups=[{"name": "ZLF", "aliases_in_text": ["Zantu Liberation Front", "ZLF"]}],
        attacks=[{"perpetrator": "ZLF", "claimed_by": None, "location": "Mali"}],
        active_in=[{"group": "ZLF", "region": "Mali"}],
    )
    pred = _doc(
        groups=[{"name": "Zantu Liberation Front", "aliases_in_text": ["ZLF"]}],
        attacks=[{"perpetrator": "Zantu Liberation Front", "claimed_by": None, "location": "Mali"}],
        active_in=[{"group": "Zantu Liberation Front", "region": "Mali"}],
    )
    scores = score_passage(gold, pred, resolver)
    assert [
        (scores[k].tp, scores[k].fp, scores[k].fn) for k in ("groups", "attacks", "active_in")
    ] == [(1, 0, 0)] * 3


def test_unrelated_unknown_groups_do_not_match(resolver: Resolver) -> None:
    gold = _doc(groups=[{"name": "ZLF", "aliases_in_text": ["Zantu Liberation Front", "ZLF"]}])
    pred = _doc(groups=[{"name": "Zantu People's Army", "aliases_in_text": ["ZPA"]}])
    s = score_passage(gold, pred, resolver)["groups"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def test_an_attack_needs_its_place(resolver: Resolver) -> None:
    gold = _doc(attacks=[{"perpetrator": "JNIM", "claimed_by": None, "location": "Mopti"}])
    pred = _doc(attacks=[{"perpetrator": "JNIM", "claimed_by": "JNIM", "location": "Mali"}])
    s = score_passage(gold, pred, resolver)["attacks"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def test_responses_that_name_no_responder_match_on_their_kind(resolver: Resolver) -> None:
    gold = _doc(
        responses=[
            {
                "name_or_description": "2015 Algiers Agreement",
                "responder": None,
                "kind": "diplomatic",
                "target": None,
            }
        ]
    )
    unnamed = {"name_or_description": "peace agreement", "responder": None, "target": None}
    same = score_passage(gold, _doc(responses=[{**unnamed, "kind": "diplomatic"}]), resolver)
    other = score_passage(gold, _doc(responses=[{**unnamed, "kind": "sanctions"}]), resolver)
    assert (same["responses"].tp, other["responses"].tp) == (1, 0)
