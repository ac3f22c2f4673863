"""Loading articles from files: Markdown with front matter, plain text, or HTML.

This is the edge where files come in, so it is where bad input is caught: every problem
becomes a one-line ``LoadError`` that names the file and says how to fix it, and
``load_paths`` reports it and carries on with the next file. The text is kept exactly as
the file has it; boilerplate is only marked (see ``extract.boilerplate``).
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import cache
from html.parser import HTMLParser
from os import PathLike
from pathlib import Path
from typing import Any, Callable

import yaml

from extract.article import Article, Range, blank_out
from extract.boilerplate import find_boilerplate
from extract.published import date_in_url, find_dateline, parse_published

ARTICLE_SUFFIXES = (".md", ".txt", ".html", ".htm")
# Metadata beside a plain-text article NAME.txt, first found wins: NAME.txt.json, NAME.json ...
SIDECAR_SUFFIXES = (".txt.json", ".json", ".yaml", ".yml")
METADATA_KEYS = ("id", "title", "source", "url", "published", "language", "boilerplate")
# <meta> names or properties that give an HTML page's publication time, best first.
HTML_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished",
                       "pubdate", "publishdate", "date")
NO_DATE_HINT = "add `published:` to its front matter or pass --published YYYY-MM-DD"
TITLE_LENGTH = 80
UTF8_BOM = b"\xef\xbb\xbf"

StrPath = str | PathLike[str]
# Records that a path holds an article id; gives the path that held it first, if another.
IdRegistry = Callable[[str, str], "str | None"]


class LoadError(Exception):
    """A file that cannot be loaded as an article, with a message that says why."""

    def __init__(self, path: StrPath, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message


def load_article(path: StrPath, published: date | None = None) -> Article:
    """Load one article. ``published`` (the command line's date) is used only when the
    file gives no date of its own in metadata, a dateline or its URL."""
    path = Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise LoadError(path, f"unknown file type {path.suffix or '(none)'!r}: "
                              f"articles are {', '.join(ARTICLE_SUFFIXES)} files")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError(path, f"cannot be read: {exc.strerror or exc}") from None
    if not raw.removeprefix(UTF8_BOM).strip():
        raise LoadError(path, "is empty")
    nul = raw.find(b"\0")
    if nul >= 0:
        raise LoadError(path, f"is a binary file (NUL byte at offset {nul}), not an article")
    metadata, basis, text = reader(path, raw)
    return _article(path, metadata, basis, text, published)


def load_paths(paths: StrPath | Iterable[StrPath], published: date | None = None,
               ids: IdRegistry | None = None) -> Iterator[Article | LoadError]:
    """Load every article in ``paths`` (files, or folders walked in name order, skipping
    hidden files and READMEs). A file that cannot be loaded gives a ``LoadError`` in its
    place, so one bad file does not stop the rest. Ids must be unique across the run:
    ``ids`` keeps them (in memory by default; a run over a large corpus keeps them on
    disk, ``store.run_ids``)."""
    if isinstance(paths, (str, PathLike)):
        paths = [paths]
    claim = ids or ids_in_memory()
    for path in _article_files(paths):
        if not path.exists():
            yield LoadError(path, "no such file or folder")
            continue
        try:
            article = load_article(path, published)
        except LoadError as error:
            yield error
            continue
        first = claim(article.id, str(path))
        if first is not None:
            yield LoadError(path, f"has the same id {article.id!r} as {first}: "
                                  "rename one of them or give it an `id:` in its metadata")
            continue
        yield article


def ids_in_memory() -> IdRegistry:
    """An ``IdRegistry`` in a dict."""
    first: dict[str, str] = {}

    def claim(article_id: str, path: str) -> str | None:
        if article_id in first:
            return first[article_id]
        first[article_id] = path
        return None

    return claim


def _article_files(paths: Iterable[StrPath]) -> Iterator[Path]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _folder_files(path)
        else:
            yield path


def _folder_files(folder: Path) -> Iterator[Path]:
    """The article files below ``folder``, each folder's in name order, one folder listed
    at a time (a large corpus is never held as one list); hidden files and folders and
    READMEs are passed over."""
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(names):
            found = Path(root, name)
            if (not name.startswith(".") and not name.lower().startswith("readme")
                    and found.suffix.lower() in ARTICLE_SUFFIXES and found.is_file()):
                yield found


# --- one reader per format: bytes in, (metadata, its basis, text) out --------------------

def _read_markdown(path: Path, raw: bytes) -> tuple[dict[str, Any], str, str]:
    text = _decode(path, raw)
    opening = re.match(r"---[ \t]*\r?\n", text)
    if not opening:
        return {}, "front matter", text
    closing = re.compile(r"^---[ \t]*(?:\r?\n|\Z)", re.MULTILINE).search(text, opening.end())
    if not closing:
        raise LoadError(path, "front matter opened with '---' on line 1 is never closed: "
                              "end it with a line of '---'")
    metadata = _parse_yaml(path, text[opening.end():closing.start()], first_line=2,
                           what="front matter")
    body = text[closing.end():]
    if not body.strip():
        raise LoadError(path, "has no text after its front matter")
    return metadata, "front matter", body


def _read_text(path: Path, raw: bytes) -> tuple[dict[str, Any], str, str]:
    text = _decode(path, raw)
    sidecars = [path.with_name(path.name + ".json") if suffix == ".txt.json"
                else path.with_suffix(suffix) for suffix in SIDECAR_SUFFIXES]
    sidecar = next((s for s in sidecars if s.is_file()), None)
    if sidecar is None:
        return {}, "sidecar", text
    try:
        content = _decode(sidecar, sidecar.read_bytes())
    except OSError as exc:
        raise LoadError(sidecar, f"cannot be read: {exc.strerror or exc}") from None
    if sidecar.suffix == ".json":
        try:
            metadata = json.loads(content)
        except json.JSONDecodeError as exc:
            raise LoadError(sidecar, f"is not valid JSON: {exc.msg} (line {exc.lineno})") from None
        if not isinstance(metadata, dict):
            raise LoadError(sidecar, "must hold one JSON object of metadata")
    else:
        metadata = _parse_yaml(sidecar, content, first_line=1, what="sidecar")
    return metadata, "sidecar", text


def _read_html(path: Path, raw: bytes) -> tuple[dict[str, Any], str, str]:
    import trafilatura  # slow to import; only HTML needs it

    html = _decode(path, raw, _declared_charset(raw))
    head = _HeadParser()
    head.feed(html)
    head.close()
    text = trafilatura.extract(html, config=_trafilatura_config(), include_comments=False,
                               include_tables=False, deduplicate=False)
    if not text or not text.strip():
        raise LoadError(path, "has no article text that could be found in its HTML")
    title = head.meta.get("og:title") or head.title
    if title:
        first, _, rest = text.partition("\n")
        if _squeeze(first) == _squeeze(title) and rest.strip():
            text = rest  # the page's headline is the title, not part of the text
    published = next((head.meta[k] for k in HTML_PUBLISHED_META if head.meta.get(k)), None)
    metadata = {"title": title, "source": head.meta.get("og:site_name"),
                "url": head.canonical or head.meta.get("og:url"), "published": published,
                "language": head.language}
    return {k: v for k, v in metadata.items() if v}, "html meta", text


_READERS: dict[str, Callable[[Path, bytes], tuple[dict[str, Any], str, str]]] = {
    ".md": _read_markdown, ".txt": _read_text, ".html": _read_html, ".htm": _read_html,
}


# --- metadata to Article --------------------------------------------------------------------

def _article(path: Path, metadata: dict[str, Any], basis: str, text: str,
             given: date | None) -> Article:
    unknown = [key for key in metadata if key not in METADATA_KEYS]
    if unknown:
        raise LoadError(path, f"unknown metadata key {unknown[0]!r} "
                              f"(known: {', '.join(METADATA_KEYS)})")
    for key in ("id", "title", "source", "url", "language"):
        if metadata.get(key) is not None and not isinstance(metadata[key], str):
            raise LoadError(path, f"`{key}:` must be text, not {_yaml_type(metadata[key])}")
    listed = metadata.get("boilerplate") or []
    if not isinstance(listed, list) or not all(isinstance(line, str) for line in listed):
        raise LoadError(path, "`boilerplate:` must be a list of lines of the text")
    try:
        boilerplate = find_boilerplate(text, listed)
    except ValueError as exc:
        raise LoadError(path, str(exc)) from None
    article_id = metadata.get("id") or path.stem
    url = metadata.get("url") or None
    try:
        published, published_basis = _publication(metadata.get("published"), basis, text,
                                                  boilerplate, url, given)
    except ValueError as exc:
        raise LoadError(path, str(exc)) from None
    return Article(
        id=article_id,
        title=metadata.get("title") or _title_from(text, boilerplate),
        source=metadata.get("source") or None,
        url=url,
        published=published,
        published_basis=published_basis,
        language=metadata.get("language") or "en",
        text=text,
        boilerplate=boilerplate,
        path=str(path),
    )


def _publication(value: Any, basis: str, text: str, boilerplate: tuple[Range, ...],
                 url: str | None, given: date | None) -> tuple[date | datetime, str]:
    """The publication date and where it came from: metadata, else the dateline, else
    the URL, else the command line. Raises ValueError when there is none."""
    if value is not None:
        try:
            return parse_published(value), basis
        except ValueError as exc:
            raise ValueError(f"`published:` {exc}") from None
    url_date = date_in_url(url)
    dateline = find_dateline(blank_out(text, boilerplate))
    if dateline is not None:
        day = dateline.resolve(url_date or given)
        if day is not None:
            return day, "dateline"
    if url_date is not None:
        return url_date, "url"
    if given is not None:
        return given, "command line"
    detail = f" (its dateline {dateline.text!r} gives no year)" if dateline else ""
    raise ValueError(f"has no publication date{detail}: {NO_DATE_HINT}")


def _title_from(text: str, boilerplate: tuple[Range, ...]) -> str:
    """A stand-in title for an article without one: its first line, shortened."""
    first = next((line for line in blank_out(text, boilerplate).splitlines() if line.strip()), "")
    first = _squeeze(first)
    if len(first) <= TITLE_LENGTH:
        return first
    return first[:TITLE_LENGTH].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


# --- decoding and parsing helpers -----------------------------------------------------------

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when present: 10× faster


class _MetadataLoader(_SAFE_LOADER):  # type: ignore[misc, valid-type]
    """YAML without implicit timestamps: dates stay strings, so that an impossible date
    ("2025-02-30") gets our clear message instead of a constructor error."""


_MetadataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _parse_yaml(path: Path, source: str, first_line: int, what: str) -> dict[str, Any]:
    try:
        data = yaml.load(source, Loader=_MetadataLoader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + first_line})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise LoadError(path, f"{what} is not valid YAML: {problem}{where}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LoadError(path, f"{what} must be `key: value` lines, not {_yaml_type(data)}")
    return {str(key): value for key, value in data.items()}


def _decode(path: Path, raw: bytes, encoding: str = "utf-8") -> str:
    """Decode strictly, dropping a UTF-8 byte-order mark; the error gives the byte offset."""
    bom = len(UTF8_BOM) if encoding == "utf-8" and raw.startswith(UTF8_BOM) else 0
    try:
        return raw[bom:].decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + bom
        raise LoadError(path, f"is not {encoding.upper()} text: byte 0x{raw[offset]:02x} at "
                              f"offset {offset} cannot be decoded; save it as UTF-8") from None


def _declared_charset(raw: bytes) -> str:
    """The charset an HTML page declares in its first bytes, if Python knows it."""
    import codecs

    match = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", raw[:4096], re.I)
    if match:
        try:
            name = codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            return "utf-8"
        return "utf-8" if name == "utf-8" else name
    return "utf-8"


@cache
def _trafilatura_config() -> Any:
    """trafilatura's defaults, but without its minimum sizes: below them it flattens a
    short article's paragraphs into one line."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    return config


class _HeadParser(HTMLParser):
    """Collects what the page says about itself: <title>, <meta>, canonical link, lang."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.language: str | None = None
        self._title: list[str] = []
        self._in_title = False
        self._seen_title = False

    @property
    def title(self) -> str | None:
        return _squeeze("".join(self._title)) or None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): value or "" for name, value in attrs}
        if tag == "html" and attributes.get("lang"):
            self.language = attributes["lang"].split("-")[0].lower()
        elif tag == "title" and not self._seen_title:
            self._in_title = self._seen_title = True
        elif tag == "meta":
            key = (attributes.get("property") or attributes.get("name")
                   or attributes.get("itemprop") or "").lower()
            if key and attributes.get("content") and key not in self.meta:
                self.meta[key] = attributes["content"].strip()
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.canonical = self.canonical or attributes.get("href") or None

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _yaml_type(value: Any) -> str:
    return {list: "a list", dict: "a mapping", int: "a number", float: "a number",
            bool: "true/false"}.get(type(value), f"a {type(value).__name__}")
