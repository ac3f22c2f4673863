"""Publishing's merge: ``merge_events`` over a whole store, streamed through SQL.

``merge_events`` holds every event and compares each with the best-dated report of
every group made so far: quadratic, and all in memory. Publishing does the same merge,
with the same result, in two streaming passes over SQL:

1. the per-article events in merge order, each compared only with the groups it can
   join, each group keeping only its best-dated report, light; at most ``WARM_GROUPS``
   groups stay in memory, the rest spilled to temporary tables (``extract.grouping``).
   Memory is therefore bounded, whatever the corpus. Which group each event joined goes
   to a temporary table.
2. the events again, group by group, each group combined by ``merge._combine`` (by the
   run's worker processes when there are some, a few small batches at a time; a group
   larger than a batch here, a report at a time) and written to a temporary table; then
   numbered in ``merge_events``' final order, read from an index of the sort keys (not
   a sort of whole rows), and copied out in steps of bounded size.

``tests/test_bench_events.py`` checks that the result is what ``merge_events`` makes.
"""
from __future__ import annotations

import json
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from contextlib import AbstractContextManager, nullcontext
from itertools import groupby
from operator import itemgetter
from typing import Any

from extract import merge as merging
from extract.grouping import assign_groups
from extract.heap import give_back_freed
from extract.model import Event

EVENT_COLUMNS = ("position", "id", "type", "start", '"end"', "status", "label", "search", "json")

_MERGE_BATCH = 2000
_MERGE_BUFFER = 100_000     # characters of JSON combined and written at once
_MERGE_WINDOW = 4           # batches being combined by other processes at once
_WRITE_ROWS = 5000          # merged events written per step (transaction) at the end


def stream_merge(connection: sqlite3.Connection, into: str, executor: Executor | None = None,
                 step: Callable[[], AbstractContextManager[Any]] = nullcontext) -> None:
    """Fill the table ``into`` (empty, shaped as ``events``) with what ``merge_events``
    makes of the ``article_events`` of the articles ``temp.merge_articles`` lists (id,
    content hash); ``executor``'s processes, if given, combine the groups. Each
    ``_WRITE_ROWS`` rows are written inside ``step()`` (the caller's transaction)."""
    connection.execute("DROP TABLE IF EXISTS temp.merge_groups")
    connection.execute("CREATE TEMP TABLE merge_groups (row INTEGER PRIMARY KEY, "
                       "grp INTEGER NOT NULL, ord INTEGER NOT NULL)")
    assign_groups(connection, elsewhere=executor is not None)
    connection.execute("CREATE INDEX temp.merge_groups_by_grp ON merge_groups (grp, ord)")
    connection.execute("DROP TABLE IF EXISTS temp.merged")
    connection.execute("CREATE TEMP TABLE merged (grp INTEGER PRIMARY KEY, sort_when TEXT, "
                       f"{', '.join(c + ' ' for c in EVENT_COLUMNS[1:])})")
    _write_groups(connection, executor)
    # Numbered in the order of an index of the keys alone: sorting whole rows would hold
    # far more of them in memory.
    connection.execute("CREATE INDEX temp.merged_in_order ON merged (sort_when, type, id, grp)")
    connection.execute("DROP TABLE IF EXISTS temp.merged_order")
    connection.execute("CREATE TEMP TABLE merged_order (position INTEGER PRIMARY KEY, "
                       "grp INTEGER NOT NULL)")
    connection.execute("INSERT INTO temp.merged_order (position, grp) SELECT row_number() "
                       "OVER (ORDER BY sort_when, type, id, grp) - 1, grp FROM temp.merged")
    total = connection.execute("SELECT count(*) FROM temp.merged_order").fetchone()[0]
    columns = ", ".join(EVENT_COLUMNS)
    for first in range(0, total, _WRITE_ROWS):
        with step():
            connection.execute(
                f"INSERT INTO {into} ({columns}) SELECT o.position, "
                f"{', '.join('m.' + c for c in EVENT_COLUMNS[1:])} FROM temp.merged_order o "
                "JOIN temp.merged m ON m.grp = o.grp WHERE o.position >= ? AND o.position < ? "
                "ORDER BY o.position", (first, first + _WRITE_ROWS))
    for table in ("merged_order", "merged", "merge_groups"):
        connection.execute(f"DROP TABLE temp.{table}")


def _write_groups(connection: sqlite3.Connection, executor: Executor | None = None) -> None:
    """Pass 2: each group's events, in merge order, combined and written to
    ``temp.merged``; combined by ``executor``'s processes when one is given (batches in
    order, a few at a time, so memory stays bounded). A group larger than a batch is
    combined here, a report at a time (``merge.Combining``)."""
    cursor = connection.execute(
        "SELECT m.grp, a.json FROM temp.merge_groups m "
        "JOIN article_events a ON a.rowid = m.row ORDER BY m.grp, m.ord")
    batches = _batches(_small_groups(cursor, lambda row: _insert_merged(connection, [row])))
    if executor is None:
        for batch in batches:
            _insert_merged(connection, merged_rows(batch))
        return
    window: deque[Future[list[tuple[Any, ...]]]] = deque()
    for batch in batches:
        window.append(executor.submit(merged_rows, batch))
        if len(window) >= _MERGE_WINDOW:
            _insert_merged(connection, window.popleft().result())
    while window:
        _insert_merged(connection, window.popleft().result())


