"""Files -> source documents -> RDF -> graph store, skipping documents already loaded."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from conflict_kg.errors import ConflictKGError
from extractor import Extractor, SourceText, read_file
from extractor.rdf import document_iri
from graph_loader import GraphStore, load_documents
from graph_loader.cypher import statement
from graph_loader.loader import Tally

log = logging.getLogger(__name__)
TEXT_SUFFIXES = (".txt", ".md", ".text")


@dataclass
class IngestReport:
    """What an ingest run did."""

    documents: int = 0
    loaded: int = 0
    unchanged: int = 0
    duplicates: int = 0
    nodes: Tally = field(default_factory=Tally)
    relationships: Tally = field(default_factory=Tally)
    errors: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """A few lines for people."""
        rate = self.documents / self.seconds if self.seconds else 0.0
        n, r = self.nodes, self.relationships
        return (
            f"{self.documents} documents in {self.seconds:.1f}s ({rate:.1f}/s): "
            f"{self.loaded} loaded, {self.unchanged} unchanged, "
            f"{self.duplicates} duplicates of another document, {len(self.errors)} errors\n"
            f"nodes: {n.created} created, {n.updated} updated, {n.unchanged} unchanged\n"
            f"relationships: {r.created} created, {r.updated} updated, "
            f"{r.unchanged} unchanged"
        )


def text_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The text files named, and those inside the directories named, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES)
        else:
            yield path


def _skip_reason(store: GraphStore, source: SourceText, base_iri: str) -> str | None:
    """'unchanged' (this document is loaded with this content), 'duplicate' (a new document
    whose text another loaded document has) or None (load it)."""
    doc = str(document_iri(base_iri, source))
    state = store.read(statement("document_state"), {"doc": doc}).records()
    if state:
        same_text = state[0]["loaded"] and state[0]["contentHash"] == source.content_hash
        return "unchanged" if same_text else None
    same = store.read(statement("documents_by_hash"), {"hash": source.content_hash}).rows
    return "duplicate" if any(uri != doc for (uri,) in same) else None


def ingest_sources(
    store: GraphStore,
    extractor: Extractor,
    sources: Iterable[SourceText],
    *,
    batch_size: int = 500,
    report: IngestReport | None = None,
    progress: Callable[[], None] | None = None,
) -> IngestReport:
    """Extract and load documents; an error in one document is reported, not fatal.

    Documents already loaded with the same content, and texts whose content hash matches a
    loaded document of another name, are skipped. ``progress`` is called once per document.
    """
    report = report or IngestReport()
    started = time.perf_counter()
    store.ensure_schema([])
    for source in sources:
        report.documents += 1
        try:
            skip = _skip_reason(store, source, extractor.base_iri)
            if skip == "unchanged":
                report.unchanged += 1
            elif skip == "duplicate":
                report.duplicates += 1
            else:
                loaded = load_documents(store, [extractor.extract(source)], batch_size=batch_size)
                report.loaded += len(loaded.loaded)
                report.unchanged += len(loaded.unchanged)
                report.nodes.add(loaded.nodes)
                report.relationships.add(loaded.relationships)
        except ConflictKGError as e:
            report.errors.append((source.name, str(e)))
            log.warning("%s: %s", source.name, e)
        if progress is not None:
            progress()
    report.seconds += time.perf_counter() - started
    return report


def ingest_files(
    store: GraphStore,
    extractor: Extractor,
    paths: Iterable[Path],
    *,
    batch_size: int = 500,
    progress: Callable[[], None] | None = None,
) -> IngestReport:
    """Ingest text files (and directories of them); unreadable files are reported as errors."""
    report = IngestReport()

    def sources() -> Iterator[SourceText]:
        for path in text_files(paths):
            try:
                yield read_file(path, extractor.max_bytes)
            except ConflictKGError as e:
                report.documents += 1
                report.errors.append((str(path), str(e)))
                if progress is not None:
                    progress()

    return ingest_sources(
        store, extractor, sources(), batch_size=batch_size, report=report, progress=progress
    )


def sample_files() -> list[Path]:
    """The sample articles shipped with the package."""
    from importlib.resources import files

    root = Path(str(files("conflict_kg.samples")))
    return sorted(root.glob("*.txt"))
