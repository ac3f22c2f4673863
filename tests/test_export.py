"""Briefing exports of the seed timeline: every format opened and checked, the CLI's
arguments and errors, and the app's Export menu drawing the same figure as the CLI.

Tests marked ``export`` render with kaleido and the system Chromium; they skip only
when /usr/bin/chromium is absent (CI installs it with ``make system-deps``).
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from PIL import Image

from dashboard import export, export_ui, render
from dashboard.export import Settings, briefing_figure, csv_text, export_bytes, json_text, main
from dashboard.figure import build_figure
from dashboard.view import View, apply, to_query
from extract import cli
from extract.export import CSV_COLUMNS, csv_rows
from extract.store import open_store, read_events

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 23, 10, 14, tzinfo=timezone.utc)
HAS_CHROMIUM = Path("/usr/bin/chromium").is_file()
needs_chromium = [pytest.mark.export,
                  pytest.mark.skipif(not HAS_CHROMIUM, reason="image export needs Chromium at "
                                     "/usr/bin/chromium (apt-get install chromium / make system-deps)")]


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "seeds.db"
    report = cli.run([ROOT / "seeds"], db=db, progress=False)
    assert report.events > 0 and not report.failures
    return db


@pytest.fixture(scope="module")
def events(seeds_db):
    with open_store(seeds_db) as store:
        return read_events(store)


@pytest.fixture(scope="module")
def renderer():
    """The process's one warm renderer: every image in this module comes from it."""
    if not HAS_CHROMIUM:
        pytest.skip("no Chromium at /usr/bin/chromium")
    shared = render.renderer()
    shared.start()
    return shared


def labels_of(figure) -> list[str]:
    return [a.text for a in figure.layout.annotations
            if a.xref != "paper" and not str(a.text).startswith("published")]


# -- the images ----------------------------------------------------------------------------

@pytest.mark.usefixtures("renderer")
class TestImages:
    pytestmark = needs_chromium

    def test_png_is_1920x1080_at_scale_2_and_not_blank(self, events, renderer):
        out = export_bytes("png", events, View(), Settings(title="Seeds"), NOW, renderer)
        image = Image.open(io.BytesIO(out.content))
        assert image.format == "PNG" and image.size == (3840, 2160)
        grey = image.convert("L")
        dark = sum(count for value, count in enumerate(grey.histogram()) if value < 200)
        assert dark > 0.005 * 3840 * 2160            # text, lanes and marks, not a white page
        colours = image.convert("RGB").resize((384, 216)).getcolors(1 << 16)
        assert len(colours) > 50                        # the event colours, not just grey
        assert out.events == len(events)

    def test_svg_holds_the_labels_title_and_sources(self, events, renderer):
        out = export_bytes("svg", events, View(), Settings(title="Seeds"), NOW, renderer)
        svg = out.content.decode("utf-8")
        assert svg.lstrip().startswith("<svg") and 'width="1920"' in svg
        figure, _ = briefing_figure(events, View(), Settings(title="Seeds"), NOW)
        labels = labels_of(figure)
        assert len(labels) >= 5
        for label in labels:
            assert _xml(label) in svg, label
        assert "Seeds" in svg
        assert "Sources: Defence Talks; Radio Free Asia" in svg
        assert "DejaVu Sans" in svg                    # a font the set-up installs

    def test_pdf_is_one_page_of_the_layout_size_with_fonts_embedded(self, events, renderer):
        from pypdf import PdfReader

        out = export_bytes("pdf", events, View(), Settings(title="Seeds"), NOW, renderer)
        reader = PdfReader(io.BytesIO(out.content))
        assert len(reader.pages) == 1
        page = reader.pages[0]
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (1440, 810)  # 1920 x 1080 px
        fonts = [font.get_object() for font in page["/Resources"]["/Font"].values()]
        assert fonts and all("DejaVuSans" in str(f["/BaseFont"]) for f in fonts)
        assert all("/FontDescriptor" in f or "/DescendantFonts" in f for f in fonts)   # embedded
        assert "Seeds" in page.extract_text()

    def test_pptx_slide_has_the_picture_title_sources_and_stamp(self, events, renderer):
        from pptx import Presentation
        from pptx.enum.shapes import MSO_SHAPE_TYPE

        view = View(types=("statement", "deployment"))
        out = export_bytes("pptx", events, view, Settings(title="Troops in Kursk"), NOW, renderer)
        deck = Presentation(io.BytesIO(out.content))
        assert deck.slide_width * 9 == deck.slide_height * 16 or \
            abs(deck.slide_width / deck.slide_height - 16 / 9) < 0.001
        (slide,) = deck.slides
        assert slide.shapes.title.text == "Troops in Kursk"
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        image = Image.open(io.BytesIO(pictures[0].image.blob))
        assert image.size[0] == 3840
        text = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        shown = apply(events, view)
        sources = sorted({c.source for e in shown for c in e.claims}, key=str.casefold)
        assert "Sources: " + "; ".join(sources) in text
        assert "Generated 23 Nov 2026 10:14 UTC" in text
        assert f"{len(shown)} events" in text

    def test_one_browser_serves_every_export(self, events, renderer):
        starts = renderer.starts
        for fmt in ("png", "svg", "pdf"):
            export_bytes(fmt, events, View(lanes="source"), Settings(), NOW, renderer)
        assert renderer.starts == starts

    def test_an_empty_view_still_exports_with_a_note(self, events, renderer):
        view = View(query="no such words anywhere")
        out = export_bytes("svg", events, view, Settings(), NOW, renderer)
        assert out.events == 0 and "No events to show" in out.content.decode()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- the data ------------------------------------------------------------------------------

