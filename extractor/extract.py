"""The extractor: source documents in, one RDF graph per document out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import Graph

from extractor.document import SourceText, check_text
from extractor.gazetteer import load_gazetteer
from extractor.pipeline import build_pipeline
from extractor.rdf import document_iri, to_rdf
from extractor.relations import facts_of


class Extractor:
    """Reads documents with the spaCy pipeline and writes their facts as RDF."""

    def __init__(self, model: str, base_iri: str, max_bytes: int, *, fast: bool = False) -> None:
        self.nlp = build_pipeline(model, fast)
        self.gazetteer = load_gazetteer()
        self.base_iri = base_iri
        self.max_bytes = max_bytes

    def extract(self, source: SourceText) -> Graph:
        """The RDF graph of one document."""
        return next(self.extract_many([source]))

    def extract_many(self, sources: Iterable[SourceText], *, batch_size: int = 16
                     ) -> Iterator[Graph]:  # fmt: skip
        """RDF graphs of many documents, read in batches with ``nlp.pipe``."""
        def docs() -> Iterator[tuple[object, SourceText]]:
            for source in sources:
                check_text(source.text, self.max_bytes, source.name)
                doc = self.nlp.make_doc(source.text)
                doc._.ckg_published = source.published
                doc.user_data["ckg_doc_id"] = str(document_iri(self.base_iri, source))
                yield doc, source

        for doc, source in self.nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
            yield to_rdf(facts_of(doc), source, self.gazetteer, self.base_iri)
