"""Briefing exports of one view: PNG, SVG, PDF, a PPTX slide, and the events as CSV/JSON.

``python -m dashboard.export --db FILE --format png --out chart.png [filters] [layout]``
or ``--spec exports.yaml`` for several views in one run (one browser for all of them).

The chart is always ``figure.build_figure`` of the view's events: the same function the
app draws with. What this module adds is the briefing wrapping, as pure functions:
``briefing_options`` (title, a subtitle that says what the view shows, the sources line,
the generation stamp, the print theme) and the file builders (``pptx_bytes``,
``csv_text``, ``json_text``). Only ``export_bytes`` renders (through the warm
``render.renderer()``), and only ``main`` touches files, the store and the clock.

A spec file (YAML, or JSON when it ends in .json) takes the command line's option names:

    db: data/chronicle.db            # optional; --db wins
    defaults: {title: North Korean troops in Russia, theme: print}
    exports:
      - out: out/overview.png        # format from the suffix, or format: png
      - out: out/statements.pdf
        types: [statement]           # or "statement,capture"
        lanes: source
        zoom: 2024-12-01..2025-03-31
      - out: out/slide.pptx
        view: "type=capture&zoom=2024-12-01..2025-02-15"   # a link copied from the app
      - {out: out/events.csv, status: occurred, from: 2025-01-01}

Fonts: the print theme asks for DejaVu Sans, then Liberation Sans (both installed by
``make system-deps``). PDFs embed them (Chromium subsets them); SVGs only name them, so a
machine without either falls back to Arial/sans-serif with slightly different widths;
the slide's own text is Arial (LibreOffice substitutes the metric-compatible Liberation Sans).

Exit codes: 0 every export written (an empty view too: its chart says "No events to
show" and a warning line says so); 1 some export failed; 2 bad arguments, spec or
database; 3 no Chromium for an image format (data exports in the same run are written).
"""
from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Sequence

import plotly.graph_objects as go

from extract.export import json_lines, write_csv
from extract.model import EVENT_TYPES, STATUSES, Event

from .describe import day
from .figure import Options, build_figure, default_range, drawable
from . import render as render_module
from .render import ChromiumMissing, IMAGE_FORMATS, RenderError, Renderer, renderer
from .style import THEMES, type_name
from .view import LANE_MODES, View, apply, facets, from_query, sources_of

FORMATS = ("png", "svg", "pdf", "pptx", "csv", "json")
MEDIA_TYPES = {
    "png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "csv": "text/csv", "json": "application/json",
}
DEFAULT_TITLE = "Chronicle timeline"
MAX_PUBLICATION_MARKS = 8      # more publication days than this would bury the chart in lines

# The slide: 16:9, in EMU (914400 per inch).
EMU_PER_INCH = 914400
SLIDE_WIDTH_IN, SLIDE_HEIGHT_IN = 13.333, 7.5
SLIDE_MARGIN_IN = 0.4
SLIDE_CHART_TOP_IN, SLIDE_CHART_BOTTOM_IN = 1.35, 6.45
SLIDE_CHART_WIDTH = 1280      # layout px; rendered at 1.5 x the PNG scale (3840 px at scale 2)
SLIDE_FONT = "Arial"           # on every PowerPoint; LibreOffice maps it to Liberation Sans


@dataclass(frozen=True, slots=True)
class Settings:
    """How an export is laid out (the view says what it shows)."""

    title: str = ""
    subtitle: str = ""                 # "" -> a description of the view
    width: int = 1920
    height: int = 1080
    scale: float = 2.0                 # PNG only: 1920 x 1080 at 2 -> 3840 x 2160 pixels
    theme: str = "print"


@dataclass(frozen=True, slots=True)
class Export:
    """One exported file, in memory."""

    fmt: str
    content: bytes
    events: int                        # how many events the view shows
    filename: str

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.fmt]


# -- the briefing wrapping (pure) ------------------------------------------------------------

def stamp(now: datetime) -> str:
    """"Generated 23 Nov 2026 10:14 UTC"."""
    moment = now.astimezone(timezone.utc) if now.tzinfo else now
    return f"Generated {day(moment.date())} {moment:%H:%M} UTC by Chronicle"


