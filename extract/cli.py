"""``python -m extract PATH...``: articles in, dated sourced events into the store.

The edge where files, processes, the terminal and the store meet; the work itself is
``load_article`` -> ``extract_article`` -> ``merge_events``. Articles stream through:
loaded one at a time, extracted in a bounded window of worker processes, staged in
batches, published in one transaction at the end (see ``extract.store`` for why a
killed run loses nothing). One bad article is reported, never fatal to the rest.

For tests and experiments, ``CHRONICLE_EXTRACTOR=module:function`` replaces
``extract.pipeline.extract_article`` (the function must be importable by the workers).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from os import PathLike
from typing import NamedTuple

from tqdm import tqdm

from extract import pipeline
from extract.article import Article
from extract.heap import give_back_freed, use_one_heap
from extract.load import LoadError, _article_files, load_paths
from extract.model import Event
from extract.store import (DEFAULT_PATH, Batch, EventRow, Store, StoreError, content_hash,
                           count, event_rows, export_csv, export_json, extractor_version,
                           new_run, open_store, publish, run_ids, stage, stored_hashes,
                           writing)

EXTRACTOR_ENV = "CHRONICLE_EXTRACTOR"
IN_PROCESS_BELOW = 50     # fewer articles than this: no worker processes (they cost ~0.1 s)
PROGRESS_ABOVE = 50       # more articles than this: a progress bar even when not on a TTY
CHUNK = 16            # articles handed to a worker at once
WINDOW_PER_JOB = 4        # chunks in flight per worker: keeps workers busy, memory bounded
BATCH_SIZE = 100          # staged per transaction ...
BATCH_SECONDS = 5.0       # ... or after this long, so a slow run's progress is kept

StrPath = str | PathLike[str]
Extractor = Callable[[Article], list[Event]]


@dataclass(frozen=True)
class Failure:
    """One article that could not be loaded or extracted."""

    path: str
    message: str


@dataclass
class RunReport:
    """What one run did; ``articles`` and ``events`` are the store's totals after it."""

    db: str
    read: int = 0
    extracted: int = 0          # including ``resumed``
    unchanged: int = 0
    resumed: int = 0            # extracted by an interrupted run, published by this one
    pruned: int = 0
    prune_skipped: bool = False
    articles: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def failure_lines(self) -> list[str]:
        """``2 of 10 articles failed:`` and then one line per failure, naming the file."""
        if not self.failures:
            return []
        return ([f"{self.failed} of {self.read} articles failed:"]
                + [f"  {f.path}: {f.message}" for f in self.failures])

    def summary(self) -> str:
        resumed = f" ({self.resumed} resumed from an interrupted run)" if self.resumed else ""
        pruned = f", {self.pruned} pruned" if self.pruned else ""
        skipped = "; --prune skipped because articles failed" if self.prune_skipped else ""
        return (f"{self.read} articles read: {self.extracted} extracted{resumed}, "
                f"{self.unchanged} unchanged, {self.failed} failed{pruned}; "
                f"{self.events} events from {self.articles} articles in {self.db}{skipped}")


class ExtractorError(ValueError):
    """``CHRONICLE_EXTRACTOR`` names no function."""


class Outcome(NamedTuple):
    """What extracting one article gave: its events as store rows, or an error."""

    rows: list[EventRow]
    error: str | None = None


# --- choosing and running the extractor ---------------------------------------------------

def resolve_extractor(spec: str) -> Extractor:
    """The function named by ``module:function``; ExtractorError if there is none."""
    module_name, colon, name = spec.partition(":")
    if not colon or not module_name or not name:
        raise ExtractorError(f"{EXTRACTOR_ENV}={spec!r}: expected module:function")
    try:
        found = getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError) as exc:
        raise ExtractorError(f"{EXTRACTOR_ENV}={spec!r}: {exc}") from None
    if not callable(found):
        raise ExtractorError(f"{EXTRACTOR_ENV}={spec!r}: not a function")
    return found


def choose_extractor(given: Extractor | None) -> tuple[Extractor, str]:
    """The extractor to use and the version that goes into content hashes: the one given,
    else the environment's, else the pipeline's. A replacement gets its own version, so
    its events are never taken for the real extractor's."""
    version = extractor_version()
    if given is not None:
        name = getattr(given, "__qualname__", type(given).__qualname__)
        return given, f"{version}+{getattr(given, '__module__', '?')}.{name}"
    spec = os.environ.get(EXTRACTOR_ENV)
    if spec:
        return resolve_extractor(spec), f"{version}+{spec}"
    return pipeline.extract_article, version


