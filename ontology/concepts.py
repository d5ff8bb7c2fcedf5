"""IRIs of the typology concepts (``ontology/schemes.ttl``) from the notations the extractor writes.

A concept's IRI is ``{CPT}{scheme}-{notation}`` with '_' written '-': the ACLED sub-event type
``remote-explosive`` is ``cpt:event-type-remote-explosive``, the actor type ``rebel_group`` is
``cpt:actor-type-rebel-group``.
"""

from __future__ import annotations

from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from ontology.namespace import CPT

EVENT_TYPE = "event-type"
ACTOR_TYPE = "actor-type"
RESPONSE_KIND = "response-kind"
FACTOR = "factor"


def concept_iri(scheme: str, notation: str) -> URIRef:
    """The concept of ``scheme`` (event-type, actor-type, response-kind, factor) with a notation."""
    return CPT[f"{scheme}-{notation.replace('_', '-')}"]


@cache
def schemes_graph() -> Graph:
    """The concept schemes, parsed once."""
    from ontology import SCHEMES_FILE

    return Graph().parse(SCHEMES_FILE)


def notations(scheme: str) -> frozenset[str]:
    """The notations of the concepts of one scheme prefix (for checks and documentation)."""
    graph = schemes_graph()
    prefix = str(CPT[scheme + "-"])
    return frozenset(
        str(n) for c, n in graph.subject_objects(SKOS.notation) if str(c).startswith(prefix)
    )
