"""The SQLite store: schema and migration, staging and publishing, readers, exports and
the event file's JSON Schema. Events come from the stand-in extractor in chronicle_fakes,
so these tests do not depend on the real event finder."""
from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date
from pathlib import Path

import jsonschema
import pytest

import chronicle_fakes as fakes
from extract import merge
from extract.article import Article
from extract.export import CSV_COLUMNS, atomic_write
from extract.model import EVENT_TYPES, STATUSES, Event
from extract.store import (MIGRATIONS, SCHEMA_VERSION, Batch, Store, StoreError, check_store,
                           content_hash, count, event_rows, events_query, export_csv,
                           export_json, new_run, open_store, publish, read_article_events,
                           read_articles, read_events, run_ids, stage, stored_hashes)
from extract.timex.span import GRANULARITIES, KINDS, MODS

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "extract" / "schema" / "events.schema.json"
VERSION = "test"


def article(name: str, body: str, published: date = date(2025, 1, 10),
            source: str = "Wire") -> Article:
    return Article(id=name, title=name.title(), source=source, url=None, published=published,
                   published_basis="front matter", text=body, path=f"corpus/{name}.md")


ARTICLES = (
    article("kyiv", "Kyiv said 3000 soldiers were hurt. SHARED\nKursk fighting went on.",
            date(2025, 1, 12), "Radio Free Asia"),
    article("seoul", "Seoul reported 12000 soldiers. SHARED", date(2025, 1, 24), "Defence Talks"),
    article("moscow", "Moscow denied everything.", date(2024, 11, 5), "Wire"),
)


def store_with(db: Path, articles=ARTICLES, prune: bool = False) -> Store:
    """A store holding ``articles``, staged and published as one run."""
    store = open_store(db)
    run = new_run()
    batch = Batch(extracted=[(a, content_hash(a, VERSION), event_rows(fakes.statement(a)))
                             for a in articles])
    stage(store, run, batch, extracted_at="2025-02-01T00:00:00+00:00")
    publish(store, run, prune=prune)
    return store


@pytest.fixture
def merged_by_id(monkeypatch):
    """Merge events with the same id (the real merge is not the subject here)."""
    monkeypatch.setattr(merge, "merge_events", fakes.merge_by_id)


@pytest.fixture
def store(tmp_path, merged_by_id):
    with store_with(tmp_path / "chronicle.db") as opened:
        yield opened


# --- schema, creation, migration ----------------------------------------------------------

def test_a_new_store_records_its_schema_version_in_wal_mode(tmp_path):
    db = tmp_path / "new" / "folder" / "chronicle.db"
    with open_store(db) as store:
        connection = store.connection
        assert connection.execute("SELECT value FROM meta WHERE key = 'schema_version'"
                                  ).fetchone() == (str(SCHEMA_VERSION),)
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        tables = {name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"meta", "articles", "extractions", "article_events", "events",
                      "claims", "staged_articles"}
    assert SCHEMA_VERSION == len(MIGRATIONS) == 3


def _version_2_event_row(position: int, event: Event) -> tuple:
    """An ``events`` row as schemas 1 and 2 kept it: the claims inside the event's JSON,
    their text in its search column."""
    when = event.when
    search = "\n".join(word.casefold() for word in (
        event.label, *event.actors, *event.places,
        *(part or "" for c in event.claims for part in (c.sentence, c.attribution, c.source))))
    return (position, event.id, event.type, when.start and when.start.isoformat(),
            when.end and when.end.isoformat(), event.status, event.label, search,
            event.to_json())


def test_replacing_a_large_table_does_not_write_it_again_into_the_log(tmp_path):
    """Publishing drops the old ``events`` and ``claims``; SQLite builds that zero every
    freed page by default (Debian's) would write the whole old table into the write-ahead
    log again. The store's connection only frees the pages."""
    db = tmp_path / "c.db"
    with open_store(db) as store:
        connection = store.connection
        connection.execute("CREATE TABLE scratch (text TEXT)")
        connection.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                           "WHERE i < 500) INSERT INTO scratch SELECT printf('%.4000d', i) FROM n")
        pages = connection.execute("SELECT count(*) FROM dbstat WHERE name = 'scratch'"
                                   ).fetchone()[0]
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("DROP TABLE scratch")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        logged = (db.parent / "c.db-wal").stat().st_size // page_size
    assert pages > 500 and logged < 10


