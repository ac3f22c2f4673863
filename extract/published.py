"""Reading an article's publication date from its metadata, its dateline or its URL.

Every time expression in an article is resolved against this date, so a wrong one moves
the whole article: nothing here guesses, and nothing falls back to today. The shapes of
datelines and dated URLs are data (the tables below); adding a shape is adding a line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

# --- datelines: "SEOUL, Jan. 24 (UPI) —" at the very start of the text ------------------
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"(?P<month_day>{_MONTH} \d{{1,2}})(?:,? (?P<year>\d{{4}}))?"
_PLACE = r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*(?:, [A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+)*)?"
_AGENCY = r"\([A-Z][A-Za-z.&' \-]{0,30}\)"
_DASH = r" ?(?:—|–|--?)(?:\s|$)"

DATELINES: tuple[re.Pattern[str], ...] = tuple(re.compile(r"\s*" + p) for p in (
    rf"{_PLACE}, {_DATE}(?: {_AGENCY})?{_DASH}",   # SEOUL, Jan. 24 (UPI) —
    rf"{_PLACE} {_AGENCY},? {_DATE}{_DASH}",       # WASHINGTON (Reuters) Jan 24, 2025 -
    rf"{_DATE}{_DASH}",                            # January 24, 2025 —
))

# --- dated URLs: /2025/01/24/, /2025-01-24/, 20250124 --------------------------------------
_YEAR = r"(?P<year>(?:19|20)\d\d)"
URL_DATES: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p in (
    rf"/{_YEAR}/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)(?!\d)",
    rf"(?<!\d){_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)",
    rf"(?<!\d){_YEAR}(?P<month>[01]\d)(?P<day>[0-3]\d)(?!\d)",
))

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_STRICT = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
           "DATE_ORDER": "MDY", "RETURN_AS_TIMEZONE_AWARE": False}


def parse_published(value: object) -> date | datetime:
    """A publication date given in metadata: a date, or an ISO 8601 string for a day
    (``2025-01-24``) or a moment. A moment keeps its zone; without a zone only its day
    is kept, since a clock time in an unknown zone cannot be placed. Raises ValueError
    with a message fit for the user."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        if _ISO_DAY.match(text):
            raise ValueError(f"{text!r} is not a real date") from None
        raise ValueError(f"{text!r} is not a date in the form YYYY-MM-DD") from None
    if len(text) == 10:
        return moment.date()
    return moment if moment.tzinfo else moment.date()


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at the start of a text; ``year`` is None when it gives none."""

    text: str
    month_day: str
    year: int | None

    def resolve(self, reference: date | None) -> date | None:
        """The dateline's day. A year-less dateline takes the year that puts it nearest
        to ``reference`` (so "Dec. 31" near 2025-01-02 is 2024-12-31), and gives None
        without one. Raises ValueError for a day that does not exist."""
        if self.year is not None:
            day = _parse_day(self.month_day, self.year)
            if day is None:
                raise ValueError(f"its dateline {self.text!r} gives a date that does not exist")
            return day
        if reference is None:
            return None
        candidates = [d for y in (reference.year - 1, reference.year, reference.year + 1)
                      if (d := _parse_day(self.month_day, y)) is not None]
        if not candidates:
            raise ValueError(f"its dateline {self.text!r} gives a date that does not exist")
        return min(candidates, key=lambda d: abs((d - reference).days))


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text``, if it has one."""
    for pattern in DATELINES:
        match = pattern.match(text)
        if match:
            year = match.group("year")
            return Dateline(match.group(0).strip(), match.group("month_day"),
                            int(year) if year else None)
    return None


def date_in_url(url: str | None) -> date | None:
    """The first real date written into ``url``'s path, if any."""
    if not url:
        return None
    for pattern in URL_DATES:
        for match in pattern.finditer(url):
            try:
                return date(int(match["year"]), int(match["month"]), int(match["day"]))
            except ValueError:
                continue
    return None


def _parse_day(month_day: str, year: int) -> date | None:
    """Parse an English "Jan. 24" in ``year`` with dateparser, strictly: None when the
    day does not exist ("Feb. 30")."""
    import dateparser  # slow to import; only datelines need it

    parsed = dateparser.parse(f"{month_day}, {year}", languages=["en"], settings=_STRICT)
    return parsed.date() if parsed else None
