"""A document's RDF graph as the plain JSON shape of the evaluation files: groups, regions,
attacks, responses, factors, affiliations and active_in, named by their labels."""

from __future__ import annotations

from typing import Any

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from extractor.responses import UNSPECIFIED
from ontology.namespace import CKG


def _label(g: Graph, node: Node | None) -> str | None:
    if node is None:
        return None
    value = g.value(node, SKOS.prefLabel)
    return str(value) if value is not None else None


def _mentioned(g: Graph) -> set[Node]:
    """Resources with evidence of being mentioned (not only implied, like containing regions)."""
    return {
        s for ev in g.subjects(RDF.predicate, CKG.mentionedIn) for s in g.objects(ev, RDF.subject)
    }


def _typed(g: Graph, cls: URIRef) -> list[Node]:
    """Resources of a class, in IRI order."""
    return sorted(g.subjects(RDF.type, cls), key=str)


def _edges(g: Graph, pred: URIRef) -> list[dict[str, str | None]]:
    return sorted(
        ({"a": _label(g, s), "b": _label(g, o)} for s, o in g.subject_objects(pred)),
        key=str,
    )


def summarize(g: Graph) -> dict[str, Any]:
    """The evaluation-file view of one document's graph."""
    mentioned = _mentioned(g)
    sentences = [str(s) for s in g.objects(None, CKG.sentence)]
    groups = []
    for grp in _typed(g, CKG.Group):
        label = _label(g, grp)
        aliases = sorted(str(a) for a in g.objects(grp, SKOS.altLabel))
        if label and any(label in s for s in sentences):
            aliases = sorted({label, *aliases})
        groups.append({"name": label, "aliases_in_text": aliases})
    regions = [
        {"name": _label(g, r), "type": str(g.value(r, CKG.regionType) or "other")}
        for r in _typed(g, CKG.Region)
        if r in mentioned
    ]
    attacks = []
    for a in _typed(g, CKG.Attack):
        claims = list(g.subjects(CKG.claimsResponsibilityFor, a))
        claimant = next((g.value(c, CKG.claimant) for c in claims), None)
        killed = g.value(a, CKG.killed)
        attacks.append(
            {
                "perpetrator": _label(g, g.value(a, CKG.perpetratedBy)),
                "claimed_by": _label(g, claimant),
                "location": _label(g, g.value(a, CKG.locatedIn)),
                "date_text": _str(g.value(a, CKG.dateText)),
                "killed": int(str(killed)) if killed is not None else None,
                "target": _str(g.value(a, CKG.targetType)),
            }
        )
    responses = [
        {
            "name_or_description": _label(g, r),
            "responder": _responder(g, g.value(r, CKG.respondent)),
            "kind": _str(g.value(r, CKG.responseKind)),
            "target": _label(g, g.value(r, CKG.targets)),
        }
        for r in _typed(g, CKG.Response)
    ]
    factors = []
    for f in _typed(g, CKG.Factor):
        places = [_label(g, r) for r in g.objects(f, CKG.affects)] or [None]
        factors += [{"name": _label(g, f), "region": p} for p in sorted(places, key=str)]
    return {
        "groups": groups,
        "regions": regions,
        "attacks": attacks,
        "responses": responses,
        "factors": factors,
        "affiliations": [
            {"group": e["a"], "affiliated_with": e["b"]} for e in _edges(g, CKG.affiliatedWith)
        ],
        "active_in": [{"group": e["a"], "region": e["b"]} for e in _edges(g, CKG.activeIn)],
    }


def _responder(g: Graph, actor: Node | None) -> str | None:
    """The responder's name; ``None`` when the text names none (the unspecified actor)."""
    if actor is None or str(actor).endswith("/" + UNSPECIFIED):
        return None
    return _label(g, actor)


def _str(value: object) -> str | None:
    return str(value) if value is not None else None
