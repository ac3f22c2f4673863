"""Pass 1 of publishing's merge (``extract.stream_merge``): which group each per-article
event joins, as ``merge_events`` would decide, with bounded memory.

The events come in merge order (``merge._order``, as SQL). Each is compared only with
the groups it can join, found by block (``_keys``) and by the days their best-dated
reports reach (``_Block``); ``merge._same`` decides. At most ``WARM_GROUPS`` groups
stay in memory; beyond that the groups whose time ended first are spilled to temporary
tables (``_Cold``), where only reports of older times look. With worker processes, the
grouping runs in a process of its own (``extract.side_process``).
"""
from __future__ import annotations

import bisect
import heapq
import json
import sqlite3
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import partial
from typing import Any

from extract import merge as merging
from extract.events.lexicon import lexicon
from extract.heap import use_one_heap
from extract.model import Event, Quantity
from extract.side_process import map_in_process
from extract.timex.span import TimeSpan

_GROUPING_BATCH = 500      # events handed to pass 1's grouping at once
# Statements a connection keeps compiled (Python's default is 128). The search of spilled
# groups varies its SQL with the blocks and widths asked for, and large corpora ask for
# more of them: 128 cached statements grew the grouping's SQLite memory from 2 to 6 MB
# over 40,000 articles; 16 keep it at 2 MB, no slower.
STATEMENTS_CACHED = 16
_FAR_PAST, _FAR_FUTURE = -1, 10**7        # date ordinals beyond any real span


def _merge_order_sql() -> str:
    """``merge._order`` as an ORDER BY over ``article_events`` (then the input order, as
    Python's stable sort keeps it)."""
    claim = "json_extract(json, '$.claims[0].{}')"
    return ", ".join([claim.format(k) for k in ("published", "article_id", "sentence_start",
                                                "trigger_start")]
                     + ["json_extract(json, '$.type')", "article_id", "position"])


class _Group:
    """A group made so far: its number, its best-dated report (light) and what of it
    comparing reads first, and the lowest and highest figure of its reports."""

    __slots__ = ("number", "rep", "rank", "low", "high", "root", "spilled", "figures")

    def __init__(self, number: int, event: Event, root: str | None,
                 spilled: bool = False, figures: merging.FigureSpan = None) -> None:
        self.number = number
        self.root = root
        self.spilled = spilled
        self.figures = figures if spilled else merging.figure_span(event)
        self.take(event)

    def take(self, event: Event) -> None:
        self.rep = event
        rank = merging._time_rank(event)
        self.rank = _ALIKE.setdefault(rank, rank)
        low, high = _reach(event)
        self.low, self.high = _ALIKE.setdefault(low, low), _ALIKE.setdefault(high, high)


# Ranks and days that many groups hold alike, held once: there are as many as there are
# kinds of rank and days in the corpus's calendar, while groups run to tens of thousands.
_ALIKE: dict[Any, Any] = {}


class _ArticleRef:
    """All pass 1 reads of a claim (``merge._same`` too): the article it comes from."""

    __slots__ = ("article_id",)

    def __init__(self, article_id: str) -> None:
        self.article_id = article_id


class _LightReader:
    """Light events (what ``merge._same`` and ``merge._time_rank`` read: type, status,
    actors, places, topic, time span and basis, first figure, and which articles the
    claims come from; no text) from the columns SQLite extracted. What many events hold
    alike (names, spans, an article's claims) is made once and shared, so the memory
    pass 1 needs grows with the groups, not with their every field."""

    def __init__(self) -> None:
        self.shared: dict[Any, Any] = {}
        self.claims_text: str | None = None
        self.claims: Any = []

    def event(self, kind: str, status: str, actors: str, places: str, topic: str | None,
              basis: str, confidence: float, when_kind: str, start: str | None,
              end: str | None, granularity: str | None, mod: str | None,
              figure: float | None, claims: str) -> Event:
        share = self.shared.setdefault
        if claims != self.claims_text:     # an article's events come together
            self.claims_text = claims
            self.claims = [_ArticleRef(share(article, article)) for article in json.loads(claims)]
        return Event("", share(kind, kind), "", self._span(when_kind, start, end, granularity, mod),
                     share(status, status), self._names(actors), self._names(places),
                     self._figure(figure), self.claims, confidence, share(basis, basis),
                     share(topic, topic))

    def _span(self, kind: str, start: str | None, end: str | None, granularity: str | None,
              mod: str | None) -> TimeSpan:
        key = ("span", kind, start, end, granularity, mod)
        span = self.shared.get(key)
        if span is None:
            span = self.shared[key] = TimeSpan(
                "", 0, 0, kind, "", date.fromisoformat(start) if start else None,
                date.fromisoformat(end) if end else None, granularity, mod, None, None, "")
        return span

    def _names(self, text: str) -> tuple[str, ...]:
        key = ("names", text)
        names = self.shared.get(key)
        if names is None:
            names = self.shared[key] = tuple(json.loads(text))
        return names

    def _figure(self, value: float | None) -> tuple[Quantity, ...]:
        """The first figure, all ``merge._figures_fit`` reads."""
        if not value:
            return ()
        key = ("figure", value)
        figure = self.shared.get(key)
        if figure is None:
            figure = self.shared[key] = (Quantity("", value),)
        return figure


