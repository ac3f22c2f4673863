"""Resolvers read phrases inside an expression through the language's tables, never
through words written in the code: the lookups must find whole words only, prefer the
longer phrase, and say nothing when the language has no such phrase."""
from __future__ import annotations

import pytest

from extract.timex.grammar import Grammar, load_grammar


def _grammar(**words: dict) -> Grammar:
    return Grammar(language="xx", words=words, tense={}, rules=[],
                   filters={"day_after": r"^\s+on\s+([a-z]+)"})


@pytest.mark.parametrize("text, expected", [
    ("the year-ago quarter", "back"),      # a phrase inside the expression
    ("The  Year Ago   quarter", "back"),   # case and spacing do not matter
    ("the two-year agony", None),          # whole words only: "agony" is not "ago"
    ("a midyear ago", None),               # ... nor "midyear" "year"
    ("by year-end", "close"),              # a phrase that begins with "-" needs no word start
    ("the weekend", None),
])
def test_phrase_in_finds_whole_words(text, expected):
    grammar = _grammar(cue={"year ago": "back", "year-ago": "back", "-end": "close"})
    assert grammar.phrase_in("cue", text) == expected


def test_phrase_in_takes_the_first_phrase_written():
    grammar = _grammar(step={"following": 1, "previous": -1})
    assert grammar.phrase_in("step", "the previous and the following") == -1


@pytest.mark.parametrize("text, expected", [
    ("mid-2024", "mid"),
    ("the end of May", "end"),      # the longer phrase wins over "the"
    ("the May", "article"),
    ("in the end", None),           # only at the start
])
def test_phrase_opening_takes_the_longest_prefix(text, expected):
    grammar = _grammar(edge={"mid": "mid", "the end of": "end", "the": "article"})
    assert grammar.phrase_opening("edge", text) == expected


@pytest.mark.parametrize("text, expected", [
    ("prices rose throughout ", 1),
    ("prices rose  over", 2),
    ("the makeover", None),          # a whole word only
    ("over the", None),              # only at the end
])
def test_phrase_closing_takes_a_final_whole_word(text, expected):
    grammar = _grammar(before={"throughout": 1, "over": 2})
    assert grammar.phrase_closing("before", text) == expected


def test_filter_pattern_is_compiled_once_and_absent_is_none():
    grammar = _grammar()
    pattern = grammar.filter_pattern("day_after")
    assert pattern is grammar.filter_pattern("day_after")
    assert pattern.match(" on friday").group(1) == "friday"
    assert grammar.filter_pattern("no_such_key") is None


def test_english_tables_the_resolvers_read_are_all_present():
    """Every table a resolver reads by name is in the English data."""
    words = load_grammar("en").words
    for table in ("mod_opening", "period_edge", "books_closing", "part_of_current", "year_named",
                  "year_anaphor", "year_back", "latest_period", "period_word", "half_ordinal",
                  "season_shift", "weekday_shift", "weekday_offset", "anaphoric_step",
                  "mentioned_opening", "stretch_opening", "back_opening", "previous_whole",
                  "first_part", "length_preposition", "span_preposition", "clock_word", "meridiem",
                  "deictic_part", "and_a_half", "every_other", "number_filler", "midnight_side"):
        assert words.get(table), table


def test_lunar_feasts_come_from_the_holidays_tables_and_fail_clearly_outside_them():
    from datetime import date

    from extract.timex import calendar as cal
    assert cal.holiday("islamic:eid_al_adha", 2024) == date(2024, 6, 16)
    assert cal.holiday("hebrew:hanukkah", 2023) == date(2023, 12, 8)   # one of two in the Hebrew years
    assert cal.holiday("hindu:diwali_india", 2025) == date(2025, 10, 20)
    assert cal.holiday("chinese:lunar_new_year", 1990) == date(1990, 1, 27)
    with pytest.raises(ValueError, match="no date"):
        cal.holiday("chinese:lunar_new_year", 2150)
    with pytest.raises(ValueError, match="unknown calendar"):
        cal.holiday("mayan:tzolkin", 2024)
    with pytest.raises(ValueError, match="unknown feast"):
        cal.holiday("islamic:no_such_feast", 2024)
