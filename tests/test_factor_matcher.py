"""The factor matcher runs its token patterns only where one can start, with the same results
as over the whole doc."""

from __future__ import annotations

import json
from pathlib import Path

from extractor import Extractor
from extractor.factors import FactorMatcher, pattern_openers, pattern_reach

DEV = Path(__file__).parent / "data" / "dev.jsonl"


def test_a_pattern_reaches_as_far_as_its_longest_match() -> None:
    assert pattern_reach([{"LOWER": "lack"}, {"LOWER": "of"}, {"OP": "?"}]) == 3
    assert pattern_reach([{"LOWER": "a"}, {"OP": "{0,3}"}, {"OP": "!", "LOWER": "b"}]) == 5
    assert pattern_reach([{"LOWER": "a"}, {"OP": "{2}"}]) == 3
    assert pattern_reach([{"LOWER": "a"}, {"OP": "+"}]) == 0  # unbounded
    assert pattern_reach([{"LOWER": "a"}, {"OP": "{2,}"}]) == 0


def test_patterns_open_with_known_words_or_with_anything() -> None:
    assert pattern_openers(
        [[{"LOWER": {"IN": ["lack", "absence"]}}, {"LOWER": "of"}], [{"LEMMA": "rig"}]]
    ) == {"LOWER": {"lack", "absence"}, "LEMMA": {"rig"}}
    assert pattern_openers([[{"OP": "?", "LOWER": "the"}, {"LOWER": "land"}]]) == {}
    assert pattern_openers([[{"POS": "NOUN"}]]) == {}
    assert pattern_openers([[{"LOWER": {"NOT_IN": ["a"]}}]]) == {}


def test_windowed_patterns_match_as_the_whole_doc_does(extractor: Extractor) -> None:
    matcher = FactorMatcher(extractor.nlp)
    texts = [json.loads(line)["text"] for line in DEV.read_text().splitlines()[:120]]
    texts += [
        "Land disputes and the lack of jobs",  # matches at the very start and end
        "lack of lack of economic development",  # overlapping openers
        "The lack of rain was reported.",  # an opener that completes nothing
    ]
    found = 0
    for doc in extractor.nlp.pipe(texts):
        windowed = matcher.pattern_matches(doc)
        assert sorted(windowed) == sorted(matcher.patterns(doc)), doc.text[:80]
        found += len(windowed)
    assert found > 20  # the comparison covered many real matches
    end = extractor.nlp("Land disputes and the lack of jobs")
    assert ("unemployment", 4, 7) in matcher(end)
