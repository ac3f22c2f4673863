"""Merging: the same event reported several times becomes one event.

Within an article, repeats become one claim (the most informative one); across
articles, each article keeps its own claim, so figures that disagree (11,000 vs
up to 12,000 troops) stay side by side, each attributed. Two reports are the same
event when their type matches, their actors and places are compatible and their
times can be the same time (an "on or before 24 Jan" fits any earlier date); a
report's figure must also fit every figure of the event it joins, within
FIGURE_SPREAD.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from extract.events.label import figure
from extract.events.lexicon import lexicon
from extract.model import Claim, Event, Quantity

HORIZON = timedelta(days=366)
FIGURE_SPREAD = 2.5   # how far apart the figures of one event's reports may be (highest / lowest)
BASIS_RANK = {"expression": 3, "speech act": 3, "speech act bound": 1, "publication bound": 0}
GRAIN_RANK = {"minute": 9, "hour": 8, "part_of_day": 8, "day": 7, "week": 6, "month": 5, "season": 4,
              "quarter": 4, "half": 3, "year": 2, "decade": 1, "century": 0}


def merge_events(events: Iterable[Event]) -> list[Event]:
    """One event per real-world event, with one claim from each article that reports it.

    Deterministic: the result depends only on the set of input events, not their order.
    """
    ordered = sorted(events, key=_order)
    groups: list[list[Event]] = []
    # Each group's best-dated report and its rank, kept as reports join (what
    # ``max(group, key=_time_rank)`` gives, the first of equals, without rescanning).
    bests: list[tuple[tuple, Event]] = []
    spans: list[FigureSpan] = []        # each group's figures, lowest and highest
    for event in ordered:
        # Compare with each group's best-dated report, so that one vague report
        # ("the JCS stated") does not keep two precise ones apart.
        home = next((i for i, (_, best) in enumerate(bests)
                     if _same(best, event) and figures_fit_group(spans[i], event)), None)
        rank = _time_rank(event)
        if home is None:
            groups.append([event])
            bests.append((rank, event))
            spans.append(figure_span(event))
        else:
            groups[home].append(event)
            spans[home] = figure_span(event, spans[home])
            if rank > bests[home][0]:
                bests[home] = (rank, event)
    merged = [_combine(group) for group in groups]
    return sorted(merged, key=lambda e: (e.when.start or e.when.end, e.type, e.id))


def _order(event: Event) -> tuple:
    claim = event.claims[0]
    return (claim.published, claim.article_id, claim.sentence_start, claim.trigger_start, event.type)


# -- are two reports the same event? ------------------------------------------------

def _same(a: Event, b: Event) -> bool:
    if a.type != b.type or not _times_fit(a, b) or _forward(a) != _forward(b):
        return False
    if a.type == "statement":
        if not _actors_fit(a.actors[:1], b.actors[:1], strict=True) or a.status != b.status:
            return False
        if a.when.mod is None and b.when.mod is None:
            return True   # one speaker, one day: one statement, whatever part of it is quoted
        same_article = {c.article_id for c in a.claims} & {c.article_id for c in b.claims}
        return a.topic == b.topic and (bool(same_article) or a.topic is not None) \
            and set(a.places) == set(b.places)
    if a.topic and b.topic and a.topic != b.topic:
        return False   # death drones are not KN-23 missiles
    if not _figures_fit(a, b):
        return False   # 2 soldiers captured and 40 captured are two captures
    if not (a.actors and b.actors) and not (a.places and b.places):
        # Nothing to go on but type and time: only one article's repeats are one event.
        return bool({c.article_id for c in a.claims} & {c.article_id for c in b.claims})
    return _actors_fit(a.actors[:1], b.actors[:1]) and _places_fit(a.places, b.places)


def _figures_fit(a: Event, b: Event) -> bool:
    """Sources disagree on figures (11,000 or 12,000 troops), but not by more than
    FIGURE_SPREAD times: beyond that the reports count different things."""
    first, second = _first_figure(a), _first_figure(b)
    if first is None or second is None:
        return True
    low, high = sorted((first, second))
    return high <= low * FIGURE_SPREAD


FigureSpan = tuple[float, float] | None


def _first_figure(event: Event) -> float | None:
    return next((q.value for q in event.quantities if q.value), None)


def figure_span(event: Event, span: FigureSpan = None) -> FigureSpan:
    """The lowest and highest first figure of a group's reports, ``event`` counted in."""
    return _widened(span, _first_figure(event))


