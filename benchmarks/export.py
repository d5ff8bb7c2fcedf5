"""Export benchmark: time and peak memory to dump about a million triples from the embedded
FalkorDB, streamed (``graph_loader.export``), against reading the same triples into a bare
rdflib ``Graph`` and serialising it, in the same run.

The graph is the seed article's extraction copied N times with every entity, event and
document IRI renamed per copy (so copies share only concept and GeoNames nodes), written with
plain CREATE statements in the loader's mapping (the load is not what is measured). Each
measured step runs in a fresh child process, which reports its wall time and peak resident
memory (VmHWM).

    .venv/bin/python benchmarks/export.py [--triples 1000000] [--formats turtle nt json-ld trig]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef

from conflict_kg.settings import Settings

HERE = Path(__file__).parent
BATCH = 2000


def _settings(data_dir: Path) -> Settings:
    return Settings(_env_file=None, data_dir=data_dir, graph_url="", graph_name="bench_export")  # type: ignore[call-arg]


def _copies(seed: Graph, base: str, n: int):  # type: ignore[no-untyped-def]
    """N renamed copies of the seed graph, one document graph each."""

    def rename(term, i):  # type: ignore[no-untyped-def]
        if isinstance(term, URIRef) and str(term).startswith(base):
            kind, _, rest = str(term)[len(base) :].partition("/")
            return URIRef(f"{base}{kind}/c{i}-{rest}")
        return term

    for i in range(n):
        g = Graph(identifier=rename(seed.identifier, i))
        for s, p, o in seed:
            g.add((rename(s, i), p, rename(o, i)))
        yield g


def _bulk_load(store, graphs) -> None:  # type: ignore[no-untyped-def]
    """Write the documents' nodes and relationships as the loader maps them, with plain CREATE
    (no per-document bookkeeping): filling the store is not what is measured."""
    from graph_loader.mapping import to_property_graph
    from graph_loader.store import Statement

    nodes = (HERE / "export_bulk_nodes.cypher").read_text(encoding="utf-8")
    rels = (HERE / "export_bulk_relationships.cypher").read_text(encoding="utf-8")
    seen: set[str] = set()
    indexed: set[str] = set()
    for graph in graphs:
        doc = str(graph.identifier)
        pg = to_property_graph(graph)
        statements = []
        for label_set, node_group in sorted(pg.nodes_by_labels().items()):
            rows: list[dict[str, Any]] = [
                {"uri": n.uri, "props": n.props, "doc": doc}
                for n in node_group
                if n.uri not in seen
            ]
            seen.update(r["uri"] for r in rows)
            others = ":".join(x for x in label_set if x != "Resource") or "Resource"
            statements += [
                Statement(nodes.replace("__LABELS__", others), {"rows": rows[i : i + BATCH]})
                for i in range(0, len(rows), BATCH)
            ]
        store.write(statements)
        used = {label for label_set in pg.nodes_by_labels() for label in label_set}
        if not used <= indexed:
            indexed |= used
            store.ensure_schema(sorted(indexed))
        statements = []
        for rel_type, rel_group in sorted(pg.rels_by_type().items()):
            rows = [{"src": r.src, "dst": r.dst, "doc": doc} for r in rel_group]
            cypher = rels.replace("__TYPE__", rel_type)
            statements += [
                Statement(cypher, {"rows": rows[i : i + BATCH]}) for i in range(0, len(rows), BATCH)
            ]
        store.write(statements)


def load(data_dir: Path, triples: int) -> int:
    """Fill the benchmark graph with about ``triples`` triples; return how many were loaded."""
    from conflict_kg.ingest import sample_files
    from extractor import Extractor, read_file
    from graph_loader import open_store

    settings = _settings(data_dir)
    extractor = Extractor(settings.spacy_model, settings.base_iri, settings.max_document_bytes)
    seed = extractor.extract(read_file(sample_files()[0], settings.max_document_bytes))
    n = max(1, round(triples / len(seed)))
    store = open_store(settings)
    try:
        store.clear()
        _bulk_load(store, _copies(seed, settings.base_iri, n))
    finally:
        store.close()
    return n * len(seed)


def child(step: str, data_dir: Path, fmt: str, out: Path) -> None:
    """One measured step, run in its own process; prints {"seconds", "peak_mb", ...} as JSON."""
    from graph_loader import open_store
    from graph_loader.export import iter_descriptions, iter_triples, serialize

    store = open_store(_settings(data_dir))
    started = time.perf_counter()
    figures: dict[str, float] = {}
    if step == "stream":
        with out.open("w", encoding="utf-8") as f:
            for chunk in serialize(iter_descriptions(store), fmt):
                f.write(chunk)
    elif step == "rdflib":
        graph = Graph()
        for triple in iter_triples(store):
            graph.add(triple)
        figures["read_seconds"] = time.perf_counter() - started
        serialised = time.perf_counter()
        graph.serialize(out, format=fmt, encoding="utf-8")
        figures["serialize_seconds"] = time.perf_counter() - serialised
        figures["triples"] = len(graph)
    elif step != "baseline":
        raise SystemExit(f"unknown step {step}")
    figures["seconds"] = time.perf_counter() - started
    store.close()
    figures["peak_mb"] = _peak_mb()
    print(json.dumps(figures))


def _peak_mb() -> float:
    """This process's peak resident memory. VmHWM, where there is one: unlike ru_maxrss it does
    not carry over the parent's peak across fork + exec."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(step: str, data_dir: Path, fmt: str, out: Path) -> dict[str, float]:
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            step,
            "--data-dir",
            str(data_dir),
            "--format",
            fmt,
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--formats", nargs="+", default=["turtle", "nt", "json-ld", "trig"])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--format", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.data_dir, args.format, args.out)
        return

    from graph_loader.embedded import EmbeddedFalkorDB

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        data_dir = Path(tmp)
        db = EmbeddedFalkorDB(data_dir).start()
        try:
            started = time.perf_counter()
            total = load(data_dir, args.triples)
            print(f"loaded {total:,} triples in {time.perf_counter() - started:.1f} s")
            base = measure("baseline", data_dir, "turtle", data_dir / "none")
            print(f"child process baseline (imports + store): {base['peak_mb']:.0f} MB peak")
            print(
                f"{'format':8} {'streamed s':>10} {'peak MB':>8} | {'rdflib s':>8} "
                f"(read + serialise) {'peak MB':>8} | {'time ratio':>10} {'memory ratio':>12}"
            )
            for fmt in args.formats:
                stream = measure("stream", data_dir, fmt, data_dir / f"stream.{fmt}")
                bare = measure("rdflib", data_dir, fmt, data_dir / f"rdflib.{fmt}")
                print(
                    f"{fmt:8} {stream['seconds']:10.1f} {stream['peak_mb']:8.0f} | "
                    f"{bare['seconds']:8.1f} ({bare['read_seconds']:5.1f} + "
                    f"{bare['serialize_seconds']:6.1f}) {bare['peak_mb']:8.0f} | "
                    f"{bare['seconds'] / stream['seconds']:9.2f}x "
                    f"{bare['peak_mb'] / stream['peak_mb']:11.2f}x"
                )
                sys.stdout.flush()
        finally:
            db.stop()


if __name__ == "__main__":
    main()
