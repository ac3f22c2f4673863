"""The engine: text and a reference date in, resolved TimeSpans out.

scan (anchored rule matches) -> filter (numbers, verbs, names) -> resolve, left to
right, remembering the last date mentioned so that "the next day" has an anchor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache, partial

from . import calendar as cal
from .foreign import find_with_dateparser
from .grammar import Grammar, load_grammar
from .links import Links, clock_of
from .names import NameContexts
from .pattern_cache import default_path
from .resolve import DATED_CLOCK_GROUPS, DAY_GRAINS, RESOLVERS, Context, Resolution, opens_sentence
from .scan import Candidate, Scanner, lower_ascii
from .span import TimeSpan
from .tense import WEAK, TenseCues, UNKNOWN, direction, tense_at

_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'.-]*)\W*$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\"\u201c]|\n")
_NEAR_ANNIVERSARY = timedelta(days=60)   # "a year since" an anniversary at most this far ahead
# A chronology's entry: a date that opens a line after another, past a bullet, and is
# followed by a colon or a dash ("Aug. 2 – Obligations kick in", "Tuesday, 10:23 p.m.: ...").
_OPENS_LINE = re.compile(r"(?:^|\n)[ \t*\u2022\u2013\u2014-]*$")
_ENTRY_SEPARATOR = re.compile(r"[ \t]*(?:[:\u2013\u2014]|-[ \t])")
_CLAUSE_MARKS = ".,;:!?\n"   # a line break ends a clause too (a heading, a list item)
_REMEMBERED = 6   # dates named outright that "a month earlier" may be counted from
_LOWER_WORD_AFTER = re.compile(r" ([a-z]+)\b")
_WORD_AFTER = re.compile(r"^[\s-]*([A-Za-z%][A-Za-z]*|%)")


def _same_sentence(text: str, end: int, start: int) -> bool:
    """Whether no sentence ends between an earlier expression's ``end`` and ``start``."""
    return _SENTENCE_BREAK.search(text, end, start) is None


