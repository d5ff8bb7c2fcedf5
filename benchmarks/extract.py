"""Extraction throughput: the full extractor (spaCy + conflict-kg components + RDF) against bare
``nlp.pipe`` with the same model, in the same run. The ratio is the figure (goal >= 0.8).

    .venv/bin/python benchmarks/extract.py [--docs 200] [--repeat 5]

Texts: the annotated dev passages and the bundled sample articles, cycled to ``--docs``.
Modes: single process; two processes (bare: ``nlp.pipe(n_process=2)``; full: a pool of two
workers, each with its own extractor, fed chunks of 16 documents as ``nlp.pipe`` batches them);
and the fast mode without the dependency parser. Each output (Doc or RDF graph) is taken and
dropped as it comes, the way ingestion streams documents. Single-process rates are per second of
this process's CPU time (steadier than the wall clock on a shared machine); the two-process rates
are per second of wall-clock time. Rates and ratios come from each side's fastest run; each ratio
line also gives the median and range of the ratios within rounds, whose spread is the machine's
noise.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import time
from collections.abc import Callable, Iterable, Sized
from itertools import cycle, islice
from pathlib import Path
from statistics import median

import spacy

from conflict_kg.ingest import sample_files
from conflict_kg.settings import Settings
from extractor import Extractor, SourceText

ROOT = Path(__file__).resolve().parents[1]
_worker: Extractor | None = None


def corpus(n: int) -> list[str]:
    """``n`` texts: dev passages and samples, cycled."""
    texts = [
        json.loads(line)["text"]
        for line in (ROOT / "tests/data/dev.jsonl").read_text().splitlines()
    ]
    texts += [p.read_text(encoding="utf-8") for p in sample_files()]
    return list(islice(cycle(texts), n))


def consume(outputs: Iterable[Sized]) -> int:
    """Take each output (a Doc or a Graph) and let it go, as ingestion does: keeping all of them
    would time the garbage collector walking 200 graphs' triples rather than the extractor."""
    return sum(len(x) for x in outputs)


def take_turns(
    repeat: int, *runs: Callable[[], object], clock: Callable[[], float] = time.process_time
) -> list[list[float]]:
    """Seconds of ``clock`` that each run took in each of ``repeat`` rounds. The runs take turns
    within a round, so that a busy spell of this shared machine slows both sides of a ratio
    rather than one. The default clock is this process's CPU time, which other tenants of the
    machine disturb much less than the wall clock; runs that spread over worker processes need
    the wall clock."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, spent in zip(runs, times, strict=True):
            started = clock()
            run()
            spent.append(clock() - started)
    return times


def _init(model: str, base: str, max_bytes: int, fast: bool) -> None:
    global _worker
    _worker = Extractor(model, base, max_bytes, fast=fast)


def _extract(texts: list[str]) -> int:
    """Extract a chunk of documents in one worker (batched, as ``nlp.pipe`` batches)."""
    assert _worker is not None
    return sum(len(g) for g in _worker.extract_many(SourceText(t) for t in texts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    settings = Settings()
    texts = corpus(args.docs)
    sources = [SourceText(t) for t in texts]
    bare = spacy.load(settings.spacy_model)
    tokens = sum(len(d) for d in bare.pipe(texts, batch_size=16))
    print(
        f"{len(texts)} documents, {tokens} tokens, model {settings.spacy_model}, "
        f"best of {args.repeat}"
    )

    def report(name: str, times: list[float], baseline: list[float] | None = None) -> None:
        """Rates from the fastest run; against a baseline, the ratio of the fastest runs and,
        when there are several rounds, the median and range of the rounds' own ratios."""
        seconds = min(times)
        ratio = ""
        if baseline:
            ratio = f"  ratio to bare {min(baseline) / seconds:.2f}"
            if len(times) > 1:
                rounds = sorted(b / t for b, t in zip(baseline, times, strict=True))
                ratio += f" (rounds: median {median(rounds):.2f}, {rounds[0]:.2f}-{rounds[-1]:.2f})"
        print(
            f"{name:<34} {len(texts) / seconds:8.1f} docs/s {tokens / seconds:9.0f} tokens/s{ratio}"
        )

    full = Extractor(settings.spacy_model, settings.base_iri, settings.max_document_bytes)
    fast = Extractor(
        settings.spacy_model, settings.base_iri, settings.max_document_bytes, fast=True
    )
    bare_fast = spacy.load(settings.spacy_model, disable=["parser"])
    bare_fast.enable_pipe("senter")
    t_bare, t_full = take_turns(
        args.repeat,
        lambda: consume(bare.pipe(texts, batch_size=16)),
        lambda: consume(full.extract_many(sources)),
    )
    report("bare nlp.pipe", t_bare)
    report("full extractor (text -> RDF)", t_full, t_bare)
    t_bare_fast, t_fast = take_turns(
        args.repeat,
        lambda: consume(bare_fast.pipe(texts, batch_size=16)),
        lambda: consume(fast.extract_many(sources)),
    )
    report("bare nlp.pipe, no parser", t_bare_fast)
    report("fast extractor, no parser", t_fast, t_bare_fast)

    wall = time.perf_counter
    (t_bare2,) = take_turns(
        1, lambda: consume(bare.pipe(texts, batch_size=16, n_process=2)), clock=wall
    )
    report("bare nlp.pipe, n_process=2", t_bare2)
    init = (settings.spacy_model, settings.base_iri, settings.max_document_bytes, False)
    with mp.get_context("spawn").Pool(2, initializer=_init, initargs=init) as pool:
        pool.map(_extract, [texts[:2], texts[2:4]])  # warm up both workers
        chunks = [texts[i : i + 16] for i in range(0, len(texts), 16)]
        (t_full2,) = take_turns(1, lambda: pool.map(_extract, chunks, chunksize=1), clock=wall)
    report("full extractor, 2 processes", t_full2, t_bare2)


if __name__ == "__main__":
    main()
