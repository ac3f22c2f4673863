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


_NUMBERS = ("on 10:30 a.m. Friday it cost $27, 12,000 troops, 1.27 billion, in the '90s, "
            "1998-03-01, 15.04.2013, FY2012, 3 days ago, 984 square km, at 0800 GMT, 2.5 years").lower()


def test_a_digit_rules_gate_says_no_exactly_where_its_pattern_does():
    """The gate (the digit rules' pattern without its named groups) is tried first; where
    it finds nothing the full pattern is never tried, so both must agree at every start."""
    scanner = engine_for("en").scanner
    for start_class in ("digit", "other"):
        tried = scanner._pattern_at(scanner.digit_set, start_class)
        assert tried.gate is not None and tried.gate.groups == 0 and tried.pattern.groups > 0
        for start in range(len(_NUMBERS)):
            gate, full = tried.gate.match(_NUMBERS, start), tried.pattern.match(_NUMBERS, start)
            assert (gate and gate.span()) == (full and full.span()), _NUMBERS[start:start + 20]


@pytest.mark.parametrize("text, word, expected", [
    ("it cost $1.27 billion", "27", [8, 9]),      # not at "27": at the number's start
    ("12,000 troops", "000", [0]),
    ("at 10:30 a.m.", "30", []),                  # "10" was tried as an anchor of its own
    ("it cost $27", "27", [8]),                   # an amount: only the sign, where no rule begins
    ("about 27 days", "27", [0, 6]),              # a count: itself, and "about" before it
    ("in the '90s", "90", [0, 3, 7, 8]),          # "in", "the", the apostrophe, the digits
])
def test_no_search_starts_inside_a_number_or_an_amount(text, word, expected):
    """A search at the digits of "$27" or the "000" of "12,000" finds nothing ever, and
    was half of all tried at digits in TimeBank."""
    scanner = engine_for("en").scanner
    words = re.findall(r"[a-z]+|[0-9]+", text)
    starts = [m.start() for m in re.finditer(r"[a-z]+|[0-9]+", text)]
    assert scanner._starts(text, words, starts, words.index(word), 0) == expected


def test_the_tense_is_read_only_when_a_resolver_needs_it():
    """Reading a sentence's verbs is the dearest step after the scan: a date with its year
    never asks, a bare weekday asks once."""
    from datetime import date

    from extract.timex import engine as engine_module

    calls: list[str] = []
    real = engine_module.tense_at

    def counting(cues, low, start, end, text=None):
        calls.append(low[start:end])
        return real(cues, low, start, end, text)

    engine_module.tense_at = counting
    try:
        spans = engine_for("en").find("The deal was signed on March 5, 1998 and ratified Friday.",
                                      date(1998, 3, 11))
    finally:
        engine_module.tense_at = real
    assert [(s.text, s.value) for s in spans] == [("March 5, 1998", "1998-03-05"), ("Friday", "1998-03-06")]
    assert calls == ["friday"]


def test_no_rule_hides_a_longer_match_of_another_at_the_same_start(monkeypatch):
    """A joined pattern returns its first alternative that matches, so an earlier rule
    ("the day") can hide a longer later one ("the day before Christmas") when both
    land in one set. Over every sentence of the family tables, the scanner finds what
    trying each of its rules alone, longest match first, finds."""
    import test_timex_families as tables

    from extract.timex import scan
    scanner = engine_for("en").scanner
    grammar = scanner.grammar
    alone = {}

    def rule_alone(index: int) -> re.Pattern[str]:
        if index not in alone:
            alone[index] = re.compile(grammar.joined(frozenset([index])))
        return alone[index]

    def each_rule_alone(low, rule_sets, starts, anchor_start, _matched):
        best = None
        for start in starts:
            for index in sorted(set().union(*rule_sets)):
                match = rule_alone(index).match(low, start)
                if match is None or match.end() <= anchor_start:
                    continue
                if best is None or match.end() > best.end() or (
                        match.end() == best.end() and match.start() == best.start()
                        and scan._rule_order(match) < scan._rule_order(best)):
                    best = match
        return best

    rows = tables.ROWS + tables.NEGATIVE_ROWS + tables.MOD_ROWS + tables.ANCHOR_ROWS + tables.RANGE_ROWS
    sentences = sorted({(row.values if hasattr(row, "values") else row)[0] for row in rows})
    found = {sentence: [(c.rule.name, c.start, c.end) for c in scanner.candidates(sentence)]
             for sentence in sentences}
    monkeypatch.setattr(scanner, "_best_match", each_rule_alone)
    hidden = {sentence: (found[sentence], expected) for sentence in sentences
              if (expected := [(c.rule.name, c.start, c.end) for c in scanner.candidates(sentence)])
              != found[sentence]}
    assert len(sentences) > 700 and not hidden, hidden
