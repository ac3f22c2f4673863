"""The app's Export menu: the current view as PNG, SVG, PDF, a PPTX slide, CSV or JSON.

Wiring (in the app factory / layout, which this module does not edit):

    from dashboard import export_ui
    # layout: replace the placeholder html.Div(id="export-menu") with
    html.Div(export_ui.export_menu(), id="export-menu")
    # the timeline graph: its modebar camera button gets a briefing-sized PNG
    dcc.Graph(id="timeline", config=export_ui.graph_config(view), ...)
    # after the layout is set:
    export_ui.register_export_callbacks(app, get_events)     # get_events() -> every Event
    export_ui.warm_up()        # optional: start Chromium now, so the first export is quick

``register_export_callbacks`` reads the current view from ``State("url", "search")``
(the query string ``view.to_query`` writes) and, if given, the zoom from the graph's
``relayoutData`` (``relayout_state=State("timeline", "relayoutData")``), so an export
shows exactly what the analyst sees even before the URL has caught up with a pan.
Everything drawn comes from ``export.briefing_figure``, the function the CLI uses.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import Any

from dash import ALL, Input, Output, State, ctx, dcc, html, no_update

from extract.model import Event

from .export import FORMATS, Settings, briefing_figure, export_bytes
from .render import ChromiumMissing, RenderError, warm_up_in_background
from .style import type_name
from .view import View, from_query, zoom_from_relayout

LABELS = {
    "png": ("PNG image", "1920×1080 at 2× — for slides and documents"),
    "svg": ("SVG", "vector, for editing"),
    "pdf": ("PDF", "vector, one page, fonts embedded"),
    "pptx": ("PowerPoint slide", "16:9, chart, title, sources, date"),
    "csv": ("CSV", "the events shown, one row per source"),
    "json": ("JSON", "the events shown, in full"),
}
DOWNLOAD_ID = "export-download"
STATUS_ID = "export-status"
TITLE_ID = "export-title"
THEME_ID = "export-theme"
BUTTON_TYPE = "export-button"


def export_menu() -> html.Details:
    """The Export menu: a disclosure with a title field, the six formats, a status line
    and the dcc.Download that receives the file."""
    buttons = [
        html.Button([html.Span(name, className="export-format"), html.Small(note, className="export-note")],
                    id={"type": BUTTON_TYPE, "format": fmt}, n_clicks=0, className="export-button",
                    title=f"Download the current view as {name}")
        for fmt, (name, note) in LABELS.items()]
    return html.Details([
        html.Summary("Export", className="export-summary"),
        html.Div([
            html.Label(["Title", dcc.Input(id=TITLE_ID, type="text", debounce=True, maxLength=120,
                                           placeholder="Chronicle timeline", className="export-title")]),
            dcc.RadioItems(id=THEME_ID, value="print", inline=True, className="export-theme",
                           options=[{"label": "Briefing (light, large text)", "value": "print"},
                                    {"label": "As on screen", "value": "screen"}]),
            html.Div(buttons, className="export-buttons"),
            html.Div(id=STATUS_ID, className="export-status", role="status"),
            dcc.Download(id=DOWNLOAD_ID),
        ], className="export-panel"),
    ], className="export-menu")


def graph_config(view: View | None = None) -> dict[str, Any]:
    """dcc.Graph's config: the camera button saves a 1920×1080 PNG at 2× named after the
    view (the browser draws it, so it works without Chromium on the server)."""
    return {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        "toImageButtonOptions": {"format": "png", "filename": image_filename(view or View()),
                                 "width": 1920, "height": 1080, "scale": 2},
    }


def image_filename(view: View) -> str:
    """"chronicle-deployment-capture-2024-06-01-to-2025-01-31" (no extension)."""
    parts = ["chronicle"]
    parts += [type_name(t) for t in view.types[:3]]
    parts += list(view.sources[:2]) + list(view.actors[:2])
    first, last = view.zoom or (view.date_from, view.date_to)
    if first or last:
        parts.append(f"{first or 'start'}-to-{last or 'now'}")
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(str(p) for p in parts).casefold()).strip("-")
    return slug[:100] or "chronicle"


def current_view(search: Any, relayout: dict | None = None) -> View:
    """The view from the URL's query string (or a dict with "search"), zoom updated by the
    graph's relayoutData."""
    if isinstance(search, dict):
        search = search.get("search", "")
    view = from_query(str(search or ""))
    return view.with_(zoom=zoom_from_relayout(relayout, view.zoom)) if relayout else view


def settings_for(title: str | None, theme: str | None) -> Settings:
    return Settings(title=(title or "").strip(), theme=theme if theme in ("print", "screen") else "print")


def figure_for(events: Sequence[Event], search: Any, relayout: dict | None, title: str | None,
               theme: str | None, now: datetime):
    """The exported chart of the app's current view: what the PNG/SVG/PDF show."""
    figure, _ = briefing_figure(events, current_view(search, relayout), settings_for(title, theme), now)
    return figure


def register_export_callbacks(app, get_events: Callable[[], Sequence[Event]], *,
                              view_state: State | None = None, relayout_state: State | None = None,
                              clock: Callable[[], datetime] | None = None) -> None:
    """One callback: a format button -> the file, through dcc.Download. ``get_events``
    returns every event in the store (the view is applied here, as in the CLI)."""
    view_state = view_state or State("url", "search")
    states = [view_state, State(TITLE_ID, "value"), State(THEME_ID, "value")]
    if relayout_state is not None:
        states.append(relayout_state)
    clock = clock or (lambda: datetime.now(timezone.utc))

    @app.callback(Output(DOWNLOAD_ID, "data"), Output(STATUS_ID, "children"),
                  Input({"type": BUTTON_TYPE, "format": ALL}, "n_clicks"), *states,
                  prevent_initial_call=True)
    def _export(clicks, search, title, theme, relayout=None):
        trigger = ctx.triggered_id
        if not trigger or not any(clicks) or trigger.get("format") not in FORMATS:
            return no_update, no_update
        fmt = trigger["format"]
        try:
            export = export_bytes(fmt, list(get_events()), current_view(search, relayout),
                                  settings_for(title, theme), clock())
        except ChromiumMissing as exc:
            return no_update, html.Span(f"{fmt.upper()} export needs Chromium on the server. {exc}",
                                        className="export-error")
        except RenderError as exc:
            return no_update, html.Span(f"{fmt.upper()} export failed: {exc}", className="export-error")
        note = "" if export.events else " — no events match this view, so the file says so"
        return (dcc.send_bytes(export.content, export.filename),
                f"Exported {export.events} event{'s' if export.events != 1 else ''} as "
                f"{LABELS[fmt][0]}{note}.")


def warm_up() -> None:
    """Start the export browser in the background (no-op without Chromium)."""
    warm_up_in_background()


__all__ = ["export_menu", "graph_config", "register_export_callbacks", "figure_for", "current_view",
           "zoom_from_relayout", "image_filename", "warm_up"]
