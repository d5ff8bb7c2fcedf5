"""The API key that guards write endpoints (``X-API-Key``; no key configured = writes disabled)."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request


def require_api_key(
    request: Request, x_api_key: Annotated[str | None, Header(description="The KG_API_KEY.")] = None
) -> None:
    """403 when writes are disabled (no KG_API_KEY), 401 when the key is missing or wrong."""
    configured = request.app.state.settings.api_key
    if configured is None:
        raise HTTPException(403, "writes are disabled on this server: it has no KG_API_KEY")
    if x_api_key is None or not hmac.compare_digest(
        x_api_key.encode(), configured.get_secret_value().encode()
    ):
        raise HTTPException(
            401,
            "a valid API key is needed in the X-API-Key header",
            headers={"WWW-Authenticate": 'APIKey header="X-API-Key"'},
        )


WriteAccess = Depends(require_api_key)
