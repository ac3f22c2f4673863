"""The event finder's language knowledge, loaded once from extract/resources/.

actors.toml (who), places.toml (where) and events.toml (triggers, speech acts,
status cues, attribution patterns, labels) are data; this module only compiles
them and answers "which actors, places, triggers ... are in this span of text".
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract.pattern_guard import guarded, prefix_guard

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
_FLAGS = re.IGNORECASE
POSSESSIVE = re.compile(r"['’]s$")   # "Russia's": the name is "Russia"


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in the text: what it refers to and where it is."""

    name: str       # canonical: "North Korea", "Kursk region"
    start: int
    end: int
    text: str       # as written
    kind: str       # state, military, media, region, country ...


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    pattern: re.Pattern[str]
    needs: re.Pattern[str] | None


def _load(name: str) -> dict[str, Any]:
    with (RESOURCES / name).open("rb") as handle:
        return tomllib.load(handle)


def _names_pattern(names: dict[str, tuple[str, str]]) -> re.Pattern[str]:
    """One alternation of every alias, longest first; case-sensitive unless the alias is lower case."""
    parts = []
    for alias in sorted(names, key=len, reverse=True):
        escaped = re.escape(alias).replace(r"\ ", r"\s+").replace("'", "['’]").replace(r"\.", r"\.\s?")
        parts.append(f"(?i:{escaped})" if alias.islower() else escaped)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?:['’]s)?(?![\w-])")


class Lexicon:
    """Compiled actors, places, media names and event cues."""

    def __init__(self) -> None:
        actors = _load("actors.toml")
        self.actor_alias: dict[str, tuple[str, str]] = {}
        for canonical, spec in actors["actors"].items():
            for alias in spec["aliases"]:
                self.actor_alias[alias] = (canonical, spec.get("kind", "state"))
        self.media = tuple(actors.get("media", {}).get("names", ()))
        for name in self.media:
            self.actor_alias.setdefault(name, (name, "media"))
        self.actor_pattern = _names_pattern(self.actor_alias)
        self.actor_kind = {canonical: spec.get("kind", "state") for canonical, spec in actors["actors"].items()}
        self.part_of = {canonical: spec["part_of"] for canonical, spec in actors["actors"].items()
                        if "part_of" in spec}
        self.adjectives = {canonical: spec["adjective"] for canonical, spec in actors["actors"].items()
                           if "adjective" in spec}

        places = _load("places.toml")
        self.place_alias: dict[str, tuple[str, str]] = {}
        self.place_country: dict[str, str] = {}
        for canonical, spec in places["places"].items():
            for name in spec["names"]:
                self.place_alias[name] = (canonical, spec.get("kind", "region"))
            if "in" in spec:
                self.place_country[canonical] = spec["in"]
        self.place_pattern = _names_pattern(self.place_alias)
        self._place_index = {_normal(name): name for name in self.place_alias}
        self._actor_index = {_normal(name): name for name in self.actor_alias}
        self.country_preposition = re.compile(places["country_prepositions"]["pattern"], _FLAGS)

        events = _load("events.toml")
        self.triggers = tuple(Trigger(t["type"], re.compile(rf"\b(?:{t['pattern']})\b", _FLAGS),
                                      re.compile(t["needs"], _FLAGS) if t.get("needs") else None)
                              for t in events["triggers"])
        # Every trigger in one pattern: one scan of a sentence finds where any may start.
        # (Only word starts are tried, and only those with a trigger's first letters:
        # cheap checks that skip most positions.)
        guard = prefix_guard([t.pattern.pattern for t in self.triggers], _FLAGS)
        self.any_trigger = re.compile(r"(?<![\w])(?=\w)" + guard + "(?:" + "|".join(
            f"(?:{t.pattern.pattern})" for t in self.triggers) + ")", _FLAGS)
        speech = events["speech"]
        self.speech_verb = re.compile(rf"\b{speech['verbs']}\b")  # lower case: "States" is no verb
        self.denial_verb = re.compile(rf"\b{speech['denial']}\b", _FLAGS)
        self.complement = re.compile(speech["complement"], _FLAGS)
        self.suppress = re.compile(events["suppress"]["pattern"], _FLAGS)
        self.inherit = re.compile(events["inherit"]["pattern"], _FLAGS)
        self.status_cues = tuple((row["status"], re.compile(row["pattern"], _FLAGS)) for row in events["status"])
        # Every status cue in one pattern: most clauses have none, and one scan tells.
        self.any_status_cue = guarded("|".join(f"(?:{pattern.pattern})" for _, pattern in self.status_cues),
                                      _FLAGS)
        self.future_type: dict[str, str] = dict(events.get("future_type", {}))
        self.attribution = tuple(re.compile(row["pattern"]) for row in events["attribution"])
        # Words one of those patterns needs: a sentence without any skips them all.
        self.attribution_cue = re.compile(events["attribution_cue"]["pattern"], _FLAGS)
        self.labels: dict[str, list[str]] = events["labels"]
        self.gists: dict[str, str] = events.get("gists", {})
        self.figure_prefix: dict[str, str] = events.get("figure_prefix", {})
        self.weapon = re.compile(events["weapons"]["pattern"])
        self.people_under_arms = frozenset(_load("quantities.toml")["lists"]["people_under_arms"])
        self.counted_under_arms = self.people_under_arms | frozenset(
            events["people_under_arms"]["counted_also"])
        # "12 Russian paratroopers", "two North Korean soldiers": whose they were.
        self.figure_units = {kind: frozenset(words)
                             for kind, words in events["figure_units"].items()}
        whose = self.people_under_arms | frozenset(events["people_under_arms"]["whose_also"])
        self.under_arms_after = re.compile(
            r"\s+(?:[\w-]+\s+)?(?:" + "|".join(sorted(whose, key=len, reverse=True)) + r")\b")

    # -- lookups -----------------------------------------------------------------

    def _actor_key(self, written: str) -> str | None:
        if written in self.actor_alias:
            return written
        return self._actor_index.get(_normal(written))

    def _place_key(self, written: str) -> str | None:
        return self._place_index.get(_normal(written))

    def actors_in(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        end = len(text) if end is None else end
        found = []
        for match in self.actor_pattern.finditer(text, start, end):
            written = match.group()
            alias = POSSESSIVE.sub("", written)
            key = self._actor_key(alias)
            if key is None:
                continue
            canonical, kind = self.actor_alias[key]
            found.append(Mention(canonical, match.start(), match.end(), written, kind))
        return found

    def is_place_use(self, text: str, mention: Mention) -> bool:
        """"troops to Russia", "a trip to Pyongyang": a state's name used for where, not who."""
        if mention.text.endswith(("'s", "’s")) or not mention.text[:1].isupper() or mention.kind != "state":
            return False
        return bool(self.country_preposition.search(text, max(0, mention.start - 20), mention.start))

    def places_in(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        end = len(text) if end is None else end
        found = []
        for match in self.place_pattern.finditer(text, start, end):
            written = POSSESSIVE.sub("", match.group())
            key = self._place_key(written)
            if key is None:
                continue
            canonical, kind = self.place_alias[key]
            names_an_actor = kind == "country" or self._actor_key(written) is not None
            if names_an_actor and not self.country_preposition.search(text, max(0, match.start() - 20),
                                                                      match.start()):
                continue  # "Russia said", "Moscow and Pyongyang downplayed": actors, not places
            found.append(Mention(canonical, match.start(), match.end(), match.group(), kind))
        return found


_COORDINATION = re.compile(r"\s*(?:,|and|,\s*and|or|,\s*or)\s*(?:the\s+)?")


def coordinated(text: str, mentions: list[Mention]) -> list[Mention]:
    """The last mention and those joined to it ("South Korea and the United States",
    "the Joint Chiefs of Staff, or JCS"): a subject of several actors."""
    group = mentions[-1:]
    for mention in reversed(mentions[:-1]):
        if not _COORDINATION.fullmatch(text, mention.end, group[0].start):
            break
        group.insert(0, mention)
    return group


def _normal(name: str) -> str:
    return " ".join(name.replace("’", "'").replace(". ", ".").split()).lower()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()
