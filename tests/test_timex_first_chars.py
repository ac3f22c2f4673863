"""The scanner joins only the rules whose match can begin at a start: the first
characters of a pattern must be exact, or a rule would be skipped where it matches."""
from __future__ import annotations

import re

import pytest

from extract.timex.engine import engine_for
from extract.timex.first_chars import first_chars


@pytest.mark.parametrize("pattern, expected", [
    ("abc", {"a"}),
    ("(?:the )?[0-9]+ days", {"t", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}),
    ("(?<![a-z])(?:about|around) noon|q[1-4]", {"a", "q"}),
    (r"(?=x)\d", set("0123456789")),
    ("(?:a|b)?c", {"a", "b", "c"}),
])
def test_first_chars_of_a_pattern(pattern, expected):
    assert first_chars(pattern) == frozenset(expected)


@pytest.mark.parametrize("pattern", [".x", "[^a]b", "(?:a)?", "x*"])
def test_first_chars_unknown_is_any(pattern):
    assert first_chars(pattern) is None


def test_every_rule_match_begins_with_one_of_its_first_chars():
    """Each rule, matched on its own over sample text, starts where first_chars says."""
    grammar = engine_for("en").grammar
    text = ("on Saturday 23 March, at 0800 GMT on Tuesday, about 10 a.m. (0735 GMT) Friday, "
            "the 1992-95 war, FY2012, H1 2013, Q3, the last week of March, the day before "
            "Christmas, twice a week, every Friday night, 15.04.2013, the fourth quarter of "
            "last year, the same month last year, more than two thousand years").lower()
    for rule in grammar.rules:
        allowed = first_chars(grammar.alternatives[rule.index])
        if allowed is None:
            continue
        pattern = re.compile(grammar.alternatives[rule.index])
        for start in range(len(text)):
            match = pattern.match(text, start)
            if match is not None and match.end() > match.start():
                assert text[start] in allowed, (rule.name, text[start:match.end()])


def test_words_with_mostly_the_same_rules_share_one_set():
    """Sets that share at least half their rules are merged (fewer patterns to compile);
    a set unlike the others keeps its own."""
    from extract.timex.scan import _merge_similar
    merged = _merge_similar({"day": frozenset({1, 2, 3, 4}), "week": frozenset({1, 2, 3, 5}),
                             "may": frozenset({9})})
    assert merged == {"day": frozenset({1, 2, 3, 4, 5}), "week": frozenset({1, 2, 3, 4, 5}),
                      "may": frozenset({9})}


def test_a_start_no_rule_can_begin_with_is_not_tried():
    """Before a number, "$" starts no rule and is skipped; "'" can start a decade."""
    scanner = engine_for("en").scanner
    tried = scanner._pattern_at(scanner.digit_set, "other")
    assert "$" not in tried.can_begin and "'" in tried.can_begin
    found = scanner.candidates("In the '90s it cost $27, and 1998 was worse.")
    assert [(c.rule.name, c.start, c.end) for c in found] == [
        ("decade", 3, 11), ("year", 29, 33)]
