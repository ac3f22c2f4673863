"""The SQLite store: articles, each article's own events, and the merged events.

Three layers, each derived from the one before, so nothing is lost: ``articles`` (the
loaded article, text included), ``article_events`` (what ``extract_article`` made of it,
one claim per event) and ``events`` (what ``merge_events`` makes of all of them, with
columns to query by date, type and status quickly; the dashboard reads this one).

Why it survives ``kill -9`` at any moment: a run first *stages* its work, batch by
batch, in ``staged_articles``/``staged_events`` (each batch one short transaction), and
only at the end *publishes* it, in one transaction that replaces the changed articles'
events and recomputes ``events`` from all ``article_events``. The live tables therefore
change only in that one commit: a killed run leaves them exactly as the previous run
left them, and ``events`` always agrees with ``article_events``. What a killed run had
staged is not thrown away: a rerun reuses each staged extraction whose content hash still
matches (see ``stored_hashes``), so a long run resumes instead of starting over.

One writer at a time: a run holds ``writing(store)``, a lock the operating system drops
when the process dies, so a killed run never leaves it behind. Readers never block: the
database is in WAL mode.
"""
from __future__ import annotations

import bisect
import fcntl
import hashlib
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from os import PathLike
from pathlib import Path
from typing import Any

from extract import merge as merging
from extract import pipeline
from extract.article import Article
from extract.export import atomic_write, json_lines, write_csv
from extract.events.lexicon import lexicon
from extract.model import Claim, Event, Quantity
from extract.timex.span import TimeSpan

DEFAULT_PATH = Path("data") / "chronicle.db"
SCHEMA_VERSION = 1
# Bump to make every stored article count as changed (re-extracted on the next run). The
# pipeline may define its own EXTRACTOR_VERSION; both go into every content hash.
EXTRACTOR_VERSION = "1"

StrPath = str | PathLike[str]
EventRow = tuple[str, str]          # (event id, the event's JSON)

# MIGRATIONS[n] takes a store from schema version n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        path TEXT,
        source TEXT,
        title TEXT NOT NULL,
        url TEXT,
        published TEXT NOT NULL,
        published_basis TEXT NOT NULL,
        language TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        extracted_at TEXT NOT NULL,
        json TEXT NOT NULL
    );
    CREATE TABLE article_events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
    );
    -- position: the order merge_events gave; ids are unique when the merge works
    CREATE TABLE events (
        position INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        start TEXT,
        "end" TEXT,
        status TEXT NOT NULL,
        label TEXT NOT NULL,
        search TEXT NOT NULL,
        json TEXT NOT NULL
    );
    CREATE INDEX events_by_id ON events (id);
    CREATE INDEX events_by_time ON events (start, "end");
    CREATE INDEX events_by_type ON events (type, start);
    -- a run's work until it is published; extracted = 0: seen but kept as it was
    CREATE TABLE staged_articles (
        id TEXT PRIMARY KEY,
        run TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        extracted INTEGER NOT NULL,
        path TEXT,
        source TEXT,
        title TEXT,
        url TEXT,
        published TEXT,
        published_basis TEXT,
        language TEXT,
        extracted_at TEXT,
        json TEXT
    );
    CREATE INDEX staged_by_run ON staged_articles (run, extracted);
    CREATE TABLE staged_events (
        article_id TEXT NOT NULL REFERENCES staged_articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
    );
    """,
)
EVENT_COLUMNS = ("position", "id", "type", "start", '"end"', "status", "label", "search", "json")
ARTICLE_COLUMNS = ("id", "path", "source", "title", "url", "published", "published_basis",
                   "language", "content_hash", "extracted_at", "json")


class StoreError(Exception):
    """A database that cannot be used, with a message that says why."""


@dataclass
class Store:
    """An open store: the connection (autocommit; transactions are explicit) and its path."""

    connection: sqlite3.Connection
    path: Path

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class Batch:
    """One batch of a run's work, staged in one transaction."""

    extracted: list[tuple[Article, str, list[EventRow]]] = field(default_factory=list)
    seen: list[tuple[str, str]] = field(default_factory=list)   # (id, hash): kept as stored
    resumed: list[str] = field(default_factory=list)            # ids staged by a killed run

    def __len__(self) -> int:
        return len(self.extracted) + len(self.seen) + len(self.resumed)


