"""Finding site boilerplate ("Subscribe to ...") in an article's text.

Boilerplate is marked, not removed, so the text stays exactly as given and every offset
into it stays valid. What counts as boilerplate is data: the general patterns in
``boilerplate_patterns.txt`` plus any lines an article's own metadata lists.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from extract.article import Range

PATTERNS_FILE = Path(__file__).with_name("boilerplate_patterns.txt")


@cache
def pattern() -> re.Pattern[str]:
    """The general boilerplate patterns, read once from ``PATTERNS_FILE``, in one
    pattern: one match a line, not one a pattern."""
    lines = PATTERNS_FILE.read_text(encoding="utf-8").splitlines()
    return re.compile("|".join(f"(?:{line})" for line in lines
                               if line.strip() and not line.startswith("#")), re.IGNORECASE)


def find_boilerplate(text: str, listed: Iterable[str] = ()) -> tuple[Range, ...]:
    """The ranges of ``text`` that are boilerplate: whole lines (with their line break)
    that match a general pattern or equal one of the ``listed`` lines, adjacent lines
    merged into one range. Raises ValueError for a listed line the text does not have."""
    wanted = dict.fromkeys(line.strip() for line in listed)
    found: set[str] = set()
    ranges: list[list[int]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        content = line.strip()
        start, position = position, position + len(line)
        if not content:
            continue
        if content in wanted:
            found.add(content)
        elif not pattern().fullmatch(content):
            continue
        if ranges and ranges[-1][1] == start:
            ranges[-1][1] = position
        else:
            ranges.append([start, position])
    missing = [line for line in wanted if line not in found]
    if missing:
        raise ValueError(f"boilerplate line not found in the text: {missing[0]!r}")
    return tuple((start, end) for start, end in ranges)
