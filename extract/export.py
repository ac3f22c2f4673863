"""Files out of the store: the event file (JSON) and the claim table (CSV).

The row and line builders are pure; ``atomic_write`` is the one edge, so that a reader
never sees half a file: it writes a temporary file beside the target and renames it over.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from os import PathLike
from pathlib import Path
from typing import IO

from extract.model import Event

CSV_COLUMNS = ("event_id", "type", "label", "start", "end", "granularity", "status", "actors",
               "places", "source", "article_id", "published", "attribution", "figures",
               "sentence")
LIST_SEPARATOR = "; "   # actors, places and figures within one CSV cell


def csv_rows(event: Event) -> list[list[str]]:
    """One row per claim of ``event`` (one row with empty claim cells if it has none, so
    that no event goes missing from the table)."""
    when = event.when
    common = [event.id, event.type, event.label,
              when.start.isoformat() if when.start else "",
              when.end.isoformat() if when.end else "",
              when.granularity or "", event.status,
              LIST_SEPARATOR.join(event.actors), LIST_SEPARATOR.join(event.places)]
    if not event.claims:
        return [common + [""] * (len(CSV_COLUMNS) - len(common))]
    return [common + [claim.source or "", claim.article_id, claim.published,
                      claim.attribution or "",
                      LIST_SEPARATOR.join(q.text for q in claim.quantities), claim.sentence]
            for claim in event.claims]


def write_csv(out: IO[str], events: Iterable[Event]) -> None:
    """The claim table, header first, streamed event by event."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in events:
        writer.writerows(csv_rows(event))


def json_lines(generated: str, event_json: Iterable[str]) -> Iterator[str]:
    """``{"generated": ..., "events": [...]}`` as pieces of text, one event a line, from
    events already serialised: the file is streamed, never built whole in memory."""
    yield "{" + f'"generated": {json.dumps(generated)},\n"events": ['
    separator = "\n"
    for text in event_json:
        yield separator + text
        separator = ",\n"
    yield "]}\n" if separator == "\n" else "\n]}\n"


@contextmanager
def atomic_write(path: str | PathLike[str]) -> Iterator[io.TextIOWrapper]:
    """Open a temporary file beside ``path`` for text; on success it replaces ``path`` in
    one rename, on failure it is removed and ``path`` is left as it was."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                         suffix=".tmp")
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp's 0600 would hide it from others
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