# --- opening and migrating -------------------------------------------------------------

def open_store(path: StrPath = DEFAULT_PATH) -> Store:
    """Open the store at ``path``, creating it (and its folder) or migrating it to the
    current schema. Raises StoreError for a file that is not a store, or one written by
    a newer Chronicle."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=60, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")  # WAL: safe against crashes
        connection.execute("PRAGMA foreign_keys = ON")
        _migrate(connection, path)
    except sqlite3.DatabaseError as exc:
        connection.close()
        raise StoreError(f"{path}: is not a Chronicle database ({exc})") from None
    except BaseException:
        connection.close()
        raise
    return Store(connection, path)


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to date; a store that is up to date is only read, so readers
    opening it never wait for a writer."""
    if _checked_version(connection, path) == SCHEMA_VERSION:
        return
    with _transaction(connection):
        version = _checked_version(connection, path)   # another process may have won
        for step in MIGRATIONS[version:]:
            for statement in _statements(step):
                connection.execute(statement)
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                           (str(SCHEMA_VERSION),))


def _checked_version(connection: sqlite3.Connection, path: Path) -> int:
    version = schema_version(connection)
    if version is None:
        raise StoreError(f"{path}: is not a Chronicle database (it has tables but no "
                         "`meta` table): use another --db")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path}: has schema version {version}, newer than this "
                         f"Chronicle knows ({SCHEMA_VERSION}): update Chronicle or "
                         "use another --db")
    return version


def schema_version(connection: sqlite3.Connection) -> int | None:
    """The schema version the database holds: 0 for a new, empty one, None for a
    database that is not Chronicle's."""
    has_meta = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                  "AND name = 'meta'").fetchone()
    if not has_meta:
        return None if connection.execute("SELECT 1 FROM sqlite_master").fetchone() else 0
    row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration script, so they run inside our own transaction
    (``executescript`` would commit first)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""


class _transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on any exception."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> sqlite3.Connection:
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection

    def __exit__(self, kind: type | None, *rest: object) -> None:
        self.connection.execute("COMMIT" if kind is None else "ROLLBACK")


# --- content hashes ----------------------------------------------------------------------

def extractor_version() -> str:
    """What the content hash records of the code that extracts: changing either version
    makes every article count as changed."""
    return f"{EXTRACTOR_VERSION}/{getattr(pipeline, 'EXTRACTOR_VERSION', '0')}"


