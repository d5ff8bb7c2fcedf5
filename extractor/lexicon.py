"""The phrase lexicons of ``data/lexicon.json`` (root-cause factors, kinds of response)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any


@dataclass(frozen=True)
class Factor:
    """A kind of root cause, the phrases that name it and token patterns for wordings that
    vary (spaCy Matcher patterns)."""

    id: str
    label: str
    phrases: tuple[str, ...]
    patterns: tuple[list[dict[str, Any]], ...] = ()


@cache
def _data() -> dict:
    return json.loads((files("extractor.data") / "lexicon.json").read_text(encoding="utf-8"))


@cache
def factors() -> tuple[Factor, ...]:
    """Every factor kind of the lexicon."""
    return tuple(
        Factor(k, v["label"], tuple(v["phrases"]), tuple(v.get("patterns", ())))
        for k, v in _data()["factors"].items()
    )


_WORD = re.compile(r"\w+")


@cache
def _kind_patterns() -> tuple[tuple[str, frozenset[str], re.Pattern[str]], ...]:
    """Per kind of response: the first words of its phrases, and one pattern for them all."""
    return tuple(
        (
            kind,
            frozenset(_WORD.findall(p.lower())[0] for p in ps),
            re.compile(
                r"\b(" + "|".join(re.escape(p) for p in sorted(ps, key=len, reverse=True)) + r")\b",
                re.I,
            ),
        )
        for kind, ps in _data()["response_kinds"].items()
    )


def response_kind(text: str, ignore: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """The kind of response a phrase names and the words that said so, by lexicon order;
    matches on the words in ``ignore`` (lower case) are passed over. A kind's pattern runs only
    on text that has the first word of one of its phrases."""
    words = set(_WORD.findall(text.lower()))
    for kind, openers, pattern in _kind_patterns():
        if openers.isdisjoint(words):
            continue
        for m in pattern.finditer(text):
            if m.group(0).lower() not in ignore:
                return kind, m.group(0)
    return None
