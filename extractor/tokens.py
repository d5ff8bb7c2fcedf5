"""Finding tokens by attribute for a whole doc at once (``Doc.to_array``), without making a
Token object per word: for rules that care about a few words of every document."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.strings import get_string_id
from spacy.tokens import Doc


def word_ids(words: Iterable[str]) -> frozenset[int]:
    """The string ids of words, as ``Doc.to_array`` gives them (LOWER, LEMMA, ORTH...)."""
    return frozenset(get_string_id(w) for w in words)


def positions(doc: Doc, wanted: dict[str, frozenset[int]]) -> list[int]:
    """Indices of the tokens whose attribute (``"ORTH"``, ``"LOWER"``, ``"LEMMA"``...) is one of
    the wanted ids of that attribute, in text order."""
    found: set[int] = set()
    for attr, ids in wanted.items():
        found.update(i for i, v in enumerate(doc.to_array(attr).tolist()) if v in ids)
    return sorted(found)
