"""Load a language's tables and rules and compile them into one scanner.

Each rule becomes one alternative of a regular expression (the scanner joins
the rules an anchor word can start into one pattern), wrapped in a group named
after its rule (``R12``), with its inner groups prefixed (``R12_month``), so a
match says which rule fired and what it captured.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from .countries import CountryNames

RESOURCES = Path(__file__).with_name("resources")
_PLACEHOLDER = re.compile(r"\{(@?)([a-z_]+)(?::([a-z_]+))?\}")
_NAMED_GROUP = re.compile(r"\(\?P<([a-z_0-9]+)>")
_WORD_START = r"(?<![A-Za-z0-9_])"


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern of the language data and how to resolve what it matches."""

    index: int
    name: str
    resolve: str
    kind: str
    group_tables: dict[str, str]  # group name -> table that normalises it
    groups: tuple[str, ...]       # prefixed group names, in pattern order
    span_group: str | None = None  # report only this group's span (e.g. "for years" -> "years")
    anchors: tuple[str, ...] = ()  # words that start a search for this rule, besides its tables
    uses_digits: bool = False      # a digit can anchor it
    literal_words: tuple[str, ...] = ()  # the words its pattern spells out ("the", "of" ...)
    ends_before: str | None = None  # the expression ends where this first matches in it
    stops_before: str | None = None  # ... and so does the match: what comes after is dropped


@dataclass(slots=True)
class Grammar:
    """A language's words, cues and compiled rules."""

    language: str
    words: dict[str, dict[str, Any]]
    tense: dict[str, list[str]]
    rules: list[Rule]
    filters: dict[str, Any] = field(default_factory=dict)   # applied to matches before resolving
    national_days: dict[str, dict[str, str]] = field(default_factory=dict)  # holiday -> country -> day
    country_names: CountryNames = field(default_factory=lambda: CountryNames({}))
    alternatives: list[str] = field(default_factory=list)
    rule_by_group: dict[str, Rule] = field(default_factory=dict)
    _phrase_patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    _filter_patterns: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    _longest_first: dict[str, list[str]] = field(default_factory=dict)
    _phrase_memo: dict[tuple[str, str], Any] = field(default_factory=dict)  # expressions repeat: "last year"

    def joined(self, indices: Iterable[int]) -> str:
        """The rules of ``indices`` as one pattern, tried in rule order at a word start.
        The word start is checked once for all of them, not once per rule."""
        return _WORD_START + "(?:" + "|".join(self.alternatives[i] for i in sorted(indices)) + ")"

    def lookup(self, table: str, text: str) -> Any:
        """The table's entry for ``text`` (case and spacing normalised), or None."""
        key = " ".join(text.lower().split())
        entries = self.words[table]
        if key in entries:
            return entries[key]
        return entries.get(key.rstrip("."))

    def phrase_in(self, table: str, text: str) -> Any:
        """The entry of the first of the table's phrases that ``text`` holds as whole
        words ("the year-ago quarter" holds "year-ago"), or None: what a resolver reads
        inside an expression, kept with the language's other tables."""
        key = (table, text)
        if key not in self._phrase_memo:
            if len(self._phrase_memo) > 8192:
                self._phrase_memo.clear()   # bounded: a long run sees many distinct expressions
            found = self._phrases(table).search(" ".join(text.lower().split()))
            self._phrase_memo[key] = None if found is None else self.words[table][found.group()]
        return self._phrase_memo[key]

    def phrase_opening(self, table: str, text: str) -> Any:
        """The entry of the longest of the table's phrases that ``text`` begins with
        ("mid" in "mid-2024"), or None."""
        lowered = " ".join(text.lower().split())
        for phrase in self._by_length(table):
            if lowered.startswith(phrase):
                return self.words[table][phrase]
        return None

    def phrase_closing(self, table: str, text: str) -> Any:
        """The entry of the table's phrase that ``text`` ends with, as a whole word
        ("... throughout" before "the year"), or None."""
        lowered = " ".join(text.lower().split())
        for phrase in self._by_length(table):
            if lowered.endswith(phrase) and not lowered[:len(lowered) - len(phrase)][-1:].isalnum():
                return self.words[table][phrase]
        return None

    def filter_pattern(self, key: str) -> re.Pattern[str] | None:
        """The compiled pattern of ``[filters] key`` (None if the language has none)."""
        if key not in self._filter_patterns:
            source = self.filters.get(key)
            self._filter_patterns[key] = re.compile(source) if source else None
        return self._filter_patterns[key]

    def _by_length(self, table: str) -> list[str]:
        """The table's phrases, longest first."""
        phrases = self._longest_first.get(table)
        if phrases is None:
            phrases = self._longest_first[table] = sorted(self.words[table], key=len, reverse=True)
        return phrases

    def _phrases(self, table: str) -> re.Pattern[str]:
        pattern = self._phrase_patterns.get(table)
        if pattern is None:
            # A phrase that begins (ends) with a letter must begin (end) a word there.
            alternatives = [(r"(?<!\w)" if phrase[:1].isalnum() else "") + re.escape(phrase)
                            + (r"(?!\w)" if phrase[-1:].isalnum() else "")
                            for phrase in self._by_length(table)]
            pattern = self._phrase_patterns[table] = re.compile("|".join(alternatives))
        return pattern