def source_names(events: Iterable[Event]) -> list[str]:
    """Every source the events rest on, alphabetically."""
    return sorted({source for event in events for source in sources_of(event)}, key=str.casefold)


def sources_line(names: Sequence[str], room: int = 140) -> str:
    """"Sources: Defence Talks; Radio Free Asia", shortened to about ``room`` characters
    ("...; and 12 more (all in the CSV)") so that it never runs off the chart."""
    if not names:
        return "Sources: none (no events in this view)"
    line = "Sources: " + "; ".join(names)
    if len(line) <= room:
        return line
    shown: list[str] = []
    for name in names:
        rest = len(names) - len(shown) - 1
        tail = f"; and {rest} more (all in the CSV)" if rest else ""
        if len("Sources: " + "; ".join([*shown, name]) + tail) > room:
            break
        shown.append(name)
    return "Sources: " + "; ".join(shown) + f"; and {len(names) - len(shown)} more (all in the CSV)"


def _month_span(first: date, last: date) -> str:
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%b %Y}"
    return f"{first:%b %Y} – {last:%b %Y}"


def describe_view(view: View, events: Sequence[Event]) -> str:
    """The default subtitle: how many events, over what time, and which filters made them.
    "27 events, Jan 2024 – Mar 2025 · types: Deployment, Capture · search “kursk”"."""
    count = len(events)
    parts = [f"{count} event{'s' if count != 1 else ''}"]
    dated = drawable(list(events))
    shown = view.zoom or default_range(dated)
    if shown:
        inside = [e for e in dated if e.when.end >= shown[0] and e.when.start <= shown[1]]  # type: ignore[operator]
        if inside:
            first = max(min(e.when.start for e in inside), shown[0])  # type: ignore[type-var]
            last = min(max(e.when.end for e in inside), shown[1])  # type: ignore[type-var]
            parts[0] += f", {_month_span(first, last)}"
        outside = len(dated) - len(inside)
        if outside:
            parts[0] += f" ({outside} outside the dates shown)"
    if view.date_from or view.date_to:
        first = day(view.date_from) if view.date_from else "the start"
        last = day(view.date_to) if view.date_to else "now"
        parts.append(f"dated {first} to {last}")
    if view.types:
        parts.append("types: " + ", ".join(type_name(t) for t in view.types))
    if view.statuses:
        parts.append("status: " + ", ".join(view.statuses))
    for label, values in (("actors", view.actors), ("places", view.places), ("sources", view.sources)):
        if values:
            parts.append(f"{label}: " + ", ".join(values))
    if view.query:
        parts.append(f"search “{view.query}”")
    if view.lanes != "type":
        parts.append(f"one row per {view.lanes}")
    return " · ".join(parts)


def publications_of(events: Iterable[Event]) -> tuple[tuple[str, date], ...]:
    """(source, day) of every article behind the events, from their claims."""
    seen: dict[tuple[str, date], None] = {}
    for event in events:
        for claim in event.claims:
            try:
                published = date.fromisoformat(claim.published[:10])
            except (TypeError, ValueError):
                continue
            seen[(claim.source or "unknown source", published)] = None
    return tuple(sorted(seen, key=lambda item: (item[1], item[0])))


def spaced_publications(publications: tuple[tuple[str, date], ...], shown: tuple[date, date] | None,
                        width: int, font_px: int) -> tuple[tuple[str, date], ...]:
    """The publication marks that fit: inside the shown range, each day's "published ..."
    note clear of the last one kept, and none at all beyond MAX_PUBLICATION_MARKS days."""
    if not publications or shown is None:
        return ()
    first, last = shown
    inside = [(s, d) for s, d in publications if first <= d <= last]
    days = sorted({d for _, d in inside})
    if len(days) > MAX_PUBLICATION_MARKS:
        return ()
    px_per_day = width * 0.8 / max((last - first).days, 1)
    note_days = (len("published 24 Jan 2025") * font_px * 0.6 + 12) / px_per_day
    kept: list[date] = []
    for published in days:
        if not kept or (published - kept[-1]).days >= note_days:
            kept.append(published)
    return tuple((s, d) for s, d in inside if d in kept)