def _reach(event: Event) -> tuple[int, int]:
    """The days a span can meet (``merge.reach``), as ordinals: everything when it has
    no interval. Two spans fit exactly when their reaches overlap (``merge._times_fit``)."""
    days = merging.reach(event)
    if days is None:
        return _FAR_PAST, _FAR_FUTURE
    return days[0].toordinal(), days[1].toordinal()


def _speaker_roots() -> Callable[[str], str]:
    """An actor's family under ``part_of`` (the JCS and South Korea are one): statements
    whose first actors are of different families never merge."""
    parent: dict[str, str] = {}

    def root(name: str) -> str:
        while parent.get(name, name) != name:
            name = parent[name]
        return name

    for child, up in lexicon().part_of.items():
        a, b = root(child), root(up)
        if a != b:
            parent[a] = b
    return root


class _Block:
    """The groups of one block (events that may merge), found by the days they reach:
    a group whose best-dated report reaches a bounded stretch of days is listed under
    each stretch of ``_BUCKET_DAYS`` it touches, any other under ``wide``."""

    __slots__ = ("groups", "members", "wide", "buckets")

    def __init__(self) -> None:
        self.groups: list[_Group] = []      # in the order they were made
        self.members: set[int] = set()
        self.wide: list[_Group] = []
        self.buckets: dict[int, list[_Group]] = {}

    def register(self, group: _Group) -> None:
        """List ``group`` by the days its best-dated report reaches now (a report that
        changes is listed again; the old listing stays, and is checked again)."""
        if group.number not in self.members:
            self.members.add(group.number)
            if self.groups and self.groups[-1].number > group.number:
                bisect.insort(self.groups, group, key=_number)
            else:
                self.groups.append(group)
        low, high = group.low, group.high
        if high - low > _NARROW_DAYS:
            self.wide.append(group)
        else:
            for bucket in range(low // _BUCKET_DAYS, high // _BUCKET_DAYS + 1):
                self.buckets.setdefault(bucket, []).append(group)

    def forget(self, numbers: set[int]) -> None:
        """Drop the groups numbered ``numbers`` (spilled) from every listing."""
        if self.members.isdisjoint(numbers):
            return
        self.members = self.members - numbers   # a new set: one emptied in place keeps its size
        self.groups = [g for g in self.groups if g.number not in numbers]
        self.wide = [g for g in self.wide if g.number not in numbers]
        for bucket, listed in list(self.buckets.items()):
            kept = [g for g in listed if g.number not in numbers]
            if kept:
                self.buckets[bucket] = kept
            else:
                del self.buckets[bucket]

    def candidates(self, low: int, high: int) -> Iterable[_Group]:
        """The groups that may reach days in ``low``..``high``, in the order they were
        made (a superset: stale listings are checked again by the caller)."""
        if high - low > _NARROW_DAYS:
            return self.groups
        found = set(self.wide)
        for bucket in range(low // _BUCKET_DAYS, high // _BUCKET_DAYS + 1):
            found.update(self.buckets.get(bucket, ()))
        return sorted(found, key=_number)


_BUCKET_DAYS = 32
_NARROW_DAYS = 400


def _number(group: _Group) -> int:
    return group.number


def _keys(event: Event, root: Callable[[str], str], number: int
          ) -> tuple[list[tuple], list[tuple]]:
    """The blocks a group whose best-dated report is ``event`` is listed in, and the
    blocks ``event`` looks in for its group. Events of different types or directions in
    time never merge; statements only with the same status and speaker family, and a
    statement with a modified time ("on or before") only with one of the same topic and
    places, and without a topic only one from the same article (``merge._same``)."""
    base: tuple = (event.type, merging._forward(event))
    if event.type != "statement":
        # ``merge._same`` joins reports whose first actors fit, or (when one names no
        # actor) whose places fit (a region fits its country), or that share an
        # article: one listing for each, so a report meets only groups it may join.
        keys = [base + ("actor", root(event.actors[0]))] if event.actors else []
        country = lexicon().place_country
        keys += [base + ("place", country.get(place, place)) for place in event.places]
        keys += [base + ("article", article) for article in dict.fromkeys(c.article_id for c in event.claims)]
        return keys, keys
    if not event.actors:                # no speaker: merges with nothing
        return [("alone", number)], [("alone", number)]
    base += (event.status, root(event.actors[0]))
    facet = base + (event.topic, frozenset(event.places))
    # Without a topic, only statements that share an article merge (unless neither time
    # is modified).
    facets = [facet] if event.topic is not None else \
        [facet + (article,) for article in dict.fromkeys(c.article_id for c in event.claims)]
    if event.when.mod is None:
        facets.append(base + ("plain",))
    return facets, facets


WARM_GROUPS = 10_000    # groups kept in memory (about 8 MB); beyond, the oldest are spilled
_RECENT_COLD = 2_000    # spilled groups kept made again
_SPILL_SLICE = 500      # spilled groups written at once


class _Cold:
    """The spilled groups, in temporary tables: each group's speaker family and its
    best-dated report (its light columns) and its lowest and highest figure, and one row
    per block it is listed in, with its reach and what is rejected on first (topic,
    figures). Only a report of a time before ``below`` looks here."""

    def __init__(self, connection: sqlite3.Connection, reader: _LightReader) -> None:
        self.connection, self.reader = connection, reader
        self.below = _FAR_PAST       # every spilled group's reach ends before this day
        self.blocks: dict[str, _ColdBlock] = {}   # as many as there are blocks
        self.recent: OrderedDict[int, _Group] = OrderedDict()
        for statement in (
                "DROP TABLE IF EXISTS temp.cold_groups",
                "CREATE TEMP TABLE cold_groups (grp INTEGER PRIMARY KEY, root TEXT, "
                "lowest REAL, highest REAL, "
                f"{', '.join(f'c{i}' for i in range(len(_LIGHT_EXPRESSIONS)))})",
                "DROP TABLE IF EXISTS temp.cold_listings",
                "CREATE TEMP TABLE cold_listings (id INTEGER PRIMARY KEY, block INTEGER NOT NULL, "
                "width INTEGER NOT NULL, low INTEGER NOT NULL, high INTEGER NOT NULL, "
                "grp INTEGER NOT NULL, root TEXT, topic TEXT, lowest REAL, highest REAL)",
                # A listing of width class w (``_width``) meets low..high only if it
                # starts in low - 2**w + 1..high: a short stretch of the index, however
                # many listings the block has.
                "CREATE INDEX temp.cold_by_block ON cold_listings (block, width, low)"):
            connection.execute(statement)

    def close(self) -> None:
        self.connection.execute("DROP TABLE temp.cold_groups")
        self.connection.execute("DROP TABLE temp.cold_listings")

    def spill(self, groups: list[_Group], listings: list[tuple[str, _Group]]) -> None:
        """Keep ``groups`` here, listed under the blocks given."""
        self.below = max([self.below] + [group.high + 1 for group in groups])
        self.connection.executemany(
            f"INSERT INTO temp.cold_groups VALUES (?, ?, ?, ?, "
            f"{', '.join('?' * len(_LIGHT_EXPRESSIONS))})",
            [(g.number, g.root, *(g.figures or (None, None)), *_light_columns(g.rep))
             for g in groups])
        rows, listed = [], Counter[int]()
        for text, g in listings:
            block = self.blocks.get(text)
            if block is None:
                block = self.blocks[text] = _ColdBlock(len(self.blocks))
            width = block.take(g)
            # A listing's id tells its group's (``warm`` deletes by id, not by a scan).
            rows.append((g.number * _MAX_LISTINGS + listed[g.number], block.number, width,
                         g.low, g.high, g.number, g.root, g.rep.topic or None,
                         *(g.figures or (None, None))))
            listed[g.number] += 1
        self.connection.executemany(
            "INSERT INTO temp.cold_listings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def candidates(self, lookups: list[tuple], low: int, high: int, event: Event,
                   root: str | None) -> Iterable[_Group]:
        """The spilled groups listed under ``lookups`` whose reach meets ``low``..``high``
        and that ``event`` may join, in the order they were made: given ``root``, their
        speaker family is it or none; unless ``event`` is a statement, their topic and
        figures fit (``merge._same``, ``merge.figures_fit_group``). Made again as they
        are asked for: the first that fits ends the search."""
        if low >= self.below:
            return ()
        blocks = [block for block in map(self.blocks.get, map(_block_text, lookups))
                  if block is not None and block.first <= high and low <= block.last]
        if not blocks:
            return ()
        parameters: list[Any] = []
        sql = ""
        if root is not None:
            sql += " AND (root IS NULL OR root = ?)"
            parameters.append(root)
        if event.type != "statement":
            if event.topic:
                sql += " AND (topic IS NULL OR topic = ?)"
                parameters.append(event.topic)
            figure = merging._first_figure(event)
            if figure is not None:
                sql += " AND (lowest IS NULL OR max(highest, ?) <= min(lowest, ?) * ?)"
                parameters += [figure, figure, merging.FIGURE_SPREAD]
        selects, values = [], []
        for block in blocks:
            for width in block.widths:
                selects.append("SELECT grp FROM temp.cold_listings WHERE block = ? AND "
                               f"width = ? AND low BETWEEN ? AND ? AND high >= ?{sql}")
                values += [block.number, width,
                           low - 2 ** width + 1 if width < _WIDE else _FAR_PAST, high, low,
                           *parameters]
        return self._groups(self.connection.execute(
            f"SELECT * FROM temp.cold_groups WHERE grp IN ({' UNION '.join(selects)}) "
            "ORDER BY grp", values))

    def _groups(self, rows: sqlite3.Cursor) -> Iterator[_Group]:
        """The groups of ``rows``, made again a few at a time, then twice as many each
        time; the last few made are kept, as reports of one old time come together."""
        recent = self.recent
        chunk = _COLD_CHUNK
        while found := rows.fetchmany(chunk):
            for number, root, lowest, highest, *light in found:
                group = recent.get(number)
                if group is None:
                    group = recent[number] = _Group(
                        number, self.reader.event(*light), root, spilled=True,
                        figures=None if lowest is None else (lowest, highest))
                    if len(recent) > _RECENT_COLD:    # before yielding: the search may
                        recent.popitem(last=False)    # end at any group
                else:
                    recent.move_to_end(number)
                yield group
            chunk = min(chunk * 2, _COLD_CHUNK_MOST)

    def warm(self, group: _Group) -> None:
        """``group`` took a new report: it lives in memory again."""
        group.spilled = False
        self.recent.pop(group.number, None)
        self.connection.execute("DELETE FROM temp.cold_groups WHERE grp = ?", (group.number,))
        first = group.number * _MAX_LISTINGS
        self.connection.execute("DELETE FROM temp.cold_listings WHERE id BETWEEN ? AND ?",
                                (first, first + _MAX_LISTINGS - 1))


class _ColdBlock:
    """What is known in memory of a block's spilled listings: its number in
    ``cold_listings``, the days they reach (a report whose reach misses them need not
    ask SQLite), and their widths."""

    __slots__ = ("number", "first", "last", "widths")

    def __init__(self, number: int) -> None:
        self.number = number
        self.first, self.last = _FAR_FUTURE, _FAR_PAST
        self.widths: set[int] = set()

    def take(self, group: _Group) -> int:
        """Count ``group``'s listing in; its width."""
        self.first, self.last = min(self.first, group.low), max(self.last, group.high)
        width = _width(group)
        self.widths.add(width)
        return width


_WIDE = 13     # width classes: 0 a day, w < _WIDE at most 2**w - 1 days more, else any


def _width(group: _Group) -> int:
    return min((group.high - group.low).bit_length(), _WIDE)


_MAX_LISTINGS = 1 << 16     # blocks a group can be listed in, far more than it has
_COLD_CHUNK = 8     # spilled groups made again at first; twice as many each time after,
_COLD_CHUNK_MOST = 256     # up to this many


def _light_columns(event: Event) -> tuple[Any, ...]:
    """A light event as the columns ``_LightReader.event`` reads."""
    when = event.when
    return (event.type, event.status, json.dumps(event.actors), json.dumps(event.places),
            event.topic, event.when_basis, event.confidence, when.kind,
            when.start.isoformat() if when.start else None,
            when.end.isoformat() if when.end else None, when.granularity, when.mod,
            merging._first_figure(event),
            json.dumps([claim.article_id for claim in event.claims]))


def _block_text(key: tuple) -> str:
    """A block's key as text, the same for equal keys (a set of places, sorted)."""
    return repr(tuple(sorted(part) if isinstance(part, frozenset) else part for part in key))


class _Grouper:
    """Pass 1's state: the groups made so far, by block; at most ``warm_groups`` in
    memory, the rest spilled (``_Cold``). Events come in order of publication, so the
    groups spilled are those whose time ended longest ago: only reports of old times
    look for them. Memory therefore does not grow with the corpus."""

    def __init__(self, connection: sqlite3.Connection, reader: _LightReader,
                 warm_groups: int) -> None:
        self.warm_groups = warm_groups
        self.root = _speaker_roots()
        self.reader = reader
        self.blocks: dict[tuple, _Block] = {}
        self.warm: dict[int, _Group] = {}
        self.cold = _Cold(connection, reader)
        self.made = 0
        self.article: str | None = None
        self.article_blocks: list[tuple] = []

    def next_article(self, article: str | None) -> None:
        """Events come article by article (merge order sorts by the first claim's
        article), and a block listed under an article is looked in only by that
        article's events: when the article is done, its blocks go."""
        for key in self.article_blocks:
            self.blocks.pop(key, None)
        self.article, self.article_blocks = article, []
        if len(self.warm) > self.warm_groups:
            self._spill(len(self.warm) - self.warm_groups * 3 // 4)

    def _spill(self, how_many: int) -> None:
        """Spill the ``how_many`` groups whose reach ends first, listed under their
        blocks but their articles' own (no later article looks there)."""
        old = sorted(self.warm.values(), key=lambda g: (g.high, g.number))[:how_many]
        numbers = {group.number for group in old}
        for number in numbers:
            del self.warm[number]
        for key in list(self.blocks):
            block = self.blocks[key]
            block.forget(numbers)
            if not block.groups:
                del self.blocks[key]
        for start in range(0, len(old), _SPILL_SLICE):      # a slice's rows at a time
            some = old[start:start + _SPILL_SLICE]
            listings = [(_block_text(key), group) for group in some
                        for key in self._lasting_keys(group)]
            self.cold.spill(some, listings)
        self.reader.shared.clear()      # what the spilled groups held alike goes with them

    def _lasting_keys(self, group: _Group) -> list[tuple]:
        """The blocks ``group`` is listed in but its articles' own (their articles are
        done: no later report looks there)."""
        return [key for key in _keys(group.rep, self.root, group.number)[0]
                if not any(claim.article_id in key for claim in group.rep.claims)]

    def join(self, event: Event) -> int:
        """The number of the group ``event`` joins, made when it joins none."""
        first = event.actors[0] if event.actors else None
        check_roots = event.type != "statement"
        homes, lookups = _keys(event, self.root, self.made)
        if len(event.claims) == 1:
            self.article_blocks.extend(key for key in homes if self.article in key)
        low, high = _reach(event)
        found = [self.blocks[key].candidates(low, high) for key in lookups if key in self.blocks]
        mine = self.root(first) if first is not None else None
        if len(found) > 1:
            candidates: Iterable[_Group] = sorted(set().union(*found), key=_number)
        else:
            candidates = found[0] if found else ()
        cold = self.cold.candidates(lookups, low, high, event, mine if check_roots else None)
        if cold:
            candidates = heapq.merge(candidates, cold, key=_number)
        for group in candidates:
            if group.low <= high and low <= group.high \
                    and (not check_roots or mine is None or group.root is None
                         or mine == group.root) \
                    and merging._same(group.rep, event) \
                    and merging.figures_fit_group(group.figures, event):
                figures = merging.figure_span(event, group.figures)
                widened, group.figures = figures != group.figures, figures
                if merging._time_rank(event) > group.rank:   # max() keeps the first of equals
                    self._retake(group, event, mine, homes)
                elif widened and group.spilled:     # its figures in the spilled rows are stale
                    self._bring_back(group, self._lasting_keys(group))
                return group.number
        group = _Group(self.made, event, mine)
        self.made += 1
        self._place(group, homes)
        return group.number

    def _retake(self, group: _Group, event: Event, root: str | None, homes: list[tuple]
                ) -> None:
        """``event`` is the group's best-dated report now: list the group anew (the
        old listings stay, and are checked again)."""
        before = (group.low, group.high, _keys(group.rep, self.root, group.number)[0])
        group.take(event)
        group.root = root
        if group.spilled:
            self._bring_back(group, homes)
        elif (group.low, group.high, homes) != before:
            self._place(group, homes)

    def _bring_back(self, group: _Group, homes: list[tuple]) -> None:
        """A spilled group lives in memory again, listed under ``homes``."""
        self.cold.warm(group)
        self._place(group, homes)

    def _place(self, group: _Group, homes: list[tuple]) -> None:
        if any(self.article not in key for key in homes):
            self.warm[group.number] = group     # else only its article finds it: it goes
        for key in homes:
            self.blocks.setdefault(key, _Block()).register(group)


# Only what comparing reads, extracted by SQLite (in C), not whole events in Python:
# the columns ``_LightReader.event`` takes, in its order.
_LIGHT_EXPRESSIONS = (
    "json_extract(json, '$.type')", "json_extract(json, '$.status')",
    "json_extract(json, '$.actors')", "json_extract(json, '$.places')",
    "json_extract(json, '$.topic')", "json_extract(json, '$.when_basis')",
    "json_extract(json, '$.confidence')", "json_extract(json, '$.when.kind')",
    "json_extract(json, '$.when.start')", "json_extract(json, '$.when.end')",
    "json_extract(json, '$.when.granularity')", "json_extract(json, '$.when.mod')",
    "(SELECT json_extract(value, '$.value') FROM json_each(e.json, '$.quantities') "
    "WHERE json_extract(value, '$.value') LIMIT 1)",
    "(SELECT json_group_array(json_extract(value, '$.article_id')) "
    "FROM json_each(e.json, '$.claims'))")
_LIGHT_COLUMNS = ", ".join(_LIGHT_EXPRESSIONS)


def assign_groups(connection: sqlite3.Connection, elsewhere: bool = False) -> None:
    """Pass 1: which group each event of the articles ``temp.merge_articles`` lists
    joins, into ``temp.merge_groups``; ``elsewhere``, the grouping runs in a process of
    its own, a batch behind the reading (its memory is given back when it ends; it
    starts while SQLite sorts)."""
    cursor = connection.execute(f"SELECT rowid, {_LIGHT_COLUMNS} FROM article_events AS e "
                                "WHERE EXISTS (SELECT 1 FROM temp.merge_articles m "
                                "WHERE m.content_hash = e.content_hash) "
                                f"ORDER BY {_merge_order_sql()}")
    batches = _numbered_batches(cursor, _GROUPING_BATCH)
    grouping = None if elsewhere else _Grouping(connection, WARM_GROUPS)
    joined = map_in_process(partial(_grouping_on_its_own, WARM_GROUPS), batches) \
        if grouping is None else map(grouping, batches)
    # The cursor reads article_events while pass 1 writes temporary tables only. EXISTS,
    # with an index: ``IN (SELECT ...)`` would first copy every hash into memory.
    for rows in joined:
        connection.executemany("INSERT INTO temp.merge_groups VALUES (?, ?, ?)", rows)
    if grouping is not None:
        grouping.close()


def _numbered_batches(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    """Rows numbered in order (the number first), ``size`` at a time."""
    batch: list[tuple] = []
    for order, row in enumerate(rows):
        batch.append((order, *row))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Grouping:
    """Pass 1's grouping, batch by batch: the group each event joins. Spilled groups go
    to ``connection``'s temporary tables."""

    def __init__(self, connection: sqlite3.Connection, warm_groups: int) -> None:
        self.reader = _LightReader()
        self.grouper = _Grouper(connection, self.reader, warm_groups)

    def __call__(self, rows: list[tuple]) -> list[tuple[int, int, int]]:
        """(row, group, order) for each of ``rows``: (order, row, *light columns)."""
        reader, grouper = self.reader, self.grouper
        joined = []
        for order, row, *columns in rows:
            event = reader.event(*columns)
            first_claim = event.claims[0] if event.claims else None
            article = first_claim.article_id if first_claim else None
            if article != grouper.article:
                grouper.next_article(article)
            joined.append((row, grouper.join(event), order))
        return joined

    def close(self) -> None:
        self.grouper.cold.close()


def _grouping_on_its_own(warm_groups: int) -> _Grouping:
    """A ``_Grouping`` for a process of its own, spilling into a private temporary
    database."""
    use_one_heap()      # its queues' threads would each grow a heap of their own
    connection = sqlite3.connect("", isolation_level=None, cached_statements=STATEMENTS_CACHED)
    connection.execute("BEGIN")     # never committed: nothing there outlives the process
    return _Grouping(connection, warm_groups)
