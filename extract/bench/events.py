"""``python -m extract.bench events``: the whole run, articles to store, timed.

Writes a synthetic corpus (``extract.bench.synth``; its generation is timed apart and
not counted), then times ``extract.cli.run`` end to end into a fresh SQLite store:
loading, extraction in worker processes, staging, publishing (the merge across
articles). Peak memory is the largest resident set of this process and of its worker
processes (``getrusage``), so a run that held the corpus in memory would show it.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from extract import cli
from extract.bench.synth import write_corpus
from extract.store import count, open_store


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog="python -m extract.bench events",
        description="Time a run of `python -m extract` on a synthetic corpus: articles "
                    "per second end to end into a fresh store, and peak memory.")
    result.add_argument("--articles", type=cli.positive_int, default=10_000, metavar="N",
                        help="synthetic articles of about 2 KB (default: 10000)")
    result.add_argument("--jobs", type=cli.positive_int, default=None, metavar="N",
                        help="worker processes (default: one per core)")
    result.add_argument("--seed", type=int, default=0, help="corpus seed (default: 0)")
    result.add_argument("--keep", metavar="DIR",
                        help="write the corpus and store into DIR and keep them "
                             "(default: a temporary folder, removed afterwards)")
    return result


def _peak_mb() -> tuple[float, float]:
    """The largest resident set so far of this process and of any waited-for child, in
    MB (Linux reports kilobytes, macOS bytes)."""
    unit = 1 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * unit
    return own / 2**20, children / 2**20


def _cpu_seconds() -> tuple[float, float]:
    """CPU time (user + system) so far of this process and of its waited-for children:
    with other work on the machine, wall time overstates what the run needs."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def bench(folder: Path, articles: int, jobs: int | None, seed: int = 0) -> dict:
    """Generate ``articles`` into ``folder``/corpus, run into ``folder``/bench.db; the
    figures."""
    corpus_dir, db = folder / "corpus", folder / "bench.db"
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        path.unlink(missing_ok=True)
    began = time.perf_counter()
    corpus = write_corpus(corpus_dir, articles, seed)
    generated = time.perf_counter() - began
    jobs = jobs or os.cpu_count() or 1
    cpu_own, cpu_children = _cpu_seconds()
    began = time.perf_counter()
    report = cli.run([corpus_dir], db=db, jobs=jobs, progress=False)
    seconds = time.perf_counter() - began
    cpu_own, cpu_children = (now - before for now, before in zip(_cpu_seconds(),
                                                                  (cpu_own, cpu_children)))
    with open_store(db) as store:
        claims = count(store, "article_events")
    own, children = _peak_mb()
    return {"articles": corpus.files, "bytes": corpus.bytes, "generated": generated,
            "jobs": jobs, "seconds": seconds, "per_second": corpus.files / seconds,
            "extracted": report.extracted, "failed": report.failed, "claims": claims,
            "events": report.events, "peak_main": own, "peak_workers": children,
            "cpu_main": cpu_own, "cpu_workers": cpu_children}


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.keep:
        folder = Path(args.keep)
        folder.mkdir(parents=True, exist_ok=True)
        figures = bench(folder, args.articles, args.jobs, args.seed)
    else:
        folder = Path(tempfile.mkdtemp(prefix="chronicle-bench-"))
        try:
            figures = bench(folder, args.articles, args.jobs, args.seed)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    f = figures
    print(f"generated   {f['generated']:>12.3f} s  (writing the corpus; not counted)")
    print(f"articles    {f['articles']:>12,}  ({f['failed']:,} failed)")
    print(f"bytes       {f['bytes']:>12,}  ({f['bytes'] / f['articles']:,.0f} per article)")
    print(f"jobs        {f['jobs']:>12,}")
    print(f"seconds     {f['seconds']:>12.3f}  (load, extract, stage, publish)")
    print(f"throughput  {f['per_second']:>12,.1f} articles/second")
    print(f"cpu         {f['cpu_main'] + f['cpu_workers']:>12.3f} s  (main "
          f"{f['cpu_main']:,.1f} s, workers {f['cpu_workers']:,.1f} s)")
    print(f"claims      {f['claims']:>12,}  (per-article events)")
    print(f"events      {f['events']:>12,}  (stored, merged)")
    print(f"peak memory {max(f['peak_main'], f['peak_workers']):>12,.1f} MB  "
          f"(main {f['peak_main']:,.1f} MB, largest worker {f['peak_workers']:,.1f} MB)")
    if args.keep:
        print(f"kept        {folder}")
    return 1 if f["failed"] else 0
