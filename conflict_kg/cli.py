"""The ``conflict-kg`` command line: demo, ingest, serve, extract, export, stats, stop."""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from conflict_kg.errors import ConflictKGError
from conflict_kg.settings import Settings

log = logging.getLogger("conflict_kg")


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {
        k: v
        for k, v in {
            "data_dir": args.data_dir,
            "graph_url": args.graph_url,
            "api_host": getattr(args, "host", None),
            "api_port": getattr(args, "port", None),
        }.items()
        if v is not None
    }
    return Settings(**overrides)


def _extractor(settings: Settings, fast: bool = False):  # type: ignore[no-untyped-def]
    from extractor import Extractor

    return Extractor(
        settings.spacy_model, settings.base_iri, settings.max_document_bytes, fast=fast
    )


def cmd_ingest(args: argparse.Namespace) -> int:
    """Extract and load text files or directories into the graph."""
    from tqdm import tqdm

    from conflict_kg.ingest import ingest_files, text_files
    from graph_loader import open_store

    settings = _settings(args)
    paths = [Path(p) for p in args.paths]
    total = sum(1 for _ in text_files(paths))
    extractor = _extractor(settings, args.fast)
    store = open_store(settings)
    try:
        with tqdm(total=total, unit="doc", desc="ingest", disable=args.quiet) as bar:
            report = ingest_files(
                store, extractor, paths, batch_size=settings.batch_size, progress=bar.update
            )
    finally:
        store.close()
    print(report.summary())
    for name, error in report.errors:
        print(f"  error: {name}: {error}", file=sys.stderr)
    return 1 if report.errors and not report.loaded and not report.unchanged else 0