def content_hash(article: Article, version: str) -> str:
    """A hash of everything extraction reads (text and metadata, not where the file lies)
    and of the extractor's version: unchanged hash, unchanged events."""
    data = article.to_dict()
    data.pop("path", None)
    payload = json.dumps([version, data], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def stored_hashes(store: Store, article_id: str) -> tuple[str | None, str | None]:
    """The content hash of the article as published, and of an extraction of it that is
    staged but not yet published (by this run or a killed one)."""
    connection = store.connection
    live = connection.execute("SELECT content_hash FROM articles WHERE id = ?",
                              (article_id,)).fetchone()
    staged = connection.execute("SELECT content_hash FROM staged_articles WHERE id = ? "
                                "AND extracted = 1", (article_id,)).fetchone()
    return (live[0] if live else None), (staged[0] if staged else None)


# --- writing: stage in batches, publish at the end ------------------------------------

@contextmanager
def writing(store: Store) -> Iterator[None]:
    """Hold the store's writer lock (``FILE.lock`` beside it) or raise StoreError: two
    runs at once would publish each other's half-staged work."""
    with open(f"{store.path}.lock", "a", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"{store.path}: another run is writing to it; wait for it to "
                             "end") from None
        yield


def new_run() -> str:
    """A token that marks which staged rows belong to this run."""
    return uuid.uuid4().hex


def event_rows(events: Iterable[Event]) -> list[EventRow]:
    """Events as the store keeps them: id and JSON (as ``Event.to_dict`` gives it)."""
    return [(event.id, json.dumps(event.to_dict(), ensure_ascii=False)) for event in events]


def stage(store: Store, run: str, batch: Batch, extracted_at: str | None = None) -> None:
    """Stage one batch of a run, in one transaction. Nothing readers see changes yet."""
    extracted_at = extracted_at or _now()
    with _transaction(store.connection) as connection:
        ids = [(a.id,) for a, _, _ in batch.extracted] + [(i,) for i, _ in batch.seen]
        connection.executemany("DELETE FROM staged_articles WHERE id = ?", ids)
        connection.executemany(
            f"INSERT INTO staged_articles (run, extracted, {', '.join(ARTICLE_COLUMNS)}) "
            f"VALUES (?, 1, {', '.join('?' * len(ARTICLE_COLUMNS))})",
            [(run, *_article_row(article, digest, extracted_at))
             for article, digest, _ in batch.extracted])
        connection.executemany(
            "INSERT INTO staged_events (article_id, position, event_id, json) "
            "VALUES (?, ?, ?, ?)",
            [(article.id, position, event_id, text)
             for article, _, rows in batch.extracted
             for position, (event_id, text) in enumerate(rows)])
        connection.executemany("INSERT INTO staged_articles (id, run, content_hash, extracted) "
                               "VALUES (?, ?, ?, 0)",
                               [(i, run, digest) for i, digest in batch.seen])
        connection.executemany("UPDATE staged_articles SET run = ? WHERE id = ?",
                               [(run, i) for i in batch.resumed])


def publish(store: Store, run: str, prune: bool = False) -> int:
    """Make a run's staged work live and recompute the merged events, all in one
    transaction. ``prune`` also drops the stored articles this run did not see. Returns
    how many articles were pruned."""
    with _transaction(store.connection) as connection:
        chosen = "SELECT id FROM staged_articles WHERE run = ? AND extracted = 1"
        connection.execute(f"DELETE FROM articles WHERE id IN ({chosen})", (run,))
        columns = ", ".join(ARTICLE_COLUMNS)
        connection.execute(f"INSERT INTO articles ({columns}) SELECT {columns} "
                           "FROM staged_articles WHERE run = ? AND extracted = 1", (run,))
        connection.execute(
            "INSERT INTO article_events (article_id, position, event_id, json) "
            "SELECT e.article_id, e.position, e.event_id, e.json FROM staged_events e "
            "JOIN staged_articles s ON s.id = e.article_id WHERE s.run = ? AND s.extracted = 1",
            (run,))
        pruned = 0
        if prune:
            pruned = connection.execute("DELETE FROM articles WHERE id NOT IN "
                                        "(SELECT id FROM staged_articles WHERE run = ?)",
                                        (run,)).rowcount
        connection.execute("DELETE FROM staged_articles")
        _remerge(connection)
    return pruned


def _remerge(connection: sqlite3.Connection) -> None:
    connection.execute("DELETE FROM events")
    if merging.merge_events is not _MERGE_EVENTS:
        # A stand-in merge (tests): it sees every event at once, as merge_events is called.
        merged = list(merging.merge_events(_article_events(connection)))
        connection.executemany(
            f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})",
            (merged_row(position, event) for position, event in enumerate(merged)))
        return
    _stream_merge(connection)


# --- merging at scale ----------------------------------------------------------------------
#
# ``merge_events`` holds every event and compares each with the best-dated report of
# every group made so far: quadratic, and all in memory. Publishing does the same
# merge, with the same result, in two streaming passes over SQL:
#
# 1. the per-article events in merge order (``merge._order``, as SQL), each compared
#    only with the groups it can join: same type and direction in time (``merge._forward``)
#    and, for statements, same status and speaker (actors related through ``part_of``);
#    the time spans of the groups' best-dated reports are checked first, exactly as
#    ``merge._times_fit`` does, then ``merge._same`` decides. Each group keeps only its
#    best-dated report (``max`` by ``merge._time_rank``, the first of equals), light (no
#    sentences), so memory grows with the groups' few fields, not with the claims' text.
#    Which group each event joined goes to a temporary table.
# 2. the events again, group by group, each group combined by ``merge._combine`` and
#    written; then numbered in ``merge_events``' final order.
#
# ``tests/test_bench_events.py`` checks that the result is what ``merge_events`` makes.

