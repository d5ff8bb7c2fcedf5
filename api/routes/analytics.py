"""Network analytics over projections of the graph, computed with networkx."""

from __future__ import annotations

from typing import Annotated, Any

import networkx as nx
from fastapi import APIRouter, HTTPException, Request
from fastapi import Query as Q
from pydantic import BaseModel, Field

from api import problems
from api.runner import run_page

router = APIRouter(prefix="/analytics", tags=["analytics"])
#: Edge weights: an affiliation ties two groups more than being active in the same place.
AFFILIATION_WEIGHT, CO_ACTIVITY_WEIGHT = 2.0, 1.0


class GroupNode(BaseModel):
    uri: str
    group: Any
    degree: float = Field(
        description="Degree centrality (share of the other groups it is tied to)."
    )
    betweenness: float = Field(description="Betweenness centrality (weighted by tie distance).")
    closeness: float = Field(description="Closeness centrality (by tie distance).")
    community: int = Field(description="Index into communities.")


class GroupTie(BaseModel):
    source: str
    target: str
    kinds: list[str] = Field(description="affiliation and/or co-activity")
    weight: float


class GroupNetwork(BaseModel):
    region: str
    nodes: list[GroupNode]
    edges: list[GroupTie]
    communities: list[list[str]] = Field(description="Louvain communities (IRIs), largest first.")
    truncated: bool = Field(description="True when the region has more groups than KG_MAX_ROWS.")


def group_graph(rows: list[dict[str, Any]]) -> nx.Graph:
    """The weighted graph of groups from the group_network projection's rows."""
    g = nx.Graph()
    for row in rows:
        g.add_node(row["uri"], group=row["group"])
    for row in rows:
        for kind, peers, weight in (
            ("affiliation", row["affiliated"], AFFILIATION_WEIGHT),
            ("co-activity", row["co_active"], CO_ACTIVITY_WEIGHT),
        ):
            for peer in peers:
                if peer not in g or peer == row["uri"]:
                    continue
                data = g.get_edge_data(row["uri"], peer) or {"kinds": set(), "weight": 0.0}
                if kind not in data["kinds"]:
                    data["kinds"].add(kind)
                    data["weight"] += weight
                g.add_edge(row["uri"], peer, **data)
    for _, _, data in g.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    return g


def analyse(region: str, g: nx.Graph, truncated: bool) -> GroupNetwork:
    """Centralities and communities of a group graph."""
    degree = nx.degree_centrality(g) if len(g) > 1 else dict.fromkeys(g, 0.0)
    betweenness = nx.betweenness_centrality(g, weight="distance")
    closeness = nx.closeness_centrality(g, distance="distance")
    communities = sorted(
        (sorted(c) for c in nx.community.louvain_communities(g, weight="weight", seed=0)),
        key=lambda c: (-len(c), c),
    )
    member = {uri: i for i, c in enumerate(communities) for uri in c}
    nodes = [
        GroupNode(
            uri=n,
            group=g.nodes[n]["group"],
            degree=degree[n],
            betweenness=betweenness[n],
            closeness=closeness[n],
            community=member[n],
        )
        for n in sorted(g, key=lambda n: (-betweenness[n], -degree[n], n))
    ]
    edges = [
        GroupTie(source=a, target=b, kinds=sorted(d["kinds"]), weight=d["weight"])
        for a, b, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1]))
    ]
    return GroupNetwork(
        region=region, nodes=nodes, edges=edges, communities=communities, truncated=truncated
    )


@router.get(
    "/groups", response_model=GroupNetwork, responses=problems.responses(400, 404, 422, 503, 504)
)
def groups(
    request: Request,
    region: Annotated[
        str,
        Q(
            min_length=1,
            max_length=200,
            description="Name, alias or IRI of a region (sub-regions included).",
        ),
    ] = "Sahel",
) -> GroupNetwork:
    """Centrality and communities of the groups active in a region.

    The network: one node per group active in the region or a region inside it; a tie between
    two groups affiliated with each other (weight 2) and between two groups active in the same
    place inside the region (weight 1).
    """
    settings = request.app.state.settings
    query = request.app.state.catalog.get("group_network")
    page = run_page(
        request.app.state.store,
        settings,
        query,
        query.bind({"region": region}),
        settings.max_rows,
        0,
    )
    if not page.rows:
        raise HTTPException(404, f"no groups are known to be active in {region!r}")
    return analyse(region, group_graph(page.rows), page.truncated)
