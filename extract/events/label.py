"""Short, human labels for events, from the templates in events.toml.

"North Korea deploys ~11,000 troops to Kursk region": the first template of the
event's type whose fields are all known wins.
"""
from __future__ import annotations

import re
import string
from functools import cache
from typing import TYPE_CHECKING

from .lexicon import lexicon

if TYPE_CHECKING:
    from .detect import Found

_FIELDS = string.Formatter()
_SPACES = re.compile(r"\s+")


def figure(quantities, prefixes: dict[str, str]) -> str:
    """"~11,000 " for the first figure, with its qualifier; "" when there is none."""
    for quantity in quantities:
        if quantity.value is None:
            continue
        number = f"{quantity.value:,.0f}" if float(quantity.value).is_integer() else f"{quantity.value:,}"
        return f"{prefixes.get(quantity.qualifier or '', '')}{number} "
    return ""


def make_label(item: "Found", text: str) -> str:
    lex = lexicon()
    actors = list(item.actors)
    adjectives = lex.adjectives
    what = " ".join(text[item.trigger_start:item.trigger_end].split()).lower()
    agents = list(item.agents)
    values = {
        "actor": agents[0] if agents else "",
        "actors": " and ".join(agents),
        "parties": " and ".join(actors),
        "actor_written": item.agent_written or (actors[0] if actors else ""),
        "What": what[:1].upper() + what[1:],
        "actor_of": adjectives.get(actors[0], actors[0]) if actors else "",
        "target": item.places[0] if item.places else next((a for a in actors if a not in agents), ""),
        "place": item.places[0] if item.places else "",
        "figure": figure(item.quantities, lex.figure_prefix),
        "what": what,
        "weapon": _tidy(item.weapon or ""),
        "name": item.name or "",
        "speaker": item.speaker or "",
        "deny": "deny" if " and " in (item.speaker or "") else "denies",
        "gist": lex.gists.get(item.gist or "", ""),
    }
    if agents:
        values["actor_of"] = adjectives.get(agents[0], agents[0])
    templates = lex.labels.get(item.type, [])
    if item.status in ("planned", "expected", "suspected") and f"{item.type}_planned" in lex.labels:
        templates = lex.labels[f"{item.type}_planned"] + templates
    if item.status == "denied" and f"{item.type}_denied" in lex.labels:
        templates = lex.labels[f"{item.type}_denied"] + templates
    for template in templates:
        if all(values.get(name) for name in _required(template)):
            label = template.format(**values)
            return _SPACES.sub(" ", label).strip()
    return item.type.replace("_", " ").capitalize()


@cache
def _required(template: str) -> tuple[str, ...]:
    """The fields a template needs filled ("figure" may be empty); parsed once per template."""
    return tuple(name for _, name, _, _ in _FIELDS.parse(template) if name and name != "figure")


def _tidy(weapon: str) -> str:
    return " ".join(weapon.split())