def test_csv_is_the_filtered_events_one_row_per_claim(events):
    view = View(types=("statement",), sources=("Defence Talks",))
    out = export_bytes("csv", events, view, Settings(), NOW)
    rows = list(csv.reader(io.StringIO(out.content.decode("utf-8"))))
    shown = apply(events, view)
    assert 0 < len(shown) < len(events)
    assert rows[0] == list(CSV_COLUMNS)
    assert rows[1:] == [row for event in shown for row in csv_rows(event)]


def test_json_is_the_filtered_events(events):
    view = View(statuses=("occurred",), date_from=date(2025, 1, 1))
    out = export_bytes("json", events, view, Settings(), NOW)
    data = json.loads(out.content)
    assert data["generated"] == "2026-11-23T10:14:00+00:00"
    assert data["events"] == json.loads(json.dumps([e.to_dict() for e in apply(events, view)]))
    assert [e["id"] for e in data["events"]] == [e.id for e in apply(events, view)]
    assert json.loads(json_text([], NOW))["events"] == []
    assert csv_text([]).strip() == ",".join(CSV_COLUMNS)


# -- the briefing template -----------------------------------------------------------------

def _font_sizes(node, found: list[int]) -> list[int]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "size" and isinstance(value, (int, float)) and "font" in node.get("_path", "font"):
                found.append(value)
            _font_sizes(value, found)
    elif isinstance(node, list):
        for value in node:
            _font_sizes(value, found)
    return found


def test_print_template_text_is_12px_or_more_at_1920(events):
    figure, _ = briefing_figure(events, View(), Settings(), NOW)
    layout = figure.to_dict()["layout"]
    layout.pop("template", None)
    sizes = [a["font"]["size"] for a in layout.get("annotations", []) if a.get("font", {}).get("size")]
    sizes += [layout["font"]["size"], layout["legend"]["font"]["size"], layout["title"]["font"]["size"]]
    assert sizes and min(sizes) >= 12
    assert layout["font"]["family"].startswith("DejaVu Sans")
    assert layout["paper_bgcolor"] == "#ffffff" and not layout["xaxis"]["rangeslider"]["visible"]
    footer = [a["text"] for a in layout["annotations"] if a.get("yref") == "paper" and a.get("y") == 0]
    assert footer == ["Sources: Defence Talks; Radio Free Asia   ·   Generated 23 Nov 2026 10:14 UTC by Chronicle"]
    legend = [t.name for t in figure.data if t.legendgroup == "keys"]
    assert any("uncertain" in n for n in legend) and any("planned" in n for n in legend)


def test_labels_stay_whole_in_print(events):
    figure, _ = briefing_figure(events, View(), Settings(), NOW)
    assert not [label for label in labels_of(figure) if label.endswith("…")]


def test_sources_line_shortens_instead_of_running_off():
    names = [f"Source number {n}" for n in range(40)]
    line = export.sources_line(names, room=120)
    assert len(line) <= 120 and line.endswith("more (all in the CSV)")
    assert export.sources_line(["Defence Talks", "Radio Free Asia"]) == "Sources: Defence Talks; Radio Free Asia"


