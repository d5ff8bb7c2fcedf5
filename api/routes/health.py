"""Liveness and database reachability."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import StoreDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    engine: str


@router.get("/health", response_model=Health)
def health(holder: StoreDep) -> Health:
    """Whether the API can reach its graph database (503 problem details when it cannot)."""
    store = holder.get()
    try:
        store.read("RETURN 1 AS ok")
    except Exception:
        holder.reset()
        raise
    return Health(status="ok", engine=store.engine)
