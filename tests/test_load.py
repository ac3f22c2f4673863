"""The article loader: formats, the seeds, publication-date precedence and bad input."""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from extract.article import Article
from extract.load import LoadError, load_article, load_paths

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"  # the originals, where present

DEFENCE_TALKS = "defence-talks-2025-01-24-jcs-more-troops"
RFA = "radio-free-asia-2025-01-24-more-troops-casualties"
# sha256 of the seed texts as given (= of /work/shared/seeds/000_… and 003_…)
SEED_SHA256 = {
    DEFENCE_TALKS: "53f8dee8f9f645ceb59f224f9f3b43b2250b1e92b76831227fe3548c586cc6bb",
    RFA: "6c0de3a70fe482b39663f3e1004bd561a55dfd5a447612cf2279263d0c7ae79d",
}
SEED_ORIGINALS = {DEFENCE_TALKS: "000_ee33085a89d93b62.txt", RFA: "003_260c5f9d913f0b29.txt"}
DEFENCE_TALKS_BOILERPLATE = ("Discover more from Defence Talks | Defense News Military Pictures\n"
                             "Subscribe to get the latest posts sent to your email.")
NO_DATE = ("has no publication date: add `published:` to its front matter "
           "or pass --published YYYY-MM-DD")


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def error_of(path: Path, published: date | None = None) -> str:
    with pytest.raises(LoadError) as caught:
        load_article(path, published)
    assert caught.value.path == str(path)
    assert str(caught.value) == f"{path}: {caught.value.message}"
    return caught.value.message


# --- the seeds --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    loaded = list(load_paths(SEEDS))
    assert all(isinstance(a, Article) for a in loaded), loaded
    return {a.id: a for a in loaded}


def test_both_seeds_load_with_their_metadata(seeds):
    assert sorted(seeds) == [DEFENCE_TALKS, RFA]
    dt, rfa = seeds[DEFENCE_TALKS], seeds[RFA]
    assert (dt.title, dt.source, dt.url) == (
        "North Korea readies more troops for Russia, South Korea's military says",
        "Defence Talks", None)
    assert (rfa.title, rfa.source, rfa.url) == (
        "South Korea says North Korea is preparing to send more troops to Russia",
        "Radio Free Asia", None)
    for article in (dt, rfa):
        assert article.published == date(2025, 1, 24)
        assert article.published_basis == "front matter"
        assert article.language == "en"
        assert article.path == str(SEEDS / f"{article.id}.md")


@pytest.mark.parametrize("seed", [DEFENCE_TALKS, RFA])
def test_seed_text_is_exactly_as_given(seeds, seed):
    text = seeds[seed].text
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == SEED_SHA256[seed]
    original = SHARED_SEEDS / SEED_ORIGINALS[seed]
    if original.exists():
        assert text.encode("utf-8") == original.read_bytes()


def test_defence_talks_boilerplate_is_exactly_its_last_two_lines(seeds):
    article = seeds[DEFENCE_TALKS]
    start = len(article.text) - len(DEFENCE_TALKS_BOILERPLATE)
    assert article.text[start:] == DEFENCE_TALKS_BOILERPLATE
    assert article.boilerplate == ((start, len(article.text)),)
    assert article.extraction_ranges() == ((0, start),)
    content = article.content_text()
    assert len(content) == len(article.text)
    assert content[:start] == article.text[:start]
    assert "Subscribe" not in content and "Discover more" not in content
    assert content[start:].strip() == ""


def test_rfa_provenance_line_is_text_not_boilerplate(seeds):
    article = seeds[RFA]
    assert article.boilerplate == ()
    assert article.text.startswith("This content was first published by Radio Free Asia")
    assert article.extraction_ranges() == ((0, len(article.text)),)
    assert article.content_text() == article.text


def test_article_round_trips_through_json(seeds):
    for article in seeds.values():
        data = json.loads(json.dumps(article.to_dict()))
        assert Article.from_dict(data) == article


