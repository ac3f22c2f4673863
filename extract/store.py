"""The SQLite store: articles, each article's own events, and the merged events.

Three layers, each derived from the one before, so nothing is lost: the article as
loaded (``extractions``, text included), what ``extract_article`` made of it
(``article_events``, one claim per event), and ``events``: what ``merge_events`` makes
of all of them, with columns to query by date, type and status quickly, and their claims
in ``claims``, a row each (an event that thousands of articles report is never held
whole to write it); the dashboard reads these. ``articles`` says which extraction of
each article is live.

Extractions and their events are kept by content hash (``content_hash``), so a run
writes each only once: staged, batch by batch, in short transactions, where readers do
not look (no live article points at it yet). Publishing then builds the merged events
in tables of their own (``events_next``, ``claims_next``), in transactions of bounded
size too, and makes it all live in one short transaction: ``articles`` points at the new
extractions and the new tables take the place of ``events`` and ``claims``. So the store
survives ``kill -9`` at any moment: the live tables change only in that commit, a killed
run leaves them exactly as the previous run left them, and ``events`` always agrees with
the live ``article_events``. And no transaction grows with the corpus, nor the write-ahead log,
nor the index of it that SQLite keeps in memory. What a killed run had staged is not
thrown away: a rerun reuses each staged extraction whose content hash still matches (see
``stored_hashes``), so a long run resumes instead of starting over. Extractions no live
article points at any more are deleted after publishing (``_collect_garbage``).

One writer at a time: a run holds ``writing(store)``, a lock the operating system drops
when the process dies, so a killed run never leaves it behind. Readers never block: the
database is in WAL mode.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from itertools import groupby
from operator import itemgetter
from os import PathLike
from pathlib import Path
from typing import Any

from extract import merge as merging
from extract import pipeline
from extract.article import Article
from extract.export import atomic_write, json_lines, write_csv
from extract.grouping import STATEMENTS_CACHED
from extract.load import IdRegistry
from extract.model import Event, with_claims
from extract.stream_merge import CLAIM_COLUMNS, EVENT_COLUMNS, event_and_claim_rows, stream_merge

DEFAULT_PATH = Path("data") / "chronicle.db"
SCHEMA_VERSION = 3
# Bump to make every stored article count as changed (re-extracted on the next run). The
# pipeline may define its own EXTRACTOR_VERSION; both go into every content hash.
EXTRACTOR_VERSION = "1"

StrPath = str | PathLike[str]
EventRow = tuple[str, str]          # (event id, the event's JSON)

# The merged events' table, and its indexes (named apart for each table made: index
# names are the schema's, and ``events_next`` is built beside ``events``).
EVENTS_TABLE = """
    CREATE TABLE {table} (
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
"""
EVENT_INDEXES = {"by_id": "(id)", "by_time": '(start, "end")', "by_type": "(type, start)"}
# Each merged event's claims, a row each (``event``: the event's position), so that no
# event is ever held whole to write it, however many articles report it.
CLAIMS_TABLE = """
    CREATE TABLE {table} (
        event INTEGER NOT NULL,
        ordinal INTEGER NOT NULL,
        source TEXT,
        search TEXT NOT NULL,
        json TEXT NOT NULL
    );
"""
CLAIM_INDEXES = {"by_event": "(event, ordinal)"}

# MIGRATIONS[n] takes a store from schema version n to n + 1: a script, or a function.
MIGRATIONS: tuple[str | Callable[[sqlite3.Connection], None], ...] = (
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
    """ + EVENTS_TABLE.format(table="events") + """
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
    # 2: extractions kept by content hash, staged where they stay; articles point at them
    """
    CREATE TABLE extractions (
        content_hash TEXT PRIMARY KEY,
        id TEXT NOT NULL,
        path TEXT,
        source TEXT,
        title TEXT NOT NULL,
        url TEXT,
        published TEXT NOT NULL,
        published_basis TEXT NOT NULL,
        language TEXT NOT NULL,
        extracted_at TEXT NOT NULL,
        json TEXT NOT NULL
    );
    INSERT INTO extractions SELECT content_hash, id, path, source, title, url, published,
        published_basis, language, extracted_at, json FROM articles;
    INSERT OR IGNORE INTO extractions SELECT content_hash, id, path, source, title, url,
        published, published_basis, language, extracted_at, json FROM staged_articles
        WHERE extracted = 1;
    CREATE TABLE article_events_2 (
        content_hash TEXT NOT NULL,
        position INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (content_hash, position)
    );
    INSERT INTO article_events_2 SELECT a.content_hash, e.position, e.article_id,
        e.event_id, e.json FROM article_events e JOIN articles a ON a.id = e.article_id;
    INSERT OR IGNORE INTO article_events_2 SELECT s.content_hash, e.position, e.article_id,
        e.event_id, e.json FROM staged_events e JOIN staged_articles s ON s.id = e.article_id
        WHERE s.extracted = 1;
    CREATE TABLE articles_2 (id TEXT PRIMARY KEY, content_hash TEXT NOT NULL);
    INSERT INTO articles_2 SELECT id, content_hash FROM articles;
    CREATE TABLE staged_articles_2 (
        id TEXT PRIMARY KEY,
        run TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        extracted INTEGER NOT NULL
    );
    INSERT INTO staged_articles_2 SELECT id, run, content_hash, extracted FROM staged_articles;
    DROP TABLE staged_events;
    DROP TABLE staged_articles;
    DROP TABLE article_events;
    DROP TABLE articles;
    ALTER TABLE articles_2 RENAME TO articles;
    ALTER TABLE article_events_2 RENAME TO article_events;
    ALTER TABLE staged_articles_2 RENAME TO staged_articles;
    CREATE INDEX staged_by_run ON staged_articles (run, extracted);
    CREATE INDEX articles_by_hash ON articles (content_hash);
    CREATE INDEX staged_by_hash ON staged_articles (content_hash);
    """,
    # 3: each merged event's claims in rows of their own
    lambda connection: _split_claims(connection),
)
EXTRACTION_COLUMNS = ("content_hash", "id", "path", "source", "title", "url", "published",
                      "published_basis", "language", "extracted_at", "json")


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
    # Few statements cached: publishing without worker processes searches spilled groups
    # on this connection, with SQL that varies (``grouping.STATEMENTS_CACHED``).
    connection = sqlite3.connect(path, timeout=60, isolation_level=None,
                                 cached_statements=STATEMENTS_CACHED)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")  # WAL: safe against crashes
        # Some builds (Debian's) overwrite every freed page with zeros by default: replacing
        # ``events`` then wrote the whole old table into the write-ahead log again (1 GB at
        # 80,000 articles), and SQLite's index of the log grew with it; dropping publishing's
        # temporary tables took SQLite 1.6 MB more at 80,000. FAST still clears deleted
        # content within the pages a change writes anyway.
        connection.execute("PRAGMA secure_delete = FAST")
        connection.execute("PRAGMA temp.secure_delete = FAST")  # else temp tables zero theirs
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
            if callable(step):
                step(connection)
                continue
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


def run_ids(store: Store) -> IdRegistry:
    """An ``IdRegistry`` for one run, in a temporary table: on disk, so a run's memory
    does not grow with its corpus."""
    connection = store.connection
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS run_ids "
                       "(id TEXT PRIMARY KEY, path TEXT NOT NULL) WITHOUT ROWID")
    connection.execute("DELETE FROM temp.run_ids")

    def claim(article_id: str, path: str) -> str | None:
        if connection.execute("INSERT OR IGNORE INTO temp.run_ids VALUES (?, ?)",
                              (article_id, path)).rowcount:
            return None
        return connection.execute("SELECT path FROM temp.run_ids WHERE id = ?",
                                  (article_id,)).fetchone()[0]

    return claim


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
    """Stage one batch of a run, in one transaction: each extraction and its events are
    written where they will stay, under their content hash. Nothing readers see changes
    yet: no live article points at them."""
    extracted_at = extracted_at or _now()
    with _transaction(store.connection) as connection:
        ids = [(a.id,) for a, _, _ in batch.extracted] + [(i,) for i, _ in batch.seen]
        connection.executemany("DELETE FROM staged_articles WHERE id = ?", ids)
        connection.executemany(
            f"INSERT OR REPLACE INTO extractions ({', '.join(EXTRACTION_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(EXTRACTION_COLUMNS))})",
            [_extraction_row(article, digest, extracted_at)
             for article, digest, _ in batch.extracted])
        # Events an unfinished clean-up left under the same hash are the same events.
        connection.executemany("DELETE FROM article_events WHERE content_hash = ?",
                               [(digest,) for _, digest, _ in batch.extracted])
        connection.executemany(
            "INSERT INTO article_events (content_hash, position, article_id, event_id, json) "
            "VALUES (?, ?, ?, ?, ?)",
            [(digest, position, article.id, event_id, text)
             for article, digest, rows in batch.extracted
             for position, (event_id, text) in enumerate(rows)])
        connection.executemany("INSERT INTO staged_articles (id, run, content_hash, extracted) "
                               "VALUES (?, ?, ?, ?)",
                               [(article.id, run, digest, 1)
                                for article, digest, _ in batch.extracted]
                               + [(i, run, digest, 0) for i, digest in batch.seen])
        connection.executemany("UPDATE staged_articles SET run = ? WHERE id = ?",
                               [(run, i) for i in batch.resumed])


def publish(store: Store, run: str, prune: bool = False,
            executor: Executor | None = None) -> int:
    """Make a run's staged work live with the merged events it leads to. ``prune`` also
    drops the stored articles this run did not see; ``executor``'s processes, if given,
    share the merging. Returns how many articles were pruned.

    The articles to be live are listed first (``temp.merge_articles``), their events
    merged into ``events_next`` (transactions of bounded size, nothing readers see), and
    one short transaction then makes both live. Extractions no longer live are deleted
    last."""
    connection = store.connection
    _list_articles_to_publish(connection, run, prune)
    try:
        _remerge(connection, executor)
    except BaseException:
        for table in ("events_next", "claims_next"):
            connection.execute(f"DROP TABLE IF EXISTS {table}")
        raise
    with _transaction(connection):
        pruned = connection.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN "
            "(SELECT id FROM temp.merge_articles)").fetchone()[0] if prune else 0
        connection.execute("DELETE FROM articles")
        connection.execute("INSERT INTO articles (id, content_hash) "
                           "SELECT id, content_hash FROM temp.merge_articles")
        connection.execute("DELETE FROM staged_articles")
        for table in ("events", "claims"):
            connection.execute(f"DROP TABLE {table}")
            connection.execute(f"ALTER TABLE {table}_next RENAME TO {table}")
    connection.execute("DROP TABLE temp.merge_articles")
    _collect_garbage(connection)
    return pruned


def _list_articles_to_publish(connection: sqlite3.Connection, run: str, prune: bool) -> None:
    """``temp.merge_articles``: (id, content hash) of each article as it will be live:
    the run's extractions, and the other stored articles, but with ``prune`` only those
    the run saw (unchanged, or failing to extract again). Read while this process holds
    the writer lock: nothing else changes them."""
    connection.execute("DROP TABLE IF EXISTS temp.merge_articles")
    connection.execute("CREATE TEMP TABLE merge_articles "
                       "(id TEXT PRIMARY KEY, content_hash TEXT NOT NULL)")
    connection.execute("CREATE INDEX temp.merge_articles_by_hash "
                       "ON merge_articles (content_hash)")
    connection.execute("INSERT INTO temp.merge_articles SELECT id, content_hash "
                       "FROM staged_articles WHERE run = ? AND extracted = 1", (run,))
    seen = (" WHERE EXISTS (SELECT 1 FROM staged_articles s WHERE s.id = articles.id "
            "AND s.run = ?)") if prune else ""
    # The run's own extraction of an article, inserted first, wins (OR IGNORE). Reading
    # the table it inserts into (NOT IN ...) made SQLite copy every live article first.
    connection.execute("INSERT OR IGNORE INTO temp.merge_articles SELECT id, content_hash "
                       f"FROM articles{seen}", (run,) if prune else ())


_MERGE_EVENTS = merging.merge_events      # the genuine merge (tests may stand one in)


def _remerge(connection: sqlite3.Connection, executor: Executor | None) -> None:
    """``events_next`` and ``claims_next``, indexed: what ``merge_events`` makes of the
    events of ``temp.merge_articles``, written in transactions of a bounded size."""
    _create_merged_tables(connection, "_next")
    if merging.merge_events is not _MERGE_EVENTS:
        # A stand-in merge (tests): it sees every event at once, as merge_events is called.
        merged = list(merging.merge_events(_article_events(connection, "temp.merge_articles")))
        with _transaction(connection):
            _insert_event_rows(connection, "_next", enumerate(merged))
    else:
        stream_merge(connection, "events_next", "claims_next", executor,
                     step=lambda: _transaction(connection))
    with _transaction(connection):      # the indexes once, after the rows: faster
        _index_merged_tables(connection, "_next")


def _create_merged_tables(connection: sqlite3.Connection, suffix: str) -> None:
    """Empty ``events{suffix}`` and ``claims{suffix}`` (any left by a killed run go)."""
    for table, script in (("events", EVENTS_TABLE), ("claims", CLAIMS_TABLE)):
        connection.execute(f"DROP TABLE IF EXISTS {table}{suffix}")
        connection.execute(script.format(table=table + suffix))


def _insert_event_rows(connection: sqlite3.Connection, suffix: str,
                       events: Iterable[tuple[int, Event]]) -> None:
    """Write merged events, each with its position, to ``events{suffix}`` and their
    claims to ``claims{suffix}``."""
    insert_event = (f"INSERT INTO events{suffix} ({', '.join(EVENT_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})")
    insert_claims = (f"INSERT INTO claims{suffix} ({', '.join(CLAIM_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(CLAIM_COLUMNS))})")
    for position, event in events:
        row, claims = event_and_claim_rows(position, event)
        connection.execute(insert_event, row)
        connection.executemany(insert_claims, claims)


def _index_merged_tables(connection: sqlite3.Connection, suffix: str) -> None:
    """The indexes of ``events{suffix}`` and ``claims{suffix}`` (EVENT_INDEXES,
    CLAIM_INDEXES), named apart from those of the tables they replace: index names are
    the schema's, so the plain ones and ``…_2`` alternate."""
    used = {name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index'")}
    for table, indexes in (("events", EVENT_INDEXES), ("claims", CLAIM_INDEXES)):
        for key, columns in indexes.items():
            plain = f"{table}_{key}"
            name = plain if plain not in used else f"{plain}_2"
            connection.execute(f'CREATE INDEX "{name}" ON {table}{suffix} {columns}')


def _split_claims(connection: sqlite3.Connection) -> None:
    """Migration to schema 3: the merged events' claims, kept inside each event's JSON
    until then, move to ``claims``, a row each (in the migration's transaction)."""
    _create_merged_tables(connection, "_3")
    _insert_event_rows(connection, "_3", (
        (position, Event.from_dict(json.loads(text))) for position, text in
        connection.execute("SELECT position, json FROM events ORDER BY position")))
    connection.execute("DROP TABLE events")
    connection.execute("ALTER TABLE events_3 RENAME TO events")
    connection.execute("ALTER TABLE claims_3 RENAME TO claims")
    _index_merged_tables(connection, "")


_GARBAGE_CHUNK = 500    # extractions deleted per transaction


def _collect_garbage(connection: sqlite3.Connection) -> None:
    """Delete the extractions, and their events, that no article points at, live or
    staged: a few hundred per transaction, so the write-ahead log stays small. A killed
    clean-up only leaves some for the next."""
    # NOT EXISTS, with indexes: ``NOT IN (SELECT ...)`` would first copy every live hash
    # into memory.
    unused = " ".join(f"AND NOT EXISTS (SELECT 1 FROM {pointing} p "
                      "WHERE p.content_hash = t.content_hash)"
                      for pointing in ("articles", "staged_articles"))
    for table in ("article_events", "extractions"):
        after = ""
        while True:
            hashes = [row[0] for row in connection.execute(
                f"SELECT DISTINCT content_hash FROM {table} t WHERE content_hash > ? "
                f"{unused} ORDER BY content_hash LIMIT ?", (after, _GARBAGE_CHUNK))]
            if not hashes:
                break
            with _transaction(connection):
                connection.executemany(f"DELETE FROM {table} WHERE content_hash = ?",
                                       [(digest,) for digest in hashes])
            after = hashes[-1]


def _article_events(connection: sqlite3.Connection, articles: str = "articles"
                    ) -> Iterator[Event]:
    """The per-article events of the extractions ``articles`` (a table of ids and
    content hashes: the live ones by default) points at, in a fixed order (so merging
    is repeatable)."""
    cursor = connection.execute(f"SELECT e.json FROM article_events e JOIN {articles} a "
                                "ON a.content_hash = e.content_hash "
                                "ORDER BY e.article_id, e.position")
    for (text,) in cursor:
        yield Event.from_dict(json.loads(text))


def _extraction_row(article: Article, digest: str, extracted_at: str) -> tuple[Any, ...]:
    return (digest, article.id, article.path, article.source, article.title, article.url,
            article.published.isoformat(), article.published_basis, article.language,
            extracted_at, json.dumps(article.to_dict(), ensure_ascii=False))


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
        where.append('events."end" >= ?')
        params.append(str(since))
    if until is not None:
        where.append("events.start <= ?")
        params.append(str(until))
    one_of("events.type IN ({})", types)
    one_of("events.status IN ({})", statuses)
    one_of("events.id IN ({})", ids)
    one_of("EXISTS (SELECT 1 FROM json_each(events.json, '$.actors') WHERE value IN ({}))",
           actors)
    one_of("EXISTS (SELECT 1 FROM claims c WHERE c.event = events.position "
           "AND c.source IN ({}))", sources)
    if text:
        where.append("(instr(events.search, ?) > 0 OR EXISTS (SELECT 1 FROM claims c "
                     "WHERE c.event = events.position AND instr(c.search, ?) > 0))")
        params += [text.casefold()] * 2
    # Each event, then its claims in order: a row each.
    sql = ("SELECT events.position, events.json, claims.json FROM events "
           "LEFT JOIN claims ON claims.event = events.position")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += (' ORDER BY events.start IS NULL, events.start, events."end", events.position, '
            "claims.ordinal")
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
    return [Event.from_dict(json.loads(text_)) for text_ in _event_json(store, sql, params)]


def iter_event_json(store: Store) -> Iterator[str]:
    """Every merged event's JSON, claims included, in time order, one at a time."""
    return _event_json(store, *events_query())


def _event_json(store: Store, sql: str, params: list[Any]) -> Iterator[str]:
    """Each event ``sql`` reads (``events_query``'s rows: an event's with each of its
    claims), whole, as ``Event.to_json`` writes it."""
    rows = store.connection.execute(sql, params)
    for _position, event_rows_ in groupby(rows, key=itemgetter(0)):
        first = next(event_rows_)
        claims = [] if first[2] is None else [first[2]]
        claims += [claim for _p, _e, claim in event_rows_]
        yield with_claims(first[1], claims)


def read_articles(store: Store) -> list[Article]:
    """Every stored article, by publication date then id."""
    return [Article.from_dict(json.loads(text)) for (text,) in store.connection.execute(
        "SELECT x.json FROM articles a JOIN extractions x ON x.content_hash = a.content_hash "
        "ORDER BY x.published, a.id")]


def read_article_events(store: Store) -> list[Event]:
    """Every article's own events (before merging), by article then position."""
    return list(_article_events(store.connection))


_COUNTED = {
    "articles": "articles", "events": "events", "claims": "claims",
    "staged_articles": "staged_articles",
    "article_events": "article_events e JOIN articles a ON a.content_hash = e.content_hash",
}


def count(store: Store, table: str) -> int:
    """Rows in one of the store's tables; of ``article_events``, the live ones."""
    if table not in _COUNTED:
        raise ValueError(f"unknown table {table!r}")
    return store.connection.execute(f"SELECT count(*) FROM {_COUNTED[table]}").fetchone()[0]


def check_store(store: Store) -> list[str]:
    """What is wrong with the store, if anything: SQLite's own integrity check, live
    articles whose extraction is missing, and whether ``events`` is what
    ``merge_events`` makes of the live ``article_events``."""
    connection = store.connection
    problems = [row[0] for row in connection.execute("PRAGMA integrity_check")
                if row[0] != "ok"]
    problems += [f"article {row[0]}: its extraction is missing" for row in connection.execute(
        "SELECT id FROM articles WHERE content_hash NOT IN "
        "(SELECT content_hash FROM extractions) ORDER BY id")]
    connection.execute("BEGIN")  # one snapshot for both reads
    try:
        stored = connection.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events "
                                    "ORDER BY position").fetchall()
        stored_claims = connection.execute(f"SELECT {', '.join(CLAIM_COLUMNS)} FROM claims "
                                           "ORDER BY event, ordinal").fetchall()
        expected = [event_and_claim_rows(position, event) for position, event in
                    enumerate(merging.merge_events(_article_events(connection)))]
    finally:
        connection.execute("COMMIT")
    if stored != [row for row, _claims in expected]:
        problems.append(f"the merged events ({len(stored)}) disagree with what the "
                        f"per-article events merge to ({len(expected)})")
    expected_claims = [claim for _row, claims in expected for claim in claims]
    if stored_claims != expected_claims:
        problems.append(f"the merged events' claims ({len(stored_claims)}) disagree with "
                        f"what the per-article events merge to ({len(expected_claims)})")
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
