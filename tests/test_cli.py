"""``python -m extract``: runs that are idempotent, incremental, parallel, survive bad
articles and ``kill -9``. The extractor is a stand-in (chronicle_fakes), put in place
with monkeypatch, or with CHRONICLE_EXTRACTOR for runs in a subprocess."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

import chronicle_fakes as fakes
from extract import cli, merge, pipeline
from extract.cli import Failure, main, run
from extract.store import check_store, count, open_store, read_events, writing

ROOT = Path(__file__).resolve().parents[1]
SLOW = "chronicle_fakes:slow_statement"
REAL_MERGE = merge.merge_events   # what a run in a subprocess uses


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch):
    """The stand-in extractor and merge, and no CHRONICLE_EXTRACTOR from outside."""
    monkeypatch.setattr(pipeline, "extract_article", fakes.statement)
    monkeypatch.setattr(merge, "merge_events", fakes.merge_by_id)
    monkeypatch.delenv(cli.EXTRACTOR_ENV, raising=False)


def event_ids(db: Path) -> list[str]:
    with open_store(db) as store:
        return [e.id for e in read_events(store)]


# --- a run ------------------------------------------------------------------------------

def test_a_run_stores_each_articles_events_and_merges_them(tmp_path):
    corpus = tmp_path / "corpus"
    fakes.write_article(corpus, "kyiv", "Kyiv said 3000 soldiers fell. SHARED", "2025-01-12")
    fakes.write_article(corpus, "seoul", "Seoul said 12000 soldiers. SHARED", "2025-01-24")
    report = run([corpus], db=tmp_path / "c.db", progress=False)
    assert (report.read, report.extracted, report.unchanged, report.failures) == (2, 2, 0, [])
    assert (report.articles, report.events) == (2, 3)
    assert report.summary() == (f"2 articles read: 2 extracted, 0 unchanged, 0 failed; "
                                f"3 events from 2 articles in {tmp_path / 'c.db'}")
    with open_store(tmp_path / "c.db") as store:
        events = read_events(store)
        assert [e.id for e in events] == ["shared", "statement-kyiv", "statement-seoul"]
        assert [c.article_id for c in events[0].claims] == ["kyiv", "seoul"]
        assert check_store(store) == []


def test_main_prints_a_summary_and_writes_the_exports(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    fakes.write_corpus(corpus, 3)
    db, out = tmp_path / "c.db", tmp_path / "out"
    code = main([str(corpus), "--db", str(db), "--json", str(out / "e.json"),
                 "--csv", str(out / "e.csv"), "--quiet"])
    captured = capsys.readouterr()
    assert code == 0
    assert captured.out == (f"3 articles read: 3 extracted, 0 unchanged, 0 failed; "
                            f"3 events from 3 articles in {db}\n")
    assert captured.err == ""
    exported = json.loads((out / "e.json").read_text(encoding="utf-8"))["events"]
    assert [e["id"] for e in exported] == ["statement-a0000", "statement-a0001",
                                           "statement-a0002"]
    lines = (out / "e.csv").read_text(encoding="utf-8").splitlines()
    assert lines[1] == ("statement-a0000,statement,Statement by Source 0,2025-01-01,"
                        "2025-01-01,day,occurred,Seoul,,Source 0,a0000,2025-01-01,Source 0,"
                        "0 soldiers,Seoul said 0 soldiers moved.")
    assert len(lines) == 4


def test_published_is_used_for_articles_without_a_date(tmp_path):
    (tmp_path / "undated.txt").write_text("Moscow said nothing.\n", encoding="utf-8")
    report = run([tmp_path / "undated.txt"], db=tmp_path / "c.db", progress=False,
                 published=date(2025, 1, 3))
    assert report.failures == []
    with open_store(tmp_path / "c.db") as store:
        assert [(e.id, str(e.when.start)) for e in read_events(store)] == [
            ("statement-undated", "2025-01-03")]


# --- idempotent, incremental --------------------------------------------------------------

def test_running_twice_changes_nothing(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "c.db"
    fakes.write_corpus(corpus, 5)
    first = run([corpus], db=db, progress=False)
    after_first = fakes.dump(db)
    second = run([corpus], db=db, progress=False)
    assert (first.extracted, first.unchanged) == (5, 0)
    assert (second.extracted, second.unchanged, second.events) == (0, 5, 5)
    assert fakes.dump(db) == after_first
    assert len(after_first["events"]) == len({row[1] for row in after_first["events"]}) == 5


def test_only_changed_and_new_articles_are_extracted(tmp_path, monkeypatch):
    corpus, db = tmp_path / "corpus", tmp_path / "c.db"
    paths = fakes.write_corpus(corpus, 4)
    run([corpus], db=db, progress=False)
    seen: list[str] = []

    def counting(article):
        seen.append(article.id)
        return fakes.statement(article)

    monkeypatch.setattr(pipeline, "extract_article", counting)
    paths[1].write_text(paths[1].read_text().replace("moved.", "moved. SHARED"))
    fakes.write_article(corpus, "new", "Kyiv said 5 soldiers moved.")
    paths[3].unlink()
    report = run([corpus], db=db, progress=False)
    assert sorted(seen) == ["a0001", "new"]
    assert (report.read, report.extracted, report.unchanged, report.articles) == (4, 2, 2, 5)
    # a removed file keeps its events until a run with --prune
    assert sorted(event_ids(db)) == ["shared", "statement-a0000", "statement-a0001",
                                     "statement-a0002", "statement-a0003", "statement-new"]
    pruned = run([corpus], db=db, progress=False, prune=True)
    assert (pruned.pruned, pruned.articles, pruned.unchanged) == (1, 4, 4)
    assert sorted(event_ids(db)) == ["shared", "statement-a0000", "statement-a0001",
                                     "statement-a0002", "statement-new"]


# --- bad articles -------------------------------------------------------------------------

def test_bad_articles_are_reported_and_the_rest_stored(tmp_path, capsys):
    corpus, db = tmp_path / "corpus", tmp_path / "c.db"
    fakes.write_corpus(corpus, 3)
    (corpus / "empty.md").write_bytes(b"")
    (corpus / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    fakes.write_article(corpus, "broken", "Kyiv said EXPLODE.")
    code = main([str(corpus), "--db", str(db), "--quiet", "--prune"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.splitlines() == [
        "3 of 6 articles failed:",
        f"  {corpus / 'binary.md'}: is a binary file (NUL byte at offset 8), not an article",
        f"  {corpus / 'broken.md'}: extraction failed: RuntimeError: cannot read broken",
        f"  {corpus / 'empty.md'}: is empty",
    ]
    assert captured.out == (f"6 articles read: 3 extracted, 0 unchanged, 3 failed; 3 events "
                            f"from 3 articles in {db}; --prune skipped because articles "
                            "failed\n")
    assert event_ids(db) == ["statement-a0000", "statement-a0001", "statement-a0002"]


def test_two_files_with_one_id_are_reported_naming_both(tmp_path, capsys):
    """A run keeps its ids on disk (``store.run_ids``), not in memory, and still names
    the file that held an id first."""
    corpus, db = tmp_path / "corpus", tmp_path / "c.db"
    first = fakes.write_article(corpus / "a", "story", "Seoul said 3 soldiers moved.")
    second = fakes.write_article(corpus / "b", "story", "Kyiv said 4 soldiers moved.")
    fakes.write_article(corpus / "b", "other", "Seoul said 5 soldiers moved.")
    code = main([str(corpus), "--db", str(db), "--quiet"])
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        "1 of 3 articles failed:",
        f"  {second}: has the same id 'story' as {first}: rename one of them or give it an "
        "`id:` in its metadata",
    ]
    assert event_ids(db) == ["statement-other", "statement-story"]
    assert main([str(corpus / "b" / "other.md"), "--db", str(db), "--quiet"]) == 0  # ids: per run


def test_an_article_that_fails_again_keeps_its_earlier_events(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "c.db"
    path = fakes.write_article(corpus, "flaky", "Kyiv said it.")
    run([corpus], db=db, progress=False)
    path.write_text(path.read_text().replace("said it", "said EXPLODE"))
    report = run([corpus], db=db, progress=False)
    assert report.failures == [Failure(str(path), "extraction failed: RuntimeError: "
                                                  "cannot read flaky")]
    assert event_ids(db) == ["statement-flaky"]
    assert (report.read, report.extracted, report.unchanged) == (1, 0, 0)


def test_a_bad_store_or_extractor_stops_the_run_before_it_starts(tmp_path, capsys,
                                                                 monkeypatch):
    (tmp_path / "junk.db").write_bytes(b"junk" * 500)
    assert main([str(tmp_path), "--db", str(tmp_path / "junk.db"), "--quiet"]) == 2
    assert capsys.readouterr().err.startswith(f"error: {tmp_path / 'junk.db'}: is not a "
                                              "Chronicle database")
    monkeypatch.setenv(cli.EXTRACTOR_ENV, "no_such_module:f")
    assert main([str(tmp_path), "--db", str(tmp_path / "c.db"), "--quiet"]) == 2
    assert capsys.readouterr().err == ("error: CHRONICLE_EXTRACTOR='no_such_module:f': "
                                       "No module named 'no_such_module'\n")
    monkeypatch.setenv(cli.EXTRACTOR_ENV, "chronicle_fakes")
    assert main([str(tmp_path), "--db", str(tmp_path / "c.db"), "--quiet"]) == 2
    assert capsys.readouterr().err == ("error: CHRONICLE_EXTRACTOR='chronicle_fakes': "
                                       "expected module:function\n")


def test_a_second_run_at_once_is_refused(tmp_path, capsys):
    db = tmp_path / "c.db"
    fakes.write_corpus(tmp_path / "corpus", 1)
    with open_store(db) as store, writing(store):
        assert main([str(tmp_path / "corpus"), "--db", str(db), "--quiet"]) == 2
    assert capsys.readouterr().err == (f"error: {db}: another run is writing to it; wait "
                                       "for it to end\n")
    assert main([str(tmp_path / "corpus"), "--db", str(db), "--quiet"]) == 0


def test_the_environment_can_name_the_extractor(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "extract_article", lambda article: [])
    fakes.write_corpus(tmp_path / "corpus", 2)
    monkeypatch.setenv(cli.EXTRACTOR_ENV, "chronicle_fakes:statement")
    report = run([tmp_path / "corpus"], db=tmp_path / "c.db", progress=False)
    assert report.events == 2
    monkeypatch.delenv(cli.EXTRACTOR_ENV)
    # another extractor: another content hash, so every article is extracted again
    report = run([tmp_path / "corpus"], db=tmp_path / "c.db", progress=False)
    assert (report.extracted, report.unchanged, report.events) == (2, 0, 0)


# --- parallel, progress -------------------------------------------------------------------

def test_two_jobs_store_what_one_job_stores(tmp_path):
    corpus = tmp_path / "corpus"
    paths = fakes.write_corpus(corpus, cli.IN_PROCESS_BELOW + 10)
    paths[7].write_text(paths[7].read_text().replace("moved.", "moved. SHARED"))
    paths[40].write_text(paths[40].read_text().replace("moved.", "moved. SHARED"))
    paths[23].write_text(paths[23].read_text().replace("moved.", "EXPLODE"))
    one = run([corpus], db=tmp_path / "one.db", jobs=1, progress=False)
    two = run([corpus], db=tmp_path / "two.db", jobs=2, progress=False)
    assert (two.read, two.extracted, two.failed, two.events) == (60, 59, 1, 60)
    assert two.failures == one.failures
    assert fakes.dump(tmp_path / "two.db") == fakes.dump(tmp_path / "one.db")


def test_a_long_run_shows_progress_unless_quiet(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    fakes.write_corpus(corpus, cli.PROGRESS_ABOVE + 1)
    run([corpus], db=tmp_path / "c.db", jobs=1)
    assert "51/51" in capsys.readouterr().err
    assert main([str(corpus), "--db", str(tmp_path / "c.db"), "--quiet"]) == 0
    assert capsys.readouterr().err == ""


# --- kill -9 ------------------------------------------------------------------------------

def start(corpus: Path, db: Path) -> subprocess.Popen[str]:
    """``python -m extract`` with the slow stand-in extractor, in its own process."""
    env = {**os.environ, cli.EXTRACTOR_ENV: SLOW, "CHRONICLE_FAKE_DELAY": "0.01",
           "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    return subprocess.Popen([sys.executable, "-m", "extract", str(corpus), "--db", str(db),
                             "--jobs", "1", "--quiet"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def staged(db: Path) -> int:
    if not db.exists():
        return 0
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM staged_articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        connection.close()


def kill_when(process: subprocess.Popen[str], db: Path, staged_at_least: int) -> bool:
    """SIGKILL the run as soon as it has staged ``staged_at_least`` articles; False if it
    ended first."""
    deadline = time.monotonic() + 60
    while staged(db) < staged_at_least:
        if process.poll() is not None:
            return False
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL
    return True


@pytest.mark.slow
def test_a_run_killed_at_any_moment_leaves_a_consistent_store(tmp_path, monkeypatch):
    monkeypatch.setattr(merge, "merge_events", REAL_MERGE)
    corpus, db = tmp_path / "corpus", tmp_path / "c.db"
    fakes.write_corpus(corpus, 30)
    first = start(corpus, db)
    assert first.communicate(timeout=60)[1] == "" and first.returncode == 0
    before = fakes.dump(db)
    fakes.write_corpus(corpus, 250, version=" Again.")   # 30 changed, 220 new

    # killed while staging: nothing a reader sees has changed
    assert kill_when(start(corpus, db), db, staged_at_least=100)
    with open_store(db) as store:
        assert check_store(store) == []
    assert fakes.dump(db) == before

    # killed as it publishes (just before, during, or never if it was quicker): the old
    # state or the new one, nothing in between
    kill_when(start(corpus, db), db, staged_at_least=250)
    with open_store(db) as store:
        assert check_store(store) == []
        assert count(store, "articles") in (30, 250)

    # a rerun resumes and ends where a clean run ends
    rerun = start(corpus, db)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert out.startswith("250 articles read: ") and out.endswith(" 0 failed; 250 events "
                                                                  f"from 250 articles in {db}\n")
    clean = start(corpus, tmp_path / "clean.db")
    assert clean.communicate(timeout=120)[1] == "" and clean.returncode == 0
    assert fakes.dump(db) == fakes.dump(tmp_path / "clean.db")
