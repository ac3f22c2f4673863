"""Calendar arithmetic and TIMEX3 value formatting: pure functions, no language.

Every function maps a calendar unit (a day, an ISO week, a season ...) to the
TIMEX3 value that names it and the inclusive interval of days to draw.
"""
from __future__ import annotations

import calendar as _cal
import importlib
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from dateutil.easter import EASTER_ORTHODOX
from dateutil.easter import easter as dateutil_easter

Interval = tuple[date, date]

SEASON_CODES = ("SP", "SU", "FA", "WI")
#: Meteorological seasons, northern hemisphere: first month of each.
SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def last_day(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def clamp_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, last_day(year, month)))


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return clamp_day(index // 12, index % 12 + 1, day.day)


def add_years(day: date, years: int) -> date:
    return clamp_day(day.year + years, day.month, day.day)


def shift(day: date, unit: str, count: int) -> date:
    """``day`` moved by ``count`` units (negative: into the past)."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    if unit == "month":
        return add_months(day, count)
    if unit == "quarter":
        return add_months(day, 3 * count)
    if unit == "half":
        return add_months(day, 6 * count)
    if unit == "season":
        return add_months(day, 3 * count)
    if unit == "year":
        return add_years(day, count)
    if unit == "decade":
        return add_years(day, 10 * count)
    if unit == "century":
        return add_years(day, 100 * count)
    raise ValueError(f"unknown unit {unit!r}")


# -- units as (value, interval) -------------------------------------------------

def day_unit(day: date) -> tuple[str, Interval]:
    return day.isoformat(), (day, day)


def month_unit(year: int, month: int) -> tuple[str, Interval]:
    return f"{year:04d}-{month:02d}", (date(year, month, 1), date(year, month, last_day(year, month)))


def week_unit(day: date) -> tuple[str, Interval]:
    iso_year, iso_week, iso_weekday = day.isocalendar()
    monday = day - timedelta(days=iso_weekday - 1)
    return f"{iso_year:04d}-W{iso_week:02d}", (monday, monday + timedelta(days=6))


def weekend_unit(day: date) -> tuple[str, Interval]:
    value, (monday, _sunday) = week_unit(day)
    return f"{value}-WE", (monday + timedelta(days=5), monday + timedelta(days=6))


def season_of(day: date) -> tuple[int, str]:
    """The (year, code) of the season containing ``day``; winter Y starts in December Y."""
    if day.month == 12:
        return day.year, "WI"
    if day.month <= 2:
        return day.year - 1, "WI"
    return day.year, SEASON_CODES[(day.month - 3) // 3]


def season_unit(year: int, code: str) -> tuple[str, Interval]:
    first = date(year, SEASON_FIRST_MONTH[code], 1)
    last = add_months(first, 2)
    return f"{year:04d}-{code}", (first, date(last.year, last.month, last_day(last.year, last.month)))


def quarter_unit(year: int, quarter: int) -> tuple[str, Interval]:
    first_month = 3 * (quarter - 1) + 1
    return f"{year:04d}-Q{quarter}", (date(year, first_month, 1),
                                      date(year, first_month + 2, last_day(year, first_month + 2)))


def half_unit(year: int, half: int) -> tuple[str, Interval]:
    return f"{year:04d}-H{half}", ((date(year, 1, 1), date(year, 6, 30)) if half == 1
                                   else (date(year, 7, 1), date(year, 12, 31)))


def year_unit(year: int) -> tuple[str, Interval]:
    return f"{year:04d}", (date(year, 1, 1), date(year, 12, 31))


def decade_unit(decade_start: int) -> tuple[str, Interval]:
    return f"{decade_start // 10:03d}", (date(decade_start, 1, 1), date(decade_start + 9, 12, 31))


def century_unit(century_start: int) -> tuple[str, Interval]:
    """``century_start`` is e.g. 1900 for the 20th century (value "19")."""
    return f"{century_start // 100:02d}", (date(max(century_start, 1), 1, 1), date(century_start + 99, 12, 31))


def unit_containing(day: date, unit: str) -> tuple[str, Interval]:
    """The value and interval of the ``unit`` (day, week, month ...) that contains ``day``."""
    if unit == "day":
        return day_unit(day)
    if unit == "week":
        return week_unit(day)
    if unit == "weekend":
        return weekend_unit(day)
    if unit == "month":
        return month_unit(day.year, day.month)
    if unit == "quarter":
        return quarter_unit(day.year, (day.month - 1) // 3 + 1)
    if unit == "half":
        return half_unit(day.year, 1 if day.month <= 6 else 2)
    if unit == "season":
        return season_unit(*season_of(day))
    if unit == "year":
        return year_unit(day.year)
    if unit == "decade":
        return decade_unit(day.year - day.year % 10)
    if unit == "century":
        return century_unit(day.year - day.year % 100)
    raise ValueError(f"unknown unit {unit!r}")


# -- narrowing: early / mid / late, part-of-period -----------------------------

def narrow(interval: Interval, mod: str | None) -> Interval:
    """The part of ``interval`` that ``mod`` (early, mid, late, start, end) points at.

    Thirds for early/mid/late, rounded out to whole months where the interval is a
    year or longer ("late 2024" is Sep-Dec), to days otherwise.
    """
    first, last = interval
    if mod not in ("early", "mid", "late", "start", "end"):
        return interval
    days = (last - first).days + 1
    if days >= 360:  # a year or more: work in months
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        size = {"early": months // 3 + (months % 3 > 0), "mid": months // 3,
                "late": months // 3 + (months % 3 > 0), "start": max(months // 12, 1),
                "end": max(months // 12, 1)}[mod]
        if mod in ("early", "start"):
            end = add_months(date(first.year, first.month, 1), size - 1)
            return first, date(end.year, end.month, last_day(end.year, end.month))
        if mod in ("late", "end"):
            begin = add_months(date(last.year, last.month, 1), -(size - 1))
            return begin, last
        begin = add_months(date(first.year, first.month, 1), (months - size) // 2)
        end = add_months(begin, size - 1)
        return begin, date(end.year, end.month, last_day(end.year, end.month))
    if mod == "start":
        return first, first
    if mod == "end":
        return last, last
    if 28 <= days <= 31 and first.day == 1:  # a month: days 1-10, 11-20, 21-end
        return {"early": (first, first.replace(day=10)), "mid": (first.replace(day=11), first.replace(day=20)),
                "late": (first.replace(day=21), last)}[mod]
    third = days // 3
    if mod == "early":
        return first, first + timedelta(days=third - 1)
    if mod == "late":
        return last - timedelta(days=days - 2 * third - 1), last
    return first + timedelta(days=third), first + timedelta(days=2 * third - 1)


def days_from(interval: Interval, reference: date) -> int:
    """Days from ``reference`` to an interval (0 when the interval holds it)."""
    if interval[0] <= reference <= interval[1]:
        return 0
    return min(abs((interval[0] - reference).days), abs((interval[1] - reference).days))


def weekday_on_or_before(day: date, weekday: int) -> date:
    """The latest day with ISO ``weekday`` (1=Monday) on or before ``day``."""
    return day - timedelta(days=(day.isoweekday() - weekday) % 7)


def weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.isoweekday()) % 7)


def nearest_weekday(day: date, weekday: int) -> date:
    """The day with ISO ``weekday`` nearest ``day`` (three days either way, or ``day``)."""
    return day + timedelta(days=(weekday - day.isoweekday() + 3) % 7 - 3)


def nth_weekday(year: int, month: int, n: int, weekday: int) -> date:
    """The ``n``th ISO ``weekday`` of a month (n = -1: the last one)."""
    if n > 0:
        return weekday_on_or_after(date(year, month, 1), weekday) + timedelta(weeks=n - 1)
    return weekday_on_or_before(date(year, month, last_day(year, month)), weekday) + timedelta(weeks=n + 1)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday (the Julian computus, as a Gregorian date)."""
    return dateutil_easter(year, EASTER_ORTHODOX)


#: The Easter Sundays a holiday rule may count from, by the name that opens the rule.
_EASTERS = {"easter": easter, "orthodox_easter": orthodox_easter}


def holiday(rule: str, year: int) -> date:
    """The day a holiday rule ("12-25", "11/4/4", "11/4/4+1", "easter-2",
    "islamic:eid_al_fitr", "hebrew:sukkot+7") names in ``year``."""
    if ":" in rule:
        feast, sign, days = re.match(r"(.*?)(?:([+-])(\d+))?$", rule).groups()
        return lunar_holiday(feast, year) + timedelta(days=int(sign + days) if days else 0)
    for name, sunday in _EASTERS.items():
        if rule.startswith(name):   # "easter-46", "orthodox_easter-2": days from that Easter
            return sunday(year) + timedelta(days=int(rule[len(name):] or 0))
    if "/" in rule:
        rule, _, offset = rule.partition("+")
        month, n, weekday = (int(part) for part in rule.split("/"))
        return nth_weekday(year, month, n, weekday) + timedelta(days=int(offset or 0))
    month, day = (int(part) for part in rule.split("-"))
    return date(year, month, day)


#: Calendars whose feasts move against the Gregorian year, by the class of the
#: ``holidays`` package that tabulates them (announced dates where known, else estimates).
_LUNAR_CALENDARS = {"islamic": "_IslamicLunar", "hindu": "_HinduLunisolar",
                    "chinese": "_ChineseLunisolar", "hebrew": "_HebrewLunisolar"}


@lru_cache(maxsize=None)
def _lunar_calendar(name: str) -> Any:
    # Imported on first use: most texts name no such feast, and the import takes ~80 ms.
    calendars = importlib.import_module("holidays.calendars")
    return getattr(calendars, _LUNAR_CALENDARS[name])()


def _days_in(found: Any) -> list[date]:
    """The dates in what a ``holidays`` calendar returns: a date, (date, estimated),
    or a collection of either; None for none."""
    if found is None:
        return []
    if isinstance(found, date):
        return [found]
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], bool):
        return _days_in(found[0])
    return [day for item in found for day in _days_in(item)]


@lru_cache(maxsize=4096)
def lunar_holiday(rule: str, year: int) -> date:
    """The day a feast of a lunar calendar ("islamic:eid_al_fitr", "hindu:diwali",
    "hebrew:yom_kippur", "chinese:lunar_new_year") falls on in ``year``: its first day.
    ValueError when the calendar's tables do not reach that year."""
    calendar_name, _, feast = rule.partition(":")
    if calendar_name not in _LUNAR_CALENDARS:
        raise ValueError(f"unknown calendar in holiday rule {rule!r}")
    calendar = _lunar_calendar(calendar_name)
    lookup = getattr(calendar, f"{feast}_date", None) or getattr(calendar, f"{feast}_dates", None)
    if lookup is None:
        raise ValueError(f"unknown feast in holiday rule {rule!r}")
    days = sorted(day for day in _days_in(lookup(year)) if day.year == year)
    if not days:
        raise ValueError(f"no date for {rule!r} in {year}")
    return days[0]
