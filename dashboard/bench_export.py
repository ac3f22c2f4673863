"""``python -m dashboard.bench_export``: briefing export times, cold and warm.

For PNG (1920×1080 at scale 2), SVG and PDF at 100 and 1,000 synthetic events (varied
types, dates, precisions and statuses: ``dashboard.synthetic``), it times the whole
export the app and the CLI do (``export.export_bytes``: apply the view, build the
figure, render it):

- cold: a fresh ``Renderer``, so starting Chromium is counted (the first export of a
  process that did not warm up);
- warm: the median of a few exports through one renderer already started (every later
  export; the app warms its renderer at start-up), ``--gap`` seconds apart (default 0.5:
  the used tab reloads in the background between exports; ``--gap 0`` also counts
  waiting for that reload).

Bars: a warm PNG at 1,000 events within 1 s, a cold one within 6 s.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import datetime, timezone

from .export import Settings, export_bytes
from .render import Renderer, chromium_available, find_chromium
from .synthetic import synthetic_events
from .view import View

BARS = {("png", "warm"): 1.0, ("png", "cold"): 6.0}
NOW = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)


def _timed(function) -> tuple[float, object]:
    began = time.perf_counter()
    result = function()
    return time.perf_counter() - began, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.bench_export", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000", help="comma-separated event counts")
    parser.add_argument("--formats", default="png,svg,pdf")
    parser.add_argument("--repeats", type=int, default=5, help="warm exports per cell (median)")
    parser.add_argument("--gap", type=float, default=0.5,
                        help="seconds between warm exports (clicks are seconds apart; the used tab "
                             "reloads in the gap); 0 times them back to back")
    args = parser.parse_args(argv)
    if not chromium_available():
        find_chromium()   # raises with the install hint
    settings = Settings(title="Benchmark", width=1920, height=1080, scale=2)
    view = View()
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    failures = []
    print(f"Chromium: {find_chromium()}")
    print(f"{'events':>7}  {'format':<6}  {'cold s':>7}  {'warm s':>7}  {'warm min':>8}  {'size KB':>8}")
    warm = Renderer()
    warm.start()
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            events = synthetic_events(size)
            for fmt in formats:
                cold_renderer = Renderer()
                try:
                    cold, export = _timed(lambda: export_bytes(fmt, events, view, settings, NOW, cold_renderer))
                finally:
                    cold_renderer.close()
                export_bytes(fmt, events, view, settings, NOW, warm)   # this cell's first warm run
                samples = []
                for _ in range(args.repeats):
                    time.sleep(args.gap)
                    samples.append(_timed(lambda: export_bytes(fmt, events, view, settings, NOW, warm))[0])
                median = statistics.median(samples)
                print(f"{size:>7,}  {fmt:<6}  {cold:>7.2f}  {median:>7.2f}  {min(samples):>8.2f}  "
                      f"{len(export.content) / 1024:>8.0f}")
                if size >= 1000:
                    for (bar_fmt, kind), limit in BARS.items():
                        value = median if kind == "warm" else cold
                        if fmt == bar_fmt and value > limit:
                            failures.append(f"{kind} {fmt.upper()} at {size:,} events: {value:.2f} s > {limit} s")
        print(f"browsers started by the warm renderer: {warm.starts}")
    finally:
        warm.close()
    for line in failures:
        print(f"over the bar: {line}", file=sys.stderr)
    if not failures:
        print("bars met: warm PNG ≤ 1 s and cold PNG ≤ 6 s at 1,000 events")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