# --- formats ----------------------------------------------------------------------------

def test_markdown_front_matter(tmp_path):
    path = write(tmp_path / "a.md", "---\ntitle: Troops\nsource: Wire\n"
                 "url: https://example.com/troops\npublished: 2025-01-24\nlanguage: en\n"
                 "---\nLine one.\n\nLine two.")
    article = load_article(path)
    assert article == Article(id="a", title="Troops", source="Wire",
                              url="https://example.com/troops", published=date(2025, 1, 24),
                              published_basis="front matter", language="en",
                              text="Line one.\n\nLine two.", boilerplate=(), path=str(path))


def test_markdown_keeps_crlf_text_and_a_zoned_datetime(tmp_path):
    path = write(tmp_path / "b.md", "---\r\npublished: 2025-01-24T09:30:00+09:00\r\n"
                 "id: custom-id\r\n---\r\nFirst line.\r\nSecond line.\r\n")
    article = load_article(path)
    assert article.id == "custom-id"
    assert article.text == "First line.\r\nSecond line.\r\n"
    assert article.published == datetime(2025, 1, 24, 9, 30, tzinfo=timezone(timedelta(hours=9)))
    assert article.published_date == date(2025, 1, 24)
    assert article.title == "First line."
    assert Article.from_dict(article.to_dict()) == article


def test_markdown_without_front_matter_is_all_text(tmp_path):
    path = write(tmp_path / "c.md", "Just a text.\n")
    article = load_article(path, date(2025, 1, 24))
    assert (article.text, article.published_basis) == ("Just a text.\n", "command line")


def test_naive_datetime_keeps_only_its_day(tmp_path):
    path = write(tmp_path / "d.md", "---\npublished: 2025-01-24T23:30:00\n---\nText.")
    assert load_article(path).published == date(2025, 1, 24)


def test_text_file_takes_the_command_line_date_and_a_title_from_its_first_line(tmp_path):
    first = "South Korea’s military reported on Friday that it suspects North Korea is gearing up"
    path = write(tmp_path / "plain.txt", f"\n{first} to send troops.\nMore.")
    article = load_article(path, published=date(2025, 1, 24))
    assert article.published == date(2025, 1, 24)
    assert article.published_basis == "command line"
    assert article.title == "South Korea’s military reported on Friday that it suspects North Korea is…"
    assert (article.id, article.source, article.url, article.language) == ("plain", None, None, "en")
    assert article.text == f"\n{first} to send troops.\nMore."


@pytest.mark.parametrize("sidecar, content", [
    ("plain.txt.json", '{"title": "T", "source": "S", "published": "2025-01-23"}'),
    ("plain.json", '{"title": "T", "source": "S", "published": "2025-01-23"}'),
    ("plain.yaml", "title: T\nsource: S\npublished: 2025-01-23\n"),
])
def test_text_file_sidecar_beats_the_command_line(tmp_path, sidecar, content):
    path = write(tmp_path / "plain.txt", "Some text.")
    write(tmp_path / sidecar, content)
    article = load_article(path, published=date(2025, 1, 24))
    assert (article.title, article.source) == ("T", "S")
    assert (article.published, article.published_basis) == (date(2025, 1, 23), "sidecar")


def test_text_file_sidecar_boilerplate_lines(tmp_path):
    path = write(tmp_path / "p.txt", "Body line.\nAll rights reserved by Example.\n")
    write(tmp_path / "p.yaml", "published: 2025-01-24\nboilerplate:\n"
          "  - All rights reserved by Example.\n")
    article = load_article(path)
    assert article.boilerplate == ((11, 43),)
    assert article.text[11:43] == "All rights reserved by Example.\n"