def test_temporary_tables_are_dropped_without_zeroing_their_pages_too(tmp_path):
    """The temporary database does not take the main one's setting: publishing's
    temporary tables, dropped with their pages zeroed, took SQLite 1.6 MB more at 80,000
    articles."""
    with open_store(tmp_path / "c.db") as store:
        store.connection.execute("CREATE TEMP TABLE scratch (text TEXT)")
        assert store.connection.execute("PRAGMA temp.secure_delete").fetchone() == (2,)  # FAST


def test_a_version_1_store_is_migrated_with_its_live_and_staged_work(tmp_path, merged_by_id):
    db = tmp_path / "c.db"
    kyiv, seoul = ARTICLES[:2]
    connection = sqlite3.connect(db)
    connection.executescript(MIGRATIONS[0])
    connection.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    for table, item, digest in (("articles", kyiv, "h1"), ("staged_articles", seoul, "h2")):
        staged = {"run": "killed", "extracted": 1} if table == "staged_articles" else {}
        row = {"id": item.id, "path": item.path, "source": item.source, "title": item.title,
               "url": item.url, "published": item.published.isoformat(),
               "published_basis": item.published_basis, "language": item.language,
               "content_hash": digest, "extracted_at": "2025-02-01T00:00:00+00:00",
               "json": json.dumps(item.to_dict()), **staged}
        connection.execute(f"INSERT INTO {table} ({', '.join(row)}) "
                           f"VALUES ({', '.join('?' * len(row))})", list(row.values()))
        events = "staged_events" if staged else "article_events"
        connection.executemany(f"INSERT INTO {events} VALUES (?, ?, ?, ?)",
                               [(item.id, position, event_id, text) for position, (event_id, text)
                                in enumerate(event_rows(fakes.statement(item)))])
    connection.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 9)})",
                           [_version_2_event_row(position, event) for position, event in
                            enumerate(fakes.merge_by_id(fakes.statement(kyiv)))])
    connection.commit()
    connection.close()
    with open_store(db) as store:
        assert store.connection.execute("SELECT value FROM meta WHERE key = 'schema_version'"
                                        ).fetchone() == (str(SCHEMA_VERSION),)
        assert read_articles(store) == [kyiv]
        assert [e.id for e in read_article_events(store)] == ["statement-kyiv", "shared"]
        # the merged events' claims, inside their JSON until schema 3, have rows of their own
        merged = fakes.merge_by_id(fakes.statement(kyiv))
        assert sorted(read_events(store), key=lambda e: e.id) == sorted(merged, key=lambda e: e.id)
        assert all(event.claims for event in merged)
        assert count(store, "claims") == sum(len(event.claims) for event in merged)
        assert all('"claims": []' in text for (text,) in store.connection.execute(
            "SELECT json FROM events"))
        assert check_store(store) == []
        assert stored_hashes(store, "kyiv") == ("h1", None)
        assert stored_hashes(store, "seoul") == (None, "h2")
        run = new_run()
        stage(store, run, Batch(seen=[("kyiv", "h1")], resumed=["seoul"]))
        publish(store, run)
        assert read_articles(store) == [kyiv, seoul]
        assert [e.id for e in read_events(store)] == ["shared", "statement-kyiv",
                                                       "statement-seoul"]
        assert check_store(store) == []


