"""The property values every backend stores faithfully; anything else is refused up front.

FalkorDB keeps strings as C strings and its clients send parameters inside the query text, so a
NUL character would cut a string short and a lone surrogate cannot be encoded as UTF-8; integers
are 64-bit and the query language has no literal for NaN or infinity. Neo4j has the same integer
range and no way to send lone surrogates either. Refusing these values before the first write
keeps both backends byte-identical and loses nothing silently.
"""

from __future__ import annotations

import math
import re
from typing import Any

from conflict_kg.errors import InputError

_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")
INT_MIN, INT_MAX = -(2**63), 2**63 - 1


def check_text(text: str, where: str = "a value") -> str:
    """``text`` unchanged, or :class:`InputError` if it holds a NUL or a lone surrogate."""
    bad = _BAD_CHARS.search(text)
    if bad is not None:
        char, at = bad.group(), bad.start()
        what = "a NUL character" if char == "\x00" else f"a lone surrogate U+{ord(char):04X}"
        raise InputError(
            f"{where} contains {what}, which graph stores cannot keep "
            f"(at offset {at}: {text[max(0, at - 20) : at + 20]!r})"
        )
    return text


def storable_number(value: int | float) -> bool:
    """True when every backend stores ``value`` exactly (64-bit integers, finite floats)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return INT_MIN <= value <= INT_MAX
    return not isinstance(value, float) or math.isfinite(value)


def check_number(value: int | float, where: str = "a value") -> int | float:
    """``value`` unchanged, or :class:`InputError` if no backend can store it exactly."""
    if not storable_number(value):
        raise InputError(f"{where} is {value}: graph stores keep 64-bit integers and finite floats")
    return value


def check_value(value: Any, where: str = "a value") -> Any:
    """A property value (scalar or list of scalars) unchanged, or :class:`InputError`."""
    if isinstance(value, str):
        return check_text(value, where)
    if isinstance(value, bool | int | float):
        return check_number(value, where)
    if isinstance(value, list):
        for item in value:
            check_value(item, where)
        return value
    raise InputError(f"{where} has type {type(value).__name__}, which is not a property value")
