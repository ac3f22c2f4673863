"""Figures in a sentence: "approximately 11,000 soldiers", "up to 12, 000", "$27 million".

Events carry the figures their claims give, and analysts compare them across sources
(11,000 vs 12,000 troops), so a figure is kept as written (``Quantity.text``) and as
understood (value, qualifier, counted noun). Numbers that are not counts are left out:
years and days ("in 1950", "January 24, 2025"), model names ("KN-23"), labels
("Resolution 2397"), ordinals ("first", "47th"), times, compounds ("a 12-year-old",
"a 1,000-strong unit") and durations ("four months", which belong to the
time-expression engine). The English words are data, in
``resources/quantities.toml``.

Decisions:
- "12, 000" (a space after the thousands comma: real noise) is 12000 only when the group
  after ", " is exactly three digits not followed by another digit, the first group has
  one to three digits, and the figure does not follow a month name ("March 5, 300 troops"
  is a day, then 300).
- "about 4, 000 of the up to 12, 000 soldiers" gives two quantities, in text order: 4000
  (approx, part_of 12000, unit "soldiers", text the whole phrase) and 12000 (up_to,
  "soldiers"): the whole is a figure the article states in its own right.
- Vague plurals ("hundreds of", "dozens of") give the least the words can mean (200, 24)
  with qualifier "at_least"; the words stay in ``text``.
- Number words ("two") count only with a counted noun or unit after them ("two North
  Korean soldiers"); "one of", "four months" are not figures. Digit figures are kept
  without a unit ("at least 30"), except a bare four-digit 1000-2100, which is a year.
- Money is unit "USD", "EUR" ...; percentages are unit "%".
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from extract.model import Quantity
from extract.pattern_guard import guarded

QUANTITIES_FILE = Path(__file__).with_name("resources") / "quantities.toml"
MAX_MODIFIERS = 5  # words allowed between a figure and its counted noun

_DIGITS = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:, ?\d{3}(?![\d]))+(?:\.\d+)?|\d+(?:\.\d+)?)")
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
_OF = re.compile(r"\s+of(?:\s+(?:the|these|those|its|their|them|all|some))?\s+", re.I)
_PART_GAP = re.compile(r"\s+of(?:\s+(?:the|these|those|its|their))?\s+\Z", re.I)
# The small patterns of the checks below, compiled once.
_SPACE = re.compile(r"\s+")
_MAYBE_SPACE = re.compile(r"\s*")
_LABEL_AFTER = re.compile(r"[:.]\d|-[A-Za-z]")
_CLOCK_AFTER = re.compile(r"\s*[ap]\.?m\b", re.I)
_WORD_BEFORE = re.compile(r"(\S+)\s+\Z")
_NAME_BEFORE = re.compile(r"([A-Z][a-z]+)\.?,?\s+\Z")
_NAME_AFTER = re.compile(r"\s+(?:of\s+)?([A-Z][a-z]+)\b")


class QuantitySpan(NamedTuple):
    """A figure with its offsets (``start``, ``end``) in the text the caller gave."""

    start: int
    end: int
    quantity: Quantity


@dataclass(frozen=True, slots=True)
class _Figure:
    """A figure being built: offsets in the sentence and the fields of a Quantity."""

    start: int          # qualifier or currency sign included
    number_end: int     # after the number and its scale word
    end: int            # after the unit or counted noun, if any
    value: float
    qualifier: str | None = None
    unit: str | None = None
    part_of: float | None = None
    needs_unit: bool = False


@dataclass(frozen=True)
class Lexicon:
    """The language data of ``quantities.toml``, with the patterns built from it."""

    data: dict[str, Any]
    qualifier_before: re.Pattern[str]
    currency_before: re.Pattern[str]
    scale_after: re.Pattern[str]
    unit_after: re.Pattern[str]
    currency_after: re.Pattern[str]
    number_words: re.Pattern[str]
    vague: re.Pattern[str]


def _alternation(words: Any) -> str:
    """A regex alternation of ``words``, longest first so "more than" beats "more"."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@cache
