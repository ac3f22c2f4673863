"""The look of the timeline: colours, shapes and names per event type, and themes.

Colours are the Okabe–Ito colour-blind-safe set, extended with Paul Tol's muted
colours; every type also has its own marker shape, so no meaning rests on colour alone.
"""
from __future__ import annotations

from dataclasses import dataclass

TYPE_NAMES = {
    "deployment": "Deployment",
    "planned_deployment": "Planned deployment",
    "treaty": "Treaty",
    "capture": "Capture",
    "casualties": "Casualties",
    "weapons_transfer": "Weapons transfer",
    "launch": "Launch",
    "statement": "Statement",
    "assessment": "Assessment",
    "operation": "Operation",
    "visit": "Visit",
}
TYPE_COLOURS = {
    "deployment": "#0072B2",
    "planned_deployment": "#56B4E9",
    "treaty": "#009E73",
    "capture": "#E69F00",
    "casualties": "#D55E00",
    "weapons_transfer": "#CC79A7",
    "launch": "#332288",
    "statement": "#7F7F7F",
    "assessment": "#999933",
    "operation": "#882255",
    "visit": "#44AA99",
}
TYPE_SYMBOLS = {
    "deployment": "circle",
    "planned_deployment": "circle",
    "treaty": "square",
    "capture": "diamond",
    "casualties": "x",
    "weapons_transfer": "triangle-up",
    "launch": "star",
    "statement": "circle",
    "assessment": "hexagon",
    "operation": "triangle-down",
    "visit": "pentagon",
}
STATUS_NAMES = {"occurred": "occurred", "ongoing": "ongoing", "planned": "planned", "expected": "expected",
                "suspected": "suspected", "denied": "denied"}
#: Statuses drawn hollow and dashed: not (yet) established fact.
TENTATIVE = ("planned", "expected", "suspected", "denied")
FALLBACK_COLOUR = "#444444"


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours and fonts for one medium (screen, or a light print theme for briefings)."""

    name: str
    paper: str
    plot: str
    grid: str
    text: str
    muted: str
    font: str
    base_size: int


SCREEN = Theme("screen", paper="#ffffff", plot="#fbfbfc", grid="#e6e8eb", text="#1f2328", muted="#57606a",
               font="DejaVu Sans, Inter, Segoe UI, Helvetica, Arial, sans-serif", base_size=13)
PRINT = Theme("print", paper="#ffffff", plot="#ffffff", grid="#dddddd", text="#111111", muted="#444444",
              font="DejaVu Sans, Liberation Sans, Arial, sans-serif", base_size=16)
THEMES = {"screen": SCREEN, "print": PRINT}


def colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, FALLBACK_COLOUR)


def type_name(event_type: str) -> str:
    return TYPE_NAMES.get(event_type, event_type.replace("_", " ").capitalize())


def rgba(hex_colour: str, alpha: float) -> str:
    value = hex_colour.lstrip("#")
    red, green, blue = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({red},{green},{blue},{alpha})"