def _widened(span: FigureSpan, value: float | None) -> FigureSpan:
    """``span`` (lowest, highest) stretched to take in ``value``, if there is one."""
    if value is None:
        return span
    if span is None:
        return value, value
    return min(span[0], value), max(span[1], value)


def figures_fit_group(span: FigureSpan, event: Event) -> bool:
    """A report joins a group only if its figure is within FIGURE_SPREAD of every figure
    the group holds, not only of its best-dated report's: else close steps (2, 4, 8,
    16 soldiers captured) would chain reports that count different things into one
    event whose figures run twentyfold."""
    value = _first_figure(event)
    if span is None or value is None or event.type == "statement":
        return True
    return max(span[1], value) <= min(span[0], value) * FIGURE_SPREAD


def _forward(event: Event) -> bool:
    """Reports of what is to come are not reports of what happened."""
    return event.status in ("planned", "expected") or event.when.mod == "after" \
        or event.type.startswith("planned")   # a planned deployment is forward even when suspected


def reach(event: Event) -> tuple[date, date] | None:
    """The days a report's time can mean: its interval, or for a bound ("on or before
    24 Jan") the year up to (or from) it: news reports recent events as recent. A
    statement is news itself: one dated by a bound ("X said", in an article of 24 Jan)
    was made within the interval drawn for it, not any time that year."""
    span = event.when
    if span.start is None or span.end is None:
        return None
    if span.mod == "before" and event.type != "statement":
        return span.end - HORIZON, span.end
    if span.mod == "after" and event.type != "statement":
        return span.start, span.start + HORIZON
    return span.start, span.end


def _times_fit(a: Event, b: Event) -> bool:
    """Can both reports name the same time? Their reaches overlap."""
    first, second = reach(a), reach(b)
    if first is None or second is None:
        return True
    return first[0] <= second[1] and second[0] <= first[1]


def _actors_fit(a: tuple[str, ...], b: tuple[str, ...], strict: bool = False) -> bool:
    if not a or not b:
        return not strict
    part_of = lexicon().part_of
    widen = lambda names: set(names) | {part_of.get(n, n) for n in names}  # noqa: E731
    return bool(widen(a) & widen(b))


