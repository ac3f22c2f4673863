"""Expressions read together: a clock time and the day after it, the two ends of a range.

The engine resolves each expression on its own, left to right. Some only make sense
with a neighbour: "at 12:50 p.m. (0620 GMT) on March 28" puts both clock times on the
day that follows them, and "between Tuesday and Monday" cannot end before it starts.
These passes run over the resolved spans of one text. What may stand between the
expressions is language data (the ``[filters]`` table); nothing here knows English.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from . import calendar as cal
from .span import TimeSpan

_CLOCK_VALUE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})")
_WEEK = timedelta(days=7)
_YEAR_WRITTEN = re.compile(r"[0-9]{4}")


def clock_of(value: str) -> datetime | None:
    """The moment a TIMEX3 clock value names ("2015-03-24T10:01"; T24:00 is the next day's 00:00)."""
    match = _CLOCK_VALUE.fullmatch(value)
    if match is None:
        return None
    year, month, day, hour, minute = (int(part) for part in match.groups())
    try:
        return datetime(year, month, day, hour % 24, minute) + timedelta(days=hour // 24)
    except ValueError:
        return None


def moved(span: TimeSpan, day: date) -> TimeSpan:
    """A day's span (or a time of day's) put on another day."""
    if span.start == day:
        return span
    return replace(span, value=day.isoformat() + span.value[10:], start=day, end=day)


class Links:
    """The language's words between linked expressions, and the passes that use them."""

    def __init__(self, filters: dict) -> None:
        gap = filters.get("clock_day_gap")
        self.clock_day_gap = re.compile(gap) if gap else None
        joiner = filters.get("range_joiner")
        self.range_joiner = re.compile(joiner) if joiner else None
        self.range_pair = tuple(filters["range_pair"]) if "range_pair" in filters else None
        same_day = filters.get("same_day_gap")
        self.same_day_gap = re.compile(same_day) if same_day else None

    def day_of_clock_before(self, spans: list[TimeSpan], low: str) -> bool:
        """Whether the span just added is the day of the clock time right before it ("at
        12:50 p.m. (0620 GMT) on March 28", "at 12:50 p.m. on Friday")."""
        if self.clock_day_gap is None or len(spans) < 2 or spans[-1].granularity != "day":
            return False
        return clock_of(spans[-2].value) is not None and self.clock_day_gap.fullmatch(
            low, spans[-2].char_end, spans[-1].char_start) is not None

    def clocks_on_following_day(self, spans: list[TimeSpan], bare_clocks: list[int], low: str) -> list[TimeSpan]:
        """A clock time read without a day and followed by its day ("at 12:50 p.m. (0620 GMT)
        on March 28", "at 1 p.m. the following day") is on that day, and so is a clock in
        brackets between them. ``bare_clocks`` are the indices of such clock times. A clock
        time read with its day ("until 5 p.m. Brussels time on Friday", one rule, cut in two
        expressions) gives that day to the day after it: both were read from the clock's words."""
        if self.clock_day_gap is None:
            return spans
        bare = set(bare_clocks)
        dated: set[int] = set()   # bare clock times given the day that follows them
        for index, span in enumerate(spans[:-1]):
            follower = spans[index + 1]
            if index not in bare and clock_of(span.value) is not None and follower.granularity == "day" \
                    and follower.kind == "DATE" and self.clock_day_gap.fullmatch(low, span.char_end, follower.char_start):
                spans[index + 1] = moved(follower, span.start)  # type: ignore[arg-type]
        for index in reversed(bare_clocks):
            following = index + 1
            while following < len(spans) and following in bare \
                    and low[spans[following - 1].char_end:spans[following].char_start].strip() == "(":
                following += 1   # "(0620 GMT)"
            if following >= len(spans) or spans[following].kind != "DATE" \
                    or spans[following].granularity != "day":
                continue
            gap = low[spans[following - 1].char_end:spans[following].char_start]
            if not self.clock_day_gap.fullmatch(gap):
                continue
            day = spans[following].start
            for clock in range(index, following):
                if spans[clock].value[10:11] == "T":
                    spans[clock] = moved(spans[clock], day)  # type: ignore[arg-type]
                    dated.add(clock)
        for index in reversed(bare_clocks):
            # "from 6 a.m. to 3 p.m. Sunday", "between 2 am and 4.10 am on Tuesday": the
            # range's end gives its start the day ("from 6 p.m. until 6 a.m. Monday": the day before).
            # An end read without a day gives none: the range starts on the day the text is about.
            end = clock_of(spans[index + 1].value) if index + 1 < len(spans) else None
            start = clock_of(spans[index].value)
            end_has_day = index + 1 not in bare or index + 1 in dated
            if end is not None and start is not None and end_has_day \
                    and self._joins_range(low, spans[index], spans[index + 1]):
                overnight = start.time() > end.time() or spans[index].value[11:13] == "24"   # T24: the day's end
                spans[index] = moved(spans[index], end.date() - timedelta(days=1 if overnight else 0))
        for index in bare_clocks:
            # "from about 11:30 p.m. on Tuesday to 6:30 a.m.": the range's start, read with
            # its day or on the day the text is about, gives its end the day (the next one when
            # the range runs overnight).
            start = self._range_start_clock(spans, index - 1, bare) if index - 1 not in bare \
                else clock_of(spans[index - 1].value)   # "a curfew from 7 p.m. until 7:30 a.m."
            end = clock_of(spans[index].value)
            if start is not None and end is not None and index not in dated \
                    and self._joins_range(low, spans[index - 1], spans[index]):
                overnight = end.time() < start.time()
                spans[index] = moved(spans[index], start.date() + timedelta(days=1 if overnight else 0))
        return spans

    @staticmethod
    def _range_start_clock(spans: list[TimeSpan], index: int, bare: set[int]) -> datetime | None:
        """The clock time a range starts at when ``spans[index]`` is a clock read with its
        day ("11:30 p.m. Tuesday") or the day right after one ("11:30 p.m. on Tuesday")."""
        if index < 0:
            return None
        clock = clock_of(spans[index].value)
        if clock is not None:
            return None if index in bare else clock
        before = clock_of(spans[index - 1].value) if index > 0 else None
        if spans[index].granularity == "day" and before is not None and before.date() == spans[index].start:
            return before
        return None

    def weekdays_of_named_days(self, spans: list[TimeSpan], low: str) -> list[TimeSpan]:
        """A weekday right beside a day named otherwise that falls on that weekday ("Anzac Day
        on Friday", "Thursday, the Thanksgiving holiday") is that day."""
        if self.same_day_gap is None:
            return spans
        for first, second in zip(range(len(spans) - 1), range(1, len(spans))):
            if not self.same_day_gap.fullmatch(low, spans[first].char_end, spans[second].char_start):
                continue
            for weekday, named in ((first, second), (second, first)):
                day, other = spans[weekday], spans[named]
                if day.rule == "weekday" and other.rule != "weekday" and other.kind == "DATE" \
                        and other.granularity == "day" and day.start is not None and other.start is not None \
                        and day.start.isoweekday() == other.start.isoweekday():
                    spans[weekday] = moved(day, other.start)
        return spans

    def ordered_weekday_ranges(self, spans: list[TimeSpan], low: str, reference: date) -> list[TimeSpan]:
        """"between Tuesday and Monday": each weekday was read on its own, and a range cannot
        end before it starts. Of the two readings a week apart, the one that holds the
        reference (else the nearer) is kept: such a range is mostly a period under way."""
        for first, second in zip(range(len(spans) - 1), range(1, len(spans))):
            a, b = spans[first], spans[second]
            if a.rule != "weekday" or b.rule != "weekday" or a.start is None or b.start is None \
                    or a.start <= b.start or not self._joins_range(low, a, b):
                continue
            options = [(a.start - _WEEK, b.start), (a.start, b.start + _WEEK)]
            begin, end = min(options, key=lambda option: cal.days_from(option, reference))
            spans[first], spans[second] = moved(a, begin), moved(b, end)
        return spans

    @staticmethod
    def bracketed_clock_days(spans: list[TimeSpan], low: str) -> list[TimeSpan]:
        """"at 8 p.m. (0100 GMT Friday)": the same moment in another zone, so its weekday is
        the clock's own day or the one next to it, whatever the sentence's tense."""
        for index in range(1, len(spans)):
            first, second = spans[index - 1], spans[index]
            start = clock_of(first.value)
            if start is None or clock_of(second.value) is None or second.start is None \
                    or low[first.char_end:second.char_start].strip() != "(":
                continue
            weekday = second.start.isoweekday()
            near = [start.date() + timedelta(days=offset) for offset in (0, 1, -1)]
            day = next((d for d in near if d.isoweekday() == weekday), None)
            if day is not None:
                spans[index] = moved(second, day)
        return spans

    def ordered_day_ranges(self, spans: list[TimeSpan], low: str) -> list[TimeSpan]:
        """"runs from June 11 to July 19": a range of days named without their year cannot
        end before it starts; the end read a year too early is moved a year on."""
        for first, second in zip(range(len(spans) - 1), range(1, len(spans))):
            a, b = spans[first], spans[second]
            if a.granularity != "day" or b.granularity != "day" or a.start is None or b.start is None \
                    or b.start >= a.start or _YEAR_WRITTEN.search(b.text) or not self._joins_range(low, a, b):
                continue
            try:
                later = b.start.replace(year=b.start.year + 1)
            except ValueError:
                continue
            if later > a.start:
                spans[second] = moved(b, later)
        return spans

    def _joins_range(self, low: str, a: TimeSpan, b: TimeSpan) -> bool:
        """Whether two spans are the ends of one range."""
        if self.range_joiner is not None and self.range_joiner.fullmatch(low, a.char_end, b.char_start):
            return True
        if self.range_pair is None:
            return False
        opener, joiner = self.range_pair
        return low[a.char_end:b.char_start].split() == [joiner] \
            and low[max(0, a.char_start - len(opener) - 1):a.char_start].split() == [opener]
