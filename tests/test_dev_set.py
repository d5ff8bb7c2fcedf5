"""The development set keeps the rules its guidelines state (tests/data/DEV_SET.md)."""

from __future__ import annotations

from pathlib import Path

from dev_set import problems, read

DEV = Path(__file__).parent / "data" / "dev.jsonl"
SECOND = Path(__file__).parent / "data" / "dev_second.jsonl"


def test_the_dev_set_is_consistent() -> None:
    assert list(problems(read(DEV))) == []


def test_the_second_annotation_keeps_the_same_rules() -> None:
    records = {r["id"]: r for r in read(DEV)}
    second = read(SECOND)
    assert len(second) >= 60 and all(r["id"] in records for r in second)
    assert list(problems([{**records[r["id"]], "gold": r["gold"]} for r in second])) == []


def test_a_broken_record_is_reported() -> None:
    record = read(DEV)[0]
    gold = {**record["gold"], "factors": [{"name": "bad luck", "region": "Atlantis"}]}
    found = list(problems([{**record, "gold": gold}, record]))
    assert f"{record['id']}: factor 'bad luck' is not in the closed list" in found
    assert f"{record['id']}: factor region 'Atlantis' is not a listed region" in found
    assert f"{record['id']}: duplicate id" in found
