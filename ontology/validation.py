"""SHACL validation of extracted RDF against ``ontology/shapes.ttl`` (pySHACL), with readable
violations: which resource (its class and label), which property, what is wrong.

The ontology and the concept schemes are mixed into the data graph, so that ``sh:class`` sees
the concepts and the class hierarchy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH, SKOS
from rdflib.term import Node
from rdflib.util import guess_format

from conflict_kg.errors import InputError
from ontology.vocabulary import local_name


@dataclass(frozen=True)
class Violation:
    """One SHACL result, in words."""

    severity: str  # Violation, Warning or Info
    focus: str  # IRI of the resource that fails
    kind: str  # its classes' local names, e.g. "Response"
    label: str | None  # its skos:prefLabel, if any
    path: str | None  # the property, e.g. "ckg:respondent"
    message: str
    value: str | None  # the offending value, if any

    def __str__(self) -> str:
        who = f"{self.kind or 'resource'} {self.focus}"
        if self.label:
            who += f" ({self.label!r})"
        where = f" {self.path}:" if self.path else ":"
        value = f" [value: {self.value}]" if self.value else ""
        return f"{self.severity}: {who}{where} {self.message}{value}"


@cache
def shapes_graph() -> Graph:
    """The SHACL shapes, parsed once."""
    from ontology import SHAPES_FILE

    return Graph().parse(SHAPES_FILE)


@cache
def ontology_graph() -> Graph:
    """The ontology and its concept schemes, mixed into every data graph that is validated."""
    from ontology import ONTOLOGY_FILE, SCHEMES_FILE

    graph = Graph().parse(ONTOLOGY_FILE)
    graph.parse(SCHEMES_FILE)
    return graph


def validate(data: Graph) -> list[Violation]:
    """Validate a data graph; an empty list means it conforms."""
    mixed = Graph()
    for triple in ontology_graph():
        mixed.add(triple)
    for triple in data:
        mixed.add(triple)
    conforms, results, _ = shacl_validate(
        mixed, shacl_graph=shapes_graph(), inference="none", allow_warnings=True, inplace=True
    )
    if conforms:
        return []
    assert isinstance(results, Graph)
    out = [_violation(data, results, r) for r in results.subjects(RDF.type, SH.ValidationResult)]
    return sorted(out, key=lambda v: (v.kind, v.focus, v.path or "", v.message))


def _violation(data: Graph, results: Graph, result: Node) -> Violation:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    severity = results.value(result, SH.resultSeverity)
    messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    kinds = sorted(local_name(c) for c in data.objects(focus, RDF.type) if isinstance(c, URIRef))
    label = data.value(focus, SKOS.prefLabel) if focus is not None else None
    return Violation(
        severity=local_name(severity) if isinstance(severity, URIRef) else "Violation",
        focus=str(focus),
        kind="/".join(kinds),
        label=str(label) if label is not None else None,
        path=_path(data, path),
        message="; ".join(messages) or "does not conform",
        value=(value.n3(data.namespace_manager) if isinstance(value, URIRef | Literal) else None),
    )


def _path(data: Graph, path: Node | None) -> str | None:
    if isinstance(path, URIRef):
        return path.n3(data.namespace_manager)
    if path is not None:
        return "(inverse or complex path)"
    return None


def read_rdf(path: Path) -> Graph:
    """An RDF file as one graph (the union of its named graphs for TriG / N-Quads)."""
    fmt = guess_format(str(path)) or "turtle"
    try:
        if fmt in ("trig", "nquads"):
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            graph = Graph()
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
            return graph
        return Graph().parse(path, format=fmt)
    except FileNotFoundError as e:
        raise InputError(f"{path}: no such file") from e
    except Exception as e:  # rdflib raises many parser-specific errors
        raise InputError(f"{path} is not valid {fmt}: {e}") from e