def test_the_default_store_is_data_chronicle_db(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    open_store().close()
    assert (tmp_path / "data" / "chronicle.db").is_file()


def test_reopening_keeps_what_is_stored(tmp_path, merged_by_id):
    store_with(tmp_path / "c.db").close()
    with open_store(tmp_path / "c.db") as store:
        assert (count(store, "articles"), count(store, "events")) == (3, 4)


def test_a_store_from_a_newer_chronicle_is_refused(tmp_path):
    db = tmp_path / "c.db"
    open_store(db).close()
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    connection.close()
    with pytest.raises(StoreError) as caught:
        open_store(db)
    assert str(caught.value) == (f"{db}: has schema version 7, newer than this Chronicle "
                                 "knows (3): update Chronicle or use another --db")


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(StoreError, match=r"junk.db: is not a Chronicle database \(file is "):
        open_store(junk)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE mine (x)")
    connection.close()
    with pytest.raises(StoreError, match=r"other.db: is not a Chronicle database \(it has "
                                         r"tables but no `meta` table\)"):
        open_store(other)


# --- content hashes -------------------------------------------------------------------------

def test_the_content_hash_follows_text_metadata_and_version_not_the_path():
    kyiv = ARTICLES[0]
    moved = Article.from_dict({**kyiv.to_dict(), "path": "elsewhere/kyiv.md"})
    retitled = Article.from_dict({**kyiv.to_dict(), "title": "Another"})
    edited = Article.from_dict({**kyiv.to_dict(), "text": kyiv.text + "!"})
    digest = content_hash(kyiv, VERSION)
    assert len(digest) == 64
    assert content_hash(moved, VERSION) == digest
    assert len({digest, content_hash(retitled, VERSION), content_hash(edited, VERSION),
                content_hash(kyiv, "other version")}) == 4


# --- staging and publishing ---------------------------------------------------------------

def test_a_runs_ids_name_the_file_that_held_each_first(store):
    claim = run_ids(store)
    assert claim("story", "a/story.md") is None
    assert claim("other", "b/other.md") is None
    assert claim("story", "b/story.txt") == "a/story.md"
    assert claim("story", "a/story.md") == "a/story.md"      # the same file twice, too
    assert store.connection.execute("SELECT count(*) FROM temp.run_ids").fetchone() == (2,)
    again = run_ids(store)                                     # the next run starts afresh
    assert again("story", "b/story.txt") is None


def test_staged_work_is_invisible_until_published(tmp_path, merged_by_id):
    with open_store(tmp_path / "c.db") as store:
        run = new_run()
        kyiv = ARTICLES[0]
        stage(store, run, Batch(extracted=[(kyiv, "h1", event_rows(fakes.statement(kyiv)))]))
        assert read_events(store) == [] and read_articles(store) == []
        assert stored_hashes(store, "kyiv") == (None, "h1")
        publish(store, run)
        assert stored_hashes(store, "kyiv") == ("h1", None)
        assert [e.id for e in read_events(store)] == ["shared", "statement-kyiv"]
        assert count(store, "staged_articles") == 0
        assert check_store(store) == []


def test_merged_events_are_what_merge_makes_of_every_articles_events(store):
    per_article = read_article_events(store)
    assert [(e.id, e.claims[0].article_id) for e in per_article] == [
        ("statement-kyiv", "kyiv"), ("shared", "kyiv"), ("statement-moscow", "moscow"),
        ("statement-seoul", "seoul"), ("shared", "seoul")]
    shared = read_events(store, ids=["shared"])[0]
    assert [c.article_id for c in shared.claims] == ["kyiv", "seoul"]
    assert [[q.text for q in c.quantities] for c in shared.claims] == [
        ["3000 soldiers"], ["12000 soldiers"]]
    assert check_store(store) == []


def test_a_failure_while_publishing_leaves_the_previous_state(tmp_path, monkeypatch,
                                                              merged_by_id):
    db = tmp_path / "c.db"
    store_with(db, ARTICLES[:1]).close()
    before = fakes.dump(db)
    with open_store(db) as store:
        run = new_run()
        seoul = ARTICLES[1]
        stage(store, run, Batch(extracted=[(seoul, "h2", event_rows(fakes.statement(seoul)))]))

        def broken(events):
            list(events)
            raise RuntimeError("merge broke halfway")

        monkeypatch.setattr(merge, "merge_events", broken)
        with pytest.raises(RuntimeError, match="merge broke halfway"):
            publish(store, run)
        assert fakes.dump(db) == before
        assert stored_hashes(store, "seoul") == (None, "h2")   # kept for the next run
        monkeypatch.setattr(merge, "merge_events", fakes.merge_by_id)
        assert check_store(store) == []
        publish(store, run)
        assert [e.id for e in read_events(store)] == ["shared", "statement-kyiv",
                                                       "statement-seoul"]


def test_an_extraction_no_article_points_at_is_deleted_after_publishing(tmp_path,
                                                                        merged_by_id):
    db = tmp_path / "c.db"
    store_with(db).close()
    kyiv = ARTICLES[0]
    edited = Article.from_dict({**kyiv.to_dict(), "text": "Kyiv said nothing."})
    with open_store(db) as store:
        old = content_hash(kyiv, VERSION)
        run = new_run()
        stage(store, run, Batch(extracted=[(edited, "h-edited",
                                            event_rows(fakes.statement(edited)))]))
        publish(store, run)
        connection = store.connection
        assert connection.execute("SELECT count(*) FROM extractions WHERE content_hash = ?",
                                  (old,)).fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM article_events "
                                  "WHERE content_hash = ?", (old,)).fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM extractions").fetchone() == (3,)
        assert connection.execute("SELECT count(*) FROM article_events").fetchone() == (4,)
        assert read_articles(store)[1] == edited      # by publication date: moscow first
        assert [e.id for e in read_article_events(store)] == [
            "statement-kyiv", "statement-moscow", "statement-seoul", "shared"]
        assert check_store(store) == []


