"""Find candidate time expressions quickly.

Trying every rule at every word is slow in Python's regex engine, so the scan is
anchored: only words that can carry a time expression (a month, a weekday, a
unit, a digit ...) start a search, and only the rules that mention such a word
are tried, at the few word starts just before it. The rule tables decide what
an anchor is; nothing here knows English.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .first_chars import first_chars
from .grammar import Grammar, Rule
from .pattern_cache import compile_cached

#: Tables whose words anchor a search. Counting words, "the", "last", "early" ...
#: only ever precede an anchor, so they are looked back over instead.
ANCHOR_TABLES = ("month", "weekday", "weekday_plural", "part_of_day_plural", "season", "unit", "period",
                 "part_of_day", "deictic_day", "reference", "reference_adjective", "set_adverb", "decade_word",
                 "holiday")
_TOKEN = re.compile(r"[a-z]+|[0-9]+")
_match_start = re.Match.start
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# What the rules are matched on: lower case, and a line break made a character no rule
# reads as a space, so no expression runs from one line into the next ("at 6:07 a.m." /
# "Monday – Russia fires ..." in a chronology, a dateline, a list).
_SCAN = {**_ASCII_LOWER, ord("\n"): "\x00"}
_LOOK_BACK = 6     # words before an anchor where an expression may start
_LOOK_AHEAD = 4    # anchors this many words ahead add their rules ("the past three months")
_DIGIT_START, _OTHER_START = "digit", "other"   # the classes of start that get their own patterns
_JOINERS = frozenset(" \t\n-'.,/")
# No expression begins at a number's later digits ("1.27", "12,000", the "30" of "10:30")
# or at an amount's ("$27", "£4.5 million"): the scan starts no search there.
_NUMBER_INSIDE = frozenset(".,:")
_CURRENCY_SIGNS = frozenset("$£€¥")
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


@dataclass(frozen=True, slots=True)
class _Tried:
    """Rules joined into one pattern, and the characters a match of any can begin with.
    ``gate`` is the same pattern without its named groups, tried first where a match is
    rare (None: none)."""

    pattern: re.Pattern[str]
    can_begin: frozenset[str] | None
    gate: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A rule's match: where it is and what its groups captured (names unprefixed)."""

    rule: Rule
    start: int
    end: int
    groups: dict[str, str]


def _rule_order(match: re.Match[str]) -> int:
    """Position of the matching rule in the language data: earlier rules win ties."""
    return int(match.lastgroup[1:])  # type: ignore[index]


def _without_names(source: str) -> str:
    """A joined pattern with its named groups made plain groups: it matches the same
    text (no rule refers back to a group) a third faster, for a quick "no"."""
    return _NAMED_GROUP.sub("(?:", source)


def _no_start_at(low: str, start: int) -> bool:
    """Whether the digits at ``start`` go on a number or an amount (see _NUMBER_INSIDE)."""
    before = low[start - 1]
    return before in _CURRENCY_SIGNS or (before in _NUMBER_INSIDE and start > 1 and low[start - 2].isdigit())


def lower_ascii(text: str) -> str:
    """Lower-case A-Z only, so every offset in the result is an offset in ``text``."""
    return text.translate(_ASCII_LOWER)


_SIMILAR = 0.5   # sets sharing this share of their rules are tried as one


def _merge_similar(sets: dict[str, frozenset[int]]) -> dict[str, frozenset[int]]:
    """Words whose rule sets mostly overlap ("day", "week", "month" all bring the duration
    and "ago" rules) share one set, their union: each distinct set is compiled into a
    pattern of its own, and the same big rules compiled over and over cost most of the
    start-up. A few more rules tried at a word costs little."""
    clusters: list[set[int]] = []
    home: dict[frozenset[int], int] = {}
    for ids in sorted(set(sets.values()), key=len, reverse=True):
        for index, union in enumerate(clusters):
            if len(ids & union) >= _SIMILAR * len(ids | union):
                union |= ids
                home[ids] = index
                break
        else:
            home[ids] = len(clusters)
            clusters.append(set(ids))
    frozen = [frozenset(union) for union in clusters]
    return {word: frozen[home[ids]] for word, ids in sets.items()}


