"""schemathesis: requests generated from the OpenAPI schema, sent to the real API over HTTP.

No answer may be a server error (5xx) or disagree with the schema (status, content type, body).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from api import create_app
from tests.conftest import make_settings

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]
MAX_EXAMPLES = 15
requests_sent: list[str] = []


# The schema the app publishes (building the app connects to nothing); requests go over HTTP
# to the API on the corpus graph.
schema = schemathesis.openapi.from_dict(create_app(make_settings(Path("unused"))).openapi())


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case: schemathesis.Case, corpus_url: str) -> None:
    requests_sent.append(case.operation.label)
    case.call_and_validate(base_url=corpus_url, timeout=60, checks=CHECKS)


def test_schemathesis_sent_requests_to_every_operation() -> None:
    operations = {r for r in requests_sent}
    assert len(requests_sent) > 100 and len(operations) > 25, (len(requests_sent), operations)
    warnings.warn(
        f"schemathesis sent {len(requests_sent)} requests to {len(operations)} operations",
        UserWarning,
        stacklevel=1,
    )
