"""``python -m extract.bench events``: the synthetic corpus and the benchmark command;
and the store's streaming merge, on that corpus, against ``merge_events`` itself."""
from __future__ import annotations

import re
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from pathlib import Path

import pytest

from extract import grouping, pipeline, stream_merge
from extract.bench import synth
from extract.load import LoadError, load_paths
from extract.store import (Batch, check_store, content_hash, count, event_rows, new_run,
                           open_store, publish, stage)

ROOT = Path(__file__).resolve().parents[1]


def test_the_same_seed_writes_the_same_bytes(tmp_path):
    first = synth.write_corpus(tmp_path / "a", 12, seed=3)
    again = synth.write_corpus(tmp_path / "b", 12, seed=3)
    other = synth.write_corpus(tmp_path / "c", 12, seed=4)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.md"))
    assert len(files) == first.files == 12
    assert first.bytes == again.bytes
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes()
               for f in files)
    assert synth.article(5, seed=3) == synth.article(5, seed=3) != synth.article(5, seed=4)
    assert other.bytes != first.bytes


def test_articles_load_are_about_2_kb_and_vary(tmp_path):
    corpus = synth.write_corpus(tmp_path, 150)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0000", "0001"]  # 100 a folder
    loaded = list(load_paths([tmp_path]))
    assert [item for item in loaded if isinstance(item, LoadError)] == []
    sizes = [len(text.encode()) for _path, text in synth.articles(150)]
    assert 1700 <= min(sizes) and max(sizes) <= 2700
    assert 1900 <= corpus.bytes / corpus.files <= 2300
    assert len({a.source for a in loaded}) > 20
    assert len({a.published_date.year for a in loaded}) >= 4
    assert len({a.text for a in loaded}) == len(loaded)          # no two alike
    texts = "\n".join(a.text for a in loaded)
    assert re.search(r"\b\d{1,2}, \d{3}\b", texts)          # "12, 000"
    for written in ("about ", "up to ", "according to ", "last week",
                    "earlier this month", " ago"):
        assert written in texts


@pytest.mark.parametrize("warm_groups, processes, merge_buffer",
                         [(grouping.WARM_GROUPS, 0, None), (40, 0, None), (8, 0, None),
                          (40, 2, None), (40, 0, 3000), (40, 2, 3000)])
def test_the_stores_merge_is_what_merge_events_makes(tmp_path, monkeypatch, warm_groups,
                                                      processes, merge_buffer):
    """Publishing merges in streaming passes with indexes, spilling the groups of the
    oldest times beyond ``WARM_GROUPS``; ``check_store`` compares the result with
    ``merge_events`` over every per-article event. With 40 groups in memory, most that
    outlive their article are spilled, and some reports join a spilled group (which
    comes back to memory); with 8, nearly every report that may join an older group
    looks among spilled ones. With worker processes, the grouping runs in a process of
    its own (spilling alike, unseen from here) and two processes combine the groups, in
    batches of 50. With batches of 3,000 characters of reports, the groups reported
    more than that are combined a report at a time in this process, their claims written
    two at a time as they are made. The merged events are written 97 at a time, with
    their claims, each step a transaction of its own."""
    monkeypatch.setattr(grouping, "WARM_GROUPS", warm_groups)
    monkeypatch.setattr(stream_merge, "_MERGE_BATCH", 50)
    monkeypatch.setattr(stream_merge, "_WRITE_ROWS", 97)
    monkeypatch.setattr(stream_merge, "_CLAIM_ROWS", 2)
    if merge_buffer:
        monkeypatch.setattr(stream_merge, "_MERGE_BUFFER", merge_buffer)
    large, small_groups = [], stream_merge._small_groups
    monkeypatch.setattr(stream_merge, "_small_groups", lambda rows, large_group: small_groups(
        rows, lambda grp: (large.append(grp), large_group(grp))[1]))
    monkeypatch.setattr(grouping, "_RECENT_COLD", 3)
    spilled, woken, side, kept = [], [], [], []
    spill, warm = grouping._Cold.spill, grouping._Cold.warm
    monkeypatch.setattr(grouping._Cold, "spill", lambda self, groups, listings: (
        spilled.extend(groups), spill(self, groups, listings)))
    monkeypatch.setattr(grouping._Cold, "warm", lambda self, group: (
        woken.append(group), warm(self, group)))
    made_again = grouping._Cold._groups

    def counting(self, rows):       # the cache of spilled groups made again, at each yield
        for group in made_again(self, rows):
            kept.append(len(self.recent))
            yield group
    monkeypatch.setattr(grouping._Cold, "_groups", counting)
    in_process = grouping.map_in_process
    monkeypatch.setattr(grouping, "map_in_process", lambda start, batches: (
        side.append(start), in_process(start, batches))[1])
    folder = tmp_path / "corpus"
    synth.write_corpus(folder, 150, seed=7)
    articles = list(load_paths([folder]))
    with open_store(tmp_path / "c.db") as store:
        run = new_run()
        stage(store, run, Batch(extracted=[
            (a, content_hash(a, "v"), event_rows(pipeline.extract_article(a)))
            for a in articles]))
        statements: list[str] = []
        store.connection.set_trace_callback(statements.append)
        with ProcessPoolExecutor(processes) if processes else nullcontext() as executor:
            publish(store, run, executor=executor)
        store.connection.set_trace_callback(None)
        events = count(store, "events")
        assert events < count(store, "article_events")   # some merged
        assert count(store, "claims") > events              # some of several articles
        # events written 97 at a time, a transaction each; then the indexes; then live
        assert statements.count("BEGIN IMMEDIATE") == -(-events // 97) + 2
        if processes:
            assert [start.args for start in side] == [(40,)] and spilled == []
        elif warm_groups < 100:
            assert len(spilled) > count(store, "events") // 3 and woken and side == []
            assert kept and max(kept) == 3    # spilled groups made again: the last few kept
        else:
            assert spilled == [] and side == []
        assert (len(large) > 10) if merge_buffer else large == []
        assert check_store(store) == []


def test_the_command_prints_its_figures(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "extract.bench", "events", "--articles", "40", "--jobs", "1",
         "--keep", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    figures = {}
    for line in result.stdout.splitlines():
        if line.startswith("kept"):
            continue
        label, number = re.match(r"(\w+(?: memory)?)\s+([\d,.]+)", line).groups()
        figures[label] = float(number.replace(",", ""))
    assert set(figures) >= {"generated", "articles", "bytes", "jobs", "seconds", "throughput",
                            "cpu", "claims", "events", "peak memory"}
    assert (figures["articles"], figures["jobs"]) == (40, 1)
    assert figures["events"] > 0 and figures["peak memory"] > 0
    assert (tmp_path / "bench.db").is_file() and (tmp_path / "corpus").is_dir()
