"""The figure finder: noisy thousands, qualifiers, counted nouns, parts of wholes, money,
units, and the numbers that are not figures (years, days, model names, labels)."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.model import Quantity
from extract.quantities import QuantitySpan, find_quantities, find_quantity_spans
from extract.load import load_article
from extract.sentences import split_sentences

Q = Quantity
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DEFENCE_TALKS = SEEDS / "defence-talks-2025-01-24-jcs-more-troops.md"
RFA = SEEDS / "radio-free-asia-2025-01-24-more-troops-casualties.md"


def seed_text(path: Path) -> str:
    """The article text, as the loader reads it (tests/test_load.py checks it is exact)."""
    return load_article(path).text

CASES = [
    # noisy thousands: ", " then exactly three digits
    ("up to 12, 000 soldiers", [Q("up to 12, 000 soldiers", 12000, "up_to", "soldiers")]),
    ("about 4, 000 were lost", [Q("about 4, 000", 4000, "approx")]),
    ("1,200, 000 shells", [Q("1,200, 000 shells", 1200000, None, "shells")]),
    ("in 2024, 000 nonsense", []),
    ("12, 0000 is not a figure of 12000", [Q("12", 12), Q("12000", 12000)]),
    ("March 5, 300 troops arrived", [Q("300 troops", 300, None, "troops")]),
    # qualifiers
    ("over 3,000", [Q("over 3,000", 3000, "over")]),
    ("approximately 11,000", [Q("approximately 11,000", 11000, "approx")]),
    ("more than 1,500", [Q("more than 1,500", 1500, "over")]),
    ("at least 30", [Q("at least 30", 30, "at_least")]),
    ("nearly 200", [Q("nearly 200", 200, "approx")]),
    ("fewer than 50 civilians", [Q("fewer than 50 civilians", 50, "under", "civilians")]),
    ("as many as 100,000 troops", [Q("as many as 100,000 troops", 100000, "up_to", "troops")]),
    ("some 3,000 personnel", [Q("some 3,000 personnel", 3000, "approx", "personnel")]),
    ("exactly 7 tanks", [Q("exactly 7 tanks", 7, "exactly", "tanks")]),
    # a part of a whole: both figures, the part first
    ("About 4, 000 of the up to 12, 000 North Vietnamese soldiers dispatched",
     [Q("About 4, 000 of the up to 12, 000 North Vietnamese soldiers", 4000, "approx", "soldiers",
        12000),
      Q("up to 12, 000 North Vietnamese soldiers", 12000, "up_to", "soldiers")]),
    ("one of the two soldiers", [Q("one of the two soldiers", 1, None, "soldiers", 2),
                                 Q("two soldiers", 2, None, "soldiers")]),
    ("over 3,000 of these soldiers have been killed",
     [Q("over 3,000 of these soldiers", 3000, "over", "soldiers")]),
    # counted nouns, after adjectives and nationality words
    ("two North Korean soldiers had been captured",
     [Q("two North Korean soldiers", 2, None, "soldiers")]),
    ("4,000 more troops", [Q("4,000 more troops", 4000, None, "troops")]),
    ("30 wounded soldiers", [Q("30 wounded soldiers", 30, None, "soldiers")]),
    ("3,000 soldiers killed", [Q("3,000 soldiers", 3000, None, "soldiers")]),
    ("12 short-range ballistic missiles", [Q("12 short-range ballistic missiles", 12, None,
                                             "missiles")]),
    ("3 missile launchers", [Q("3 missile launchers", 3, None, "launchers")]),
    ("a dozen drones", [Q("a dozen drones", 12, None, "drones")]),
    ("twenty-five thousand reinforcements",
     [Q("twenty-five thousand reinforcements", 25000, None, "reinforcements")]),
    ("one soldier", [Q("one soldier", 1, None, "soldier")]),
    ("4,000 may have died", [Q("4,000", 4000)]),
    # vague plurals: the least the words mean, at_least
    ("hundreds of civilians", [Q("hundreds of civilians", 200, "at_least", "civilians")]),
    ("dozens of drones", [Q("dozens of drones", 24, "at_least", "drones")]),
    ("tens of thousands of troops",
     [Q("tens of thousands of troops", 20000, "at_least", "troops")]),
    ("thousands of", [Q("thousands of", 2000, "at_least")]),
    # scales, money, units, percentages
    ("1.5 million shells", [Q("1.5 million shells", 1500000, None, "shells")]),
    ("$27 million in aid", [Q("$27 million", 27000000, None, "USD")]),
    ("more than $27", [Q("more than $27", 27, "over", "USD")]),
    ("$1.2bn and €5m", [Q("$1.2bn", 1.2e9, None, "USD"), Q("€5m", 5e6, None, "EUR")]),
    ("500 million won", [Q("500 million won", 5e8, None, "KRW")]),
    ("the 984 square kilometres", [Q("984 square kilometres", 984, None, "square kilometres")]),
    ("about 30 km from the border", [Q("about 30 km", 30, "approx", "kilometres")]),
    ("up 5% and 12 per cent", [Q("5%", 5, None, "%"), Q("12 per cent", 12, None, "%")]),
    ("2,000 troops", [Q("2,000 troops", 2000, None, "troops")]),
    ("2000 troops", [Q("2000 troops", 2000, None, "troops")]),
    # numbers that are not figures
    ("invasion of South Korea in 1950", []),
    ("Putin’s trip to Pyongyang in June 2024", []),
    ("on January 24, 2025, and 24 Jan. 2025", []),
    ("the KN-23 short-range ballistic missiles and Su-34 jets", []),
    ("under Resolution 2397 and Article 4", []),
    ("the first instance, the 47th brigade, the 3rd time", []),
    ("at 10:30 and 5 p.m.", []),
    ("four months elapsed, four weeks into the war, 4 years", []),
    ("hundreds of years", []),
    ("a 12-year-old and new ones", []),
    ("No one knows", []),
]


@pytest.mark.parametrize("sentence, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_find_quantities(sentence: str, expected: list[Quantity]) -> None:
    assert find_quantities(sentence) == expected


def test_values_are_floats() -> None:
    assert all(isinstance(q.value, float) for q in find_quantities("two soldiers, 3 tanks, 4%"))


def test_spans_are_offsets_plus_the_sentence_offset() -> None:
    sentence = "It sent up to 12, 000 soldiers."
    spans = find_quantity_spans(sentence, offset=100)
    expected = Q("up to 12, 000 soldiers", 12000, "up_to", "soldiers")
    assert spans == [QuantitySpan(108, 130, expected)]
    assert sentence[spans[0].start - 100:spans[0].end - 100] == spans[0].quantity.text


def seed_quantities(text: str) -> list[tuple[str, Quantity]]:
    """Every figure of every sentence of an article, with the sentence's first words."""
    found = []
    for start, end in split_sentences(text):
        for span in find_quantity_spans(text[start:end], start):
            assert text[span.start:span.end] == span.quantity.text
            found.append((text[start:end][:30], span.quantity))
    return found


def test_defence_talks_figures() -> None:
    assert seed_quantities(seed_text(DEFENCE_TALKS)) == [
        ("Earlier this month, Ukrainian ", Q("two North Korean soldiers", 2, None, "soldiers")),
        ("According to assessments from ", Q("approximately 11,000 soldiers", 11000, "approx",
                                             "soldiers")),
        ("Reports indicate that over 3,0", Q("over 3,000 of these soldiers", 3000, "over",
                                             "soldiers")),
    ]


def test_radio_free_asia_figures() -> None:
    assert seed_quantities(seed_text(RFA)) == [
        ("About 4, 000 of the up to 12, ",
         Q("About 4, 000 of the up to 12, 000 North Vietnamese soldiers", 4000, "approx",
           "soldiers", 12000)),
        ("About 4, 000 of the up to 12, ",
         Q("up to 12, 000 North Vietnamese soldiers", 12000, "up_to", "soldiers")),
    ]
