"""Every Cypher statement the project sends passes Neo4j's own linter (no server needed)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from cypher_lint import lint

ROOT = Path(__file__).resolve().parents[1]
CYPHER_DIRS = [ROOT / "graph_loader" / "cypher", ROOT / "queries"]

# Loader templates: placeholders the code replaces before sending, with realistic values.
PLACEHOLDERS = {
    "__LABELS__": "Group:Region",
    "__TYPE__": "activeIn",
    "__LABEL__": "Resource",
    "__KEY__": "prefLabel",
}


def _cypher_files() -> list[Path]:
    files = [p for d in CYPHER_DIRS if d.is_dir() for p in sorted(d.rglob("*.cypher"))]
    return [p for p in files if not p.name.endswith(".falkordb.cypher")]  # FalkorDB-only variants


def _text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    for placeholder, value in PLACEHOLDERS.items():
        text = text.replace(placeholder, value)
    return text


FILES = {p.relative_to(ROOT).as_posix(): p for p in _cypher_files()}


@pytest.fixture(scope="module")
def project_diagnostics() -> dict[str, list[dict]]:
    return lint([(name, _text(path)) for name, path in FILES.items()])


def _show(diagnostics: list[dict]) -> str:
    return "\n".join(
        f"  {d['line']}:{d['column']} {d['severity']}: {d['message']}" for d in diagnostics
    )


@pytest.mark.parametrize("name", sorted(FILES))
def test_project_cypher_has_no_lint_errors(
    name: str, project_diagnostics: dict[str, list[dict]]
) -> None:
    leftover = re.findall(r"__[A-Z]+__", _text(FILES[name]))
    assert not leftover, f"{name}: unknown placeholder(s) {leftover}; add a value to PLACEHOLDERS"
    diagnostics = project_diagnostics[name]
    others = [d for d in diagnostics if d["severity"] != "error"]
    if others:
        warnings.warn(f"Neo4j linter on {name}:\n{_show(others)}", UserWarning, stacklevel=1)
    errors = [d for d in diagnostics if d["severity"] == "error"]
    assert not errors, f"Neo4j linter errors in {name}:\n{_show(errors)}"


def test_linter_catches_errors_and_deprecations() -> None:
    result = lint(
        [
            ("syntax", "MATCH (n RETURN n"),
            ("semantic", "RETURN x"),
            ("removed_exists", "MATCH (n) WHERE exists(n.name) RETURN n"),
            ("removed_index_syntax", "CREATE INDEX ON :Person(name)"),
            ("deprecated_id", "MATCH (n) RETURN id(n)"),
            ("deprecated_call_scope", "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS"),
            ("fine", "MATCH (n:Resource {uri: $doc}) RETURN n.uri AS uri"),
        ]
    )

    def severities(name: str) -> set[str]:
        return {d["severity"] for d in result[name]}

    assert result["syntax"][0]["severity"] == "error"
    assert "Invalid input 'RETURN'" in result["syntax"][0]["message"]
    assert (result["syntax"][0]["line"], result["syntax"][0]["column"]) == (1, 10)
    assert "Variable `x` not defined" in result["semantic"][0]["message"]
    assert "error" in severities("removed_exists")  # removed in Neo4j 5
    assert "error" in severities("removed_index_syntax")  # removed in Neo4j 5
    assert severities("deprecated_id") == {"warning"}  # id() is deprecated in Neo4j 5
    assert "deprecated" in result["deprecated_id"][0]["message"]
    assert severities("deprecated_call_scope") == {"warning"}  # CALL (n) { ... } since 5.23
    assert result["fine"] == []  # and $parameters are not reported without a schema