@dataclass
class _TextState:
    """What the text has said so far that later expressions are read against."""

    last: tuple[date, date, str] | None = None        # the last date named
    last_shifted: bool = False                        # ... counted from another ("a year ago")
    unshifted: tuple[date, date, str] | None = None   # the last date named outright
    unshifted_end: int = 0
    unshifted_opens_sentence: bool = False            # ... and opened its sentence
    quarter: tuple[date, date, str] | None = None     # the last quarter (or half) named outright
    quarter_end: int = 0
    event_day: tuple[date, date, str] | None = None   # the last day events were put on
    event_night: bool = False                         # ... named by its evening or night
    day_of_event: tuple[date, date, str] | None = None  # "Saturday's Test": a day named for an event
    day_of_event_end: int = -1
    day_of_event_spreads: bool = False                # ... possessive ("Friday's strike"): past its sentence
    last_day: tuple[date, date, str] | None = None    # the last day named, whatever for
    last_day_end: int = 0
    last_clock: datetime | None = None                # the last date named, if a clock time
    named_outright: tuple = ()                        # the last few dates named outright, oldest first
    unshifted_opens_entry: bool = False               # ... that date opened a chronology's entry
    last_entry: tuple[date, date, str] | None = None  # the date that opened the last entry

    def context(self, text: str, start: int) -> dict:
        """The Context fields for an expression starting at ``start``."""
        event_day, night = self.event_day, self.event_night
        if self.day_of_event is not None and (self.day_of_event_spreads
                                              or _same_sentence(text, self.day_of_event_end, start)):
            # "Saturday's Test ..., which kicks off at 17:10": that event's day, in its sentence;
            # a possessive one beyond it too, until another day is named ("the death toll from
            # Friday's strike rose to 57. The missile hit at about 10:30 a.m."), not a day
            # before a noun ("after the Jan. 19 prisoner exchange. Sirens sounded at 6:40 a.m.").
            event_day, night = self.day_of_event, False
        return {"last": self.last, "last_shifted": self.last_shifted, "unshifted": self.unshifted,
                "quarter": self.quarter, "event_day": event_day, "event_night": night,
                "last_day": self.last_day, "last_clock": self.last_clock,
                "named_outright": self.named_outright,
                "last_day_in_sentence": self.last_day is not None and _same_sentence(text, self.last_day_end, start),
                "unshifted_in_sentence": self.unshifted is not None
                and _same_sentence(text, self.unshifted_end, start),
                "unshifted_opens_sentence": self.unshifted_opens_sentence,
                "quarter_in_sentence": self.quarter is not None and _same_sentence(text, self.quarter_end, start),
                "in_entry": self.unshifted_opens_entry and "\n" not in text[self.unshifted_end:start],
                "last_entry": self.last_entry,
                "heading_day": self.last_day if self.last_day is not None
                and _heading_before(text, self.last_day_end, start) else None}

    def named(self, resolution: Resolution, end: int, expression: str, events_on_it: bool,
              names_event: bool, possessive: bool = False, late: bool = False, in_brackets: bool = False,
              clock_day: bool = False, opens_entry: bool = False, opens_sentence: bool = False) -> None:
        """Take in a date the text has just named."""
        self.last = (resolution.interval[0], resolution.interval[1], resolution.granularity)  # type: ignore[index, assignment]
        if resolution.granularity in DAY_GRAINS:
            self.last_day, self.last_day_end = self.last, end
        if clock_day and self.last_clock is not None and resolution.interval is not None:
            # "struck at 12:50 p.m. on March 28": that clock time, on that day
            self.last_clock = datetime.combine(resolution.interval[0], self.last_clock.time())
        elif not (in_brackets and self.last_clock is not None) \
                and (events_on_it or clock_of(resolution.value) is not None):
            # "12:50 p.m. (0620 GMT)": the first; a day things were said on ("the ministry
            # said on Saturday morning") leaves the clock events are counted from
            self.last_clock = clock_of(resolution.value)
        if events_on_it and names_event:
            # "after Saturday's blast", "the Oct. 1 attack": an earlier event's day; it dates
            # what follows only within its own sentence.
            self.day_of_event, self.day_of_event_end = self.last, end
            self.day_of_event_spreads = possessive
        elif events_on_it:
            # "on Tuesday night": clock times in the small hours after it are the next day's
            # ("the early hours of Tuesday" are Tuesday's own).
            self.event_day, self.day_of_event = self.last, None
            self.event_night = late or resolution.mod == "late" \
                or resolution.value.endswith(("TNI", "TEV")) and "hours" not in expression.lower()
        self.last_shifted = resolution.shifted
        if not self.last_shifted:
            self.unshifted, self.unshifted_end = self.last, end
            self.unshifted_opens_sentence = opens_sentence
            self.unshifted_opens_entry = opens_entry
            self.named_outright = (self.named_outright + (self.last,))[-_REMEMBERED:]  # type: ignore[operator]
            if resolution.granularity in ("quarter", "half"):
                self.quarter, self.quarter_end = self.last, end
        if opens_entry:
            self.last_entry = self.last


def _heading_before(text: str, named_end: int, start: int) -> bool:
    """Whether ``start`` opens a line and ``named_end`` lies on the line before it, a heading
    with no full stop ("How Sunday's assault on Brasilia unfolded")."""
    line_start = start
    while line_start > 0 and text[line_start - 1] in " \t*\u2022\u2013\u2014-":
        line_start -= 1
    if line_start > 0 and text[line_start - 1] != "\n":
        return False
    previous = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    heading = text[previous:line_start].strip()
    return previous <= named_end < line_start and bool(heading) and heading[-1] not in ".!?\"'\u201d"