def _alternation(words: dict[str, Any]) -> str:
    """A table's words as a trie-shaped alternation (longest first at each branch).

    The scanner runs on lower-cased text without IGNORECASE, so each branch starts
    with a plain literal that the regex engine can reject in one comparison.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    optional = "" in node
    branches = []
    for char in sorted((c for c in node if c), key=lambda c: c):
        literal = " " if char == " " else re.escape(char)
        branches.append(literal + _trie_pattern(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return f"(?:{body})?"
    return body


def _spaces_to_whitespace(pattern: str) -> str:
    """A literal space in a rule means one or more white-space characters; a space
    made optional (" ?") means any number ("5pm", "5 pm")."""
    out, in_class, escaped = [], False, False
    optional_space = False
    for index, char in enumerate(pattern):
        if optional_space:
            optional_space = False
            continue  # the "?" after an optional space, already written as "*"
        if escaped:
            out.append(char)
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == " ":
            optional_space = not in_class and pattern[index + 1:index + 2] == "?"
            out.append(r"\s" if in_class else r"\s*" if optional_space else r"\s+")
            continue
        out.append(char)
    return "".join(out)


def _expand(pattern: str, words: dict[str, dict[str, Any]], fragments: dict[str, str],
            group_tables: dict[str, str]) -> str:
    """Replace {table}, {table:name}, {fragment} and {@unnamed} placeholders."""

    def replace(match: re.Match[str]) -> str:
        unnamed, source, name = match.group(1) == "@", match.group(2), match.group(3)
        if source in words:
            body = f"(?:{_alternation(words[source])})(?![A-Za-z])"
        elif source in fragments:
            body = _expand(fragments[source], words, fragments, group_tables)
        else:
            raise ValueError(f"unknown placeholder {{{source}}} in {pattern!r}")
        if unnamed:
            return f"(?:{body})"
        group = name or source
        if source in words:
            group_tables[group] = source
        return f"(?P<{group}>{body})"

    return _PLACEHOLDER.sub(replace, pattern)


def _prefix_groups(pattern: str, prefix: str) -> tuple[str, list[str]]:
    """Prefix every named group; a name used twice gets a numbered suffix (``month__2``)."""
    seen: dict[str, int] = {}
    names: list[str] = []

    def rename(match: re.Match[str]) -> str:
        name = match.group(1)
        seen[name] = seen.get(name, 0) + 1
        unique = name if seen[name] == 1 else f"{name}__{seen[name]}"
        names.append(f"{prefix}{unique}")
        return f"(?P<{prefix}{unique}>"

    return _NAMED_GROUP.sub(rename, pattern), names


def _literal_words(pattern: str) -> list[str]:
    """The plain words a rule pattern spells out, placeholders and escapes removed."""
    bare = _PLACEHOLDER.sub(" ", pattern)
    bare = re.sub(r"\\[a-zA-Z]|\(\?P?<?[=!]?[a-z_0-9]*>?", " ", bare)
    return re.findall(r"[a-z]+", bare)


def compile_grammar(data: dict[str, Any]) -> Grammar:
    """Build a Grammar from parsed language data (see resources/en.toml)."""
    words = {name: {str(k).lower(): v for k, v in table.items()} for name, table in data["words"].items()}
    fragments = data.get("fragments", {})
    rules: list[Rule] = []
    alternatives: list[str] = []
    for index, spec in enumerate(data["rules"]):
        group_tables: dict[str, str] = {}
        body = _expand(spec["pattern"], words, fragments, group_tables)
        body = _spaces_to_whitespace(body)
        prefix = f"R{index}_"
        body, groups = _prefix_groups(body, prefix)
        rule = Rule(index=index, name=spec["name"], resolve=spec["resolve"],
                    kind=spec.get("kind", "DATE"), group_tables=group_tables,
                    groups=tuple(groups), span_group=spec.get("group_span"),
                    anchors=tuple(spec.get("anchors", ())),
                    uses_digits="[0-9]" in body,
                    literal_words=tuple(sorted(set(_literal_words(spec["pattern"])))),
                    ends_before=spec.get("ends_before"), stops_before=spec.get("stops_before"))
        rules.append(rule)
        # The empty group at the end names the rule that matched (match.lastgroup). At
        # the end, not around the rule, it leaves the rule's own first element first: when
        # that is a literal or a character class, the regex engine skips the rule at a
        # glance wherever its first character is not there.
        alternatives.append(f"(?:{body})(?P<R{index}>)")
    grammar = Grammar(language=data["language"], words=words, tense=data.get("tense", {}),
                      rules=rules, filters=data.get("filters", {}), alternatives=alternatives,
                      national_days=data.get("national_days", {}),
                      country_names=CountryNames(data.get("countries", {})))
    grammar.rule_by_group = {f"R{rule.index}": rule for rule in rules}
    return grammar


@lru_cache(maxsize=None)
def load_grammar(language: str = "en") -> Grammar:
    """The compiled grammar of ``language``, read from ``resources/<language>.toml``."""
    path = RESOURCES / f"{language}.toml"
    if not path.exists():
        raise LookupError(f"no time-expression rules for language {language!r} ({path.name} missing)")
    with path.open("rb") as handle:
        return compile_grammar(tomllib.load(handle))
