"""``python -m dashboard.bench``: figure-build and filter-callback times at 1,000,
10,000 and 100,000 synthetic events.

"Figure" is build_figure on every event; "filter change" is what a filter callback
does server-side (apply the view, build the figure, serialise it to JSON for the
browser) for a typical filter, and "clear filters" the same with every event
shown. Medians of a few runs; no browser involved.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date

import plotly.io as pio

from .figure import Options, build_figure
from .synthetic import synthetic_events
from .view import View, apply


def _time(function, repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        began = time.perf_counter()
        function()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.bench", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated event counts")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{'events':>8}  {'figure s':>9}  {'filter change s':>16}  {'clear filters s':>16}  {'JSON MB':>8}  drawn as")
    for size in (int(s) for s in args.sizes.split(",")):
        events = synthetic_events(size)
        # Every claim's article, as the app passes them: the publication marks.
        options = Options(publications=tuple(
            (c.source or "", date.fromisoformat(c.published)) for e in events for c in e.claims))
        filtered_view = View(types=("deployment", "casualties", "capture", "statement", "operation"),
                             statuses=("occurred", "ongoing"))
        figure = build_figure(events, options=options)
        figure_s = _time(lambda: build_figure(events, options=options), args.repeats)

        def filter_change():
            return pio.to_json(build_figure(apply(events, filtered_view), filtered_view, options), validate=False)

        def clear_filters():
            return pio.to_json(build_figure(apply(events, View()), View(), options), validate=False)

        change_s = _time(filter_change, args.repeats)
        clear_s = _time(clear_filters, args.repeats)
        size_mb = len(clear_filters()) / 1e6
        kinds = sorted({trace.type for trace in figure.data})
        print(f"{size:>8,}  {figure_s:>9.3f}  {change_s:>16.3f}  {clear_s:>16.3f}  {size_mb:>8.2f}  {', '.join(kinds)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