def _places_fit(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return True
    country = lexicon().place_country
    widen = lambda names: set(names) | {country.get(n, n) for n in names}  # noqa: E731
    return bool(widen(a) & widen(b))


# -- combining ---------------------------------------------------------------------------

def _time_rank(event: Event) -> tuple:
    return (BASIS_RANK.get(event.when_basis, 0), GRAIN_RANK.get(event.when.granularity or "", 0),
            event.when.mod is None)


def _info_rank(event: Event) -> tuple:
    return (bool(event.quantities), bool(event.places), len(event.actors) > 0, _time_rank(event))


def _combine(group: list[Event]) -> Event:
    """The merged event: time from the best-dated report, label from the most informative."""
    fold = Combining()
    for event in group:
        fold.add(event)
    return fold.result()


class Combining:
    """``_combine`` one report at a time: it keeps what the merged event is made of (the
    best-dated and the most informative report, the names in order of appearance, the
    range of the figures), never the reports themselves. Each article's claim is passed
    to ``on_claim`` as soon as the article's last report is in; without ``on_claim`` the
    claims are kept on the result. So a group reported by thousands of articles is
    combined in the memory of one report.

    Reports come in merge order (``_order``), so each article's reports come together
    and the claims leave in the order of the merged event's: by publication, then
    article."""

    def __init__(self, on_claim: Callable[[Claim], None] | None = None) -> None:
        self.timed: tuple[tuple, Event] | None = None
        self.labelled: tuple[tuple, Event] | None = None
        self.pending: tuple[tuple, Claim] | None = None     # the article's best claim so far
        self.claims: list[Claim] = []
        self.on_claim = on_claim if on_claim is not None else self.claims.append
        self.first: Claim | None = None
        self.passed: tuple[str, str] | None = None          # (published, article) of the last
        self.articles = 0
        self.quantities: dict[Quantity, None] = {}
        self.figures: FigureSpan = None                     # each claim's first figure
        self.actors: dict[str, None] = {}
        self.places: dict[str, None] = {}
        self.confidence = float("-inf")
        self.topic: str | None = None

    def add(self, event: Event) -> None:
        """Count in the group's next report (in merge order)."""
        time_rank = _time_rank(event)
        # max() keeps the first of equals: input order decides.
        if self.timed is None or time_rank > self.timed[0]:
            self.timed = (time_rank, event)
        info_rank = _info_rank(event)
        if self.labelled is None or info_rank > self.labelled[0]:
            self.labelled = (info_rank, event)
        for claim in event.claims:
            if self.pending is not None and self.pending[1].article_id != claim.article_id:
                self._pass_on()
            rank = (bool(claim.quantities), time_rank, claim.time_text is not None)
            if self.pending is None or rank > self.pending[0]:
                self.pending = (rank, claim)
        self.actors.update(dict.fromkeys(event.actors))
        self.places.update(dict.fromkeys(event.places))
        self.confidence = max(self.confidence, event.confidence)
        if self.topic is None:
            self.topic = event.topic

    def _pass_on(self) -> None:
        """The pending article's claim is final: count it in and hand it on."""
        if self.pending is None:
            return
        claim = self.pending[1]
        self.pending = None
        key = (claim.published, claim.article_id)
        if self.passed is not None and key <= self.passed:
            raise ValueError(f"reports out of merge order: article {claim.article_id} "
                             "after a later one")
        self.passed = key
        self.first = self.first or claim
        self.articles += 1
        self.quantities.update(dict.fromkeys(claim.quantities))
        if claim.quantities:
            self.figures = _widened(self.figures, claim.quantities[0].value)
        self.on_claim(claim)

    def result(self) -> Event:
        """The merged event of the reports added (at least one); call it once, at the
        end. Its claims are empty if they went to ``on_claim``."""
        if self.timed is None or self.labelled is None:
            raise ValueError("no report to combine")
        self._pass_on()
        assert self.first is not None
        timed, labelled = self.timed[1], self.labelled[1]
        # The most informative report's names first, then every report's in order.
        actors = tuple(dict.fromkeys((*labelled.actors, *self.actors)))
        places = tuple(dict.fromkeys((*labelled.places, *self.places)))
        digest = _merged_id(timed.type, actors, self.first.article_id, self.first.trigger_start)
        return Event(id=digest, type=timed.type, label=_label(labelled, self.figures),
                     when=timed.when, status=timed.status, actors=actors, places=places,
                     quantities=tuple(self.quantities), claims=self.claims,
                     confidence=round(min(0.95, self.confidence + 0.1 * (self.articles - 1)), 2),
                     when_basis=timed.when_basis, topic=self.topic)


def _label(labelled: Event, figures: FigureSpan) -> str:
    """The label, with the range of the figures when sources disagree ("11,000–12,000"):
    ``figures`` is the lowest and highest of the claims' first figures."""
    if figures is None or figures[0] == figures[1] or not labelled.quantities:
        return labelled.label
    own = figure(labelled.quantities, lexicon().figure_prefix)
    spread = f"{figures[0]:,.0f}–{figures[1]:,.0f} "
    return labelled.label.replace(own, spread, 1) if own and own in labelled.label else labelled.label


def _merged_id(event_type: str, actors: tuple[str, ...], article_id: str, trigger_start: int) -> str:
    """Stable across runs: the type, the first actor and the first claim's place."""
    return hashlib.sha1(f"{event_type}|{actors[:1]}|{article_id}|{trigger_start}".encode()).hexdigest()[:12]


def combine_single(data: dict) -> dict:
    """``_combine([event]).to_dict()`` for a group of one, on the event's JSON form: what
    publishing a large store does for most events, without rebuilding the objects."""
    claim = data["claims"][0]
    merged = dict(data)
    merged["id"] = _merged_id(data["type"], tuple(data["actors"]), claim["article_id"], claim["trigger_start"])
    merged["quantities"] = list({json_key(q): q for q in claim["quantities"]}.values())
    merged["confidence"] = round(min(0.95, data["confidence"]), 2)
    return merged


def json_key(value: dict) -> str:
    return repr(sorted(value.items()))
