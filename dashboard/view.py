"""What the analyst is looking at: filters, lanes, zoom. Round-trips through the URL.

A View is plain data; `to_query`/`from_query` turn it into the query string of a
shareable link and back, and `apply` picks the events it shows (pure functions).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any
from datetime import date
from urllib.parse import parse_qs, urlencode

from extract.model import Event

LANE_MODES = ("type", "actor", "source")


@dataclass(frozen=True, slots=True)
class View:
    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    query: str = ""
    lanes: str = "type"
    publications: bool = True
    zoom: tuple[date, date] | None = None      # the visible x range, when zoomed
    selected: str | None = None                # an event id

    def with_(self, **changes) -> "View":
        return replace(self, **changes)


_LISTS = ("types", "actors", "places", "sources", "statuses")


def to_query(view: View) -> str:
    """The URL query string of a view (defaults left out, so links stay short)."""
    params: list[tuple[str, str]] = []
    default = View()
    for name in _LISTS:
        for value in getattr(view, name):
            params.append((name[:-1] if name != "statuses" else "status", value))
    if view.date_from:
        params.append(("from", view.date_from.isoformat()))
    if view.date_to:
        params.append(("to", view.date_to.isoformat()))
    if view.query:
        params.append(("q", view.query))
    if view.lanes != default.lanes:
        params.append(("lanes", view.lanes))
    if not view.publications:
        params.append(("pubs", "off"))
    if view.zoom:
        params.append(("zoom", f"{view.zoom[0].isoformat()}..{view.zoom[1].isoformat()}"))
    if view.selected:
        params.append(("event", view.selected))
    return urlencode(params)


def from_query(query: str) -> View:
    """The view a query string describes; anything malformed is ignored, never an error."""
    parsed = parse_qs(query.lstrip("?"), keep_blank_values=False)
    values: dict = {}
    for name in _LISTS:
        key = name[:-1] if name != "statuses" else "status"
        values[name] = tuple(dict.fromkeys(parsed.get(key, [])))
    values["date_from"] = _date(parsed.get("from"))
    values["date_to"] = _date(parsed.get("to"))
    values["query"] = (parsed.get("q") or [""])[0][:200]
    lanes = (parsed.get("lanes") or ["type"])[0]
    values["lanes"] = lanes if lanes in LANE_MODES else "type"
    values["publications"] = (parsed.get("pubs") or ["on"])[0] != "off"
    zoom = (parsed.get("zoom") or [""])[0].split("..")
    first, last = (_date([zoom[0]]), _date([zoom[1]])) if len(zoom) == 2 else (None, None)
    values["zoom"] = (first, last) if first and last and first < last else None
    values["selected"] = (parsed.get("event") or [None])[0]
    return View(**values)


def _date(values: list[str] | None) -> date | None:
    if not values:
        return None
    try:
        return date.fromisoformat(values[0][:10])
    except ValueError:
        return None


def sources_of(event: Event) -> list[str]:
    return list(dict.fromkeys(c.source or "unknown source" for c in event.claims))


def matches(event: Event, view: View) -> bool:
    """Does the event pass the view's filters? (Zoom is not a filter: it only moves the axis.)"""
    if view.types and event.type not in view.types:
        return False
    if view.statuses and event.status not in view.statuses:
        return False
    if view.actors and not set(view.actors) & set(event.actors):
        return False
    if view.places and not set(view.places) & set(event.places):
        return False
    if view.sources and not set(view.sources) & set(sources_of(event)):
        return False
    start, end = event.when.start, event.when.end
    if view.date_from and end and end < view.date_from:
        return False
    if view.date_to and start and start > view.date_to:
        return False
    if view.query:
        needle = view.query.casefold()
        haystack = " ".join([event.label, event.type, *event.actors, *event.places,
                             *(c.sentence for c in event.claims),
                             *(c.attribution or "" for c in event.claims),
                             *(c.source or "" for c in event.claims)]).casefold()
        if not all(word in haystack for word in needle.split()):
            return False
    return True


def apply(events: list[Event], view: View) -> list[Event]:
    return [event for event in events if matches(event, view)]


def facets(events: list[Event]) -> dict[str, list[str]]:
    """The values each filter can take, for the dropdowns."""
    return {
        "types": sorted({e.type for e in events}),
        "actors": sorted({a for e in events for a in e.actors}),
        "places": sorted({p for e in events for p in e.places}),
        "sources": sorted({s for e in events for s in sources_of(e)}),
        "statuses": sorted({e.status for e in events}),
    }


def zoom_from_relayout(relayout: dict[str, Any] | None,
                       current: tuple[date, date] | None) -> tuple[date, date] | None:
    """The zoom a plotly relayout event asks for: a new range, None after a reset
    (double click, autorange), or ``current`` when it is about something else."""
    if not relayout:
        return current
    if relayout.get("xaxis.autorange"):
        return None
    ends = relayout.get("xaxis.range")
    if ends is None and "xaxis.range[0]" in relayout and "xaxis.range[1]" in relayout:
        ends = [relayout["xaxis.range[0]"], relayout["xaxis.range[1]"]]
    if not ends or len(ends) != 2:
        return current
    try:
        first, last = (date.fromisoformat(str(end)[:10]) for end in ends)
    except ValueError:
        return current
    return (first, last) if first < last else current
