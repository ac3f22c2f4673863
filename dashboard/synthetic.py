"""Synthetic events for benchmarks: many, varied, deterministic.

Types, statuses, actors, sources and date precision vary the way a real corpus
does (most events bounded or month-wide, some exact, a few planned), so the
figure and the filters are timed on realistic work.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from extract.model import Claim, Event, Quantity
from extract.timex import calendar as cal
from extract.timex.span import TimeSpan

TYPES = ("deployment", "planned_deployment", "treaty", "capture", "casualties", "weapons_transfer", "launch",
         "statement", "assessment", "operation", "visit")
STATUSES = ("occurred",) * 6 + ("ongoing", "planned", "expected", "suspected", "denied")
ACTORS = ("North Korea", "Russia", "Ukraine", "South Korea", "United States", "China", "NATO", "Japan",
          "Belarus", "Iran", "United Nations", "European Union")
PLACES = ("Kursk region", "Donetsk region", "Kharkiv", "Pyongyang", "Moscow", "Kyiv", "Crimea", "Geneva")
SOURCES = ("Defence Talks", "Radio Free Asia", "Reuters", "Yonhap", "Kyiv Independent", "TASS", "NK News",
           "The War Zone", "BBC", "AP")


def synthetic_events(count: int, seed: int = 0, start: date = date(2022, 1, 1), days: int = 1200) -> list[Event]:
    rng = random.Random(seed)
    events = []
    for index in range(count):
        kind = rng.choice(TYPES)
        first = start + timedelta(days=rng.randrange(days))
        grain = rng.choices(("day", "month", "bound", "season", "year"), weights=(30, 35, 25, 6, 4))[0]
        span = _span(first, grain, rng)
        sources = rng.sample(SOURCES, k=rng.choice((1, 1, 1, 2, 3)))
        claims = [Claim(article_id=f"a{index}-{n}", source=source, published=(span.end or first).isoformat(),
                        sentence=f"Sentence {index} reported by {source} about a {kind.replace('_', ' ')}.",
                        sentence_start=0, sentence_end=60, trigger=kind, trigger_start=0, trigger_end=len(kind),
                        attribution=rng.choice(ACTORS), quantities=(Quantity(text=f"{(n + 1) * 100} troops",
                                                                             value=(n + 1) * 100.0),))
                  for n, source in enumerate(sources)]
        actors = tuple(rng.sample(ACTORS, k=rng.choice((1, 2, 2, 3))))
        events.append(Event(id=f"e{index:07d}", type=kind, label=f"{actors[0]} {kind.replace('_', ' ')} #{index}",
                            when=span, status=rng.choice(STATUSES), actors=actors,
                            places=(rng.choice(PLACES),), quantities=claims[0].quantities, claims=claims,
                            confidence=round(rng.uniform(0.2, 0.9), 2),
                            when_basis="expression" if grain != "bound" else "publication bound"))
    return events


def _span(first: date, grain: str, rng: random.Random) -> TimeSpan:
    mod = None
    if grain == "day":
        value, (start, end) = cal.day_unit(first)
    elif grain == "month":
        value, (start, end) = cal.month_unit(first.year, first.month)
    elif grain == "season":
        value, (start, end) = cal.season_unit(*cal.season_of(first))
    elif grain == "year":
        value, (start, end) = cal.year_unit(first.year)
    else:
        value, start, end, mod, grain = first.isoformat(), first - timedelta(days=30), first, "before", "day"
    return TimeSpan(text=value, char_start=0, char_end=len(value), kind="DATE", value=value, start=start, end=end,
                    granularity=grain if grain != "bound" else "day", mod=mod, anchor=first.isoformat(),
                    anchor_basis="publication", rule="synthetic")
