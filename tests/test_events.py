"""The event finder on sentences that are not in the seeds: it must generalise.

Each row: a sentence (published Friday 24 January 2025) and the events expected
from it, as (type, status, first day, last day, label, actors).
"""
from __future__ import annotations

from datetime import date

import pytest

from extract.article import Article
from extract.events import find_events

PUBLISHED = date(2025, 1, 24)


def events_of(text: str) -> list[tuple]:
    article = Article(id="t", title="t", source="Wire", url=None, published=PUBLISHED,
                      published_basis="front matter", text=text)
    return [(e.type, e.status, e.when.start.isoformat(), e.when.end.isoformat(), e.label, e.actors)
            for e in find_events(article)]


CASES = [
    pytest.param(
        "Russia launched a hypersonic missile at Kyiv on Tuesday, Ukrainian officials said.",
        [("launch", "occurred", "2025-01-21", "2025-01-21", "Russia launches hypersonic missile", ("Russia",)),
         ("statement", "occurred", "2024-12-25", "2025-01-24", "Ukraine: launch", ("Ukraine",))],
        id="launch-reported-after-the-fact"),
    pytest.param(
        # The speaker is the phrase after the last comma, though it names no actor: the
        # Ukrainian soldiers, Kharkiv and Tuesday belong to the capture, not to who said it.
        "Russian forces captured 12 Ukrainian soldiers near Kharkiv on Tuesday, a spokesperson "
        "for the regional administration said.",
        [("capture", "occurred", "2025-01-21", "2025-01-21", "12 Ukrainian soldiers captured in Kharkiv",
          ("Ukraine", "Russia"))],
        id="capture-reported-by-an-unnamed-spokesperson"),
    pytest.param(
        # People under arms other than "soldiers" and "troops" are counted, and say whose.
        "Russia deployed 3,000 marines to Crimea last week. Ukrainian forces captured 12 Russian "
        "paratroopers in the Kursk region on Monday.",
        [("deployment", "occurred", "2025-01-13", "2025-01-19", "Russia deploys 3,000 troops to Crimea",
          ("Russia",)),
         ("capture", "occurred", "2025-01-20", "2025-01-20", "12 Russian soldiers captured in Kursk region",
          ("Russia", "Ukraine"))],
        id="marines-and-paratroopers"),
    pytest.param(
        "North Korea's foreign ministry, in a statement carried by KCNA, said on Wednesday that "
        "200 soldiers were killed.",
        [("casualties", "occurred", "2024-12-23", "2025-01-22", "200 killed or wounded", ()),
         ("statement", "occurred", "2025-01-22", "2025-01-22", "North Korea: casualties", ("North Korea",))],
        id="a-parenthesis-between-speaker-and-verb"),
    pytest.param(
        "Ukraine's defence ministry said on Monday that 200 Russian soldiers were killed in the Donetsk region last week.",
        [("casualties", "occurred", "2025-01-13", "2025-01-19", "200 Russian troops killed or wounded", ("Russia",)),
         ("statement", "occurred", "2025-01-20", "2025-01-20", "Ukraine: casualties", ("Ukraine",))],
        id="casualties-last-week-statement-on-monday"),
    pytest.param(
        "North Korea will send 5,000 more troops to Russia next month, according to South Korea's spy agency.",
        [("planned_deployment", "planned", "2025-02-01", "2025-02-28", "North Korea to send 5,000 more troops to Russia",
          ("North Korea",)),
         ("statement", "occurred", "2024-12-25", "2025-01-24", "South Korea: more troops to be sent", ("South Korea",))],
        id="future-deployment-next-month"),
    pytest.param(
        "The Pentagon announced on Thursday that it had delivered more artillery shells to Ukraine.",
        [("weapons_transfer", "occurred", "2024-12-24", "2025-01-23", "United States supplies artillery shells to Ukraine",
          ("United States",)),
         ("statement", "occurred", "2025-01-23", "2025-01-23", "United States: weapons supplied", ("United States",))],
        id="transfer-on-or-before-the-announcement"),
    pytest.param(
        "Ukrainian forces captured 30 Russian soldiers near Kharkiv on Sunday.",
        [("capture", "occurred", "2025-01-19", "2025-01-19", "30 Russian soldiers captured in Kharkiv", ("Russia", "Ukraine"))],
        id="capture-active-voice"),
    pytest.param(
        "Kim Jong Un visited Moscow in September 2023.",
        [("visit", "occurred", "2023-09-01", "2023-09-30", "Kim Jong Un visits Moscow", ("North Korea", "Russia"))],
        id="visit-to-a-capital"),
    pytest.param(
        "Russia denied that its troops were stationed in Belarus.",
        [("deployment", "denied", "2024-12-25", "2025-01-24", "Russia deploys troops to Belarus", ("Russia",)),
         ("statement", "denied", "2024-12-25", "2025-01-24", "Russia denies reports: troops deployed", ("Russia",))],
        id="denial-keeps-the-hedge"),
    pytest.param(
        "Officials said the weather was cold.",
        [],
        id="no-event"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_events_of_a_sentence(text, expected):
    assert events_of(text) == expected


def test_evidence_offsets_point_at_the_trigger_and_the_time():
    text = "Seoul said on Friday that North Korea had sent 3,000 troops to Kursk in December."
    [deployment] = [e for e in find_events(Article(
        id="t", title="t", source="Wire", url=None, published=PUBLISHED, published_basis="front matter",
        text=text)) if e.type == "deployment"]
    claim = deployment.claims[0]
    assert text[claim.trigger_start:claim.trigger_end] == claim.trigger == "sent 3,000 troops"
    assert text[claim.time_start:claim.time_end] == claim.time_text == "December"
    assert (deployment.when.start, deployment.when.end) == (date(2024, 12, 1), date(2024, 12, 31))
    assert [q.value for q in deployment.quantities] == [3000]
