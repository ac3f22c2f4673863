"""Compiled regular expressions kept between processes.

The scanner's joined rule patterns take about half a second to compile with ``re``, in
every process, while matching all of TimeBank takes a quarter of one. CPython can rebuild
a pattern from its compiled code at almost no cost, so the code is kept in the user's cache
directory, stamped with the interpreter and regex-engine versions and a digest of the
patterns, and rebuilt whenever any of them changes.

Anything unexpected (another interpreter, a missing, unreadable or corrupt file, a
read-only directory) falls back to ``re.compile``: the cache can make start-up faster,
never different. CPython checks compiled code before it runs it (``_sre.compile``
validates it), so a damaged file gives an error that is caught here, not a crash.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any, Sequence

try:  # CPython's regex engine and compiler: what ``re.compile`` itself runs
    import _sre
    from re import _compiler, _parser
except ImportError:  # another interpreter: no cache, plain re.compile
    _sre = None  # type: ignore[assignment]

_FORMAT = 1
_LOAD_ERRORS = (OSError, EOFError, ValueError, TypeError, RuntimeError, IndexError, KeyError)

Record = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]


def _stamp(sources: Sequence[str]) -> tuple[int, int, int, str]:
    digest = hashlib.sha256("\0".join(sources).encode("utf-8")).hexdigest()
    return (_FORMAT, sys.hexversion, getattr(_sre, "MAGIC", 0), digest)


def _record(source: str) -> Record:
    """What ``re`` compiles ``source`` into, in a form ``marshal`` can write."""
    parsed = _parser.parse(source, 0)
    code = [int(op) for op in _compiler._code(parsed, 0)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _rebuild(source: str, record: Record) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = record
    return _sre.compile(source, flags, code, groups, groupindex, indexgroup)


def _load(path: Path, stamp: tuple) -> list[Record] | None:
    """The records kept at ``path`` if they carry ``stamp`` and are whole, else None."""
    try:
        stored_stamp, checksum, body = marshal.loads(path.read_bytes())
        if tuple(stored_stamp) != stamp or hashlib.sha256(body).hexdigest() != checksum:
            return None
        return marshal.loads(body)
    except _LOAD_ERRORS:
        return None


def _save(path: Path, stamp: tuple, records: list[Record]) -> None:
    """Write atomically: a reader sees the old file or the new one, never half of one."""
    body = marshal.dumps(records)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(marshal.dumps((stamp, hashlib.sha256(body).hexdigest(), body)))
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # a read-only place: compile in every process, as without the cache


def compile_cached(sources: Sequence[str], path: Path) -> list[re.Pattern[str]]:
    """``re.compile`` of every source, read from ``path`` when it holds exactly these
    sources compiled by this interpreter, else compiled and written there."""
    if _sre is None:
        return [re.compile(source) for source in sources]
    stamp = _stamp(sources)
    records = _load(path, stamp)
    if records is not None and len(records) == len(sources):
        try:
            return [_rebuild(source, record) for source, record in zip(sources, records)]
        except _LOAD_ERRORS:
            pass
    try:
        records = [_record(source) for source in sources]
        patterns = [_rebuild(source, record) for source, record in zip(sources, records)]
    except (AttributeError, TypeError, ValueError, RuntimeError):  # the compiler's internals changed
        return [re.compile(source) for source in sources]
    _save(path, stamp, records)
    return patterns


def default_path(name: str) -> Path:
    """Where the patterns called ``name`` are kept: the user's cache directory, one file
    per checkout of the code (two checkouts with different rules do not keep replacing
    each other's file) and per interpreter."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "chronicle"
    checkout = hashlib.sha256(str(Path(__file__).resolve().parent).encode("utf-8")).hexdigest()[:12]
    return root / f"{name}-{checkout}.{sys.implementation.cache_tag}.patterns"
