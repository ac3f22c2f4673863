"""The TimeSpan: what one time expression in a text means.

Plain data, serialisable to JSON. Character offsets locate the expression in the
text; ``start``/``end`` are the inclusive calendar days to draw (None for what
cannot be drawn: durations, sets, PAST_REF ...).
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

KINDS = ("DATE", "TIME", "DURATION", "SET")
GRANULARITIES = ("minute", "hour", "part_of_day", "day", "week", "month", "season",
                 "quarter", "half", "year", "decade", "century")
MODS = ("approx", "early", "mid", "late", "before", "after", "start", "end",
        "on_or_before", "less_than", "more_than", "equal_or_less", "equal_or_more")


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """One resolved time expression.

    ``value`` follows TIMEX3 (``2025-01-24``, ``2024-FA``, ``P4M``, ``PAST_REF``).
    ``anchor`` is the ISO date it was resolved against and ``anchor_basis`` says
    whether that was the publication date ("publication") or a date the text
    mentioned earlier ("text"). ``rule`` names the rule that resolved it: it is
    the explanation shown to users.
    """

    text: str
    char_start: int
    char_end: int
    kind: str
    value: str
    start: date | None
    end: date | None
    granularity: str | None
    mod: str | None
    anchor: str | None
    anchor_basis: str | None
    rule: str

    @property
    def drawable(self) -> bool:
        return self.start is not None and self.end is not None

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in _FIELDS}   # not asdict: no deep copies
        data["start"] = self.start.isoformat() if self.start else None
        data["end"] = self.end.isoformat() if self.end else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TimeSpan":
        fields = dict(data)
        for key in ("start", "end"):
            if fields.get(key):
                fields[key] = date.fromisoformat(fields[key])
        return cls(**fields)


_FIELDS = tuple(f.name for f in fields(TimeSpan))
