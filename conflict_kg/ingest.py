"""Files -> source documents -> RDF -> graph store, skipping documents already loaded."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from conflict_kg.errors import ConflictKGError
from extractor import Extractor, SourceText, read_file
from extractor.rdf import document_iri
from graph_loader import GraphStore, load_documents
from graph_loader.cypher import statement

log = logging.getLogger(__name__)
TEXT_SUFFIXES = (".txt", ".md", ".text")


@dataclass
class IngestReport:
    """What an ingest run did."""

    documents: int = 0
    loaded: int = 0
    unchanged: int = 0
    nodes: int = 0
    relationships: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for people."""
        rate = self.documents / self.seconds if self.seconds else 0.0
        return (f"{self.documents} documents ({rate:.1f}/s): {self.loaded} loaded, "
                f"{self.unchanged} unchanged, {len(self.errors)} errors; "
                f"{self.nodes} nodes and {self.relationships} relationships written")  # fmt: skip


def text_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The text files named, and those inside the directories named, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES)
        else:
            yield path


def _already_loaded(store: GraphStore, source: SourceText, base_iri: str) -> bool:
    doc = str(document_iri(base_iri, source))
    state = store.read(statement("document_state"), {"doc": doc}).records()
    return bool(state and state[0]["loaded"] and state[0]["contentHash"] == source.content_hash)


def ingest_sources(store: GraphStore, extractor: Extractor, sources: Iterable[SourceText],
                   *, batch_size: int = 500, report: IngestReport | None = None) -> IngestReport:  # fmt: skip
    """Extract and load documents; an error in one document is reported, not fatal."""
    report = report or IngestReport()
    started = time.perf_counter()
    store.ensure_schema([])
    for source in sources:
        report.documents += 1
        try:
            if _already_loaded(store, source, extractor.base_iri):
                report.unchanged += 1
                continue
            graph = extractor.extract(source)
            loaded = load_documents(store, [graph], batch_size=batch_size)
        except ConflictKGError as e:
            report.errors.append((source.name, str(e)))
            log.warning("%s: %s", source.name, e)
            continue
        report.loaded += len(loaded.loaded)
        report.unchanged += len(loaded.unchanged)
        report.nodes += loaded.nodes
        report.relationships += loaded.relationships
    report.seconds += time.perf_counter() - started
    return report


def ingest_files(store: GraphStore, extractor: Extractor, paths: Iterable[Path],
                 *, batch_size: int = 500) -> IngestReport:  # fmt: skip
    """Ingest text files (and directories of them); unreadable files are reported as errors."""
    report = IngestReport()

    def sources() -> Iterator[SourceText]:
        for path in text_files(paths):
            try:
                yield read_file(path, extractor.max_bytes)
            except ConflictKGError as e:
                report.documents += 1
                report.errors.append((str(path), str(e)))

    return ingest_sources(store, extractor, sources(), batch_size=batch_size, report=report)


def sample_files() -> list[Path]:
    """The sample articles shipped with the package."""
    from importlib.resources import files

    root = Path(str(files("conflict_kg.samples")))
    return sorted(root.glob("*.txt"))
