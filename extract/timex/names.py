"""Date-like words that the words around them make a name or a number.

"Resolution 1441" is a number, "1600 Pennsylvania Avenue" an address, "The Sunday
Times" and "The Mail on Sunday" newspapers. What counts as such a context comes from
the language's ``[filters]`` table; nothing here knows English.
"""
from __future__ import annotations

from collections.abc import Callable

import re

_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'-]*)[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z.'-]*)")
_DESIGNATION = re.compile(r" [A-Z]{1,3}[0-9]{1,4}(?![A-Za-z0-9])")
_CAPITALISED_RUN = re.compile(r"(?:[ \t]+[A-Z][A-Za-z.'-]*){1,3}")
_CAPITALISED_AFTER = re.compile(r" +[A-Z][a-z]")
_QUOTES = '"\u201c\u2018\''
_SENTENCE_OPENERS = '.!?"\u201c\u2018\'\n:;'


def _opens_sentence(text: str, start: int) -> bool:
    """Whether only a sentence end, a quotation mark or nothing comes before ``start``."""
    before = text[max(0, start - 40):start].rstrip()
    return not before or before[-1] in _SENTENCE_OPENERS


class NameContexts:
    """The filter tables that tell a name or number from a time."""

    def __init__(self, filters: dict) -> None:
        # Nouns a number after them belongs to ("Resolution 1441", "Flight 2012").
        self.number_nouns = frozenset(filters.get("number_nouns", ()))
        # Words that end an address after a number and capitalised words ("1600 Pennsylvania Avenue").
        self.street_words = frozenset(filters.get("street_words", ()))
        # Capitalised words that make a weekday before them a title ("The Sunday Times").
        self.title_words = frozenset(filters.get("weekday_title_words", ()))
        self.title_articles = frozenset(filters.get("title_articles", ()))
        # Names with a weekday inside them: "The Mail on Sunday", "Bloody Sunday".
        self.names_with_weekday = tuple(filters.get("names_with_weekday", ()))
        # Before "Scotland on Sunday", these make it a place and a day, not the newspaper.
        self.place_prepositions = frozenset(filters.get("place_prepositions", ()))
        # Before a decade, these make it an age ("in their 90s").
        self.age_possessives = frozenset(filters.get("age_possessives", ()))
        titles = filters.get("period_titles", ())
        self.title_before = re.compile(r"(?i)\b(?:%s) of $" % "|".join(map(re.escape, titles))) if titles else None
        measures = filters.get("decade_measures", ())
        self.measure_before = re.compile(r"(?i)\b(?:%s)\b[^.!?;]*$" % "|".join(map(re.escape, measures))) \
            if measures else None
        # After a sentence-opening "May", these make it a wish ("May God protect them").
        wishes = "|".join(re.escape(word) for word in filters.get("wish_subjects", ()))
        self.wish_after = re.compile(rf"\s+(?:{wishes})\b") if wishes else None
        # After a month or season, "of"/"for" and a capital make a name ("the March for Life").
        joiners = "|".join(re.escape(word) for word in filters.get("month_name_joiners", ()))
        self.name_after = re.compile(rf"\s+(?:{joiners})\s+(?:the\s+)?[A-Z]") if joiners else None
        # Words that cannot stand before a house number ("the 1989 Tiananmen Square crackdown").
        self.address_blockers = frozenset(filters.get("address_blockers", ()))
        # Nouns that make a holiday before them the name of an event ("the Yom Kippur war").
        self.holiday_name_heads = frozenset(filters.get("holiday_name_heads", ()))
        self.holiday_event_heads = frozenset(filters.get("holiday_event_heads", ()))

    def year_is_a_number(self, text: str, start: int, end: int) -> bool:
        """"Resolution 1441", "Flight 2012", "1910 Main Street", "asteroid 2012 DA14"."""
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if before and before.group(1).lower().rstrip(".") in self.number_nouns:
            return True
        if _DESIGNATION.match(text, end):
            return True   # a catalogue designation: capitals and digits go on the number
        run = _CAPITALISED_RUN.match(text, end)
        if run is None or before and before.group(1).lower() in self.address_blockers:
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
            return article is not None and (article.group(1).lower() in self.title_articles or article.group(1).endswith("'s"))
        weekday = text[start:end]
        for title in self.names_with_weekday:
            offset = title.find(weekday)
            if 0 <= offset <= start and text.startswith(title, start - offset):
                before = _WORD_BEFORE.search(text, max(0, start - offset - 30), start - offset)
                # "snow hit parts of Scotland on Sunday": a place, then the day
                return before is None or before.group(1).lower() not in self.place_prepositions
        return False

    def holiday_is_a_name(self, text: str, start: int, end: int, is_time_word) -> bool:
        """"the Good Friday Agreement", "Christmas Island": a capitalised word after the
        holiday that is not itself a time word makes it part of a name, and so does a noun
        that names an event after it ("the Yom Kippur war"); "a service of thanksgiving" in
        lower case is a word, not the holiday."""
        if text[start:end].islower() and not text.islower():
            return True
        after = _NEXT_WORD.match(text, end)
        if after is None:
            return False
        word = after.group(1)
        if word.lower() in self.holiday_event_heads:
            return False   # "the Boxing Day Test": an event on the holiday
        return word[0].isupper() and not is_time_word(word) or word.lower() in self.holiday_name_heads

    def month_begins_a_name(self, text: str, end: int, start: int | None = None) -> bool:
        """"the March for Life", "the March of the Combatant Mothers", the "July Charter" in
        quotation marks; not "March of 1999"."""
        if self.name_after is not None and self.name_after.match(text, end) is not None:
            return True
        quoted = start is not None and start > 0 and text[start - 1] in _QUOTES
        return quoted and self.capitalised_word_follows(text, end)

    def capitalised_word_follows(self, text: str, end: int) -> bool:
        """Whether a capitalised word comes right after ``end`` ("Day War", "Charter")."""
        return _CAPITALISED_AFTER.match(text, end) is not None

    def season_is_an_event(self, text: str, end: int, capitalised: bool = False) -> bool:
        """"the fall of Avdiivka", "the Spring of Nations", "the Winter War", "the Spring
        Statement" (a capital on both); not "the summer of 1969"."""
        return self.month_begins_a_name(text, end) or capitalised and self.capitalised_word_follows(text, end)

    def may_is_a_wish(self, text: str, start: int, end: int) -> bool:
        """"May God protect them", "May they rest in peace": a sentence-opening wish."""
        return self.wish_after is not None and _opens_sentence(text, start) \
            and self.wish_after.match(text, end) is not None

    def period_is_a_title(self, text: str, start: int, end: int) -> bool:
        """"album of the year", "player of the month": "the year" ends a title."""
        return self.title_before is not None and text[start:end].split(None, 1)[0].lower() in self.title_articles \
            and self.title_before.search(text, max(0, start - 30), start) is not None

    def decade_is_an_age(self, text: str, start: int) -> bool:
        """"in their 90s", "a man in his 30s": a decade of someone's life."""
        before = _WORD_BEFORE.search(text, max(0, start - 20), start)
        return before is not None and before.group(1).lower() in self.age_possessives

    def decade_is_a_reading(self, text: str, start: int, end: int) -> bool:
        """"temperatures would climb into the 50s": a two-digit decade after a measure
        in its sentence is a reading, not a time; "the 1950s" and "the '50s" are times."""
        digits = re.sub(r"\D", "", text[start:end])
        return self.measure_before is not None and len(digits) == 2 and "'" not in text[start:end] \
            and "\u2019" not in text[start:end] \
            and self.measure_before.search(text, max(0, start - 120), start) is not None

    def deictic_is_a_title(self, text: str, start: int, is_time_word: Callable[[str], bool]) -> bool:
        """"USA Today", "L'Orient Today": a capitalised "Today" right after a capitalised
        word inside a sentence is a title."""
        if not text[start:start + 1].isupper() or _opens_sentence(text, start):
            return False
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        return before is not None and before.group(1)[0].isupper() and not is_time_word(before.group(1))

    def adverb_is_a_title(self, text: str, start: int, end: int) -> bool:
        """"the Daily Mail", "the Weekly Standard": a capitalised frequency word before
        another capitalised word is a title."""
        return text[start:start + 1].isupper() and self.capitalised_word_follows(text, end)
