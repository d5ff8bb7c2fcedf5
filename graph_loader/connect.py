"""Open the graph store the settings point at."""

from __future__ import annotations

from conflict_kg.errors import InputError
from conflict_kg.settings import Settings
from graph_loader.embedded import EmbeddedFalkorDB
from graph_loader.falkordb_store import FalkorDBStore
from graph_loader.store import GraphStore


def open_store(settings: Settings) -> GraphStore:
    """The embedded FalkorDB (empty ``graph_url``), Neo4j (bolt/neo4j URL) or a FalkorDB server."""
    url = settings.graph_url
    if not url:
        server = EmbeddedFalkorDB(settings.data_dir).start()
        return FalkorDBStore(settings.graph_name, server=server)
    scheme = url.split("://", 1)[0].lower()
    if scheme in {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}:
        from graph_loader.neo4j_store import Neo4jStore

        return Neo4jStore(url, settings.neo4j_user, settings.neo4j_password.get_secret_value())
    if scheme in {"redis", "rediss", "unix"}:
        return FalkorDBStore(settings.graph_name, url=url)
    raise InputError(f"KG_GRAPH_URL {url!r}: expected bolt://, neo4j://, redis:// or unix://")
