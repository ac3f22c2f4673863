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
   larger than a batch here, a report at a time, its claims written as they are made)
   and written to temporary tables, the events apart from their claims; then numbered
   in ``merge_events``' final order, read from an index of the sort keys (not a sort of
   whole rows), and copied out, events and claims, in steps of bounded size.

So no merged event is ever held whole: what a group takes to combine and write does
not grow with the articles that report it.

``tests/test_bench_events.py`` checks that the result is what ``merge_events`` makes.
"""
from __future__ import annotations

import json
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from contextlib import AbstractContextManager, nullcontext
from functools import partial
from itertools import groupby
from operator import itemgetter
from typing import Any

from extract import merge as merging
from extract.grouping import assign_groups
from extract.heap import give_back_freed
from extract.model import Claim, Event

EVENT_COLUMNS = ("position", "id", "type", "start", '"end"', "status", "label", "search", "json")
CLAIM_COLUMNS = ("event", "ordinal", "source", "search", "json")

_MERGE_BATCH = 2000
_MERGE_BUFFER = 100_000     # characters of JSON combined and written at once
_MERGE_WINDOW = 4           # batches being combined by other processes at once
_WRITE_ROWS = 5000          # merged events written per step (transaction) at the end
_CLAIM_ROWS = 500           # claims of a large group written to ``temp.merged_claims`` at once

GroupRows = tuple[tuple[Any, ...], list[tuple[Any, ...]]]   # a temp.merged row, its claims' rows


def stream_merge(connection: sqlite3.Connection, into: str, claims_into: str,
                 executor: Executor | None = None,
                 step: Callable[[], AbstractContextManager[Any]] = nullcontext) -> None:
    """Fill the tables ``into`` (empty, shaped as ``events``) and ``claims_into`` (empty,
    shaped as ``claims``) with what ``merge_events`` makes of the ``article_events`` of
    the articles ``temp.merge_articles`` lists (id, content hash); ``executor``'s
    processes, if given, combine the groups. Each ``_WRITE_ROWS`` events are written,
    with their claims, inside ``step()`` (the caller's transaction)."""
    connection.execute("DROP TABLE IF EXISTS temp.merge_groups")
    connection.execute("CREATE TEMP TABLE merge_groups (row INTEGER PRIMARY KEY, "
                       "grp INTEGER NOT NULL, ord INTEGER NOT NULL)")
    assign_groups(connection, elsewhere=executor is not None)
    connection.execute("CREATE INDEX temp.merge_groups_by_grp ON merge_groups (grp, ord)")
    connection.execute("DROP TABLE IF EXISTS temp.merged")
    connection.execute("CREATE TEMP TABLE merged (grp INTEGER PRIMARY KEY, sort_when TEXT, "
                       f"{', '.join(c + ' ' for c in EVENT_COLUMNS[1:])})")
    connection.execute("DROP TABLE IF EXISTS temp.merged_claims")
    connection.execute("CREATE TEMP TABLE merged_claims (grp INTEGER NOT NULL, "
                       f"{', '.join(c + ' ' for c in CLAIM_COLUMNS[1:])}, "
                       "PRIMARY KEY (grp, ordinal))")
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
    columns, claim_columns = ", ".join(EVENT_COLUMNS), ", ".join(CLAIM_COLUMNS)
    for first in range(0, total, _WRITE_ROWS):
        with step():
            connection.execute(
                f"INSERT INTO {into} ({columns}) SELECT o.position, "
                f"{', '.join('m.' + c for c in EVENT_COLUMNS[1:])} FROM temp.merged_order o "
                "JOIN temp.merged m ON m.grp = o.grp WHERE o.position >= ? AND o.position < ? "
                "ORDER BY o.position", (first, first + _WRITE_ROWS))
            connection.execute(
                f"INSERT INTO {claims_into} ({claim_columns}) SELECT o.position, "
                f"{', '.join('c.' + c for c in CLAIM_COLUMNS[1:])} FROM temp.merged_order o "
                "JOIN temp.merged_claims c ON c.grp = o.grp "
                "WHERE o.position >= ? AND o.position < ? ORDER BY o.position, c.ordinal",
                (first, first + _WRITE_ROWS))
    for table in ("merged_order", "merged", "merged_claims", "merge_groups"):
        connection.execute(f"DROP TABLE temp.{table}")


def _write_groups(connection: sqlite3.Connection, executor: Executor | None = None) -> None:
    """Pass 2: each group's events, in merge order, combined and written to
    ``temp.merged`` and its claims to ``temp.merged_claims``; combined by ``executor``'s
    processes when one is given (batches in order, a few at a time, so memory stays
    bounded). A group larger than a batch is combined here, a report at a time, its
    claims written as they are made (``merge.Combining``)."""
    cursor = connection.execute(
        "SELECT m.grp, a.json FROM temp.merge_groups m "
        "JOIN article_events a ON a.rowid = m.row ORDER BY m.grp, m.ord")
    try:
        batches = _batches(_small_groups(cursor, partial(_LargeGroup, connection)))
        if executor is None:
            for batch in batches:
                _insert_merged(connection, merged_rows(batch))
            return
        window: deque[Future[list[GroupRows]]] = deque()
        for batch in batches:
            window.append(executor.submit(merged_rows, batch))
            if len(window) >= _MERGE_WINDOW:
                _insert_merged(connection, window.popleft().result())
        while window:
            _insert_merged(connection, window.popleft().result())
    finally:
        cursor.close()      # a failure's clean-up drops tables this read holds


class _LargeGroup:
    """A group too large to combine whole: its reports combined one at a time, each
    claim written to ``temp.merged_claims`` a few hundred rows at a time, and at the end
    (``close``) the event to ``temp.merged``."""

    def __init__(self, connection: sqlite3.Connection, grp: int) -> None:
        self.connection = connection
        self.grp = grp
        self.rows: list[tuple[Any, ...]] = []
        self.ordinal = 0
        self.fold = merging.Combining(on_claim=self._claim)

    def add(self, text: str) -> None:
        self.fold.add(Event.from_dict(json.loads(text)))

    def _claim(self, claim: Claim) -> None:
        self.rows.append(claim_row(self.grp, self.ordinal, claim))
        self.ordinal += 1
        if len(self.rows) >= _CLAIM_ROWS:
            self._flush()

    def _flush(self) -> None:
        self.connection.executemany(_INSERT_CLAIMS, self.rows)
        self.rows = []

    def close(self) -> None:
        event = self.fold.result()
        self._flush()
        _insert_merged(self.connection, [(_combined_row(self.grp, event), [])])


def _small_groups(rows: Iterable[tuple[int, str]], large: Callable[[int], _LargeGroup]
                  ) -> Iterator[tuple[int, list[str]]]:
    """The groups of ``rows`` ((group, a report's JSON), by group, in merge order) as
    (group, its reports' JSON), but those whose reports pass ``_MERGE_BUFFER``
    characters: those are combined here by ``large(group)``, a report at a time. The
    largest events grow with the corpus (a story that thousands of articles report);
    holding them whole, several at once, would too."""
    for grp, members in groupby(rows, key=itemgetter(0)):
        texts: list[str] = []
        size = 0
        fold: _LargeGroup | None = None
        for _grp, text in members:
            if fold is not None:
                fold.add(text)
                continue
            texts.append(text)
            size += len(text)
            if size > _MERGE_BUFFER:
                fold = large(grp)
                for earlier in texts:
                    fold.add(earlier)
                texts = []
        if fold is None:
            yield grp, texts
        else:
            fold.close()


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


def merged_rows(groups: list[tuple[int, list[str]]]) -> list[GroupRows]:
    """``temp.merged`` rows of groups given as (number, their reports' JSON in merge
    order), each with its claims' ``temp.merged_claims`` rows: pure, so worker processes
    can do it."""
    return [_merged_group_rows(grp, members) for grp, members in groups]


def _merged_group_rows(grp: int, members: list[str]) -> GroupRows:
    if len(members) == 1:   # most groups: no objects to rebuild
        merged = merging.combine_single(json.loads(members[0]))
        (claim,) = merged["claims"]
        merged["claims"] = []
        when = merged["when"]
        return ((grp, when["start"] or when["end"], *_row_from_dict(merged)),
                [(grp, 0, claim["source"], _claim_search(claim["sentence"], claim["attribution"],
                                                         claim["source"]),
                  json.dumps(claim, ensure_ascii=False))])
    event = merging._combine([Event.from_dict(json.loads(text)) for text in members])
    return (_combined_row(grp, event),
            [claim_row(grp, ordinal, claim) for ordinal, claim in enumerate(event.claims)])


def _combined_row(grp: int, event: Event) -> tuple[Any, ...]:
    """A ``temp.merged`` row: the group's number, the key it is sorted by, the
    ``events`` columns but the position."""
    when = event.when.start or event.when.end
    return (grp, when.isoformat() if when else None, *event_row(0, event)[1:])


def _row_from_dict(data: dict[str, Any]) -> tuple[Any, ...]:
    """``event_row(...)[1:]`` from an event's JSON form (``data``, claims empty)."""
    when = data["when"]
    return (data["id"], data["type"], when["start"], when["end"], data["status"], data["label"],
            _event_search(data["label"], data["actors"], data["places"]),
            json.dumps(data, ensure_ascii=False))


_INSERT_CLAIMS = (f"INSERT INTO temp.merged_claims (grp, {', '.join(CLAIM_COLUMNS[1:])}) "
                  f"VALUES ({', '.join('?' * len(CLAIM_COLUMNS))})")


def _insert_merged(connection: sqlite3.Connection, groups: list[GroupRows]) -> None:
    connection.executemany(f"INSERT INTO temp.merged VALUES "
                           f"({', '.join('?' * (len(EVENT_COLUMNS) + 1))})",
                           [row for row, _claims in groups])
    connection.executemany(_INSERT_CLAIMS, [claim for _row, claims in groups for claim in claims])
    give_back_freed()   # the rows held the claims of up to hundreds of reports


def event_row(position: int, event: Event) -> tuple[Any, ...]:
    """A merged event as an ``events`` row (EVENT_COLUMNS): the columns readers filter
    on, the text ``read_events(text=...)`` searches, and the event's JSON without its
    claims (``claim_row`` makes theirs)."""
    when = event.when
    return (position, event.id, event.type,
            when.start.isoformat() if when.start else None,
            when.end.isoformat() if when.end else None,
            event.status, event.label, _event_search(event.label, event.actors, event.places),
            event.json_without_claims())


def claim_row(event: int, ordinal: int, claim: Claim) -> tuple[Any, ...]:
    """A claim as a ``claims`` row (CLAIM_COLUMNS): the ``ordinal``-th claim of the event
    at position ``event`` (or of group ``event``, in ``temp.merged_claims``)."""
    return (event, ordinal, claim.source,
            _claim_search(claim.sentence, claim.attribution, claim.source), claim.to_json())


def event_and_claim_rows(position: int, event: Event
                         ) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    """A merged event as its ``events`` row and its ``claims`` rows."""
    return event_row(position, event), [claim_row(position, ordinal, claim)
                                        for ordinal, claim in enumerate(event.claims)]


def _event_search(label: str, actors: Iterable[str], places: Iterable[str]) -> str:
    """What ``read_events(text=...)`` searches of an event itself: its label, actors and
    places, case-folded (its claims' text is searched on the claims)."""
    return "\n".join([word.casefold() for word in (label, *actors, *places)])


def _claim_search(sentence: str, attribution: str | None, source: str | None) -> str:
    """What ``read_events(text=...)`` searches of a claim: its sentence, attribution and
    source, case-folded."""
    return "\n".join([sentence.casefold(), (attribution or "").casefold(),
                      (source or "").casefold()])
