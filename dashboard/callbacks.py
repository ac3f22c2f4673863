"""What happens when the analyst acts: the URL is the state, two callbacks keep it.

``sync`` turns every control, zoom, click and table selection into a new URL query
(``View.to_query``), and a URL (a shared link, back/forward) into control values.
``draw`` turns the URL into the figure, table, messages and detail panel. Their logic
lives in the pure functions above ``register`` (``render``, ``next_view``, ...), so a
benchmark or a test can run them without a browser. Every callback body is guarded: an
unexpected error is logged here and shown as one short sentence, never a traceback.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, NamedTuple

import plotly.graph_objects as go
from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from extract.article import Article
from extract.model import Event

from . import detail, table
from .data import Snapshot, Source
from .figure import Options, build_figure, lane_order
from .style import type_name
from .view import View, apply, from_query, sources_of, to_query, zoom_from_relayout

log = logging.getLogger(__name__)

#: View field -> id of the dropdown that filters it.
FILTERS = {"types": "filter-type", "statuses": "filter-status", "actors": "filter-actor",
           "places": "filter-place", "sources": "filter-source"}
LANE_TITLES = {"type": "Events by type", "actor": "Events by actor", "source": "Events by source"}
FAILED = "Something went wrong showing this view; the details are in the server log. " \
         "Clear the filters or reload the page."


class Rendered(NamedTuple):
    """What ``draw`` shows for a view: the figure, the table rows and a note (or None)."""

    figure: go.Figure
    rows: list[dict[str, Any]]
    message: str | None


# -- pure pieces ----------------------------------------------------------------------------

def describe_filters(view: View) -> str:
    """The active filters in words: "type Capture; source Radio Free Asia; text “kursk”"."""
    parts = []
    if view.types:
        parts.append("type " + ", ".join(type_name(t) for t in view.types))
    for name, label in (("statuses", "status"), ("actors", "actor"), ("places", "place"),
                        ("sources", "source")):
        values = getattr(view, name)
        if values:
            parts.append(f"{label} " + ", ".join(values))
    if view.date_from or view.date_to:
        parts.append(f"dates {view.date_from or '…'} to {view.date_to or '…'}")
    if view.query:
        parts.append(f"text “{view.query}”")
    return "; ".join(parts)


def is_filtered(view: View) -> bool:
    return bool(describe_filters(view))


def chart_width(viewport: int | None) -> int | None:
    """About how wide the chart is in a window ``viewport`` px wide (see assets/style.css:
    the detail panel takes a column of its own from 1600 px up)."""
    if not isinstance(viewport, (int, float)) or viewport <= 0:
        return None
    return max(480, int(viewport - (808 if viewport > 1600 else 330)))


def figure_options(view: View, shown: Sequence[Event], articles: Sequence[Article],
                   width: int | None = None) -> Options:
    """Options for the on-screen figure: a title that says what is shown, a height that
    gives every lane room, and the publication marks of the articles. ``width``: about
    how wide the browser will draw it (labels and legend rows are fitted to it)."""
    lanes = len(lane_order(list(shown), view.lanes)) if shown else 0
    sources = sorted({s for e in shown for s in sources_of(e)})
    filters = describe_filters(view)
    subtitle = (f"{len(shown):,} event{'s' if len(shown) != 1 else ''} from {len(sources)} "
                f"source{'s' if len(sources) != 1 else ''}" + (f" · filtered by {filters}" if filters else ""))
    return Options(title=LANE_TITLES.get(view.lanes, "Events"), subtitle=subtitle,
                   height=max(460, 190 + 46 * lanes) + (80 if view.lanes != "type" else 0),
                   expected_width=width,
                   publications=tuple((a.source or "unknown source", a.published_date) for a in articles))


def render(events: Sequence[Event], view: View, articles: Sequence[Article],
           width: int | None = None) -> Rendered:
    """The figure, table rows and message for ``view`` over all ``events``: what ``draw``
    sends to the browser, minus the components."""
    return render_shown(apply(list(events), view), bool(events), view, articles, width)


def render_shown(shown: list[Event], any_events: bool, view: View, articles: Sequence[Article],
                 width: int | None = None) -> Rendered:
    """``render`` for events already filtered by the view."""
    figure = build_figure(shown, view, figure_options(view, shown, articles, width))
    message = None
    if not shown and any_events:
        message = (f"No events match these filters ({describe_filters(view) or 'none'}). "
                   "Widen the date range, remove a filter or clear them all.")
    elif len(shown) > table.TABLE_LIMIT:
        message = (f"The table lists the first {table.TABLE_LIMIT:,} of {len(shown):,} events; "
                   "narrow the filters to list the rest (the chart shows them all).")
    return Rendered(figure, table.rows(shown), message)


def clicked_event(click: dict[str, Any] | None) -> str | None:
    """The event id a click on the figure carries (its point's customdata), if any."""
    for point in (click or {}).get("points", []):
        custom = point.get("customdata")
        if isinstance(custom, list):
            custom = custom[0] if custom else None
        if isinstance(custom, str) and custom:
            return custom
    return None


def view_from_controls(base: View, values: dict[str, Any]) -> View:
    """``base`` with the filter panel's values (zoom and selection kept)."""
    def listed(value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        return tuple(dict.fromkeys(str(v) for v in (value if isinstance(value, list) else [value])))

    def day_of(value: Any) -> date | None:
        try:
            return date.fromisoformat(str(value)[:10]) if value else None
        except ValueError:
            return None

    lanes = values.get("lanes") or "type"
    return base.with_(
        **{name: listed(values.get(name)) for name in FILTERS},
        date_from=day_of(values.get("date_from")), date_to=day_of(values.get("date_to")),
        query=(values.get("query") or "").strip()[:200],
        lanes=lanes if lanes in ("type", "actor", "source") else "type",
        publications="on" in (values.get("publications") or []),
    )


def control_values(view: View) -> dict[str, Any]:
    """The filter panel's values that show ``view`` (the inverse of view_from_controls)."""
    return {
        **{name: list(getattr(view, name)) for name in FILTERS},
        "date_from": view.date_from.isoformat() if view.date_from else None,
        "date_to": view.date_to.isoformat() if view.date_to else None,
        "query": view.query,
        "lanes": view.lanes,
        "publications": ["on"] if view.publications else [],
    }


def next_view(current: View, trigger: str | None, values: dict[str, Any]) -> View:
    """The view after the analyst's action ``trigger`` (a component id)."""
    if trigger == "reset":
        return View(lanes=current.lanes, publications=current.publications, selected=current.selected)
    if trigger == "timeline-relayout":
        return current.with_(zoom=zoom_from_relayout(values.get("relayout"), current.zoom))
    if trigger == "timeline-click":
        return current.with_(selected=clicked_event(values.get("click")) or current.selected)
    if trigger == "events-table":
        cell = values.get("cell") or {}
        return current.with_(selected=cell.get("row_id") or current.selected)
    if trigger == "detail-close":
        return current.with_(selected=None)
    return view_from_controls(current, values)


def counts(snapshot: Snapshot, shown: int | None) -> str:
    """The header line: "27 events · 2 articles · 2 sources", and how many are shown."""
    if snapshot.problem and not snapshot.events:
        return "no events"
    sources = len({a.source for a in snapshot.articles})
    total = len(snapshot.events)
    text = (f"{total:,} events · {len(snapshot.articles):,} article{'s' if len(snapshot.articles) != 1 else ''}"
            f" · {sources} source{'s' if sources != 1 else ''}")
    if shown is not None and shown != total:
        text += f" · showing {shown:,}"
    return text


def message_children(text: str) -> list[str | html.Code]:
    """A message with its `commands` set as code (text only, never HTML)."""
    pieces = text.split("`")
    return [html.Code(piece) if index % 2 else piece for index, piece in enumerate(pieces) if piece]


# -- the callbacks ---------------------------------------------------------------------------

CONTROL_PROPS: list[tuple[str, str, str]] = [   # (View-ish name, component id, property)
    ("types", "filter-type", "value"), ("statuses", "filter-status", "value"),
    ("actors", "filter-actor", "value"), ("places", "filter-place", "value"),
    ("sources", "filter-source", "value"), ("date_from", "date-range", "start_date"),
    ("date_to", "date-range", "end_date"), ("query", "search", "value"),
    ("lanes", "lanes", "value"), ("publications", "publications", "value"),
]


def guarded(fallback: Callable[[], Any]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Run a callback body; on an unexpected error log it and return ``fallback()``."""
    def wrap(body: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(body)
        def run(*args: Any) -> Any:
            try:
                return body(*args)
            except PreventUpdate:
                raise
            except Exception:   # noqa: BLE001 - the page must never show a traceback
                log.exception("callback %s failed", body.__name__)
                return fallback()
        return run
    return wrap


def _no_change() -> Any:
    raise PreventUpdate


def _draw_failed() -> tuple:
    return (build_figure([], View()), [], [], [html.Span(FAILED)], "notice notice-error", no_update,
            no_update, "content", no_update)


def _page(rows: list[dict[str, Any]], selected: str | None, current: int | None) -> Any:
    """Turn the table to the selected event's page; otherwise leave it where it is,
    unless the filters left fewer pages than that."""
    page = table.page_of(rows, selected) if selected else None
    if page is not None:
        return page
    return 0 if (current or 0) * table.PAGE_SIZE >= max(len(rows), 1) else no_update


def register(app: Dash, source: Source) -> None:
    """Attach the callbacks to ``app``; they read the store through ``source``."""

    app.clientside_callback("function(_) { return window.innerWidth; }",
                            Output("viewport", "data"), Input("url", "pathname"))

    @app.callback(
        [Output(cid, prop) for _, cid, prop in CONTROL_PROPS]
        + [Output("url", "search"), Output("events-table", "active_cell")],
        [Input("url", "search")]
        + [Input(cid, prop) for _, cid, prop in CONTROL_PROPS]
        + [Input("timeline", "relayoutData"), Input("timeline", "clickData"),
           Input("events-table", "active_cell"), Input("detail-close", "n_clicks"),
           Input("reset", "n_clicks")],
    )
    @guarded(_no_change)
    def sync(search: str | None, *inputs: Any) -> list[Any]:
        names = [name for name, _, _ in CONTROL_PROPS]
        values = dict(zip(names, inputs[:len(names)]))
        values["relayout"], values["click"], values["cell"] = inputs[len(names):len(names) + 3]
        current = from_query(search or "")
        trigger = ctx.triggered_id
        prop = ctx.triggered[0]["prop_id"].split(".")[-1] if ctx.triggered else ""
        untouched = [no_update] * len(CONTROL_PROPS)
        if trigger in (None, "url"):          # a link opened, or back/forward
            shown = control_values(current)
            return [shown[name] for name in names] + [no_update, no_update]
        if trigger == "timeline":
            trigger = "timeline-click" if prop == "clickData" else "timeline-relayout"
        view = next_view(current, trigger, values)
        query = to_query(view)
        controls = untouched
        if trigger == "reset":
            shown = control_values(view)
            controls = [shown[name] for name in names]
        clear_cell = None if trigger == "events-table" else no_update
        if query == to_query(current):
            if controls is untouched and clear_cell is no_update:
                raise PreventUpdate
            return controls + [no_update, clear_cell]
        return controls + ["?" + query if query else "", clear_cell]

    @app.callback(
        Output("timeline", "figure"), Output("events-table", "data"),
        Output("events-table", "style_data_conditional"), Output("message", "children"),
        Output("message", "className"), Output("counts", "children"), Output("detail-body", "children"),
        Output("content", "className"), Output("events-table", "page_current"),
        Input("url", "search"), Input("viewport", "data"), State("url", "pathname"),
        State("events-table", "page_current"),
    )
    @guarded(_draw_failed)
    def draw(search: str | None, viewport: int | None, pathname: str | None, page: int | None) -> tuple:
        snapshot = source.get()
        view = from_query(search or "")
        if snapshot.problem:
            figure = build_figure([], view, Options(title="Chronicle timeline"))
            return (figure, [], [], message_children(snapshot.problem), "notice notice-problem",
                    counts(snapshot, None), detail.placeholder(), "content content-problem", 0)
        shown = apply(list(snapshot.events), view)
        rendered = render_shown(shown, True, view, snapshot.articles, chart_width(viewport))
        message: list[Any] = []
        if rendered.message:
            message = message_children(rendered.message)
            if not rendered.rows:
                cleared = to_query(View(lanes=view.lanes, publications=view.publications))
                message += [" ", dcc.Link("Clear all filters", href=f"{pathname or '/'}?{cleared}",
                                          className="notice-action")]
        chosen = next((e for e in snapshot.events if e.id == view.selected), None) if view.selected else None
        body = detail.panel(chosen, snapshot.articles_by_id) if chosen else detail.placeholder()
        state = "content" if rendered.rows else "content content-empty"
        return (rendered.figure, rendered.rows, table.selected_style(view.selected), message,
                "notice" if message else "notice notice-hidden", counts(snapshot, len(shown)),
                body, state, _page(rendered.rows, view.selected, page))
