"""The detail panel of one event: every claim, its sentence with the evidence marked.

Pure functions from an Event (and the articles) to Dash components. Article text is
only ever a string child or inside html.Mark/html.Span, so Dash shows it as text:
"<script>" in an article stays the eight characters it is.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import pairwise

from dash import html

from extract.article import Article
from extract.model import Claim, Event

from .describe import day, interval, resolution
from .style import colour, type_name
from .view import sources_of

Mark = tuple[int, int, str]            # start, end (relative to the sentence), kind
KIND_TITLES = {"trigger": "the words that name the event", "time": "the time expression that dates it"}


def _locate(sentence: str, base: int, start: int | None, end: int | None,
            text: str | None) -> tuple[int, int] | None:
    """Where article offsets ``start``..``end`` fall in a sentence that begins at ``base``.
    Offsets that do not point at ``text`` (a store from an older extractor) fall back to
    the first occurrence of ``text``; neither found: no mark, rather than a wrong one."""
    if start is not None and end is not None:
        first, last = start - base, end - base
        if 0 <= first < last <= len(sentence) and (not text or sentence[first:last] == text):
            return first, last
    if text:
        found = sentence.find(text)
        if found >= 0:
            return found, found + len(text)
    return None


def marks(claim: Claim) -> list[Mark]:
    """The trigger and the time expression, as offsets into ``claim.sentence``."""
    found: list[Mark] = []
    for kind, start, end, text in (("trigger", claim.trigger_start, claim.trigger_end, claim.trigger),
                                   ("time", claim.time_start, claim.time_end, claim.time_text)):
        where = _locate(claim.sentence, claim.sentence_start, start, end, text)
        if where:
            found.append((*where, kind))
    return found


def segments(claim: Claim) -> list[tuple[str, tuple[str, ...]]]:
    """The sentence cut at every mark's edge: (text, the kinds of mark covering it).
    Joined, the texts are the sentence exactly."""
    sentence = claim.sentence
    found = marks(claim)
    cuts = sorted({0, len(sentence), *(m[0] for m in found), *(m[1] for m in found)})
    pieces = []
    for first, last in pairwise(cuts):
        kinds = tuple(kind for start, end, kind in found if start <= first and last <= end)
        pieces.append((sentence[first:last], kinds))
    return pieces


def sentence_children(claim: Claim) -> list[str | html.Mark]:
    """The sentence as Dash children: plain strings, and html.Mark for the evidence."""
    children: list[str | html.Mark] = []
    for text, kinds in segments(claim):
        if not kinds:
            children.append(text)
        else:
            children.append(html.Mark(text, className=" ".join(f"mark-{k}" for k in kinds),
                                      title="; ".join(KIND_TITLES[k] for k in kinds)))
    return children


def _published(claim: Claim) -> str:
    try:
        return day(date.fromisoformat(claim.published[:10]))
    except (TypeError, ValueError):
        return claim.published or "unknown date"


def _safe_url(url: str | None) -> str | None:
    """Only web links become links (never ``javascript:``)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def figure_rows(event: Event) -> list[tuple[str, str, str]]:
    """(source, attribution, figures) for each claim that gives figures."""
    return [(claim.source or "unknown source", claim.attribution or "—",
             "; ".join(q.text for q in claim.quantities))
            for claim in event.claims if claim.quantities]


def figures_disagree(event: Event) -> bool:
    """Do two claims give different figures for the same thing (unit)?"""
    values: dict[str | None, set[float]] = defaultdict(set)
    for claim in event.claims:
        for quantity in claim.quantities:
            values[quantity.unit].add(quantity.value)
    return any(len(v) > 1 for v in values.values())


def _figures_table(event: Event) -> html.Div | None:
    table = figure_rows(event)
    if not table:
        return None
    heading = "Figures: the sources disagree" if figures_disagree(event) else "Figures"
    return html.Div(className="detail-figures", children=[
        html.H4(heading),
        html.Table(className="figures", children=[
            html.Thead(html.Tr([html.Th("Source"), html.Th("Attributed to"), html.Th("Figure")])),
            html.Tbody([html.Tr([html.Td(s), html.Td(a), html.Td(f)]) for s, a, f in table]),
        ]),
    ])


def claim_card(claim: Claim, article: Article | None) -> html.Div:
    """One article's statement: who, when, and the sentence with its evidence marked."""
    url = _safe_url(article.url if article else None)
    title = article.title if article else claim.article_id
    head = [html.Strong(claim.source or "unknown source", className="claim-source"),
            html.Span(f"published {_published(claim)}", className="claim-date")]
    if claim.attribution:
        head.append(html.Span(f"according to {claim.attribution}", className="claim-attribution"))
    return html.Div(className="claim", children=[
        html.Div(head, className="claim-head"),
        html.Blockquote(sentence_children(claim), className="claim-sentence"),
        html.Div(html.A(title, href=url, target="_blank", rel="noopener noreferrer") if url else title,
                 className="claim-article"),
    ])


def panel(event: Event, articles: dict[str, Article]) -> list:
    """The children of the detail panel for ``event``."""
    sources = sources_of(event)
    facts = []
    for name, values in (("Actors", event.actors), ("Places", event.places)):
        if values:
            facts += [html.Dt(name), html.Dd(", ".join(values))]
    claims = len(event.claims)
    children = [
        html.Div(className="detail-kicker", children=[
            html.Span(type_name(event.type), className="badge",
                      style={"borderColor": colour(event.type), "color": colour(event.type)}),
            html.Span(event.status, className=f"badge status status-{event.status}"),
            html.Span(interval(event.when), className="detail-when"),
        ]),
        html.H3(event.label, className="detail-title"),
        html.P(resolution(event), className="detail-resolution"),
        html.Dl(facts, className="detail-facts") if facts else None,
        _figures_table(event),
        html.H4(f"{claims} claim{'s' if claims != 1 else ''} from {len(sources)} "
                f"source{'s' if len(sources) != 1 else ''}"),
        html.Div([claim_card(c, articles.get(c.article_id)) for c in event.claims], className="claims"),
        html.P([html.Mark("event words", className="mark-trigger"), " ",
                html.Mark("time expression", className="mark-time")], className="detail-legend"),
    ]
    return [child for child in children if child is not None]


def placeholder() -> list:
    """What the panel says before anything is selected."""
    return [html.P("Click an event on the timeline, or a row in the table, to see every claim "
                   "behind it: the source, the sentence, and the words that date it.",
                   className="detail-empty")]