def test_check_store_notices_an_extraction_that_is_missing(store):
    store.connection.execute("DELETE FROM extractions WHERE id = 'moscow'")
    assert check_store(store) == ["article moscow: its extraction is missing"]


def test_check_store_notices_merged_events_that_disagree(store):
    store.connection.execute("DELETE FROM events WHERE id = 'shared'")
    assert check_store(store) == ["the merged events (3) disagree with what the "
                                  "per-article events merge to (4)"]


def test_prune_drops_the_articles_a_run_did_not_see(tmp_path, merged_by_id):
    db = tmp_path / "c.db"
    store_with(db).close()
    with store_with(db, ARTICLES[:1], prune=True) as store:
        assert [a.id for a in read_articles(store)] == ["kyiv"]
        assert [e.id for e in read_events(store)] == ["shared", "statement-kyiv"]
        assert count(store, "article_events") == 2


# --- readers -----------------------------------------------------------------------------

def ids(events: list[Event]) -> list[str]:
    return [e.id for e in events]


def test_read_events_is_in_time_order(store):
    assert ids(read_events(store)) == ["shared", "statement-moscow", "statement-kyiv",
                                       "statement-seoul"]


@pytest.mark.parametrize("filters, expected", [
    ({"since": "2025-01-01"}, ["statement-kyiv", "statement-seoul"]),
    ({"since": date(2024, 10, 31), "until": date(2024, 11, 5)},
     ["shared", "statement-moscow"]),
    ({"until": "2024-10-01"}, ["shared"]),
    ({"types": ["deployment"]}, ["shared"]),
    ({"types": ["statement", "visit"], "since": "2025-01-13"}, ["statement-seoul"]),
    ({"types": []}, []),
    ({"statuses": ["occurred"]},
     ["shared", "statement-moscow", "statement-kyiv", "statement-seoul"]),
    ({"statuses": ["denied"]}, []),
    ({"actors": ["Seoul", "Moscow"]}, ["statement-moscow", "statement-seoul"]),
    ({"sources": ["Defence Talks"]}, ["shared", "statement-seoul"]),
    ({"sources": ["Wire"], "actors": ["Moscow"]}, ["statement-moscow"]),
    ({"text": "KURSK"}, ["shared"]),
    ({"text": "denied"}, ["statement-moscow"]),
    ({"text": "radio free asia"}, ["shared", "statement-kyiv"]),
    ({"ids": ["statement-kyiv", "nope"]}, ["statement-kyiv"]),
])
def test_read_events_filters(store, filters, expected):
    assert ids(read_events(store, **filters)) == expected


def test_the_events_query_without_filters_reads_everything():
    assert events_query() == (
        'SELECT events.position, events.json, claims.json FROM events '
        'LEFT JOIN claims ON claims.event = events.position '
        'ORDER BY events.start IS NULL, events.start, events."end", events.position, '
        'claims.ordinal', [])


def test_read_articles_gives_back_the_articles(store):
    assert read_articles(store) == [ARTICLES[2], ARTICLES[0], ARTICLES[1]]


