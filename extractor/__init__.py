"""Text -> RDF: read conflict reporting into the conflict-kg ontology."""

from extractor.document import SourceText, decode, read_file
from extractor.extract import Extractor

__all__ = ["Extractor", "SourceText", "decode", "read_file"]
