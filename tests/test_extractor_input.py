"""The extractor on text it has never seen, and on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflict_kg.errors import InputError
from extractor import Extractor, SourceText, decode, read_file
from extractor.summary import summarize
from ontology.namespace import CKG
from tests.conftest import SEED


def test_an_unknown_group_is_still_found(extractor: Extractor) -> None:
    text = (
        "Fighters of the Sons of the Desert Brigade ambushed a military convoy near Kidal "
        "on Monday, killing at least 9 soldiers. The Sons of the Desert Brigade claimed "
        "responsibility for the ambush in a statement."
    )
    s = summarize(extractor.extract(SourceText(text)))
    names = {g["name"] for g in s["groups"]}
    assert any("Sons of the Desert" in n for n in names), names
    attack = s["attacks"][0]
    assert attack["location"] == "Kidal" and attack["killed"] == 9
    assert attack["target"] == "military"
    assert "Sons of the Desert" in (attack["claimed_by"] or attack["perpetrator"] or "")


def test_an_acronym_defined_in_the_text_resolves(extractor: Extractor) -> None:
    text = (
        "The Movement for Justice in the Valley (MJV) attacked a police post in Niamey. "
        "MJV fighters withdrew before dawn."
    )
    s = summarize(extractor.extract(SourceText(text)))
    groups = {g["name"]: g["aliases_in_text"] for g in s["groups"]}
    assert "Movement for Justice in the Valley" in groups
    assert "MJV" in groups["Movement for Justice in the Valley"]


def test_a_text_with_no_conflict_facts_gives_no_events(extractor: Extractor) -> None:
    text = "The central bank held its main rate at 27.5 percent on Tuesday, citing inflation."
    s = summarize(extractor.extract(SourceText(text)))
    assert s["attacks"] == s["responses"] == s["groups"] == []


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_is_refused(extractor: Extractor, text: str) -> None:
    with pytest.raises(InputError, match="empty"):
        extractor.extract(SourceText(text))


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(bytes(range(256)) * 4, 10_000)
    with pytest.raises(InputError, match="binary"):
        decode(b"PK\x03\x04" + bytes(range(32)) * 40, 10_000)


def test_non_utf8_is_refused() -> None:
    with pytest.raises(InputError, match="not UTF-8"):
        decode("Attaque à Ménaka".encode("latin-1"), 10_000)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (10 * 1024 * 1024))
    with pytest.raises(InputError, match="over the limit"):
        read_file(big, 2_000_000)


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_file(tmp_path / "nope.txt", 1000)


def test_a_long_document_is_read_in_pieces_with_offsets_intact(extractor: Extractor) -> None:
    from extractor.extract import CHUNK_CHARS, pieces

    seed = SEED.read_text(encoding="utf-8")
    text = "\n".join([seed] * (CHUNK_CHARS // len(seed) + 2))
    assert "".join(pieces(text, CHUNK_CHARS)) == text
    assert "".join(pieces("a" * 25 + " b" * 10, 10)) == "a" * 25 + " b" * 10  # no break: hard cuts
    graph = extractor.extract(SourceText(text))
    s = summarize(graph)
    assert "Mali" in {r["name"] for r in s["regions"]}
    for ev in graph.subjects(CKG.extractedBy, None):
        start, end = int(graph.value(ev, CKG.charStart)), int(graph.value(ev, CKG.charEnd))  # type: ignore[arg-type]
        assert text[start:end] == str(graph.value(ev, CKG.sentence))