def briefing_options(events: Sequence[Event], view: View, settings: Settings, now: datetime,
                     for_slide: bool = False) -> Options:
    """The figure options of a briefing export of ``events`` (the view's events)."""
    theme = THEMES.get(settings.theme, THEMES["print"])
    shown = view.zoom or default_range(drawable(list(events)))
    room = int(settings.width / (max(theme.base_size - 2, 12) * 0.56)) - len(stamp(now)) - 8
    return Options(
        title=settings.title or DEFAULT_TITLE,
        subtitle=settings.subtitle or describe_view(view, events),
        theme=theme.name,
        width=settings.width,
        height=settings.height,
        webgl=False,   # SVG and PDF stay vectors; Chromium draws 1,000s of SVG points quickly
        publications=spaced_publications(publications_of(events), shown, settings.width,
                                         max(theme.base_size - 2, 12)),
        sources_line="" if for_slide else sources_line(source_names(events), room=max(room, 40)),
        stamp="" if for_slide else stamp(now),
        labels=True,
    )


def export_view(view: View) -> View:
    """The view an export draws: the app's view without the clicked event's highlight."""
    return replace(view, selected=None)


def briefing_figure(all_events: Sequence[Event], view: View, settings: Settings, now: datetime,
                    for_slide: bool = False) -> tuple[go.Figure, list[Event]]:
    """The chart of a view, as exported, and the events it shows. The one function that
    both the CLI and the app's Export menu call."""
    view = export_view(view)
    events = apply(list(all_events), view)
    figure = build_figure(events, view, briefing_options(events, view, settings, now, for_slide))
    if for_slide:   # the slide has its own title, sources and footer: give the title's room back
        theme = THEMES.get(settings.theme, THEMES["print"])
        title_room = (theme.base_size + 10) * 1.25 + 12 + theme.base_size * 1.4
        figure.update_layout(title_text="", margin_t=max(40, int(figure.layout.margin.t - title_room)))
    # A file has no range slider to drag (the screen theme draws one; print does not).
    figure.update_xaxes(rangeslider_visible=False)
    return figure, events


def static_spec(figure: go.Figure) -> dict[str, Any]:
    """The figure as a dict for rendering to a file: without what only serves the mouse
    (the invisible points that carry an uncertain span's hover card and click, hover
    texts, event ids), which halves what Chromium has to draw at 1,000 events."""
    spec = figure.to_dict()
    spec["data"] = [{key: value for key, value in trace.items()
                     if key not in ("hovertext", "customdata", "hovertemplate")}
                    for trace in spec["data"] if not str(trace.get("name", "")).endswith("(uncertain)")
                    and trace.get("name") != "events per week"]   # the range slider's histogram
    return spec


# -- the files (pure, apart from rendering) -------------------------------------------------

def csv_text(events: Iterable[Event]) -> str:
    """One row per claim (``extract.export.CSV_COLUMNS``): the store's own CSV format."""
    out = io.StringIO()
    write_csv(out, events)
    return out.getvalue()


def json_text(events: Iterable[Event], now: datetime) -> str:
    """``{"generated": ..., "events": [...]}``: the store's own event file format."""
    generated = now.astimezone(timezone.utc).isoformat(timespec="seconds")
    return "".join(json_lines(generated, (json.dumps(e.to_dict(), ensure_ascii=False)
                                          for e in events)))


