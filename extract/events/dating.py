"""When did an event happen? Pure functions over TimeSpans.

An event's date is when it happened, not when it was reported. In order:
the time expression governing its clause; for a statement, the time of the
speech act; for what a statement reports, "on or before" (or "on or after", if
it looks forward) the speech act; failing all, a span bounded by the
publication date. Bounded spans are drawn over BOUND_DAYS up to (or from) the bound.
"""
from __future__ import annotations

from datetime import date, timedelta

from extract.timex import calendar as cal
from extract.timex.span import TimeSpan

BOUND_DAYS = 30   # how far a bounded span ("on or before 24 Jan") is drawn back (or forward)

EXPRESSION, SPEECH_ACT, SPEECH_BOUND, PUBLICATION_BOUND = (
    "expression", "speech act", "speech act bound", "publication bound")


def bounded(bound: TimeSpan | date, forward: bool, rule: str, anchor: date) -> TimeSpan:
    """A span that ends at ``bound`` (or starts there when ``forward``): "on or before X"."""
    if isinstance(bound, TimeSpan):
        first, last, value, granularity = bound.start, bound.end, bound.value, bound.granularity
        text, char_start, char_end = bound.text, bound.char_start, bound.char_end
    else:
        first = last = bound
        value, granularity, text, char_start, char_end = bound.isoformat(), "day", "", -1, -1
    assert first is not None and last is not None
    if forward:
        interval = (first, max(last, first + timedelta(days=BOUND_DAYS)))
        mod = "after"
    else:
        interval = (min(first, last - timedelta(days=BOUND_DAYS)), last)
        mod = "before"
    return TimeSpan(text=text, char_start=char_start, char_end=char_end, kind="DATE", value=value,
                    start=interval[0], end=interval[1], granularity=granularity, mod=mod,
                    anchor=anchor.isoformat(), anchor_basis="publication", rule=rule)


def counted_back(duration: TimeSpan) -> TimeSpan:
    """"four months elapsed since the deployment": the deployment was about four
    months before the reference, at the duration's own grain."""
    assert duration.start is not None
    unit = {"Y": "year", "M": "month", "W": "week", "D": "day"}.get(duration.value[-1], "month")
    if duration.value.startswith("PT"):
        unit = "day"
    value, interval = cal.unit_containing(duration.start, unit)
    return TimeSpan(text=duration.text, char_start=duration.char_start, char_end=duration.char_end,
                    kind="DATE", value=value, start=interval[0], end=interval[1], granularity=unit,
                    mod="approx", anchor=duration.anchor, anchor_basis=duration.anchor_basis,
                    rule=f"{duration.value} before the reference")


def clip_to(span: TimeSpan, latest: date) -> TimeSpan:
    """Nothing that occurred is drawn after the article appeared."""
    if span.start is None or span.end is None or span.end <= latest:
        return span
    end = max(span.start, latest) if span.start <= latest else span.start
    return TimeSpan(span.text, span.char_start, span.char_end, span.kind, span.value,
                    min(span.start, latest), min(end, latest), span.granularity, span.mod,
                    span.anchor, span.anchor_basis, span.rule)


def usable(span: TimeSpan) -> bool:
    """Can this expression date an event? Drawn dates and counted-back durations can."""
    return span.drawable and span.kind in ("DATE", "TIME", "DURATION")
