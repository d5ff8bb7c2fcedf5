"""``POST /documents``: text in, extracted facts loaded into the graph, a summary back."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from api import problems
from api.auth import WriteAccess
from api.deps import StoreHolder
from conflict_kg.errors import DatabaseUnavailableError
from conflict_kg.settings import Settings
from extractor import Extractor, SourceText
from extractor.summary import summarize
from graph_loader import load_documents

router = APIRouter(tags=["documents"])


class ExtractorHolder:
    """Loads the spaCy pipeline on the first write, once (it takes seconds)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._extractor: Extractor | None = None
        self._lock = threading.Lock()

    def get(self) -> Extractor:
        """The extractor, loaded on first use."""
        with self._lock:
            if self._extractor is None:
                s = self.settings
                self._extractor = Extractor(s.spacy_model, s.base_iri, s.max_document_bytes)
            return self._extractor


class DocumentIn(BaseModel):
    """A document to read: its text and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article's plain text (UTF-8).")
    url: str | None = Field(
        None,
        max_length=2048,
        pattern=r"^https?://[^\s]+$",
        description="Where it was published; names the document, so a new "
        "version of the same URL replaces the old one's facts.",
    )
    title: str | None = Field(None, max_length=1000, description="Its title.")
    published: date | None = Field(None, description="Publication date (resolves relative dates).")
    language: str = Field(
        "en",
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
        description="BCP 47 language tag of the text.",
    )


class Tally(BaseModel):
    created: int
    updated: int
    unchanged: int


class DocumentLoaded(BaseModel):
    """What was read from a document and how loading it changed the graph."""

    document: str = Field(description="The document's IRI.")
    id: str = Field(description="Its id in GET /documents/{id}.")
    status: Literal["loaded", "unchanged"]
    nodes: Tally
    relationships: Tally
    extracted: dict[str, list[dict[str, Any]]] = Field(
        description="Groups, regions, attacks, responses, factors, affiliations and activity "
        "read from the text, by name."
    )


@router.post(
    "/documents",
    response_model=DocumentLoaded,
    status_code=201,
    dependencies=[WriteAccess],
    responses={
        200: {"model": DocumentLoaded, "description": "Already loaded, unchanged"},
        **problems.responses(400, 401, 403, 413, 422, 503),
    },
)
def post_document(body: DocumentIn, request: Request, response: Response) -> DocumentLoaded:
    """Extract the facts of a text and load them (needs the X-API-Key header).

    201 when the document was loaded, 200 when the same version was already there. Bodies over
    KG_MAX_BODY_BYTES are refused with 413 as they stream in, texts over KG_MAX_DOCUMENT_BYTES
    with 413 too.
    """
    settings: Settings = request.app.state.settings
    size = len(body.text.encode("utf-8", errors="surrogatepass"))
    if size > settings.max_document_bytes:
        raise HTTPException(
            413,
            f"the text is {size:,} bytes, over the limit of "
            f"{settings.max_document_bytes:,} (KG_MAX_DOCUMENT_BYTES)",
        )
    source = SourceText(
        body.text,
        url=body.url,
        title=body.title,
        published=body.published,
        language=body.language.lower(),
    )
    graph = request.app.state.extractor.get().extract(source)
    holder: StoreHolder = request.app.state.store
    store = holder.get()
    try:
        store.ensure_schema([])
        report = load_documents(store, [graph], batch_size=settings.batch_size)
    except DatabaseUnavailableError:
        holder.reset()
        raise
    iri = str(graph.identifier)
    status: Literal["loaded", "unchanged"] = "loaded" if report.loaded else "unchanged"
    if status == "unchanged":
        response.status_code = 200
    doc_id = iri.rsplit("/", 1)[1]
    response.headers["Location"] = f"/documents/{doc_id}"
    return DocumentLoaded(
        document=iri,
        id=doc_id,
        status=status,
        nodes=Tally(**vars(report.nodes)),
        relationships=Tally(**vars(report.relationships)),
        extracted=summarize(graph),
    )