def pptx_bytes(chart_png: bytes, title: str, subtitle: str, sources: Sequence[str], footer: str,
               chart_description: str = "") -> bytes:
    """A one-slide 16:9 deck: the title, a subtitle, the chart as a picture, the sources
    and a footer saying when it was generated."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Emu, Pt

    def inches(value: float) -> Emu:
        return Emu(int(value * EMU_PER_INCH))

    deck = Presentation()
    deck.slide_width, deck.slide_height = inches(SLIDE_WIDTH_IN), inches(SLIDE_HEIGHT_IN)
    slide = deck.slides.add_slide(deck.slide_layouts[5])          # "Title Only"
    inner = SLIDE_WIDTH_IN - 2 * SLIDE_MARGIN_IN

    def text(frame, value: str, size: int, bold: bool = False, colour: str = "222222") -> None:
        frame.word_wrap = True
        paragraph = frame.paragraphs[0]
        paragraph.text = value
        for run in paragraph.runs:
            run.font.size, run.font.bold, run.font.name = Pt(size), bold, SLIDE_FONT
            run.font.color.rgb = RGBColor.from_string(colour)

    heading = slide.shapes.title
    heading.left, heading.top = inches(SLIDE_MARGIN_IN), inches(0.25)
    heading.width, heading.height = inches(inner), inches(0.7)
    text(heading.text_frame, title, 28, bold=True, colour="111111")
    heading.text_frame.paragraphs[0].alignment = 1                # left
    heading.text_frame.vertical_anchor = 1                        # top

    if subtitle:
        box = slide.shapes.add_textbox(inches(SLIDE_MARGIN_IN), inches(0.9), inches(inner), inches(0.4))
        text(box.text_frame, subtitle, 14, colour="444444")

    from PIL import Image
    with Image.open(io.BytesIO(chart_png)) as image:
        pixels_w, pixels_h = image.size
    room_w, room_h = inner, SLIDE_CHART_BOTTOM_IN - SLIDE_CHART_TOP_IN
    fit = min(room_w / pixels_w, room_h / pixels_h)
    picture_w, picture_h = pixels_w * fit, pixels_h * fit
    picture = slide.shapes.add_picture(io.BytesIO(chart_png),
                                       inches(SLIDE_MARGIN_IN + (room_w - picture_w) / 2),
                                       inches(SLIDE_CHART_TOP_IN), inches(picture_w), inches(picture_h))
    picture.name = "Timeline chart"
    picture._element.nvPicPr.cNvPr.set("descr", chart_description or title)   # alt text

    box = slide.shapes.add_textbox(inches(SLIDE_MARGIN_IN), inches(6.5), inches(inner), inches(0.5))
    text(box.text_frame, sources_line(list(sources), room=220), 12, colour="333333")
    box = slide.shapes.add_textbox(inches(SLIDE_MARGIN_IN), inches(7.0), inches(inner), inches(0.35))
    text(box.text_frame, footer, 12, colour="555555")

    deck.core_properties.title = title
    deck.core_properties.subject = subtitle
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def slide_chart_size() -> tuple[int, int]:
    """The chart's layout size on the slide: SLIDE_CHART_WIDTH wide, shaped to the space
    between the slide's subtitle and its sources line. Narrower than a 1920 export so
    that its text, once the picture is fitted to the slide, reads at about 11 pt."""
    inner = SLIDE_WIDTH_IN - 2 * SLIDE_MARGIN_IN
    return SLIDE_CHART_WIDTH, round(SLIDE_CHART_WIDTH * (SLIDE_CHART_BOTTOM_IN - SLIDE_CHART_TOP_IN) / inner)


def export_filename(settings: Settings, fmt: str, now: datetime) -> str:
    """"north-korean-troops-in-russia-20261123-1014.png"."""
    slug = re.sub(r"[^a-z0-9]+", "-", (settings.title or DEFAULT_TITLE).casefold()).strip("-")[:60]
    return f"{slug or 'chronicle'}-{now:%Y%m%d-%H%M}.{fmt}"


def export_bytes(fmt: str, all_events: Sequence[Event], view: View, settings: Settings, now: datetime,
                 render: Renderer | None = None) -> Export:
    """One export of a view, in memory. Image formats go through the warm renderer
    (raises render.ChromiumMissing without Chromium); CSV and JSON need no browser."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    name = export_filename(settings, fmt, now)
    if fmt in ("csv", "json"):
        events = apply(list(all_events), export_view(view))
        content = csv_text(events) if fmt == "csv" else json_text(events, now)
        return Export(fmt, content.encode("utf-8"), len(events), name)
    render = render or renderer()
    if fmt == "pptx":
        width, height = slide_chart_size()
        slide_settings = replace(settings, width=width, height=height)
        figure, events = briefing_figure(all_events, view, slide_settings, now, for_slide=True)
        png = render.render(static_spec(figure), "png", width, height, settings.scale * 1.5)
        options = briefing_options(events, export_view(view), slide_settings, now)
        content = pptx_bytes(png, options.title, options.subtitle, source_names(events), stamp(now),
                             chart_description=f"Timeline chart: {options.subtitle}")
        return Export(fmt, content, len(events), name)
    figure, events = briefing_figure(all_events, view, settings, now)
    content = render.render(static_spec(figure), fmt, settings.width, settings.height,
                            settings.scale if fmt == "png" else 1)
    return Export(fmt, content, len(events), name)


