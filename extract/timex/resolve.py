"""Resolvers: turn one rule match into a TIMEX3 value and a drawable interval.

Each resolver is a pure function of the match's groups and a Context (the
reference date, the sentence's tense, the date the text last mentioned). The
rule data names the resolver; the words it reads come from the language tables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Callable

from . import calendar as cal
from .grammar import Grammar
from .tense import FUTURE, NEAREST, PAST, UNKNOWN, direction, is_adjacent, is_perfect, is_weak

Interval = tuple[date, date]


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a resolver found: everything of a TimeSpan except where it is."""

    kind: str
    value: str
    interval: Interval | None
    granularity: str | None
    mod: str | None = None
    anaphoric: bool = False   # resolved against a date the text mentioned
    shifted: bool = False     # counted from another date ("a year ago", "the year-ago quarter")


@dataclass(slots=True)
class Context:
    """What a resolver may know about the expression's surroundings."""

    grammar: Grammar
    reference: date
    groups: dict[str, str]
    text: str            # the expression as written
    read_tense: Callable[[], int]   # the sentence's tense for it: read only if a resolver asks
    last: tuple[date, date, str] | None   # interval and granularity last mentioned
    before: str          # the few characters before the expression (lower case)
    after: str = ""      # the few characters after it (lower case)
    document: str = ""   # the whole text, as written: which country it is about
    position: int = 0    # where the expression starts in it
    last_shifted: bool = False  # the last date was itself counted from another ("a year ago")
    unshifted: tuple[date, date, str] | None = None   # the last date named outright
    quarter: tuple[date, date, str] | None = None     # the last quarter (or half) named outright
    quarter_in_sentence: bool = False  # ... in this sentence
    unshifted_in_sentence: bool = False  # the last date named outright is in this sentence
    unshifted_opens_sentence: bool = False  # ... and opens it ("In 2019, ...", "Last year, ...")
    event_day: tuple[date, date, str] | None = None  # the last day named, not as the day of a report
    event_night: bool = False  # that day was named as its evening or night
    last_day: tuple[date, date, str] | None = None   # the last day (or time of day) named
    last_clock: datetime | None = None  # the last date named, when it was a clock time
    named_outright: tuple = ()  # the last few dates named outright, oldest first
    last_day_in_sentence: bool = False  # the last day named is in this sentence
    opens_entry: bool = False    # the expression opens a chronology's entry ("Aug. 2 – ...")
    in_entry: bool = False       # the last date named outright opened the entry this expression is in
    last_entry: tuple[date, date, str] | None = None   # the date that opened the chronology's last entry
    heading_day: tuple[date, date, str] | None = None  # a day named in the heading line right before
    _tense: int | None = None

    @property
    def tense(self) -> int:
        """PAST, FUTURE or UNKNOWN (times WEAK, ADJACENT ...): reading a sentence's verbs
        costs more than most resolutions, and a date with its year needs none."""
        if self._tense is None:
            self._tense = self.read_tense()
        return self._tense

    def word(self, table: str, group: str | None = None) -> object | None:
        raw = self.groups.get(group or table)
        return None if raw is None else self.grammar.lookup(table, raw)

    @property
    def reported(self) -> tuple[date, date, str] | None:
        """The date the text is reporting on: the last one mentioned, unless that was
        counted back from another ("the year-ago quarter"), then the last named outright."""
        return self.unshifted if self.last_shifted else self.last


Resolver = Callable[[Context], Resolution | None]
RESOLVERS: dict[str, Resolver] = {}

UNIT_CODE = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
             "fortnight": "W", "month": "M", "quarter": "Q", "season": "M", "year": "Y",
             "decade": "DE", "century": "CE", "millennium": "ML"}
UNIT_FACTOR = {"fortnight": 2, "season": 3}
FAR_DAYS = 240
GRAIN_ORDER = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 4, "year": 5,
               "decade": 6, "century": 7}  # past this, a day or month named without its year is the nearer one
TIME_UNITS = {"second", "minute", "hour"}


def _grain_rank(grain: str) -> int:
    """How coarse a granularity or unit is: times of day below days, unknown ones above all."""
    return -1 if grain in TIME_UNITS or grain == "part_of_day" else GRAIN_ORDER.get(grain, 99)


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    def register(function: Resolver) -> Resolver:
        RESOLVERS[name] = function
        return function
    return register


# -- helpers ------------------------------------------------------------------------

def _number(ctx: Context, raw: str | None) -> float | str | None:
    """A count written in digits or words ("12", "twenty-four", "a few" -> "X")."""
    if raw is None:
        return None
    text = " ".join(raw.lower().replace("-", " ").split())
    if re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+", text):
        text = text.replace(",", "")  # "1,000"
    if re.fullmatch(r"[0-9]+ [0-9]/[0-9]", text):
        whole, frac = text.split(" ")
        num, den = frac.split("/")
        return int(whole) + int(num) / int(den)
    if re.fullmatch(r"[0-9]+/[0-9]+", text):
        num, den = text.split("/")
        return int(num) / int(den) if int(den) else None
    try:
        return float(text) if "." in text else int(text)
    except ValueError:
        pass
    cardinal = ctx.grammar.words["cardinal"]
    if text in cardinal:
        return cardinal[text]
    parts = text.split(" ")
    tens, ones = ctx.grammar.words["tens"], ctx.grammar.words["ones"]
    if len(parts) == 2 and parts[0] in tens and parts[1] in ones:
        return tens[parts[0]] + ones[parts[1]]
    multiplier = ctx.grammar.words.get("multiplier", {})
    if len(parts) == 2 and parts[1] in multiplier:
        count = _number(ctx, parts[0])
        return count * multiplier[parts[1]] if isinstance(count, (int, float)) else None
    if parts and parts[-1] == "of":
        return _number(ctx, " ".join(parts[:-1]))
    if text.endswith(" of") or text in ("hundreds of", "dozens of"):
        return "X"
    return None


def _format_count(count: float | str) -> str:
    if isinstance(count, str):
        return count
    if float(count).is_integer():
        return str(int(count))
    return f"{count:g}"


def duration_value(count: float | str, unit: str) -> str:
    """The TIMEX3 duration: P2Y, PT48H, P2Y6M for "2 1/2 years", P20Y for "two decades"."""
    if unit in ("decade", "century", "millennium"):
        unit, count = "year", count if isinstance(count, str) else count * {
            "decade": 10, "century": 100, "millennium": 1000}[unit]
    if unit == "year" and not isinstance(count, str) and not float(count).is_integer():
        whole, months = int(count), round((count - int(count)) * 12)
        return f"P{whole}Y{months}M" if whole else f"P{months}M"
    factor = UNIT_FACTOR.get(unit, 1)
    if not isinstance(count, str):
        count = count * factor
    code = UNIT_CODE[unit]
    if unit == "quarter" and not isinstance(count, str):
        count, code = count * 3, "M"
    prefix = "PT" if unit in TIME_UNITS else "P"
    return f"{prefix}{_format_count(count)}{code}"


def _spoken_year(ctx: Context, raw: str) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    filler = ctx.grammar.words["number_filler"]
    words = [w for w in raw.lower().replace("-", " ").split() if w not in filler]
    tens, ones = ctx.grammar.words["tens"], ctx.grammar.words["ones"]
    cardinal = ctx.grammar.words["cardinal"]
    multiplier = ctx.grammar.words["multiplier"]
    first = cardinal.get(words[0]) if words else None
    if not isinstance(first, int) or len(words) < 2:
        return None
    if words[1] in multiplier:
        # "two thousand and one": the thousands, then the rest
        rest = words[2:]
        extra = cardinal.get(rest[0], 0) if rest else 0
        return first * multiplier[words[1]] + extra if isinstance(extra, int) else None
    if not 10 <= first <= 99:
        return None
    # "nineteen ninety-six": the hundreds, then the rest
    rest = words[1:]
    if rest[0] in tens:
        return first * 100 + tens[rest[0]] + (ones.get(rest[1], 0) if len(rest) > 1 else 0)
    value = cardinal.get(rest[0])
    return first * 100 + value if isinstance(value, int) else None


def _with_fraction(ctx: Context, count: float | str | None) -> float | str | None:
    """A count with the fraction written after it ("two and a half"), by [words.and_a_half]."""
    fraction = ctx.grammar.phrase_in("and_a_half", ctx.text)
    if fraction is None or count is None or isinstance(count, str):
        return count
    return count + fraction