def _serve(settings: Settings) -> None:
    import uvicorn

    from api import create_app

    uvicorn.run(
        create_app(settings), host=settings.api_host, port=settings.api_port, log_level="info"
    )


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the JSON API."""
    _serve(_settings(args))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Ingest the bundled sample articles into the embedded graph, then serve the API."""
    from conflict_kg.ingest import ingest_files, sample_files
    from graph_loader import open_store
    from graph_loader.embedded import EmbeddedFalkorDB

    settings = _settings(args)
    server = EmbeddedFalkorDB(settings.data_dir).start() if settings.embedded else None
    try:
        store = open_store(settings)
        try:
            report = ingest_files(
                store, _extractor(settings), sample_files(), batch_size=settings.batch_size
            )
        finally:
            store.close()
        print(f"ingested the sample articles: {report.summary()}")
        base = f"http://{settings.api_host}:{settings.api_port}"
        print("try:")
        for path in ("/queries", "/queries/groups_active_in_region?region=Sahel", "/docs"):
            print(f"  curl '{base}{path}'")
        sys.stdout.flush()
        _serve(settings)
    finally:
        if server is not None:
            server.stop()
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """Print what the extractor reads from files, as JSON (one object per file) or Turtle."""
    from extractor import read_file
    from extractor.summary import summarize

    settings = _settings(args)
    extractor = _extractor(settings)
    status = 0
    for path in args.paths:
        try:
            graph = extractor.extract(read_file(Path(path), settings.max_document_bytes))
        except ConflictKGError as e:
            print(f"error: {e}", file=sys.stderr)
            status = 1
            continue
        if args.format == "turtle":
            print(graph.serialize(format="turtle"))
        else:
            print(json.dumps({"file": path, **summarize(graph)}, ensure_ascii=False))
    return status


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Score the extractor (or, with ``--against``, a second annotation) on annotated passages:
    precision, recall and F1 per key."""
    from extractor.evaluate import agreement, evaluate, read_annotation, read_passages
    from extractor.gazetteer import load_gazetteer

    passages = read_passages(Path(args.file))
    second = read_annotation(Path(args.against)) if args.against else None
    if second is not None:
        passages = [p for p in passages if p.get("id") in second]
    splits = (
        sorted({p.get("split", "all") for p in passages}) if args.split == "each" else [args.split]
    )
    if second is not None:
        gazetteer = load_gazetteer()
        score = partial(agreement, gazetteer, second=second)
    else:
        score = partial(evaluate, _extractor(_settings(args)))
    results = {}
    for split in splits:
        report = score([p for p in passages if split == "all" or p.get("split") == split])
        results[split] = report.as_dict()
        if args.format == "text":
            print(f"== {split}: {report.passages} passages")
            print(report.table())
    if args.format == "json":
        print(json.dumps(results, indent=2))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the whole graph as RDF, streamed page by page (memory stays flat)."""
    from graph_loader import open_store
    from graph_loader.export import iter_descriptions, serialize

    store = open_store(_settings(args))
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    try:
        for chunk in serialize(iter_descriptions(store), args.format):
            out.write(chunk)
    finally:
        store.close()
        if args.output:
            out.close()
    if args.output:
        print(f"wrote {args.format} to {args.output}", file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Check RDF files against the SHACL shapes; exit code 1 if any violates them."""
    from ontology.validation import read_rdf, validate

    failed = 0
    for path in args.paths:
        violations = validate(read_rdf(Path(path)))
        for violation in violations:
            print(f"{path}: {violation}")
        print(f"{path}: " + (f"{len(violations)} violation(s)" if violations else "conforms"))
        failed += bool(violations)
    return 1 if failed else 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Node counts per label and relationship counts per type."""
    from graph_loader import open_store
    from graph_loader.cypher import statement

    store = open_store(_settings(args))
    try:
        nodes = store.read(statement("counts_nodes")).rows
        rels = store.read(statement("counts_relationships")).rows
    finally:
        store.close()
    print(json.dumps({"nodes": dict(nodes), "relationships": dict(rels)}, indent=2))
    return 0


def cmd_stop(args: argparse.Namespace) -> int:
    """Stop the embedded database of the data directory."""
    from graph_loader.embedded import EmbeddedFalkorDB

    settings = _settings(args)
    stopped = EmbeddedFalkorDB(settings.data_dir).stop_any()
    print("stopped" if stopped else f"no embedded database is running for {settings.data_dir}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command."""
    parser = argparse.ArgumentParser(prog="conflict-kg", description=__doc__)
    parser.add_argument("--data-dir", type=Path, help="data directory (KG_DATA_DIR)")
    parser.add_argument("--graph-url", help="graph database URL (KG_GRAPH_URL); empty: embedded")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=(func.__doc__ or "").strip().splitlines()[0])
        p.set_defaults(func=func)
        return p

    for name, func in (("demo", cmd_demo), ("serve", cmd_serve)):
        p = add(name, func)
        p.add_argument("--host", help="address to bind (KG_API_HOST)")
        p.add_argument("--port", type=int, help="port (KG_API_PORT)")
    p = add("ingest", cmd_ingest)
    p.add_argument("paths", nargs="+", help="text files or directories")
    p.add_argument("--fast", action="store_true", help="skip the dependency parser (bulk)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p = add("extract", cmd_extract)
    p.add_argument("paths", nargs="+", help="text files")
    p.add_argument("--format", choices=("json", "turtle"), default="json")
    p = add("evaluate", cmd_evaluate)
    p.add_argument("file", help="evaluation passages (JSON lines, see tests/data/dev.jsonl)")
    p.add_argument("--split", default="each", help="tune, heldout, all, or each (default)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "--against",
        metavar="ANNOTATION",
        help="score this second annotation (lines of {id, gold}) instead of the extractor",
    )
    p = add("export", cmd_export)
    p.add_argument(
        "--format", choices=("turtle", "nt", "nquads", "json-ld", "trig"), default="turtle"
    )
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p = add("validate", cmd_validate)
    p.add_argument("paths", nargs="+", help="RDF files (Turtle, N-Triples, JSON-LD, TriG...)")
    add("stats", cmd_stats)
    add("stop", cmd_stop)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``conflict-kg`` command."""
    args = build_parser().parse_args(argv)
    # uvicorn re-raises SIGTERM after its graceful shutdown; as SystemExit it lets the embedded
    # database this process started be stopped on the way out.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args))
    except ConflictKGError as e:
        print(f"conflict-kg: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
