"""conflict-kg: conflict reporting -> RDF -> property graph -> JSON API."""

__version__ = "0.1.0"