HTML = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Seoul says North Korea readies more troops | Example News</title>
<meta property="og:title" content="Seoul says North Korea readies more troops">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-01-24T08:30:00+09:00">
<link rel="canonical" href="https://example.com/world/nk-troops">
<style>body { color: red }</style><script>var hidden = "script text";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Seoul says North Korea readies more troops</h1>
<p>South Korea's military said on Friday that North Korea is preparing to send more troops.</p>
<p>The Joint Chiefs of Staff said the deployment began four months ago.</p>
</article>
<aside><h2>Related</h2><ul><li><a href="/a">Kim visits Moscow</a></li></ul></aside>
<footer>Copyright 2025 Example News</footer>
</body></html>
"""


def test_html_page(tmp_path):
    article = load_article(write(tmp_path / "page.html", HTML))
    assert article.title == "Seoul says North Korea readies more troops"
    assert article.source == "Example News"
    assert article.url == "https://example.com/world/nk-troops"
    assert article.published == datetime(2025, 1, 24, 8, 30, tzinfo=timezone(timedelta(hours=9)))
    assert article.published_basis == "html meta"
    assert article.language == "en"
    assert article.text == (
        "South Korea's military said on Friday that North Korea is preparing to send more troops.\n"
        "The Joint Chiefs of Staff said the deployment began four months ago.")


def test_html_page_without_meta_uses_title_tag_and_og_url_date(tmp_path):
    page = (HTML.replace('<meta property="og:title" content="Seoul says North Korea readies more troops">', "")
            .replace('<meta property="article:published_time" content="2025-01-24T08:30:00+09:00">', "")
            .replace('<link rel="canonical" href="https://example.com/world/nk-troops">',
                     '<meta property="og:url" content="https://example.com/2025/01/23/nk-troops">'))
    article = load_article(write(tmp_path / "page.htm", page))
    assert article.title == "Seoul says North Korea readies more troops | Example News"
    assert article.url == "https://example.com/2025/01/23/nk-troops"
    assert (article.published, article.published_basis) == (date(2025, 1, 23), "url")
    assert article.text.startswith("Seoul says North Korea readies more troops\nSouth Korea's")


def test_html_in_a_declared_legacy_charset(tmp_path):
    page = HTML.replace('charset="utf-8"', 'charset="windows-1252"').replace("military", "militäry")
    article = load_article(write(tmp_path / "legacy.html", page.encode("cp1252")))
    assert "militäry" in article.text


def test_html_without_article_text(tmp_path):
    path = write(tmp_path / "empty.html", "<html><head><title>Nothing</title></head><body>"
                 "<script>var x = 1;</script></body></html>")
    assert error_of(path) == "has no article text that could be found in its HTML"


# --- the publication date: metadata, dateline, URL, command line -----------------------

@pytest.mark.parametrize("first_line, expected", [
    ("SEOUL, Jan. 24, 2025 (UPI) — South Korea said", date(2025, 1, 24)),
    ("WASHINGTON (Reuters) Jan 24, 2025 - The U.S. said", date(2025, 1, 24)),
    ("January 24, 2025 — The JCS said", date(2025, 1, 24)),
    ("KYIV, Ukraine, Sept. 3, 2024 (AP) -- Ukraine said", date(2024, 9, 3)),
])
def test_dateline(tmp_path, first_line, expected):
    path = write(tmp_path / "a.txt", first_line + " more.\nSecond line.")
    article = load_article(path, published=date(2025, 6, 1))
    assert (article.published, article.published_basis) == (expected, "dateline")


def test_yearless_dateline_takes_the_nearest_year_to_the_command_line_date(tmp_path):
    path = write(tmp_path / "a.txt", "SEOUL, Dec. 31 (Yonhap) — North Korea said ...")
    article = load_article(path, published=date(2025, 1, 2))
    assert (article.published, article.published_basis) == (date(2024, 12, 31), "dateline")


def test_yearless_dateline_takes_its_year_from_the_url(tmp_path):
    path = write(tmp_path / "a.md", "---\nurl: https://example.com/2025/01/25/story\n---\n"
                 "SEOUL, Jan. 24 (UPI) — North Korea said ...")
    article = load_article(path)
    assert (article.published, article.published_basis) == (date(2025, 1, 24), "dateline")


def test_yearless_dateline_alone_is_undated(tmp_path):
    path = write(tmp_path / "a.txt", "SEOUL, Jan. 24 (UPI) — North Korea said ...")
    assert error_of(path) == (
        "has no publication date (its dateline 'SEOUL, Jan. 24 (UPI) —' gives no year): "
        "add `published:` to its front matter or pass --published YYYY-MM-DD")


def test_dateline_with_an_impossible_date(tmp_path):
    path = write(tmp_path / "a.txt", "February 30, 2025 — Something happened.")
    assert error_of(path) == "its dateline 'February 30, 2025 —' gives a date that does not exist"


def test_a_date_inside_the_first_sentence_is_no_dateline(tmp_path):
    path = write(tmp_path / "a.txt", "Seoul said on Jan. 24, 2025 — a Friday — that ...")
    article = load_article(path, published=date(2025, 2, 1))
    assert (article.published, article.published_basis) == (date(2025, 2, 1), "command line")


def test_front_matter_beats_dateline(tmp_path):
    path = write(tmp_path / "a.md", "---\npublished: 2025-01-25\n---\n"
                 "SEOUL, Jan. 24, 2025 (UPI) — North Korea said ...")
    article = load_article(path, published=date(2025, 1, 26))
    assert (article.published, article.published_basis) == (date(2025, 1, 25), "front matter")


def test_dateline_beats_url(tmp_path):
    path = write(tmp_path / "a.md", "---\nurl: https://example.com/2025/01/20/x\n---\n"
                 "January 24, 2025 — The JCS said ...")
    article = load_article(path)
    assert (article.published, article.published_basis) == (date(2025, 1, 24), "dateline")


@pytest.mark.parametrize("url", [
    "https://example.com/2025/01/24/north-korea-troops/",
    "https://example.com/news/2025-01-24/north-korea-troops",
    "https://example.com/news/north-korea-troops-20250124.html",
])
def test_url_date_beats_the_command_line(tmp_path, url):
    path = write(tmp_path / "a.md", f"---\nurl: {url}\n---\nThe JCS said ...")
    article = load_article(path, published=date(2025, 3, 1))
    assert (article.published, article.published_basis) == (date(2025, 1, 24), "url")


def test_impossible_url_date_is_not_a_date(tmp_path):
    path = write(tmp_path / "a.md", "---\nurl: https://example.com/2025/02/30/x\n---\nText.")
    article = load_article(path, published=date(2025, 3, 1))
    assert (article.published, article.published_basis) == (date(2025, 3, 1), "command line")


# --- bad input --------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"  \n\n\t ", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path, content):
    assert error_of(write(tmp_path / "e.txt", content)) == "is empty"


def test_undecodable_bytes(tmp_path):
    path = write(tmp_path / "latin.txt", "Caf\u00e9 society".encode("latin-1"))
    assert error_of(path, date(2025, 1, 24)) == (
        "is not UTF-8 text: byte 0xe9 at offset 3 cannot be decoded; save it as UTF-8")


def test_undecodable_bytes_after_a_byte_order_mark(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfAB\xff")
    assert error_of(path, date(2025, 1, 24)) == (
        "is not UTF-8 text: byte 0xff at offset 5 cannot be decoded; save it as UTF-8")


def test_byte_order_mark_is_dropped(tmp_path):
    path = write(tmp_path / "bom.md", b"\xef\xbb\xbf---\npublished: 2025-01-24\n---\nText.")
    assert load_article(path).text == "Text."


def test_binary_file(tmp_path):
    path = write(tmp_path / "blob.txt", b"PK\x03\x00\x14binary")
    assert error_of(path) == "is a binary file (NUL byte at offset 3), not an article"


@pytest.mark.parametrize("content, message", [
    ("---\ntitle: T\npublished: 2025-01-24\nText.",
     "front matter opened with '---' on line 1 is never closed: end it with a line of '---'"),
    ("---\ntitle: T\npublished: [2025\n---\nText.",
     "front matter is not valid YAML: did not find expected ',' or ']' (line 4)"),  # libyaml's words
    ("---\n- title\n- published\n---\nText.",
     "front matter must be `key: value` lines, not a list"),
    ("---\ntitle: T\npublished: 2025-01-24\n---\n\n",
     "has no text after its front matter"),
    ("---\npublished: 2025-02-30\n---\nText.",
     "`published:` '2025-02-30' is not a real date"),
    ("---\npublished: 24/01/2025\n---\nText.",
     "`published:` '24/01/2025' is not a date in the form YYYY-MM-DD"),
    ("---\npublised: 2025-01-24\n---\nText.",
     "unknown metadata key 'publised' "
     "(known: id, title, source, url, published, language, boilerplate)"),
    ("---\ntitle: [a, b]\npublished: 2025-01-24\n---\nText.",
     "`title:` must be text, not a list"),
    ("---\npublished: 2025-01-24\nboilerplate: Subscribe\n---\nText.",
     "`boilerplate:` must be a list of lines of the text"),
    ("---\npublished: 2025-01-24\nboilerplate:\n  - Not in the text\n---\nText.",
     "boilerplate line not found in the text: 'Not in the text'"),
    ("---\ntitle: T\n---\nText without any date.", NO_DATE),
])
def test_bad_markdown(tmp_path, content, message):
    assert error_of(write(tmp_path / "bad.md", content)) == message


def test_bad_sidecar(tmp_path):
    path = write(tmp_path / "p.txt", "Text.")
    sidecar = write(tmp_path / "p.json", '{"published": "2025-01-24",}')
    with pytest.raises(LoadError) as caught:
        load_article(path)
    assert str(caught.value) == f"{sidecar}: is not valid JSON: Expecting property name enclosed in double quotes (line 1)"


def test_missing_date_on_plain_text(tmp_path):
    assert error_of(write(tmp_path / "p.txt", "Text.")) == NO_DATE


def test_unknown_extension(tmp_path):
    path = write(tmp_path / "report.pdf", b"%PDF-1.7")
    assert error_of(path) == "unknown file type '.pdf': articles are .md, .txt, .html, .htm files"


def test_load_paths_reports_bad_files_and_goes_on(tmp_path):
    good = write(tmp_path / "a-good.md", "---\npublished: 2025-01-24\n---\nText.")
    bad = write(tmp_path / "b-bad.md", "---\ntitle: T\n---\nText.")
    plain = write(tmp_path / "sub" / "c.txt", "Plain text.")
    write(tmp_path / "sub" / "c.json", '{"published": "2025-01-23"}')  # a sidecar, not an article
    write(tmp_path / "README.md", "# About these articles")
    write(tmp_path / ".hidden.md", "---\npublished: 2025-01-24\n---\nText.")
    write(tmp_path / ".git" / "x.md", "---\npublished: 2025-01-24\n---\nText.")
    missing = tmp_path / "missing"
    results = list(load_paths([tmp_path, missing]))
    assert [r.path for r in results] == [str(good), str(bad), str(plain), str(missing)]
    assert [type(r) for r in results] == [Article, LoadError, Article, LoadError]
    assert results[1].message == NO_DATE
    assert results[2].published == date(2025, 1, 23)
    assert results[3].message == "no such file or folder"


def test_load_paths_rejects_a_second_article_with_the_same_id(tmp_path):
    first = write(tmp_path / "one" / "story.md", "---\npublished: 2025-01-24\n---\nText.")
    second = write(tmp_path / "two" / "story.txt", "Text.")
    results = list(load_paths(tmp_path, published=date(2025, 1, 24)))
    assert isinstance(results[0], Article) and results[0].id == "story"
    assert str(results[1]) == (f"{second}: has the same id 'story' as {first}: rename one of "
                               "them or give it an `id:` in its metadata")