_MERGE_EVENTS = merging.merge_events      # the genuine merge (tests may stand one in)
_MERGE_BATCH = 2000
_FAR_PAST, _FAR_FUTURE = -1, 10**7        # date ordinals beyond any real span


def _merge_order_sql() -> str:
    """``merge._order`` as an ORDER BY over ``article_events`` (then the input order, as
    Python's stable sort keeps it)."""
    claim = "json_extract(json, '$.claims[0].{}')"
    return ", ".join([claim.format(k) for k in ("published", "article_id", "sentence_start",
                                                "trigger_start")]
                     + ["json_extract(json, '$.type')", "article_id", "position"])


class _Group:
    __slots__ = ("number", "rep", "rank", "low", "high", "root", "homes")

    def __init__(self, number: int, event: Event, root: str | None) -> None:
        self.number = number
        self.root = root
        self.homes: list[tuple] = []
        self.take(event)

    def take(self, event: Event) -> None:
        self.rep = _light(event)
        self.rank = merging._time_rank(event)
        self.low, self.high = _reach(event)


def _light(event: Event) -> Event:
    """What comparing (``merge._same``, ``merge._time_rank``) reads of an event: its
    type, status, actors, places, topic, time span and basis, and which articles its
    claims come from; no text."""
    when = event.when
    span = TimeSpan("", 0, 0, when.kind, "", when.start, when.end, when.granularity,
                    when.mod, None, None, "")
    claims = [Claim(c.article_id, None, c.published, "", 0, 0, "", 0, 0)
              for c in event.claims]
    first_figure = next((q.value for q in event.quantities if q.value), None)
    return Event("", event.type, "", span, event.status, event.actors, event.places,
                 _figure(first_figure), claims, event.confidence, event.when_basis, event.topic)


def _figure(value: float | None) -> tuple[Quantity, ...]:
    """The first figure, all ``merge._figures_fit`` reads."""
    return (Quantity("", value),) if value else ()


def _light_from_columns(kind: str, status: str, actors: str, places: str, topic: str | None,
                        basis: str, confidence: float, when_kind: str, start: str | None,
                        end: str | None, granularity: str | None, mod: str | None,
                        figure: float | None, claims: str) -> Event:
    """``_light(Event.from_dict(...))`` from the columns SQLite extracted."""
    span = TimeSpan("", 0, 0, when_kind, "", date.fromisoformat(start) if start else None,
                    date.fromisoformat(end) if end else None, granularity, mod, None, None, "")
    return Event("", kind, "", span, status, tuple(json.loads(actors)), tuple(json.loads(places)),
                 _figure(figure),
                 [Claim(article, None, published, "", 0, 0, "", 0, 0)
                  for article, published in json.loads(claims)],
                 confidence, basis, topic)


def _reach(event: Event) -> tuple[int, int]:
    """The days a span can meet (``merge.reach``), as ordinals: everything when it has
    no interval. Two spans fit exactly when their reaches overlap (``merge._times_fit``)."""
    days = merging.reach(event.when)
    if days is None:
        return _FAR_PAST, _FAR_FUTURE
    return days[0].toordinal(), days[1].toordinal()


def _speaker_roots() -> Callable[[str], str]:
    """An actor's family under ``part_of`` (the JCS and South Korea are one): statements
    whose first actors are of different families never merge."""
    parent: dict[str, str] = {}

    def root(name: str) -> str:
        while parent.get(name, name) != name:
            name = parent[name]
        return name

    for child, up in lexicon().part_of.items():
        a, b = root(child), root(up)
        if a != b:
            parent[a] = b
    return root


