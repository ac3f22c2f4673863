"""Golden test: every time expression in the two seed articles, and nothing else.

The articles are read from the repository's ``seeds/`` folder (one ``.md`` file
each: YAML front matter between ``---`` lines, then the text exactly as given).
They are chosen by their ``source:`` ("Defence Talks", "Radio Free Asia"), not by
file name. Both were published on 2025-01-24 (a Friday).

Each expected expression is located by a context string that occurs exactly once
in the article, so the expected character offsets are computed, not typed.

Decisions (see also tests/test_timex_families.py):

* Extent follows TimeML: prepositions are excluded ("on Friday" -> "Friday",
  "within the next two months" -> "the next two months").
* "With four months elapsed since the troop deployment": DURATION P4M. It places
  the deployment relative to the reference (DESIGN: "four months since the
  deployment"), so it is drawn as the elapsed interval reference-4 months ..
  reference = 2024-09-24 .. 2025-01-24.
* "four weeks into the Russian-Ukrainian war": DURATION P4W, measured from an
  event with no date in the text, so it is not drawn (start/end None).
* "within the next two months" is reported "on Wednesday" (2025-01-22), but a
  duration that places something is drawn from the *publication* date
  (DESIGN), so: 2025-01-24 .. 2025-03-24.
* "in October" / "in December" (past tense, published January 2025) -> 2024-10 /
  2024-12.
* Not time expressions (no TIMEX3 in TimeML): "initially", "once more", "first",
  "imminent", "latest", "when". "already" is tolerated but not required
  (ALLOWED_EXTRA): TimeML corpora are inconsistent about it.
* "now" in 003's first line sits in the reprint notice; if the seed file drops
  that line as boilerplate, the expectation is skipped rather than failed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from extract.timex import find_timexes

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
PUBLISHED = date(2025, 1, 24)
DEFENCE_TALKS = "Defence Talks"
RFA = "Radio Free Asia"

# Words the engine may additionally mark in the seeds without failing the count.
ALLOWED_EXTRA = frozenset({"already"})


@dataclass(frozen=True)
class Expect:
    context: str          # occurs exactly once in the article and contains `text`
    text: str             # exact expression text
    kind: str
    value: str
    start: str | None
    end: str | None
    granularity: str | None
    boilerplate: bool = False   # may be absent if the seed moved it out of the text


EXPECTED = {
    DEFENCE_TALKS: [
        Expect("military reported on Friday that", "Friday",
               "DATE", "2025-01-24", "2025-01-24", "2025-01-24", "day"),
        Expect("With four months elapsed since", "four months",
               "DURATION", "P4M", "2024-09-24", "2025-01-24", None),
        Expect("there are currently no indications", "currently",
               "DATE", "PRESENT_REF", None, None, None),
        Expect("Earlier this month, Ukrainian", "Earlier this month",
               "DATE", "2025-01", "2025-01-01", "2025-01-24", "month"),
        Expect("the war began last autumn.", "last autumn",
               "DATE", "2024-FA", "2024-09-01", "2024-11-30", "season"),
        Expect("in a surprise attack last year.", "last year",
               "DATE", "2024", "2024-01-01", "2024-12-31", "year"),
        Expect("acknowledged in October that", "October",
               "DATE", "2024-10", "2024-10-01", "2024-10-31", "month"),
        Expect("to Pyongyang in June 2024, during", "June 2024",
               "DATE", "2024-06", "2024-06-01", "2024-06-30", "month"),
    ],
    RFA: [
        Expect("it is now being reprinted", "now",
               "DATE", "PRESENT_REF", None, None, None, boilerplate=True),
        Expect("South Korea said on Friday that North Korea", "Friday",
               "DATE", "2025-01-24", "2025-01-24", "2025-01-24", "day"),
        Expect("according to Ukraine on Wednesday.", "Wednesday",
               "DATE", "2025-01-22", "2025-01-22", "2025-01-22", "day"),
        Expect("or JCS, said on Friday that", "Friday",
               "DATE", "2025-01-24", "2025-01-24", "2025-01-24", "day"),
        Expect("occurred four weeks into the", "four weeks",
               "DURATION", "P4W", None, None, None),
        Expect("The JSC stated in December that", "December",
               "DATE", "2024-12", "2024-12-01", "2024-12-31", "month"),
        Expect("reported on Wednesday that North Korean", "Wednesday",
               "DATE", "2025-01-22", "2025-01-22", "2025-01-22", "day"),
        Expect("within the next two months.", "the next two months",
               "DURATION", "P2M", "2025-01-24", "2025-03-24", None),
        Expect("conference held on Thursday at", "Thursday",
               "DATE", "2025-01-23", "2025-01-23", "2025-01-23", "day"),
        Expect("state visit to Pyongyang last year", "last year",
               "DATE", "2024", "2024-01-01", "2024-12-31", "year"),
        Expect("invasion of South Korea in 1950", "1950",
               "DATE", "1950", "1950-01-01", "1950-12-31", "year"),
    ],
}


# --- loading the seeds --------------------------------------------------------------------------

def split_front_matter(raw: str) -> tuple[dict, str]:
    """Return (metadata, text): the text is everything after the second '---' line,
    minus the single newline that ends that line."""
    raw = raw.lstrip("\ufeff")
    lines = raw.split("\n")
    if not lines or lines[0].rstrip("\r ") != "---":
        raise ValueError("no front matter: first line is not '---'")
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r ") == "---":
            header = "\n".join(lines[1:i])
            text = "\n".join(lines[i + 1:])
            return _parse_header(header), text
    raise ValueError("front matter is not closed by a second '---' line")


def _parse_header(header: str) -> dict:
    try:
        import yaml

        data = yaml.safe_load(header)
        if isinstance(data, dict):
            return data
    except Exception:  # fall back to flat "key: value" lines
        pass
    data = {}
    for line in header.splitlines():
        if ":" in line and not line.startswith((" ", "\t", "#")):
            key, _, value = line.partition(":")
            data[key.strip()] = value.strip().strip("'\"")
    return data


@pytest.fixture(scope="module")
def seed_texts() -> dict[str, str]:
    files = sorted(SEEDS_DIR.glob("*.md"))
    if not files:
        pytest.fail(f"no seed articles in {SEEDS_DIR}")
    found: dict[str, list[tuple[Path, dict, str]]] = {DEFENCE_TALKS: [], RFA: []}
    for path in files:
        meta, text = split_front_matter(path.read_text(encoding="utf-8"))
        source = str(meta.get("source", ""))
        for name in found:
            if name in source:
                found[name].append((path, meta, text))
    texts = {}
    for name, hits in found.items():
        assert len(hits) == 1, f"expected one seed with source {name!r}, found {[str(h[0]) for h in hits]}"
        path, meta, text = hits[0]
        if "published" in meta:
            assert str(meta["published"]).startswith(PUBLISHED.isoformat()), (
                f"{path.name}: published is {meta['published']!r}, these expectations assume {PUBLISHED}"
            )
        texts[name] = text
    return texts


@pytest.fixture(scope="module")
def seed_spans(seed_texts) -> dict[str, list]:
    return {name: find_timexes(text, PUBLISHED) for name, text in seed_texts.items()}


def _locate(text: str, exp: Expect) -> int | None:
    """Character offset of exp.text in the article, or None for missing boilerplate."""
    count = text.count(exp.context)
    if count == 0 and exp.boilerplate:
        return None
    assert count == 1, f"context {exp.context!r} occurs {count} times in the seed text"
    return text.index(exp.context) + exp.context.index(exp.text)


def _dump(spans) -> str:
    return "\n".join(
        f"  {s.text!r} [{s.char_start}:{s.char_end}] {s.kind} {s.value} {s.start}..{s.end} "
        f"{s.granularity} anchor={s.anchor}/{s.anchor_basis} rule={s.rule}"
        for s in spans
    ) or "  (no spans)"


def _d(iso):
    return None if iso is None else date.fromisoformat(iso)


# --- one test per expected expression -----------------------------------------------------------

CASES = [
    pytest.param(source, exp, id=f"{'000' if source == DEFENCE_TALKS else '003'}-{i:02d}-{exp.text}")
    for source, expects in EXPECTED.items()
    for i, exp in enumerate(expects)
]


@pytest.mark.parametrize("source, exp", CASES)
def test_seed_expression(seed_texts, seed_spans, source, exp):
    text = seed_texts[source]
    start = _locate(text, exp)
    if start is None:
        pytest.skip(f"boilerplate {exp.context!r} is not in the seed text")
    end = start + len(exp.text)
    spans = seed_spans[source]
    at = [s for s in spans if (s.char_start, s.char_end) == (start, end)]
    assert len(at) == 1, (
        f"expected one span {exp.text!r} at [{start}:{end}] ({exp.context!r}); spans found:\n{_dump(spans)}"
    )
    span = at[0]
    assert span.text == exp.text
    got = (span.kind, span.value, span.start, span.end, span.granularity)
    want = (exp.kind, exp.value, _d(exp.start), _d(exp.end), exp.granularity)
    assert got == want, f"{exp.text!r} in {exp.context!r}"
    if exp.start is not None:
        # everything drawable in the seeds is deictic: resolved against publication
        assert (span.anchor, span.anchor_basis) == (PUBLISHED.isoformat(), "publication")


# --- nothing else: no numbers, names or adverbs mistaken for dates -------------------------------

@pytest.mark.parametrize("source", [DEFENCE_TALKS, RFA], ids=["000-defence-talks", "003-rfa"])
def test_seed_finds_nothing_else(seed_texts, seed_spans, source):
    text = seed_texts[source]
    expected = set()
    for exp in EXPECTED[source]:
        start = _locate(text, exp)
        if start is not None:
            expected.add((start, start + len(exp.text)))
    spans = seed_spans[source]
    unexpected = [
        s for s in spans
        if (s.char_start, s.char_end) not in expected and s.text.lower() not in ALLOWED_EXTRA
    ]
    assert not unexpected, f"unexpected spans in the {source} seed:\n{_dump(unexpected)}"
    allowed_extra = [s for s in spans if s.text.lower() in ALLOWED_EXTRA]
    assert len(spans) == len(expected) + len(allowed_extra), (
        f"expected {len(expected)} spans (+{len(allowed_extra)} allowed extras), got:\n{_dump(spans)}"
    )
