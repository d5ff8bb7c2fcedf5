"""The conflict-kg ontology: the Turtle files, the ``CKG`` namespace and IRI minting."""

from importlib.resources import files
from pathlib import Path

from ontology.iris import mint_event_iri, mint_iri, slugify
from ontology.namespace import CKG

ONTOLOGY_DIR = Path(str(files(__name__)))
ONTOLOGY_FILE = ONTOLOGY_DIR / "conflict.ttl"
SCHEMES_FILE = ONTOLOGY_DIR / "schemes.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"

__all__ = [
    "CKG",
    "CONTEXT_FILE",
    "ONTOLOGY_DIR",
    "ONTOLOGY_FILE",
    "SCHEMES_FILE",
    "SHAPES_FILE",
    "mint_event_iri",
    "mint_iri",
    "slugify",
]
