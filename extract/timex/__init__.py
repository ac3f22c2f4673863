"""Time expressions: find every DATE, TIME, DURATION and SET in a text and resolve it
against a reference date into a TIMEX3 value and a calendar interval.

Knows nothing of events; could be published alone.

    >>> from datetime import date
    >>> [s.value for s in find_timexes("Ukraine said on Wednesday.", date(2025, 1, 24))]
    ['2025-01-22']
"""
from .engine import find_timexes
from .span import TimeSpan

__all__ = ["find_timexes", "TimeSpan"]
