"""The ``conflict-kg`` command as a user runs it, in a fresh data directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SEED


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KG_DATA_DIR": str(data_dir), "KG_GRAPH_URL": ""}
    return subprocess.run([sys.executable, "-m", "conflict_kg.cli", *args], env=env,
                          capture_output=True, text=True, timeout=300, check=False)  # fmt: skip


def test_ingest_twice_then_stats_and_stop(tmp_path: Path) -> None:
    first = run("ingest", str(SEED), data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "1 loaded" in first.stdout
    stats = json.loads(run("stats", data_dir=tmp_path).stdout)
    second = run("ingest", str(SEED), data_dir=tmp_path)
    assert "1 unchanged" in second.stdout and "0 loaded" in second.stdout
    assert json.loads(run("stats", data_dir=tmp_path).stdout) == stats
    assert stats["nodes"]["Group"] >= 4
    assert "no embedded database is running" in run("stop", data_dir=tmp_path).stdout


def test_extract_prints_one_json_object_per_file(tmp_path: Path) -> None:
    out = run("extract", str(SEED), "--format", "json", data_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert set(doc) >= {"groups", "regions", "attacks", "responses", "factors", "affiliations",
                        "active_in"}  # fmt: skip


def test_errors_are_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary\x00")
    out = run("extract", str(bad), data_dir=tmp_path)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr and "bad.txt" in out.stderr
