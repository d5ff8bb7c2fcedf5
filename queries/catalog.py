"""Load and check the curated queries.

A query file starts with a header of ``//`` comment lines::

    // title: Groups active in a region and the responses that target them
    // description: Armed groups reported active in a region or any of its sub-regions ...
    // param region: string = "Sahel" | Name or alias of a region (case-insensitive).
    // param kind: string = "any" in [any, airstrike, peacekeeping] | Kind of response.
    // example: region=Sahel

The parameters declared in the header must be exactly the ``$names`` the body uses (besides
``$limit``/``$offset``, which every query gets), so the two cannot drift apart. A query may
carry an engine-specific variant in ``<name>.<engine>.cypher`` (e.g. ``.falkordb.cypher``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from conflict_kg.errors import ParameterError, QueryNotFoundError

TYPES: dict[str, type] = {
    "string": str,
    "integer": int,
    "float": float,
    "boolean": bool,
    "date": date,
}
PAGING = ("limit", "offset")
#: Query-string names the API itself uses; a query parameter may not take them.
RESERVED = (*PAGING, "format")
_PARAM = re.compile(
    r"^param (?P<name>\w+): (?P<type>\w+)(?: = (?P<default>.+?))?"
    r"(?: in \[(?P<allowed>[^\]]*)\])?\s*\|\s*(?P<doc>.+)$"
)
_USED = re.compile(r"\$(\w+)")
_STRING_LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_VAR_LENGTH = re.compile(r"\[[^\]]*?\*\s*(?P<low>\d*)\s*(?P<range>\.\.\s*(?P<high>\d*))?\s*\]")


@dataclass(frozen=True)
class Parameter:
    """A query parameter: name, type, default, allowed values, description."""

    name: str
    type: str
    default: Any
    description: str
    allowed: tuple[Any, ...] = ()

    def convert(self, raw: Any) -> Any:
        """A raw (query-string) value converted to the parameter's type, or ParameterError.

        An empty value of a parameter whose default is null means null.
        """
        if self.default is None and raw in ("", None):
            return None
        try:
            if self.type == "integer":
                value: Any = int(raw)
            elif self.type == "float":
                value = float(raw)
            elif self.type == "boolean":
                value = _boolean(raw)
            elif self.type == "date":
                value = raw if isinstance(raw, date) else date.fromisoformat(str(raw))
            else:
                value = str(raw)
        except (TypeError, ValueError) as e:
            raise ParameterError(
                f"parameter {self.name!r}: {raw!r} is not a valid {self.type}"
            ) from e
        if self.allowed and value not in self.allowed:
            raise ParameterError(
                f"parameter {self.name!r}: {value!r} is not one of "
                f"{', '.join(map(str, self.allowed))}"
            )
        return value


def _boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).lower()
    if text in {"true", "1", "yes"}:
        return True
    if text in {"false", "0", "no"}:
        return False
    raise ValueError(raw)


@dataclass(frozen=True)
class Query:
    """A curated query: metadata, parameters and the Cypher text per engine."""

    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    cypher: str
    variants: dict[str, str] = field(default_factory=dict)
    example: str = ""

    def text_for(self, engine: str) -> str:
        """The Cypher to send to an engine (its variant if there is one)."""
        return self.variants.get(engine, self.cypher)

    def bind(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Typed parameter values: given ones converted, missing ones defaulted."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(raw) - set(known))
        if unknown:
            raise ParameterError(
                f"query {self.name!r} has no parameter {', '.join(unknown)}; "
                f"it takes: {', '.join(known) or 'none'}"
            )
        out = {}
        for p in self.parameters:
            value = p.convert(raw[p.name]) if p.name in raw else p.default
            out[p.name] = value.isoformat() if isinstance(value, date) else value
        return out


class Catalog:
    """The curated queries by name."""

    def __init__(self, queries: list[Query]) -> None:
        self.queries = {q.name: q for q in sorted(queries, key=lambda q: q.name)}

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.queries.values())

    def __len__(self) -> int:
        return len(self.queries)

    def get(self, name: str) -> Query:
        """The query of that name, or QueryNotFoundError."""
        try:
            return self.queries[name]
        except KeyError:
            raise QueryNotFoundError(
                f"no curated query named {name!r}; GET /queries lists them"
            ) from None


def parse_query(name: str, text: str, variants: dict[str, str] | None = None) -> Query:
    """Parse one query file; ValueError when its header and body disagree."""
    meta: dict[str, str] = {}
    params: list[Parameter] = []
    body_lines: list[str] = []
    for line in text.splitlines():
        if line.startswith("//") and not body_lines:
            content = line[2:].strip()
            m = _PARAM.match(content)
            if m:
                params.append(_parameter(name, m))
            elif ":" in content:
                key, _, value = content.partition(":")
                meta[key.strip()] = (meta.get(key.strip(), "") + " " + value.strip()).strip()
        else:
            body_lines.append(line)
    body = "\n".join(body_lines).strip()
    for text_ in (body, *(variants or {}).values()):
        unbounded = [
            m[0]
            for m in _VAR_LENGTH.finditer(_STRING_LITERAL.sub("", text_))
            if m["range"] is not None and not m["high"] or m["range"] is None and not m["low"]
        ]
        if unbounded:
            raise ValueError(
                f"query {name}: unbounded variable-length pattern {unbounded[0]}; "
                f"give an upper bound (*..k)"
            )
    reserved = sorted({p.name for p in params} & set(RESERVED))
    if reserved:
        raise ValueError(f"query {name}: parameter name(s) {reserved} are reserved by the API")
    for key in ("title", "description"):
        if not meta.get(key):
            raise ValueError(f"query {name}: the header has no {key}")
    declared = {p.name for p in params}
    for text_ in (body, *(variants or {}).values()):
        used = set(_USED.findall(_STRING_LITERAL.sub("", text_))) - set(PAGING)
        if used != declared:
            raise ValueError(
                f"query {name}: the body uses {sorted(used)} but the header "
                f"declares {sorted(declared)}"
            )
    return Query(
        name,
        meta["title"],
        meta["description"],
        tuple(params),
        body,
        dict(variants or {}),
        meta.get("example", ""),
    )


def _parameter(query: str, m: re.Match[str]) -> Parameter:
    kind = m["type"]
    if kind not in TYPES:
        raise ValueError(f"query {query}: parameter {m['name']} has unknown type {kind}")
    if m["default"] is None:
        raise ValueError(f"query {query}: parameter {m['name']} has no default")
    p = Parameter(m["name"], kind, json.loads(m["default"]), m["doc"].strip())
    allowed = tuple(p.convert(a.strip()) for a in m["allowed"].split(",")) if m["allowed"] else ()
    p = Parameter(p.name, kind, p.default, p.description, allowed)
    if p.default is not None:
        p.convert(p.default)
    return p


@cache
def load_catalog() -> Catalog:
    """Every query shipped in this package (read once)."""
    root = files(__name__.rsplit(".", 1)[0])
    texts = {
        f.name: f.read_text(encoding="utf-8") for f in root.iterdir() if f.name.endswith(".cypher")
    }
    queries = []
    for filename, text in texts.items():
        parts = filename.split(".")
        if len(parts) != 2:
            continue
        name = parts[0]
        variants = {
            fn.split(".")[1]: t
            for fn, t in texts.items()
            if fn.startswith(name + ".") and fn.count(".") == 2
        }
        queries.append(parse_query(name, text, {e: _body(t) for e, t in variants.items()}))
    return Catalog(queries)


def _body(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("//")).strip()
