"""The dashboard in a real browser (dash.testing's dash_duo, headless Chromium): what
only a browser shows — the chart drawn, filters and clicks acting on it, the URL
carrying the view, and friendly pages instead of tracebacks."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from dashboard.app import create_app
from dashboard.view import from_query
from extract.store import open_store, read_events

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("chromedriver"), reason="needs chromedriver (make system-deps)"),
]

# The ids of the events the chart draws (each point carries its event id as customdata).
DRAWN_IDS = """
const gd = document.querySelector('#timeline .js-plotly-plot');
if (!gd || !gd.data) { return null; }
const ids = new Set();
for (const trace of gd.data) {
  if (trace.name === 'selected') { continue; }
  for (const id of (trace.customdata || [])) { if (id) { ids.add(String(id)); } }
}
return Array.from(ids).sort();
"""
LANES = "const gd = document.querySelector('#timeline .js-plotly-plot'); " \
        "return gd && gd.layout ? gd.layout.yaxis.categoryarray : null;"


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "chronicle.db"
    subprocess.run([sys.executable, "-m", "extract", str(ROOT / "seeds"), "--db", str(path), "--quiet"],
                   cwd=ROOT, check=True, capture_output=True)
    return path


@pytest.fixture(scope="module")
def seed_events(seeds_db):
    with open_store(seeds_db) as store:
        return [e for e in read_events(store) if e.when.start and e.when.end]


def drawn(dash_duo, expected_count: int | None = None, timeout: float = 10) -> list[str]:
    """The event ids drawn, once the chart has (that many of) them."""
    result: list[str] = []

    def ready(_driver) -> bool:
        nonlocal result
        result = dash_duo.driver.execute_script(DRAWN_IDS) or []
        return bool(result) and (expected_count is None or len(result) == expected_count)

    dash_duo._wait_for(ready, timeout, f"the chart never drew {expected_count} events")
    return result


def until(dash_duo, condition, message: str, timeout: float = 10) -> None:
    dash_duo._wait_for(lambda _driver: condition(), timeout, message)


def query(dash_duo) -> dict[str, list[str]]:
    return parse_qs(urlparse(dash_duo.driver.current_url).query)


def test_the_seed_timeline_loads(dash_duo, seeds_db, seed_events):
    dash_duo.start_server(create_app(seeds_db))
    dash_duo.wait_for_element("#timeline .js-plotly-plot")
    assert drawn(dash_duo, len(seed_events)) == sorted({e.id for e in seed_events})
    dash_duo.wait_for_contains_text("#counts", f"{len(seed_events)} events")
    assert dash_duo.find_element("#export-menu") is not None
    rows = dash_duo.find_elements("#events-table tbody tr")
    assert len(rows) > 1
    assert dash_duo.get_logs() == [], "the browser console reported errors"


def test_a_filter_changes_what_is_drawn_and_the_url(dash_duo, seeds_db, seed_events):
    dash_duo.start_server(create_app(seeds_db))
    drawn(dash_duo, len(seed_events))
    search = dash_duo.find_element("#search")
    search.send_keys("captured")
    search.send_keys("\n")
    expected = sorted(e.id for e in seed_events if any("captured" in c.sentence.casefold() or
                                                       "captured" in e.label.casefold() for c in e.claims))
    assert 0 < len(expected) < len(seed_events)
    until(dash_duo, lambda: query(dash_duo).get("q") == ["captured"], "the URL never got q=captured")
    assert drawn(dash_duo, len(expected)) == expected


def test_clicking_an_event_shows_its_sentence(dash_duo, seeds_db, seed_events):
    visit = next(e for e in seed_events if e.type == "visit")
    dash_duo.start_server(create_app(seeds_db))
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?type=visit")
    assert drawn(dash_duo, 1) == [visit.id]
    # Plotly finds the point under the mouse itself: move onto the event's point, click.
    from selenium.webdriver.common.action_chains import ActionChains
    point = dash_duo.find_element("#timeline .scatterlayer .trace .points path")
    ActionChains(dash_duo.driver).move_to_element(point).pause(0.3).click().perform()
    dash_duo.wait_for_contains_text("#detail-body", visit.claims[0].sentence[:40])
    trigger = dash_duo.find_element("#detail-body mark.mark-trigger")
    assert trigger.text == visit.claims[0].trigger
    until(dash_duo, lambda: query(dash_duo).get("event") == [visit.id], "the URL never named the event")
    # and the close button takes it away again
    dash_duo.find_element("#detail-close").click()
    dash_duo.wait_for_contains_text("#detail-body", "Click an event")
    until(dash_duo, lambda: "event" not in query(dash_duo), "the event stayed in the URL")


def test_a_view_survives_a_round_trip_through_the_url(dash_duo, seeds_db, seed_events):
    captures = sorted(e.id for e in seed_events if e.type == "capture")
    chosen = captures[0]
    dash_duo.start_server(create_app(seeds_db))
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?type=capture&lanes=source&zoom=2024-10-01..2025-02-28"
                           f"&event={chosen}")
    assert drawn(dash_duo, len(captures)) == captures
    lanes = dash_duo.driver.execute_script(LANES)
    sources = {c.source for e in seed_events if e.type == "capture" for c in e.claims}
    assert set(lanes) == sources
    # the filter panel shows the view: the type dropdown holds Capture, Source is the lane mode
    dash_duo.wait_for_contains_text("#filter-type", "Capture")
    checked = dash_duo.find_element("#lanes input[value='source']")
    assert checked.is_selected()
    x_range = dash_duo.driver.execute_script(
        "return document.querySelector('#timeline .js-plotly-plot').layout.xaxis.range;")
    assert str(x_range[0]).startswith("2024-10-01") and str(x_range[1]).startswith("2025-02-28")
    dash_duo.wait_for_contains_text("#detail-body", next(e for e in seed_events if e.id == chosen).label)
    # and nothing in that link was lost on the way
    view = from_query(urlparse(dash_duo.driver.current_url).query)
    assert view.types == ("capture",) and view.lanes == "source" and view.selected == chosen


def relayout(dash_duo, update: dict) -> None:
    dash_duo.driver.execute_script(
        "Plotly.relayout(document.querySelector('#timeline .js-plotly-plot'), arguments[0]);", update)


def test_zooming_puts_the_range_in_the_url(dash_duo, seeds_db, seed_events):
    dash_duo.start_server(create_app(seeds_db))
    drawn(dash_duo, len(seed_events))
    assert "zoom" not in query(dash_duo), "drawing the chart alone must not record a zoom"

    def zoomed() -> bool:   # (again until the graph listens: it binds its events after drawing)
        if query(dash_duo).get("zoom") == ["2024-09-01..2024-12-31"]:
            return True
        relayout(dash_duo, {"xaxis.range": ["2024-09-01 00:00", "2024-12-31 00:00"]})
        return False

    until(dash_duo, zoomed, "the zoom never reached the URL")
    # a double click (autorange) forgets it again

    def reset() -> bool:    # (again if a late answer to one of the zooms above put it back)
        if "zoom" not in query(dash_duo):
            return True
        relayout(dash_duo, {"xaxis.autorange": True})
        return False

    until(dash_duo, reset, "resetting the axes left the zoom in the URL")


def test_filters_that_exclude_everything_say_so(dash_duo, seeds_db):
    dash_duo.start_server(create_app(seeds_db))
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?q=zzzz-no-such-words")
    dash_duo.wait_for_contains_text("#message", "No events match these filters")
    dash_duo.find_element("#message a").click()
    until(dash_duo, lambda: "q" not in query(dash_duo), "Clear all filters left the search")
    drawn(dash_duo)
    assert dash_duo.get_logs() == [], "the browser console reported errors"


def test_a_missing_database_shows_how_to_make_one(dash_duo, tmp_path):
    dash_duo.start_server(create_app(tmp_path / "no-such.db"))
    dash_duo.wait_for_contains_text("#message", "No database at")
    assert "python -m extract seeds/" in dash_duo.find_element("#message").text
    assert "Traceback" not in dash_duo.find_element("body").text
    assert not (tmp_path / "no-such.db").exists()
    assert dash_duo.get_logs() == [], "the browser console reported errors"
