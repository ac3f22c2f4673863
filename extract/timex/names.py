"""Date-like words that the words around them make a name or a number.

"Resolution 1441" is a number, "1600 Pennsylvania Avenue" an address, "The Sunday
Times" and "The Mail on Sunday" newspapers. What counts as such a context comes from
the language's ``[filters]`` table; nothing here knows English.
"""
from __future__ import annotations

import re

_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'-]*)[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z.'-]*)")
_CAPITALISED_RUN = re.compile(r"(?:[ \t]+[A-Z][A-Za-z.'-]*){1,3}")


class NameContexts:
    """The filter tables that tell a name or number from a time."""

    def __init__(self, filters: dict) -> None:
        # Nouns a number after them belongs to ("Resolution 1441", "Flight 2012").
        self.number_nouns = frozenset(filters.get("number_nouns", ()))
        # Words that end an address after a number and capitalised words ("1600 Pennsylvania Avenue").
        self.street_words = frozenset(filters.get("street_words", ()))
        # Capitalised words that make a weekday before them a title ("The Sunday Times").
        self.title_words = frozenset(filters.get("weekday_title_words", ()))
        # Names with a weekday inside them: "The Mail on Sunday", "Bloody Sunday".
        self.names_with_weekday = tuple(filters.get("names_with_weekday", ()))
        # Before "Scotland on Sunday", these make it a place and a day, not the newspaper.
        self.place_prepositions = frozenset(filters.get("place_prepositions", ()))
        # Words that cannot stand before a house number ("the 1989 Tiananmen Square crackdown").
        self.determiners = frozenset(filters.get("address_blockers", ()))

    def year_is_a_number(self, text: str, start: int, end: int) -> bool:
        """"Resolution 1441", "Flight 2012", "1910 Main Street"."""
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if before and before.group(1).lower().rstrip(".") in self.number_nouns:
            return True
        run = _CAPITALISED_RUN.match(text, end)
        if run is None or before and before.group(1).lower() in self.determiners:
            return False  # "the 1989 Tiananmen Square crackdown": no house number
        return any(word.lower().rstrip(".") in self.street_words for word in run.group().split())

    def weekday_is_a_title(self, text: str, start: int, end: int) -> bool:
        """"The Sunday Times", "The Mail on Sunday", "Bloody Sunday"."""
        if not text[start:start + 1].isupper():
            return False
        after = _NEXT_WORD.match(text, end)
        if after and after.group(1) in self.title_words:
            # A title follows an article or a possessive: "The Sunday Times", "Britain's
            # Sunday Telegraph"; not "On Sunday Times Square was empty".
            article = _WORD_BEFORE.search(text, max(0, start - 30), start)
            return article is not None and (article.group(1).lower() == "the" or article.group(1).endswith("'s"))
        weekday = text[start:end]
        for title in self.names_with_weekday:
            offset = title.find(weekday)
            if 0 <= offset <= start and text.startswith(title, start - offset):
                before = _WORD_BEFORE.search(text, max(0, start - offset - 30), start - offset)
                # "snow hit parts of Scotland on Sunday": a place, then the day
                return before is None or before.group(1).lower() not in self.place_prepositions
        return False

    def holiday_is_a_name(self, text: str, end: int, is_time_word) -> bool:
        """"the Good Friday Agreement", "Christmas Island": a capitalised word after the
        holiday that is not itself a time word makes it part of a name."""
        after = _NEXT_WORD.match(text, end)
        return after is not None and after.group(1)[0].isupper() and not is_time_word(after.group(1))
