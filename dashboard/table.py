"""The events table beside the chart: its columns and rows (pure functions).

Rows are plain dicts, one per event, keyed by the event id (``id``) so a clicked
cell names its event even after the analyst re-sorts the table.
"""
from __future__ import annotations

from typing import Any

from extract.model import Event

from .describe import interval
from .style import type_name
from .view import sources_of

#: More rows than this are not sent to the browser; the message says so.
TABLE_LIMIT = 2000
PAGE_SIZE = 12

COLUMNS: list[dict[str, Any]] = [
    {"id": "start", "name": "From"},
    {"id": "when", "name": "Date as reported"},
    {"id": "type", "name": "Type"},
    {"id": "label", "name": "Event"},
    {"id": "status", "name": "Status"},
    {"id": "sources", "name": "Sources", "type": "numeric"},
    {"id": "actors", "name": "Actors"},
    {"id": "places", "name": "Places"},
]


def row(event: Event) -> dict[str, Any]:
    """One event as a table row."""
    return {
        "id": event.id,
        "start": event.when.start.isoformat() if event.when.start else "",
        "when": interval(event.when),
        "type": type_name(event.type),
        "label": event.label,
        "status": event.status,
        "sources": len(sources_of(event)),
        "actors": ", ".join(event.actors),
        "places": ", ".join(event.places),
    }


def rows(events: list[Event], limit: int = TABLE_LIMIT) -> list[dict[str, Any]]:
    """The first ``limit`` events (in the order given: time order) as rows."""
    return [row(event) for event in events[:limit]]


def selected_style(event_id: str | None) -> list[dict[str, Any]]:
    """style_data_conditional that marks the selected event's row."""
    if not event_id:
        return []
    safe = event_id.replace("\\", "").replace('"', "")
    return [{"if": {"filter_query": f'{{id}} = "{safe}"'},
             "backgroundColor": "#fff4d6", "fontWeight": 600}]


def page_of(rows_: list[dict[str, Any]], event_id: str | None, page_size: int = PAGE_SIZE) -> int | None:
    """The table page (in time order) that lists ``event_id``, or None if it is not listed."""
    for index, item in enumerate(rows_):
        if item["id"] == event_id:
            return index // page_size
    return None