# --- exports -----------------------------------------------------------------------------

def test_export_json_writes_every_merged_event(store, tmp_path):
    path = tmp_path / "out" / "events.json"
    export_json(store, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == ["generated", "events"]
    assert data["generated"].endswith("+00:00")
    assert data["events"] == [json.loads(json.dumps(e.to_dict())) for e in read_events(store)]
    assert [e["id"] for e in data["events"]] == ["shared", "statement-moscow",
                                                 "statement-kyiv", "statement-seoul"]
    assert [p.name for p in path.parent.iterdir()] == ["events.json"]  # no temporary left


def test_an_empty_export_is_valid_json(tmp_path):
    with open_store(tmp_path / "c.db") as store:
        export_json(store, tmp_path / "e.json")
    assert json.loads((tmp_path / "e.json").read_text())["events"] == []


def test_the_event_file_validates_against_its_schema(store, tmp_path):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    export_json(store, tmp_path / "events.json")
    data = json.loads((tmp_path / "events.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(data)) == []
    data["events"][0]["colour"] = "red"
    data["events"][1]["type"] = "rumour"
    assert sorted(e.message for e in validator.iter_errors(data)) == [
        "'rumour' is not one of " + repr(list(EVENT_TYPES)),
        "Additional properties are not allowed ('colour' was unexpected)"]


def test_the_schema_matches_the_model_exactly(store):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    definitions = schema["$defs"]
    event = read_events(store, ids=["shared"])[0].to_dict()
    for name, data in [("event", event), ("timespan", event["when"]),
                       ("claim", event["claims"][0]),
                       ("quantity", event["claims"][0]["quantities"][0])]:
        assert list(definitions[name]["properties"]) == list(data), name
        assert definitions[name]["required"] == list(data), name
        assert definitions[name]["additionalProperties"] is False
    assert definitions["event"]["properties"]["type"]["enum"] == list(EVENT_TYPES)
    assert definitions["event"]["properties"]["status"]["enum"] == list(STATUSES)
    when = definitions["timespan"]["properties"]
    assert when["kind"]["enum"] == list(KINDS)
    assert when["granularity"]["enum"] == [*GRANULARITIES, None]
    assert when["mod"]["enum"] == [*MODS, None]


def test_export_csv_writes_one_row_per_claim(store, tmp_path):
    path = tmp_path / "claims.csv"
    export_csv(store, path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[1:] == [
        ["shared", "deployment", "Troops deployed to Kursk", "2024-10-01", "2024-10-31",
         "month", "occurred", "Kyiv", "Kursk", "Radio Free Asia", "kyiv", "2025-01-12",
         "Radio Free Asia", "3000 soldiers", "Kyiv said 3000 soldiers were hurt. SHARED"],
        ["shared", "deployment", "Troops deployed to Kursk", "2024-10-01", "2024-10-31",
         "month", "occurred", "Kyiv", "Kursk", "Defence Talks", "seoul", "2025-01-24",
         "Defence Talks", "12000 soldiers", "Seoul reported 12000 soldiers. SHARED"],
        ["statement-moscow", "statement", "Statement by Wire", "2024-11-05", "2024-11-05",
         "day", "occurred", "Moscow", "", "Wire", "moscow", "2024-11-05", "Wire", "",
         "Moscow denied everything."],
        ["statement-kyiv", "statement", "Statement by Radio Free Asia", "2025-01-12",
         "2025-01-12", "day", "occurred", "Kyiv", "", "Radio Free Asia", "kyiv",
         "2025-01-12", "Radio Free Asia", "3000 soldiers",
         "Kyiv said 3000 soldiers were hurt. SHARED"],
        ["statement-seoul", "statement", "Statement by Defence Talks", "2025-01-24",
         "2025-01-24", "day", "occurred", "Seoul", "", "Defence Talks", "seoul",
         "2025-01-24", "Defence Talks", "12000 soldiers",
         "Seoul reported 12000 soldiers. SHARED"],
    ]


def test_an_atomic_write_that_fails_leaves_the_old_file(tmp_path):
    path = tmp_path / "events.json"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_write(path) as out:
            out.write("half")
            raise RuntimeError("disk full")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["events.json"]