def test_subtitle_describes_the_view(events):
    text = export.describe_view(View(types=("capture",), query="kursk"), apply(events, View(types=("capture",))))
    assert "types: Capture" in text and "search “kursk”" in text and "event" in text


# -- the CLI and the app draw the same figure ----------------------------------------------

def test_cli_and_app_build_the_same_figure(events, seeds_db):
    argv = ["--db", str(seeds_db), "--out", "x.png", "--types", "statement,capture", "--status", "occurred",
            "--from", "2024-06-01", "--lanes", "source", "--zoom", "2024-10-01..2025-02-15",
            "--title", "Briefing", "--query", "troops"]
    job = export.job_from(export._args_options(export.parser().parse_args(argv)), "--out")
    cli_figure, _ = briefing_figure(events, job.view, job.settings, NOW)
    search = "?" + to_query(job.view)
    app_figure = export_ui.figure_for(events, search, None, "Briefing", "print", NOW)
    assert cli_figure.to_json() == app_figure.to_json()
    # and it is the shared figure function's own output for that view
    direct = build_figure(apply(events, job.view), job.view, export.briefing_options(
        apply(events, job.view), job.view, job.settings, NOW))
    assert direct.to_json() == cli_figure.to_json()


def test_app_zoom_follows_the_graph_relayout():
    view = export_ui.current_view("?type=capture&zoom=2024-01-01..2024-12-31",
                                  {"xaxis.range[0]": "2024-10-01 03:00:00", "xaxis.range[1]": "2025-01-31"})
    assert view.types == ("capture",) and view.zoom == (date(2024, 10, 1), date(2025, 1, 31))
    assert export_ui.current_view("zoom=2024-01-01..2024-12-31", {"xaxis.autorange": True}).zoom is None


def test_graph_config_names_and_sizes_the_camera_image():
    config = export_ui.graph_config(View(types=("capture",), zoom=(date(2024, 10, 1), date(2025, 1, 31))))
    options = config["toImageButtonOptions"]
    assert (options["width"], options["height"], options["scale"], options["format"]) == (1920, 1080, 2, "png")
    assert options["filename"] == "chronicle-capture-2024-10-01-to-2025-01-31"


def test_export_menu_and_callback_register():
    from dash import Dash, dcc, html

    app = Dash(__name__)
    app.layout = html.Div([dcc.Location(id="url"), html.Div(export_ui.export_menu(), id="export-menu")])
    export_ui.register_export_callbacks(app, lambda: [])
    assert any("export-download.data" in key for key in app.callback_map)
    from dash._utils import to_json   # dash's own serialiser, as the page gets the layout
    page = to_json(app.layout)
    for fmt in export.FORMATS:
        assert f'"format":"{fmt}"' in page.replace(" ", "")


# -- the command line ----------------------------------------------------------------------

def test_cli_writes_csv_and_json(seeds_db, tmp_path, capsys):
    assert main(["--db", str(seeds_db), "--out", str(tmp_path / "e.csv"), "--types", "capture"], now=NOW) == 0
    assert main(["--db", str(seeds_db), "--format", "json", "--out", str(tmp_path / "e.data")], now=NOW) == 0
    assert (tmp_path / "e.csv").read_text().startswith("event_id,")
    assert json.loads((tmp_path / "e.data").read_text())["events"]
    assert "wrote" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["--db", "{tmp}/missing.db", "--out", "{tmp}/x.csv"], "no such database"),
    (["--db", "{db}", "--out", "{tmp}/x.csv", "--types", "battle"], "unknown type(s) battle"),
    (["--db", "{db}", "--out", "{tmp}/x.gif"], "unknown format 'gif'"),
    (["--db", "{db}", "--out", "{tmp}/x.csv", "--from", "last week"], "is not a date"),
    (["--db", "{db}", "--out", "{tmp}/x.csv", "--zoom", "2025-01-01..2024-01-01"], "--zoom is FROM..TO"),
    (["--db", "{db}"], "--out FILE"),
    (["--db", "{notdb}", "--out", "{tmp}/x.csv"], "is not a Chronicle database"),
])
def test_cli_errors_are_clear_and_exit_2(argv, message, seeds_db, tmp_path, capsys):
    (tmp_path / "notes.db").write_text("not a database at all, just text " * 100)
    argv = [a.format(tmp=tmp_path, db=seeds_db, notdb=tmp_path / "notes.db") for a in argv]
    assert main(argv, now=NOW) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "missing.db").exists()


