"""Entity endpoints: groups, regions, attacks, responses, factors and source documents.

Each runs a curated query of the catalog (so the same Cypher serves both) and returns typed
models. ``{id}`` is the last part of the entity's IRI (``/groups/jnim`` is
``{KG_BASE_IRI}group/jnim``); groups and regions may also be named by name or alias.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Generic, TypeVar

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi import Query as Q
from pydantic import BaseModel

from api import problems
from api.runner import Page as RowPage
from api.runner import run_page
from conflict_kg.settings import Settings

router = APIRouter(tags=["entities"])

T = TypeVar("T")
Scalar = str | int | float | bool | None
#: A literal property: one value, or a list when a document states several.
Value = Scalar | list[Scalar]
_ERRORS = problems.responses(400, 422, 503, 504)
_ERRORS_404 = problems.responses(400, 404, 422, 503, 504)

Limit = Annotated[int, Q(ge=1, description="Items per page (at most KG_MAX_ROWS; more is a 400).")]
Offset = Annotated[int, Q(ge=0, le=10**9, description="Items to skip.")]
Id = Annotated[
    str,
    Path(
        min_length=1,
        max_length=200,
        pattern=r"^[^/\s]+$",
        description="Last part of the IRI (e.g. jnim), or a name.",
    ),
]
RegionFilter = Annotated[
    str | None, Q(description="Name, alias or IRI of a region (sub-regions included).")
]
GroupFilter = Annotated[str | None, Q(description="Name, alias or IRI of a group.")]


class Page(BaseModel, Generic[T]):
    items: list[T]
    limit: int
    offset: int
    truncated: bool


class GroupSummary(BaseModel):
    group: Value
    uri: str
    aliases: Value
    regions: list[Value]
    affiliations: list[Value]
    document_count: int
    sources: list[str] | None


class AttackRef(BaseModel):
    attack: Value
    uri: str
    date: Value
    killed: Value


class ResponseRef(BaseModel):
    response: Value
    kind: Value


class GroupProfile(BaseModel):
    group: Value
    uri: str
    aliases: Value
    actor_type: Value
    affiliations: list[Value]
    regions: list[Value]
    attacks: list[AttackRef]
    attack_count: int
    killed: int | float
    response_count: int
    responses: list[ResponseRef]
    sources: list[str] | None


class RegionProfile(BaseModel):
    region: Value
    uri: str
    type: Value
    iso3166: Value
    geonames_id: Value
    aliases: Value
    part_of: list[Value]
    sub_regions: int
    groups: list[Value]
    attacks: int
    killed: int | float
    responses: list[Value]
    factors: list[Value]
    sources: list[str] | None


class Attack(BaseModel):
    date: Value
    date_text: Value
    attack: Value
    uri: str
    location: Value
    location_uri: str | None
    event_type: Value
    perpetrators: list[Value]
    claimed_by: list[Value]
    killed: Value
    wounded: Value
    target: Value
    sources: list[str] | None


class ResponseItem(BaseModel):
    response: Value
    uri: str
    kind: Value
    by: list[Value]
    targets: list[Value]
    regions: list[Value]
    sources: list[str] | None


class Factor(BaseModel):
    factor: Value
    uri: str
    places: list[Value]
    source_count: int
    sources: list[str]


class Fact(BaseModel):
    subject: Value
    subject_uri: str
    predicate: Value
    object: Value
    object_uri: str
    sentence: Value
    char_start: Value
    char_end: Value
    extracted_by: Value
    confidence: Value
    evidence: str


class DocumentDetail(BaseModel):
    uri: str
    title: Value
    url: Value
    published: Value
    content_hash: Value
    loaded: bool
    statements: int
    mentions: int
    facts: Page[Fact]


def _run(
    request: Request, name: str, raw: dict[str, Any], limit: int = 1, offset: int = 0
) -> RowPage:
    query = request.app.state.catalog.get(name)
    return run_page(
        request.app.state.store,
        request.app.state.settings,
        query,
        query.bind({k: v for k, v in raw.items() if v is not None}),
        limit,
        offset,
    )


def _page(model: type[BaseModel], rows: RowPage, limit: int, offset: int) -> Any:
    return Page[model](  # type: ignore[valid-type]
        items=[model(**r) for r in rows.rows],
        limit=limit,
        offset=offset,
        truncated=rows.truncated,
    )


def _iri(request: Request, kind: str, id_: str) -> str:
    settings: Settings = request.app.state.settings
    return id_ if "://" in id_ else f"{settings.base_iri}{kind}/{id_}"


def _one(request: Request, name: str, key: str, kind: str, id_: str) -> dict[str, Any]:
    """The profile row of an entity named by IRI suffix, else by name or alias; else 404."""
    for value in dict.fromkeys((_iri(request, kind, id_), id_)):
        rows = _run(request, name, {key: value}).rows
        if rows:
            return rows[0]
    raise HTTPException(404, f"no {kind} {id_!r} in the graph")


@router.get("/groups", response_model=Page[GroupSummary], responses=_ERRORS)
def groups(
    request: Request,
    name: Annotated[str, Q(max_length=200, description="Text the name or an alias contains.")] = "",
    region: RegionFilter = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Any:
    """Armed groups, most-mentioned first, optionally by name or by a region they are active in."""
    rows = _run(request, "groups", {"name": name, "region": region}, limit, offset)
    return _page(GroupSummary, rows, limit, offset)


@router.get("/groups/{id}", response_model=GroupProfile, responses=_ERRORS_404)
def group(request: Request, id: Id) -> Any:  # noqa: A002
    """A group's profile: aliases, affiliations, regions, attacks, responses, sources."""
    return GroupProfile(**_one(request, "group_profile", "group", "group", id))


