"""Sentence splitting that survives real, noisy news text.

Claims quote one sentence back to the user by its character offsets, so the splitter
returns ``(start, end)`` offsets into the text as given, never a cleaned copy. The noise
it is built for is in the seeds: spaced abbreviations ("U. N.", "Lt. Gen."), missing
spaces after full stops ("forces.The JCS"), curly and straight quotes mixed, and quotes
glued to the wrong word (`said on Friday that” the North`). Abbreviations are data
(``resources/abbreviations.toml``), not code.

Boilerplate is not handled here: split each range of ``Article.extraction_ranges()``
with ``start``/``end``, or split the whole text and drop sentences that overlap it.
"""
from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

ABBREVIATIONS_FILE = Path(__file__).with_name("resources") / "abbreviations.toml"

Span = tuple[int, int]

# A sentence-ending mark and the closing quotes or brackets glued to it, which belong
# to the sentence that ends ("... two months.”").
_TERMINATOR = re.compile(r"(?P<stop>\.{2,}|…|[!?][!?.]*|\.)(?P<close>[”\"’'»)\]]*)")
_LINE = re.compile(r"[^\r\n\u2028\u2029\x85]+")
# "U.S.", "e.g.", "J.R.R.": letters each followed by a dot; or one capital initial ("U.").
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z]\.")
# After white space, these never start a new sentence: the text goes on.
_CONTINUATION = ",;:)]}-–—"


@cache
def abbreviations(path: Path = ABBREVIATIONS_FILE) -> frozenset[str]:
    """Every abbreviation in the data file, as written (all lists together)."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return frozenset(word for words in data.values() for word in words)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The sentences of ``text[start:end]`` as ``(start, end)`` offsets into ``text``,
    trimmed of surrounding white space. Every line break ends a sentence: each line of
    an article is a paragraph or a heading."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    for line in _LINE.finditer(text, start, end):
        piece_start = line.start()
        for boundary in _boundaries(text, line.start(), line.end()):
            _add_trimmed(spans, text, piece_start, boundary)
            piece_start = boundary
        _add_trimmed(spans, text, piece_start, line.end())
    return spans


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Offsets inside one line where a sentence ends (just after its closing quotes)."""
    found = []
    for match in _TERMINATOR.finditer(text, start, end):
        after = match.end()
        next_at = after
        while next_at < end and text[next_at].isspace():
            next_at += 1
        if next_at >= end:
            continue  # the line ends here anyway
        if _ends_sentence(text, match, next_at, spaced=next_at > after):
            found.append(after)
    return found


def _ends_sentence(text: str, match: re.Match[str], next_at: int, spaced: bool) -> bool:
    """Whether this mark, followed by the character at ``next_at``, ends a sentence."""
    stop, close, following = match["stop"], match["close"], text[next_at]
    if stop == "…" or stop.startswith(".."):
        return following.isupper() or (following in "“\"‘'" and _upper_at(text, next_at + 1))
    if stop == "." and _is_abbreviation(text, match.start()):
        return False
    if spaced:
        return not following.islower() and following not in _CONTINUATION
    # No space: "forces.The JCS" ends a sentence; "U.S.", "3.5", "example.com" do not.
    before = text[match.start() - 1] if match.start() > 0 else ""
    glued_word = before.islower() or before.isdigit() or bool(close) or stop != "."
    return glued_word and following.isupper()


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial."""
    start = dot
    while start > 0 and (text[start - 1].isascii() and text[start - 1].isalpha()
                         or text[start - 1] == "."):
        start -= 1
    word = text[start:dot + 1].lstrip(".")
    return word in abbreviations() or bool(_DOTTED.fullmatch(word))


def _upper_at(text: str, index: int) -> bool:
    return index < len(text) and text[index].isupper()


def _add_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    """Append ``text[start:end]`` without its surrounding white space, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
