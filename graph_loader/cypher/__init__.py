"""The loader's Cypher, one statement per ``.cypher`` file, read once by name."""

from functools import cache
from importlib.resources import files


@cache
def statement(name: str) -> str:
    """The text of ``graph_loader/cypher/<name>.cypher``."""
    return (files(__name__) / f"{name}.cypher").read_text(encoding="utf-8")