def lexicon(path: Path = QUANTITIES_FILE) -> Lexicon:
    """Read the data file once and build the patterns from it."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    data["lists"] = {name: frozenset(words) for name, words in data["lists"].items()}
    data["lists"]["counted_nouns"] |= data["lists"]["people_under_arms"]
    words = list(data["number_words"]) + [w for w in data["scales"] if len(w) > 2]
    word = rf"(?:{_alternation(words)})"
    return Lexicon(
        data=data,
        qualifier_before=re.compile(rf"(?<![\w.])({_alternation(data['qualifiers'])})\s+\Z", re.I),
        currency_before=re.compile(rf"({_alternation(data['currency_signs'])}) ?\Z"),
        scale_after=re.compile(rf"\s+({_alternation(data['scales'])})\b", re.I),
        unit_after=re.compile(rf"\s*(%)|\s+({_alternation(data['units'])})(?![\w])", re.I),
        currency_after=re.compile(rf"\s+({_alternation(data['currency_words'])})\b", re.I),
        # Many words, scanned a sentence at a time: behind a guard on their first letters.
        number_words=guarded(rf"\b(?:a\s+)?{word}(?:(?:\s+and\s+|\s+|-){word})*\b", re.I),
        vague=re.compile(rf"\b({_alternation(data['vague'])})\b", re.I),
    )


def find_quantities(sentence: str, offset: int = 0) -> list[Quantity]:
    """The figures of ``sentence``, in text order. ``offset`` (where the sentence starts
    in its article) only moves the offsets of ``find_quantity_spans``."""
    return [span.quantity for span in find_quantity_spans(sentence, offset)]


def find_quantity_spans(sentence: str, offset: int = 0) -> list[QuantitySpan]:
    """The figures of ``sentence`` with their offsets, plus ``offset``, in text order."""
    lex = lexicon()
    figures = (_digit_figures(sentence, lex) + _word_figures(sentence, lex)
               + _vague_figures(sentence, lex))
    figures = _link_parts(sentence, _without_overlaps(figures))
    return [QuantitySpan(f.start + offset, f.end + offset,
                         Quantity(sentence[f.start:f.end], f.value, f.qualifier, f.unit, f.part_of))
            for f in figures if f.unit is not None or not f.needs_unit]


def _digit_figures(sentence: str, lex: Lexicon) -> list[_Figure]:
    """Figures written with digits: "12, 000", "1.5 million", "$27 million", "5%"."""
    figures, position = [], 0
    while match := _DIGITS.search(sentence, position):
        start, end = match.span()
        digits = match.group()
        if ", " in digits and _month_before(sentence, start, lex):
            end = start + digits.index(",")  # "March 5, 300": a day, then a figure
            digits = sentence[start:end]
        position = end
        figure = _digit_figure(sentence, start, end, digits, lex)
        if figure is not None:
            figures.append(figure)
    return figures


def _digit_figure(sentence: str, start: int, end: int, digits: str, lex: Lexicon) -> _Figure | None:
    """One digit figure, or None when the digits are a label, a date or a time."""
    data = lex.data
    if _is_label(sentence, start, end, lex) or (digits[0] == "0" and digits[1:2].isdigit()):
        return None
    value = float(digits.replace(",", "").replace(" ", ""))
    sign = lex.currency_before.search(sentence, 0, start)
    unit = data["currency_signs"][sign.group(1)] if sign else None
    glued = re.match(r"[A-Za-z%]+\d?", sentence[end:])
    if glued:
        suffix = glued.group()
        if unit and suffix.lower() in data["glued_scales"]:
            value *= data["glued_scales"][suffix.lower()]
        elif suffix.lower() in data["lists"]["glued_units"]:
            unit = data["units"].get(suffix.lower(), suffix)
        else:
            return None  # "47th", "5G", "155mm"
        end += len(suffix)
    elif scale := lex.scale_after.match(sentence, end):
        value *= data["scales"][scale.group(1).lower()]
        end = scale.end()
    figure = _complete(sentence, sign.start() if sign else start, end, value, lex, unit)
    if figure is None:
        return None
    is_year = re.fullmatch(r"\d{4}", digits) and 1000 <= value <= 2100
    if is_year and figure.unit is None and _OF.match(sentence, end) is None:
        return None
    return figure


def _word_figures(sentence: str, lex: Lexicon) -> list[_Figure]:
    """Figures in words ("two", "twenty-five thousand"); kept only with a unit."""
    figures = []
    for match in lex.number_words.finditer(sentence):
        value = _word_value(match.group(), lex.data)
        if value is None:
            continue
        figure = _complete(sentence, match.start(), match.end(), value, lex, None)
        if figure is not None:
            figures.append(replace(figure, needs_unit=True))
    return figures


def _word_value(words: str, data: dict[str, Any]) -> float | None:
    """The value of number words: "two hundred and fifty thousand" -> 250000."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if tokens[0] == "a":
        tokens = tokens[1:]
        if not tokens or tokens[0] not in data["scales"] and tokens[0] != "dozen":
            return None
        tokens = ["one"] + tokens
    total, current = 0.0, 0.0
    for token in tokens:
        if token in data["number_words"]:
            number = data["number_words"][token]
            current = current * number if token == "dozen" and current else current + number
        elif token == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * data["scales"][token]
            current = 0.0
    return total + current


def _vague_figures(sentence: str, lex: Lexicon) -> list[_Figure]:
    """"hundreds of soldiers": the least the words can mean, at_least."""
    figures = []
    for match in lex.vague.finditer(sentence):
        value = lex.data["vague"][re.sub(r"\s+", " ", match.group(1).lower())]
        unit, end, is_duration = _counted_noun(sentence, match.end(), lex, spaced=False)
        if not is_duration:
            figures.append(_Figure(match.start(), match.end(), end, float(value), "at_least", unit))
    return figures


