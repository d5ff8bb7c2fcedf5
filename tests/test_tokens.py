"""Finding a doc's tokens by attribute in bulk."""

from __future__ import annotations

import spacy

from extractor.tokens import positions, word_ids


def test_tokens_are_found_by_any_of_several_attributes_in_text_order() -> None:
    doc = spacy.blank("en")("Mali and MALI near Gao and gao")
    wanted = {"LOWER": word_ids(["mali"]), "ORTH": word_ids(["Gao", "and"])}
    assert positions(doc, wanted) == [0, 1, 2, 4, 5]
    assert positions(doc, {"ORTH": word_ids(["Timbuktu"])}) == []
    assert positions(spacy.blank("en")(""), wanted) == []
