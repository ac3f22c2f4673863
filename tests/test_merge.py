"""Merging reports of one event across (and within) articles."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from extract.merge import merge_events
from extract.model import Claim, Event, Quantity
from extract.timex.span import TimeSpan


def span(start: str, end: str, value: str, granularity: str = "day", mod: str | None = None) -> TimeSpan:
    return TimeSpan(text=value, char_start=0, char_end=len(value), kind="DATE", value=value,
                    start=date.fromisoformat(start), end=date.fromisoformat(end), granularity=granularity,
                    mod=mod, anchor="2025-01-24", anchor_basis="publication", rule="test")


def event(article: str, type_: str, when: TimeSpan, actors=("North Korea",), places=(), status="occurred",
          figures=(), basis="expression", topic=None, published="2025-01-24", label=None, offset=0) -> Event:
    quantities = tuple(Quantity(text=f"{v:,}", value=v, qualifier=q, unit="soldiers") for v, q in figures)
    claim = Claim(article_id=article, source=article.title(), published=published, sentence="...",
                  sentence_start=offset, sentence_end=offset + 3, trigger="x", trigger_start=offset,
                  trigger_end=offset + 1, attribution=f"{article} source", quantities=quantities)
    return Event(id=f"{article}-{offset}", type=type_, label=label or f"{type_} {article}", when=when,
                 status=status, actors=tuple(actors), places=tuple(places), quantities=quantities,
                 claims=[claim], when_basis=basis, topic=topic)


SEPT = span("2024-09-01", "2024-09-30", "2024-09", "month")
BEFORE_PUB = span("2024-12-25", "2025-01-24", "2025-01-24", "day", mod="before")
FRIDAY = span("2025-01-24", "2025-01-24", "2025-01-24")


def test_two_articles_reporting_one_deployment_give_one_event_with_both_figures():
    a = event("a", "deployment", SEPT, places=("Kursk region",), figures=[(11000, "approx")],
              label="North Korea deploys ~11,000 troops to Kursk region")
    b = event("b", "deployment", BEFORE_PUB, places=("Kursk region",), figures=[(12000, "up_to")],
              basis="publication bound")
    [merged] = merge_events([a, b])
    assert merged.when == SEPT                       # the better-dated report decides when
    assert [c.article_id for c in merged.claims] == ["a", "b"]
    assert [[q.value for q in c.quantities] for c in merged.claims] == [[11000], [12000]]
    assert merged.label == "North Korea deploys 11,000–12,000 troops to Kursk region"


def test_merging_does_not_depend_on_input_order():
    items = [event("a", "deployment", SEPT), event("b", "deployment", BEFORE_PUB, basis="publication bound"),
             event("c", "capture", BEFORE_PUB, basis="publication bound")]
    forward = [(e.id, e.type, [c.article_id for c in e.claims]) for e in merge_events(items)]
    backward = [(e.id, e.type, [c.article_id for c in e.claims]) for e in merge_events(list(reversed(items)))]
    assert forward == backward


def test_ids_are_stable_when_a_later_article_adds_a_claim():
    first = merge_events([event("a", "deployment", SEPT)])
    later = merge_events([event("a", "deployment", SEPT),
                          event("z", "deployment", BEFORE_PUB, basis="publication bound", published="2025-02-01")])
    assert [e.id for e in first] == [e.id for e in later]


@pytest.mark.parametrize("other, merges", [
    (event("b", "capture", SEPT), False),                                      # another type
    (event("b", "deployment", SEPT, actors=("Russia",)), False),              # another actor
    (event("b", "deployment", span("2023-03-01", "2023-03-31", "2023-03", "month")), False),  # another time
    (event("b", "deployment", SEPT, places=("Donetsk region",)), False),       # another region
    (event("b", "deployment", SEPT, places=("Russia",)), True),                # the region's country
    (event("b", "deployment", SEPT, actors=(), places=("Kursk region",)), True),  # no actor, same place
    (event("b", "deployment", SEPT, actors=()), False),                        # nothing in common
    (event("b", "deployment", span("2023-06-01", "2023-06-01", "2023-06-01", mod="before")), False),  # bound a year away
    (event("b", "deployment", span("2025-01-24", "2025-03-24", "P2M", None), status="expected"), False),
    (event("b", "deployment", SEPT, places=("Kursk region",), figures=[(12000, "up_to")]), True),  # close figures
    (event("b", "deployment", SEPT, places=("Kursk region",), figures=[(40000, None)]), False),   # far apart
], ids=["type", "actor", "time", "region", "country-of-region", "no-actor-same-place", "nothing-in-common",
        "bound-too-far", "forward-vs-occurred", "figures-close", "figures-far-apart"])
def test_what_counts_as_the_same_event(other, merges):
    base = event("a", "deployment", SEPT, places=("Kursk region",), figures=[(11000, "approx")])
    assert (len(merge_events([base, other])) == 1) is merges


def test_one_speaker_one_day_is_one_statement_across_articles():
    jcs = event("a", "statement", FRIDAY, actors=("South Korean military",), topic="planned_deployment",
                basis="speech act")
    seoul = event("b", "statement", FRIDAY, actors=("South Korea",), topic="casualties", basis="speech act")
    [merged] = merge_events([jcs, seoul])
    assert [c.article_id for c in merged.claims] == ["a", "b"]


def test_statements_without_their_own_time_merge_only_on_the_same_subject():
    timed = event("a", "statement", FRIDAY, actors=("Ukraine",), topic="casualties", basis="speech act")
    other_subject = event("b", "statement", BEFORE_PUB, actors=("Ukraine",), topic="capture",
                          basis="publication bound")
    same_subject = event("c", "statement", BEFORE_PUB, actors=("Ukraine",), topic="casualties",
                         basis="publication bound")
    merged = merge_events([timed, other_subject, same_subject])
    assert sorted(len(e.claims) for e in merged) == [1, 2]


def test_different_weapons_are_different_transfers():
    drones = event("a", "weapons_transfer", BEFORE_PUB, topic="death drones", basis="publication bound")
    missiles = event("b", "weapons_transfer", BEFORE_PUB, topic="KN-23 missiles", basis="publication bound")
    assert len(merge_events([drones, missiles])) == 2


def test_one_article_repeating_an_event_gives_one_claim():
    first = event("a", "casualties", BEFORE_PUB, basis="publication bound", offset=10)
    second = event("a", "casualties", BEFORE_PUB, basis="publication bound", figures=[(3000, "over")], offset=90)
    [merged] = merge_events([first, second])
    assert len(merged.claims) == 1 and merged.claims[0].trigger_start == 90   # the one with the figure


def test_a_group_of_one_is_combined_the_same_on_its_json_form():
    from extract.merge import _combine, combine_single
    single = event("a", "deployment", SEPT, places=("Kursk region",), figures=[(11000, "approx"), (11000, "approx")])
    assert combine_single(single.to_dict()) == _combine([single]).to_dict()


def test_figures_that_step_apart_report_by_report_do_not_chain_into_one_event():
    # 10 fits 20, and 20 (the better-dated report, which later reports are compared
    # with) fits 40; but 40 is four times 10: the third report counts something else.
    vague = event("a", "capture", BEFORE_PUB, basis="publication bound", figures=[(10, None)],
                  published="2025-01-20")
    dated = event("b", "capture", span("2025-01-10", "2025-01-10", "2025-01-10"),
                  figures=[(20, None)], published="2025-01-22")
    larger = event("c", "capture", BEFORE_PUB, basis="publication bound", figures=[(40, None)])
    merged = merge_events([vague, dated, larger])
    assert sorted([c.article_id for c in e.claims] for e in merged) == [["a", "b"], ["c"]]
    together = next(e for e in merged if len(e.claims) == 2)
    assert sorted(q.value for q in together.quantities) == [10, 20]


def test_undated_statements_merge_only_when_made_about_the_same_time():
    # "Russia said" on a treaty, in articles of 22 and 24 January and of 27 August: a
    # statement dated only by its article was made shortly before it, not any time
    # that year.
    def said(article: str, published: str) -> Event:
        day = date.fromisoformat(published)
        bound = span((day - timedelta(days=30)).isoformat(), published, published, mod="before")
        return event(article, "statement", bound, actors=("Russia",), topic="treaty",
                     basis="publication bound", published=published)

    merged = merge_events([said("a", "2024-08-27"), said("b", "2025-01-22"), said("c", "2025-01-24")])
    assert sorted([c.article_id for c in e.claims] for e in merged) == [["a"], ["b", "c"]]


@pytest.mark.parametrize("claims", [0, 1, 3])
def test_an_events_json_text_is_what_json_dumps_makes_of_its_dict(claims):
    """``Event.to_json`` writes the claims one at a time; the text is the same, whatever
    the labels and sentences hold (quotes, the key's own words, other scripts)."""
    tricky = 'He said "claims": [] — Курск, 北朝鮮 \\ "'
    base = event("a", "deployment", SEPT, places=("Kursk region",), figures=[(11000, "approx")],
                 label=tricky, topic=tricky)
    claim = base.claims[0]
    many = [Claim(**{**{name: getattr(claim, name) for name in claim.__slots__},
                     "sentence": f"{tricky} {number}", "attribution": None})
            for number in range(claims)]
    subject = Event(**{**{name: getattr(base, name) for name in base.__slots__},
                       "claims": many})
    assert subject.to_json() == json.dumps(subject.to_dict(), ensure_ascii=False)
    assert Event.from_dict(json.loads(subject.to_json())) == subject


def test_combining_hands_each_articles_claim_on_as_soon_as_the_article_is_done():
    """With ``on_claim``, a merged event's claims leave the fold one at a time, in the
    merged event's order, each when its article's last report is in: the result is the
    event ``_combine`` makes, but for its claims."""
    from extract.merge import Combining, _combine
    reports = [event("a", "deployment", BEFORE_PUB, basis="publication bound", offset=5,
                     published="2025-01-20"),
               event("a", "deployment", BEFORE_PUB, basis="publication bound", offset=40,
                     published="2025-01-20", figures=[(11000, "approx")]),
               event("b", "deployment", SEPT, places=("Kursk region",), published="2025-01-22",
                     figures=[(12000, "up_to")]),
               event("c", "deployment", BEFORE_PUB, basis="publication bound")]
    handed: list[tuple[str, int, int]] = []
    fold = Combining(on_claim=lambda claim: handed.append(
        (claim.article_id, claim.trigger_start, len(handed))))
    for number, report in enumerate(reports):
        fold.add(report)
        # an article's claim leaves when the next article's first report comes in
        assert [article for article, _, _ in handed] == ["", "", "a", "a b"][number].split()
    merged = fold.result()
    assert handed == [("a", 40, 0), ("b", 0, 1), ("c", 0, 2)]
    whole = _combine(reports)
    assert [(c.article_id, c.trigger_start) for c in whole.claims] == [("a", 40), ("b", 0), ("c", 0)]
    assert merged.claims == []
    assert merged.to_dict() == {**whole.to_dict(), "claims": []}
    assert whole.label == "deployment b" and whole.confidence == 0.7 and [q.value for q in whole.quantities] == [11000, 12000]


def test_combining_refuses_reports_out_of_merge_order():
    from extract.merge import Combining
    fold = Combining()
    fold.add(event("b", "deployment", SEPT, published="2025-01-22"))
    fold.add(event("a", "deployment", SEPT, published="2025-01-20"))
    with pytest.raises(ValueError, match="reports out of merge order: article a after a later one"):
        fold.result()
