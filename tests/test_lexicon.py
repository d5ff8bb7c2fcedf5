"""Kinds of response named in a phrase, by the lexicon's order and whatever the case."""

from __future__ import annotations

from extractor.lexicon import response_kind


def test_a_response_kind_is_read_whatever_the_case_and_position() -> None:
    assert response_kind("French AIR STRIKES hit the camp") == ("airstrike", "AIR STRIKES")
    assert response_kind("Peacekeeping-led patrols resumed") == ("peacekeeping", "Peacekeeping")
    assert response_kind("troops were deployed and sanctions imposed") == (
        "sanctions",  # sanctions come before deployments in the lexicon
        "sanctions",
    )


def test_words_inside_other_words_or_ignored_name_no_response() -> None:
    assert response_kind("The traindriver and the airstrip") is None
    assert response_kind("nothing of the kind") is None
    assert response_kind("food aid arrived", frozenset({"food aid"})) is None
    assert response_kind("aid and food aid", frozenset({"aid"})) == ("humanitarian_aid", "food aid")