def _year(ctx: Context, raw: str | None) -> int | None:
    if raw is None:
        return None
    raw = raw.strip().lstrip("'")
    if raw[:1].isalpha():
        return _spoken_year(ctx, raw)
    if len(raw) == 2 and raw.isdigit():
        two = int(raw)
        candidates = [c * 100 + two for c in (ctx.reference.year // 100 - 1, ctx.reference.year // 100)]
        past = [y for y in candidates if y <= ctx.reference.year + 5]
        return max(past) if past else min(candidates)
    return int(raw) if raw.isdigit() else None


def _mod(ctx: Context) -> str | None:
    if ctx.groups.get("mod_word") is not None:
        return ctx.word("mod_word")  # type: ignore[return-value]
    return ctx.grammar.phrase_opening("mod_opening", ctx.text)


def _approx(ctx: Context) -> str | None:
    raw = ctx.groups.get("approx")
    return None if raw is None else ctx.word("approx", "approx")  # type: ignore[return-value]


def _directed(candidates: list[tuple[date, date]], reference: date, tense: int,
              far_fallback: bool = False) -> tuple[date, date]:
    """Choose among intervals (same unit, different years) by the sentence's direction.

    Past: the latest that starts on or before the reference; future: the earliest
    that ends on or after it; unknown: the nearest.
    """
    def distance(c: tuple[date, date]) -> int:
        return cal.days_from(c, reference)

    nearest = min(candidates, key=distance)
    adjacent, weak, tense = is_adjacent(tense), is_weak(tense), direction(tense)
    if weak and not far_fallback:
        # A far cue may belong to another clause: it decides only between near candidates.
        directed = _strict(candidates, reference, tense)
        if directed is not None and distance(directed) > 180 and distance(directed) > 2 * distance(nearest):
            return nearest
    if not far_fallback and tense in (PAST, FUTURE):
        strict = [c for c in candidates if (c[0] <= reference if tense == PAST else c[1] >= reference)]
        if strict:
            return max(strict) if tense == PAST else min(strict)
    directed = None
    if tense == PAST:
        directed = max((c for c in candidates if c[0] <= reference), default=None)
    elif tense == FUTURE:
        directed = min((c for c in candidates if c[1] >= reference), default=None)
    # A writer adds the year to a date most of a year away: such a date is not
    # the one meant, whatever the tense.
    if directed is None or (distance(directed) > FAR_DAYS and not adjacent):
        return nearest
    return directed


def _strict(candidates: list[tuple[date, date]], reference: date, tense: int) -> tuple[date, date] | None:
    if tense == PAST:
        return max((c for c in candidates if c[0] <= reference), default=None)
    if tense == FUTURE:
        return min((c for c in candidates if c[1] >= reference), default=None)
    return None


def _date_resolution(day: date, mod: str | None = None, anaphoric: bool = False) -> Resolution:
    return Resolution("DATE", day.isoformat(), (day, day), "day", mod, anaphoric)


def _unit_resolution(value_interval: tuple[str, Interval], granularity: str,
                     mod: str | None = None, anaphoric: bool = False) -> Resolution:
    value, interval = value_interval
    return Resolution("DATE", value, cal.narrow(interval, mod), granularity, mod, anaphoric)


# -- explicit dates ---------------------------------------------------------------------

def _month_number(ctx: Context) -> int | None:
    month = ctx.word("month")
    if month is not None:
        return int(month)  # type: ignore[arg-type]
    raw = ctx.groups.get("month_number")
    return int(raw) if raw else None


def _narrative_year(ctx: Context, day_in: Callable[[int], date]) -> int | None:
    """"Rebels seized the city on 2 March 2012. The army retook it on 11 March": in a
    story the text has set in an earlier year, a day named without a year that
    follows the last date within months is of that year. ``day_in(year)`` is the day
    the expression names in a given year."""
    anchor = ctx.reported
    # A chronology's entry ("Aug. 2 – Obligations apply", "January: Trump is sworn in on
    # Jan. 20") goes on in its year, told in the present whatever its tense.
    entry = ctx.opens_entry or ctx.in_entry
    if anchor is None or anchor[2] not in _NARRATIVE_ANCHOR_GRAINS \
            or direction(ctx.tense) == FUTURE and not entry:
        return None
    year = anchor[0].year
    if year >= ctx.reference.year or anchor[1].year != year:
        return None
    # "In 2019, the monsoon arrived on May 24": a year that opens the sentence is the year of
    # the days named after it in that sentence.
    whole_year = anchor[2] == "year" and anchor == ctx.unshifted and ctx.unshifted_in_sentence \
        and ctx.unshifted_opens_sentence
    if anchor[2] == "year" and not entry and not whole_year \
            and not (ctx.last == anchor and anchor[1] - anchor[0] < timedelta(days=62)):
        return None   # only the part of a year the text is in: "by the end of that year ... Christmas Eve"
    if anchor[2] == "month" and not entry \
            and (ctx.last_shifted or not ctx.unshifted_in_sentence and not opens_sentence(ctx)):
        # "In March 2014 Russia seized Crimea and on March 18 annexed it": a month named in
        # the same sentence; one named in an earlier sentence is often background.
        return None
    if entry:
        # A chronology's entry goes on in the year it has reached, never past publication.
        # A day inside an entry may run into the next year as a story's day may ("Dec. 18,
        # 2023: ... bans imports from Jan. 1"); the next entry is the next such day after
        # the one above it, up to a year on ("Oct. 17, 2023: ..." then "Jan. 26: ...").
        ahead = timedelta(days=365 if ctx.opens_entry else 120)
        windows = ((year, min(date(year, 12, 31), ctx.reference)),
                   (year + 1, min(anchor[0] + ahead, ctx.reference)))
    else:
        windows = ((year, anchor[1] if whole_year else anchor[0] + timedelta(days=120)),)
    # The story may step back to a date between those it has named in that year ("first set
    # for May 25, then brought forward to March 16", after Feb. 27).
    first = anchor[0] if entry else min([anchor[0], *(named[0] for named in ctx.named_outright
                                                      if named[0].year == year and named[2] in DAY_GRAINS)])
    for option, last in windows:
        try:
            candidate = day_in(option)
        except ValueError:
            continue
        if first <= candidate <= last:
            return option
    return None


_FRONTED = re.compile(r"(?:^|[.!?][\"'\u201d\u2019]*\s+)(?:\w+,?\s+){0,2}$")


def opens_sentence(ctx: Context) -> bool:
    """Whether the expression opens its sentence, after a word or two ("On March 18, ...",
    "Then, on August 24, ..."): a story's next step, not background."""
    return _FRONTED.search(ctx.before) is not None


@resolver("calendar_date")
def calendar_date(ctx: Context) -> Resolution | None:
    month = _month_number(ctx)
    day_raw = ctx.groups.get("day")
    if day_raw is not None:
        day = int(day_raw)
    else:
        ordinal = ctx.word("ordinal", "day_ordinal") or ctx.word("ordinal")
        if not isinstance(ordinal, int) or ordinal < 1:
            return None
        day = ordinal
    if month is None:
        return None
    year = _year(ctx, ctx.groups.get("year"))
    if year is not None and year < 100:
        year += 1900 if year > (ctx.reference.year % 100) + 10 else 2000
    year_relative = ctx.word("relative", "year_relative")
    if year is None and year_relative is not None:
        year = ctx.reference.year + int(year_relative)  # type: ignore[arg-type]  # "Aug. 6 last year"
    try:
        if year is not None:
            first = date(year, month, day)
        elif (narrative := _narrative_year(ctx, lambda y: date(y, month, day))) is not None:
            first = date(narrative, month, day)
        else:
            options = []
            for y in (ctx.reference.year - 1, ctx.reference.year, ctx.reference.year + 1):
                try:
                    options.append((date(y, month, day), date(y, month, day)))
                except ValueError:
                    continue
            if not options:
                return None
            weekday = ctx.word("weekday")
            if weekday is not None:
                matching = [o for o in options if o[0].isoweekday() == weekday]
                options = matching or options
            first = _directed(options, ctx.reference, ctx.tense if weekday is None else UNKNOWN,
                              far_fallback=True)[0]
    except ValueError:
        return None
    day2 = ctx.groups.get("day2")
    if day2 is not None:
        try:
            last = first.replace(day=int(day2))
        except ValueError:
            return None
        if last < first:
            return None
        return Resolution("DATE", first.isoformat(), (first, last), "day")
    return _date_resolution(first)


@resolver("range_end_day")
def range_end_day(ctx: Context) -> Resolution | None:
    """"June 2-4": the "4" is that day of the month just named ("June 2"), when that is
    what stands right before it (not "won 3-1")."""
    range_start = ctx.grammar.filter_pattern("range_start")
    opening = range_start.search(ctx.before) if range_start else None
    if ctx.last is None or ctx.last[2] != "day" or opening is None \
            or ctx.grammar.lookup("month", opening.group(1)) is None:
        return None
    start = ctx.last[0]
    year = _year(ctx, ctx.groups.get("year")) or start.year
    try:
        day = date(year, start.month, int(ctx.groups["day"]))
    except ValueError:
        return None
    return _date_resolution(day) if day >= start or year != start.year else None


@resolver("edge_day")
def edge_day(ctx: Context) -> Resolution | None:
    """"the last day of 1999", "the first day of March", "the last day of the month": the
    first or last day of the period, resolved as the period alone would be."""
    if ctx.groups.get("month"):
        period = month(ctx)
    elif ctx.groups.get("year"):
        year = _year(ctx, ctx.groups["year"])
        period = None if year is None else _unit_resolution(cal.year_unit(year), "year")
    else:
        unit = str(ctx.groups.get("period_word", "")).lower()
        shift = int(ctx.word("relative", "period_relative") or 0)  # type: ignore[arg-type]
        base = cal.shift(ctx.reference, unit, shift)
        period = _unit_resolution(cal.unit_containing(base, unit), unit)
    if period is None or period.interval is None:
        return None
    day = period.interval[0] if str(ctx.groups.get("edge")).lower() == "first" else period.interval[1]
    return _date_resolution(day)


@resolver("month")
def month(ctx: Context) -> Resolution | None:
    number = _month_number(ctx)
    if number is None:
        return None
    mod = _mod(ctx)
    year = _year(ctx, ctx.groups.get("year"))
    relative = ctx.word("relative")
    year_relative = ctx.word("relative", "year_relative")
    lowered = ctx.text.lower()
    if year is None and year_relative is not None:
        year = ctx.reference.year + int(year_relative)  # type: ignore[arg-type]
    elif year is None and (step := ctx.grammar.phrase_in("year_anaphor", lowered)) is not None:
        base = ctx.last[0].year if ctx.last else ctx.reference.year
        year = base + int(step)
    if year is not None:
        return _through_month(ctx, _unit_resolution(cal.month_unit(year, number), "month", mod))
    if relative is None and ctx.groups.get("month2") is None \
            and (narrative := _narrative_year(ctx, lambda y: date(y, number, 1))) is not None:
        # "won Wimbledon last August and the US Open in September": that story's year
        return _unit_resolution(cal.month_unit(narrative, number), "month", mod)
    current = (ctx.reference.year, ctx.reference.month)
    step = ctx.word("anaphoric_relative", "relative") or ctx.word("anaphoric_relative", "month_anaphor")
    anaphoric = step is not None and ctx.last is not None
    if anaphoric:
        # "elected the previous November", "reopened the following February": counted
        # from the date the text is about
        relative, current = step, (ctx.last[0].year, ctx.last[0].month)  # type: ignore[index]
    if relative is not None:
        rel = int(relative)  # type: ignore[arg-type]
        if rel < 0:
            year = current[0] if number < current[1] else current[0] - 1
        elif rel > 0:
            year = current[0] if number > current[1] else current[0] + 1
            if not anaphoric and number == current[1] + 1 \
                    and ctx.grammar.lookup("next_skips_adjacent", ctx.groups.get("relative") or ""):
                year += 1   # "next July", said in June: a year on ("next month" is this July;
                #             in December "next January" is both)
        else:
            year = current[0]
        return _unit_resolution(cal.month_unit(year, number), "month", mod, anaphoric)
    options = [cal.month_unit(y, number)[1] for y in
               (ctx.reference.year - 1, ctx.reference.year, ctx.reference.year + 1)]
    # A range ("January-June") is chosen as a whole: the one nearest, or in the tense's direction.
    options = [(start, _range_end(ctx, start) or end) for start, end in options]
    if ctx.groups.get("month2") is not None:
        options = _ended_if_past(ctx, options)
    chosen = _directed(options, ctx.reference, ctx.tense, far_fallback=ctx.groups.get("month2") is not None)
    return _through_month(ctx, _unit_resolution(cal.month_unit(chosen[0].year, number), "month", mod))


def _ended_if_past(ctx: Context, options: list[Interval]) -> list[Interval]:
    """In a past-tense sentence a reporting period has ended ("GDP grew in the April-June
    quarter", written in April, is last year's)."""
    if direction(ctx.tense) != PAST:
        return options
    return [o for o in options if o[1] <= ctx.reference] or options


@resolver("month_quarter")
def month_quarter(ctx: Context) -> Resolution | None:
    """"the December quarter": the calendar quarter holding that month, of the year
    written, else the nearest (a reporting period is named most of a year away only
    with its year)."""
    number = _month_number(ctx)
    if number is None:
        return None
    year = _year(ctx, ctx.groups.get("year"))
    years = [year] if year is not None else [ctx.reference.year + d for d in (-1, 0, 1)]
    options = _ended_if_past(ctx, [cal.unit_containing(date(y, number, 1), "quarter")[1] for y in years])
    chosen = options[0] if year is not None else _directed(options, ctx.reference, ctx.tense, far_fallback=True)
    return _unit_resolution(cal.unit_containing(chosen[0], "quarter"), "quarter")


def _range_end(ctx: Context, start: date) -> date | None:
    """The last day of a month range that begins at ``start`` ("January-June")."""
    raw = ctx.groups.get("month2")
    last_number = ctx.grammar.lookup("month", raw) if raw else None
    if last_number is None:
        return None
    year = start.year if int(last_number) >= start.month else start.year + 1  # type: ignore[arg-type]
    return cal.month_unit(year, int(last_number))[1][1]  # type: ignore[arg-type]


def _through_month(ctx: Context, first: Resolution) -> Resolution:
    """"October-November": the first month's value, drawn through the end of the second
    (of the next year when it comes earlier in the calendar: "November-February"); a
    range that is a quarter or a half is that ("January-March" is Q1)."""
    if first.interval is None:
        return first
    start = first.interval[0]
    end = _range_end(ctx, start)
    if end is None:
        return first
    for unit in ("quarter", "half"):
        value, interval = cal.unit_containing(start, unit)
        if interval == (start, end):
            return Resolution("DATE", value, interval, unit)  # "the April-June period": Q2
    return replace(first, interval=(start, end))


_SEASON_DAYS = 92   # a season's length: "this winter" said within it of the last one's end is that one


@resolver("season")
def season(ctx: Context) -> Resolution | None:
    code = ctx.word("season")
    if code is None:
        return None
    code = str(code)
    mod = _mod(ctx)
    lowered = ctx.text.lower()
    year = _year(ctx, ctx.groups.get("year") or ctx.groups.get("shortyear"))
    year_relative = ctx.word("relative", "year_relative")
    if year is None and year_relative is not None:
        year = ctx.reference.year + int(year_relative)  # "the summer of last year"  # type: ignore[arg-type]
    if year is not None:
        return _unit_resolution(cal.season_unit(year, code), "season", mod)
    current_year, current_code = cal.season_of(ctx.reference)
    current_start = cal.season_unit(current_year, current_code)[1][0]
    relative = ctx.word("relative")
    shift = ctx.grammar.phrase_in("season_shift", lowered)
    if shift is not None:
        relative = shift
    def season_reached(year: int) -> date:
        """Where the story's date falls in the season of ``year``, else its start: "on Dec. 8,
        2024 ... He waited through the winter" is the winter that date is in."""
        start, end = cal.season_unit(year, code)[1]
        told = ctx.reported[0] if ctx.reported is not None else None
        return told if told is not None and start <= told <= end else start

    if relative is None and (narrative := _narrative_year(ctx, season_reached)) is not None:
        # "On March 18, 2011, ... By the summer, protests had spread": that story's summer
        return _unit_resolution(cal.season_unit(narrative, code), "season", mod)
    options = [cal.season_unit(y, code) for y in range(ctx.reference.year - 2, ctx.reference.year + 2)]
    if relative is not None:
        rel = int(relative)  # type: ignore[arg-type]
        if rel < 0:
            chosen = max((o for o in options if o[1][1] < current_start), key=lambda o: o[1][0])
        elif rel > 0:
            chosen = min((o for o in options if o[1][0] > ctx.reference), key=lambda o: o[1][0])
        elif code == current_code:
            chosen = cal.season_unit(current_year, current_code)
        else:
            # "this winter": the one whose year it is, unless one ended less than a season ago
            # ("so far this winter", said in March)
            gone = max((o for o in options if o[1][1] < ctx.reference), key=lambda o: o[1][1])
            recent = (ctx.reference - gone[1][1]).days <= _SEASON_DAYS
            chosen = gone if recent else cal.season_unit(ctx.reference.year, code)
        return _unit_resolution(chosen, "season", mod)
    # Directed by the part meant: "late autumn", said in late October of the past, is
    # last year's.
    narrowed = [cal.narrow(o[1], mod) for o in options]
    chosen = options[narrowed.index(_directed(narrowed, ctx.reference, ctx.tense))]
    return _unit_resolution(chosen, "season", mod)


def _ordinal(ctx: Context, group: str = "ordinal") -> int | None:
    raw = ctx.groups.get("ordinal_number")
    if raw:
        return int(raw)
    value = ctx.word("ordinal", group)
    return int(value) if isinstance(value, int) else None  # type: ignore[arg-type]


def _period_year(ctx: Context, first_month: int, months: int) -> int:
    """The year of a quarter or half named without one: this year's, or last year's
    when that part of this year has not begun, the sentence is about the past and last
    year's did not end most of a year ago (in June, "the third quarter was only partly
    funded" is this year's)."""
    lowered = ctx.text.lower()
    year = _year(ctx, ctx.groups.get("year"))
    if year is not None:
        return year
    year_relative = ctx.word("relative", "year_relative")
    if year_relative is not None:
        return ctx.reference.year + int(year_relative)  # type: ignore[arg-type]
    named = ctx.grammar.phrase_in("year_named", lowered)
    if named is not None:
        return ctx.reference.year + int(named)
    if date(ctx.reference.year, first_month, 1) > ctx.reference and direction(ctx.tense) == PAST:
        last_years_end = cal.shift(date(ctx.reference.year - 1, first_month, 1), "month", months) - timedelta(days=1)
        if (ctx.reference - last_years_end).days <= FAR_DAYS:
            return ctx.reference.year - 1
    return ctx.reference.year


@resolver("months_of_year")
def months_of_year(ctx: Context) -> Resolution | None:
    """"the final three months of 2024": its fourth quarter; "the first six months of the
    year": its first half."""
    first = (ctx.groups.get("edge") or "").lower() == "first"
    if (ctx.groups.get("months") or "").lower() == "three":
        number = 1 if first else 4
        return _unit_resolution(cal.quarter_unit(_period_year(ctx, 3 * (number - 1) + 1, 3), number), "quarter")
    number = 1 if first else 2
    return _unit_resolution(cal.half_unit(_period_year(ctx, 6 * (number - 1) + 1, 6), number), "half")


@resolver("quarter")
def quarter(ctx: Context) -> Resolution | None:
    """"the third quarter", "Q3 2024", "the latest quarter", "the year-ago quarter"."""
    lowered = " ".join(ctx.text.lower().split())
    year_back = ctx.grammar.phrase_in("year_back", lowered) is not None
    number = -1 if ctx.groups.get("final") else _ordinal(ctx)
    if number is not None:
        if number == -1:
            number = 4
        if not 1 <= number <= 4:
            return None
        # "the fourth quarter of last year": the year is named; "the year-ago fourth quarter": counted back.
        named_year = ctx.groups.get("year_relative") is not None \
            or ctx.grammar.phrase_in("year_named", lowered) is not None
        year = _period_year(ctx, 3 * (number - 1) + 1, 3) - (1 if year_back and not named_year else 0)
        return _unit_resolution(cal.quarter_unit(year, number), "quarter")
    current = cal.unit_containing(ctx.reference, "quarter")[1][0]
    previous = cal.shift(current, "quarter", -1)
    relative = ctx.word("relative")
    # "the quarter" after "the year-ago quarter": the quarter reported on, not the one it
    # is compared with ("that quarter" still points at the latest).
    mentioned = _quarter_start(ctx.last if ctx.grammar.phrase_opening("mentioned_opening", lowered) else ctx.reported)
    # A month named in the sentence is in the quarter it speaks of ("fell 4.9% this month and
    # 3.6% for the quarter"; "the three months to June, compared with the previous quarter").
    month_in_sentence = ctx.reported[0] if ctx.reported is not None and ctx.reported[2] == "month" \
        and ctx.unshifted_in_sentence else None
    explicit_year = _year(ctx, ctx.groups.get("year"))
    if explicit_year is not None:
        # "the 1988 quarter": the quarter the text is about, in that year.
        month = (mentioned or previous).month
        return _unit_resolution(cal.unit_containing(date(explicit_year, month, 1), "quarter"), "quarter",
                                anaphoric=mentioned is not None)
    anaphoric = False
    closing = _period_closing(ctx)
    if relative is None and closing is not None and not year_back:
        # "the quarter ended July 31": the (calendar) quarter most of those three months fall in.
        return _unit_resolution(cal.unit_containing(closing - timedelta(days=45), "quarter"), "quarter")
    raw_relative = (ctx.groups.get("relative") or "").lower()
    named = _quarter_start(ctx.reported) or _quarter_start(ctx.quarter) or month_in_sentence
    if relative is not None and named is not None and ctx.grammar.lookup("anaphoric_relative", raw_relative):
        # "sales in the April-June quarter rose from the previous quarter": before the one named.
        focus = cal.shift(named, "quarter", int(ctx.grammar.lookup("anaphoric_relative", raw_relative)))  # type: ignore[arg-type]
        return _unit_resolution(cal.unit_containing(focus, "quarter"), "quarter", anaphoric=True)
    if relative is not None:
        focus = cal.shift(current, "quarter", int(relative))  # type: ignore[arg-type]
    elif ctx.grammar.phrase_in("latest_period", lowered) is not None:
        focus = previous  # reports are about the last full quarter
    else:
        # "the quarter", "that quarter", "the same quarter": the one the text is about.
        told = mentioned or month_in_sentence
        focus, anaphoric = told or previous, told is not None
    if year_back and ctx.grammar.phrase_in("period_word", lowered) is not None:
        other = _reported_period(ctx)
        if other is not None:
            # "February's sales, up from the same period last year": that month, a year back.
            return _year_before(*other, anaphoric=True)
    if year_back:
        base = _reported_quarter(ctx)
        focus = cal.shift(base or previous, "year", -1)
        value, interval = cal.unit_containing(focus, "quarter")
        return Resolution("DATE", value, interval, "quarter", None, base is not None, shifted=True)
    return _unit_resolution(cal.unit_containing(focus, "quarter"), "quarter", anaphoric=anaphoric)


_CLOSING = re.compile(r"\s*([a-z][a-z ]*?)\s+([a-z]+\.?)\s+([0-9]{1,2})(?![0-9])")


_CLOSING_DAY_FIRST = re.compile(r"\s*([a-z][a-z ]*?)\s+([0-9]{1,2})(?:st|nd|rd|th)?\s+([a-z]+\.?)(?![a-z])")
_CLOSING_WEEKDAY = re.compile(r"\s*([a-z][a-z ]*?)\s+([a-z]+)(?![a-z])")


def _period_closing(ctx: Context) -> date | None:
    """The day named right after a period as its end ("the quarter ended Sept. 30",
    "the week ending 8 May", "the week ending Sunday"), in the latest year it is not
    after the reference."""
    cues = ctx.grammar.words.get("period_end_cue", {})
    match = _CLOSING.match(ctx.after)
    month_raw, day_raw = (match.group(2), match.group(3)) if match else (None, None)
    if match is None or match.group(1) not in cues or ctx.grammar.lookup("month", month_raw) is None:
        match = _CLOSING_DAY_FIRST.match(ctx.after)
        month_raw, day_raw = (match.group(3), match.group(2)) if match else (None, None)
    if match is None or match.group(1) not in cues:
        weekday = _CLOSING_WEEKDAY.match(ctx.after)
        if weekday is None or weekday.group(1) not in cues:
            return None
        number = ctx.grammar.lookup("weekday", weekday.group(2))
        return None if number is None else cal.weekday_on_or_before(ctx.reference, int(number))  # type: ignore[arg-type]
    month = ctx.grammar.lookup("month", month_raw)
    if month is None:
        return None
    for year in (ctx.reference.year, ctx.reference.year - 1):
        try:
            day = date(year, int(month), int(day_raw))  # type: ignore[arg-type]
        except ValueError:
            return None
        if day <= ctx.reference:
            return day
    return None


def _reported_quarter(ctx: Context) -> date | None:
    """The quarter a "year-ago period" is compared with: the one the text named
    itself (not one already counted back), and one already reported, not a forecast.
    Dates mentioned in passing since ("earlier this month") do not change it."""
    mentioned = _quarter_start(ctx.reported) or _quarter_start(ctx.quarter)
    if mentioned is not None and mentioned > ctx.reference:
        return None
    return mentioned


_PERIOD_GRAINS = frozenset({"month", "season", "half", "year"})


def _reported_period(ctx: Context) -> tuple[date, str] | None:
    """The period other than a quarter that a "year-ago period" is compared with: the
    one the text is reporting on, if it is a month, season, half or year that is over
    (results are reported for closed periods; "earlier this month" is incidental)."""
    reported = ctx.reported
    if reported is None or reported[2] not in _PERIOD_GRAINS or reported[1] >= ctx.reference:
        return None
    return reported[0], reported[2]


def _quarter_start(mentioned: tuple[date, date, str] | None) -> date | None:
    """Where a mentioned date starts, if it is a quarter."""
    return mentioned[0] if mentioned and mentioned[2] == "quarter" else None


@resolver("half")
def half(ctx: Context) -> Resolution | None:
    lowered = ctx.text.lower()
    number = _ordinal(ctx)
    if number is None:
        number = ctx.grammar.phrase_in("half_ordinal", lowered)
    if number == -1:
        number = 2
    relative = ctx.word("relative", "half_relative")
    if number is None and relative is not None:
        current = 1 if ctx.reference.month <= 6 else 2
        index = ctx.reference.year * 2 + current - 1 + int(relative)  # type: ignore[arg-type]
        return _unit_resolution(cal.half_unit(index // 2, index % 2 + 1), "half")
    if number not in (1, 2):
        return None
    year = _period_year(ctx, 1 if number == 1 else 7, 6)
    return _unit_resolution(cal.half_unit(year, number), "half")


@resolver("year_range")
def year_range(ctx: Context) -> Resolution | None:
    """Years joined by a dash or slash: "1914-18", "1993-2003", "2012/13" (a slash
    only joins consecutive years: a season or fiscal year). What is not a range of
    later years is an ISO month ("2013-02") or, failing that, the first year."""
    first, raw = int(ctx.groups["year"]), ctx.groups["year2"]
    if len(raw) == 2:
        last = first // 100 * 100 + int(raw)
        if last <= first:
            last += 100  # "1999-00"
        later = last == first + 1 or last // 100 == first // 100
    else:
        last = int(raw)
        later = first < last <= first + 100
    if later and (ctx.groups["range_sign"] != "/" or last == first + 1):
        value, (start, _end) = cal.year_unit(first)
        return Resolution("DATE", value, (start, cal.year_unit(last)[1][1]), "year")
    if len(raw) == 2 and 1 <= int(raw) <= 12:
        return _unit_resolution(cal.month_unit(first, int(raw)), "month")
    return _unit_resolution(cal.year_unit(first), "year")


@resolver("year")
def year(ctx: Context) -> Resolution | None:
    value = _year(ctx, ctx.groups.get("year") or ctx.groups.get("shortyear"))
    if value is None:
        return None
    end = ctx.groups.get("year_end")
    if end is not None:
        # "FY2021-22": named by the year it ends in, drawn over both.
        last = int(end) if len(end) == 4 else value // 100 * 100 + int(end)
        if last == value + 1:
            return Resolution("DATE", str(last), (cal.year_unit(value)[1][0], cal.year_unit(last)[1][1]), "year")
    return _unit_resolution(cal.year_unit(value), "year", _mod(ctx))


@resolver("decade")
def decade(ctx: Context) -> Resolution | None:
    digits = ctx.groups.get("decade_digits")
    if digits is not None:
        digits = digits.lstrip("'")
        if len(digits) == 4:
            start = int(digits)
        else:
            start = int(digits)
            century = ctx.reference.year // 100 * 100
            start = century + start if century + start <= ctx.reference.year else century - 100 + start
    else:
        offset = ctx.word("decade_word")
        if offset is None:
            return None
        century = ctx.reference.year // 100 * 100
        start = century + int(offset)  # type: ignore[arg-type]
        if start > ctx.reference.year:
            start -= 100
    return _unit_resolution(cal.decade_unit(start), "decade", _mod(ctx))


@resolver("century")
def century(ctx: Context) -> Resolution | None:
    raw = ctx.groups.get("century_number")
    number = int(raw) if raw else ctx.word("ordinal", "century_ordinal")
    if not isinstance(number, int) or number < 1:
        return None
    return _unit_resolution(cal.century_unit((number - 1) * 100), "century", _mod(ctx))


def _national_day(ctx: Context, rule: str) -> str | None:
    """"national:independence day": the day of the country named just before it ("as
    Americans celebrated Independence Day"), else of the one the text names most, of those
    that keep one (else the table's default; none if it has no default)."""
    if not rule.startswith("national:"):
        return rule
    days = ctx.grammar.national_days.get(rule.partition(":")[2], {})
    keeping = days.keys() - {"default"}
    names = ctx.grammar.country_names
    country = names.named_just_before(ctx.document, ctx.position, keeping) \
        or names.most_named(ctx.document, keeping)
    said_today = ctx.grammar.filter_pattern("said_today")
    if country is None and said_today is not None and said_today.search(ctx.before[-30:] + " " + ctx.after[:20]):
        # "The nation is celebrating Independence Day today": the country whose day it is
        today = f"{ctx.reference.month:02d}-{ctx.reference.day:02d}"
        country = next((name for name in sorted(keeping) if days[name] == today), None)
    return days.get(country or "default")


@resolver("holiday")
def holiday(ctx: Context) -> Resolution | None:
    rule = ctx.word("holiday")
    rule = None if rule is None else _national_day(ctx, str(rule))
    if rule is None:
        return None
    if ctx.groups.get("part_of_day") is not None:
        # "Halloween night", "Christmas morning": that part of the holiday
        part = ctx.word("part_of_day")
        day_of = holiday(replace(ctx, groups={k: v for k, v in ctx.groups.items() if k != "part_of_day"}))
        if part is None or day_of is None or day_of.interval is None or day_of.granularity != "day":
            return day_of
        day = day_of.interval[0]
        return Resolution("TIME", f"{day.isoformat()}T{part}", (day, day), "part_of_day")
    year = _year(ctx, ctx.groups.get("year"))
    year_relative = ctx.word("relative", "year_relative")
    if year is None and year_relative is not None:
        year = ctx.reference.year + int(year_relative)  # type: ignore[arg-type]  # "Christmas last year"
    if _final_unit(ctx) in ("week", "weekend"):
        return _holiday_week(ctx, str(rule), year)
    if year is not None:
        return _date_resolution(cal.holiday(str(rule), year))
    this_year = cal.holiday(str(rule), ctx.reference.year)
    if abs((this_year - ctx.reference).days) <= 1 and ctx.word("relative") is None:
        # Written on the feast or the day either side ("was spending Thanksgiving with his
        # family", on Thanksgiving): that one, whatever story the text told before.
        return _date_resolution(this_year)
    narrative = _narrative_year(ctx, lambda y: cal.holiday(str(rule), y))
    if narrative is not None:
        return _date_resolution(cal.holiday(str(rule), narrative))  # "... that year. On Christmas Eve"
    options = [(cal.holiday(str(rule), y),) * 2 for y in
               (ctx.reference.year - 1, ctx.reference.year, ctx.reference.year + 1)]

    def days_off(option: tuple[date, date]) -> int:
        return abs((option[0] - ctx.reference).days)

    relative = ctx.word("relative")
    named_weekday = _weekday_beside(ctx)
    on_that_day = [o for o in options if o[0].isoweekday() == named_weekday]
    if relative is None and on_that_day:
        # "pausing for Anzac Day on Friday", "Thursday, the Thanksgiving holiday": the year
        # in which it falls on that weekday, the nearest such
        chosen = min(on_that_day, key=days_off)
    elif relative is not None and int(relative) != 0:  # type: ignore[arg-type]
        tense = PAST if int(relative) < 0 else FUTURE  # type: ignore[arg-type]
        strict = [o for o in options if (o[0] < ctx.reference if tense == PAST else o[0] > ctx.reference)]
        chosen = max(strict) if tense == PAST else min(strict)
    else:
        chosen = _directed(options, ctx.reference, ctx.tense)
        if days_off(chosen) > FAR_DAYS:
            # "a deal before Christmas was still possible, an official said": a feast
            # weeks away or just past is the one meant, not one most of a year off.
            chosen = min(options, key=days_off)
    return _date_resolution(chosen[0])


def _final_unit(ctx: Context) -> str | None:
    """The unit an expression ends with ("Easter weekend": weekend), if it ends with one."""
    words = ctx.text.split()
    return ctx.grammar.lookup("unit", words[-1]) if words else None


def _weekday_beside(ctx: Context) -> int | None:
    """The weekday named right beside an expression ("Anzac Day on Friday", "Thursday, the
    Thanksgiving holiday"), by the patterns of the language's ``[filters]``."""
    for key, text in (("weekday_after", ctx.after), ("weekday_before", ctx.before)):
        pattern = ctx.grammar.filter_pattern(key)
        found = pattern.search(text) if pattern else None
        if found is not None:
            number = ctx.grammar.lookup("weekday", found.group(1))
            if number is not None:
                return int(number)  # type: ignore[arg-type]
    return None


def _holiday_week(ctx: Context, rule: str, year: int | None) -> Resolution:
    """"Easter week", "Christmas week": the ISO week holding the holiday; "Easter weekend"
    its weekend, chosen among the years' weekends (Labor Day's, the day before it, is past)."""
    years = [year] if year is not None else [ctx.reference.year + d for d in (-1, 0, 1)]
    days = [cal.holiday(rule, y) for y in years]
    weekend = _final_unit(ctx) == "weekend"
    if weekend:
        options = [cal.weekend_unit(_weekend_of_holiday(day))[1] for day in days]
    else:
        options = [cal.week_unit(day)[1] for day in days]
    chosen = options[0] if year is not None else _directed(options, ctx.reference, ctx.tense)
    if weekend:
        return _unit_resolution(cal.weekend_unit(chosen[0]), "weekend")
    return _unit_resolution(cal.week_unit(chosen[0]), "week")


def _weekend_of_holiday(day: date) -> date:
    """A day of the weekend nearest a holiday ("the Fourth of July weekend"): the one before
    it for a Monday or a Tuesday, a long weekend's end."""
    if day.isoweekday() >= 6:
        return day
    sunday_before = day - timedelta(days=day.isoweekday())
    saturday_after = cal.weekday_on_or_after(day, 6)
    return sunday_before if (day - sunday_before) < (saturday_after - day) else saturday_after


@resolver("week_of")
def week_of(ctx: Context) -> Resolution | None:
    """"the week of March 6": the ISO week holding that day."""
    day = calendar_date(ctx)
    if day is None or day.interval is None:
        return None
    return _unit_resolution(cal.week_unit(day.interval[0]), "week")


@resolver("part_of_named_period")
def part_of_named_period(ctx: Context) -> Resolution | None:
    """"the first week of April" (days 1-7, named as the ISO week holding most), "the
    last weekend of March" (its last Saturday and the Sunday after), "the last month of
    1999", "the first days of January" (its first week, mod start)."""
    whole = month(ctx) if ctx.groups.get("month") else year(ctx)
    if whole is None or whole.interval is None:
        return None
    first, last = whole.interval
    nth = -1 if ctx.groups.get("final") else _ordinal(ctx)
    part = ctx.groups["part"].lower()
    if nth is None or nth == 0:
        return None
    if part == "month":
        if whole.granularity != "year" or not -1 <= nth <= 12:
            return None
        number = 12 if nth == -1 else nth
        return _unit_resolution(cal.month_unit(first.year, number), "month")
    if part == "days":
        if nth not in (1, -1):
            return None
        span = 7 if whole.granularity == "month" else 31
        interval = (first, first + timedelta(days=span - 1)) if nth == 1 else (last - timedelta(days=span - 1), last)
        if whole.granularity == "year":
            interval = cal.narrow(whole.interval, "start" if nth == 1 else "end")
        return Resolution("DATE", whole.value, interval, whole.granularity, "start" if nth == 1 else "end")
    if part == "week":
        start = first + timedelta(days=7 * (nth - 1)) if nth > 0 else last - timedelta(days=6)
        if start + timedelta(days=6) > last:
            return None
        # Named as the ISO week holding most of its days; drawn within the month or year.
        value = cal.week_unit(start + timedelta(days=3))[0]
        return Resolution("DATE", value, (start, start + timedelta(days=6)), "week")
    saturdays = [day for day in (first + timedelta(days=i) for i in range((last - first).days + 1))
                 if day.isoweekday() == 6]
    if not saturdays or nth > len(saturdays):
        return None
    saturday = saturdays[nth - 1] if nth > 0 else saturdays[-1]
    return _unit_resolution(cal.weekend_unit(saturday), "weekend")


# -- relative to the reference ----------------------------------------------------------

def _period_unit(ctx: Context) -> str | None:
    raw = ctx.groups.get("period")
    if raw is None:
        return None
    return str(ctx.grammar.lookup("period", raw))


@resolver("relative_period")
def relative_period(ctx: Context) -> Resolution | None:
    unit = _period_unit(ctx)
    if unit is None:
        return None
    lowered = " ".join(ctx.text.lower().split())
    relative = ctx.word("relative")
    edge = ctx.grammar.phrase_in("period_edge", lowered)
    mod = ctx.word("mod_word") or edge
    anaphoric = False
    if relative is None and unit == "quarter" and mod is None:
        return quarter(ctx)
    if relative is None and unit == "year" and mod is None and _year_as_length(ctx):
        return Resolution("DURATION", "P1Y", None, None)
    if relative is None and unit == "weekend":
        return _nearest_weekend(ctx)
    if relative is None and unit == "week" and mod is None and (closing := _period_closing(ctx)) is not None:
        # "the week ending 8 May", "the week ending Sunday": the week that day closes.
        return _unit_resolution(cal.unit_containing(closing, "week"), "week", anaphoric=True)
    if relative is None:
        # "the year", "the week": the one the text is talking about, else the current one.
        # "year-end" and "the end of the year" name the current period's end ...
        narrative = ctx.reported is not None and ctx.unshifted_in_sentence and direction(ctx.tense) == PAST \
            and ctx.reported[1] < cal.unit_containing(ctx.reference, unit)[1][0]
        looks_ahead = direction(ctx.tense) == FUTURE and ctx.reported is not None and ctx.reported[1] < ctx.reference
        if ctx.reported is not None and unit != "day" and (narrative or edge != "end") and not looks_ahead:
            # ... but in a past sentence about an earlier date ("stalled by the end of the
            # year" after "June 2023"), that date's; a sentence looking ahead ("will begin ...
            # by the middle of the decade", after 1981) speaks of the current one.
            base, anaphoric = ctx.reported[0], True
        else:
            base = ctx.reference
        counted_since = _after_past_preposition(ctx)
        if mod == "end" and not anaphoric and counted_since \
                and cal.unit_containing(base, unit)[1][1] > ctx.reference:
            base = cal.shift(base, unit, -1)   # "since year-end": the last one passed
        if mod == "start" and counted_since:
            base, anaphoric = ctx.reference, False   # "risen since the start of the year": this one
    else:
        base = cal.shift(ctx.reference, "day" if unit == "weekend" else unit,
                         int(relative) * (7 if unit == "weekend" else 1))  # type: ignore[arg-type]
    value, interval = cal.unit_containing(base, unit)
    if unit == "day":
        return Resolution("DATE", value, interval, "day", mod, anaphoric)
    first, last = interval
    if ctx.grammar.phrase_in("books_closing", lowered) is not None and unit in ("month", "quarter", "year"):
        # "year-end", "quarter-end": the closing date of the books, a day ("by year end",
        # "by year's end" read as "by the end of the year").
        return Resolution("DATE", last.isoformat(), (last, last), "day", None, anaphoric)
    side = ctx.word("part_of_current", "mod_word")
    if side == "before" and relative == 0:
        return Resolution("DATE", value, (first, min(last, ctx.reference)), unit, "before")
    if side == "after" and relative == 0:
        return Resolution("DATE", value, (max(first, ctx.reference), last), unit, "after")
    return Resolution("DATE", value, cal.narrow(interval, mod), unit, mod, anaphoric)


def _after_past_preposition(ctx: Context) -> bool:
    """Whether the expression comes right after a word that points back to it ("since"),
    by the language's ``[tense] past_prepositions``."""
    words = ctx.before.split()
    return bool(words) and words[-1] in ctx.grammar.tense.get("past_prepositions", ())


_PERIOD_END_WORD = re.compile(r"\s*([a-z]+(?: [a-z]+)?)")


def _year_as_length(ctx: Context) -> bool:
    """"the year ended March 31", "throughout the year": twelve months counted to an
    end or gone through, a length; "a high for the year", "for the year, sales
    rose": the year the text reports on, a date."""
    if ctx.grammar.phrase_closing("length_preposition", ctx.before) is not None:
        return True
    cues = ctx.grammar.words.get("period_end_cue", {})
    match = _PERIOD_END_WORD.match(ctx.after)
    return match is not None and (match.group(1) in cues or match.group(1).split(" ")[0] in cues)


def _nearest_weekend(ctx: Context) -> Resolution:
    """"the weekend" in news: the latest one on or before the reference, or the
    coming one when the sentence looks forward."""
    saturday = cal.weekday_on_or_before(ctx.reference, 6)
    if direction(ctx.tense) == FUTURE and ctx.reference.isoweekday() < 6:
        saturday += timedelta(days=7)
    value, interval = cal.unit_containing(saturday, "weekend")
    return Resolution("DATE", value, interval, "weekend")


def _unit(ctx: Context) -> str | None:
    raw = ctx.groups.get("unit")
    return None if raw is None else str(ctx.grammar.lookup("unit", raw))


@resolver("shifted")
def shifted(ctx: Context) -> Resolution | None:
    """"four months ago", "a year earlier", "two weeks later": a date at the unit's grain."""
    unit = _unit(ctx)
    raw_count = ctx.groups.get("num")
    count = _with_fraction(ctx, _number(ctx, raw_count) if raw_count else 1)   # "three and a half years ago"
    ago = ctx.groups.get("ago")
    direction_word = (ctx.groups.get("offset_direction") or "before").lower()
    spec = ctx.grammar.lookup("ago", ago) if ago else {"sign": -1 if direction_word == "before" else 1,
                                                        "anchor": "anaphoric"}
    if ctx.groups.get("comparative") is not None:
        # "year-earlier results", "year-ago levels": compared with the period being
        # reported, so counted from the publication date like "a year ago".
        spec = {"sign": -1, "anchor": "deictic"}
    if unit is None or count is None or spec is None:
        return None
    sign = int(spec["sign"])
    # "a year earlier" counts from the date the text is about: the last one it named
    # itself (not one already counted from another, like "a year ago").
    anchor = ctx.unshifted or ctx.last
    if anchor is not None and _grain_rank(anchor[2]) > _grain_rank(unit):
        # "prices rose in September, the highest since 1991, from a month earlier": counted
        # from the last date at least as fine as the unit, not from a year.
        anchor = next((named for named in reversed(ctx.named_outright)
                       if _grain_rank(named[2]) <= _grain_rank(unit)), anchor)
    anaphoric = spec["anchor"] == "anaphoric" and anchor is not None
    base = anchor[0] if anaphoric and anchor else ctx.reference
    if isinstance(count, str):
        return Resolution("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, None, None, anaphoric,
                          shifted=True)
    if unit in TIME_UNITS:
        if anaphoric and ctx.last_clock is not None and unit in ("hour", "minute") and float(count).is_integer():
            # "took off at 10:01 a.m. and lost contact 50 minutes later": 10:51
            moved_clock = ctx.last_clock + sign * timedelta(**{unit + "s": int(count)})
            day = moved_clock.date()
            return Resolution("TIME", f"{day.isoformat()}T{moved_clock:%H:%M}", (day, day),
                              "minute" if moved_clock.minute else "hour", _approx(ctx), True, shifted=True)
        return Resolution("DATE", base.isoformat(), (base, base), "day", _approx(ctx), anaphoric,
                          shifted=True)
    grain = {"fortnight": "week", "weekend": "week", "season": "season"}.get(unit, unit)
    steps = count * UNIT_FACTOR.get(unit, 1)
    if unit in ("millennium",):
        return None
    if not float(steps).is_integer():
        if grain in ("year", "decade", "century"):
            grain, steps = "month", steps * {"year": 12, "decade": 120, "century": 1200}[grain]
        elif grain == "month":
            grain, steps = "day", steps * 30
        elif grain == "week":
            grain, steps = "day", steps * 7
        steps = round(steps)
    moved = cal.shift(base, "week" if grain == "week" else grain, sign * int(steps))
    reported = ctx.reported
    period = reported if reported is not None and reported[2] in ("quarter", "half") else None
    if period is None and reported is not None and reported[2] == "day" and ctx.quarter is not None \
            and (ctx.quarter[0] <= reported[0] <= ctx.quarter[1] or ctx.quarter_in_sentence):
        # "the quarter, which ended Sept. 24": the day closes the period reported on;
        # "reported first-quarter revenue on Thursday, up 4% from a year earlier": the
        # day of the report, in the quarter's sentence
        period = ctx.quarter
    compared = sign < 0 and grain == "year" and period is not None \
        and period[1] >= cal.shift(ctx.reference, "year", -1)
    if compared:
        # "profit rose from $5 million a year earlier": the quarter reported on, a year before.
        grain, moved = period[2], cal.shift(period[0], "year", sign * int(steps))  # type: ignore[index]
    elif anaphoric and anchor and GRAIN_ORDER.get(anchor[2], 99) < GRAIN_ORDER.get(grain, 99) \
            and anchor[2] in ("day", "month", "quarter", "half") and grain not in ("week", "month") \
            and not (sign > 0 and grain in ("year", "decade", "century")):
        # "on Aug. 12 ... a year earlier": Aug. 12 of the year before, at the anchor's grain
        # (a comparison); "on Aug. 15, 2021 ... Two years later": a story moved on, by years.
        grain, moved = anchor[2], cal.shift(anchor[0], grain if grain != "week" else "week", sign * int(steps))
    if grain == "decade" or grain == "century":
        grain = "year"
    if spec["anchor"] == "anaphoric" and sign > 0 and moved > ctx.reference and direction(ctx.tense) != FUTURE:
        # "Ten years later, the peninsula has become a fortified base", "A year on, the war
        # has settled": a story told up to the present cannot move past the time of writing.
        moved = ctx.reference
    anniversary = ctx.word("ago_grain")
    if anniversary is not None and not anaphoric:
        # "70 years ago today": that very day, 70 years back; "three years ago yesterday",
        # "81 years ago this morning": the day before, that morning
        spec_of_day = anniversary if isinstance(anniversary, dict) else {"grain": anniversary}
        grain = str(spec_of_day["grain"])
        moved += timedelta(days=int(spec_of_day.get("days", 0)))
        if "part" in spec_of_day:
            return Resolution("TIME", f"{moved.isoformat()}T{spec_of_day['part']}", (moved, moved), "part_of_day",
                              _approx(ctx), anaphoric, shifted=True)
    approx = _approx(ctx)
    if approx in _SHORT_OF and grain in _SHORT_BY:
        # "nearly two years ago", said in December 2023: short of two years, so 2022;
        # "more than a year ago", said in January: past a year, so two years back.
        toward = -sign if approx == "less_than" else sign
        moved += toward * _SHORT_BY[grain]
    value, interval = cal.unit_containing(moved, grain)
    # "a year ago", "a year earlier" look back from the story; "Eight months later, on
    # September 30" moves it on, to where the next date is read.
    moves_on = anaphoric and sign > 0 and spec["anchor"] == "anaphoric"
    return Resolution("DATE", value, interval, grain, approx, anaphoric, shifted=not moves_on)


#: How far short of (or past) a count of years or months "nearly" (or "more than") puts a date.
_SHORT_BY = {"year": timedelta(days=31), "month": timedelta(days=7)}
_SHORT_OF = frozenset({"less_than", "more_than"})




@resolver("span_duration")
def span_duration(ctx: Context) -> Resolution | None:
    """"the past three months", "the next two weeks", "recent years": a duration,
    drawn back from (or forward from) the reference when it is counted from it."""
    unit = _unit(ctx)
    if unit is None:
        return None
    lowered = " ".join(ctx.text.lower().split())
    raw_count = ctx.groups.get("num")
    plural = ctx.groups.get("unit", "").lower().endswith(("s", "ia"))
    count: float | str | None
    if raw_count:
        count = _number(ctx, raw_count)
    else:
        count = "X" if plural else 1
    if count is None or unit == "season" and count == 1 and not raw_count:
        return None   # "lost the World Series last season": a season of play, of no set length
    relative = ctx.word("span_relative")
    first_part = ctx.grammar.phrase_in("first_part", lowered) is not None
    anaphoric_words = ctx.grammar.words.get("anaphoric_relative", {})
    counted_from_text = any(word in anaphoric_words for word in lowered.split())
    if count == "X" and counted_from_text:
        # "the following weeks", "the preceding days": a stretch next to the date the
        # text is about, whose length is not given; not the future or the past.
        return Resolution("DURATION", duration_value("X", unit), None, None)
    if count == "X" and not raw_count and relative is not None and int(relative) != 0:  # type: ignore[arg-type]
        # "recent years", "the coming months": the past or the future, not a length.
        return Resolution("DATE", "PAST_REF" if int(relative) < 0 else "FUTURE_REF", None, None)  # type: ignore[arg-type]
    # "over the past week", "in the next week": seven days to (from) the reference, a
    # length as "the past three weeks" is; not the calendar week before.
    a_stretch = unit != "weekend" and lowered.split()[-1] == ctx.groups.get("unit", "").lower() \
        and (ctx.grammar.phrase_opening("stretch_opening", lowered) == -1 or _stretch_from_now(ctx, lowered)) \
        and not ctx.after.startswith(" of ")   # "the last year of his life" is no stretch to now
    if count == 1 and not raw_count and unit in ("day", "week", "month", "quarter", "year", "weekend") \
            and not a_stretch:
        # "the previous week", "the following year": the calendar period next to it.
        relative = ctx.word("span_relative")
        if relative is not None and int(relative) != 0 and not first_part:  # type: ignore[arg-type]
            base = cal.shift(ctx.reference, "day" if unit == "weekend" else unit,
                             int(relative) * (7 if unit == "weekend" else 1))  # type: ignore[arg-type]
            value, interval = cal.unit_containing(base, unit)
            return Resolution("DATE", value, interval, unit)
    if count == 1 and not raw_count and unit in ("decade", "century") \
            and ctx.grammar.phrase_in("previous_whole", lowered) is not None:
        # "the last decade" is the one before this (TimeBank: 198 in 1998); "the past
        # decade" is the ten years to the reference.
        start = ctx.reference.year // 10 * 10 - 10 if unit == "decade" else ctx.reference.year // 100 * 100 - 100
        maker = cal.decade_unit if unit == "decade" else cal.century_unit
        return _unit_resolution(maker(start), unit)
    value = duration_value(count, unit)
    relative = ctx.word("span_relative")
    if relative is None:
        relative = ctx.grammar.phrase_opening("back_opening", lowered)
    interval = None
    if relative is not None and not isinstance(count, str) and not first_part:
        sign = int(relative)  # type: ignore[arg-type]
        steps = count * UNIT_FACTOR.get(unit, 1)
        if unit not in TIME_UNITS and float(steps).is_integer() and sign != 0:
            shift_unit = {"fortnight": "week", "weekend": "week", "season": "month"}.get(unit, unit)
            base = ctx.reference
            if counted_from_text and ctx.reported is not None:
                # "the following two weeks" after "March 2014": from the end of that month.
                base = ctx.reported[1] if sign > 0 else ctx.reported[0]
            other = cal.shift(base, shift_unit, sign * int(steps))
            interval = (other, base) if sign < 0 else (base, other)
    return Resolution("DURATION", value, interval, None, _approx(ctx))


def _stretch_from_now(ctx: Context, text: str) -> bool:
    """Whether ``text`` opens with "the next"/"the coming" after a word that makes it a
    stretch ("over the next week", "within the next year")."""
    return ctx.grammar.phrase_opening("stretch_opening", text) == 1 \
        and ctx.grammar.phrase_closing("span_preposition", ctx.before) is not None


def _anaphoric_step(ctx: Context) -> int:
    """Which way from the date the text is about: 1 for "the following/next X", -1 for
    "the previous/preceding/prior X", 0 for "that X", "the same X"."""
    return int(ctx.grammar.phrase_in("anaphoric_step", ctx.text) or 0)  # type: ignore[arg-type]


def _year_before(day: date, unit: str, anaphoric: bool) -> Resolution:
    """The ``unit`` holding ``day`` a year back: "the same month last year"."""
    value, interval = cal.unit_containing(cal.shift(day, "year", -1), unit)
    return Resolution("DATE", value, interval, unit, None, anaphoric, shifted=True)


@resolver("same_period_of_year")
def same_period_of_year(ctx: Context) -> Resolution | None:
    """"the same quarter of 2022": the quarter (month, week) the text reports on, in 2022."""
    year = _year(ctx, ctx.groups.get("year"))
    raw = (ctx.groups.get("period") or "").lower()
    base = ctx.quarter if raw in ("quarter", "period") and ctx.quarter is not None else ctx.reported
    if year is None:
        return None
    if base is None:
        # No period named before: the year is all that can be said.
        return _unit_resolution(cal.unit_containing(date(year, 1, 1), "year"), "year")
    unit = base[2] if raw == "period" else raw
    if unit not in ("quarter", "half", "month", "week"):
        return None
    day = base[0]
    moved = day.replace(year=year, day=min(day.day, 28))
    value, interval = cal.unit_containing(moved, unit)
    return Resolution("DATE", value, interval, unit, None, anaphoric=True)


@resolver("same_period_year_back")
def same_period_year_back(ctx: Context) -> Resolution | None:
    """"the same month last year": the month the text is reporting on (the publication's
    if it named none), a year before."""
    unit = str(ctx.groups["period"]).lower()
    reported = ctx.reported
    named = reported is not None and reported[2] == unit
    return _year_before(reported[0] if named else ctx.reference, unit, named)  # type: ignore[index]


@resolver("anaphoric_season")
def anaphoric_season(ctx: Context) -> Resolution | None:
    """"that autumn" after "June 2012": the autumn of 2012; "the following spring": the
    first spring after the date the text is about."""
    code = ctx.word("season")
    if code is None:
        return None
    if ctx.last is None:
        return season(ctx)  # nothing named before: as "the summer" would be
    base = ctx.last[0]
    step = _anaphoric_step(ctx)
    options = [cal.season_unit(y, str(code)) for y in range(base.year - 2, base.year + 2)]
    if step > 0:
        chosen = min((o for o in options if o[1][0] > base), key=lambda o: o[1][0])
    elif step < 0:
        chosen = max((o for o in options if o[1][1] < base), key=lambda o: o[1][0])
    else:
        same_year = [o for o in options if o[1][0].year == base.year or o[1][0] <= base <= o[1][1]]
        chosen = min(same_year, key=lambda o: abs((o[1][0] - base).days))
    # "the previous autumn" looks back from the story, which goes on from where it was
    # ("... began on Feb. 19, 2017. He had lost two friends the previous autumn. By June, ...").
    return replace(_unit_resolution(chosen, "season", anaphoric=True), shifted=step < 0)


@resolver("anaphoric")
def anaphoric(ctx: Context) -> Resolution | None:
    unit = _period_unit(ctx)
    if unit is None:
        return None
    if unit != "weekend" and _stretch_from_now(ctx, ctx.text):
        # "within the next year", "over the next week": a stretch from now, as "the next
        # three weeks" is; not the calendar year after the last one named
        return Resolution("DURATION", duration_value(1, unit),
                          (ctx.reference, cal.shift(ctx.reference, unit, 1)), None)
    base = ctx.last[0] if ctx.last else ctx.reference
    if unit == "day" and ctx.last_day is not None:
        base = ctx.last_day[0]   # "that day" after "on Wednesday ... in January": Wednesday
    step = _anaphoric_step(ctx)
    moved = cal.shift(base, "day" if unit == "weekend" else unit, step * (7 if unit == "weekend" else 1))
    value, interval = cal.unit_containing(moved, unit)
    return Resolution("DATE", value, interval, unit, None, ctx.last is not None)


@resolver("anaphoric_part_of_day")
def anaphoric_part_of_day(ctx: Context) -> Resolution | None:
    """"that evening", "the next morning": of the day the text last named (the
    publication day if it named none), or of the day after or before it."""
    part = ctx.word("part_of_day")
    if part is None:
        return None
    named_day = _named_day(ctx)
    base = named_day[0] if named_day is not None else ctx.reference
    day = base + timedelta(days=_anaphoric_step(ctx))
    return Resolution("TIME", f"{day.isoformat()}T{part}", (day, day), "part_of_day", None, named_day is not None)


def _named_day(ctx: Context) -> tuple[date, date, str] | None:
    """The day the text is about, for "that evening", "that Friday", "at 2 a.m. the next day":
    the last date named if a day, else the last day named. A month or year named since
    ("elected the previous November, due to sit that morning") is background."""
    return ctx.last if ctx.last is not None and ctx.last[2] in DAY_GRAINS else ctx.last_day


def _weekday_date(ctx: Context, weekday: int, relative: int | None) -> date:
    ref = ctx.reference
    entry = ctx.last_entry
    if relative is None and ctx.opens_entry and entry is not None and entry[0] <= ref:
        # A chronology's entry ("Tuesday: Azerbaijan launches ..."), after entries gone by:
        # the latest such day by publication, unless that comes before the entry above it.
        before = cal.weekday_on_or_before(ref, weekday)
        return before if before >= entry[0] else cal.weekday_on_or_after(entry[0], weekday)
    if relative is not None and relative < 0:
        return cal.weekday_on_or_before(ref - timedelta(days=1), weekday)
    if relative is not None and relative > 0:
        return cal.weekday_on_or_after(ref + timedelta(days=1), weekday)
    if relative == 0 or direction(ctx.tense) == FUTURE:
        # A writer names the publication day's weekday for later that day, not a week on.
        return cal.weekday_on_or_after(ref, weekday)
    before = cal.weekday_on_or_before(ref, weekday)
    if ctx.tense == NEAREST or is_perfect(ctx.tense):   # a present perfect takes no definite day gone by
        after = cal.weekday_on_or_after(ref, weekday)
        return after if (after - ref) < (ref - before) else before
    return before


def _weekday_from(base: date, weekday: int, sign: int) -> date:
    """The ``weekday`` strictly before (sign < 0) or after ``base``."""
    if sign < 0:
        return cal.weekday_on_or_before(base - timedelta(days=1), weekday)
    return cal.weekday_on_or_after(base + timedelta(days=1), weekday)


@resolver("week_on_day")
def week_on_day(ctx: Context) -> Resolution | None:
    """"a week on Monday": seven days after the coming Monday; "a week today": after today."""
    unit = _unit(ctx)
    if unit not in ("week", "fortnight"):
        return None
    number = ctx.word("weekday")
    if number is not None:
        base = _weekday_from(ctx.reference, int(number), 1)  # type: ignore[arg-type]
    else:
        base = ctx.reference + timedelta(days=int(ctx.word("deictic_day") or 0))  # type: ignore[arg-type]
    return _date_resolution(base + timedelta(days=7 * UNIT_FACTOR.get(unit, 1)))


_WEEK_SHIFTS = {"week_before": -1, "same_week": 0, "week_after": 1}   # values of [words.weekday_offset]


@resolver("weekday")
def weekday(ctx: Context) -> Resolution | None:
    number = ctx.word("weekday")
    if number is None:
        return None
    if ctx.grammar.lookup("weekday_plural", ctx.text.split()[-1]) is not None:
        return Resolution("SET", f"XXXX-WXX-{number}", None, None)  # "on Sundays"
    relative = ctx.word("relative", "weekday_relative")
    shift = ctx.grammar.phrase_in("weekday_shift", ctx.text)
    if shift is not None:
        relative = shift
    raw_relative = (ctx.groups.get("weekday_relative") or "").lower()
    anaphoric = ctx.grammar.lookup("anaphoric_relative", raw_relative) if raw_relative else None
    if anaphoric is not None and ctx.last is not None and ctx.last[2] in ("day", "part_of_day"):
        # "the previous Friday": the one before the day the text is about.
        return _date_resolution(_weekday_from(ctx.last[0], int(number), int(anaphoric)),  # type: ignore[arg-type]
                                _mod(ctx), anaphoric=True)
    named_day = _named_day(ctx) if ctx.groups.get("weekday_that") else None
    offset = ctx.word("weekday_offset")
    if offset in _WEEK_SHIFTS:
        # "Thursday next week": that weekday in the ISO week after the reference's.
        monday = cal.week_unit(ctx.reference)[1][0] + timedelta(days=7 * _WEEK_SHIFTS[str(offset)])
        return _date_resolution(monday + timedelta(days=int(number) - 1))  # type: ignore[arg-type]
    if offset == "after_next" or offset == "week_later" and relative is None:
        relative = 1  # "Friday next", "Thursday week": from the coming one
    if named_day is not None:
        # "that Friday": the one of the week the text is about, nearest the day it last named
        day = cal.nearest_weekday(named_day[0], int(number))  # type: ignore[arg-type]
    else:
        day = _weekday_date(ctx, int(number), None if relative is None else int(relative))  # type: ignore[arg-type]
    if day == ctx.reference + timedelta(days=1) and (
            offset == "after_next" or ctx.grammar.lookup("next_skips_adjacent", raw_relative)):
        day += timedelta(days=7)   # "next Friday", said on a Thursday: not tomorrow, a week on
    if ctx.groups.get("month"):
        dated = calendar_date(ctx)  # "the evening of Monday 11 March": the date decides
        if dated is not None and dated.interval is not None:
            day = dated.interval[0]
    if offset == "week_later":
        # "Thursday week": a week after the coming Thursday; "last Thursday week", before the last.
        day += timedelta(days=-7 if int(relative) < 0 else 7)  # type: ignore[arg-type]
    part = ctx.word("part_of_day")
    mod = _mod(ctx)
    if part is not None:
        return Resolution("TIME", f"{day.isoformat()}T{part}", (day, day), "part_of_day", None, named_day is not None)
    return _date_resolution(day, mod, anaphoric=named_day is not None)


@resolver("dated_part_of_day")
def dated_part_of_day(ctx: Context) -> Resolution | None:
    """"the morning of Aug. 24": the date, resolved as written, with its part of the day."""
    dated = calendar_date(ctx)
    part = ctx.word("part_of_day")
    if dated is None or dated.interval is None or part is None:
        return None
    day = dated.interval[0]
    return Resolution("TIME", f"{day.isoformat()}T{part}", (day, day), "part_of_day")


@resolver("nth_weekday")
def nth_weekday(ctx: Context) -> Resolution | None:
    """"the first Monday in October": that day of the year written, else of the October
    the tense points to."""
    number, month_number = ctx.word("weekday"), _month_number(ctx)
    nth = -1 if ctx.groups.get("final") else ctx.word("ordinal")
    if number is None or month_number is None or not isinstance(nth, int) or not -1 <= nth <= 5 or nth == 0:
        return None
    year = _year(ctx, ctx.groups.get("year"))
    years = [year] if year is not None else [ctx.reference.year + d for d in (-1, 0, 1)]
    try:
        days = [cal.nth_weekday(y, month_number, nth, int(number)) for y in years]  # type: ignore[arg-type]
    except ValueError:
        return None
    if any(d.month != month_number for d in days):
        return None   # "the fifth Monday in June" of a June with four
    chosen = days[0] if year is not None else _directed([(d, d) for d in days], ctx.reference, ctx.tense)[0]
    return _date_resolution(chosen)


@resolver("weekday_day_of_month")
def weekday_day_of_month(ctx: Context) -> Resolution | None:
    """"Thursday the 7th": of the months around the reference, one whose 7th is a
    Thursday; the nearest, or the one the tense points to."""
    number = ctx.word("weekday")
    day = int(ctx.groups["day"])
    options = []
    for months in range(-6, 7):
        first = cal.add_months(ctx.reference.replace(day=1), months)
        try:
            candidate = first.replace(day=day)
        except ValueError:
            continue
        if candidate.isoweekday() == number:
            options.append((candidate, candidate))
    if not options:
        return None
    return _date_resolution(_directed(options, ctx.reference, ctx.tense)[0])


@resolver("day_of_month")
def day_of_month(ctx: Context) -> Resolution | None:
    """"on the 19th": that day of the month the text last named ("On March 2 rebels
    took the town; on the 19th ..."), else of the month around the reference the tense
    points to; "the 3rd of next month" counts from the reference."""
    day = int(ctx.groups["day"])
    relative = ctx.word("relative")
    if relative is not None:
        months = [int(relative)]  # type: ignore[arg-type]
    elif ctx.reported is not None and ctx.reported[2] in ("day", "part_of_day", "month"):
        months = None
    else:
        months = [-1, 0, 1]
    if months is None:
        firsts = [ctx.reported[0].replace(day=1)]  # type: ignore[index]
    else:
        firsts = [cal.add_months(ctx.reference.replace(day=1), m) for m in months]
    options = []
    for first in firsts:
        try:
            options.append((first.replace(day=day),) * 2)
        except ValueError:
            continue
    if not options:
        return None
    chosen = options[0] if len(options) == 1 else _directed(options, ctx.reference, ctx.tense)
    return _date_resolution(chosen[0], anaphoric=months is None)


@resolver("from_named_day")
def from_named_day(ctx: Context) -> Resolution | None:
    """"the day before Christmas", "a week after March 5": a day or week from a day the
    expression names, resolved as that day alone would be."""
    unit = _unit(ctx)
    if unit not in ("day", "week"):
        return None
    if ctx.groups.get("holiday"):
        named = holiday(ctx)
    elif ctx.groups.get("month"):
        named = calendar_date(ctx)
    elif ctx.groups.get("weekday"):
        named = weekday(ctx)
    else:
        named = deictic_day(ctx)
    if named is None or named.interval is None or named.granularity != "day":
        return None
    sign = 1 if " after " in f" {ctx.text.lower()} " else -1
    return _date_resolution(cal.shift(named.interval[0], unit, sign))


@resolver("deictic_day")
def deictic_day(ctx: Context) -> Resolution | None:
    offset = ctx.word("deictic_day")
    part = ctx.word("part_of_day")
    relative = ctx.word("relative", "pod_relative")
    if offset is None:
        if relative == -1:
            offset = -1
        else:
            offset = 1 if relative == 1 else 0  # "next morning": tomorrow's
    day = ctx.reference + timedelta(days=int(offset))  # type: ignore[arg-type]
    part = ctx.word("deictic_part", "deictic_day") or part  # "tonight"
    if part is not None:
        return Resolution("TIME", f"{day.isoformat()}T{part}", (day, day), "part_of_day")
    return _date_resolution(day, _mod(ctx))


def _day_in_text(ctx: Context, named: tuple[date, date, str] | None, own_sentence_day: bool = False) -> date:
    """The day a bare time of day is on: the one the text named, else the reference. What a
    past-tense sentence tells ("the Nasdaq was up 4% by mid-afternoon") happened by the
    reference, not on a day ahead the text named before ("tariffs will fall by May 14").
    With ``own_sentence_day``, a day named in the expression's own sentence is its day
    whatever the tense ("Nov. 27 — A ceasefire takes effect at 4 a.m.")."""
    if named is None:
        return ctx.reference
    if own_sentence_day and named == ctx.last_day and ctx.last_day_in_sentence:
        return named[0]
    if named[0] > ctx.reference and direction(ctx.tense) == PAST \
            or named[0] < ctx.reference and direction(ctx.tense) == FUTURE:
        return ctx.reference   # ... nor what a sentence about the future tells on a day gone by
    return named[0]


@resolver("part_of_day_in_text")
def part_of_day_in_text(ctx: Context) -> Resolution | None:
    """"in the afternoon": of the day the text last named, else of the publication day;
    "later in the day": that day itself."""
    on_day = ctx.last is not None and ctx.last[2] in DAY_GRAINS
    day = _day_in_text(ctx, ctx.last if on_day else None)
    on_day = on_day and day == ctx.last[0]  # type: ignore[index]
    if ctx.groups.get("part_of_day") is None:
        return _date_resolution(day, anaphoric=on_day)
    part = ctx.grammar.lookup("part_of_day", ctx.groups["part_of_day"])
    if part is None:
        return None
    return Resolution("TIME", f"{day.isoformat()}T{part}", (day, day), "part_of_day", None, on_day)


@resolver("new_year")
def new_year(ctx: Context) -> Resolution | None:
    """"a memorial will be held in the new year": said from September on, next year."""
    year = ctx.reference.year + (1 if ctx.reference.month >= 9 else 0)
    return _unit_resolution(cal.unit_containing(date(year, 1, 1), "year"), "year")


@resolver("period_to_date")
def period_to_date(ctx: Context) -> Resolution | None:
    """"year to date": this year, drawn from its start to the reference."""
    unit = _period_unit(ctx)
    if unit not in ("year", "quarter", "month", "week"):
        return None
    value, (first, _last) = cal.unit_containing(ctx.reference, unit)
    return Resolution("DATE", value, (first, ctx.reference), unit, "before")


@resolver("turn_of_period")
def turn_of_period(ctx: Context) -> Resolution | None:
    """"the turn of the century": the year it turned (2000), or the next turn (2100) in a
    sentence looking ahead."""
    span = {"century": 100, "millennium": 1000}.get(str(ctx.groups.get("period", "")).lower())
    if span is None:
        return None
    year = ctx.reference.year // span * span
    relative = ctx.word("relative")
    if direction(ctx.tense) == FUTURE or isinstance(relative, int) and relative > 0:
        year += span   # "by the turn of the century", "the turn of the next century"
    return _unit_resolution(cal.unit_containing(date(year, 1, 1), "year"), "year")


@resolver("week_ending")
def week_ending(ctx: Context) -> Resolution | None:
    """"the week ended Saturday": the week of that Saturday (found as the weekday alone would
    be), drawn as the seven days that end on it."""
    number = ctx.word("weekday")
    if number is None:
        return None
    last = _weekday_date(ctx, int(number), None)  # type: ignore[arg-type]
    value, _iso_week = cal.unit_containing(last, "week")
    return Resolution("DATE", value, (last - timedelta(days=6), last), "week")


@resolver("day_of_holiday")
def day_of_holiday(ctx: Context) -> Resolution | None:
    """"the first day of Eid al-Fitr": the feast's first day; "the third day": two days on."""
    ordinal = ctx.word("ordinal")
    feast = holiday(ctx)
    if not isinstance(ordinal, int) or feast is None or feast.interval is None or feast.granularity != "day":
        return None
    return _date_resolution(feast.interval[0] + timedelta(days=ordinal - 1))


@resolver("this_time_away")
def this_time_away(ctx: Context) -> Resolution | None:
    """"this time next year": the reference's day a year on; "this time last week": a week back."""
    unit, relative = _unit(ctx), ctx.word("relative")
    if unit not in ("year", "month", "week") or relative not in (-1, 1):
        return None
    return _date_resolution(cal.shift(ctx.reference, unit, int(relative)))  # type: ignore[arg-type]


@resolver("period_rest")
def period_rest(ctx: Context) -> Resolution | None:
    """"over the rest of the year": the period of the reference, drawn from the reference to
    its end; in a sentence told in the past about an earlier year ("was wounded in May 2014
    and spent the rest of the year in hospital"), that year's."""
    unit = _period_unit(ctx)
    if unit not in ("year", "quarter", "month", "week", "decade"):
        return None
    story = ctx.reported
    if direction(ctx.tense) == PAST and story is not None and ctx.unshifted_in_sentence \
            and story[0].year < ctx.reference.year and story[1].year == story[0].year:
        value, interval = cal.unit_containing(story[1], unit)
        return Resolution("DATE", value, interval, unit)
    value, (_first, last) = cal.unit_containing(ctx.reference, unit)
    return Resolution("DATE", value, (ctx.reference, last), unit)


@resolver("period_of_reference")
def period_of_reference(ctx: Context) -> Resolution | None:
    """"earlier in the week": the week of the reference."""
    unit = _period_unit(ctx)
    if unit not in ("year", "month", "week"):
        return None
    return _unit_resolution(cal.unit_containing(ctx.reference, unit), unit)


@resolver("numbered_week")
def numbered_week(ctx: Context) -> Resolution | None:
    """"epidemiological week 38": ISO week 38 of the year named, else of the reference's."""
    year = _year(ctx, ctx.groups.get("year")) or ctx.reference.isocalendar()[0]
    try:
        monday = date.fromisocalendar(year, int(ctx.groups["week_number"]), 1)
    except (KeyError, ValueError):
        return None
    return _unit_resolution(cal.week_unit(monday), "week")


@resolver("overnight")
def overnight(ctx: Context) -> Resolution | None:
    """"overnight": last night, or tonight when the sentence looks ahead; after a day named
    earlier in its sentence ("said on Thursday that Russia had launched drones overnight"),
    the night before that day."""
    if ctx.last_day_in_sentence and ctx.last_day is not None and direction(ctx.tense) != FUTURE:
        # "struck 1,500 targets yesterday and overnight": the night that followed that day
        joined = ctx.grammar.filter_pattern("night_after_day")
        after_it = joined is not None and joined.search(ctx.before) is not None
        day = ctx.last_day[0] - timedelta(days=0 if after_it else 1)
        return Resolution("TIME", f"{day.isoformat()}TNI", (day, day), "part_of_day", None, True)
    day = ctx.reference - timedelta(days=0 if direction(ctx.tense) == FUTURE else 1)
    return Resolution("TIME", f"{day.isoformat()}TNI", (day, day), "part_of_day")


#: Granularities of a day or a time within one: what "that afternoon" or a bare clock
#: time can be put on.
DAY_GRAINS = frozenset({"day", "part_of_day", "hour", "minute"})
#: Groups of a clock-time rule that give the clock its own day ("3 p.m. Friday").
DATED_CLOCK_GROUPS = frozenset({"month", "weekday", "deictic_day", "this_part", "day", "anaphoric_day"})
#: Granularities of a date a story set in an earlier year may be anchored on.
_NARRATIVE_ANCHOR_GRAINS = DAY_GRAINS | {"week", "month", "quarter", "half", "year"}


def _entry_day(ctx: Context) -> date:
    """The day of a clock time that opens an entry: the previous entry's day; for the first,
    the day its heading names ("How Sunday's assault unfolded\n1 p.m. – ..."), else the
    publication day (a live blog's "12:35 GMT – Police have detained ...")."""
    if ctx.last_entry is not None and ctx.last_entry[2] in DAY_GRAINS:
        return ctx.last_entry[0]
    if ctx.heading_day is not None:
        return ctx.heading_day[0]
    return ctx.reference


def _unnamed_clock_day(ctx: Context, in_text: date, entry: bool) -> date:
    """The day of a clock time that names none: an entry's day; the publication day for a
    report's time or a commemoration's on an anniversary; the day named right after its
    bracket; else ``in_text``, the day the text is talking about."""
    base = in_text
    report = ctx.grammar.filter_pattern("report_clock")
    if entry:
        base = _entry_day(ctx)
    elif report is not None and report.search(ctx.before):
        base = ctx.reference   # "told a news conference at 11 a.m.": when the report was made
    elif base.year < ctx.reference.year and (base.month, base.day) == (ctx.reference.month, ctx.reference.day):
        ceremony = ctx.grammar.filter_pattern("commemoration_clock")
        if ceremony is not None and ceremony.search(ctx.before):
            base = ctx.reference   # an anniversary's "minute of silence at 2:46 p.m.": today's
    # "10:35 a.m. (0735 GMT) Friday": the day named right after the bracket.
    bracket = ctx.grammar.filter_pattern("day_after_bracket")
    after = bracket.match(ctx.after) if bracket else None
    number = ctx.grammar.lookup("weekday", after.group(1)) if after else None
    if number is not None:
        base = _weekday_date(ctx, int(number), None)  # type: ignore[arg-type]
    return base


def _past_midnight(ctx: Context, base: date, hour: int, minute: int) -> date:
    """An entry earlier in the day than the last clock time is past midnight when that is
    the nearer reading ("Tuesday, 10:23 p.m.: ...\n1:01 a.m.: ..."); a live blog's newest-first
    entries ("12:05 BST – ...\n10:44 BST – ...") stay on their day."""
    if ctx.last_clock is None or ctx.last_clock.date() != base or hour > 23:
        return base
    here = datetime.combine(base, time(hour, minute))
    if here < ctx.last_clock and here + timedelta(days=1) - ctx.last_clock < ctx.last_clock - here:
        return base + timedelta(days=1)
    return base


@resolver("clock_time")
def clock_time(ctx: Context) -> Resolution | None:
    lowered = " ".join(ctx.text.lower().split())
    # A bare clock time is on the day the text is talking about: the last day named, but
    # not the day something was said on ("the race begins on Sunday, organisers said on
    # Saturday. It starts at 8:30am").
    base = _day_in_text(ctx, ctx.event_day, own_sentence_day=True)
    named_day = None
    entry = ctx.opens_entry or ctx.groups.get("entry_clock") is not None
    if ctx.groups.get("anaphoric_day"):
        # "at 5:50 a.m. that day", "about 2 a.m. the following day", "4 a.m. that Friday"
        named_day = _named_day(ctx)
        named = named_day[0] if named_day is not None else ctx.reference
        number = ctx.word("weekday")
        base = cal.nearest_weekday(named, int(number)) if number is not None \
            else named + timedelta(days=_anaphoric_step(ctx))  # type: ignore[arg-type]
    elif ctx.groups.get("month"):
        resolved = calendar_date(ctx)
        if resolved is None or resolved.interval is None:
            return None
        base = resolved.interval[0]
    elif ctx.groups.get("weekday"):
        base = _weekday_date(ctx, int(ctx.word("weekday")), None)  # type: ignore[arg-type]
    elif ctx.groups.get("deictic_day"):
        base = ctx.reference + timedelta(days=int(ctx.word("deictic_day")))  # type: ignore[arg-type]
    elif ctx.groups.get("this_part"):
        base = ctx.reference   # "at 21:45 BST this evening"
    else:
        base = _unnamed_clock_day(ctx, base, entry)
    named_hour = ctx.grammar.phrase_in("clock_word", lowered)
    if named_hour == 12:
        hour, minute = 12, 0
    elif named_hour == 24:
        hour, minute = 24, 0
        if not DATED_CLOCK_GROUPS & ctx.groups.keys():
            side = ctx.grammar.phrase_in("midnight_side", ctx.text) \
                or ctx.grammar.phrase_closing("midnight_side", ctx.before)
            if direction(ctx.tense) == PAST and base in (ctx.reference, ctx.reference - timedelta(days=1)):
                # "a ceasefire took effect at midnight", "shortly after midnight": the one that began
                # the publication day; "shortly before midnight": the same, as the end of the day before
                base, hour = (ctx.reference - timedelta(days=1), 24) if side == "before" else (ctx.reference, 0)
            elif side == "after":
                base, hour = base + timedelta(days=1), 0   # "shortly after midnight": in the new day
    else:
        clock = ctx.groups.get("clock") or ""
        pieces = re.split(r"[:.]", clock) if not re.fullmatch(r"[0-9]{4}", clock) else [clock[:2], clock[2:]]
        hour = int(pieces[0])
        minute = int(pieces[1]) if len(pieces) > 1 and pieces[1] else 0
        ampm = ctx.word("meridiem", "ampm") or ""
        part = ctx.word("part_of_day", "clock_part")
        if part in ("AF", "EV") or part == "NI" and 6 <= hour < 12:
            ampm = "pm"   # "at 4 in the afternoon", "at 10 at night"
        if not ampm and not part and 1 <= hour < 12 and ctx.last_clock is not None \
                and ctx.last_clock.hour >= 12 and hour + 12 >= ctx.last_clock.hour and ":" in clock \
                and not clock.startswith("0") and lowered.endswith(clock):   # "05:00", "10:44 BST": 24-hour
            ampm = "pm"   # "left at 8:12 p.m. ... heard a scream at about 8:35": the evening's
        if ampm == "pm" and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
        if hour > 23 and (hour, minute) != (24, 0):
            return None   # "to 24:00 on January 7": that day's end
        if ctx.event_night and base == (ctx.event_day[0] if ctx.event_day else None) and not entry \
                and (hour < 6 or hour < 12 and base < ctx.reference) and not DATED_CLOCK_GROUPS & ctx.groups.keys():
            # "on Tuesday night ... shortly after 1 a.m.": Wednesday's; after a night gone by
            # ("drones launched overnight ... airspace reopened at 7:30 a.m."), its morning too
            base += timedelta(days=1)
    if entry and not DATED_CLOCK_GROUPS & ctx.groups.keys():
        base = _past_midnight(ctx, base, hour, minute)
    value = f"{base.isoformat()}T{hour:02d}:{minute:02d}"
    return Resolution("TIME", value, (base, base), "minute" if minute else "hour", None, named_day is not None)


# -- durations, sets, references ----------------------------------------------------------

_LENGTH_ORDER = ["year", "month", "fortnight", "week", "day", "hour", "minute", "second"]


def _compound_duration(ctx: Context) -> Resolution | None:
    """"three hours and 50 minutes" -> PT3H50M, "two years and three months" -> P2Y3M:
    whole counts of a larger unit, then a smaller one."""
    parts = []
    for num_group, unit_group in (("num", "unit"), ("num_second", "unit_second")):
        count = _number(ctx, ctx.groups.get(num_group))
        unit = ctx.word("unit", unit_group)
        if not isinstance(count, int) or unit not in _LENGTH_ORDER:
            return None
        parts.append((str(unit), count * UNIT_FACTOR.get(str(unit), 1)))
    if _LENGTH_ORDER.index(parts[0][0]) >= _LENGTH_ORDER.index(parts[1][0]):
        return None  # "ten minutes and two hours": not one length
    date_part = "".join(f"{c}{UNIT_CODE[u]}" for u, c in parts if u not in TIME_UNITS)
    time_part = "".join(f"{c}{UNIT_CODE[u]}" for u, c in parts if u in TIME_UNITS)
    value = "P" + date_part + ("T" + time_part if time_part else "")
    return Resolution("DURATION", value, None, None, _approx(ctx))


@resolver("duration")
def duration(ctx: Context) -> Resolution | None:
    vague = ctx.groups.get("vague")
    if vague is not None:
        unit = str(ctx.grammar.lookup("unit", vague))
        return Resolution("DURATION", duration_value("X", unit), None, None)
    if ctx.groups.get("num_second") is not None:
        return _compound_duration(ctx)
    unit = _unit(ctx)
    lowered = " ".join(ctx.text.lower().split())
    count: float | str | None
    if ctx.groups.get("num"):
        count = _number(ctx, ctx.groups["num"])
    else:
        match = re.match(r"(?:[a-z ]+ )?([0-9]+(?:\.[0-9]+)?)-", lowered)
        count = float(match.group(1)) if match else 1 if ctx.groups.get("count_one") is not None else None
        if isinstance(count, float) and count.is_integer():
            count = int(count)
    if unit is None or count is None:
        return None
    year_like = re.fullmatch(r"[0-9]{4}", (ctx.groups.get("num") or "1988").strip()) is not None
    if not isinstance(count, str) and count >= 1000 and year_like and unit not in TIME_UNITS and unit != "day":
        return None  # "the 1988 quarter" is a year; "1,500 years" and "two thousand years" are counts
    count = _with_fraction(ctx, count)
    if unit in ("minute", "hour") and not isinstance(count, str) and not float(count).is_integer():
        whole = int(count)
        smaller = {"hour": ("M", 60), "minute": ("S", 60)}[unit]
        rest = round((count - whole) * smaller[1])
        value = f"PT{whole}{UNIT_CODE[unit]}{rest}{smaller[0]}" if whole else f"PT{rest}{smaller[0]}"
        return Resolution("DURATION", value, None, None, _approx(ctx))
    interval = None
    if not isinstance(count, str) and _counts_back(ctx):
        # "four months elapsed since the deployment": that long before the reference.
        steps = count * UNIT_FACTOR.get(unit, 1)
        if unit not in TIME_UNITS and float(steps).is_integer():
            shift_unit = {"fortnight": "week", "weekend": "week", "season": "month"}.get(unit, unit)
            interval = (cal.shift(ctx.reference, shift_unit, -int(steps)), ctx.reference)
    return Resolution("DURATION", duration_value(count, unit), interval, None, _approx(ctx))


def _counts_back(ctx: Context) -> bool:
    words = " ".join(ctx.after.split())
    return any(words == cue or words.startswith(cue + " ")
               for cue in ctx.grammar.words.get("since_cue", {}))


@resolver("vague_duration")
def vague_duration(ctx: Context) -> Resolution | None:
    return Resolution("DURATION", "PXX", None, None)


@resolver("set")
def set_expression(ctx: Context) -> Resolution | None:
    adverb = ctx.word("set_adverb")
    if adverb is not None:
        return Resolution("SET", str(adverb), None, None)
    weekday_number = ctx.word("weekday") or ctx.word("weekday_plural")
    part = ctx.word("part_of_day") or ctx.word("part_of_day_plural")
    if weekday_number is not None:
        return Resolution("SET", f"XXXX-WXX-{weekday_number}" + (f"T{part}" if part else ""), None, None)
    month_number = ctx.word("month")
    if month_number is not None:
        return Resolution("SET", f"XXXX-{int(month_number):02d}", None, None)  # type: ignore[arg-type]
    if part is not None:
        return Resolution("SET", f"XXXX-XX-XXT{part}", None, None)
    season_code = ctx.word("season")
    if season_code is not None:
        return Resolution("SET", f"XXXX-{season_code}", None, None)
    unit = _unit(ctx)
    if unit is None:
        return None
    count = _number(ctx, ctx.groups.get("num")) if ctx.groups.get("num") else 1
    if count is None:
        return None
    every = ctx.grammar.phrase_in("every_other", ctx.text)
    if every is not None and not isinstance(count, str):
        count = every   # "every other week"
    if unit == "weekend" and count == 1:
        return weekends(ctx)   # "every weekend": like "on weekends"
    return Resolution("SET", duration_value(count, unit), None, None)


@resolver("weekends")
def weekends(ctx: Context) -> Resolution | None:
    """"on weekends", "every weekend": every weekend."""
    return Resolution("SET", "XXXX-WXX-WE", None, None)


@resolver("reference")
def reference(ctx: Context) -> Resolution | None:
    raw = ctx.groups.get("reference")
    value = None
    if raw is not None:
        value = ctx.grammar.lookup("reference", raw)
    else:
        for table in ("reference_adjective", "modal_reference"):
            raw = ctx.groups.get(table)
            if raw is not None:
                value = ctx.grammar.lookup(table, raw)
    if value is None:
        return None
    return Resolution("DATE", str(value), None, None)