def _small_groups(rows: Iterable[tuple[int, str]], write_large: Callable[[tuple[Any, ...]], None]
                  ) -> Iterator[tuple[int, list[str]]]:
    """The groups of ``rows`` ((group, a report's JSON), by group, in merge order) as
    (group, its reports' JSON), but those whose reports pass ``_MERGE_BUFFER``
    characters: those are combined here, a report at a time, and ``write_large`` gets
    their ``temp.merged`` row. The largest events grow with the corpus (a story that
    thousands of articles report); holding them whole, several at once, would too."""
    for grp, members in groupby(rows, key=itemgetter(0)):
        texts: list[str] = []
        size = 0
        fold: merging.Combining | None = None
        for _grp, text in members:
            if fold is not None:
                fold.add(Event.from_dict(json.loads(text)))
                continue
            texts.append(text)
            size += len(text)
            if size > _MERGE_BUFFER:
                fold = merging.Combining()
                for earlier in texts:
                    fold.add(Event.from_dict(json.loads(earlier)))
                texts = []
        if fold is None:
            yield grp, texts
        else:
            write_large(_combined_row(grp, fold.result()))


def _batches(groups: Iterable[tuple[int, list[str]]]
             ) -> Iterator[list[tuple[int, list[str]]]]:
    """Groups in batches of at most ``_MERGE_BATCH`` groups or about ``_MERGE_BUFFER``
    characters of JSON (no group passes it: ``_small_groups``), so batches do not grow
    with the corpus."""
    batch: list[tuple[int, list[str]]] = []
    size = 0
    for group in groups:
        batch.append(group)
        size += sum(len(text) for text in group[1])
        if len(batch) >= _MERGE_BATCH or size >= _MERGE_BUFFER:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def merged_rows(groups: list[tuple[int, list[str]]]) -> list[tuple[Any, ...]]:
    """``temp.merged`` rows of groups given as (number, their reports' JSON in merge
    order): pure, so worker processes can do it."""
    return [_merged_group_row(grp, members) for grp, members in groups]


def _merged_group_row(grp: int, members: list[str]) -> tuple[Any, ...]:
    if len(members) == 1:   # most groups: no objects to rebuild
        data = json.loads(members[0])
        merged = merging.combine_single(data)
        # The pipeline's own events are already in merged form: their text stands.
        text = members[0] if merged == data else json.dumps(merged, ensure_ascii=False)
        when = merged["when"]
        return (grp, when["start"] or when["end"], *_row_from_dict(merged, text))
    return _combined_row(grp, merging._combine([Event.from_dict(json.loads(text))
                                                for text in members]))


def _combined_row(grp: int, event: Event) -> tuple[Any, ...]:
    """A ``temp.merged`` row: the group's number, the key it is sorted by, the
    ``events`` columns but the position."""
    when = event.when.start or event.when.end
    return (grp, when.isoformat() if when else None, *merged_row(0, event)[1:])


def _row_from_dict(data: dict[str, Any], text: str) -> tuple[Any, ...]:
    """``merged_row(...)[1:]`` from an event's JSON form (``data``, and ``text``: it
    dumped)."""
    when = data["when"]
    search = _search_text(data["label"], data["actors"], data["places"],
                          ((c["sentence"], c["attribution"], c["source"]) for c in data["claims"]))
    return (data["id"], data["type"], when["start"], when["end"], data["status"], data["label"],
            search, text)


def _insert_merged(connection: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    connection.executemany(f"INSERT INTO temp.merged VALUES "
                           f"({', '.join('?' * (len(EVENT_COLUMNS) + 1))})", rows)
    give_back_freed()   # the rows held events of up to hundreds of kilobytes


def merged_row(position: int, event: Event) -> tuple[Any, ...]:
    """A merged event as an ``events`` row (EVENT_COLUMNS): the columns readers filter
    on, the text ``read_events(text=...)`` searches, and the event's JSON."""
    when = event.when
    search = _search_text(event.label, event.actors, event.places,
                          ((c.sentence, c.attribution, c.source) for c in event.claims))
    return (position, event.id, event.type,
            when.start.isoformat() if when.start else None,
            when.end.isoformat() if when.end else None,
            event.status, event.label, search, event.to_json())


def _search_text(label: str, actors: Iterable[str], places: Iterable[str],
                 claims: Iterable[tuple[str, str | None, str | None]]) -> str:
    """What ``read_events(text=...)`` searches: the label, actors and places, and each
    claim's sentence, attribution and source, case-folded."""
    words = [label, *actors, *places]
    for sentence, attribution, source in claims:
        words += [sentence, attribution or "", source or ""]
    # Word by word, then one join: no uncased text of the whole event on the way.
    return "\n".join([word.casefold() for word in words])


