"""Stable entity IRIs: ``{base}{type}/{slug}``, minted from a normalised canonical name.

The same canonical name always gives the same IRI, so two documents that mention the same
group meet on one node. Events (attacks, claims, evidence) have no name; their slug is a
short hash of what identifies them (document, sentence span, participants).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """Lower-case ASCII slug of a name: 'Jama’at Nusrat al-Islam' -> 'jama-at-nusrat-al-islam'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", ascii_name.lower()).strip("-")
    if not slug:
        raise ValueError(f"cannot mint a slug from {name!r}")
    return slug


def digest(*parts: str, length: int = 16) -> str:
    """Short, stable hex digest of some strings (for IRIs of unnamed things)."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return h.hexdigest()[:length]


def mint_iri(base: str, kind: str, name: str) -> URIRef:
    """IRI of an entity of ``kind`` (group, region, ...) from its canonical name."""
    return URIRef(f"{base}{kind}/{slugify(name)}")


def mint_event_iri(base: str, kind: str, *identity: str) -> URIRef:
    """IRI of an unnamed thing (attack, claim, evidence) from the strings that identify it."""
    return URIRef(f"{base}{kind}/{digest(*identity)}")
