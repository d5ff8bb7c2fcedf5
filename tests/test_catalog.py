"""The curated query catalog: headers parse, parameters match the bodies, values are typed."""

from __future__ import annotations

import pytest

from conflict_kg.errors import ParameterError
from queries import load_catalog
from queries.catalog import parse_query


def test_every_shipped_query_loads_with_documented_parameters() -> None:
    catalog = load_catalog()
    assert len(catalog) >= 1
    for q in catalog:
        assert q.title and q.description
        for p in q.parameters:
            assert p.description


def test_a_header_that_disagrees_with_the_body_is_refused() -> None:
    text = (
        '// title: t\n// description: d\n// param a: string = "x" | A.\n'
        "MATCH (n) WHERE n.b = $b RETURN n"
    )
    with pytest.raises(ValueError, match="declares"):
        parse_query("bad", text)


def test_a_parameter_without_default_is_refused() -> None:
    text = "// title: t\n// description: d\n// param a: string | A.\nRETURN $a"
    with pytest.raises(ValueError, match="no default"):
        parse_query("bad", text)


def test_values_are_converted_and_checked() -> None:
    text = (
        "// title: t\n// description: d\n// param n: integer = 3 | N.\n"
        '// param k: string = "any" in [any, airstrike] | K.\nRETURN $n, $k'
    )
    q = parse_query("q", text)
    assert q.bind({"n": "7"}) == {"n": 7, "k": "any"}
    with pytest.raises(ParameterError, match="not a valid integer"):
        q.bind({"n": "seven"})
    with pytest.raises(ParameterError, match="not one of"):
        q.bind({"k": "bombing"})
