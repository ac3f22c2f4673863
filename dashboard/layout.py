"""The page: header, filter panel, timeline, table and detail panel.

Built per page load from the current ``Snapshot`` (so the dropdowns offer what the
store holds now). Controls start empty: the ``sync`` callback fills them from the URL.
Every component the callbacks use is always present, even when there is no database,
so the page never breaks; the message box says what is wrong instead.
"""
from __future__ import annotations

from typing import Any

from dash import dash_table, dcc, html

from . import detail, table
from . import export_ui
from .data import Snapshot
from .style import TYPE_NAMES, type_name

FONT = '"DejaVu Sans", Inter, "Segoe UI", Helvetica, Arial, sans-serif'
GRAPH_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "scrollZoom": True,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    # The camera button: a 1920×1080 PNG at 2×, drawn by the browser (works without Chromium).
    "toImageButtonOptions": export_ui.graph_config()["toImageButtonOptions"],
}


def _dropdown(component_id: str, label: str, options: list[dict[str, str]], placeholder: str) -> html.Div:
    return html.Div(className="field", children=[
        html.Label(label, htmlFor=component_id),
        dcc.Dropdown(id=component_id, options=options, multi=True, placeholder=placeholder, value=[]),
    ])


def _options(values: list[str]) -> list[dict[str, str]]:
    return [{"label": value, "value": value} for value in values]


def filters(snapshot: Snapshot) -> html.Aside:
    """The left panel: search, dates, the five facets, lanes and publication marks."""
    choices = snapshot.choices
    order = list(TYPE_NAMES)
    types = sorted(choices.get("types", []), key=lambda t: (order.index(t) if t in order else len(order), t))
    starts = sorted(e.when.start for e in snapshot.events if e.when.start)
    return html.Aside(className="filters", children=[
        html.Div(className="field", children=[
            html.Label("Search", htmlFor="search"),
            dcc.Input(id="search", type="search", placeholder="words in labels, sentences, sources…",
                      debounce=0.4, value="", className="search"),
        ]),
        html.Div(className="field", children=[
            html.Label("Dates", htmlFor="date-range"),
            dcc.DatePickerRange(id="date-range", display_format="D MMM YYYY", clearable=True,
                                start_date_placeholder_text="from", end_date_placeholder_text="to",
                                initial_visible_month=starts[-1].isoformat() if starts else None,
                                first_day_of_week=1),
        ]),
        _dropdown("filter-type", "Event type",
                  [{"label": type_name(t), "value": t} for t in types], "all types"),
        _dropdown("filter-status", "Status", _options(choices.get("statuses", [])), "any status"),
        _dropdown("filter-actor", "Actor", _options(choices.get("actors", [])), "any actor"),
        _dropdown("filter-place", "Place", _options(choices.get("places", [])), "anywhere"),
        _dropdown("filter-source", "Source", _options(choices.get("sources", [])), "every source"),
        html.Div(className="field", children=[
            html.Label("Lanes", htmlFor="lanes"),
            dcc.RadioItems(id="lanes", className="segmented", value="type", inline=True, options=[
                {"label": "Type", "value": "type"}, {"label": "Actor", "value": "actor"},
                {"label": "Source", "value": "source"}]),
        ]),
        dcc.Checklist(id="publications", className="toggle", value=["on"],
                      options=[{"label": " Show publication dates", "value": "on"}]),
        html.Button("Clear filters", id="reset", className="button-secondary", n_clicks=0),
        html.P("The address bar holds this view: copy it to share exactly what you see.",
               className="hint"),
    ])


def header() -> html.Header:
    return html.Header(className="app-header", children=[
        html.Div(className="brand", children=[
            html.H1("Chronicle"),
            html.Span("dated, sourced events from the news", className="tagline"),
        ]),
        html.Div(id="counts", className="counts"),
        # The "Export" menu (PNG, SVG, PDF, PPTX, CSV) goes here: dashboard/export*.
        html.Div(export_ui.export_menu(), id="export-menu", className="export-menu"),
    ])


def events_table() -> dash_table.DataTable:
    return dash_table.DataTable(
        id="events-table", columns=table.COLUMNS, data=[], sort_action="native",
        page_action="native", page_size=table.PAGE_SIZE, page_current=0, cell_selectable=True, style_as_list_view=True,
        style_table={"overflowX": "auto"},
        style_cell={"fontFamily": FONT, "fontSize": "13px", "padding": "6px 10px",
                    "textAlign": "left", "whiteSpace": "normal", "height": "auto",
                    "maxWidth": "340px", "border": "none", "borderBottom": "1px solid #eaecef"},
        style_header={"fontWeight": 600, "backgroundColor": "#f6f8fa", "color": "#1f2328",
                      "borderBottom": "1px solid #d0d7de"},
        style_cell_conditional=[
            {"if": {"column_id": "label"}, "minWidth": "260px"},
            {"if": {"column_id": "start"}, "width": "92px", "whiteSpace": "nowrap"},
            {"if": {"column_id": "sources"}, "width": "70px", "textAlign": "right"},
        ],
    )


def detail_card() -> html.Section:
    """The detail panel: a static header (so its close button always exists), a body
    that ``draw`` fills."""
    return html.Section(className="card detail-card", id="detail", children=[
        html.Div(className="detail-header", children=[
            html.H2("Event detail"),
            html.Button("×", id="detail-close", className="close", n_clicks=0,
                        title="Close the detail", **{"aria-label": "Close the detail"}),
        ]),
        html.Div(id="detail-body", children=detail.placeholder()),
    ])


def build(snapshot: Snapshot) -> html.Div:
    """The whole page. The body is a grid (see assets/style.css): filters on the left,
    chart then table in the middle, and the detail at the right on wide screens or
    between chart and table on narrower ones."""
    return html.Div(className="app", children=[
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="viewport"),     # the window's width, so labels and legend fit the chart
        header(),
        html.Div(id="content", className="content", children=[
            filters(snapshot),
            html.Main(className="main", children=[
                html.Div(id="message", className="notice notice-hidden", role="status"),
                html.Section(className="card chart-card", children=[
                    dcc.Loading(type="dot", delay_show=400, children=dcc.Graph(
                        id="timeline", config=GRAPH_CONFIG, className="timeline",
                        figure={"layout": {"height": 460}})),
                ]),
            ]),
            detail_card(),
            html.Section(className="card table-card", children=[html.H2("Events"), events_table()]),
        ]),
    ])
