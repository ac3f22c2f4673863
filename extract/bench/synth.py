"""A synthetic corpus of conflict news for benchmarks: ``write_corpus(folder, count)``.

Each article is made from the sentence templates and vocabularies in
``synth_templates.toml`` (the language lives in data, the generator only fills it in):
a "story" fixes a theatre, the states involved and a publication date between 2021
and mid-2025, then sentences reporting deployments, casualties, captures, weapons
transfers, launches, treaties, visits, operations, statements and assessments are
drawn around it, with figures written in the ways wires write them ("12,000",
"12, 000", "about 3,000", "up to 500"), time expressions relative to the publication
date ("last week", "on Tuesday", "in March", "two days ago", explicit dates),
attributions, background sentences and some site furniture. About 2 KB an article, in
the project's Markdown format (YAML front matter).

Deterministic: article ``i`` of seed ``s`` depends on nothing else, so the same seed
gives the same bytes, and the corpus is written one article at a time (never held in
memory).
"""
from __future__ import annotations

import json
import random
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from os import PathLike
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).with_name("synth_templates.toml")
FIRST_DAY = date(2021, 1, 1)
LAST_DAY = date(2025, 6, 30)
PER_FOLDER = 100                 # articles per subfolder
SIZE = (1800, 2300)              # bytes a file aims at, front matter included
ZONES = ("+00:00", "+09:00", "+03:00", "+02:00", "-05:00", "+01:00")
KINDS = ("deployment", "planned_deployment", "casualties", "capture", "weapons_transfer",
         "launch", "treaty", "visit", "operation", "statement", "assessment")
# How likely each kind is as the story's main kind (the one its lead sentence reports).
MAIN_WEIGHTS = (6, 3, 5, 3, 4, 3, 2, 2, 4, 3, 2)

StrPath = str | PathLike[str]
_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class State:
    name: str
    adj: str
    capital: str
    title: str

    @property
    def poss(self) -> str:
        return self.name + ("'" if self.name.endswith("s") else "'s")


@dataclass(frozen=True, slots=True)
class Corpus:
    """What ``write_corpus`` wrote."""

    folder: Path
    files: int
    bytes: int


@cache
def vocabulary() -> dict[str, Any]:
    """The templates and vocabularies, read once."""
    with TEMPLATES.open("rb") as handle:
        data = tomllib.load(handle)
    data["states"] = {row[0]: State(*row) for row in data["states"]}
    return data