def extract_one(extractor: Extractor, article: Article) -> Outcome:
    """Extract one article; any exception becomes its error, so the batch goes on."""
    try:
        return Outcome(event_rows(extractor(article)))
    except Exception as exc:  # noqa: BLE001 - one article's bug must not stop the rest
        return Outcome([], f"extraction failed: {type(exc).__name__}: {exc}")


_worker_extractor: Extractor | None = None


def _init_worker(extractor: Extractor) -> None:
    global _worker_extractor
    _worker_extractor = extractor


def _extract_in_worker(articles: list[Article]) -> list[Outcome]:
    assert _worker_extractor is not None
    return [extract_one(_worker_extractor, article) for article in articles]


def extract_stream(tasks: Iterable[tuple[Article, str]], extractor: Extractor,
                   pool: ProcessPoolExecutor | None, jobs: int = 1
                   ) -> Iterator[tuple[Article, str, Outcome]]:
    """Each task's article extracted, in task order: in this process without a ``pool``,
    else by its ``jobs`` processes (started with ``_init_worker(extractor)``) with at
    most ``jobs * WINDOW_PER_JOB`` chunks in flight, so memory does not grow with the
    corpus."""
    if pool is None:
        for article, digest in tasks:
            yield article, digest, extract_one(extractor, article)
        return
    # Articles go to the workers CHUNK at a time: one hand-over per chunk, not per article.
    window: deque[tuple[list[tuple[Article, str]], Future[list[Outcome]]]] = deque()
    chunk: list[tuple[Article, str]] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) >= CHUNK:
            window.append((chunk, pool.submit(_extract_in_worker, [a for a, _ in chunk])))
            chunk = []
            if len(window) >= jobs * WINDOW_PER_JOB:
                yield from _settle(*window.popleft())
    if chunk:
        window.append((chunk, pool.submit(_extract_in_worker, [a for a, _ in chunk])))
    while window:
        yield from _settle(*window.popleft())


def _settle(chunk: list[tuple[Article, str]], future: Future[list[Outcome]]
            ) -> Iterator[tuple[Article, str, Outcome]]:
    try:
        outcomes = future.result()
    except Exception as exc:  # noqa: BLE001 - a worker died, or the result did not pickle
        outcomes = [Outcome([], f"extraction failed: {type(exc).__name__}: {exc}")] * len(chunk)
    for (article, digest), outcome in zip(chunk, outcomes):
        yield article, digest, outcome


# --- the run ------------------------------------------------------------------------------

class _Stager:
    """Collects a run's work and stages it every BATCH_SIZE articles or BATCH_SECONDS."""

    def __init__(self, store: Store, run: str) -> None:
        self.store, self.run = store, run
        self.batch = Batch()
        self.last = time.monotonic()

    def added(self) -> None:
        if len(self.batch) >= BATCH_SIZE or time.monotonic() - self.last >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if len(self.batch):
            stage(self.store, self.run, self.batch)
        self.batch = Batch()
        self.last = time.monotonic()
        give_back_freed()       # the batch's articles and results, of every size


def _to_extract(store: Store, items: Iterable[Article | LoadError], version: str,
                report: RunReport, stager: _Stager, tick: Callable[[], object]
                ) -> Iterator[tuple[Article, str]]:
    """The loaded articles that need extracting, with their content hashes; the rest
    (load errors, unchanged articles, extractions staged by a killed run) are dealt with
    here."""
    for item in items:
        report.read += 1
        if isinstance(item, LoadError):
            report.failures.append(Failure(item.path, item.message))
            tick()
            continue
        digest = content_hash(item, version)
        live, staged = stored_hashes(store, item.id)
        if digest == live:
            report.unchanged += 1
            stager.batch.seen.append((item.id, digest))
        elif digest == staged:
            report.extracted += 1
            report.resumed += 1
            stager.batch.resumed.append(item.id)
        else:
            yield item, digest
            continue
        tick()
        stager.added()


def count_files(paths: Iterable[StrPath]) -> int:
    """How many files a run will read (a walk, nothing loaded): for the progress bar and
    the choice of worker processes."""
    return sum(1 for _ in _article_files(paths))


