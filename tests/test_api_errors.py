"""The API when the database stops, and when a catalog query runs past its time limit."""

from __future__ import annotations

from pathlib import Path

import httpx

from graph_loader import Statement, open_store
from graph_loader.embedded import EmbeddedFalkorDB
from tests.conftest import make_settings, serve
from tests.test_api import _is_problem


def test_database_stopped_is_503_then_recovers(tmp_path: Path) -> None:
    db = EmbeddedFalkorDB(tmp_path).start()
    try:
        with serve(make_settings(tmp_path)) as url:
            assert httpx.get(url + "/queries/sub_regions").status_code == 200
            db.stop()
            r = httpx.get(url + "/queries/sub_regions", params={"region": "Mali"})
            body = _is_problem(r, 503)
            assert int(r.headers["retry-after"]) > 0 and "FalkorDB" in body["detail"]
            # the next request reconnects (the embedded server is started again)
            assert httpx.get(url + "/health", timeout=30).status_code == 200
    finally:
        db.stop()
        EmbeddedFalkorDB(tmp_path).stop()


def test_a_query_past_its_time_limit_is_504(data_dir: Path, server: EmbeddedFalkorDB) -> None:
    settings = make_settings(data_dir, graph_name="slow", query_timeout_ms=1)
    store = open_store(settings)
    store.clear()
    # a region with 300 000 sub-regions: listing them takes far longer than 1 ms
    store.write(
        [
            Statement("CREATE (:Resource:Region {uri: 'r', prefLabel: 'Big'})"),
            Statement(
                "MATCH (r:Region {uri: 'r'}) UNWIND range(1, 300000) AS i "
                "CREATE (:Resource:Region {uri: 's' + toString(i)})-[:partOf]->(r)"
            ),
        ]
    )
    try:
        with serve(settings) as url:
            r = httpx.get(url + "/queries/sub_regions", params={"region": "Big", "limit": 1})
        body = _is_problem(r, 504)
        assert "timed out" in body["detail"]
    finally:
        store.clear()
        store.close()
