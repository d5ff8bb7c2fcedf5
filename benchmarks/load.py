"""Loader throughput against a bare ``UNWIND … MERGE``, into the embedded FalkorDB.

For each size (triples), in a child process of its own with a fresh embedded FalkorDB:

- ``bare``: the same nodes and relationships merged by hand-written ``UNWIND … MERGE``
  (``bare_merge_*.cypher``: no provenance, no transaction, no checks), through the falkordb
  client, into a graph of its own;
- ``load``: ``graph_loader.load_documents`` (provenance, one MULTI/EXEC per document, created /
  updated / unchanged tallies); ``bare`` and ``load`` take turns document by document;
- ``reload``: the same documents again (nothing changed: every document is skipped);
- ``changed``: a new revision of every document (each one retracted and replaced).

Both ``bare`` and ``load`` include mapping RDF to rows; generating the synthetic RDF is timed
apart and left out. Peak memory is the child's maximum RSS: it should stay flat as the input
grows, since documents are generated, mapped and written one at a time.

    .venv/bin/python benchmarks/load.py                      # 10^4, 10^5, 10^6 triples
    .venv/bin/python benchmarks/load.py --sizes 10000 100000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from falkordb import FalkorDB  # noqa: E402

from graph_loader.embedded import EmbeddedFalkorDB  # noqa: E402
from graph_loader.falkordb_store import FalkorDBStore  # noqa: E402
from graph_loader.loader import load_documents  # noqa: E402
from graph_loader.mapping import to_property_graph  # noqa: E402
from graph_loader.synthetic import synthetic_documents  # noqa: E402

HERE = Path(__file__).resolve().parent


class Timed:
    """Wraps an iterator and adds up the time spent producing its items."""

    def __init__(self, items: Iterable[Graph]) -> None:
        self._items = iter(items)
        self.seconds = 0.0
        self.triples = 0

    def __iter__(self) -> Iterator[Graph]:
        while True:
            start = time.perf_counter()
            try:
                item = next(self._items)
            except StopIteration:
                self.seconds += time.perf_counter() - start
                return
            self.seconds += time.perf_counter() - start
            self.triples += len(item)
            yield item


class Bare:
    """The baseline: hand-written ``UNWIND … MERGE`` through the falkordb client."""

    def __init__(self, db: FalkorDB, batch: int) -> None:
        self.graph = db.select_graph("bare")
        self.graph.query("CREATE INDEX FOR (n:Resource) ON (n.uri)")
        self.batch = batch
        self.nodes_cypher = (HERE / "bare_merge_nodes.cypher").read_text()
        self.rels_cypher = (HERE / "bare_merge_relationships.cypher").read_text()

    def load(self, doc: Graph) -> None:
        """Map one document and merge its nodes, then its relationships."""
        pg = to_property_graph(doc)
        for labels, nodes in pg.nodes_by_labels().items():
            cypher = self.nodes_cypher.replace("__LABELS__", ":".join(labels))
            self._run(cypher, [{"uri": n.uri, "props": n.props} for n in nodes])
        for rel_type, rels in pg.rels_by_type().items():
            cypher = self.rels_cypher.replace("__TYPE__", rel_type)
            self._run(cypher, [{"src": r.src, "dst": r.dst} for r in rels])

    def _run(self, cypher: str, rows: list[dict[str, object]]) -> None:
        for i in range(0, len(rows), self.batch):
            self.graph.query(cypher, {"rows": rows[i : i + self.batch]})


def _counts(db: FalkorDB, name: str) -> tuple[int, int]:
    graph = db.select_graph(name)
    nodes = graph.ro_query("MATCH (n) RETURN count(n)").result_set[0][0]
    rels = graph.ro_query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0]
    return nodes, rels


def _rate(triples: int, seconds: float) -> int:
    return round(triples / seconds) if seconds else 0


def run_one(triples: int, per_doc: int, batch: int, seed: int) -> dict[str, object]:
    """Measure one size; returns the figures as a dict.

    ``bare`` and ``load`` take turns document by document (alternating which goes first), so
    a noisy shared machine slows both alike and their ratio holds.
    """
    n_docs = max(1, triples // per_doc)
    out: dict[str, object] = {"documents": n_docs}
    with tempfile.TemporaryDirectory(prefix="ckg-bench-") as tmp:
        server = EmbeddedFalkorDB(Path(tmp)).start()
        try:
            db = FalkorDB(unix_socket_path=server.socket_path)
            store = FalkorDBStore("loader", url=f"unix://{server.socket_path}")
            store.ensure_schema()
            bare = Bare(db, batch)
            docs = Timed(synthetic_documents(n_docs, per_doc, seed))
            seconds = {"bare": 0.0, "load": 0.0}
            for i, doc in enumerate(docs):
                order = (
                    ("bare", bare.load),
                    ("load", lambda d: load_documents(store, [d], batch_size=batch)),
                )
                for name, work in order if i % 2 == 0 else order[::-1]:
                    start = time.perf_counter()
                    work(doc)  # type: ignore[operator]
                    seconds[name] += time.perf_counter() - start
            out["triples"] = docs.triples
            out["generation_s"] = round(docs.seconds, 1)
            for name, secs in seconds.items():
                out[f"{name}_s"] = round(secs, 2)
                out[f"{name}_triples_per_s"] = _rate(docs.triples, secs)
            out["ratio_load_to_bare"] = round(seconds["bare"] / seconds["load"], 2)
            out["bare_nodes_rels"] = _counts(db, "bare")
            out["load_nodes_rels"] = _counts(db, "loader")
            for name, revision in (("reload", 0), ("changed", 1)):
                docs = Timed(synthetic_documents(n_docs, per_doc, seed, revision=revision))
                start = time.perf_counter()
                load_documents(store, docs, batch_size=batch)
                secs = time.perf_counter() - start - docs.seconds
                out[f"{name}_s"] = round(secs, 2)
                out[f"{name}_triples_per_s"] = _rate(docs.triples, secs)
            out["server_peak_mb"] = round(db.connection.info("memory")["used_memory_peak"] / 2**20)
            store.close()
        finally:
            server.stop()
    out["client_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def main() -> int:
    """Run each size in a child process (so peak RSS is per size) and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--triples-per-doc", type=int, default=1500)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.triples_per_doc, args.batch_size, args.seed)))
        return 0
    for size in args.sizes:
        proc = subprocess.run(
            [
                sys.executable,
                __file__,
                "--one",
                str(size),
                "--triples-per-doc",
                str(args.triples_per_doc),
                "--batch-size",
                str(args.batch_size),
                "--seed",
                str(args.seed),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return proc.returncode
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
