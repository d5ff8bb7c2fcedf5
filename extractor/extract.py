"""The extractor: source documents in, one RDF graph per document out."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator

from rdflib import Graph
from spacy.tokens import Doc

from extractor.document import SourceText, check_text
from extractor.gazetteer import load_gazetteer
from extractor.pipeline import build_pipeline
from extractor.rdf import document_iri, to_rdf
from extractor.relations import facts_of

#: Longer texts are parsed in pieces of about this many characters, cut at line breaks, so the
#: model's memory stays bounded; the pieces are joined before mentions and relations are read.
CHUNK_CHARS = 50_000
_DOCUMENT_LEVEL = ("ckg_mentions", "ckg_relations")


class Extractor:
    """Reads documents with the spaCy pipeline and writes their facts as RDF."""

    def __init__(self, model: str, base_iri: str, max_bytes: int, *, fast: bool = False) -> None:
        self.nlp = build_pipeline(model, fast)
        self.gazetteer = load_gazetteer()
        self.base_iri = base_iri
        self.max_bytes = max_bytes
        # The model and the gazetteer (~10^6 objects) live as long as the process: keep the
        # cycle collector from walking them on every full collection (halves RDF writing).
        gc.freeze()

    def extract(self, source: SourceText) -> Graph:
        """The RDF graph of one document."""
        return next(self.extract_many([source]))

    def extract_many(
        self, sources: Iterable[SourceText], *, batch_size: int = 16
    ) -> Iterator[Graph]:
        """RDF graphs of many documents, read in batches with ``nlp.pipe``."""
        batch: list[SourceText] = []
        for source in sources:
            check_text(source.text, self.max_bytes, source.name)
            if len(source.text) > CHUNK_CHARS:
                yield from self._read_batch(batch, batch_size)
                batch = []
                yield self._rdf(self._read_long(source), source)
                continue
            batch.append(source)
            if len(batch) >= batch_size:
                yield from self._read_batch(batch, batch_size)
                batch = []
        yield from self._read_batch(batch, batch_size)

    def _prepare(self, doc: Doc, source: SourceText) -> Doc:
        doc._.ckg_text = source.text  # the doc's text: spaCy keeps every character
        doc._.ckg_published = source.published
        doc.user_data["ckg_doc_id"] = str(document_iri(self.base_iri, source))
        return doc

    def _rdf(self, doc: Doc, source: SourceText) -> Graph:
        return to_rdf(facts_of(doc), source, self.gazetteer, self.base_iri)

    def _read_batch(self, batch: list[SourceText], batch_size: int) -> Iterator[Graph]:
        docs = ((self._prepare(self.nlp.make_doc(s.text), s), s) for s in batch)
        for doc, source in self.nlp.pipe(docs, as_tuples=True, batch_size=batch_size):
            yield self._rdf(doc, source)

    def _read_long(self, source: SourceText) -> Doc:
        with self.nlp.select_pipes(disable=list(_DOCUMENT_LEVEL)):
            parts = list(self.nlp.pipe(pieces(source.text, CHUNK_CHARS)))
        doc = self._prepare(Doc.from_docs(parts, ensure_whitespace=False), source)
        for name in _DOCUMENT_LEVEL:
            doc = self.nlp.get_pipe(name)(doc)
        return doc


def pieces(text: str, size: int) -> Iterator[str]:
    """The text in consecutive pieces of at most ``size`` characters, cut after a line break
    (else after a space) where there is one; joined, they give the text back."""
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            if cut > start:
                end = cut + 1
        yield text[start:end]
        start = end