class Scanner:
    """Anchored scanning of a text with one grammar."""

    def __init__(self, grammar: Grammar, pattern_cache: Path | None = None) -> None:
        self.grammar = grammar
        self.pattern_cache = pattern_cache
        self.anchor_rules: dict[str, frozenset[int]] = {}
        self.digit_rules: frozenset[int] = frozenset()
        self.prefix_words: frozenset[str] = frozenset()
        self._index()

    def _index(self) -> None:
        words = self.grammar.words
        anchors: dict[str, set[int]] = {}
        digit_rules: set[int] = set()
        prefix: set[str] = set()
        for table in words.values():
            for key in table:
                prefix.update(_TOKEN.findall(key))
        anchor_words = {token for table in ANCHOR_TABLES for key in words[table]
                        for token in _TOKEN.findall(key)[-1:]}
        for rule in self.grammar.rules:
            for table in set(rule.group_tables.values()) & set(ANCHOR_TABLES):
                for key in words[table]:
                    tokens = _TOKEN.findall(key)
                    if tokens:
                        anchors.setdefault(tokens[-1], set()).add(rule.index)
            for word in rule.anchors:
                anchors.setdefault(word, set()).add(rule.index)
            for word in set(rule.literal_words) & anchor_words:
                anchors.setdefault(word, set()).add(rule.index)
            if rule.uses_digits:
                digit_rules.add(rule.index)
            prefix.update(rule.literal_words)
        self.prefix_words = frozenset(prefix)
        # One pattern per distinct rule set, shared by many words.
        self.anchor_sets = _merge_similar({word: frozenset(ids) for word, ids in anchors.items()})
        self.digit_set = frozenset(digit_rules)
        # At a start only the rules whose match can begin with its character are joined
        # and tried (see first_chars). Two classes of start halve the work and keep
        # compiling cheap: a digit ("10 a.m.", "1998"), or anything else ("about 10 a.m.").
        firsts = {rule.index: first_chars(self.grammar.alternatives[rule.index]) for rule in self.grammar.rules}
        self._first_chars = firsts
        digits = frozenset("0123456789")
        self._rules_from = {
            _DIGIT_START: frozenset(i for i, chars in firsts.items() if chars is None or chars & digits),
            _OTHER_START: frozenset(i for i, chars in firsts.items() if chars is None or chars - digits)}
        self._at: dict[tuple[frozenset[int], str], _Tried | None] = {}
        self._cuts: dict[str, re.Pattern[str]] = {}
        self._gates: dict[frozenset[int], re.Pattern[str]] = {}
        self._compiled = self._compile_all()

    def _compile_all(self) -> dict[frozenset[int], re.Pattern[str]]:
        """Every rule set's pattern, for each class of start, and the digit rules' gates.
        Compiling them takes half a second, so with a cache path they are
        compiled once and then read back."""
        subsets = {ids & rules_from for ids in {*self.anchor_sets.values(), self.digit_set}
                   for rules_from in self._rules_from.values()} - {frozenset()}
        ordered = sorted(subsets, key=sorted)
        sources = [self.grammar.joined(ids) for ids in ordered]
        # Most numbers are no time ("$1.27 billion", "54 cents"): the digit rules' patterns
        # get gates. Words mostly are ("last week"), so theirs would only cost.
        gated = sorted({self.digit_set & rules_from for rules_from in self._rules_from.values()} - {frozenset()},
                       key=sorted)
        gate_sources = [_without_names(self.grammar.joined(ids)) for ids in gated]
        if self.pattern_cache is None:
            patterns = [re.compile(source) for source in sources + gate_sources]
        else:
            patterns = compile_cached(sources + gate_sources, self.pattern_cache)
        self._gates = {ids: gate for ids, gate in zip(gated, patterns[len(sources):]) if gate.groups == 0}
        return dict(zip(ordered, patterns))

    def _pattern_at(self, ids: frozenset[int], start_class: str) -> _Tried | None:
        """The rules of ``ids`` that can begin at a start of that class, as one pattern,
        with the characters any of them can begin with (None if no rule)."""
        key = (ids, start_class)
        if key in self._at:
            return self._at[key]
        subset = ids & self._rules_from[start_class]
        tried = self._at[key] = _Tried(self._compiled[subset], self._can_begin(subset),
                                       self._gates.get(subset)) if subset else None
        return tried

    def _can_begin(self, ids: frozenset[int]) -> frozenset[str] | None:
        """The characters a match of any rule of ``ids`` can begin with (None: any)."""
        chars: set[str] = set()
        for i in ids:
            if self._first_chars[i] is None:
                return None
            chars |= self._first_chars[i]
        return frozenset(chars)

    def candidates(self, text: str) -> list[Candidate]:
        """Every rule match in ``text``, left to right, not overlapping."""
        low = text.translate(_SCAN)
        # The words and where they start, as two lists built in C: a tuple per word costs
        # a tenth of the scan.
        words = _TOKEN.findall(low)
        word_starts = list(map(_match_start, _TOKEN.finditer(low)))
        anchor_sets, digit_set = self.anchor_sets, self.digit_set  # inlined: once per word
        patterns = [digit_set if word[0] <= "9" else anchor_sets.get(word) for word in words]
        found: list[Candidate] = []
        covered_to = 0
        matched: dict[tuple[int, int], re.Match[str] | None] = {}
        for i, own in enumerate(patterns):
            if own is None or word_starts[i] < covered_to:
                continue
            # Anchors just ahead bring their rules: "the past three months" is
            # anchored on "months", though "past" comes first.
            tried = [own]
            for j in range(i + 1, min(i + 1 + _LOOK_AHEAD, len(words))):
                if patterns[j] is not None and patterns[j] not in tried:
                    tried.append(patterns[j])
            best = self._best_match(low, tried, self._starts(low, words, word_starts, i, covered_to),
                                    word_starts[i], matched)
            if best is not None:
                candidate = self._candidate(best, text)
                found.append(candidate)
                covered_to = candidate.end
        return found

    def _best_match(self, low: str, rule_sets: list[frozenset[int]], starts: list[int],
                    anchor_start: int, matched: dict[tuple[int, int], re.Match[str] | None],
                    ) -> re.Match[str] | None:
        """The match covering the anchor that reaches furthest; of those, the one
        that starts first ("in the past several quarters" is one expression).

        ``matched`` keeps each pattern's match at each start for the rest of the text:
        after an anchor finds nothing, the next one nearby ("1.5 million") looks back
        over the same starts."""
        best: re.Match[str] | None = None
        for start in starts:
            char = low[start]
            start_class = _DIGIT_START if char.isdigit() else _OTHER_START
            for ids in rule_sets:
                tried = self._pattern_at(ids, start_class)
                # "$" and "'" start a search only for the few rules that can begin there
                if tried is None or (tried.can_begin is not None and char not in tried.can_begin):
                    continue
                key = (start, id(tried))
                if key in matched:
                    match = matched[key]
                elif tried.gate is not None and tried.gate.match(low, start) is None:
                    match = matched[key] = None   # most numbers are no time: the cheap "no" first
                else:
                    match = matched[key] = tried.pattern.match(low, start)
                if match is None or match.end() <= anchor_start:
                    continue
                if best is None or match.end() > best.end() or (
                        match.end() == best.end() and match.start() == best.start()
                        and _rule_order(match) < _rule_order(best)):
                    best = match
        return best

    def _starts(self, low: str, words: list[str], word_starts: list[int], i: int, floor: int) -> list[int]:
        """Word starts at which an expression ending at or after word ``i`` may begin."""
        own = word_starts[i]
        starts = [own]
        j = i
        while j > 0 and i - j < _LOOK_BACK:
            prev_start, prev = word_starts[j - 1], words[j - 1]
            gap = low[prev_start + len(prev):word_starts[j]]
            if prev_start < floor or not set(gap) <= _JOINERS or "\n\n" in gap:
                break
            if prev not in self.prefix_words and not prev[0].isdigit():
                break
            starts.append(prev_start)
            j -= 1
        extra = [start - 1 for start in starts if start > 0 and low[start - 1] in "'$" and start - 1 >= floor]
        if words[i][0] <= "9" and own and _no_start_at(low, own):
            starts = starts[1:]
        return sorted(starts + extra)

    def _cut(self, source: str) -> re.Pattern[str]:
        pattern = self._cuts.get(source)
        if pattern is None:
            pattern = self._cuts[source] = re.compile(source, re.I)
        return pattern

    def _candidate(self, match: re.Match[str], text: str) -> Candidate:
        rule = self.grammar.rule_by_group[match.lastgroup]
        prefix_len = len(match.lastgroup) + 1
        start, end = match.span()
        kept_to = len(text)   # groups may lie past the match, in a lookahead ("February and March 2022")
        if rule.stops_before:
            # "at 10:30 a.m. That evening, ...": a sentence ends inside the match, and so
            # does the expression, with nothing of what follows.
            stop = self._cut(rule.stops_before).search(text, start, end)
            if stop is not None and stop.start() > start:
                end = kept_to = stop.start()
        groups: dict[str, str] = {}
        for name in rule.groups:
            begin, group_end = match.span(name)
            if begin >= 0 and group_end <= kept_to:
                key = name[prefix_len:].split("__", 1)[0]
                groups.setdefault(key, text[begin:group_end])  # as written: case matters to filters
        if rule.span_group and rule.span_group in groups:
            start, end = match.span(f"{match.lastgroup}_{rule.span_group}")
        if rule.ends_before:
            # "19:00 BST on 1 September": the clock is one expression, the date another,
            # though the clock's value takes its day from it.
            cut = self._cut(rule.ends_before).search(text, start, end)
            if cut is not None and cut.start() > start:
                end = cut.start()
        return Candidate(rule=rule, start=start, end=end, groups=groups)