def _stream_merge(connection: sqlite3.Connection) -> None:
    connection.execute("DROP TABLE IF EXISTS temp.merge_groups")
    connection.execute("CREATE TEMP TABLE merge_groups (row INTEGER PRIMARY KEY, "
                       "grp INTEGER NOT NULL, ord INTEGER NOT NULL)")
    _assign_groups(connection)
    connection.execute("CREATE INDEX temp.merge_groups_by_grp ON merge_groups (grp, ord)")
    connection.execute("DROP TABLE IF EXISTS temp.merged")
    connection.execute("CREATE TEMP TABLE merged (grp INTEGER PRIMARY KEY, sort_when TEXT, "
                       f"{', '.join(c + ' ' for c in EVENT_COLUMNS[1:])})")
    _write_groups(connection)
    columns = ", ".join(EVENT_COLUMNS)
    connection.execute(
        f"INSERT INTO events ({columns}) SELECT row_number() OVER "
        "(ORDER BY sort_when, type, id, grp) - 1, "
        f"{', '.join(EVENT_COLUMNS[1:])} FROM temp.merged")
    connection.execute("DROP TABLE temp.merged")
    connection.execute("DROP TABLE temp.merge_groups")


class _Block:
    """The groups of one block (events that may merge), found by the days they reach:
    a group whose best-dated report reaches a bounded stretch of days is listed under
    each stretch of ``_BUCKET_DAYS`` it touches, any other under ``wide``."""

    __slots__ = ("groups", "members", "wide", "buckets")

    def __init__(self) -> None:
        self.groups: list[_Group] = []      # in the order they were made
        self.members: set[int] = set()
        self.wide: list[_Group] = []
        self.buckets: dict[int, list[_Group]] = {}

    def register(self, group: _Group) -> None:
        """List ``group`` by the days its best-dated report reaches now (a report that
        changes is listed again; the old listing stays, and is checked again)."""
        if group.number not in self.members:
            self.members.add(group.number)
            if self.groups and self.groups[-1].number > group.number:
                bisect.insort(self.groups, group, key=_number)
            else:
                self.groups.append(group)
        low, high = group.low, group.high
        if high - low > _NARROW_DAYS:
            self.wide.append(group)
        else:
            for bucket in range(low // _BUCKET_DAYS, high // _BUCKET_DAYS + 1):
                self.buckets.setdefault(bucket, []).append(group)

    def candidates(self, low: int, high: int) -> Iterable[_Group]:
        """The groups that may reach days in ``low``..``high``, in the order they were
        made (a superset: stale listings are checked again by the caller)."""
        if high - low > _NARROW_DAYS:
            return self.groups
        found = set(self.wide)
        for bucket in range(low // _BUCKET_DAYS, high // _BUCKET_DAYS + 1):
            found.update(self.buckets.get(bucket, ()))
        return sorted(found, key=_number)


_BUCKET_DAYS = 32
_NARROW_DAYS = 400


def _number(group: _Group) -> int:
    return group.number


def _keys(event: Event, root: Callable[[str], str], number: int
          ) -> tuple[list[tuple], list[tuple]]:
    """The blocks a group whose best-dated report is ``event`` is listed in, and the
    blocks ``event`` looks in for its group. Events of different types or directions in
    time never merge; statements only with the same status and speaker family, and a
    statement with a modified time ("on or before") only with one of the same topic and
    places, and without a topic only one from the same article (``merge._same``)."""
    base: tuple = (event.type, merging._forward(event))
    if event.type != "statement":
        # ``merge._same`` joins reports whose first actors fit, or (when one names no
        # actor) whose places fit (a region fits its country), or that share an
        # article: one listing for each, so a report meets only groups it may join.
        keys = [base + ("actor", root(event.actors[0]))] if event.actors else []
        country = lexicon().place_country
        keys += [base + ("place", country.get(place, place)) for place in event.places]
        keys += [base + ("article", article) for article in dict.fromkeys(c.article_id for c in event.claims)]
        return keys, keys
    if not event.actors:                # no speaker: merges with nothing
        return [("alone", number)], [("alone", number)]
    base += (event.status, root(event.actors[0]))
    facet = base + (event.topic, frozenset(event.places))
    # Without a topic, only statements that share an article merge (unless neither time
    # is modified).
    facets = [facet] if event.topic is not None else \
        [facet + (article,) for article in dict.fromkeys(c.article_id for c in event.claims)]
    if event.when.mod is None:
        facets.append(base + ("plain",))
    return facets, facets


def _assign_groups(connection: sqlite3.Connection) -> None:
    """Pass 1: which group each per-article event joins, into ``temp.merge_groups``."""
    root = _speaker_roots()
    blocks: dict[tuple, _Block] = {}
    made = 0
    pending: list[tuple[int, int, int]] = []
    # Only what comparing reads, extracted by SQLite (in C), not whole events in Python.
    cursor = connection.execute(
        "SELECT rowid, json_extract(json, '$.type'), json_extract(json, '$.status'), "
        "json_extract(json, '$.actors'), json_extract(json, '$.places'), "
        "json_extract(json, '$.topic'), json_extract(json, '$.when_basis'), "
        "json_extract(json, '$.confidence'), json_extract(json, '$.when.kind'), "
        "json_extract(json, '$.when.start'), json_extract(json, '$.when.end'), "
        "json_extract(json, '$.when.granularity'), json_extract(json, '$.when.mod'), "
        "(SELECT json_extract(value, '$.value') FROM json_each(e.json, '$.quantities') "
        "WHERE json_extract(value, '$.value') LIMIT 1), "
        "(SELECT json_group_array(json_array(json_extract(value, '$.article_id'), "
        "json_extract(value, '$.published'))) FROM json_each(e.json, '$.claims')) "
        f"FROM article_events AS e ORDER BY {_merge_order_sql()}")
    # Events come article by article (merge order sorts by the first claim's article), and
    # a block listed under an article is looked up only by that article's events: when
    # the article is done, its blocks go.
    article_blocks: dict[str, list[tuple]] = {}
    current_article: str | None = None
    for order, (row, *columns) in enumerate(cursor):
        event = _light_from_columns(*columns)
        article = event.claims[0].article_id if event.claims else None
        if article != current_article:
            for key in article_blocks.pop(current_article, ()):   # type: ignore[arg-type]
                blocks.pop(key, None)
            current_article = article
        first = event.actors[0] if event.actors else None
        check_roots = event.type != "statement"
        homes, lookups = _keys(event, root, made)
        if article is not None:
            article_blocks.setdefault(article, []).extend(
                key for key in homes if article in key and len(event.claims) == 1)
        low, high = _reach(event)
        found = [blocks[key].candidates(low, high) for key in lookups if key in blocks]
        if len(found) > 1:
            candidates: Iterable[_Group] = sorted(set().union(*found), key=_number)
        else:
            candidates = found[0] if found else ()
        mine = root(first) if first is not None else None
        for group in candidates:
            if group.low <= high and low <= group.high \
                    and (not check_roots or mine is None or group.root is None
                         or mine == group.root) \
                    and merging._same(group.rep, event):
                if merging._time_rank(event) > group.rank:   # max() keeps the first of equals
                    before = (group.low, group.high, group.homes)
                    group.take(event)
                    group.root = mine
                    group.homes = homes
                    if (group.low, group.high, group.homes) != before:
                        for key in homes:
                            blocks.setdefault(key, _Block()).register(group)
                break
        else:
            group = _Group(made, event, mine)
            group.homes = homes
            made += 1
            for key in homes:
                blocks.setdefault(key, _Block()).register(group)
        pending.append((row, group.number, order))
        if len(pending) >= _MERGE_BATCH:
            connection.executemany("INSERT INTO temp.merge_groups VALUES (?, ?, ?)", pending)
            pending = []
    connection.executemany("INSERT INTO temp.merge_groups VALUES (?, ?, ?)", pending)


def _write_groups(connection: sqlite3.Connection) -> None:
    """Pass 2: each group's events, in merge order, combined and written to
    ``temp.merged``."""
    cursor = connection.execute(
        "SELECT m.grp, a.json FROM temp.merge_groups m "
        "JOIN article_events a ON a.rowid = m.row ORDER BY m.grp, m.ord")
    rows: list[tuple[Any, ...]] = []
    members: list[str] = []
    current = None

    def flush() -> None:
        if len(members) == 1:   # most groups: no objects to rebuild
            data = json.loads(members[0])
            merged = merging.combine_single(data)
            # The pipeline's own events are already in merged form: their text stands.
            text = members[0] if merged == data else json.dumps(merged, ensure_ascii=False)
            when = merged["when"]
            rows.append((current, when["start"] or when["end"], *_row_from_dict(merged, text)))
            return
        event = merging._combine([Event.from_dict(json.loads(text)) for text in members])
        when = event.when.start or event.when.end
        rows.append((current, when.isoformat() if when else None,
                     *merged_row(0, event)[1:]))

    for grp, text in cursor:
        if grp != current and members:
            flush()
            members = []
            if len(rows) >= _MERGE_BATCH:
                _insert_merged(connection, rows)
                rows = []
        current = grp
        members.append(text)
    if members:
        flush()
    _insert_merged(connection, rows)


def _row_from_dict(data: dict[str, Any], text: str) -> tuple[Any, ...]:
    """``merged_row(...)[1:]`` from an event's JSON form (``data``, and ``text``: it
    dumped)."""
    words = [data["label"], *data["actors"], *data["places"]]
    for claim in data["claims"]:
        words += [claim["sentence"], claim["attribution"] or "", claim["source"] or ""]
    when = data["when"]
    return (data["id"], data["type"], when["start"], when["end"], data["status"], data["label"],
            "\n".join(words).casefold(), text)


def _insert_merged(connection: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    connection.executemany(f"INSERT INTO temp.merged VALUES "
                           f"({', '.join('?' * (len(EVENT_COLUMNS) + 1))})", rows)


def _article_events(connection: sqlite3.Connection) -> Iterator[Event]:
    """Every stored per-article event, in a fixed order (so merging is repeatable)."""
    cursor = connection.execute("SELECT json FROM article_events "
                                "ORDER BY article_id, position")
    for (text,) in cursor:
        yield Event.from_dict(json.loads(text))


def _article_row(article: Article, digest: str, extracted_at: str) -> tuple[Any, ...]:
    return (article.id, article.path, article.source, article.title, article.url,
            article.published.isoformat(), article.published_basis, article.language,
            digest, extracted_at, json.dumps(article.to_dict(), ensure_ascii=False))


def merged_row(position: int, event: Event) -> tuple[Any, ...]:
    """A merged event as an ``events`` row (EVENT_COLUMNS): the columns readers filter
    on, the text ``read_events(text=...)`` searches, and the event's JSON."""
    when = event.when
    words = [event.label, *event.actors, *event.places]
    for claim in event.claims:
        words += [claim.sentence, claim.attribution or "", claim.source or ""]
    return (position, event.id, event.type,
            when.start.isoformat() if when.start else None,
            when.end.isoformat() if when.end else None,
            event.status, event.label, "\n".join(words).casefold(),
            json.dumps(event.to_dict(), ensure_ascii=False))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- reading -----------------------------------------------------------------------------

def events_query(since: date | str | None = None, until: date | str | None = None,
                 types: Iterable[str] | None = None, actors: Iterable[str] | None = None,
                 sources: Iterable[str] | None = None, statuses: Iterable[str] | None = None,
                 text: str | None = None, ids: Iterable[str] | None = None,
                 ) -> tuple[str, list[Any]]:
    """The SQL and parameters behind ``read_events``: a pure function, to test alone."""
    where: list[str] = []
    params: list[Any] = []

    def one_of(condition: str, values: Iterable[str] | None) -> None:
        """``condition`` with ``{}`` standing for the list of values (SQLite takes ``IN ()``)."""
        if values is not None:
            values = list(values)
            where.append(condition.format(", ".join("?" * len(values))))
            params.extend(values)

    if since is not None:   # the event's span overlaps [since, until]
        where.append('"end" >= ?')
        params.append(str(since))
    if until is not None:
        where.append("start <= ?")
        params.append(str(until))
    one_of("type IN ({})", types)
    one_of("status IN ({})", statuses)
    one_of("id IN ({})", ids)
    one_of("EXISTS (SELECT 1 FROM json_each(events.json, '$.actors') WHERE value IN ({}))",
           actors)
    one_of("EXISTS (SELECT 1 FROM json_each(events.json, '$.claims') "
           "WHERE json_extract(value, '$.source') IN ({}))", sources)
    if text:
        where.append("instr(search, ?) > 0")
        params.append(text.casefold())
    sql = "SELECT json FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += ' ORDER BY start IS NULL, start, "end", position'
    return sql, params


def read_events(store: Store, *, since: date | str | None = None,
                until: date | str | None = None, types: Iterable[str] | None = None,
                actors: Iterable[str] | None = None, sources: Iterable[str] | None = None,
                statuses: Iterable[str] | None = None, text: str | None = None,
                ids: Iterable[str] | None = None) -> list[Event]:
    """The merged events, in time order, that pass every filter given: a span that
    overlaps ``since``..``until`` (inclusive ISO dates; undated events then drop out),
    one of ``types``/``statuses``/``ids``, at least one of ``actors``, a claim from one
    of ``sources`` (exact names), and ``text`` anywhere in the label, actors, places,
    sentences or attributions (case-insensitive)."""
    sql, params = events_query(since, until, types, actors, sources, statuses, text, ids)
    return [Event.from_dict(json.loads(text_))
            for (text_,) in store.connection.execute(sql, params)]


def iter_event_json(store: Store) -> Iterator[str]:
    """Every merged event's JSON, in time order, one at a time."""
    sql, params = events_query()
    for (text,) in store.connection.execute(sql, params):
        yield text


def read_articles(store: Store) -> list[Article]:
    """Every stored article, by publication date then id."""
    return [Article.from_dict(json.loads(text)) for (text,) in store.connection.execute(
        "SELECT json FROM articles ORDER BY published, id")]


def read_article_events(store: Store) -> list[Event]:
    """Every article's own events (before merging), by article then position."""
    return list(_article_events(store.connection))


def count(store: Store, table: str) -> int:
    """Rows in one of the store's tables."""
    if table not in ("articles", "article_events", "events", "staged_articles"):
        raise ValueError(f"unknown table {table!r}")
    return store.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def check_store(store: Store) -> list[str]:
    """What is wrong with the store, if anything: SQLite's own integrity check, foreign
    keys, and whether ``events`` is what ``merge_events`` makes of ``article_events``."""
    connection = store.connection
    problems = [row[0] for row in connection.execute("PRAGMA integrity_check")
                if row[0] != "ok"]
    problems += [f"foreign key broken in {row[0]}"
                 for row in connection.execute("PRAGMA foreign_key_check")]
    connection.execute("BEGIN")  # one snapshot for both reads
    try:
        stored = connection.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events "
                                    "ORDER BY position").fetchall()
        expected = [merged_row(position, event) for position, event in
                    enumerate(merging.merge_events(_article_events(connection)))]
    finally:
        connection.execute("COMMIT")
    if stored != expected:
        problems.append(f"the merged events ({len(stored)}) disagree with what the "
                        f"per-article events merge to ({len(expected)})")
    return problems


# --- exports -----------------------------------------------------------------------------

def export_json(store: Store, path: StrPath) -> None:
    """Write the merged events as ``{"generated": ..., "events": [...]}`` (see
    ``extract/schema/events.schema.json``), atomically."""
    with atomic_write(path) as out:
        out.writelines(json_lines(_now(), iter_event_json(store)))


def export_csv(store: Store, path: StrPath) -> None:
    """Write one row per claim of the merged events (``export.CSV_COLUMNS``), atomically."""
    with atomic_write(path) as out:
        write_csv(out, (Event.from_dict(json.loads(text)) for text in iter_event_json(store)))