class Engine:
    """A language's grammar with its scanner, filters and tense cues, ready to run."""

    def __init__(self, grammar: Grammar, filters: dict, tense: TenseCues) -> None:
        self.grammar = grammar
        self.scanner = Scanner(grammar, default_path(f"scanner-{grammar.language}"))
        self.capitalised_only = frozenset(filters.get("capitalised_only", ()))
        self.name_check_rules = frozenset(filters.get("name_check_rules", ()))
        self.month_preceders = frozenset(filters.get("month_preceders", ()))
        self.names = NameContexts(filters)
        self.mod_prefixes = {" ".join(k.split()): v for k, v in filters.get("mod_prefixes", {}).items()}
        self.mod_prefix = re.compile(r"(?<![a-z])(%s)\s+$" % "|".join(
            re.escape(k).replace(r"\ ", r"\s+") for k in sorted(self.mod_prefixes, key=len, reverse=True))) \
            if self.mod_prefixes else None
        self.preposition_licensed = frozenset(filters.get("preposition_licensed", ()))
        reporting = "|".join(re.escape(word) for word in filters.get("reporting_verbs", ()))
        self.reporting_day = re.compile(rf"\b(?:{reporting})\s+(?:on\s+)?$") if reporting else None
        self.reject = frozenset(filters.get("reject", ()))
        self.attributive_blockers = frozenset(filters.get("attributive_blockers", ()))
        self.surname_months = frozenset(filters.get("surname_months", ()))
        self.month_adjuncts = frozenset(filters.get("month_adjuncts", ()))
        anniversary = filters.get("anniversary_before")
        self.anniversary = re.compile(anniversary) if anniversary else None
        self.links = Links(filters)
        late = "|".join(re.escape(words) for words in filters.get("late_prefixes", ()))
        self.late_before = re.compile(rf"\b(?:{late})\s+$") if late else None
        openers = "|".join(re.escape(word) for word in filters.get("stretch_openers", ()))
        self.stretch_openers = re.compile(rf"\b(?:{openers})\b") if openers else None
        self.fraction_units = frozenset(filters.get("fraction_units", ()))
        self.fraction_followers = frozenset(filters.get("fraction_followers", ()))
        self.fraction_preceders = frozenset(filters.get("fraction_preceders", ()))
        self.ordinal_units = frozenset(filters.get("ordinal_units", ()))
        self.measure_units = frozenset(filters.get("measure_units", ()))
        self.rate_words = frozenset(filters.get("rate_words", ()))
        self.month_verbs = frozenset(filters.get("month_verbs", ()))
        self.attributive_articles = frozenset(filters.get("attributive_articles", ()))
        self.cause_words = frozenset(filters.get("cause_words", ()))
        self.rate_articles = frozenset(filters.get("rate_articles", ()))
        self.count_words = frozenset(filters.get("count_words", ()))
        strip = sorted(filters.get("strip_leading", ()), key=len, reverse=True)
        self.strip_leading = re.compile(r"^(?:%s)\s+" % "|".join(map(re.escape, strip)), re.I) if strip else None
        self.tense = tense
        self.default_tense = tense.default
        self.measure = grammar.words.get("measure", {})
        months = grammar.words.get("month", {})
        self.full_months = frozenset(max((k for k in months if months[k] == n), key=len)
                                     for n in set(months.values()))

    def find(self, text: str, reference: date) -> list[TimeSpan]:
        low = lower_ascii(text)
        spans: list[TimeSpan] = []
        state = _TextState()
        bare_clocks: list[int] = []
        for matched in self.scanner.candidates(text):
            candidate = self._trim(matched, text)
            if candidate is None or not self._keep(candidate, text, low, matched.start):
                continue
            expression = text[candidate.start:candidate.end]
            opens_entry = _OPENS_LINE.search(text, max(0, candidate.start - 8), candidate.start) is not None \
                and _ENTRY_SEPARATOR.match(text, candidate.end) is not None
            ctx = Context(grammar=self.grammar, reference=reference, groups=candidate.groups,
                          text=expression, read_tense=partial(self._tense_of, candidate, text, low),
                          before=low[max(0, candidate.start - 60):candidate.start],
                          after=low[candidate.end:candidate.end + 40], opens_entry=opens_entry,
                          document=text, position=candidate.start,
                          **state.context(text, candidate.start))
            try:
                resolution = RESOLVERS[candidate.rule.resolve](ctx)
            except (ValueError, OverflowError):
                resolution = None  # a date outside the calendar ("three thousand years ago")
            if resolution is None:
                continue
            kind = resolution.kind if resolution.kind != "DATE" else candidate.rule.kind
            if candidate.rule.kind != "DATE":
                kind = candidate.rule.kind if resolution.kind == "DATE" else resolution.kind
            if kind == "DURATION" and self._rate(" ".join(expression.lower().split()), low,
                                                  candidate.start):
                # "$2 million a year": a rate, a SET (TIMEX3), drawn nowhere.
                kind, resolution = "SET", replace(resolution, interval=None, granularity=None)
            candidate, resolution = self._with_mod_prefix(candidate, resolution, low)
            if resolution.granularity == "day" and resolution.kind == "DATE" and "year" not in candidate.groups:
                resolution = self._before_anniversary(resolution, low, candidate.start, reference)
            expression = text[candidate.start:candidate.end]
            spans.append(_span(expression, candidate, resolution, kind, reference, state.last))
            if candidate.rule.resolve == "clock_time" and not DATED_CLOCK_GROUPS & candidate.groups.keys():
                bare_clocks.append(len(spans) - 1)
            if resolution.interval is not None and resolution.kind in ("DATE", "TIME") \
                    and resolution.granularity is not None:
                events_on_it = resolution.granularity in DAY_GRAINS \
                    and not self._reporting_day(low, candidate.start) and not self._background_day(low, candidate.start)
                possessive = low.startswith(("'s ", "\u2019s "), candidate.end)
                # "in retaliation for Saturday's blast": a cause, told as background
                cause = possessive and self._word_before(low, candidate.start) in self.cause_words
                state.named(resolution, candidate.end, expression, events_on_it,
                            names_event=possessive or self._attributive(text, low, candidate.start, candidate.end),
                            possessive=possessive and not cause,
                            late=self.late_before is not None
                            and self.late_before.search(low, max(0, candidate.start - 12), candidate.start) is not None,
                            in_brackets=low.endswith("(", 0, candidate.start),
                            clock_day=self.links.day_of_clock_before(spans, low),
                            opens_entry=opens_entry,
                            # only a year is asked whether it opened its sentence ("In 2019, ...")
                            opens_sentence=resolution.granularity == "year" and opens_sentence(ctx))
        spans = self.links.clocks_on_following_day(spans, bare_clocks, low)
        spans = self.links.bracketed_clock_days(spans, low)
        spans = self.links.weekdays_of_named_days(spans, low)
        spans = self.links.ordered_weekday_ranges(spans, low, reference)
        return self.links.ordered_day_ranges(spans, low)

    def _tense_of(self, candidate: Candidate, text: str, low: str) -> int:
        """The tense that directs a candidate's resolution (UNKNOWN for one it cannot direct)."""
        if candidate.rule.resolve not in _DIRECTED and not self._counts_forward(candidate):
            return UNKNOWN
        tense = tense_at(self.tense, low, candidate.start, candidate.end, text) or self.default_tense
        if self._month_names_a_thing(text, low, candidate):
            tense = direction(tense) * WEAK
        return tense

    def _before_anniversary(self, resolution: Resolution, low: str, start: int, reference: date) -> Resolution:
        """"the second anniversary of the Oct. 7 attack", "a year since the Oct. 7 attack": the
        day that many years before the anniversary nearest the reference."""
        if self.anniversary is None:
            return resolution
        found = self.anniversary.search(low, max(0, start - 40), start)
        if found is None:
            return resolution
        if found.group("number"):
            years = int(found.group("number"))
        elif found.group("cardinal"):
            count = found.group("cardinal")
            years = int(count) if count.isdigit() else self.grammar.lookup("cardinal", count)
        else:
            years = self.grammar.lookup("ordinal", found.group("ordinal") or "")
        if not isinstance(years, int) or resolution.interval is None:
            return resolution
        day = resolution.interval[0]
        # "a year since ...": the years have passed, or nearly ("marking a year since the Oct. 7
        # attack" on Oct. 6); an anniversary still months away is not the one meant.
        latest = reference + _NEAR_ANNIVERSARY if found.group("cardinal") else date.max
        try:
            marked = min((option for option in (day.replace(year=reference.year + step) for step in (-1, 0, 1))
                          if option <= latest), key=lambda option: abs((option - reference).days))
            event = marked.replace(year=marked.year - years)
        except ValueError:   # February 29
            return resolution
        return replace(resolution, value=event.isoformat(), interval=(event, event))

    def _month_names_a_thing(self, text: str, low: str, candidate: Candidate) -> bool:
        """Whether a bare month modifies a noun ("the October report", "futures for December
        delivery"): the verb's tense is then only a weak cue, and the month a year off in its
        direction loses to one much nearer ("would not publish a separate October report", in
        November, is last month's)."""
        if candidate.rule.resolve != "month" or "year" in candidate.groups:
            return False
        return self._noun_after(text, candidate.end) and self._word_before(low, candidate.start) not in self.month_adjuncts

    def _month_after_possessive(self, word_before: str, month: str, text: str, end: int) -> bool:
        """"the Fed's December meeting", "the Fed's March meeting": a month after a possessive,
        unless it is a verb or a name too and no noun follows it ("the Women's March"), or a
        surname too ("Britain's May government")."""
        if not word_before.endswith(("'s", "\u2019s")):
            return False
        lowered = month.lower()
        return lowered not in self.capitalised_only \
            or lowered not in self.surname_months and self._noun_after(text, end)

    def _attributive(self, text: str, low: str, start: int, end: int) -> bool:
        """Whether a date stands between an article and a noun it modifies ("the Oct. 1 attack")."""
        return low[max(0, start - 1):start] == " " and self._word_before(low, start) in self.attributive_articles \
            and self._noun_after(text, end)

    def _noun_after(self, text: str, end: int) -> bool:
        """Whether a common noun the expression modifies comes right after it: a word in
        lower case as written, not one of the words that show it is no modifier ("of")."""
        word = _LOWER_WORD_AFTER.match(text, end)
        return word is not None and word.group(1) not in self.attributive_blockers

    def _background_day(self, low: str, start: int) -> bool:
        """Whether a day is named only as the start of a stretch ("killed since February 24,
        2022", "since clashes erupted on Saturday morning"), not as the day the events a
        clock time belongs to happen on."""
        if self.stretch_openers is None:
            return False
        clause_start = max(low.rfind(mark, max(0, start - 90), start) for mark in _CLAUSE_MARKS) + 1
        return self.stretch_openers.search(low, max(clause_start, start - 90), start) is not None

    def _reporting_day(self, low: str, start: int) -> bool:
        """Whether a day is the one something was said on ("organisers said on Saturday"):
        the day of the report, not of the events a clock time belongs to."""
        return self.reporting_day is not None and \
            self.reporting_day.search(low, max(0, start - 30), start) is not None

    def _counts_forward(self, candidate: Candidate) -> bool:
        """Whether a count is forward from the story ("five years later"): its tense decides
        whether it may pass the time of writing. Other counts need no tense."""
        if candidate.rule.resolve != "shifted" or "ago" not in candidate.groups:
            return False
        spec = self.grammar.lookup("ago", candidate.groups["ago"])
        return isinstance(spec, dict) and int(spec["sign"]) > 0

    def _trim(self, candidate: Candidate, text: str) -> Candidate | None:
        if self.strip_leading is None:
            return candidate
        expression = text[candidate.start:candidate.end]
        match = self.strip_leading.match(expression)
        if match is None:
            return candidate
        return Candidate(candidate.rule, candidate.start + match.end(), candidate.end, candidate.groups)

    def _keep(self, candidate: Candidate, text: str, low: str, matched_start: int) -> bool:
        expression = text[candidate.start:candidate.end]
        lowered = " ".join(low[candidate.start:candidate.end].split())
        if lowered in self.reject and not self._preposition_is_the_key(candidate, low, matched_start):
            return False
        holiday = candidate.groups.get("holiday")
        if holiday is not None and holiday.lower() in self.capitalised_only and holiday[:1].islower():
            return False   # "on election day" in any country; "Election Day", the American one
        for group in ("month", "season", "weekday"):
            raw = candidate.groups.get(group)
            licensed = matched_start < candidate.start and candidate.rule.name in self.preposition_licensed
            if group == "season" and raw is not None \
                    and self.names.season_is_an_event(text, candidate.end, raw[:1].isupper()):
                return False  # "the fall of Avdiivka", "the Spring of Nations"
            if raw is not None and raw.lower().rstrip(".") in self.capitalised_only and raw.islower() \
                    and not licensed:
                if candidate.rule.name in self.name_check_rules or lowered == raw.lower() \
                        or group == "season" and candidate.rule.resolve == "season" and raw == lowered:
                    return False
                if group == "month" and raw.rstrip(".") in self.month_verbs:
                    return False
        if candidate.rule.name in self.name_check_rules:
            month = candidate.groups.get("month", "")
            if month and not month.endswith(".") and month.lower() not in self.full_months:
                return False  # "Jan Kavan": an abbreviation alone needs its full stop
            before = _WORD_BEFORE.search(text, max(0, candidate.start - 40), candidate.start)
            if before and before.group(1)[0].isupper() and text[before.end(1):candidate.start].isspace() \
                    and before.group(1).lower() not in self.month_preceders and not self._is_time_word(before.group(1)) \
                    and not self._month_after_possessive(before.group(1), month, text, candidate.end):
                return False  # "Theresa May", "Long March"; not "in May, June and July"
            if self.names.month_begins_a_name(text, candidate.end, candidate.start):
                return False  # "the March for Life"
            if expression == "May" and self.names.may_is_a_wish(text, candidate.start, candidate.end):
                return False  # "May God protect them"
        if self._name_or_number(candidate, expression, text):
            return False
        raw_unit = candidate.groups.get("unit") or ""
        unit = raw_unit.lower()
        if unit in self.fraction_units and (self._share_of(low, candidate.end)
                                            or self._word_after(low, candidate.end) in self.fraction_followers
                                            or self._word_before(low, candidate.start) in self.fraction_preceders):
            return False  # "about three-quarters of its food", "a quarter point", "rose by a quarter": a share
        if unit and low.startswith("-", candidate.end) and low[candidate.end + 1:candidate.end + 2].isalpha() \
                and unit in self.ordinal_units:
            return False  # "the first second-round count": an ordinal, not a second
        if lowered.split(" ", 1)[0] in self.rate_words and self._word_before(low, candidate.start) in self.measure_units:
            return False  # "180 km per hour": a speed, not a time
        if raw_unit[:1].isupper() and self.names.capitalised_word_follows(text, candidate.end):
            return False  # "the Six Day War", "the Hundred Years War": a name
        if candidate.groups.get("year") is not None and candidate.rule.resolve == "year":
            after = self._word_after(low, candidate.end)
            if after is not None and self.measure.get(after):
                return False  # "1,500 troops": a count
        return bool(expression.strip())

    def _with_mod_prefix(self, candidate: Candidate, resolution: Resolution,
                         low: str) -> tuple[Candidate, Resolution]:
        """"the end of the first quarter", "the beginning of that month": the part of the
        period that the words right before it point at, in the expression and its span."""
        if self.mod_prefix is None or resolution.mod is not None or resolution.interval is None \
                or resolution.kind != "DATE" or resolution.granularity in (None, "day", "part_of_day"):
            return candidate, resolution
        match = self.mod_prefix.search(low, max(0, candidate.start - 40), candidate.start)
        if match is None:
            return candidate, resolution
        mod = self.mod_prefixes[" ".join(match.group(1).split())]
        widened = Candidate(candidate.rule, match.start(1), candidate.end, candidate.groups)
        return widened, replace(resolution, mod=mod, interval=cal.narrow(resolution.interval, mod))

    def _is_time_word(self, word: str) -> bool:
        """Whether a word (a possessive too: "Friday's") is a month, a weekday or a unit."""
        lowered = word.lower()
        if lowered.endswith(("'s", "\u2019s")):
            lowered = lowered[:-2]
        return any(self.grammar.lookup(table, lowered) is not None for table in ("month", "weekday", "unit"))

    def _name_or_number(self, candidate: Candidate, expression: str, text: str) -> bool:
        """Whether the words around a year, weekday, holiday, decade or frequency make it
        part of a name or a number ("Resolution 1441", "The Sunday Times", "the Good Friday
        Agreement", "in their 90s", "the Daily Mail")."""
        start, end = candidate.start, candidate.end
        if candidate.rule.resolve == "year" and expression.isdigit():
            return self.names.year_is_a_number(text, start, end)
        if candidate.rule.resolve == "weekday" and expression.isalpha():
            return self.names.weekday_is_a_title(text, start, end)
        if candidate.rule.resolve == "holiday":
            return self.names.holiday_is_a_name(text, start, end, self._is_time_word)
        if candidate.rule.resolve == "decade":
            return self.names.decade_is_an_age(text, start) or self.names.decade_is_a_reading(text, start, end)
        if candidate.rule.resolve == "relative_period":
            return self.names.period_is_a_title(text, start, end)
        if candidate.rule.resolve == "set":
            return self.names.adverb_is_a_title(text, start, end)
        if candidate.rule.resolve == "deictic_day":
            return self.names.deictic_is_a_title(text, start, self._is_time_word)
        return False

    def _preposition_is_the_key(self, candidate: Candidate, low: str, matched_start: int) -> bool:
        """Whether the preposition trimmed off belongs to the table entry matched: "at
        present" is a time, and is annotated "present"; "present" alone is not."""
        if matched_start == candidate.start:
            return False
        matched = " ".join(low[matched_start:candidate.end].split())
        return any(matched == " ".join(value.lower().split()) and self.grammar.lookup(table, value) is not None
                   for table, value in candidate.groups.items() if table in self.grammar.words)

    @staticmethod
    def _word_before(low: str, start: int) -> str | None:
        before = _WORD_BEFORE.search(low, max(0, start - 30), start)
        return None if before is None else before.group(1)

    @staticmethod
    def _word_after(low: str, end: int) -> str | None:
        after = _WORD_AFTER.match(low[end:end + 30])
        return None if after is None else after.group(1)

    def _share_of(self, low: str, end: int) -> bool:
        """Whether "of" and something not a time follow (a share: "three-quarters of its
        food"; not "two quarters of 1989", "three quarters of the year")."""
        of_object = self.grammar.filter_pattern("of_object")
        after = of_object.match(low, end) if of_object else None
        if after is None:
            return False
        word = after.group(1)
        return not (word[0].isdigit() or self.grammar.lookup("unit", word) is not None
                    or self.grammar.lookup("month", word) is not None)

    def _rate(self, lowered: str, low: str, start: int) -> bool:
        """Whether ``lowered`` ("a week") follows a count within two words, as in "four
        flights a week" or "$2 million a year": a rate."""
        article, _, unit = lowered.partition(" ")
        if article not in self.rate_articles or " " in unit or self.grammar.lookup("unit", unit) is None:
            return False
        before = low[max(0, start - 40):start].split()[-2:]
        if before and before[-1].endswith((",", ";", ".")):
            return False  # "on Friday 8 March, a week before the deadline": a new clause
        return any(_is_count(word) or self.grammar.lookup("cardinal", word) is not None
                   and word not in self.rate_articles or word in self.count_words for word in before)


