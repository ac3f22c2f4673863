"""The seed articles' timeline, compared with a hand-checked golden file.

tests/golden/seed_events.json lists every event an analyst would put on the
timeline of the two seed articles: type, date interval, status, actors, and per
source its attribution and figures. Regenerate it only after checking each
change by hand: `python tests/test_golden_seeds.py --write`.
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extract.load import load_paths  # noqa: E402
from extract.merge import merge_events  # noqa: E402
from extract.pipeline import extract_article  # noqa: E402

GOLDEN = Path(__file__).with_name("golden") / "seed_events.json"


def seed_timeline() -> list[dict]:
    articles = [a for a in load_paths([ROOT / "seeds"])]
    events = merge_events(e for article in articles for e in extract_article(article))
    return [summary(event) for event in events]


def summary(event) -> dict:
    return {
        "type": event.type,
        "label": event.label,
        "when": [event.when.start.isoformat(), event.when.end.isoformat()],
        "value": event.when.value,
        "mod": event.when.mod,
        "dated_by": event.when_basis,
        "status": event.status,
        "actors": list(event.actors),
        "places": list(event.places),
        "claims": [{"source": c.source, "attribution": c.attribution, "time": c.time_text,
                    "figures": [q.text for q in c.quantities]} for c in event.claims],
    }


def test_seed_timeline_matches_the_golden_file():
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert seed_timeline() == expected


def test_nothing_occurred_after_its_article_appeared():
    for item in seed_timeline():
        if item["status"] not in ("planned", "expected"):
            assert date.fromisoformat(item["when"][1]) <= date(2025, 1, 24), item["label"]


def test_the_jcs_statement_is_one_event_with_a_claim_from_each_article():
    jcs = [e for e in seed_timeline() if e["type"] == "statement" and e["when"] == ["2025-01-24", "2025-01-24"]
           and "South Korean military" in e["actors"]]
    assert len(jcs) == 1
    assert [c["source"] for c in jcs[0]["claims"]] == ["Defence Talks", "Radio Free Asia"]


def test_disagreeing_figures_stay_on_their_claims():
    by_type = {e["type"]: e for e in seed_timeline() if e["type"] in ("deployment", "casualties")}
    assert [(c["source"], c["attribution"], c["figures"]) for c in by_type["deployment"]["claims"]] == [
        ("Defence Talks", "Ukraine and Western sources", ["approximately 11,000 soldiers"]),
        ("Radio Free Asia", "Ukraine", ["up to 12, 000 North Vietnamese soldiers"]),
    ]
    assert [(c["source"], c["attribution"], c["figures"]) for c in by_type["casualties"]["claims"]] == [
        ("Defence Talks", "Kyiv", ["over 3,000 of these soldiers"]),
        ("Radio Free Asia", "Ukraine", ["About 4, 000 of the up to 12, 000 North Vietnamese soldiers"]),
    ]


if __name__ == "__main__" and "--write" in sys.argv:
    GOLDEN.write_text(json.dumps(seed_timeline(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")


def test_the_store_publishes_the_same_timeline(tmp_path):
    """Extracted through the command line into SQLite (its streaming merge), the seeds
    give exactly the golden timeline too."""
    from extract.cli import run
    from extract.store import open_store, read_events

    report = run([ROOT / "seeds"], db=tmp_path / "seeds.db", progress=False, jobs=1)
    assert report.failed == 0
    with open_store(tmp_path / "seeds.db") as store:
        stored = [summary(event) for event in read_events(store)]
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    key = lambda item: json.dumps(item, sort_keys=True)  # noqa: E731 - the store sorts by date
    assert sorted(stored, key=key) == sorted(expected, key=key)
