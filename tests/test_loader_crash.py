"""SIGKILL the embedded FalkorDB while documents load, twice, then tear the append-only file
inside its last transaction: restarting and re-running the same load gives exactly the graph of
an uninterrupted load (benchmarks/crash_ingest.py, small; run it with --documents 1000 too)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "crash_ingest.py"


def test_killed_and_torn_loads_are_repaired_by_re_running_them() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--documents",
            "80",
            "--per-doc",
            "80",
            "--kills",
            "2",
            "--torn-write",
            "--seed",
            "3",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    kills = [line for line in lines if line.startswith("kill ")]
    assert len(kills) == 2 and all("loader exited with 1" in line for line in kills)
    assert "cut appendonly" in kills[-1]  # the torn write really happened
    assert lines[-1] == "identical: no lost, duplicated or extra node or relationship"