def _complete(sentence: str, start: int, end: int, value: float, lex: Lexicon,
              unit: str | None) -> _Figure | None:
    """Add the qualifier before and the unit after a number; None for a duration, a
    day or a label."""
    if _month_before(sentence, start, lex) or _month_after(sentence, end, lex):
        return None
    qualifier = None
    if found := lex.qualifier_before.search(sentence, 0, start):
        qualifier = lex.data["qualifiers"][re.sub(r"\s+", " ", found.group(1).lower())]
        start = found.start()
    unit_end = end
    if unit is None:
        unit, unit_end, is_duration = _unit_after(sentence, end, lex)
        if is_duration:
            return None
    return _Figure(start, end, unit_end, value, qualifier, unit)


def _unit_after(sentence: str, end: int, lex: Lexicon) -> tuple[str | None, int, bool]:
    """The unit after a number, where it ends, and whether it makes a duration."""
    data = lex.data
    if found := lex.unit_after.match(sentence, end):
        written = (found.group(1) or found.group(2)).lower()
        return data["units"][re.sub(r"\s+", " ", written)], found.end(), False
    if found := lex.currency_after.match(sentence, end):
        currency = data["currency_words"][re.sub(r"\s+", " ", found.group(1).lower())]
        return currency, found.end(), False
    if of := _OF.match(sentence, end):
        unit, unit_end, _ = _counted_noun(sentence, of.end(), lex, spaced=False)
        return (unit, unit_end, False) if unit else (None, end, False)
    return _counted_noun(sentence, end, lex, spaced=True)


def _counted_noun(sentence: str, end: int, lex: Lexicon,
                  spaced: bool) -> tuple[str | None, int, bool]:
    """The counted noun after optional modifiers ("North Korean soldiers", "wounded
    soldiers", "missile launchers": the last noun of the run), where it ends, and
    whether the first word is a duration ("four months")."""
    data = lex.data
    nouns, modifiers = data["lists"]["counted_nouns"], data["lists"]["modifiers"]
    unit, unit_end, position = None, end, end
    for index in range(MAX_MODIFIERS):
        gap = (_SPACE if spaced or index else _MAYBE_SPACE).match(sentence, position)
        word = _WORD.match(sentence, gap.end()) if gap else None
        if word is None:
            break
        text = word.group().rstrip(".’'")
        lower = text.lower()
        if index == 0 and lower in data["lists"]["durations"]:
            return None, end, True
        modifier = lower in modifiers or text[0].isupper() or "-" in text.strip("-")
        if unit is not None and modifier:
            break  # "3,000 soldiers killed": the noun is found, "killed" says what happened
        if lower in nouns:
            unit, unit_end = lower, word.start() + len(text)
        elif not modifier:
            break
        position = word.start() + len(text)
    return unit, unit_end, False


def _link_parts(sentence: str, figures: list[_Figure]) -> list[_Figure]:
    """"4,000 of the 12,000 soldiers": the part gets the whole's value and unit."""
    linked = list(figures)
    for index in range(len(linked) - 1):
        part, whole = linked[index], linked[index + 1]
        gap = _PART_GAP.fullmatch(sentence, part.number_end, whole.start)
        if part.end == part.number_end and gap:
            linked[index] = replace(part, end=whole.end, part_of=whole.value,
                                    unit=part.unit or whole.unit)
    return linked


def _without_overlaps(figures: list[_Figure]) -> list[_Figure]:
    """Figures in text order; of two that overlap, the earlier (then longer) one stays."""
    kept: list[_Figure] = []
    for figure in sorted(figures, key=lambda f: (f.start, -f.end)):
        if not kept or figure.start >= kept[-1].number_end:
            kept.append(figure)
    return kept


def _is_label(sentence: str, start: int, end: int, lex: Lexicon) -> bool:
    """Digits that name rather than count: "KN-23", "F16", "Resolution 2397", "10:30"."""
    before = sentence[start - 1] if start else ""
    if before.isalpha() or before == ":" and sentence[start - 2:start - 1].isdigit():
        return True
    if before in "-‐–" and start > 1 and sentence[start - 2].isalnum():
        return True
    after = sentence[end:end + 2]
    if _LABEL_AFTER.match(after):
        return True  # "10:30", "a 12-year-old"
    if _CLOCK_AFTER.match(sentence[end:end + 6]):
        return True  # "5 p.m."
    previous = _WORD_BEFORE.search(sentence[max(0, start - 40):start])
    return previous is not None and previous.group(1) in lex.data["lists"]["references"]


def _month_before(sentence: str, start: int, lex: Lexicon) -> bool:
    """Whether a month name comes just before ``start`` ("January 24"). Months are
    capitalised, which keeps "4,000 may have died" a figure."""
    previous = _NAME_BEFORE.search(sentence[max(0, start - 20):start])
    return previous is not None and previous.group(1).lower() in lex.data["lists"]["months"]


def _month_after(sentence: str, end: int, lex: Lexicon) -> bool:
    """Whether a month name comes just after ``end`` ("24 January", "the 5th of May")."""
    following = _NAME_AFTER.match(sentence[end:end + 20])
    return following is not None and following.group(1).lower() in lex.data["lists"]["months"]
