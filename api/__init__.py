"""The JSON API: curated queries, entities, ingestion and RDF dumps over HTTP."""

from api.app import create_app

__all__ = ["create_app"]
