"""Words for dates and events, as an analyst reads them: pure functions.

"last autumn → Sep–Nov 2024, read against 24 Jan 2025"; "on or before 24 Jan 2025".
"""
from __future__ import annotations

from datetime import date, timedelta

from extract.model import Event
from extract.timex.span import TimeSpan

from .style import type_name
from .view import sources_of

EXACT_GRAINS = ("day", "part_of_day", "hour", "minute")


def day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def is_exact(span: TimeSpan) -> bool:
    """Known to the day: drawn as a marker. Anything wider or bounded is a span."""
    return (span.granularity in EXACT_GRAINS and span.mod in (None, "approx")
            and span.start is not None and span.start == span.end)


def interval(span: TimeSpan) -> str:
    """The drawn interval in words: "24 Jan 2025", "Sep–Nov 2024", "on or before 24 Jan 2025"."""
    if span.start is None or span.end is None:
        return span.value
    first, last = span.start, span.end
    prefix = "~" if span.mod == "approx" else ""
    if span.mod == "before":
        return f"on or before {day(last)}"
    if span.mod == "after":
        return f"on or after {day(first)}"
    if first == last:
        return prefix + day(first)
    whole_months = first.day == 1 and (last + timedelta(days=1)).day == 1
    if whole_months and (first.year, first.month) == (last.year, last.month):
        return f"{prefix}{first:%b %Y}"
    if whole_months and first.year == last.year and first.month == 1 and last.month == 12:
        return f"{prefix}{first.year}"
    if whole_months and first.year == last.year:
        return f"{prefix}{first:%b}–{last:%b %Y}"
    if whole_months:
        return f"{prefix}{first:%b %Y}–{last:%b %Y}"
    if first.year == last.year:
        return f"{prefix}{first.day} {first:%b}–{last.day} {last:%b %Y}"
    return f"{prefix}{day(first)}–{day(last)}"


def resolution(event: Event) -> str:
    """How the date was read: the phrase, what it means, and against what."""
    span = event.when
    meaning = interval(span)
    anchor = date.fromisoformat(span.anchor) if span.anchor else None
    against = f", read against {day(anchor)}" if anchor else ""
    if event.when_basis == "publication bound":
        return f"no date in the text: {meaning} (publication{against.replace(', read against', '')})"
    phrase = span.text or next((c.time_text for c in event.claims if c.time_text), None)
    if event.when_basis in ("speech act bound",) and phrase:
        return f"reported “{phrase}” → {meaning}{against}"
    if phrase:
        return f"“{phrase}” → {meaning}{against}"
    return f"{meaning}{against}"


def figures(event: Event) -> list[str]:
    """Each source's figure, attributed: "~11,000 soldiers (Ukraine and Western sources, Defence Talks)"."""
    lines = []
    for claim in event.claims:
        for quantity in claim.quantities[:1]:
            who = ", ".join(x for x in (claim.attribution, claim.source) if x)
            lines.append(f"{quantity.text} ({who})" if who else quantity.text)
    return lines


_HOVER_CACHE: dict[tuple, str] = {}
_HOVER_CACHE_SIZE = 200_000


def hover(event: Event) -> str:
    """The hover card, cached: the app redraws the same events on every filter change."""
    key = (event.id, event.label, event.when.value, event.when.mod, event.status, len(event.claims))
    text = _HOVER_CACHE.get(key)
    if text is None:
        if len(_HOVER_CACHE) >= _HOVER_CACHE_SIZE:
            _HOVER_CACHE.clear()
        text = _HOVER_CACHE[key] = _hover(event)
    return text


def _hover(event: Event) -> str:
    """The hover card: label; type and status; the date phrase and its resolution; sources."""
    sources = sources_of(event)
    lines = [f"<b>{_escape(event.label)}</b>",
             f"{type_name(event.type)} · {event.status}",
             _escape(resolution(event))]
    lines += [f"▸ {_escape(line)}" for line in figures(event)[:3]]
    count = len(sources)
    lines.append(f"{count} source{'s' if count != 1 else ''}: {_escape(', '.join(sources))}")
    return "<br>".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
