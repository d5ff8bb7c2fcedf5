"""Lint Cypher with Neo4j's own linter (npm ``@neo4j-cypher/language-support``), no server needed.

The npm package is pinned in ``tests/neo4j_lint/package.json`` / ``package-lock.json`` and
installed on first use with ``npm ci`` (network needed once; linting itself runs offline).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

LINT_DIR = Path(__file__).parent / "neo4j_lint"
PACKAGE = "@neo4j-cypher/language-support"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise RuntimeError(
            f"Cypher linting needs Node.js and npm, but {name!r} is not on PATH. "
            f"Install Node.js (with npm), then re-run; the linter is installed into {LINT_DIR}."
        )
    return path


def _installed_version() -> str | None:
    manifest = LINT_DIR / "node_modules" / PACKAGE / "package.json"
    if not manifest.is_file():
        return None
    return str(json.loads(manifest.read_text(encoding="utf-8")).get("version"))


def ensure_installed() -> None:
    """Run ``npm ci`` in tests/neo4j_lint unless the pinned linter version is already installed."""
    manifest = json.loads((LINT_DIR / "package.json").read_text(encoding="utf-8"))
    pinned = manifest["dependencies"][PACKAGE]
    if _installed_version() == pinned:
        return
    proc = subprocess.run(
        [_tool("npm"), "ci", "--silent", "--no-audit", "--no-fund"],
        cwd=LINT_DIR,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0 or _installed_version() != pinned:
        detail = proc.stderr.strip()
        raise RuntimeError(f"`npm ci` in {LINT_DIR} failed ({proc.returncode}):\n{detail}")


def lint(statements: list[tuple[str, str]]) -> dict[str, list[dict]]:
    """Lint ``(name, cypher)`` pairs; return each name's diagnostics.

    A diagnostic is ``{"severity": "error"|"warning"|"information"|"hint", "message": str,
    "line": int, "column": int}`` (1-based). Undefined-``$parameter`` errors are left out,
    since no database schema is given.
    """
    node = _tool("node")
    ensure_installed()
    payload = json.dumps([{"name": name, "cypher": cypher} for name, cypher in statements])
    proc = subprocess.run(
        [node, str(LINT_DIR / "lint.mjs")],
        input=payload,
        cwd=LINT_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"node lint.mjs failed ({proc.returncode}):\n{proc.stderr.strip()}")
    return {item["name"]: item["diagnostics"] for item in json.loads(proc.stdout)}
