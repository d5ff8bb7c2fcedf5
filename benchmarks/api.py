"""API latency and throughput of the main catalog queries on a synthetic graph of 10^6 nodes.

The graph has the shape the loader gives real documents (``Resource`` + class labels, ``uri``,
``prefLabel``, ``_sources`` on every relationship, reified ``Evidence`` nodes with ``subject`` /
``object`` / ``statedIn``): 10 030 regions in a four-level containment hierarchy (30 macro-
regions such as "Sahel", 200 countries, subdivisions, towns), 20 000 groups, 250 000 dated
attacks with casualties, 40 000 claims, 30 000 responses, 300 factors, 50 000 documents and
Evidence nodes up to the node count. It is written with ``UNWIND … CREATE`` batches straight into
a FalkorDB graph of its own, in a data directory of its own, and reused by later runs.

For each query and for 1 and 32 concurrent clients, it measures the same request three ways in
one run: the direct store call (``FalkorDBStore.read``, what the API calls); ``GET
/queries/<name>`` through a uvicorn server in a child process with the answer cache off
(``api``: the API's own cost over the store call); and the same through a server with the cache
on (``cached``: the same request repeated, so after the first one every answer comes from the
cache, as for a dashboard or a class asking the same question). When ``wrk`` is installed
(Debian: ``apt install wrk``), the cached API is measured by it too (``wrk`` mode): a C client
does not compete with the server for the GIL as the Python client threads do. It prints
p50/p99 latency, requests per second and the ratio to the direct call.

    .venv/bin/python benchmarks/api.py                   # 10^6 nodes, 1 and 32 clients
    .venv/bin/python benchmarks/api.py --nodes 100000 --requests 200
    .venv/bin/python benchmarks/api.py --queries groups_active_in_region --clients 1 8 32
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from falkordb import FalkorDB  # noqa: E402

from graph_loader.embedded import EmbeddedFalkorDB  # noqa: E402
from graph_loader.falkordb_store import FalkorDBStore  # noqa: E402
from queries import load_catalog  # noqa: E402

HERE = Path(__file__).resolve().parent
BASE = "https://w3id.org/conflict-kg/id/"
BATCH = 5000
GRAPH = "bench_api"
ONTOLOGY = "https://w3id.org/conflict-kg/ontology#"
#: (query, parameters): the headline query first.
WORKLOAD = [
    ("groups_active_in_region", {"region": "Sahel"}),
    (
        "attacks_in_region",
        {"region": "Country 7", "from_date": "2023-01-01", "to_date": "2023-12-31"},
    ),
    ("group_profile", {"group": "JNIM"}),
    ("claims_by_group", {"group": "Armed group 3"}),
    ("factors_in_region", {"region": "Country 7"}),
]
SIZES = {
    "macro": 30,
    "country": 200,
    "subdivision": 1800,
    "town": 8000,
    "group": 20000,
    "actor": 2000,
    "factor": 300,
    "response": 30000,
    "attack": 250000,
    "claim": 40000,
    "document": 50000,
}


def _cypher(name: str, **placeholders: str) -> str:
    text = (HERE / f"{name}.cypher").read_text(encoding="utf-8")
    for key, value in placeholders.items():
        text = text.replace(f"__{key}__", value)
    return text


class Builder:
    """Writes the synthetic graph in batches."""

    def __init__(self, graph: Any, n_nodes: int, seed: int = 0) -> None:
        self.graph = graph
        self.rng = random.Random(seed)
        scale = n_nodes / 1_000_000
        self.n = {k: max(2, int(v * scale)) if k != "macro" else v for k, v in SIZES.items()}
        fixed = sum(self.n.values())
        self.n["evidence"] = max(0, n_nodes - fixed)

    def iri(self, kind: str, i: int) -> str:
        return f"{BASE}{kind}/{i}"

    def sources(self) -> list[str]:
        return [
            self.iri("document", self.rng.randrange(self.n["document"]))
            for _ in range(self.rng.choice((1, 1, 2, 3)))
        ]

    def popular(self, kind: str) -> int:
        """A skewed pick: entity 0 gets ~4% of the facts at 10^6 nodes, the tail few each."""
        return int(self.n[kind] * self.rng.random() ** 3)

    def nodes(self, label: str, rows: Iterator[dict[str, Any]]) -> None:
        self._batched(_cypher("api_nodes", LABEL=label), rows)

    def rels(self, rel: str, pairs: Iterator[tuple[str, str]]) -> None:
        rows = ({"src": a, "dst": b, "sources": self.sources()} for a, b in pairs)
        self._batched(_cypher("api_relationships", TYPE=rel), rows)

    def _batched(self, cypher: str, rows: Iterator[dict[str, Any]]) -> None:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH:
                self.graph.query(cypher, {"rows": batch})
                batch = []
        if batch:
            self.graph.query(cypher, {"rows": batch})

    def build(self) -> None:
        """Every node, the uri index, then every relationship."""
        n, rng, iri = self.n, self.rng, self.iri
        region_names = [
            ("macro", "macro-region"),
            ("country", "country"),
            ("subdivision", "subdivision"),
            ("town", "town"),
        ]
        for kind, rtype in region_names:
            self.nodes(
                "Region",
                (
                    {
                        "uri": iri(kind, i),
                        "prefLabel": self._region_name(kind, i),
                        "regionType": rtype,
                        "_sources": self.sources(),
                    }
                    for i in range(n[kind])
                ),
            )
        self.graph.query("CREATE INDEX FOR (n:Resource) ON (n.uri)")
        self.graph.query("CREATE INDEX FOR (n:Resource) ON (n.prefLabel)")
        self.nodes(
            "Group",
            (
                {
                    "uri": iri("group", i),
                    "prefLabel": self._group_name(i),
                    "altLabel": ["JNIM"] if i == 0 else [f"AG{i}"],
                    "actorType": "rebel_group",
                    "_sources": self.sources(),
                }
                for i in range(n["group"])
            ),
        )
        self.nodes(
            "Actor",
            (
                {"uri": iri("actor", i), "prefLabel": f"Actor {i}", "_sources": self.sources()}
                for i in range(n["actor"])
            ),
        )
        self.nodes(
            "Factor",
            (
                {"uri": iri("factor", i), "prefLabel": f"Factor {i}", "_sources": self.sources()}
                for i in range(n["factor"])
            ),
        )
        kinds = ("military_operation", "peacekeeping", "airstrike", "humanitarian_aid")
        self.nodes(
            "Response",
            (
                {
                    "uri": iri("response", i),
                    "prefLabel": f"Response {i}",
                    "responseKind": rng.choice(kinds),
                    "_sources": self.sources(),
                }
                for i in range(n["response"])
            ),
        )
        self.nodes(
            "Attack",
            (
                {
                    "uri": iri("attack", i),
                    "prefLabel": f"attack {i}",
                    "date": f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-"
                    f"{rng.randint(1, 28):02d}",
                    "killed": rng.randint(0, 60),
                    "eventType": "attack",
                    "_sources": self.sources(),
                }
                for i in range(n["attack"])
            ),
        )
        self.nodes(
            "Claim",
            (
                {"uri": iri("claim", i), "prefLabel": f"claim {i}", "_sources": self.sources()}
                for i in range(n["claim"])
            ),
        )
        self.nodes(
            "SourceDocument",
            (
                {
                    "uri": iri("document", i),
                    "title": f"Report {i}",
                    "contentHash": f"{i:064x}",
                    "_loaded": True,
                }
                for i in range(n["document"])
            ),
        )
        self.nodes(
            "Evidence",
            (
                {
                    "uri": iri("evidence", i),
                    "predicate": self._predicate(i),
                    "sentence": f"Sentence {i} of a synthetic report.",
                    "charStart": i % 5000,
                    "charEnd": i % 5000 + 40,
                    "extractedBy": "synthetic",
                    "confidence": 0.8,
                }
                for i in range(n["evidence"])
            ),
        )
        self._relationships()

    def _region_name(self, kind: str, i: int) -> str:
        if kind == "macro":
            return "Sahel" if i == 0 else f"Macro-region {i}"
        return f"{kind.capitalize()} {i}"

    def _group_name(self, i: int) -> str:
        return "Jama'at Nusrat al-Islam wal-Muslimin" if i == 0 else f"Armed group {i}"

    def _predicate(self, i: int) -> str:
        claims, factors = self.n["claim"], self.n["factor"] * 50
        if i < claims:
            return ONTOLOGY + "claimant"
        if i < claims + factors:
            return ONTOLOGY + "affects"
        return ONTOLOGY + "perpetratedBy"

    def _relationships(self) -> None:
        n, rng, iri = self.n, self.rng, self.iri
        self.rels(
            "partOf",
            (
                (iri("country", i), iri("macro", (i + j) % n["macro"]))
                for i in range(n["country"])
                for j in range(1 + i % 2)
            ),
        )
        self.rels(
            "partOf",
            (
                (iri("subdivision", i), iri("country", i % n["country"]))
                for i in range(n["subdivision"])
            ),
        )
        self.rels(
            "partOf",
            ((iri("town", i), iri("subdivision", i % n["subdivision"])) for i in range(n["town"])),
        )

        def place() -> str:
            kind = rng.choice(("country", "subdivision", "town", "town"))
            return iri(kind, rng.randrange(n[kind]))

        self.rels(
            "activeIn",
            (
                (iri("group", i), place())
                for i in range(n["group"])
                for _ in range(rng.randint(1, 4))
            ),
        )
        self.rels(
            "affiliatedWith",
            (
                (iri("group", i), iri("group", self.popular("group")))
                for i in range(1, n["group"])
                if rng.random() < 0.3
            ),
        )
        self.rels(
            "targets",
            (
                (iri("response", i), iri("group", self.popular("group")))
                for i in range(n["response"])
                for _ in range(rng.randint(1, 2))
            ),
        )
        self.rels(
            "respondent",
            (
                (iri("response", i), iri("actor", rng.randrange(n["actor"])))
                for i in range(n["response"])
            ),
        )
        self.rels(
            "locatedIn",
            (
                (iri("response", i), iri("country", rng.randrange(n["country"])))
                for i in range(n["response"])
            ),
        )
        self.rels(
            "affects",
            (
                (iri("factor", i), iri("country", rng.randrange(n["country"])))
                for i in range(n["factor"])
                for _ in range(50)
            ),
        )
        self.rels(
            "perpetratedBy",
            ((iri("attack", i), iri("group", self.popular("group"))) for i in range(n["attack"])),
        )
        self.rels(
            "locatedIn",
            ((iri("attack", i), iri("town", rng.randrange(n["town"]))) for i in range(n["attack"])),
        )
        self.rels(
            "claimant",
            ((iri("claim", i), iri("group", self.popular("group"))) for i in range(n["claim"])),
        )
        self.rels(
            "claimsResponsibilityFor",
            ((iri("claim", i), iri("attack", i)) for i in range(n["claim"])),
        )
        self._evidence()

    def _evidence(self) -> None:
        n, rng, iri = self.n, self.rng, self.iri

        def fact(i: int) -> tuple[str, str]:
            if i < n["claim"]:
                return iri("claim", i), iri("group", self.popular("group"))
            if i < n["claim"] + n["factor"] * 50:
                return (
                    iri("factor", (i - n["claim"]) // 50),
                    iri("country", rng.randrange(n["country"])),
                )
            return iri("attack", rng.randrange(n["attack"])), iri("group", self.popular("group"))

        facts = [fact(i) for i in range(n["evidence"])]
        self.rels("subject", ((iri("evidence", i), s) for i, (s, _) in enumerate(facts)))
        self.rels("object", ((iri("evidence", i), o) for i, (_, o) in enumerate(facts)))
        self.rels(
            "statedIn",
            (
                (iri("evidence", i), iri("document", rng.randrange(n["document"])))
                for i in range(n["evidence"])
            ),
        )


def compact(db: EmbeddedFalkorDB) -> None:
    """Rewrite the append-only file as a snapshot, so a restart loads the graph instead of
    replaying a million-row write log."""
    conn = FalkorDB(unix_socket_path=db.socket_path).connection
    conn.execute_command("BGREWRITEAOF")
    while conn.info("persistence").get("aof_rewrite_in_progress"):
        time.sleep(0.5)


def _count(graph: Any) -> int:
    try:
        return int(graph.ro_query("MATCH (n) RETURN count(n)").result_set[0][0])
    except Exception:
        return 0


def measure(call: Callable[[], None], clients: int, requests: int) -> dict[str, float]:
    """p50/p99 latency (ms) and requests/s of ``requests`` calls spread over ``clients`` threads."""
    latencies: list[float] = []
    lock = threading.Lock()
    per_client = max(1, requests // clients)

    def worker() -> None:
        mine = []
        for _ in range(per_client):
            started = time.perf_counter()
            call()
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return {"p50": q[49] * 1000, "p99": q[98] * 1000, "rps": len(latencies) / wall}


def wrk(url: str, clients: int, seconds: int) -> dict[str, float]:
    """The cached API measured by wrk (a C load generator, if installed) instead of Python
    client threads, which share the cores and the GIL with each other."""
    out = subprocess.run(
        ["wrk", "-t1", f"-c{clients}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def ms(label: str) -> float:
        value = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\b", out, re.M)
        assert value is not None, out
        scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[value.group(2)]
        return float(value.group(1)) * scale

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    assert rps is not None, out
    return {"p50": ms("50%"), "p99": ms("99%"), "rps": float(rps.group(1))}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(data_dir: Path, port: int, cache_size: int) -> subprocess.Popen[bytes]:
    """The API in a child process (uvicorn, one worker) on the benchmark graph."""
    env = {
        **os.environ,
        "KG_DATA_DIR": str(data_dir),
        "KG_GRAPH_NAME": GRAPH,
        "KG_GRAPH_URL": "",
        "KG_QUERY_CACHE_SIZE": str(cache_size),
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "api.app:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=5).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the API did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=320, help="per query, mode and load")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 32])
    parser.add_argument("--page", type=int, default=20, help="rows per request (limit)")
    parser.add_argument(
        "--queries",
        nargs="+",
        default=[name for name, _ in WORKLOAD],
        help="which of the workload's queries to run",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path(os.environ.get("TMPDIR", "/tmp")) / "conflict-kg-bench-api",
    )
    parser.add_argument("--rebuild", action="store_true", help="write the graph again")
    parser.add_argument(
        "--wrk-seconds", type=int, default=10, help="length of each wrk run (when wrk is installed)"
    )
    args = parser.parse_args()

    db = EmbeddedFalkorDB(args.data_dir).start()
    try:
        graph = FalkorDB(unix_socket_path=db.socket_path).select_graph(GRAPH)
        if args.rebuild or _count(graph) != args.nodes:
            if _count(graph):
                graph.delete()
            started = time.perf_counter()
            Builder(graph, args.nodes).build()
            print(f"built {_count(graph):,} nodes in {time.perf_counter() - started:.0f} s")
            compact(db)
        rels = graph.ro_query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0]
        print(
            f"graph: {_count(graph):,} nodes, {rels:,} relationships ({args.data_dir}); "
            f"{args.requests} requests per query, mode and load; {args.page} rows per request"
        )
        run(db, args)
    finally:
        db.stop()


def run(db: EmbeddedFalkorDB, args: argparse.Namespace) -> None:
    """Measure each query direct and through the API, at each load."""
    catalog = load_catalog()
    store = FalkorDBStore(GRAPH, server=db)  # closing it stops the server: main() does that
    ports = {"api": _free_port(), "cached": _free_port()}
    procs = [serve(args.data_dir, ports["api"], 0), serve(args.data_dir, ports["cached"], 512)]
    local = threading.local()

    def client(mode: str) -> httpx.Client:
        if not hasattr(local, mode):
            url = f"http://127.0.0.1:{ports[mode]}"
            setattr(local, mode, httpx.Client(base_url=url, timeout=60))
        return getattr(local, mode)  # type: ignore[no-any-return]

    header = f"{'query':<26}{'clients':>8}{'mode':>8}{'p50 ms':>9}{'p99 ms':>9}{'req/s':>9}"
    print(header + f"{'API/direct p50':>16}{'API/direct req/s':>18}")
    try:
        for name, raw in WORKLOAD:
            if name not in args.queries:
                continue
            query = catalog.get(name)
            params = {**query.bind(raw), "limit": args.page + 1, "offset": 0}  # as the API asks
            text = query.text_for(store.engine)

            def direct(text: str = text, params: dict[str, Any] = params) -> None:
                store.read(text, params, timeout_ms=60_000)

            def api(name: str = name, raw: dict[str, Any] = raw, mode: str = "api") -> None:
                r = client(mode).get(f"/queries/{name}", params={**raw, "limit": args.page})
                r.raise_for_status()

            def cached(name: str = name, raw: dict[str, Any] = raw) -> None:
                api(name, raw, "cached")

            direct()
            api()
            cached()  # warm every path (connections; the first request fills the cache)
            for clients in args.clients:
                d = measure(direct, clients, args.requests)
                a = measure(api, clients, args.requests)
                c = measure(cached, clients, args.requests)
                modes = [("direct", d), ("api", a), ("cached", c)]
                if shutil.which("wrk"):
                    url = f"http://127.0.0.1:{ports['cached']}/queries/{name}?" + urlencode(
                        {**raw, "limit": args.page}
                    )
                    modes.append(("wrk", wrk(url, clients, args.wrk_seconds)))
                for mode, m in modes:
                    line = (
                        f"{name:<26}{clients:>8}{mode:>8}{m['p50']:>9.1f}{m['p99']:>9.1f}"
                        f"{m['rps']:>9.0f}"
                    )
                    if mode != "direct":
                        line += f"{m['p50'] / d['p50']:>16.2f}{d['rps'] / m['rps']:>18.2f}"
                    print(line, flush=True)
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
