"""The sentence splitter on noisy news text: abbreviations, glued full stops and quotes,
line breaks, and the two seed articles."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.load import load_article
from extract.sentences import abbreviations, split_sentences

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DEFENCE_TALKS = SEEDS / "defence-talks-2025-01-24-jcs-more-troops.md"
RFA = SEEDS / "radio-free-asia-2025-01-24-more-troops-casualties.md"


def seed_text(path: Path) -> str:
    """The article text, as the loader reads it (tests/test_load.py checks it is exact)."""
    return load_article(path).text


def texts(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, start, end)]


CASES = [
    # abbreviations never end a sentence
    ("Fighting near the U.N. Office in Geneva. Then talks.",
     ["Fighting near the U.N. Office in Geneva.", "Then talks."]),
    ("at the U. N. Office in Geneva. It rained.", ["at the U. N. Office in Geneva.", "It rained."]),
    ("The U.S. President spoke. The U. S. Army listened.",
     ["The U.S. President spoke.", "The U. S. Army listened."]),
    ("cited Lt. Gen. Kyrylo Budanov, head of intelligence. He said so.",
     ["cited Lt. Gen. Kyrylo Budanov, head of intelligence.", "He said so."]),
    ("Gen. Kim and Col. Park met Dr. Lee, Mr. Cho and Mrs. Yoon on St. George St. today.",
     ["Gen. Kim and Col. Park met Dr. Lee, Mr. Cho and Mrs. Yoon on St. George St. today."]),
    ("Unit No. 5 left on Jan. 5 at 9 a.m. and at 5 p.m. it came back. Next day.",
     ["Unit No. 5 left on Jan. 5 at 9 a.m. and at 5 p.m. it came back.", "Next day."]),
    ("Arms, e.g. Shells, i.e. Rounds. Acme Inc. Sold them via Acme Corp. And Acme Co. Ltd. Too.",
     ["Arms, e.g. Shells, i.e. Rounds.",
      "Acme Inc. Sold them via Acme Corp. And Acme Co. Ltd. Too."]),
    ("Written by J. R. R. Tolkien. Read by J.R.R. Fans.",
     ["Written by J. R. R. Tolkien.", "Read by J.R.R. Fans."]),
    # a full stop glued to a capital ends a sentence, except in U.S., 3.5, example.com
    ("against Ukrainian forces.The JCS did not elaborate.",
     ["against Ukrainian forces.", "The JCS did not elaborate."]),
    ("In the U.S.Army, 3.5 km away, see example.com now.",
     ["In the U.S.Army, 3.5 km away, see example.com now."]),
    ("It ended in 1950.The war did not.", ["It ended in 1950.", "The war did not."]),
    ("The range is 30 km. The town is near.", ["The range is 30 km.", "The town is near."]),
    # line breaks end sentences; headings are sentences
    ("Barbs at UN\nRussia refrained.\n\n  Next paragraph  \n",
     ["Barbs at UN", "Russia refrained.", "Next paragraph"]),
    ("one line\r\nanother line", ["one line", "another line"]),
    # closing quotes belong to the sentence that ends; a glued opening quote is no end
    ("arrive in Kursk “within the next two months.” The official said.",
     ["arrive in Kursk “within the next two months.”", "The official said."]),
    ("He said \"no.\" Then 'yes.' Then ‘maybe.’ Done.",
     ["He said \"no.\"", "Then 'yes.'", "Then ‘maybe.’", "Done."]),
    ("said on Friday that” the North is accelerating operations” in response.",
     ["said on Friday that” the North is accelerating operations” in response."]),
    ("Ju continued,” Our status is a reality.” Kim added.",
     ["Ju continued,” Our status is a reality.”", "Kim added."]),
    ("the Korean Peninsula. ” The alliance was formed. They are violating it.",
     ["the Korean Peninsula.", "” The alliance was formed.", "They are violating it."]),
    ("it was “reality.”The next", ["it was “reality.”", "The next"]),
    # ? and ! and ellipses
    ("Will they go? Yes! They will. Why?!No.",
     ["Will they go?", "Yes!", "They will.", "Why?!", "No."]),
    ("He waited... Then left. She waited... and stayed. Or… Not.",
     ["He waited...", "Then left.", "She waited... and stayed.", "Or…", "Not."]),
    # a full stop before a lower-case word or a comma is no end
    ("at the U. N. in Geneva, said the North. forces went home.",
     ["at the U. N. in Geneva, said the North. forces went home."]),
    ("", []),
    ("   \n  ", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_split(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_offsets_are_exact_and_trimmed() -> None:
    text = "  One. Two?\n\nThree “four.”  "
    assert split_sentences(text) == [(2, 6), (7, 11), (13, 26)]
    assert [text[s:e] for s, e in split_sentences(text)] == ["One.", "Two?", "Three “four.”"]


def test_start_and_end_limit_the_range_and_keep_offsets_absolute() -> None:
    text = "Skip me. Keep this. And this. Not this."
    start, end = text.index("Keep"), text.index("Not")
    assert split_sentences(text, start, end) == [(9, 19), (20, 29)]
    assert texts(text, start, end) == ["Keep this.", "And this."]


def test_abbreviations_come_from_the_data_file() -> None:
    assert {"Lt.", "Gen.", "Col.", "Dr.", "Mr.", "Mrs.", "St.", "No.", "Jan.", "Dec.",
            "a.m.", "p.m.", "e.g.", "i.e.", "Inc.", "Corp.", "Co.", "Ltd."} <= abbreviations()


def test_seed_front_matter_is_cut_at_the_second_rule() -> None:
    text = seed_text(DEFENCE_TALKS)
    assert text.startswith("South Korea’s military reported on Friday")
    assert seed_text(RFA).startswith("This content was first published by Radio Free Asia")


def test_defence_talks_seed() -> None:
    sentences = texts(seed_text(DEFENCE_TALKS))
    assert len(sentences) == 11
    assert sentences[1] == (
        "The Joint Chiefs of Staff (JCS) stated, “With four months elapsed since the troop "
        "deployment for the Russia-Ukraine conflict, and following numerous casualties and "
        "captures, North Korea is believed to be expediting preparations for a further troop "
        "dispatch.”")
    assert sentences[2] == ("The JCS did not elaborate on what specific follow-up actions "
                            "Pyongyang might undertake.")
    assert sentences[3].startswith("Additionally, North Korea is reportedly preparing")
    assert sentences[5].endswith("which Ukraine had seized in a surprise attack last year.")
    assert sentences[6] == ("Reports indicate that over 3,000 of these soldiers have been "
                            "killed or injured, as per Kyiv’s figures.")
    assert sentences[9:] == ["Discover more from Defence Talks | Defense News Military Pictures",
                             "Subscribe to get the latest posts sent to your email."]


def test_radio_free_asia_seed() -> None:
    text = seed_text(RFA)
    sentences = texts(text)
    assert len(sentences) == 17
    assert sentences[2] == (
        "About 4, 000 of the up to 12, 000 North Vietnamese soldiers dispatched to Russia’s "
        "Kursk region to help it in its battle against Ukraine have been killed or wounded, "
        "according to Ukraine on Wednesday.")
    assert sentences[3].startswith("Without going into further detail, South Korea’s Joint")
    assert "said on Friday that” the North Korean government" in sentences[3]
    # the seed has a no-break space before each " , " of "The War Zone , "
    assert sentences[5].endswith("security publication\u00a0, The War Zone\u00a0, reported.")
    assert sentences[6].startswith("The War Zone\u00a0, cited Lt. Gen. Kyrylo Budanov, head of")
    assert sentences[6].endswith("train Russians on all of those systems.")
    assert sentences[7].endswith("arrive in Kursk “within the next two months.”")
    assert "an unidentified U.S. defense official" in sentences[7]
    assert sentences[8] == "Barbs at UN"
    assert sentences[10].startswith("Russian envoy Andrey Belyousov criticized")
    assert "at the U.N. Office in Geneva, saying:” On the Korean Peninsula" in sentences[10]
    assert sentences[10].endswith("this is contradictory to reality.")
    assert sentences[13] == (
        "Regardless of whether other nations recognize us as a fully nuclear-armed state or "
        "not, Ju continued,” Our status as a fully nuclear-armed state is an undeniable and "
        "indisputable reality.”")
    assert sentences[14] == (
        "In response, Kim Il-hoon, South Korea’s deputy permanent representative to the U. N. "
        "in Geneva, said the North was making a “futile effort” to distort the cause and "
        "result of the situation on the Korean peninsula.")
    assert sentences[15].startswith("” The South Korea-U. North Korea and Russia claim")
    assert sentences[15].endswith("and the destruction of the Korean Peninsula.")
    assert sentences[16] == "They are violating many principles of the U. N. Charter”, Kim added."


@pytest.mark.parametrize("path", [DEFENCE_TALKS, RFA], ids=["defence-talks", "rfa"])
def test_seed_offsets_point_at_the_sentences(path: Path) -> None:
    text = seed_text(path)
    spans = split_sentences(text)
    assert all(a < b <= c for (a, b), (c, _) in zip(spans, spans[1:]))
    assert all(text[s:e] == text[s:e].strip() and text[s:e] for s, e in spans)
    assert "\n" not in "".join(text[s:e] for s, e in spans)
