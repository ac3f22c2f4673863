"""The dashboard's one edge to the store: events and articles, read once per change.

Every page load and callback asks for a ``Snapshot``; the store is read again only when
its file (or its write-ahead log) changes, so callbacks stay fast and a rerun of
``python -m extract`` shows up on the next page load. A missing, empty or unreadable
store is not an error here but a ``Snapshot`` with a ``problem`` the page can show.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extract.article import Article
from extract.model import Event
from extract.store import StoreError, open_store, read_articles, read_events

from .view import facets

log = logging.getLogger(__name__)

CREATE_HINT = "python -m extract seeds/"


@dataclass(frozen=True)
class Snapshot:
    """What the store held when last read: events, articles and the dropdowns' choices."""

    path: str
    events: tuple[Event, ...] = ()
    articles: tuple[Article, ...] = ()
    problem: str | None = None          # why there is nothing to show, in the user's words
    choices: dict[str, list[str]] = field(default_factory=dict)

    @property
    def articles_by_id(self) -> dict[str, Article]:
        return {article.id: article for article in self.articles}

    @property
    def publications(self) -> tuple[tuple[str, date], ...]:
        """(source, day) of every article: the publication marks on the timeline."""
        return tuple((a.source or "unknown source", a.published_date) for a in self.articles)


def missing_message(path: str) -> str:
    return (f"No database at {path}. Create one from the shipped articles with "
            f"`{CREATE_HINT}` (or start the dashboard with --db FILE).")


def empty_message(path: str) -> str:
    return (f"The database {path} holds no events yet. Add articles with "
            f"`python -m extract FOLDER --db {path}` (the shipped ones: `{CREATE_HINT}`).")


def read_snapshot(path: str | Path) -> Snapshot:
    """Read the whole store at ``path`` (never creating one)."""
    path = Path(path)
    shown = str(path)
    if not path.is_file():
        return Snapshot(shown, problem=missing_message(shown))
    try:
        with open_store(path) as store:
            events = tuple(read_events(store))
            articles = tuple(read_articles(store))
    except (StoreError, sqlite3.Error, OSError, ValueError, KeyError, TypeError) as exc:
        log.exception("cannot read %s", path)
        return Snapshot(shown, problem=f"Cannot read the database {shown}: {exc}. "
                                       f"Rebuild it with `{CREATE_HINT}`.")
    if not events:
        return Snapshot(shown, articles=articles, problem=empty_message(shown))
    return Snapshot(shown, events, articles, choices=facets(list(events)))


class Source:
    """The store at one path, read again only when its files change (thread-safe)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._key: tuple[int, ...] | None = None
        self._snapshot: Snapshot | None = None

    def _stamp(self) -> tuple[int, ...]:
        stamps = []
        for suffix in ("", "-wal"):
            try:
                stat = Path(f"{self.path}{suffix}").stat()
                stamps += [stat.st_mtime_ns, stat.st_size]
            except OSError:
                stamps += [-1, -1]
        return tuple(stamps)

    def get(self) -> Snapshot:
        with self._lock:
            key = self._stamp()
            if self._snapshot is None or key != self._key:
                self._snapshot = read_snapshot(self.path)
                # Opening the store can touch its WAL file: stamp it as we left it, or
                # every request would read the whole store again.
                self._key = self._stamp()
            return self._snapshot
