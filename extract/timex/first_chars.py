"""Which characters can a regular expression's match begin with?

The scanner tries dozens of rules, joined in one alternation, at every place an
expression may start. Python's regex engine tries every alternative in turn, so
the scanner keeps, for each rule, the characters its match can begin with, and at
a given start joins only the rules that can begin there ("about 10 a.m." cannot
start a "March 5" rule). Computed from the parsed pattern, so it holds for any
rule table.
"""
from __future__ import annotations

from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

#: The characters a match may begin with when the pattern cannot tell: any.
ANY = None

_CATEGORIES = {
    C.CATEGORY_DIGIT: frozenset("0123456789"),
    C.CATEGORY_SPACE: frozenset(" \t\n\r\f\v"),
}


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can begin with, or None when any (or
    when the pattern can match the empty string)."""
    try:
        chars, nullable = _first(_parser.parse(pattern))
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return ANY
    return ANY if nullable or chars is ANY else frozenset(chars)


def _first(items) -> tuple[set[str] | None, bool]:
    """(first characters, can the sequence match empty) of a parsed sequence."""
    result: set[str] = set()
    for op, arg in items:
        chars, nullable = _first_of(op, arg)
        if chars is ANY:
            return ANY, False
        result |= chars
        if not nullable:
            return result, False
    return result, True


def _first_of(op, arg) -> tuple[set[str] | None, bool]:
    if op is C.LITERAL:
        return {chr(arg)}, False
    if op is C.NOT_LITERAL or op is C.ANY:
        return ANY, False
    if op is C.IN:
        return _first_in(arg), False
    if op is C.SUBPATTERN:
        return _first(arg[-1])
    if op is C.BRANCH:
        result: set[str] = set()
        nullable = False
        for branch in arg[1]:
            chars, empty = _first(branch)
            if chars is ANY:
                return ANY, False
            result |= chars
            nullable = nullable or empty
        return result, nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, body = arg
        chars, empty = _first(body)
        return chars, empty or low == 0
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return set(), True  # zero-width: the next item decides
    if op is C.GROUPREF_EXISTS or op is C.GROUPREF or op is C.ATOMIC_GROUP:
        return ANY, False
    return ANY, False


def _first_in(items) -> set[str] | None:
    result: set[str] = set()
    for op, arg in items:
        if op is C.NEGATE:
            return ANY
        if op is C.LITERAL:
            result.add(chr(arg))
        elif op is C.RANGE:
            result |= {chr(code) for code in range(arg[0], arg[1] + 1)}
        elif op is C.CATEGORY and arg in _CATEGORIES:
            result |= _CATEGORIES[arg]
        else:
            return ANY
    return result
