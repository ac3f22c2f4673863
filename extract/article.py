"""The Article: one news text and what we know about where and when it appeared.

Plain data, serialisable to JSON, so every later stage (time expressions, events, the
store, the dashboard) can depend on it without knowing how it was loaded. The text is
kept exactly as given; site boilerplate stays in it and is only *marked*, as character
ranges, so that offsets into the text stay valid for quoting sentences back to the user.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

# Where the publication date came from, best first. The loader records one of these so a
# user can see why an article is placed where it is ("inferred" is for later stages).
PUBLISHED_BASES = ("front matter", "sidecar", "html meta", "dateline", "url",
                   "command line", "inferred")

Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Article:
    """One article. ``boilerplate`` holds sorted, non-overlapping ``(start, end)`` ranges
    (end exclusive) of ``text`` that extraction must skip."""

    id: str
    title: str
    source: str | None
    url: str | None
    published: date | datetime
    published_basis: str
    text: str
    language: str = "en"
    boilerplate: tuple[Range, ...] = ()
    path: str | None = None

    def __post_init__(self) -> None:
        if self.published_basis not in PUBLISHED_BASES:
            raise ValueError(f"published_basis {self.published_basis!r} is not one of "
                             f"{', '.join(PUBLISHED_BASES)}")
        if isinstance(self.published, datetime) and self.published.tzinfo is None:
            raise ValueError("published is a datetime without a time zone: give a zone or a date")
        previous_end = 0
        for start, end in self.boilerplate:
            if not previous_end <= start < end <= len(self.text):
                raise ValueError(f"boilerplate range {(start, end)} is out of order or "
                                 f"outside the text (length {len(self.text)})")
            previous_end = end

    @property
    def published_date(self) -> date:
        """The calendar day of publication (in the article's own zone if it has one)."""
        return self.published.date() if isinstance(self.published, datetime) else self.published

    def extraction_ranges(self) -> tuple[Range, ...]:
        """The ranges of ``text`` to extract from: everything but the boilerplate."""
        ranges, position = [], 0
        for start, end in self.boilerplate:
            if start > position:
                ranges.append((position, start))
            position = end
        if position < len(self.text):
            ranges.append((position, len(self.text)))
        return tuple(ranges)

    def content_text(self) -> str:
        """``text`` with the boilerplate blanked out (line breaks kept), so that offsets in
        it are offsets in ``text``: what extraction stages should read."""
        return blank_out(self.text, self.boilerplate)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published.isoformat(),
            "published_basis": self.published_basis,
            "language": self.language,
            "text": self.text,
            "boilerplate": [list(r) for r in self.boilerplate],
            "path": self.path,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        published = data["published"]
        if isinstance(published, str):
            published = (datetime.fromisoformat(published) if "T" in published
                         else date.fromisoformat(published))
        return cls(
            id=data["id"],
            title=data["title"],
            source=data.get("source"),
            url=data.get("url"),
            published=published,
            published_basis=data["published_basis"],
            language=data.get("language", "en"),
            text=data["text"],
            boilerplate=tuple((int(s), int(e)) for s, e in data.get("boilerplate", ())),
            path=data.get("path"),
        )


def blank_out(text: str, ranges: tuple[Range, ...]) -> str:
    """``text`` with the characters in ``ranges`` turned to spaces, line breaks kept: the
    same length, so offsets still hold."""
    parts, position = [], 0
    for start, end in ranges:
        parts.append(text[position:start])
        parts.append("".join(c if c in "\r\n" else " " for c in text[start:end]))
        position = end
    parts.append(text[position:])
    return "".join(parts)