def _is_count(word: str) -> bool:
    """"4", "$2", "1,500", "10%"; not a date's day or year ("on July 3, a year after",
    "in 2012. Within a year"), which ends its clause or is a year."""
    if word.endswith((",", ".", ";")):
        return False
    digits = word.lstrip("$£€").rstrip("%").replace(",", "").replace(".", "")
    return digits.isdigit() and not (len(digits) == 4 and 1100 <= int(digits) <= 2099 and word == digits)



_DIRECTED = frozenset({"calendar_date", "month", "season", "weekday", "quarter", "half", "clock_time", "holiday",
                       "relative_period", "week_of", "part_of_named_period", "from_named_day", "weekday_day_of_month",
                       "day_of_month", "dated_part_of_day", "overnight", "month_quarter", "nth_weekday",
                       "anaphoric_season", "part_of_day_in_text", "months_of_year", "period_rest",
                       "day_of_holiday", "week_ending", "turn_of_period"})


def _span(expression: str, candidate: Candidate, resolution: Resolution, kind: str,
          reference: date, last: tuple[date, date, str] | None) -> TimeSpan:
    anaphoric = resolution.anaphoric and last is not None
    start, end = resolution.interval if resolution.interval else (None, None)
    return TimeSpan(
        text=expression, char_start=candidate.start, char_end=candidate.end, kind=kind,
        value=resolution.value, start=start, end=end, granularity=resolution.granularity,
        mod=resolution.mod,
        anchor=(last[0].isoformat() if anaphoric and last else reference.isoformat()),
        anchor_basis="text" if anaphoric else "publication",
        rule=candidate.rule.name,
    )


@lru_cache(maxsize=None)
def engine_for(language: str = "en") -> Engine:
    grammar = load_grammar(language)
    return Engine(grammar, grammar.filters, TenseCues(**grammar.tense))


def find_timexes(text: str, reference: date | datetime, *, language: str = "en") -> list[TimeSpan]:
    """Every time expression in ``text``, resolved against ``reference`` (the publication date)."""
    if isinstance(reference, datetime):
        reference = reference.date()
    if not has_rules(language):
        return find_with_dateparser(text, reference, language)
    return engine_for(language).find(text, reference)


@lru_cache(maxsize=None)
def has_rules(language: str) -> bool:
    """Whether the engine has rule tables for ``language`` (else dateparser reads it)."""
    from .grammar import RESOURCES

    return (RESOURCES / f"{language}.toml").exists()