def run(paths: Iterable[StrPath], db: StrPath = DEFAULT_PATH, json_out: StrPath | None = None,
        csv_out: StrPath | None = None, published: date | None = None, jobs: int | None = None,
        progress: bool = True, prune: bool = False, extractor: Extractor | None = None
        ) -> RunReport:
    """Load, extract and store every article in ``paths`` (files or folders); then write
    the exports asked for. Only changed articles are extracted. ``jobs`` defaults to every
    core; ``prune`` drops stored articles this run did not load (skipped if any failed).
    With more than one job, publishing also starts a fresh interpreter for its grouping
    (``extract.side_process``): a script that calls this must guard its entry point
    (``if __name__ == "__main__":``), as with any ``multiprocessing`` spawn. Raises
    StoreError when the database cannot be used, ExtractorError for a bad
    ``CHRONICLE_EXTRACTOR``."""
    paths = [paths] if isinstance(paths, (str, PathLike)) else list(paths)
    extractor, version = choose_extractor(extractor)
    total = count_files(paths)
    jobs = 1 if total < IN_PROCESS_BELOW else (jobs or os.cpu_count() or 1)
    show = progress and (sys.stderr.isatty() or total > PROGRESS_ABOVE)
    report = RunReport(db=str(db))
    if jobs > 1:
        use_one_heap()      # the pool's threads would each grow a heap of their own
    with ExitStack() as stack:
        store = stack.enter_context(open_store(db))
        stack.enter_context(writing(store))
        bar = stack.enter_context(tqdm(total=total, unit=" articles", file=sys.stderr,
                                       disable=not show, mininterval=0.5, dynamic_ncols=True))
        # The worker processes extract, then share the merging when publishing.
        pool = stack.enter_context(ProcessPoolExecutor(
            jobs, initializer=_init_worker, initargs=(extractor,))) if jobs > 1 else None
        run_id = new_run()
        stager = _Stager(store, run_id)
        articles = load_paths(paths, published, ids=run_ids(store))
        tasks = _to_extract(store, articles, version, report, stager, bar.update)
        for article, digest, outcome in extract_stream(tasks, extractor, pool, jobs):
            if outcome.error is None:
                report.extracted += 1
                stager.batch.extracted.append((article, digest, outcome.rows))
            else:
                report.failures.append(Failure(article.path or article.id, outcome.error))
                stager.batch.seen.append((article.id, digest))
            bar.update()
            stager.added()
        stager.flush()
        report.prune_skipped = prune and bool(report.failures)
        report.pruned = publish(store, run_id, prune=prune and not report.failures,
                                executor=pool)
        report.articles, report.events = count(store, "articles"), count(store, "events")
        if json_out is not None:
            export_json(store, json_out)
        if csv_out is not None:
            export_csv(store, csv_out)
    report.failures.sort(key=lambda failure: failure.path)
    return report


# --- the command line -------------------------------------------------------------------

def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-01-24") from None


def positive_int(text: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog="python -m extract",
        description="Find dated, sourced events in news articles and keep them in a "
                    "SQLite store. Only new or changed articles are extracted again.")
    result.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files (.md, .txt, .html) or folders of them")
    result.add_argument("--db", default=str(DEFAULT_PATH), metavar="FILE",
                        help=f"the store (default: {DEFAULT_PATH})")
    result.add_argument("--json", metavar="FILE", help="also write the events as JSON")
    result.add_argument("--csv", metavar="FILE", help="also write one CSV row per claim")
    result.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                        help="publication date for articles that give none of their own")
    result.add_argument("--jobs", type=positive_int, metavar="N",
                        help="worker processes (default: one per core; small runs use none)")
    result.add_argument("--prune", action="store_true",
                        help="drop stored articles this run did not load (removed files); "
                             "skipped when any article fails")
    result.add_argument("--quiet", action="store_true", help="no progress bar")
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the command line; 0 when every article was stored, 1 when some failed, 2 when
    the run could not start."""
    args = parser().parse_args(argv)
    try:
        report = run(args.paths, db=args.db, json_out=args.json, csv_out=args.csv,
                     published=args.published, jobs=args.jobs, progress=not args.quiet,
                     prune=args.prune)
    except (StoreError, ExtractorError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: the store is as the last complete run left it; run again to "
              "resume", file=sys.stderr)
        return 130
    for line in report.failure_lines():
        print(line, file=sys.stderr)
    print(report.summary())
    return 1 if report.failures else 0
