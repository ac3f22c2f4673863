"""Which country a text is about, for the holidays each country keeps on its own day.

"Independence Day" is Aug. 24 in a story about Ukraine and Aug. 15 in one about India.
The language data lists the names that point to each country (the country, its people,
its capital) and, per holiday, each country's day; the text's country is the one of those
it names most often.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Set as AbstractSet
from functools import lru_cache


class CountryNames:
    """The names of a language's ``[countries]`` table, as one pattern."""

    def __init__(self, countries: dict[str, list[str]]) -> None:
        self.country_of = {name: country for country, names in countries.items() for name in names}
        names = sorted(self.country_of, key=len, reverse=True)
        # Names are matched as written: "Turkey" the country, not "turkey" the bird.
        self.pattern = re.compile(r"(?<![\w.])(?:%s)(?![\w])" % "|".join(map(re.escape, names))) if names else None
        self._counted = lru_cache(maxsize=8)(self._count)

    def _count(self, text: str) -> Counter:
        if self.pattern is None:
            return Counter()
        return Counter(self.country_of[found.group()] for found in self.pattern.finditer(text))

    def named_just_before(self, text: str, start: int, among: AbstractSet[str], reach: int = 40) -> str | None:
        """The country of ``among`` named last in the ``reach`` characters before ``start``,
        within its sentence ("as Americans celebrated Independence Day")."""
        if self.pattern is None:
            return None
        window = re.split(r"[.!?;]\s", text[max(0, start - reach):start])[-1]
        found = [self.country_of[name.group()] for name in self.pattern.finditer(window)]
        found = [country for country in found if country in among]
        return found[-1] if found else None

    def most_named(self, text: str, among: AbstractSet[str]) -> str | None:
        """Of the countries ``among``, the one ``text`` names most often (the first named
        on a tie), or None when it names none of them."""
        counts = self._counted(text)
        named = [country for country in counts if country in among]
        if not named:
            return None
        return max(named, key=lambda country: counts[country])   # Counter keeps first-seen order