# -- the command line (the edge: files, the store, the clock) ------------------------------

class UsageError(Exception):
    """A bad argument, spec or database: exit code 2."""


@dataclass(frozen=True)
class Job:
    out: Path
    fmt: str
    db: Path
    view: View
    settings: Settings
    name: str = ""                     # where it came from: "--out", "spec entry 2"


# option name -> how to read it; the same names on the command line and in a spec file
LIST_OPTIONS = ("types", "actors", "places", "sources", "status")
TEXT_OPTIONS = ("title", "subtitle", "query", "lanes", "theme", "view", "zoom", "from", "to",
                "format", "out", "db")
NUMBER_OPTIONS = {"width": int, "height": int, "scale": float}
SPEC_KEYS = set(LIST_OPTIONS) | set(TEXT_OPTIONS) | set(NUMBER_OPTIONS)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m dashboard.export",
        description="Export a view of the Chronicle timeline for a briefing: PNG, SVG, PDF, "
                    "a PPTX slide, or the events as CSV/JSON.",
        epilog="Lists take commas or repeat (--types deployment,capture). --view takes the query "
               "string (or whole link) of a view in the app. Exit codes: 0 written, 1 some "
               "exports failed, 2 bad arguments/spec/database, 3 no Chromium for images.")
    p.add_argument("--db", help="the store (default data/chronicle.db)")
    p.add_argument("--format", choices=FORMATS, help="default: from --out's suffix")
    p.add_argument("--out", help="the file to write")
    p.add_argument("--spec", help="a YAML or JSON file listing several exports (see module doc)")
    filters = p.add_argument_group("what to show (the view)")
    filters.add_argument("--view", help="a view's link or query string from the app")
    filters.add_argument("--from", dest="from_", metavar="DATE", help="events on or after (ISO date)")
    filters.add_argument("--to", metavar="DATE", help="events on or before (ISO date)")
    for name in LIST_OPTIONS:
        filters.add_argument(f"--{name}", action="append", metavar="A,B")
    filters.add_argument("--query", help="words that must all occur (label, sentence, actors ...)")
    filters.add_argument("--lanes", choices=LANE_MODES, help="one row per type (default), actor or source")
    filters.add_argument("--zoom", metavar="FROM..TO", help="the visible dates, e.g. 2024-10-01..2025-02-01")
    layout = p.add_argument_group("layout")
    layout.add_argument("--title")
    layout.add_argument("--subtitle", help="default: what the view shows")
    layout.add_argument("--width", type=int, help="layout pixels (default 1920)")
    layout.add_argument("--height", type=int, help="layout pixels (default 1080)")
    layout.add_argument("--scale", type=float, help="PNG pixel density (default 2)")
    layout.add_argument("--theme", choices=tuple(THEMES), help="print (default) or screen")
    return p


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def _iso(value: Any, what: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise UsageError(f"{what}: {value!r} is not a date (use YYYY-MM-DD)") from None


def job_from(options: dict[str, Any], where: str, default_db: str | None = None) -> Job:
    """A job from option values (command line or spec entry), checked."""
    unknown = set(options) - SPEC_KEYS
    if unknown:
        raise UsageError(f"{where}: unknown option(s) {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(sorted(SPEC_KEYS))}")
    out = options.get("out")
    if not out:
        raise UsageError(f"{where}: say where to write (--out FILE / out:)")
    out = Path(str(out))
    fmt = str(options.get("format") or out.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise UsageError(f"{where}: unknown format {fmt!r} (use --format {'|'.join(FORMATS)})")
    view = View()
    if options.get("view"):
        link = str(options["view"])
        view = from_query(link.split("?", 1)[1] if "?" in link else link)
    changes: dict[str, Any] = {}
    for option, attribute in (("types", "types"), ("actors", "actors"), ("places", "places"),
                              ("sources", "sources"), ("status", "statuses")):
        values = _as_list(options.get(option))
        if values:
            changes[attribute] = tuple(dict.fromkeys(values))
    bad = [t for t in changes.get("types", ()) if t not in EVENT_TYPES]
    if bad:
        raise UsageError(f"{where}: unknown type(s) {', '.join(bad)}; types: {', '.join(EVENT_TYPES)}")
    bad = [s for s in changes.get("statuses", ()) if s not in STATUSES]
    if bad:
        raise UsageError(f"{where}: unknown status(es) {', '.join(bad)}; statuses: {', '.join(STATUSES)}")
    for option, attribute in (("from", "date_from"), ("to", "date_to")):
        if options.get(option):
            changes[attribute] = _iso(options[option], f"{where}: --{option}")
    if options.get("query"):
        changes["query"] = str(options["query"])
    if options.get("lanes"):
        if options["lanes"] not in LANE_MODES:
            raise UsageError(f"{where}: --lanes is one of {', '.join(LANE_MODES)}")
        changes["lanes"] = options["lanes"]
    if options.get("zoom"):
        ends = str(options["zoom"]).split("..")
        first, last = (_iso(ends[0], f"{where}: --zoom"), _iso(ends[1], f"{where}: --zoom")) \
            if len(ends) == 2 else (None, None)
        if not first or not last or first >= last:
            raise UsageError(f"{where}: --zoom is FROM..TO with FROM before TO, e.g. 2024-10-01..2025-02-01")
        changes["zoom"] = (first, last)
    view = replace(view, **changes)
    numbers: dict[str, Any] = {}
    for option, kind in NUMBER_OPTIONS.items():
        if options.get(option) is not None:
            try:
                numbers[option] = kind(options[option])
            except (TypeError, ValueError):
                raise UsageError(f"{where}: --{option} must be a number") from None
            if not (0 < numbers[option] <= 6 if option == "scale" else 200 <= numbers[option] <= 8000):
                raise UsageError(f"{where}: --{option} {options[option]} is out of range")
    theme = options.get("theme") or "print"
    if theme not in THEMES:
        raise UsageError(f"{where}: --theme is one of {', '.join(THEMES)}")
    settings = Settings(title=str(options.get("title") or ""), subtitle=str(options.get("subtitle") or ""),
                        theme=theme, **numbers)
    db = Path(str(options.get("db") or default_db or "data/chronicle.db"))
    return Job(out, fmt, db, view, settings, where)


def _args_options(args: argparse.Namespace) -> dict[str, Any]:
    values = {name: getattr(args, name) for name in (*LIST_OPTIONS, "title", "subtitle", "query", "lanes",
                                                      "theme", "view", "zoom", "to", "format", "out",
                                                      "width", "height", "scale")}
    values["from"] = args.from_
    return {key: value for key, value in values.items() if value not in (None, [], "")}


def load_spec(path: str, base: dict[str, Any], default_db: str | None) -> list[Job]:
    """Jobs from a spec file: a list of exports, or ``{defaults: {...}, exports: [...]}``;
    each export takes the command line's option names (``out``, ``format``, ``types``, ...),
    over the spec's defaults, over the command line's own options."""
    file = Path(path)
    try:
        raw = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"--spec {path}: cannot read it ({exc.strerror})") from None
    try:
        if file.suffix.lower() == ".json":
            data = json.loads(raw)
        else:
            import yaml
            data = yaml.safe_load(raw)
    except Exception as exc:   # noqa: BLE001 - YAML and JSON errors alike
        raise UsageError(f"--spec {path}: not valid {'JSON' if file.suffix == '.json' else 'YAML'} "
                         f"({str(exc).splitlines()[0]})") from None
    defaults: dict[str, Any] = {}
    if isinstance(data, dict):
        defaults = data.get("defaults") or {}
        extra = set(data) - {"defaults", "exports", "db"}
        if extra:
            raise UsageError(f"--spec {path}: unknown key(s) {', '.join(sorted(extra))} "
                             "(a spec has exports:, and optionally defaults: and db:)")
        default_db = default_db or data.get("db")
        data = data.get("exports")
    if not isinstance(data, list) or not data or not all(isinstance(e, dict) for e in data):
        raise UsageError(f"--spec {path}: expected a list of exports, each a mapping with out: "
                         "(and format:, filters, title ...)")
    jobs = []
    for number, entry in enumerate(data, 1):
        options = {**base, **_aliases(defaults), **_aliases(entry)}
        jobs.append(job_from(options, f"--spec {path}, export {number}", default_db))
    return jobs


def _aliases(options: dict[str, Any]) -> dict[str, Any]:
    names = {"statuses": "status", "type": "types", "source": "sources", "actor": "actors",
             "place": "places", "date_from": "from", "date_to": "to", "q": "query"}
    return {names.get(str(key), str(key)): value for key, value in options.items()}


def _load_events(db: Path, cache: dict[Path, list[Event]]) -> list[Event]:
    from extract.store import StoreError, open_store, read_events

    if db not in cache:
        if not db.is_file():
            raise UsageError(f"--db {db}: no such database; build one with "
                             f"`python -m extract seeds --db {db}`")
        try:
            with open_store(db) as store:
                cache[db] = read_events(store)
        except StoreError as exc:
            raise UsageError(f"--db {exc}") from None
    return cache[db]


def _write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _warn_unknown(job: Job, events: list[Event]) -> list[str]:
    """Warnings for filter values no event has (a misspelt source matches nothing)."""
    known = facets(events)
    lines = []
    for attribute, label in (("actors", "actor"), ("places", "place"), ("sources", "source")):
        for value in getattr(job.view, attribute):
            if value not in known[attribute]:
                hint = ", ".join(known[attribute][:8]) + (" ..." if len(known[attribute]) > 8 else "")
                lines.append(f"warning: {job.name}: no event has {label} {value!r} (known: {hint})")
    return lines


def run_jobs(jobs: Sequence[Job], now: datetime, render: Renderer | None = None,
             out=None, err=None) -> int:
    """Write every job's file; one failure does not stop the others. The exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    cache: dict[Path, list[Event]] = {}
    failed, missing = 0, 0
    for job in jobs:
        try:
            events = _load_events(job.db, cache)
        except UsageError as exc:
            print(f"error: {exc}", file=err)
            return 2
        for line in _warn_unknown(job, events):
            print(line, file=err)
        if job.fmt in IMAGE_FORMATS + ("pptx",) and missing:
            failed += 1
            print(f"skipped: {job.out} (no Chromium, see above)", file=err)
            continue
        try:
            export = export_bytes(job.fmt, events, job.view, job.settings, now, render)
            _write_atomically(job.out, export.content)
        except ChromiumMissing as exc:
            missing += 1
            failed += 1
            print(f"error: {job.out}: {exc}", file=err)
            continue
        except (RenderError, OSError) as exc:
            failed += 1
            print(f"error: {job.out}: {exc}", file=err)
            continue
        if not export.events:
            print(f"warning: {job.name}: no events match this view; {job.out} says so "
                  "(\"No events to show\")" if job.fmt not in ("csv", "json") else
                  f"warning: {job.name}: no events match this view; {job.out} has none", file=err)
        size = {"png": f", {job.settings.width}×{job.settings.height} at scale {job.settings.scale:g}",
                "svg": f", {job.settings.width}×{job.settings.height}",
                "pdf": f", {job.settings.width}×{job.settings.height} px page",
                "pptx": ", one 16:9 slide"}.get(job.fmt, "")
        print(f"wrote {job.out} ({job.fmt.upper()}, {export.events} event"
              f"{'s' if export.events != 1 else ''}{size})", file=out)
    if missing:
        return 3
    return 1 if failed else 0


def main(argv: list[str] | None = None, now: datetime | None = None) -> int:
    args = parser().parse_args(argv)
    now = now or datetime.now(timezone.utc)
    try:
        if args.spec:
            base = _args_options(args)
            base.pop("out", None)
            base.pop("format", None)
            jobs = load_spec(args.spec, base, args.db)
        else:
            if not args.out:
                raise UsageError("say where to write: --out FILE (or --spec FILE for several)")
            jobs = [job_from(_args_options(args), "--out", args.db)]
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    was_running = render_module._shared is not None and render_module._shared.running
    try:
        return run_jobs(jobs, now)
    except KeyboardInterrupt:
        return 130
    finally:
        if render_module._shared is not None and not was_running:
            render_module._shared.close()   # the browser this run started, closed before exit


if __name__ == "__main__":
    sys.exit(main())
