"""Languages without rule tables: explicit dates found by dateparser.

dateparser knows the month and weekday names of some 200 locales, so an article
in French or Ukrainian still gets its explicit dates ("24 janvier 2025", "в
жовтні") resolved, each at the granularity dateparser reports (day, month or
year). Relative expressions beyond dateparser's own are left to the rule tables
of languages that have them.
"""
from __future__ import annotations

from datetime import date, datetime

from . import calendar as cal
from .span import TimeSpan

RULE = "explicit date (dateparser)"


def find_with_dateparser(text: str, reference: date, language: str) -> list[TimeSpan]:
    """Explicit dates in ``text`` (a language without rule tables), left to right."""
    from dateparser.date import DateDataParser  # slow to import: only foreign texts need it
    from dateparser.search import search_dates

    base = datetime(reference.year, reference.month, reference.day)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    try:
        found = search_dates(text, languages=[language], settings=settings) or []
    except ValueError as error:  # an unknown language code
        raise LookupError(f"no time-expression rules or dateparser locale for {language!r}") from error
    periods = DateDataParser(languages=[language], settings=settings)
    spans: list[TimeSpan] = []
    position = 0
    for phrase, moment in found:
        start = text.find(phrase, position)
        if start < 0:
            continue
        position = start + len(phrase)
        if not any(ch.isdigit() for ch in phrase) and len(phrase.strip()) <= 3:
            continue  # "Die", "Le": short words dateparser takes for weekday abbreviations
        phrase, start = _trim_leading_words(phrase, start, moment, periods)
        period = periods.get_date_data(phrase).period or "day"
        day = moment.date()
        if period == "year":
            value, interval = cal.year_unit(day.year)
        elif period == "month":
            value, interval = cal.month_unit(day.year, day.month)
        elif period == "week":
            value, interval = cal.week_unit(day)
        else:
            period, (value, interval) = "day", cal.day_unit(day)
        spans.append(TimeSpan(text=phrase, char_start=start, char_end=start + len(phrase), kind="DATE",
                              value=value, start=interval[0], end=interval[1], granularity=period,
                              mod=None, anchor=reference.isoformat(), anchor_basis="publication",
                              rule=RULE))
    return spans


def _trim_leading_words(phrase: str, start: int, moment: datetime, parser) -> tuple[str, int]:
    """Drop leading words ("Le", "am") that do not change what the phrase means."""
    period = parser.get_date_data(phrase).period
    while " " in phrase:
        head, rest = phrase.split(" ", 1)
        parsed = parser.get_date_data(rest)
        if parsed.date_obj is None or parsed.date_obj.date() != moment.date() or parsed.period != period:
            break
        phrase, start = rest, start + len(head) + 1
    return phrase, start
