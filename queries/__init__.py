"""The curated query catalog: one ``.cypher`` file per question, with its metadata header."""

from queries.catalog import Catalog, Parameter, Query, load_catalog

__all__ = ["Catalog", "Parameter", "Query", "load_catalog"]
