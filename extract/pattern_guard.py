"""The first letters a pattern's matches can start with, as a cheap guard.

The trigger scan tries every trigger at every word start of a sentence; most words
start no trigger ("the", "North", "on"), and the regex engine only finds that out by
trying each alternative. A lookahead on the few letters the triggers can start with
("dep", "sen", "kil" ...) turns most word starts away at once.

The letters are read from the patterns' parse trees (``re._parser``), never written
by hand, so the data in events.toml stays the only place triggers are defined. The
guard only ever admits more than the patterns can match: letters are compared in
either case and any non-ASCII character is let through (case folding maps some of
them onto ASCII letters: the Kelvin sign is a "k"); whatever the reading does not
understand ends the prefix there, and a pattern whose start is unknown gives no
guard at all.
"""
from __future__ import annotations

import re
from typing import Any

try:   # CPython 3.11+; elsewhere there is no guard, and patterns are compiled as written
    from re import _constants as sre, _parser  # type: ignore[attr-defined]
except ImportError:   # pragma: no cover
    sre = _parser = None

#: How many letters of a match the guard looks at.
GUARD_LETTERS = 3

Prefix = tuple[str, bool]   # the letters so far, and whether more of them may be known


def prefix_guard(patterns: list[str], flags: int = 0, length: int = GUARD_LETTERS) -> str:
    """A lookahead that holds wherever one of ``patterns`` can match, or "" when some
    pattern may start anywhere (with no letter the reading can name)."""
    prefixes: set[str] = set()
    for pattern in patterns:
        found = starts(pattern, flags, length)
        if found is None:
            return ""
        prefixes |= found
    # Case-sensitive classes (both cases written out): the engine skips such a branch
    # on its first character without entering it.
    return f"(?=(?-i:{_trie(sorted(prefixes))}))"


def starts(pattern: str, flags: int = 0, length: int = GUARD_LETTERS) -> set[str] | None:
    """Lower-case letter strings (up to ``length``) one of which starts every match of
    ``pattern``; None when a match may start with anything."""
    if _parser is None:
        return None
    try:
        tree = _parser.parse(pattern, flags)
    except (re.error, TypeError, ValueError):
        return None
    found = {prefix for prefix, _ in _sequence({("", True)}, list(tree), length)}
    return None if "" in found else found


def _sequence(state: set[Prefix], items: list[Any], length: int) -> set[Prefix]:
    """Each prefix still open, extended by the items in turn."""
    for op, av in items:
        if not any(open_ for _, open_ in state):
            break
        state = {result for prefix, open_ in state
                 for result in (_item(prefix, op, av, length) if open_ else {(prefix, False)})}
    return state


def _item(prefix: str, op: Any, av: Any, length: int) -> set[Prefix]:
    """The prefixes after one parsed item; anything not understood closes the prefix."""
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):          # zero width: reads nothing
        return {(prefix, True)}
    if op is sre.LITERAL:
        return _letters(prefix, [av], length)
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
        return _letters(prefix, [code for _, code in av], length)
    if op is sre.BRANCH:
        return {result for branch in av[1] for result in _sequence({(prefix, True)}, list(branch), length)}
    if op is sre.SUBPATTERN:
        return _sequence({(prefix, True)}, list(av[-1]), length)
    if op is sre.ATOMIC_GROUP:
        return _sequence({(prefix, True)}, list(av), length)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _, body = av
        # After one repetition the count is unknown: close there (a shorter prefix admits more).
        once = {(found, False) for found, _ in _sequence({(prefix, True)}, list(body), length)}
        return once | {(prefix, True)} if least == 0 else once
    return {(prefix, False)}


def _letters(prefix: str, codes: list[int], length: int) -> set[Prefix]:
    """The prefix extended by one of these characters, if all are ASCII letters."""
    chars = [chr(code) for code in codes]
    if not all(char.isascii() and char.isalpha() for char in chars):
        return {(prefix, False)}
    return {(prefix + char.lower(), len(prefix) + 1 < length) for char in chars}


def _trie(prefixes: list[str]) -> str:
    """An alternation of the prefixes, factored by first letter so that the regex
    engine skips a branch on its first character."""
    if not prefixes or "" in prefixes:
        return ""      # one prefix ends here: nothing more is required
    branches = []
    for first in sorted({p[0] for p in prefixes}):
        rest = _trie([p[1:] for p in prefixes if p[0] == first])
        branches.append(f"{_either_case_or_beyond_ascii(first)}{rest}")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _either_case_or_beyond_ascii(letter: str) -> str:
    """A class for ``letter`` in either case or any character beyond ASCII, written as
    the ASCII it excludes: a class with a range up to U+10FFFF takes milliseconds to
    compile, and there are hundreds."""
    allowed = {ord(letter.lower()), ord(letter.upper())}
    excluded, start = [], None
    for code in range(0x80):
        if code not in allowed and start is None:
            start = code
        elif code in allowed and start is not None:
            excluded.append((start, code - 1))
            start = None
    if start is not None:
        excluded.append((start, 0x7F))
    return "[^" + "".join(f"\\x{a:02x}-\\x{b:02x}" if a != b else f"\\x{a:02x}"
                          for a, b in excluded) + "]"


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled behind the guard of its first letters: the same matches,
    groups and spans, found sooner. A pattern the guard cannot stand before (global
    inline flags) is compiled as it is."""
    guard = prefix_guard([pattern], flags)
    try:
        return re.compile(f"{guard}(?:{pattern})", flags)
    except re.error:
        return re.compile(pattern, flags)
