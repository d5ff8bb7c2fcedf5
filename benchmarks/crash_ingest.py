"""Kill the embedded FalkorDB with SIGKILL while documents load; the re-run must repair it.

1. Load N synthetic documents into a fresh embedded FalkorDB without interruption: the
   reference graph.
2. In another data directory, load the same documents from a child process and SIGKILL the
   ``redis-server`` process part-way (``--kills`` times, at different points), restart it from
   its append-only file and re-run the same load each time; then let the last run finish.
3. With ``--torn-write``, also cut the append-only file in the middle of its last transaction
   after the last kill (as a machine crash can leave it) before restarting: redis drops the
   unfinished ``MULTI`` block on load (``aof-load-truncated yes``, the default).
4. Restart once more (the repaired append-only file must load the same graph), then compare
   every node (IRI, labels, properties including ``_sources``) and every relationship
   (type, ends, ``_sources``) as multisets: no lost, no duplicated, no extra fact.

    .venv/bin/python benchmarks/crash_ingest.py --documents 1000 --kills 3 --torn-write

Exits 0 and prints ``identical`` when the graphs match.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph_loader.embedded import EmbeddedFalkorDB  # noqa: E402
from graph_loader.falkordb_store import FalkorDBStore  # noqa: E402
from graph_loader.loader import load_documents  # noqa: E402
from graph_loader.store import GraphStore  # noqa: E402
from graph_loader.synthetic import synthetic_documents  # noqa: E402

HERE = Path(__file__).resolve().parent
GRAPH = "crash"
MULTI = b"*1\r\n$5\r\nMULTI\r\n"


def _store(server: EmbeddedFalkorDB) -> FalkorDBStore:
    return FalkorDBStore(GRAPH, url=f"unix://{server.socket_path}")


def load(socket: str, documents: int, per_doc: int, seed: int) -> None:
    """Load the documents (run in the child process that gets its server killed)."""
    store = FalkorDBStore(GRAPH, url=f"unix://{socket}")
    store.ensure_schema()
    load_documents(store, synthetic_documents(documents, per_doc, seed))


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


def snapshot(store: GraphStore, page: int = 2000) -> tuple[Counter[Any], Counter[Any]]:
    """Every node and relationship as multisets of hashable tuples (sources sorted)."""
    nodes: Counter[Any] = Counter()
    cypher = (HERE / "snapshot_nodes.cypher").read_text()
    after = ""
    while True:
        rows = store.read(cypher, {"after": after, "limit": page}).rows
        for uri, labels, props in rows:
            props = {**props, "_sources": sorted(props.get("_sources") or [])}
            nodes[(uri, tuple(sorted(labels)), _freeze(props))] += 1
        if len(rows) < page:
            break
        after = rows[-1][0]
    rels: Counter[Any] = Counter()
    cypher = (HERE / "snapshot_relationships.cypher").read_text()
    after = ""
    while True:
        rows = store.read(cypher, {"after": after, "limit": page}).rows
        for src, edges in rows:
            for rel_type, dst, sources in edges:
                rels[(src, rel_type, dst, tuple(sorted(sources or [])))] += 1
        if len(rows) < page:
            break
        after = rows[-1][0]
    return nodes, rels


def loaded_documents(store: GraphStore) -> int:
    """How many documents are completely loaded."""
    rows = store.read("MATCH (d:SourceDocument) WHERE d._loaded = true RETURN count(d)").rows
    return int(rows[0][0]) if rows else 0


def _tear_last_transaction(db_dir: Path, rng: random.Random) -> str:
    """Cut the newest append-only file inside its last MULTI block; says what was cut."""
    incr = sorted(
        (db_dir / "appendonlydir").glob("*.incr.aof"), key=lambda p: int(p.name.split(".")[-3])
    )[-1]
    data = incr.read_bytes()
    start = data.rfind(MULTI)
    if start < 0:
        return "no transaction in the append-only file"
    cut = rng.randrange(start + len(MULTI), len(data) - 1)
    with incr.open("r+b") as f:
        f.truncate(cut)
    return f"cut {incr.name} at byte {cut} of {len(data)} (last MULTI at {start})"


def _experiment(
    tmp: Path,
    documents: int,
    per_doc: int,
    seed: int,
    kills: int,
    torn_write: bool,
    rng: random.Random,
) -> tuple[Any, Any]:
    ref_dir, crash_dir = Path(tmp) / "reference", Path(tmp) / "crashed"
    started = time.perf_counter()
    server = EmbeddedFalkorDB(ref_dir).start()
    try:
        store = _store(server)
        store.ensure_schema()
        load_documents(store, synthetic_documents(documents, per_doc, seed))
        reference = snapshot(store)
        store.close()
    finally:
        server.stop()
    print(
        f"reference: {documents} documents, {sum(reference[0].values())} nodes, "
        f"{sum(reference[1].values())} relationships in "
        f"{time.perf_counter() - started:.1f}s"
    )

    for attempt in range(1, kills + 1):
        server = EmbeddedFalkorDB(crash_dir).start()
        store = _store(server)
        before = loaded_documents(store)
        target = before + rng.randint(1, max(1, (documents - before) // (kills + 1 - attempt)))
        child = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--child",
                server.socket_path,
                "--documents",
                str(documents),
                "--per-doc",
                str(per_doc),
                "--seed",
                str(seed),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        while loaded_documents(store) < target and child.poll() is None:
            time.sleep(0.005)
        server.kill()
        store.close()
        child.wait(timeout=60)
        note = ""
        if torn_write and attempt == kills:
            note = "; " + _tear_last_transaction(server.paths.db_dir, rng)
        print(
            f"kill {attempt}: SIGKILL after {target} documents were loaded "
            f"(loader exited with {child.returncode}){note}"
        )

    server = EmbeddedFalkorDB(crash_dir).start()
    try:
        store = _store(server)
        recovered = loaded_documents(store)
        load_documents(store, synthetic_documents(documents, per_doc, seed))
        after = snapshot(store)
        store.close()
    finally:
        server.stop()
    print(
        f"restart: {recovered} documents found loaded; re-run finished: "
        f"{sum(after[0].values())} nodes, {sum(after[1].values())} relationships"
    )
    server = EmbeddedFalkorDB(crash_dir).start()  # and the repaired files load the same graph
    try:
        store = _store(server)
        if snapshot(store) != after:
            raise SystemExit("DIFFERENT after one more restart: the append-only file was not sound")
        store.close()
    finally:
        server.stop()

    return reference, after


def run(
    documents: int, per_doc: int, seed: int, kills: int, torn_write: bool, keep: bool = False
) -> int:
    """The whole experiment; 0 when the graphs match. ``keep``: leave the data directories."""
    rng = random.Random(seed)
    tmp = tempfile.mkdtemp(prefix="ckg-crash-")
    try:
        reference, after = _experiment(Path(tmp), documents, per_doc, seed, kills, torn_write, rng)
    finally:
        if keep:
            print(f"data directories kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    problems = []
    pairs = (("node", reference[0], after[0]), ("relationship", reference[1], after[1]))
    for kind, ref, got in pairs:
        lost, extra = ref - got, got - ref
        if lost or extra:
            problems.append(
                f"{kind}s: {sum(lost.values())} lost, {sum(extra.values())} extra "
                f"(e.g. {next(iter(lost or extra))})"
            )
    if problems:
        print("DIFFERENT: " + "; ".join(problems))
        return 1
    print("identical: no lost, duplicated or extra node or relationship")
    return 0


def main() -> int:
    """Command line; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--per-doc", type=int, default=150, help="triples per document")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--torn-write", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the data directories")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        load(args.child, args.documents, args.per_doc, args.seed)
        return 0
    return run(args.documents, args.per_doc, args.seed, args.kills, args.torn_write, args.keep)


if __name__ == "__main__":
    sys.exit(main())
