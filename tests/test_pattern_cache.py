"""The compiled-pattern cache: read back what was compiled, never anything different."""
from __future__ import annotations

import marshal
import re

import pytest

from extract.timex import pattern_cache
from extract.timex.engine import engine_for
from extract.timex.pattern_cache import compile_cached
from extract.timex.scan import Scanner

SOURCES = [r"(?P<day>[0-9]{1,2}) (?P<month>jan|feb)(?P<R0>)", r"(?i)\bnext\s+(week|month)\b", r"a|b+c"]
TEXTS = ["12 jan", "5 feb and 7 jan", "Next  Week", "next month", "bbbc", "nothing"]


def _behaviour(patterns: list[re.Pattern[str]]) -> list:
    return [(p.pattern, p.flags, p.groups, dict(p.groupindex),
             [(m.span(), m.groups(), m.lastgroup) for text in TEXTS for m in p.finditer(text)])
            for p in patterns]


def _forbid_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(source: str):
        raise AssertionError(f"compiled {source!r} instead of reading it back")
    monkeypatch.setattr(pattern_cache, "_record", refuse)


def test_first_call_compiles_and_writes_second_reads_back_the_same_patterns(tmp_path, monkeypatch):
    path = tmp_path / "cache" / "rules.patterns"
    cold = compile_cached(SOURCES, path)
    assert path.exists()
    _forbid_compiling(monkeypatch)
    warm = compile_cached(SOURCES, path)
    expected = _behaviour([re.compile(source) for source in SOURCES])
    assert _behaviour(cold) == expected
    assert _behaviour(warm) == expected
    assert warm[0].match("12 jan").groupdict() == {"day": "12", "month": "jan", "R0": ""}


def test_changed_sources_are_compiled_again_and_replace_the_file(tmp_path):
    path = tmp_path / "rules.patterns"
    compile_cached(SOURCES, path)
    changed = SOURCES[:2] + [r"x+y"]
    patterns = compile_cached(changed, path)
    assert [p.pattern for p in patterns] == changed
    assert patterns[2].fullmatch("xxy") is not None
    assert pattern_cache._load(path, pattern_cache._stamp(changed)) is not None
    assert pattern_cache._load(path, pattern_cache._stamp(SOURCES)) is None


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped byte", "altered code", "other interpreter"])
def test_a_damaged_or_foreign_file_is_ignored_and_rewritten(tmp_path, damage):
    path = tmp_path / "rules.patterns"
    compile_cached(SOURCES, path)
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00not marshal at all")
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flipped byte":   # still readable, but the checksum no longer agrees
        stamp, checksum, body = marshal.loads(data)
        middle = len(body) // 2
        body = body[:middle] + bytes([body[middle] ^ 1]) + body[middle + 1:]
        path.write_bytes(marshal.dumps((stamp, checksum, body)))
    elif damage == "altered code":   # valid code that matches "z" where "a" was written
        stamp, checksum, body = marshal.loads(data)
        records = marshal.loads(body)
        code = records[2][1]
        code[code.index(ord("a"))] = ord("z")
        path.write_bytes(marshal.dumps((stamp, checksum, marshal.dumps(records))))
    else:
        stamp, checksum, body = marshal.loads(data)
        path.write_bytes(marshal.dumps(((stamp[0], stamp[1] + 1, *stamp[2:]), checksum, body)))
    patterns = compile_cached(SOURCES, path)
    assert _behaviour(patterns) == _behaviour([re.compile(source) for source in SOURCES])
    assert pattern_cache._load(path, pattern_cache._stamp(SOURCES)) is not None


def test_an_unwritable_place_still_gives_the_patterns(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    path = blocker / "rules.patterns"
    patterns = compile_cached(SOURCES, path)
    assert _behaviour(patterns) == _behaviour([re.compile(source) for source in SOURCES])
    assert not path.exists()


def test_a_bad_pattern_raises_as_re_compile_does(tmp_path):
    with pytest.raises(re.error):
        compile_cached([r"(unclosed"], tmp_path / "rules.patterns")


def test_the_scanner_reads_its_patterns_back_unchanged(tmp_path, monkeypatch):
    grammar = engine_for("en").grammar
    path = tmp_path / "scanner.patterns"
    plain = Scanner(grammar)
    Scanner(grammar, path)
    _forbid_compiling(monkeypatch)
    cached = Scanner(grammar, path)
    assert {ids: p.pattern for ids, p in cached._compiled.items()} == \
           {ids: p.pattern for ids, p in plain._compiled.items()}
    text = "On Friday, three weeks ago, at 10 a.m. on Jan. 5, 1998, the past three months"
    assert [(c.rule.name, c.start, c.end) for c in cached.candidates(text)] == \
           [(c.rule.name, c.start, c.end) for c in plain.candidates(text)]
