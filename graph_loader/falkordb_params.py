"""Query parameters as the ``CYPHER name=value …`` header FalkorDB parses.

FalkorDB takes parameters only inside the query text. The official client quotes strings by
escaping backslashes and double quotes only, writes ``inf``/``nan`` and out-of-range integers as
text the server misreads (2**63 silently becomes 2**63-1), and lets NUL cut a string short.
This serialiser writes the same literal syntax but checks every value first
(:mod:`graph_loader.values`), so a bad value is an :class:`InputError` before anything is sent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from conflict_kg.errors import InputError
from graph_loader.values import check_number, check_text

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def _name(key: object) -> str:
    if not isinstance(key, str) or not _NAME.match(key):
        raise InputError(f"parameter or map key {key!r} is not a plain identifier")
    return key


def literal(value: Any) -> str:
    """``value`` as a Cypher literal for FalkorDB's parameter header."""
    if isinstance(value, str):
        check_text(value, "a string parameter")
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(check_number(value, "an integer parameter"))
    if isinstance(value, float):
        return repr(check_number(value, "a float parameter"))
    if isinstance(value, list | tuple):
        return "[" + ",".join(literal(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ",".join(f"{_name(k)}:{literal(v)}" for k, v in value.items()) + "}"
    raise InputError(f"a parameter of type {type(value).__name__} cannot be sent to FalkorDB")


def with_params(cypher: str, params: Mapping[str, Any] | None) -> str:
    """The query text with its parameters in front (``CYPHER a=1 b="x" MATCH …``)."""
    if not params:
        return cypher
    header = " ".join(f"{_name(k)}={literal(v)}" for k, v in params.items())
    return f"CYPHER {header} {cypher}"
