"""Stand-ins for the event finder and the merge, and a corpus writer, for the store and
command-line tests.

The extractors make deterministic events from an article, so those tests check the store
and the CLI, not the (changing) event finder. Importable by worker processes and, through
``CHRONICLE_EXTRACTOR=chronicle_fakes:slow_statement`` with ``tests/`` on PYTHONPATH, by
``python -m extract`` run in a subprocess.

Markers in an article's text: ``SHARED`` adds an event that every such article reports
(id ``shared``), ``EXPLODE`` makes extraction raise.
"""
from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path

from extract.article import Article
from extract.model import Claim, Event, Quantity
from extract.timex.span import TimeSpan

ACTORS = ("Kyiv", "Moscow", "Pyongyang", "Seoul")
FIGURE = re.compile(r"(\d+) (soldiers|missiles)")


def statement(article: Article) -> list[Event]:
    """One statement per article, dated at its publication, from its first line."""
    text = article.content_text()
    if "EXPLODE" in text:
        raise RuntimeError(f"cannot read {article.id}")
    day = article.published_date
    events = [_event(f"statement-{article.id}", "statement", f"Statement by {article.source}",
                     _span(day, day, "day", day), article, _line(text, 0))]
    if "SHARED" in text:
        events.append(_event("shared", "deployment", "Troops deployed to Kursk",
                             _span(date(2024, 10, 1), date(2024, 10, 31), "month", day),
                             article, _line(text, text.index("SHARED")), places=("Kursk",)))
    return events


def slow_statement(article: Article) -> list[Event]:
    """``statement``, CHRONICLE_FAKE_DELAY seconds (default 0.01) later: a run slow
    enough to be killed in the middle."""
    time.sleep(float(os.environ.get("CHRONICLE_FAKE_DELAY", "0.01")))
    # Each article's statement has its own speaker, so that the real merge (which
    # joins one speaker's statements of one day) keeps them apart in this corpus.
    return [replace(event, actors=(f"speaker of {article.id}",)) for event in statement(article)]


def merge_by_id(events: Iterable[Event]) -> list[Event]:
    """Events with the same id become one, with the claims of all (first seen wins)."""
    merged: dict[str, Event] = {}
    for event in events:
        if event.id in merged:
            merged[event.id].claims.extend(event.claims)
        else:
            merged[event.id] = Event.from_dict(event.to_dict())
    return list(merged.values())


def _line(text: str, position: int) -> tuple[str, int]:
    """The first line that ends after ``position``, from its first non-blank character,
    and where that is in the text."""
    match = next(m for m in re.finditer(r"\S[^\n]*", text) if m.end() > position)
    return match.group().rstrip(), match.start()


def _span(start: date, end: date, granularity: str, anchor: date) -> TimeSpan:
    value = start.isoformat() if granularity == "day" else start.isoformat()[:7]
    return TimeSpan(text="", char_start=0, char_end=0, kind="DATE", value=value, start=start,
                    end=end, granularity=granularity, mod=None, anchor=anchor.isoformat(),
                    anchor_basis="publication", rule="publication date")


def _event(event_id: str, kind: str, label: str, when: TimeSpan, article: Article,
           line: tuple[str, int], places: tuple[str, ...] = (),
           actors: tuple[str, ...] | None = None) -> Event:
    sentence, start = line
    trigger = sentence.split()[0]
    figures = tuple(Quantity(text=m.group(0), value=float(m.group(1)), unit=m.group(2))
                    for m in FIGURE.finditer(sentence))
    claim = Claim(article_id=article.id, source=article.source,
                  published=article.published_date.isoformat(), sentence=sentence,
                  sentence_start=start, sentence_end=start + len(sentence), trigger=trigger,
                  trigger_start=start, trigger_end=start + len(trigger),
                  attribution=article.source, quantities=figures)
    return Event(id=event_id, type=kind, label=label, when=when, status="occurred",
                 actors=actors if actors is not None else tuple(a for a in ACTORS if a in sentence),
                 places=places,
                 quantities=figures, claims=[claim], confidence=0.5)


def write_article(folder: Path, name: str, body: str, published: str = "2025-01-10",
                  source: str = "Wire") -> Path:
    """A Markdown article with front matter; ``body`` is its text."""
    path = folder / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {name}\nsource: {source}\npublished: {published}\n---\n"
                    f"{body}\n", encoding="utf-8")
    return path


def write_corpus(folder: Path, count: int, version: str = "") -> list[Path]:
    """``count`` articles a0000, a0001 ... published on days cycling through January 2025,
    from three sources; ``version`` changes every text."""
    return [write_article(folder, f"a{i:04d}", f"Seoul said {i} soldiers moved.{version}",
                          published=f"2025-01-{i % 28 + 1:02d}", source=f"Source {i % 3}")
            for i in range(count)]


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of the live tables, in order, without the extraction times (which say
    when, not what)."""
    connection = sqlite3.connect(db)
    try:
        return {
            "articles": connection.execute(
                "SELECT x.content_hash, x.id, x.path, x.source, x.title, x.url, x.published, "
                "x.published_basis, x.language, x.json FROM articles a JOIN extractions x "
                "ON x.content_hash = a.content_hash ORDER BY a.id").fetchall(),
            "article_events": connection.execute(
                "SELECT e.* FROM article_events e JOIN articles a "
                "ON a.content_hash = e.content_hash ORDER BY e.article_id, e.position"
            ).fetchall(),
            "events": connection.execute("SELECT * FROM events ORDER BY position").fetchall(),
            "claims": connection.execute("SELECT * FROM claims ORDER BY event, ordinal"
                                         ).fetchall(),
        }
    finally:
        connection.close()
