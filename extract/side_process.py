"""A stateful step over a stream, run in a process of its own.

Publishing's grouping keeps state from one batch of events to the next, so it cannot be
shared out to a pool; but it can run beside the process that reads the store, one
batch behind it. A fresh interpreter (``spawn``), not a copy of the caller, so its
memory is only what the step holds, and it is all given back when the step ends.
"""
from __future__ import annotations

import multiprocessing
import queue
import traceback
from collections.abc import Callable, Iterable, Iterator
from typing import Any

WINDOW = 3              # batches handed over and not yet answered
_POLL_SECONDS = 0.5     # how often a wait checks that the other process is still there
_DONE = None


class SideProcessError(RuntimeError):
    """The step failed, or its process ended without answering."""


def map_in_process(start: Callable[[], Callable[[Any], Any]], batches: Iterable[Any],
                   window: int = WINDOW) -> Iterator[Any]:
    """``step(batch)`` for each batch, in order, where ``step = start()`` runs in a
    process of its own; ``start`` must be importable (a module-level function), and so
    must every batch and answer be picklable. At most ``window`` batches wait for an
    answer, so memory does not grow with the stream. Raises SideProcessError (with the
    other process's traceback) if the step raises or its process dies."""
    context = multiprocessing.get_context("spawn")
    inbox, outbox = context.Queue(), context.Queue()
    process = context.Process(target=_serve, args=(start, inbox, outbox), daemon=True,
                              name="chronicle-side")
    process.start()
    try:
        waiting = 0
        for batch in batches:
            inbox.put(batch)
            waiting += 1
            if waiting >= window:
                yield _answer(outbox, process)
                waiting -= 1
        inbox.put(_DONE)
        for _ in range(waiting):
            yield _answer(outbox, process)
    finally:
        if process.is_alive():
            inbox.put(_DONE)
            process.join(5)
            if process.is_alive():
                process.terminate()
        process.join()
        for channel in (inbox, outbox):
            channel.cancel_join_thread()    # nobody is left to read what is unsent
            channel.close()


def _answer(outbox: Any, process: Any) -> Any:
    while True:
        try:
            ok, value = outbox.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            if not process.is_alive():
                raise SideProcessError(f"the side process ended (exit code "
                                       f"{process.exitcode}) without answering") from None
            continue
        if not ok:
            raise SideProcessError(f"the side process failed:\n{value}")
        return value


def _serve(start: Callable[[], Callable[[Any], Any]], inbox: Any, outbox: Any) -> None:
    """The side process: answer each batch until told it is done, or the caller is
    gone."""
    parent = multiprocessing.parent_process()
    try:
        step = start()
        while True:
            try:
                batch = inbox.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if parent is not None and not parent.is_alive():
                    return
                continue
            if batch is _DONE:
                return
            outbox.put((True, step(batch)))
    except BaseException:   # noqa: BLE001 - whatever it is, the caller must hear of it
        outbox.put((False, traceback.format_exc()))
