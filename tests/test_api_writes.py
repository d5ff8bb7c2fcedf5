"""POST /documents over real HTTP: the API key, extraction and loading, and the body limit."""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from graph_loader.embedded import EmbeddedFalkorDB
from tests.conftest import make_settings, serve
from tests.test_api import _is_problem

KEY = "write-key"
REPORT = {
    "text": "On 2 May 2024, Al-Shabaab fighters attacked a police station in Baidoa, Somalia, "
    "killing 9 officers. Al-Shabaab claimed responsibility for the attack.",
    "url": "https://example.org/reports/baidoa",
    "title": "Baidoa police station attack",
    "published": "2024-05-03",
}
BODY_LIMIT = 64_000


@pytest.fixture(scope="module")
def writable(data_dir: Path, server: EmbeddedFalkorDB) -> Iterator[str]:
    """The API on an empty graph of its own, with an API key and a small body limit."""
    settings = make_settings(
        data_dir,
        graph_name="writes",
        api_key=KEY,
        max_body_bytes=BODY_LIMIT,
        max_document_bytes=BODY_LIMIT // 2,
    )
    from graph_loader import open_store

    store = open_store(settings)
    store.clear()
    with serve(settings) as url:
        yield url
    store.clear()
    store.close()


def test_posting_a_document_extracts_and_loads_it(writable: str) -> None:
    with httpx.Client(base_url=writable, timeout=120, headers={"X-API-Key": KEY}) as http:
        r = http.post("/documents", json=REPORT)
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["status"] == "loaded" and body["nodes"]["created"] > 0
        (attack,) = body["extracted"]["attacks"]
        assert attack["perpetrator"] == "Al-Shabaab" and attack["killed"] == 9
        assert r.headers["location"] == f"/documents/{body['id']}"
        doc = http.get(r.headers["location"]).json()
        assert doc["url"] == REPORT["url"] and doc["published"] == REPORT["published"]
        attacks = http.get("/attacks", params={"group": "Al-Shabaab"}).json()["items"]
        assert [(a["date"], a["location"], a["killed"]) for a in attacks] == [
            ("2024-05-02", "Baidoa", 9)
        ]
        again = http.post("/documents", json=REPORT)
        assert again.status_code == 200 and again.json()["status"] == "unchanged"


@pytest.mark.parametrize(("headers", "status"), [({}, 401), ({"X-API-Key": "wrong"}, 401)])
def test_a_missing_or_wrong_key_is_401(writable: str, headers: dict, status: int) -> None:
    r = httpx.post(writable + "/documents", json=REPORT, headers=headers)
    _is_problem(r, status)
    assert "X-API-Key" in r.headers["www-authenticate"]


def test_writes_are_disabled_without_a_configured_key(tmp_path: Path) -> None:
    with serve(make_settings(tmp_path, graph_url="redis://127.0.0.1:1")) as url:
        r = httpx.post(url + "/documents", json=REPORT, headers={"X-API-Key": "any"})
    body = _is_problem(r, 403)
    assert "KG_API_KEY" in body["detail"]


@pytest.mark.parametrize(
    "body",
    [
        {"text": ""},
        {"text": "x", "published": "someday"},
        {"text": "x", "colour": "red"},
        {"title": "no text"},
    ],
)
def test_an_invalid_body_is_422(writable: str, body: dict) -> None:
    _is_problem(httpx.post(writable + "/documents", json=body, headers={"X-API-Key": KEY}), 422)


def test_a_text_over_the_document_limit_is_413(writable: str) -> None:
    text = "Al-Shabaab attacked Baidoa. " * (BODY_LIMIT // 2 // 28 + 10)
    body = _is_problem(
        httpx.post(writable + "/documents", json={"text": text}, headers={"X-API-Key": KEY}), 413
    )
    assert "KG_MAX_DOCUMENT_BYTES" in body["detail"]


def _raw_request(url: str, head: bytes) -> socket.socket:
    parts = urlsplit(url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=10)
    sock.sendall(head)
    return sock


def _response_head(sock: socket.socket) -> tuple[int, bytes]:
    """The status and the whole response (headers and the body its Content-Length announces)."""
    data = b""
    while b"\r\n\r\n" not in data or len(data.split(b"\r\n\r\n", 1)[1]) < _length(data):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return int(data.split(b" ", 2)[1]), data


def _length(data: bytes) -> int:
    for line in data.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":", 1)[1])
    return 0


def test_a_20_mb_body_is_refused_before_it_is_sent(writable: str) -> None:
    sock = _raw_request(
        writable,
        b"POST /documents HTTP/1.1\r\nHost: test\r\n"
        b"Content-Type: application/json\r\nX-API-Key: "
        + KEY.encode()
        + b'\r\nContent-Length: 20000000\r\n\r\n{"text": "',
    )
    started = time.monotonic()
    with sock:
        status, data = _response_head(sock)
    assert status == 413 and b"application/problem+json" in data and b"KG_MAX_BODY_BYTES" in data
    assert time.monotonic() - started < 5  # answered without waiting for the 20 MB


def test_a_streamed_body_is_cut_off_at_the_limit(writable: str) -> None:
    sock = _raw_request(
        writable,
        b"POST /documents HTTP/1.1\r\nHost: test\r\n"
        b"Content-Type: application/json\r\nX-API-Key: "
        + KEY.encode()
        + b"\r\nTransfer-Encoding: chunked\r\n\r\n",
    )
    sent, chunk = 0, b"a" * 16_384
    with sock:
        try:
            while sent < 20_000_000 and not select.select([sock], [], [], 0)[0]:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
        except OSError:  # the server answered and closed the connection
            pass
        status, data = _response_head(sock)
    assert status == 413 and b"content-too-large" in data
    assert sent < 20_000_000 // 2  # the server stopped reading long before 20 MB
