"""The timeline figure: events and view options in, a plotly Figure out.

One pure function serves the browser and every export. Lanes are event types (or
actors, or sources); an event known to the day is a marker, an uncertain one (a
month, a season, "on or before 24 Jan") a translucent bar over the whole span it
may lie in; planned, expected and suspected events are hollow and dashed. Large
event sets switch to WebGL, and past AGGREGATE_ABOVE events to counts per lane
and month, so 100,000 events still draw.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import numpy as np
import plotly.graph_objects as go

from extract.model import Event

from .describe import day, hover, is_exact
from .style import PRINT, SCREEN, TENTATIVE, THEMES, Theme, colour, rgba, type_name, TYPE_NAMES, TYPE_SYMBOLS
from .view import View, sources_of

WEBGL_ABOVE = 1500         # events: beyond this, WebGL traces (the browser only)
AGGREGATE_ABOVE = 20000    # events: beyond this, counts per lane and month
MAX_LABELS = 14            # labelled events, at most
MAX_PUBLICATION_NOTES = 6  # publication days named on the plot; more are only lines
MAX_PUBLICATION_LINES = 40 # beyond this many publication days in view, none are marked
BAR_WIDTH = 12             # px: the thickness of an uncertain span
MARKER_SIZE = 11


@dataclass(frozen=True, slots=True)
class Options:
    """How to draw, beyond what the view filters: medium, size and titles."""

    title: str = ""
    subtitle: str = ""
    theme: str = "screen"
    width: int | None = None
    height: int | None = None
    webgl: bool | None = None          # None: decide by the number of events
    publications: tuple[tuple[str, date], ...] = ()   # (source, day) of each article
    sources_line: str = ""             # "Sources: Defence Talks; Radio Free Asia"
    stamp: str = ""                    # "Generated 23 Nov 2026 10:14 UTC"
    labels: bool = True
    expected_width: int | None = None  # px the browser will draw at when width is None: places labels


def lanes_of(event: Event, mode: str) -> list[str]:
    """The lanes an event is drawn in: its type, each actor, or each source."""
    if mode == "actor":
        return list(event.actors[:1]) or ["(no actor named)"]
    if mode == "source":
        return sources_of(event)
    return [type_name(event.type)]


def lane_order(events: list[Event], mode: str) -> list[str]:
    """Lanes top to bottom: types in the taxonomy's order, actors and sources by how often they occur."""
    if mode == "type":
        present = {type_name(e.type) for e in events}
        return [type_name(t) for t in TYPE_NAMES if type_name(t) in present] + sorted(
            present - {type_name(t) for t in TYPE_NAMES})
    counts = Counter(lane for e in events for lane in lanes_of(e, mode))
    return [lane for lane, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def _array(values: list) -> np.ndarray:
    """Columns as numpy arrays: plotly validates them in one step instead of item by item."""
    if values and all(isinstance(v, datetime) or v is None for v in values):
        return np.array([np.datetime64(v, "ms") if v is not None else np.datetime64("NaT") for v in values])
    return np.array(values, dtype=object)


def _noon(value: date) -> datetime:
    return datetime.combine(value, time(12))


def _span_ends(event: Event) -> tuple[datetime, datetime]:
    """A span covers its first day from midnight to its last day at midnight after."""
    assert event.when.start is not None and event.when.end is not None
    return (datetime.combine(event.when.start, time(0)),
            datetime.combine(event.when.end + timedelta(days=1), time(0)))


def drawable(events: list[Event]) -> list[Event]:
    return [e for e in events if e.when.start is not None and e.when.end is not None]


def build_figure(events: list[Event], view: View | None = None, options: Options | None = None) -> go.Figure:
    """The timeline of ``events`` (already filtered by the view) as a plotly Figure."""
    view = view or View()
    options = options or Options()
    theme = THEMES.get(options.theme, SCREEN)
    events = drawable(events)
    figure = go.Figure()
    lanes = lane_order(events, view.lanes)
    if not events:
        _layout(figure, theme, options, lanes, view, empty=True)
        return figure
    if len(events) > AGGREGATE_ABOVE:
        _aggregate(figure, events, view, theme, lanes)
    else:
        webgl = options.webgl if options.webgl is not None else len(events) > WEBGL_ABOVE
        _spans(figure, events, view, webgl)
        _markers(figure, events, view, webgl, theme)
        if options.labels:
            _labels(figure, events, view, theme, options)
    _legend_keys(figure, theme, sorted({e.type for e in events}, key=list(TYPE_NAMES).index)
                 if view.lanes != "type" else None)
    if options.publications and view.publications:
        _publication_marks(figure, options.publications, theme, view.zoom or default_range(events))
    if theme.name == "screen":   # the range slider's histogram; print has no slider
        _overview(figure, events)
    _layout(figure, theme, options, lanes, view, empty=False, default_range=default_range(events))
    if view.selected:
        _highlight(figure, [e for e in events if e.id == view.selected], view, theme)
    return figure


# -- traces ---------------------------------------------------------------------------------

def _group_key(event: Event) -> tuple[str, bool]:
    return event.type, event.status in TENTATIVE


def _spans(figure: go.Figure, events: list[Event], view: View, webgl: bool) -> None:
    """Uncertain dates: one thick translucent line per event, grouped into few traces."""
    groups: dict[tuple[str, bool], list[Event]] = defaultdict(list)
    for event in events:
        if not is_exact(event.when):
            groups[_group_key(event)].append(event)
    trace = go.Scattergl if webgl else go.Scatter
    for (event_type, tentative), members in sorted(groups.items()):
        xs, ys = [], []
        mid_x, mid_y, mid_hover, mid_ids = [], [], [], []
        for event in members:
            start, end = _span_ends(event)
            for lane in lanes_of(event, view.lanes):
                xs += [start, end, None]
                ys += [lane, lane, None]
                mid_x.append(start + (end - start) / 2)
                mid_y.append(lane)
                mid_hover.append(hover(event))
                mid_ids.append(event.id)
        base = colour(event_type)
        caps_x, caps_y = [], []
        for event in members:
            if event.when.mod in ("before", "after"):
                start, end = _span_ends(event)
                for lane in lanes_of(event, view.lanes):
                    caps_x.append(end if event.when.mod == "before" else start)
                    caps_y.append(lane)
        if caps_x:   # "on or before": a bar that ends in a stop at the bound
            figure.add_trace(trace(x=caps_x, y=caps_y, mode="markers", hoverinfo="skip", showlegend=False,
                                   marker=dict(symbol="line-ns", size=BAR_WIDTH + 8, color=rgba(base, 0.9),
                                               line=dict(width=3, color=rgba(base, 0.9))),
                                   name=f"{type_name(event_type)} bound"))
        figure.add_trace(trace(
            x=_array(xs), y=_array(ys), mode="lines", hoverinfo="skip", showlegend=False,
            line=dict(color=rgba(base, 0.28 if tentative else 0.45), width=BAR_WIDTH,
                      dash="dot" if tentative else "solid"),
            name=f"{type_name(event_type)} span"))
        # An invisible point mid-span carries the hover card and the click.
        figure.add_trace(trace(
            x=_array(mid_x), y=_array(mid_y), mode="markers", customdata=_array(mid_ids),
            hovertext=_array(mid_hover),
            hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
            marker=dict(size=BAR_WIDTH + 4, color=rgba(base, 0.01), symbol="line-ew"),
            name=f"{type_name(event_type)} (uncertain)"))


def _markers(figure: go.Figure, events: list[Event], view: View, webgl: bool, theme: Theme) -> None:
    """Events known to the day: one marker each, hollow when tentative."""
    groups: dict[tuple[str, bool], list[Event]] = defaultdict(list)
    for event in events:
        if is_exact(event.when):
            groups[_group_key(event)].append(event)
    trace = go.Scattergl if webgl else go.Scatter
    for (event_type, tentative), members in sorted(groups.items()):
        xs, ys, hovers, ids = [], [], [], []
        for event in members:
            for lane in lanes_of(event, view.lanes):
                xs.append(_noon(event.when.start))
                ys.append(lane)
                hovers.append(hover(event))
                ids.append(event.id)
        symbol = TYPE_SYMBOLS.get(event_type, "circle")
        open_symbol = symbol + "-open" if tentative and symbol not in ("x",) else symbol
        figure.add_trace(trace(
            x=_array(xs), y=_array(ys), mode="markers", customdata=_array(ids), hovertext=_array(hovers),
            hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
            marker=dict(size=MARKER_SIZE, symbol=open_symbol, color=colour(event_type),
                        line=dict(width=2 if tentative else 1, color=colour(event_type) if tentative else theme.paper)),
            name=type_name(event_type)))


def _aggregate(figure: go.Figure, events: list[Event], view: View, theme: Theme, lanes: list[str]) -> None:
    """Too many events to draw one by one: a bubble per lane and month, sized by count."""
    counts: Counter[tuple[str, date]] = Counter()
    for event in events:
        start = event.when.start
        assert start is not None
        for lane in lanes_of(event, view.lanes):
            counts[(lane, date(start.year, start.month, 1))] += 1
    xs, ys, sizes, texts = [], [], [], []
    peak = max(counts.values())
    for (lane, month), count in counts.items():
        xs.append(_noon(month) + timedelta(days=14))
        ys.append(lane)
        sizes.append(6 + 30 * (count / peak) ** 0.5)
        texts.append(f"<b>{count:,} events</b><br>{lane} · {month:%b %Y}<br>zoom in to see each one")
    figure.add_trace(go.Scattergl(
        x=xs, y=ys, mode="markers", hovertext=texts, hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False, marker=dict(size=sizes, color=rgba("#0072B2", 0.5), line=dict(width=0)),
        name="events per month"))


def _overview(figure: go.Figure, events: list[Event]) -> None:
    """Events per week on a hidden axis: what the range slider shows (it cannot show WebGL)."""
    weeks = Counter()
    for event in events:
        start = event.when.start
        assert start is not None
        weeks[start - timedelta(days=start.weekday())] += 1
    ordered = sorted(weeks)
    # Its axis has a sliver of the plot's height, so it is all but invisible there;
    # the range slider draws each axis at full height, so there the counts show.
    figure.add_trace(go.Scatter(
        x=[_noon(w) for w in ordered], y=[weeks[w] for w in ordered], yaxis="y2", mode="lines",
        line=dict(color="rgba(87,96,106,0.6)", width=1, shape="hv"), fill="tozeroy",
        fillcolor="rgba(87,96,106,0.15)", hoverinfo="skip", showlegend=False, name="events per week"))


def _legend_keys(figure: go.Figure, theme: Theme, types: list[str] | None = None) -> None:
    """Legend-only entries that explain the marks (and, when lanes are not types, the colours)."""
    for event_type in types or []:
        figure.add_trace(go.Scatter(
            x=[None], y=[None], name=type_name(event_type), hoverinfo="skip", legendgroup="types",
            mode="markers", marker=dict(size=MARKER_SIZE, color=colour(event_type),
                                        symbol=TYPE_SYMBOLS.get(event_type, "circle"))))
    keys = [
        ("known to the day", dict(mode="markers", marker=dict(size=MARKER_SIZE, color=theme.muted))),
        ("uncertain: the span it lies in", dict(
            mode="lines", line=dict(color=rgba(theme.muted, 0.45), width=BAR_WIDTH))),
        ("on or before (after) a date", dict(
            mode="markers", marker=dict(symbol="line-ns", size=BAR_WIDTH + 8, color=theme.muted,
                                        line=dict(width=3, color=theme.muted)))),
        ("planned, expected or suspected", dict(
            mode="lines+markers", marker=dict(size=MARKER_SIZE, symbol="circle-open", color=theme.muted),
            line=dict(color=rgba(theme.muted, 0.35), width=4, dash="dot"))),
    ]
    for name, style in keys:
        figure.add_trace(go.Scatter(x=[None], y=[None], name=name, hoverinfo="skip",
                                    legendgroup="keys", **style))


def _publication_marks(figure: go.Figure, publications: tuple[tuple[str, date], ...], theme: Theme,
                       visible: tuple[date, date] | None = None) -> None:
    """A dotted line on each day articles appeared (within the visible range). A few
    days are named on the plot (in print: in the legend); past MAX_PUBLICATION_NOTES
    days only the lines are drawn, and the legend says how many; past
    MAX_PUBLICATION_LINES, nothing (zoom in to see them)."""
    by_day: dict[date, list[str]] = defaultdict(list)
    for source, published in publications:
        if visible is not None and not visible[0] <= published <= visible[1]:
            continue
        if source not in by_day[published]:
            by_day[published].append(source)
    if not by_day or len(by_day) > MAX_PUBLICATION_LINES:
        return   # a line for every day of a large corpus is a grey wall, not information
    days = sorted(by_day)
    width = 1.5 if theme.name == "print" else 1
    # All lines in one layout update: adding shapes one by one copies them all each time.
    figure.update_layout(shapes=list(figure.layout.shapes) + [
        dict(type="line", xref="x", yref="paper", x0=_noon(d), x1=_noon(d), y0=0, y1=1, layer="below",
             line=dict(color=theme.muted, width=width, dash="dot")) for d in days])
    if theme.name == "print" or len(days) > MAX_PUBLICATION_NOTES:
        # On paper (or when there are many) the dates go in the legend: notes on the plot
        # would collide with labels, or with each other.
        when = (", ".join(day(d) for d in days) if len(days) <= 3 else
                f"{len(days)} days, {day(days[0])} to {day(days[-1])}")
        figure.add_trace(go.Scatter(x=[None], y=[None], mode="lines", hoverinfo="skip", legendgroup="keys",
                                    name=f"article{'s' if len(publications) > 1 else ''} published: {when}",
                                    line=dict(color=theme.muted, width=width, dash="dot")))
        return
    notes = []
    for published in days:
        # Near the right edge the note reads leftwards from its line, so it is never cut off.
        late = visible is not None and (published - visible[0]).days > 0.8 * (visible[1] - visible[0]).days
        notes.append(dict(x=_noon(published), y=1.0, yref="paper", yanchor="top",
                          xanchor="right" if late else "left", showarrow=False, bgcolor=rgba(theme.plot, 0.85),
                          text=f"published {day(published)}", font=dict(size=theme.base_size - 2, color=theme.muted),
                          hovertext="<br>".join(by_day[published])))
    figure.update_layout(annotations=list(figure.layout.annotations) + notes)


def _labels(figure: go.Figure, events: list[Event], view: View, theme: Theme, options: Options) -> None:
    """Labels on the key events, above their mark or, if that place is taken, below it."""
    chosen = key_events(events)
    visible = view.zoom or default_range(events)
    assert visible is not None
    first, last = visible
    days = max((last - first).days, 1)
    width_px = (options.width or options.expected_width or 1400) * 0.78
    char_days = days / width_px * (theme.base_size * 0.58)
    # A label below one lane and a label above the next share the gap between them:
    # gaps are numbered top to bottom, so the two compete for the same room.
    position = {lane: index for index, lane in enumerate(lane_order(events, view.lanes))}
    taken: dict[int, list[tuple[float, float]]] = defaultdict(list)
    if options.publications and view.publications and theme.name != "print":   # print: dates in the legend
        # "published 24 Jan 2025" hangs from the top edge, over the gap above the top lane
        for published in {d for _, d in options.publications}:
            half = len(f"published {day(published)}") * char_days / 2
            at = (published - first).days
            late = at > 0.8 * days     # as _publication_marks: the note then reads leftwards
            taken[0].append((at - half if late else at + half, half))
    for event in chosen:
        lane = lanes_of(event, view.lanes)[0]
        start, end = _span_ends(event)
        centre = start + (end - start) / 2
        if not first <= centre.date() <= last:
            continue
        text = _short(event.label, 90 if theme.name == "print" else 48)
        half = len(text) * char_days / 2
        x = (centre.date() - first).days
        x = min(max(x, half), days - half)   # keep the whole label inside the plot
        for side in (1, -1):
            row = taken[position.get(lane, 0) + (0 if side == 1 else 1)]
            if all(abs(x - other) > half + other_half for other, other_half in row):
                row.append((x, half))
                figure.add_annotation(
                    x=datetime.combine(first, time(12)) + timedelta(days=x), y=lane, yshift=16 * side,
                    text=text, showarrow=False, font=dict(size=theme.base_size - 1, color=theme.text),
                    bgcolor=rgba(theme.paper, 0.85), xanchor="center")
                break


def key_events(events: list[Event]) -> list[Event]:
    """The events worth a label: most sources, then most confident, then exact dates."""
    ranked = sorted(events, key=lambda e: (-len({c.article_id for c in e.claims}), -e.confidence,
                                           not is_exact(e.when), e.id))
    return ranked[:MAX_LABELS]


def _short(label: str, limit: int = 48) -> str:
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"


def _highlight(figure: go.Figure, selected: list[Event], view: View, theme: Theme) -> None:
    for event in selected:
        start, end = _span_ends(event)
        for lane in lanes_of(event, view.lanes):
            figure.add_trace(go.Scatter(
                x=[start + (end - start) / 2], y=[lane], mode="markers", hoverinfo="skip", showlegend=False,
                marker=dict(size=MARKER_SIZE + 12, symbol="circle-open", color=theme.text, line=dict(width=2)),
                name="selected"))


def default_range(events: list[Event]) -> tuple[date, date] | None:
    """Where the story is: all events, except background far older than most of them
    (the 1950 invasion), which the range slider still reaches."""
    starts = sorted(e.when.start for e in events if e.when.start)  # type: ignore[misc]
    ends = [e.when.end for e in events if e.when.end]
    if not starts:
        return None
    median = starts[len(starts) // 2]
    recent = [d for d in starts if (median - d).days <= 5 * 365] or starts
    first, last = recent[0], max(ends)  # type: ignore[type-var]
    pad = timedelta(days=max(7, (last - first).days // 30))
    return first - pad, last + pad


def _print_header(figure: go.Figure, theme: Theme, options: Options, subtitle: bool) -> None:
    """Print: room above the plot for the title, the subtitle and every row of the legend
    (it wraps into equal columns when lanes are actors or sources), so none overlap."""
    names = [trace.name or "" for trace in figure.data if trace.showlegend is not False]
    if not names:
        return
    font = theme.base_size - 1
    column = max(len(name) for name in names) * font * 0.6 + 50
    columns = max(1, int((options.width or options.expected_width or 1400) * 0.85 // column))
    rows = -(-len(names) // columns)
    title = (theme.base_size + 10) * 1.25 + 12 + (theme.base_size * 1.4 if subtitle else 0)
    figure.update_layout(margin_t=int(title + rows * font * 1.6 + 30))


def _layout(figure: go.Figure, theme: Theme, options: Options, lanes: list[str], view: View, empty: bool,
            default_range: tuple[date, date] | None = None) -> None:
    title = options.title or "Chronicle timeline"
    subtitle = options.subtitle
    figure.update_layout(
        template="simple_white",
        paper_bgcolor=theme.paper, plot_bgcolor=theme.plot,
        font=dict(family=theme.font, size=theme.base_size, color=theme.text),
        title=dict(text=f"<b>{title}</b>" + (f"<br><span style='font-size:{theme.base_size}px;color:{theme.muted}'>"
                                             f"{subtitle}</span>" if subtitle else ""),
                   x=0.01, xanchor="left", y=0.98, yanchor="top",
                   font=dict(size=theme.base_size + 10) if theme.name == "print" else None,
                   pad=dict(t=12 if theme.name == "print" else 18)),
        margin=dict(l=10, r=20, t=110 if subtitle else 90, b=70 if (options.sources_line or options.stamp) else 30),
        hovermode="closest", dragmode="pan",
        hoverlabel=dict(bgcolor=theme.paper, font=dict(family=theme.font, size=theme.base_size - 1,
                                                       color=theme.text), align="left"),
        legend=dict(orientation="h", x=0, y=1.0, xanchor="left", yanchor="bottom",
                    font=dict(size=theme.base_size - 1), bgcolor="rgba(0,0,0,0)", itemclick=False,
                    traceorder="normal",
                    itemdoubleclick=False),
        xaxis=dict(type="date", showgrid=True, gridcolor=theme.grid, zeroline=False,
                   rangeslider=dict(visible=theme.name == "screen", thickness=0.07, bgcolor=theme.plot),
                   tickformat="%b %Y", hoverformat="%d %b %Y", ticks="outside"),
        yaxis=dict(type="category", categoryorder="array", categoryarray=list(reversed(lanes)),
                   showgrid=True, gridcolor=theme.grid, automargin=True, ticks="", title=None,
                   fixedrange=True),
        yaxis2=dict(domain=[0, 0.012], visible=False, fixedrange=True, rangemode="tozero"),
        uirevision=view.lanes,
    )
    if options.width:
        figure.update_layout(width=options.width)
    if options.height:
        figure.update_layout(height=options.height)
    if theme.name == "print" or view.lanes != "type":
        # (on screen the legend wraps only when it lists the types too: lanes not by type)
        _print_header(figure, theme, options, bool(subtitle))
        # zoomed in to weeks, "%b %Y" would repeat a month under several ticks
        figure.update_xaxes(tickformatstops=[dict(dtickrange=[None, "M1"], value="%-d %b %Y"),
                                             dict(dtickrange=["M1", None], value="%b %Y")])
    if view.zoom:
        figure.update_xaxes(range=[_noon(view.zoom[0]), _noon(view.zoom[1])])
    elif not empty and default_range is not None:
        figure.update_xaxes(range=[_noon(default_range[0]), _noon(default_range[1])])
    footer = "   ·   ".join(x for x in (options.sources_line, options.stamp) if x)
    if footer:
        figure.add_annotation(x=0, y=0, xref="paper", yref="paper", yanchor="top", yshift=-48, xanchor="left",
                              showarrow=False, text=footer, font=dict(size=theme.base_size - 2, color=theme.muted))
    if empty:
        figure.add_annotation(x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                              text="No events to show", font=dict(size=theme.base_size + 4, color=theme.muted))
        # plotly.js cannot draw a range slider on a hidden axis (TypeError in the browser)
        figure.update_xaxes(visible=False, rangeslider_visible=False)
        figure.update_yaxes(visible=False)


__all__ = ["Options", "build_figure", "lanes_of", "lane_order", "key_events", "WEBGL_ABOVE", "AGGREGATE_ABOVE",
           "PRINT"]
