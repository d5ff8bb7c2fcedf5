"""The ``conflict-kg`` command as a user runs it, in a fresh data directory."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from graph_loader.embedded import EmbeddedFalkorDB
from tests.conftest import SEED, free_port


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KG_DATA_DIR": str(data_dir), "KG_GRAPH_URL": ""}
    return subprocess.run(
        [sys.executable, "-m", "conflict_kg.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


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
    assert set(doc) >= {
        "groups",
        "regions",
        "attacks",
        "responses",
        "factors",
        "affiliations",
        "active_in",
    }


def test_errors_are_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary\x00")
    out = run("extract", str(bad), data_dir=tmp_path)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr and "bad.txt" in out.stderr


def test_evaluate_against_a_second_annotation(tmp_path: Path) -> None:
    dev = Path(__file__).parent / "data" / "dev.jsonl"
    first = json.loads(dev.read_text(encoding="utf-8").splitlines()[0])
    gold = first["gold"]
    second = tmp_path / "second.jsonl"
    missed_one = {**gold, "regions": gold["regions"][1:]}  # the other annotator missed a place
    second.write_text(json.dumps({"id": first["id"], "gold": missed_one}) + "\n")
    out = run(
        "evaluate",
        str(dev),
        "--against",
        str(second),
        "--split",
        "all",
        "--format",
        "json",
        data_dir=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    scores = json.loads(out.stdout)["all"]
    assert scores["passages"] == 1
    assert scores["regions"]["fn"] == 1 and scores["regions"]["fp"] == 0
    assert scores["groups"]["f1"] == 1.0
    second.write_text("not json\n")
    broken = run("evaluate", str(dev), "--against", str(second), data_dir=tmp_path)
    assert broken.returncode == 2
    assert "second.jsonl:1: not an annotation line" in broken.stderr
    assert "Traceback" not in broken.stderr


def _serve(data_dir: Path, port: int) -> subprocess.Popen[str]:
    env = {**os.environ, "KG_DATA_DIR": str(data_dir), "KG_GRAPH_URL": ""}
    return subprocess.Popen(
        [sys.executable, "-m", "conflict_kg.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(url: str, process: subprocess.Popen[str]) -> httpx.Response:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        try:
            return httpx.get(url, timeout=5)
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


def test_stopping_and_restarting_serve_keeps_the_data(tmp_path: Path) -> None:
    assert run("ingest", str(SEED), data_dir=tmp_path).returncode == 0
    port = free_port()
    url = f"http://127.0.0.1:{port}/queries/groups_active_in_region?region=Sahel"
    answers = []
    for _ in range(2):
        process = _serve(tmp_path, port)
        try:
            answers.append(_wait_for(url, process).json()["rows"])
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)
        assert not EmbeddedFalkorDB(tmp_path).running(), "serve left its database running"
    assert answers[0] and answers[0] == answers[1]