@router.get("/regions/{id}", response_model=RegionProfile, responses=_ERRORS_404)
def region(request: Request, id: Id) -> Any:  # noqa: A002
    """A region's profile: containers, sub-regions, groups, attacks, responses, factors."""
    return RegionProfile(**_one(request, "region_profile", "region", "region", id))


@router.get("/attacks", response_model=Page[Attack], responses=_ERRORS)
def attacks(
    request: Request,
    region: RegionFilter = None,
    group: GroupFilter = None,
    from_: Annotated[
        date | None, Q(alias="from", description="Earliest date (ISO), inclusive.")
    ] = None,
    to: Annotated[date | None, Q(description="Latest date (ISO), inclusive.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Any:
    """Attacks, oldest first, filtered by region, perpetrating or claiming group and dates."""
    rows = _run(
        request,
        "attacks",
        {"region": region, "group": group, "from_date": from_, "to_date": to},
        limit,
        offset,
    )
    return _page(Attack, rows, limit, offset)


@router.get("/responses", response_model=Page[ResponseItem], responses=_ERRORS)
def responses(
    request: Request,
    group: GroupFilter = None,
    region: RegionFilter = None,
    kind: Annotated[
        str, Q(max_length=100, description="Kind of response (e.g. peacekeeping); any: all.")
    ] = "any",
    limit: Limit = 100,
    offset: Offset = 0,
) -> Any:
    """Responses, filtered by targeted group, region and kind."""
    rows = _run(
        request, "responses", {"group": group, "region": region, "kind": kind}, limit, offset
    )
    return _page(ResponseItem, rows, limit, offset)


@router.get("/factors", response_model=Page[Factor], responses=_ERRORS)
def factors(
    request: Request, region: RegionFilter = None, limit: Limit = 100, offset: Offset = 0
) -> Any:
    """Root-cause factors, most-attested first, optionally in a region."""
    return _page(Factor, _run(request, "factors", {"region": region}, limit, offset), limit, offset)


@router.get("/documents/{id}", response_model=DocumentDetail, responses=_ERRORS_404)
def document(
    request: Request,
    id: Id,  # noqa: A002
    mentions: Annotated[bool, Q(description="Also list entity mentions.")] = False,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Any:
    """A source document and the facts read from it, with their sentences and spans."""
    iri = _iri(request, "document", id)
    head = _run(request, "document", {"document": iri}).rows
    if not head:
        raise HTTPException(404, f"no document {id!r} in the graph")
    facts = _run(
        request, "document_facts", {"document": iri, "include_mentions": mentions}, limit, offset
    )
    return DocumentDetail(**head[0], facts=_page(Fact, facts, limit, offset))
