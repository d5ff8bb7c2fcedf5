"""RDF -> property graph, into the embedded FalkorDB (default) or Neo4j."""

from graph_loader.connect import open_store
from graph_loader.export import export_graph, iter_triples
from graph_loader.loader import LoadReport, load_documents
from graph_loader.store import GraphStore, Result, Statement

__all__ = [
    "GraphStore",
    "LoadReport",
    "Result",
    "Statement",
    "export_graph",
    "iter_triples",
    "load_documents",
    "open_store",
]
