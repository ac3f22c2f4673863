"""The dashboard's pure pieces, without a browser: the figure, the view and its URL,
the filters, the callbacks' logic, and the detail panel's marks."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from dash import html

from dashboard import callbacks, detail, table
from dashboard.data import Source, read_snapshot
from dashboard.figure import Options, build_figure
from dashboard.view import View, apply, facets, from_query, to_query
from extract.model import Claim, Event, Quantity
from extract.timex.span import TimeSpan

TEXT = ("Officials met on Monday. Seoul said on Friday that two soldiers were captured "
        "in Kursk last month. <script>alert(1)</script> & more.")


def span(start: date, end: date, granularity: str = "day", mod: str | None = None) -> TimeSpan:
    return TimeSpan(text="on Friday", char_start=0, char_end=0, kind="DATE", value=start.isoformat(),
                    start=start, end=end, granularity=granularity, mod=mod, anchor="2025-01-24",
                    anchor_basis="publication", rule="test")


def claim(source: str = "Defence Talks", attribution: str | None = "Seoul",
          quantities: tuple[Quantity, ...] = (), text: str = TEXT) -> Claim:
    first = text.index("Seoul")
    last = text.index("month.") + len("month.")
    return Claim(article_id=f"a-{source}", source=source, published="2025-01-24",
                 sentence=text[first:last], sentence_start=first, sentence_end=last,
                 trigger="captured", trigger_start=text.index("captured"),
                 trigger_end=text.index("captured") + len("captured"),
                 time_text="on Friday", time_start=text.index("on Friday"),
                 time_end=text.index("on Friday") + len("on Friday"),
                 attribution=attribution, quantities=quantities)


def event(event_id: str, kind: str = "capture", when: TimeSpan | None = None, status: str = "occurred",
          actors: tuple[str, ...] = ("Ukraine",), places: tuple[str, ...] = ("Kursk",),
          claims: list[Claim] | None = None, label: str | None = None) -> Event:
    return Event(id=event_id, type=kind, label=label or f"{kind} {event_id}",
                 when=when or span(date(2025, 1, 24), date(2025, 1, 24)), status=status,
                 actors=actors, places=places, claims=claims or [claim()])


@pytest.fixture
def events() -> list[Event]:
    return [
        event("exact", "capture"),
        event("month", "deployment", span(date(2024, 10, 1), date(2024, 10, 31), "month"),
              actors=("North Korea", "Russia"),
              claims=[claim("Radio Free Asia", "Kyiv", (Quantity("11,000 troops", 11000, unit="troops"),)),
                      claim("Defence Talks", "the JCS", (Quantity("12,000 troops", 12000, unit="troops"),))]),
        event("plan", "planned_deployment", span(date(2025, 2, 1), date(2025, 3, 31), "month"),
              status="expected", actors=("North Korea",), places=("Russia",)),
    ]


def traces(figure, name: str):
    return [t for t in figure.data if t.name == name]


# -- the figure -------------------------------------------------------------------------------

@pytest.mark.parametrize("lanes, expected", [
    ("type", {"Capture", "Deployment", "Planned deployment"}),
    ("actor", {"Ukraine", "North Korea"}),
    ("source", {"Defence Talks", "Radio Free Asia"}),
])
def test_lanes_follow_the_lane_mode(events, lanes, expected):
    figure = build_figure(events, View(lanes=lanes))
    assert set(figure.layout.yaxis.categoryarray) == expected
    drawn = {y for t in figure.data if t.yaxis in (None, "y") for y in (list(t.y) if t.y is not None else []) if y is not None}
    assert drawn == expected


def test_an_exact_day_is_a_marker_and_an_uncertain_span_a_bar(events):
    figure = build_figure(events, View())
    marker = traces(figure, "Capture")[0]
    assert marker.mode == "markers"
    assert list(marker.customdata) == ["exact"]
    assert marker.x[0] == datetime(2025, 1, 24, 12)
    bar = traces(figure, "Deployment span")[0]
    assert bar.mode == "lines"
    # the whole month: from its first day to midnight after its last day
    assert list(bar.x[:2]) == [datetime(2024, 10, 1), datetime(2024, 11, 1)]
    hover_point = traces(figure, "Deployment (uncertain)")[0]
    assert list(hover_point.customdata) == ["month"]


def test_planned_events_are_hollow_and_dashed(events):
    figure = build_figure(events, View())
    bar = traces(figure, "Planned deployment span")[0]
    assert bar.line.dash == "dot"
    exact_planned = event("p2", "capture", status="planned")
    marker = traces(build_figure([exact_planned], View()), "Capture")[0]
    assert marker.marker.symbol.endswith("-open")


def test_the_selected_event_is_ringed(events):
    assert not traces(build_figure(events, View()), "selected")
    ring = traces(build_figure(events, View(selected="month")), "selected")
    assert len(ring) == 1 and ring[0].x[0] == datetime(2024, 10, 16, 12)


def test_no_events_gives_a_message_not_an_empty_grid():
    figure = build_figure([], View())
    assert any("No events" in a.text for a in figure.layout.annotations)
    assert figure.layout.xaxis.visible is False
    assert figure.layout.xaxis.rangeslider.visible is False   # plotly.js fails on it otherwise


def test_publication_marks_can_be_switched_off(events):
    options = Options(publications=(("Defence Talks", date(2025, 1, 24)),))
    with_marks = build_figure(events, View(), options)
    without = build_figure(events, View(publications=False), options)
    assert any("published" in (a.text or "") for a in with_marks.layout.annotations)
    assert not any("published" in (a.text or "") for a in without.layout.annotations)


# -- the view, its URL and the filters ---------------------------------------------------------

def test_a_view_survives_the_url():
    view = View(types=("capture", "deployment"), actors=("North Korea",), places=("Kursk",),
                sources=("Radio Free Asia",), statuses=("occurred",), date_from=date(2024, 6, 1),
                date_to=date(2025, 2, 1), query="troops & kursk", lanes="source", publications=False,
                zoom=(date(2024, 9, 1), date(2025, 1, 31)), selected="e3b18f0a8ab1")
    assert from_query(to_query(view)) == view
    assert from_query("?" + to_query(view)) == view
    assert to_query(View()) == ""


def test_a_malformed_url_is_the_default_view_not_an_error():
    assert from_query("lanes=nonsense&from=yesterday&zoom=2025-01-01..2024-01-01") == View()


def test_filters(events):
    assert [e.id for e in apply(events, View(types=("capture",)))] == ["exact"]
    assert [e.id for e in apply(events, View(actors=("Russia",)))] == ["month"]
    assert [e.id for e in apply(events, View(places=("Russia",)))] == ["plan"]
    assert [e.id for e in apply(events, View(sources=("Radio Free Asia",)))] == ["month"]
    assert [e.id for e in apply(events, View(statuses=("expected",)))] == ["plan"]
    assert [e.id for e in apply(events, View(date_from=date(2025, 1, 1), date_to=date(2025, 1, 31)))] == ["exact"]
    assert [e.id for e in apply(events, View(query="JCS"))] == ["month"]
    assert apply(events, View(types=("treaty",))) == []
    assert facets(events)["statuses"] == ["expected", "occurred"]


# -- the callbacks' logic -------------------------------------------------------------------------

def test_render_draws_the_filtered_events_and_lists_them(events):
    figure, rows, message = callbacks.render(events, View(types=("capture", "deployment")), [])
    assert [row["id"] for row in rows] == ["exact", "month"]
    assert message is None
    assert "2 events" in figure.layout.title.text


def test_render_explains_an_empty_result(events):
    figure, rows, message = callbacks.render(events, View(types=("treaty",), query="nothing"), [])
    assert rows == [] and "No events match" in message and "type Treaty" in message
    assert any("No events" in a.text for a in figure.layout.annotations)


def test_zoom_from_plotly_relayout_events():
    current = (date(2024, 1, 1), date(2024, 12, 31))
    assert callbacks.zoom_from_relayout({"xaxis.range[0]": "2024-09-01 12:00:00.0",
                                         "xaxis.range[1]": "2025-01-31 03:00"}, None) == (
        date(2024, 9, 1), date(2025, 1, 31))
    assert callbacks.zoom_from_relayout({"xaxis.range": ["2024-09-01", "2024-10-01"]}, None) == (
        date(2024, 9, 1), date(2024, 10, 1))
    assert callbacks.zoom_from_relayout({"xaxis.autorange": True}, current) is None
    assert callbacks.zoom_from_relayout({"autosize": True}, current) == current
    assert callbacks.zoom_from_relayout({"xaxis.range": ["junk", "2024"]}, current) == current


def test_actions_make_the_next_view():
    current = View(types=("capture",), zoom=(date(2024, 9, 1), date(2025, 1, 31)))
    click = {"points": [{"customdata": "e1", "x": "2025-01-24"}]}
    assert callbacks.next_view(current, "timeline-click", {"click": click}).selected == "e1"
    assert callbacks.next_view(current, "events-table", {"cell": {"row_id": "e2"}}).selected == "e2"
    assert callbacks.next_view(current.with_(selected="e1"), "detail-close", {}).selected is None
    reset = callbacks.next_view(current.with_(lanes="actor"), "reset", {})
    assert reset == View(lanes="actor")
    values = callbacks.control_values(current)
    assert callbacks.next_view(current, "filter-type", values) == current
    values["types"] = ["capture", "treaty"]
    values["lanes"] = "source"
    changed = callbacks.next_view(current, "filter-type", values)
    assert changed.types == ("capture", "treaty") and changed.lanes == "source"
    assert changed.zoom == current.zoom


def test_table_rows_and_selected_row(events):
    rows = table.rows(events)
    assert rows[1]["when"] == "Oct 2024" and rows[1]["sources"] == 2
    assert table.page_of(rows, "plan", page_size=2) == 1
    assert table.selected_style("month")[0]["if"]["filter_query"] == '{id} = "month"'


# -- the detail panel ----------------------------------------------------------------------------

def texts(children) -> str:
    return "".join(c if isinstance(c, str) else c.children for c in children)


def test_the_trigger_and_time_expression_are_marked():
    c = claim()
    pieces = detail.segments(c)
    assert "".join(text for text, _ in pieces) == c.sentence
    marked = {text: kinds for text, kinds in pieces if kinds}
    assert marked == {"captured": ("trigger",), "on Friday": ("time",)}
    children = detail.sentence_children(c)
    assert texts(children) == c.sentence
    marks = [child for child in children if isinstance(child, html.Mark)]
    assert [m.className for m in marks] == ["mark-time", "mark-trigger"]


def test_html_in_an_article_stays_text():
    text = "Seoul said on Friday that <b>two</b> soldiers were captured <script>x</script> last month."
    c = claim(text=text)
    children = detail.sentence_children(c)
    assert texts(children) == c.sentence
    assert any("<script>" in child for child in children if isinstance(child, str))
    # nothing in the panel is raw HTML
    panel = detail.panel(event("e", claims=[c]), {})
    assert "dangerously_set_inner_html" not in repr(panel).lower()


def test_offsets_that_do_not_fit_fall_back_to_the_words_or_no_mark():
    c = claim()
    moved = Claim(**{**c.to_dict(), "quantities": (), "trigger_start": 0, "trigger_end": 3,
                     "time_start": None, "time_end": None, "time_text": "not in it"})
    assert detail.marks(moved) == [(c.sentence.index("captured"), c.sentence.index("captured") + 8, "trigger")]


def test_disagreeing_figures_are_side_by_side(events):
    deployment = events[1]
    assert detail.figures_disagree(deployment)
    assert detail.figure_rows(deployment) == [("Radio Free Asia", "Kyiv", "11,000 troops"),
                                              ("Defence Talks", "the JCS", "12,000 troops")]
    assert "sources disagree" in repr(detail.panel(deployment, {}))
    assert not detail.figures_disagree(events[0])


def test_only_web_links_become_links():
    assert detail._safe_url("javascript:alert(1)") is None
    assert detail._safe_url("https://example.com/a") == "https://example.com/a"


# -- the store edge --------------------------------------------------------------------------------

def test_a_missing_database_is_a_message_and_is_not_created(tmp_path: Path):
    path = tmp_path / "none" / "chronicle.db"
    snapshot = read_snapshot(path)
    assert snapshot.events == () and "python -m extract seeds/" in snapshot.problem
    assert not path.exists() and not path.parent.exists()


def test_an_unreadable_database_is_a_message(tmp_path: Path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    assert "Cannot read" in read_snapshot(path).problem


def test_an_empty_store_is_a_message(tmp_path: Path):
    from extract.store import open_store
    path = tmp_path / "empty.db"
    open_store(path).close()
    assert "holds no events" in read_snapshot(path).problem


def test_the_source_reads_again_only_when_the_file_changes(tmp_path: Path, monkeypatch):
    from dashboard import data
    path = tmp_path / "missing.db"
    calls = []
    real = data.read_snapshot
    monkeypatch.setattr(data, "read_snapshot", lambda p: calls.append(p) or real(p))
    source = Source(path)
    source.get()
    source.get()
    assert len(calls) == 1
    from extract.store import open_store
    open_store(path).close()
    assert "holds no events" in source.get().problem
    assert len(calls) == 2


def test_a_failing_callback_body_is_logged_and_answered_politely(caplog):
    @callbacks.guarded(lambda: "sorry")
    def body():
        raise KeyError("boom")

    assert body() == "sorry"
    assert "callback body failed" in caplog.text and "KeyError" in caplog.text


def test_no_component_renders_html_from_a_string():
    for path in (Path(__file__).resolve().parents[1] / "dashboard").glob("*.py"):
        assert "dangerously_set_inner_html" not in path.read_text(encoding="utf-8").lower(), path.name


def test_publication_marks_stay_readable_for_large_corpora():
    """A few publication days are lines; hundreds would be a grey wall, so none are drawn."""
    from datetime import timedelta
    from dashboard.figure import MAX_PUBLICATION_LINES, Options, build_figure
    from dashboard.synthetic import synthetic_events

    events = synthetic_events(50, days=400)
    first = min(e.when.start for e in events)
    few = tuple(("Wire", first + timedelta(days=30 * n)) for n in range(3))
    many = tuple(("Wire", first + timedelta(days=n)) for n in range(MAX_PUBLICATION_LINES + 1))
    assert len(build_figure(events, options=Options(publications=few)).layout.shapes) == 3
    assert len(build_figure(events, options=Options(publications=many)).layout.shapes) == 0


def test_the_store_is_read_once_until_it_changes(tmp_path):
    """Opening a store touches its WAL file: that must not count as a change, or every
    request would read the whole store again (100,000 events take seconds)."""
    from pathlib import Path

    from dashboard.data import Source
    from extract.cli import run

    db = tmp_path / "seeds.db"
    run([Path(__file__).resolve().parents[1] / "seeds"], db=db, progress=False, jobs=1)
    source = Source(db)
    first = source.get()
    assert source.get() is first and source.get() is first
    run([Path(__file__).resolve().parents[1] / "seeds"], db=db, progress=False, jobs=1, prune=True)
    db.touch()
    assert source.get() is not first