def test_cli_empty_view_warns_and_still_writes(seeds_db, tmp_path, capsys):
    out = tmp_path / "none.csv"
    assert main(["--db", str(seeds_db), "--out", str(out), "--query", "zzz nothing"], now=NOW) == 0
    assert "no events match this view" in capsys.readouterr().err
    assert out.read_text().strip() == ",".join(CSV_COLUMNS)


def test_cli_warns_about_a_misspelt_source(seeds_db, tmp_path, capsys):
    assert main(["--db", str(seeds_db), "--out", str(tmp_path / "x.csv"), "--sources", "Defense Talks"],
                now=NOW) == 0
    assert "no event has source 'Defense Talks' (known: Defence Talks, Radio Free Asia)" in capsys.readouterr().err


def test_without_chromium_images_fail_with_how_to_install_and_data_still_exports(
        seeds_db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(render.CHROMIUM_ENV, str(tmp_path / "no-chromium"))
    monkeypatch.setattr(render, "_shared", None)
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"exports": [{"out": str(tmp_path / "a.png")},
                                            {"out": str(tmp_path / "a.csv")},
                                            {"out": str(tmp_path / "a.pdf")}]}))
    assert main(["--db", str(seeds_db), "--spec", str(spec)], now=NOW) == 3
    err = capsys.readouterr().err
    assert "apt-get install chromium" in err and "make system-deps" in err
    assert (tmp_path / "a.csv").exists() and not (tmp_path / "a.png").exists()


def test_spec_errors_name_the_entry(seeds_db, tmp_path, capsys):
    spec = tmp_path / "spec.yaml"
    spec.write_text("exports:\n  - out: a.csv\n  - out: b.csv\n    colour: red\n")
    assert main(["--db", str(seeds_db), "--spec", str(spec)], now=NOW) == 2
    assert "export 2: unknown option(s) colour" in capsys.readouterr().err


@pytest.mark.export
@pytest.mark.skipif(not HAS_CHROMIUM, reason="image export needs Chromium at /usr/bin/chromium")
def test_cli_spec_exports_several_views_with_one_browser(seeds_db, tmp_path, renderer, capsys):
    spec = tmp_path / "briefing.yaml"
    spec.write_text(f"""
db: {seeds_db}
defaults:
  title: North Korean troops in Russia
exports:
  - out: {tmp_path}/overview.png
    scale: 1
  - out: {tmp_path}/statements.svg
    types: [statement]
    lanes: source
  - out: {tmp_path}/winter.pdf
    from: 2024-12-01
    zoom: 2024-12-01..2025-03-31
  - out: {tmp_path}/slide.pptx
  - out: {tmp_path}/events.json
    status: occurred
""")
    starts = renderer.starts
    assert main(["--spec", str(spec)], now=NOW) == 0
    written = sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".yaml")
    assert written == ["events.json", "overview.png", "slide.pptx", "statements.svg", "winter.pdf"]
    assert Image.open(tmp_path / "overview.png").size == (1920, 1080)
    assert renderer.starts == starts          # the module's warm browser, not a new one
    assert capsys.readouterr().out.count("wrote") == 5


def test_find_chromium_explains_a_bad_override(monkeypatch, tmp_path):
    monkeypatch.setenv(render.CHROMIUM_ENV, str(tmp_path / "nothing"))
    with pytest.raises(render.ChromiumMissing, match="apt-get install chromium"):
        render.find_chromium()


def test_slide_chart_keeps_the_label_above_the_top_lane(events):
    """Print moves the publication dates into the legend, so the top lane's label has room."""
    view = View(types=("capture", "casualties"), zoom=(date(2024, 12, 1), date(2025, 2, 15)))
    width, height = export.slide_chart_size()
    figure, shown = briefing_figure(events, view, Settings(width=width, height=height), NOW, for_slide=True)
    assert len(labels_of(figure)) == len(shown) == 2
    assert figure.layout.title.text == ""
    assert any("published: 24 Jan 2025" in (t.name or "") for t in figure.data)
