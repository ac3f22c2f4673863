"""Events and the claims behind them: plain dataclasses, serialisable to JSON.

An Event is what happened (type, when, who, where); each Claim is one article's
statement of it, with the sentence, the words that triggered it, the time
expression used, who it is attributed to and the figures it gives. Figures that
disagree between articles stay on their claims.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from extract.timex.span import TimeSpan

EVENT_TYPES = ("deployment", "planned_deployment", "treaty", "capture", "casualties",
               "weapons_transfer", "launch", "statement", "assessment", "operation", "visit")
STATUSES = ("occurred", "ongoing", "planned", "expected", "suspected", "denied")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure as written and as understood: "up to 12, 000 soldiers" ->
    value 12000, qualifier "up_to", unit "soldiers"."""

    text: str
    value: float
    qualifier: str | None = None      # approx, over, under, up_to, at_least, exactly
    unit: str | None = None           # soldiers, troops, missiles ... (the counted noun)
    part_of: float | None = None      # "about 4,000 of the up to 12,000": the whole

    def to_dict(self) -> dict[str, Any]:
        # By hand, not dataclasses.asdict: its deep copies were a fifth of extraction time.
        return {name: getattr(self, name) for name in _QUANTITY_FIELDS}


_QUANTITY_FIELDS = tuple(f.name for f in fields(Quantity))


@dataclass(frozen=True, slots=True)
class Claim:
    """One article's statement of an event."""

    article_id: str
    source: str | None
    published: str                     # ISO date of the article
    sentence: str
    sentence_start: int                # offsets of the sentence in the article text
    sentence_end: int
    trigger: str
    trigger_start: int                 # offsets in the article text
    trigger_end: int
    time_text: str | None = None
    time_start: int | None = None
    time_end: int | None = None
    attribution: str | None = None     # "Kyiv", "the JCS", "The War Zone"
    quantities: tuple[Quantity, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in _CLAIM_FIELDS}
        data["quantities"] = [quantity.to_dict() for quantity in self.quantities]
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Claim":
        fields = dict(data)
        fields["quantities"] = tuple(Quantity(**q) for q in fields.get("quantities", ()))
        return cls(**fields)


_CLAIM_FIELDS = tuple(f.name for f in fields(Claim) if f.name != "quantities")
_NO_CLAIMS = '"claims": []'


def with_claims(event_json: str, claim_json: Iterable[str]) -> str:
    """An event's JSON with its claims: ``event_json`` (``"claims": []``, as
    ``Event.json_without_claims`` writes it) with the claims' JSON put in that list, the
    text ``json.dumps`` of the whole would give."""
    # The key's quotes are the only unescaped ones of that text: values escape theirs.
    before, after = event_json.split(_NO_CLAIMS, 1)
    parts = [before, '"claims": [']
    for number, text in enumerate(claim_json):
        if number:
            parts.append(", ")
        parts.append(text)
    parts += ["]", after]
    return "".join(parts)       # one join: no text of all the claims is made on the way


@dataclass(slots=True)
class Event:
    """Something that happened, placed in time, with every claim that reports it."""

    id: str
    type: str
    label: str
    when: TimeSpan
    status: str
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    claims: list[Claim] = field(default_factory=list)
    confidence: float = 0.5
    when_basis: str = "expression"     # expression, speech act, speech act bound, publication bound
    topic: str | None = None           # for a statement: the type of event it reports

    def to_dict(self) -> dict[str, Any]:
        data = self._dict_but_claims()
        data["claims"] = [c.to_dict() for c in self.claims]
        return data

    def to_json(self) -> str:
        """``json.dumps(self.to_dict(), ensure_ascii=False)``, made a claim at a time: for
        an event that a thousand articles report, the whole dict and the encoder's pieces
        of it would take ten times the text's size."""
        return with_claims(self.json_without_claims(), [claim.to_json() for claim in self.claims])

    def json_without_claims(self) -> str:
        """The event's JSON with ``"claims": []``: what the store keeps of it, its claims
        kept a row each (``with_claims`` puts them back)."""
        return json.dumps(self._dict_but_claims(), ensure_ascii=False)

    def _dict_but_claims(self) -> dict[str, Any]:
        """``to_dict()`` with an empty list of claims, in its place among the keys."""
        return {
            "id": self.id, "type": self.type, "label": self.label, "when": self.when.to_dict(),
            "when_basis": self.when_basis, "status": self.status, "actors": list(self.actors),
            "places": list(self.places), "quantities": [q.to_dict() for q in self.quantities],
            "claims": [], "confidence": self.confidence, "topic": self.topic,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        return cls(
            id=data["id"], type=data["type"], label=data["label"],
            when=TimeSpan.from_dict(data["when"]), status=data["status"],
            actors=tuple(data.get("actors", ())), places=tuple(data.get("places", ())),
            quantities=tuple(Quantity(**q) for q in data.get("quantities", ())),
            claims=[Claim.from_dict(c) for c in data.get("claims", ())],
            confidence=float(data.get("confidence", 0.5)),
            when_basis=data.get("when_basis", "expression"), topic=data.get("topic"),
        )