def _capitalised(text: str) -> str:
    for position, char in enumerate(text):
        if char.isalpha():
            return text[:position] + char.upper() + text[position + 1:]
        if char not in "\"'“ ":
            break
    return text


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Story:
    """One article in the making: who and where it is about, when it appeared."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.v = v = vocabulary()
        self.theatre = rng.choice(sorted(v["theatres"]))
        firsts, seconds = v["story_states"][self.theatre]
        states = v["states"]
        self.states = {"A": states[rng.choice(firsts)], "B": states[rng.choice(seconds)]}
        others = [s for name, s in sorted(states.items())
                  if s not in self.states.values()]
        self.states["C"] = rng.choice(others + [states[rng.choice(firsts)]] * 3)
        if self.states["C"] == self.states["A"]:
            self.states["C"] = rng.choice(others)
        places = v["theatres"][self.theatre]
        self.places = [row[0] for row in rng.sample(places, min(4, len(places)))]
        self.published = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
        publication = v["publication"]
        self.source = (rng.choice(publication["real_sources"]) if rng.random() < 0.3 else
                       f"{rng.choice(publication['source_prefixes'])} "
                       f"{rng.choice(publication['source_nouns'])}")
        self.people: dict[str, str] = {}

    # -- filling templates ------------------------------------------------------------

    def fill(self, template: str) -> str:
        return _FIELD.sub(lambda match: self.value(match.group(1)), template)

    def value(self, name: str) -> str:
        rng, words = self.rng, self.v["words"]
        role, _, part = name.partition("_")
        if role in self.states and (part or len(name) == 1):
            return self.state_field(self.states[role], part)
        if name in ("place", "place2"):
            return self.places[0] if name == "place" and rng.random() < 0.6 else \
                rng.choice(self.places)
        if name == "figure":
            return self.figure()
        if name == "past" or name == "past2":
            return self.past()
        if name == "future":
            return self.fill_time(rng.choice(self.v["times"]["future"]))
        if name == "weekday":
            return "on " + rng.choice(words["weekday"])
        if name == "month":
            return self.month_before()
        if name == "year":
            return str(self.published.year - rng.randint(1, 2))
        if name == "attrib":
            return self.attribution()
        if name == "person":
            return self.person()
        if name == "source":
            return self.source
        if name == "treaty_cap":
            return _capitalised(rng.choice(words["treaty"]))
        if name in words:
            return rng.choice(words[name])
        raise KeyError(f"synth_templates.toml: unknown field {{{name}}}")

    def state_field(self, state: State, part: str) -> str:
        if part == "":
            return state.name
        if part in ("adj", "cap", "poss"):
            return {"adj": state.adj, "cap": state.capital, "poss": state.poss}[part]
        if part == "official":
            return self.official(state)
        if part == "leader":
            return f"{state.adj} {state.title} {self.person(state.name)}"
        if part == "forces":
            return self.rng.choice(self.v["forces"]).format(adj=state.adj, poss=state.poss)
        raise KeyError(f"synth_templates.toml: unknown field {{X_{part}}}")

    def official(self, state: State) -> str:
        template = self.rng.choice(self.v["officials"])
        return template.format(adj=state.adj, poss=state.poss, name=state.name,
                               person=self.person() if "{person}" in template else "")

    def person(self, key: str | None = None) -> str:
        """An invented name; a state's leader keeps one name through the article."""
        if key is not None and key in self.people:
            return self.people[key]
        name = f"{self.rng.choice(self.v['first_names'])} {self.rng.choice(self.v['last_names'])}"
        if key is not None:
            self.people[key] = name
        return name

    def figure(self) -> str:
        low, high, step = self.rng.choice(self.v["figures"]["ranges"])
        number = self.rng.randrange(low, high + 1, step)
        form = self.rng.choice(self.v["figures"]["forms"])
        grouped = f"{number:,}"
        return form.format(n=grouped, raw=str(number), spaced=grouped.replace(",", ", "))

    def attribution(self) -> str:
        rng, speaker = self.rng, self.official(self.states[self.rng.choice("BBC")])
        return rng.choice((f"according to {speaker}", f"{speaker} said",
                           f"{speaker} said {self.value('weekday')}",
                           f"{rng.choice(self.v['words']['media'])} reported",
                           f"citing {speaker}", f"{speaker} told reporters"))

    # -- time expressions, relative to the publication date ------------------------------

    def past(self) -> str:
        return self.fill_time(self.rng.choice(self.v["times"]["past"]))

    def month_before(self) -> str:
        month = (self.published.month - self.rng.randint(1, 5) - 1) % 12
        return self.v["words"]["month"][month]

    def fill_time(self, template: str) -> str:
        rng, words = self.rng, self.v["words"]
        fields = {
            "weekday": rng.choice(words["weekday"]), "month": self.month_before(),
            "n": rng.choice(words["numbers"]), "year": str(self.published.year - 1),
        }
        if "{date}" in template:
            day = self.published - timedelta(days=rng.randint(3, 300))
            fields["date"] = rng.choice(self.v["times"]["dates"]).format(
                day=day.day, month=words["month"][day.month - 1],
                month_abbr=words["month_abbr"][day.month - 1], year=day.year)
        return template.format(**fields)

    # -- the article ---------------------------------------------------------------------

    def sentence(self, kind: str) -> str:
        return _capitalised(self.fill(self.rng.choice(self.v["sentences"][kind])))

    def document(self, article_id: str) -> str:
        rng, v = self.rng, self.v
        main = rng.choices(KINDS, MAIN_WEIGHTS)[0]
        title = _capitalised(self.fill(rng.choice(v["publication"]["titles"])))
        published = self.published.isoformat()
        if rng.random() < 0.2:
            published = f'"{published}T{rng.randint(0, 23):02d}:{rng.choice((0, 15, 30, 45)):02d}' \
                        f':00{rng.choice(ZONES)}"'
        url = "null"
        if rng.random() < 0.8:
            url = (f"https://www.{_slug(self.source)}.example/{self.published:%Y/%m/%d}/"
                   f"{_slug(title)[:60]}")
        tail = [self.fill(line)
                for line in rng.sample(v["background"]["boilerplate"], rng.randint(0, 2))]
        listed: list[str] = []
        if rng.random() < 0.25:
            listed = [f"© {self.published.year} {self.source}. All rights reserved."]
            tail.append(listed[0])
        front = ["---", f"title: {json.dumps(title, ensure_ascii=False)}",
                 f"source: {json.dumps(self.source, ensure_ascii=False)}", f"url: {url}",
                 f"published: {published}", "language: en"]
        if listed:
            front += ["boilerplate:"] + [f"  - {json.dumps(line, ensure_ascii=False)}"
                                         for line in listed]
        front.append("---")
        head = "\n".join(front) + "\n"
        lines: list[str] = []
        if rng.random() < 0.08:
            lines.append(self.fill(rng.choice(v["background"]["provenance"])))
        size = len(head.encode()) + sum(len(t.encode()) + 1 for t in tail)
        target = rng.randint(*SIZE)
        paragraph: list[str] = []
        lead = self.sentence(main)
        if rng.random() < 0.1:
            month = v["words"]["month_abbr"][self.published.month - 1]
            agency = rng.choice(("Reuters", "AP", "AFP", "Yonhap"))
            lead = (f"{self.states['B'].capital.upper()}, {month} {self.published.day} "
                    f"({agency}) — {lead}")
        paragraph.append(lead)
        size += len(lead.encode()) + 1
        while size < target:
            roll = rng.random()
            if roll < 0.25:
                text = self.sentence(main)
            elif roll < 0.45:
                text = _capitalised(self.fill(rng.choice(v["background"]["filler"])))
            else:
                text = self.sentence(rng.choice(KINDS))
            if paragraph and rng.random() < 0.55:
                lines.append(" ".join(paragraph))
                paragraph = []
            paragraph.append(text)
            size += len(text.encode()) + 1
        lines.append(" ".join(paragraph))
        return head + "\n".join(lines + tail) + "\n"


def article(index: int, seed: int = 0) -> tuple[str, str]:
    """Article ``index`` of the corpus of ``seed``: its path inside the corpus folder and
    its file's text."""
    rng = random.Random(f"chronicle-synth:{seed}:{index}")
    name = f"synth-{seed}-{index:06d}"
    return f"{index // PER_FOLDER:04d}/{name}.md", _Story(rng).document(name)


def articles(count: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """The first ``count`` articles of the corpus of ``seed``, one at a time."""
    for index in range(count):
        yield article(index, seed)


def write_corpus(folder: StrPath, count: int, seed: int = 0) -> Corpus:
    """Write ``count`` articles into ``folder`` (``PER_FOLDER`` a subfolder), one at a
    time; the same seed writes the same bytes."""
    folder = Path(folder)
    total = 0
    made: set[str] = set()
    for relative, text in articles(count, seed):
        path = folder / relative
        if path.parent.name not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent.name)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return Corpus(folder, count, total)
