"""Linked data: whole-graph dumps (``GET /rdf``), the JSON-LD context (``GET /context.jsonld``)
and dereferenceable entity IRIs (``GET /id/{type}/{slug}``), with content negotiation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Query
from fastapi.responses import JSONResponse, Response, StreamingResponse

from api import problems
from api.deps import SettingsDep, StoreDep
from conflict_kg.errors import ParameterError
from graph_loader.describe import describe
from graph_loader.export import FORMATS, iter_descriptions, serialize
from ontology.jsonld import jsonld_context

router = APIRouter(tags=["linked data"])

#: Formats an entity description is offered in: name -> media type.
ENTITY_FORMATS = {
    "json": "application/json",
    "turtle": "text/turtle",
    "json-ld": "application/ld+json",
    "nt": "application/n-triples",
}
_RDFLIB_NAMES = {"turtle": "turtle", "json-ld": "json-ld", "nt": "nt"}


def negotiate(fmt: str | None, accept: str | None, offered: dict[str, str], default: str) -> str:
    """``?format=`` if given, else the best match of the ``Accept`` header, else ``default``."""
    if fmt is not None:
        if fmt not in offered:
            raise ParameterError(f"format must be one of {', '.join(offered)}, not {fmt!r}")
        return fmt
    by_type = {media: name for name, media in offered.items()}
    ranked = []
    for i, part in enumerate((accept or "").split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = next((float(p[2:]) for p in params if p.startswith("q=") and _number(p[2:])), 1.0)
        ranked.append((-q, i, media.lower()))
    for q, _, media in sorted(ranked):
        if q < 0 and media in by_type:
            return by_type[media]
        if q < 0 and media in ("*/*", "application/*", "text/*"):
            return default
    return default


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@router.get(
    "/rdf",
    summary="The whole graph as RDF, streamed",
    responses={
        200: {"content": {m: {} for m in FORMATS.values()}},
        **problems.responses(400, 422, 503, 504),
    },
)
def rdf_dump(
    holder: StoreDep,
    format: Annotated[str | None, Query(description=", ".join(FORMATS))] = None,
    accept: Annotated[str | None, Header()] = None,
) -> StreamingResponse:
    """Turtle, N-Triples, N-Quads, JSON-LD (context embedded) or TriG (one named graph per
    source document), chosen by ``?format=`` or the ``Accept`` header; streamed page by page."""
    name = negotiate(format, accept, FORMATS, "turtle")
    store = holder.get()
    chunks = (chunk.encode("utf-8") for chunk in serialize(iter_descriptions(store), name))
    return StreamingResponse(chunks, media_type=FORMATS[name], headers={"Vary": "Accept"})


class JSONLDResponse(JSONResponse):
    """JSON served as JSON-LD."""

    media_type = "application/ld+json"


@router.get(
    "/context.jsonld",
    summary="The JSON-LD @context of conflict-kg",
    response_class=JSONLDResponse,
    responses={200: {"content": {"application/ld+json": {"schema": {"type": "object"}}}}},
)
def context() -> JSONLDResponse:
    """The ``@context`` embedded in JSON-LD dumps: prefixes and one term per ontology term."""
    return JSONLDResponse({"@context": jsonld_context()})


@router.get(
    "/id/{kind}/{slug:path}",
    summary="Dereference an entity IRI",
    responses={
        200: {"content": {m: {} for m in ENTITY_FORMATS.values()}},
        **problems.responses(400, 404, 422, 503, 504),
    },
)
def entity(
    kind: str,
    slug: str,
    holder: StoreDep,
    settings: SettingsDep,
    format: Annotated[str | None, Query(description="json, turtle, json-ld or nt")] = None,
    accept: Annotated[str | None, Header()] = None,
) -> Response:
    """The entity's triples, labels and neighbours as JSON (browsers), Turtle or JSON-LD."""
    uri = f"{settings.base_iri}{kind}/{slug}"
    name = negotiate(format, accept, ENTITY_FORMATS, "json")
    found = describe(holder.get(), uri)
    if found is None:
        raise HTTPException(404, f"no resource {uri}")
    headers = {"Vary": "Accept"}
    if name == "json":
        return JSONResponse(found.json(), headers=headers)
    graph = found.graph()
    if name == "json-ld":
        body = graph.serialize(format="json-ld", context=jsonld_context())
    else:
        body = graph.serialize(format=_RDFLIB_NAMES[name])
    return Response(body, media_type=ENTITY_FORMATS[name], headers=headers)
