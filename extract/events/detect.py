"""Find the dated events of one article, sentence by sentence.

For each sentence: its speech acts (frames) and attributions, then each event
trigger with the clause it stands in. The clause gives the event its time,
hedges, actors, places and figures; the frame gives its attribution and, when the
clause has no time of its own, a bound ("captured", reported by an announcement
"earlier this month", is on or before that month). Every cue comes from
extract/resources/events.toml; this module only applies them.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from extract.article import Article
from extract.model import Claim, Event, Quantity
from extract.quantities import find_quantity_spans
from extract.sentences import split_sentences
from extract.timex import find_timexes
from extract.timex.span import TimeSpan

from . import dating
from .frames import Frame, attribution_spans, clause_of, clauses, speech_frames
from .label import make_label
from .lexicon import POSSESSIVE, Lexicon, Mention, coordinated, lexicon

FORWARD_STATUSES = ("planned", "expected")
#: Types whose figures count people under arms (and ``Lexicon.figure_units``' own).
_UNDER_ARMS_TYPES = ("deployment", "planned_deployment", "casualties", "capture")
_WEAPON_TYPES = ("weapons_transfer", "launch")
#: Types whose figures count the part ("4,000 of the 12,000 killed"), not the whole.
_PART_TYPES = ("casualties", "capture")


@dataclass(slots=True)
class Found:
    """An event as one sentence states it, before merging."""

    type: str
    status: str
    when: TimeSpan
    when_basis: str
    actors: tuple[str, ...]
    places: tuple[str, ...]
    quantities: tuple[Quantity, ...]
    trigger_start: int
    trigger_end: int
    sentence: tuple[int, int]
    time: TimeSpan | None
    attribution: str | None
    agents: tuple[str, ...] = ()      # who did it, as named before the trigger
    agent_written: str | None = None
    speaker: str | None = None
    gist: str | None = None
    weapon: str | None = None
    name: str | None = None


def find_events(article: Article, spans: list[TimeSpan] | None = None) -> list[Event]:
    """The events one article reports, each with one claim (not yet merged)."""
    lex = lexicon()
    text = article.content_text()
    reference = article.published_date
    if spans is None:
        spans = find_timexes(text, reference, language=article.language)
    found: list[Found] = []
    for start, end in split_sentences(text):
        if text[start:end].strip():
            found.extend(sentence_events(lex, text, start, end, spans, reference, found))
    return [_event(article, text, item) for item in found]


def sentence_events(lex: Lexicon, text: str, start: int, end: int, spans: list[TimeSpan],
                    reference: date, earlier: list[Found] = ()) -> list[Found]:
    """The events of the sentence ``text[start:end]``; ``earlier`` events of the
    article lend their actors to "these soldiers"."""
    in_sentence = [s for s in spans if start <= s.char_start and s.char_end <= end]
    attributions = attribution_spans(lex, text, start, end, in_sentence)
    frames = speech_frames(lex, text, start, end, in_sentence) + [a.frame for a in attributions if a.frame]
    frames = [_resolve_pronoun(f, earlier) for f in frames]
    frame_times = {id(f.time) for f in frames if f.time is not None}
    # Attributions and speakers' names are who says so, not who or where it happened.
    excluded = [(a.start, a.end) for a in attributions] + [
        (f.subject_start, f.verb_end) for f in frames if f.speaker is not None and f.subject_start < f.verb_start]
    sentence_attribution = attributions[0].who if attributions else None
    results: list[Found] = []
    previous_end = start
    triggers = _triggers(lex, text, start, end, excluded)
    bounds = clauses(text, start, end) if triggers else []   # only triggers are placed in clauses
    for trigger_type, t_start, t_end in triggers:
        clause = clause_of(bounds, t_start)
        frame = _frame_for(frames, t_start)
        if frame is not None and frame.content_start > clause[0] and frame.content_start <= t_start:
            clause = (frame.content_start, clause[1])
        if lex.suppress.search(text, max(clause[0], t_start - 60), t_start):
            continue
        status = "denied" if frame is not None and frame.denial else \
            _status(lex, text, clause, max(clause[0], previous_end), t_start, t_end)
        previous_end = t_end
        event_type = trigger_type
        if status in FORWARD_STATUSES or (status == "suspected" and _looks_forward(lex, text, clause, t_end)):
            event_type = lex.future_type.get(trigger_type, trigger_type)
        time = _clause_time(lex, text, bounds, clause, in_sentence, frame_times, excluded, t_start, t_end)
        when, basis = _when(time, frame, event_type, status, reference)
        agents, others = _actors(lex, text, clause, excluded, t_start, event_type)
        if not agents and not others and event_type not in _PART_TYPES and frame is not None \
                and frame.speaker is not None and clause[0] == frame.content_start \
                and _PRONOUN_SUBJECT.match(text, frame.content_start):
            agents = [frame.speaker]   # "the Pentagon said it had delivered": the speaker did
        places = _places(lex, text, clause, excluded, t_end)
        if not places and lex.inherit.match(text, clause[0]):
            places = _places(lex, text, _previous(bounds, clause), excluded, t_end)
        if not agents and (event_type in ("visit", "treaty") or event_type.endswith("transfer")):
            agents, others = _inherited_actors(lex, text, bounds, clause, excluded)
        agent_names = tuple(dict.fromkeys(m.name for m in agents))
        if not agent_names and event_type in ("casualties", "capture", "deployment"):
            agent_names = _antecedent_actors(earlier + results)
        actors = tuple(dict.fromkeys(agent_names + tuple(m.name for m in others)))
        if event_type in ("visit", "treaty"):
            hosts = [lex.place_country[p] for p in places if p in lex.place_country]
            actors = tuple(dict.fromkeys(actors + tuple(hosts)))
        weapons: list[str] = []
        if event_type in _WEAPON_TYPES:   # only these are labelled (and told apart) by weapon
            weapons = _weapons(lex, text, clause) or (
                _weapons(lex, text, _previous(bounds, clause)) if lex.inherit.match(text, clause[0]) else [])
        results.append(Found(
            type=event_type, status=status, when=when, when_basis=basis, actors=actors, places=places,
            quantities=_quantities(lex, text, clause, event_type, t_start, t_end), trigger_start=t_start,
            trigger_end=t_end, sentence=(start, end),
            time=time if basis == dating.EXPRESSION else (frame.time if basis == dating.SPEECH_BOUND and frame else None),
            attribution=_claim_attribution(frame, sentence_attribution), agents=agent_names,
            agent_written=_person_or_name(agents[-1]) if agents else None,
            weapon=" and ".join(dict.fromkeys(weapons)) or None,
            name=_quoted_name(text, clause) if event_type == "treaty" else None))
    results = _one_per_clause(results, bounds)
    for frame in frames:
        if frame.speaker is None or frame.speaker.kind == "media":
            continue
        reported = [r for r in results if frame.covers(r.trigger_start)] or [
            r for r in results if r.type != "statement" and r.trigger_start < frame.verb_start
            and not any(f.covers(r.trigger_start) for f in frames)]
        status = "denied" if frame.denial else "occurred"
        when, basis = ((frame.time, dating.SPEECH_ACT) if frame.time is not None else
                       (dating.bounded(reference, False, "said on or before publication", reference),
                        dating.PUBLICATION_BOUND))
        speakers = tuple(dict.fromkeys([m.name for m in frame.co_speakers] + [frame.speaker.name]))
        results.append(Found(
            type="statement", status=status, when=when, when_basis=basis, actors=speakers, agents=speakers,
            places=tuple(m.name for m in lex.places_in(text, start, end) if m.kind == "city"
                         and not _inside(m.start, excluded)),
            quantities=(), trigger_start=frame.verb_start, trigger_end=frame.verb_end,
            sentence=(start, end), time=frame.time, attribution=frame.speaker_text or frame.speaker.text,
            speaker=" and ".join(speakers), gist=_gist(text, reported)))
    return results


# -- triggers -----------------------------------------------------------------------

def _triggers(lex: Lexicon, text: str, start: int, end: int,
              excluded: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Trigger matches, left to right, the longest where several start at one place,
    none overlapping another, none inside an attribution.

    One scan with every trigger finds where a match may start; there each trigger is
    tried, and the longest that passes its ``needs`` check is kept."""
    kept: list[tuple[str, int, int]] = []
    position = start
    while position < end:
        found = lex.any_trigger.search(text, position, end)
        if found is None:
            break
        at = found.start()
        best: tuple[str, int, int] | None = None
        if not _inside(at, excluded):
            for trigger in lex.triggers:
                match = trigger.pattern.match(text, at, end)
                if match is None or (best is not None and match.end() <= best[2]):
                    continue
                if trigger.needs is not None and not trigger.needs.search(
                        text, max(start, at - 60), min(end, match.end() + 60)):
                    continue
                best = (trigger.type, at, match.end())
        if best is None:
            position = at + 1
            continue
        kept.append(best)
        position = best[2]
    return kept


def _one_per_clause(found: list[Found], bounds: list[tuple[int, int]]) -> list[Found]:
    """"killed or injured ... casualties", "treaty ... agreement": one event of a type per clause."""
    kept: list[Found] = []
    for item in found:
        clause = clause_of(bounds, item.trigger_start)
        index = next((i for i, k in enumerate(kept) if k.type == item.type and k.status == item.status
                      and clause_of(bounds, k.trigger_start) == clause), None)
        if index is None:
            kept.append(item)
            continue
        twin = kept[index]
        longer, shorter = (item, twin) if item.trigger_end - item.trigger_start > \
            twin.trigger_end - twin.trigger_start else (twin, item)
        if not longer.quantities and shorter.quantities:
            longer.quantities = shorter.quantities
        kept[index] = longer   # "surprise attack" names the operation better than "seized"
    return kept


_PRONOUN = re.compile(r"(?:he|she|they|it)", re.I)
_PRONOUN_SUBJECT = re.compile(r"[\s“”\"]*(?:it|they|its|their|we|our)\b", re.I)


def _resolve_pronoun(frame: Frame, earlier: list[Found]) -> Frame:
    """"He added that ...": the speaker of the article's last statement."""
    if frame.speaker is not None or not _PRONOUN.fullmatch(frame.speaker_text):
        return frame
    previous = next((f for f in reversed(earlier) if f.type == "statement" and f.speaker), None)
    if previous is None:
        return frame
    speaker = Mention(previous.actors[-1], frame.verb_start, frame.verb_start, frame.speaker_text, "state")
    return replace(frame, speaker=speaker, speaker_text=previous.attribution or frame.speaker_text)


def _frame_for(frames: list[Frame], position: int) -> Frame | None:
    covering = [f for f in frames if f.covers(position)]
    return min(covering, key=lambda f: position - f.content_start) if covering else None


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(first <= position < last for first, last in spans)


# -- status ---------------------------------------------------------------------------

def _status(lex: Lexicon, text: str, clause: tuple[int, int], window_start: int,
            t_start: int, t_end: int) -> str:
    """The first status whose cue stands between the previous trigger and this one
    (or just after it: "is believed to", "were anticipated to arrive")."""
    window = text[window_start:min(clause[1], t_end + 25)]
    if not lex.any_status_cue.search(window):
        return "occurred"
    for status, pattern in lex.status_cues:
        if pattern.search(window):
            return status
    return "occurred"


def _looks_forward(lex: Lexicon, text: str, clause: tuple[int, int], t_end: int) -> bool:
    window = text[clause[0]:min(clause[1], t_end + 25)]
    return any(pattern.search(window) for status, pattern in lex.status_cues if status in FORWARD_STATUSES)


# -- time ------------------------------------------------------------------------------

def _clause_time(lex: Lexicon, text: str, bounds: list[tuple[int, int]], clause: tuple[int, int],
                 spans: list[TimeSpan], frame_times: set[int], excluded: list[tuple[int, int]],
                 t_start: int, t_end: int) -> TimeSpan | None:
    """The time expression governing the trigger's clause; a "during which" clause
    takes the time of the clause before it."""
    def usable_in(first: int, last: int) -> list[TimeSpan]:
        return [s for s in spans if first <= s.char_start < last and dating.usable(s)
                and id(s) not in frame_times and not _inside(s.char_start, excluded)]

    candidates = usable_in(*clause)
    if not candidates and lex.inherit.match(text, clause[0]):
        index = bounds.index(clause) if clause in bounds else -1
        if index > 0:
            candidates = usable_in(*bounds[index - 1])
    if not candidates:
        return None
    return min(candidates, key=lambda s: min(abs(s.char_start - t_end), abs(t_start - s.char_end)))


def _when(time: TimeSpan | None, frame: Frame | None, event_type: str, status: str,
          reference: date) -> tuple[TimeSpan, str]:
    # A suspected plan is dated by the suspicion (the preparations under way now), a
    # planned or expected event by when it is to happen.
    forward = status in FORWARD_STATUSES or (event_type.startswith("planned") and status != "suspected")
    if time is not None:
        if time.kind == "DURATION" and time.start is not None and time.end == reference and not forward:
            return dating.counted_back(time), dating.EXPRESSION
        if not forward:
            return dating.clip_to(time, reference), dating.EXPRESSION
        return time, dating.EXPRESSION
    if frame is not None and frame.time is not None:
        rule = "on or after the statement" if forward else "on or before the statement"
        return dating.bounded(frame.time, forward, rule, reference), dating.SPEECH_BOUND
    rule = "on or after publication" if forward else "on or before publication"
    return dating.bounded(reference, forward, rule, reference), dating.PUBLICATION_BOUND


# -- who, where, how many ----------------------------------------------------------------

def _actors(lex: Lexicon, text: str, clause: tuple[int, int], excluded: list[tuple[int, int]],
            t_start: int, event_type: str = "") -> tuple[list[Mention], list[Mention]]:
    """The agents (the actor named nearest before the trigger, with any coordinated
    with it: "South Korea and the United States conducted") and the others. For
    captures and casualties the agent is whose soldiers they were ("two North
    Korean soldiers had been captured")."""
    mentions = [m for m in lex.actors_in(text, clause[0], clause[1])
                if m.kind != "media" and not _inside(m.start, excluded) and not lex.is_place_use(text, m)]
    if event_type in _PART_TYPES:
        # Whose soldiers: the object of "captured 30 Russian soldiers", else the
        # subject of "two North Korean soldiers had been captured".
        victims = [m for m in mentions if lex.under_arms_after.match(text, m.end)]
        after = [m for m in victims if 0 <= m.start - t_start <= 50]
        victims = after or [m for m in victims if m.start < t_start][-1:]
        if victims:
            return victims[:1], [m for m in mentions if m is not victims[0]]
        return [], mentions
    before = [m for m in mentions if m.end <= t_start]
    if not before:
        return [], mentions
    agents = coordinated(text, before)
    return agents, [m for m in mentions if m not in agents]


def _weapons(lex: Lexicon, text: str, clause: tuple[int, int]) -> list[str]:
    """Weapons named in the clause; an abbreviation in brackets repeats the name before it."""
    return [" ".join(w.group().split()) for w in lex.weapon.finditer(text, clause[0], clause[1])
            if not text[max(0, w.start() - 1):w.start()] == "("]


def _previous(bounds: list[tuple[int, int]], clause: tuple[int, int]) -> tuple[int, int]:
    index = bounds.index(clause) if clause in bounds else 0
    return bounds[index - 1] if index > 0 else clause


def _inherited_actors(lex: Lexicon, text: str, bounds: list[tuple[int, int]], clause: tuple[int, int],
                      excluded: list[tuple[int, int]]) -> tuple[list[Mention], list[Mention]]:
    """"during which the leaders formalized": the leaders of the clause before."""
    if not lex.inherit.match(text, clause[0]) or clause not in bounds:
        return [], []
    index = bounds.index(clause)
    if index == 0:
        return [], []
    previous = bounds[index - 1]
    return _actors(lex, text, previous, excluded, previous[1])


def _antecedent_actors(found: list[Found]) -> tuple[str, ...]:
    """"over 3,000 of these soldiers": the actors of the last deployment mentioned."""
    for item in reversed(found):
        if item.type in ("deployment", "planned_deployment") and item.actors:
            return item.actors[:1]
    return ()


def _places(lex: Lexicon, text: str, clause: tuple[int, int], excluded: list[tuple[int, int]],
            t_end: int) -> tuple[str, ...]:
    """Places of the clause, those after the trigger first ("visit to Pyongyang")."""
    places = [m for m in lex.places_in(text, clause[0], clause[1]) if not _inside(m.start, excluded)]
    places.sort(key=lambda m: (m.start < t_end, abs(m.start - t_end)))
    # "Russia's Kursk region": the region is where; its country adds nothing.
    regions = {lex.place_country.get(m.name) for m in places}
    return tuple(dict.fromkeys(m.name for m in places if m.name not in regions))


@lru_cache(maxsize=None)
def _units(lex: Lexicon, event_type: str) -> frozenset[str] | None:
    """What a figure of an event of ``event_type`` may count; None: it takes no figure."""
    own = lex.figure_units.get(event_type, frozenset())
    if event_type in _UNDER_ARMS_TYPES:
        return lex.counted_under_arms | own
    return own or None


def _quantities(lex: Lexicon, text: str, clause: tuple[int, int], event_type: str, t_start: int,
                t_end: int) -> tuple[Quantity, ...]:
    units = _units(lex, event_type)
    if units is None:
        return ()
    spans = find_quantity_spans(text[clause[0]:clause[1]], clause[0])
    spans = [s for s in spans if s.quantity.unit is None or s.quantity.unit.lower() in units]
    wholes = {s.quantity.part_of for s in spans if s.quantity.part_of is not None}
    if event_type in _PART_TYPES:
        spans = [s for s in spans if s.quantity.value not in wholes]
    else:
        spans = [s for s in spans if s.quantity.part_of is None]
    return tuple(s.quantity for s in spans)


def _claim_attribution(frame: Frame | None, sentence_attribution: str | None) -> str | None:
    if sentence_attribution:
        return sentence_attribution
    if frame is not None and frame.speaker_text:
        return frame.speaker_text
    return None


def _person_or_name(mention: Mention) -> str:
    return POSSESSIVE.sub("", mention.text)


def _quoted_name(text: str, clause: tuple[int, int]) -> str | None:
    match = re.search(r"[“\"]([A-Z][^”\"]{3,80})[”\"]", text[clause[0]:clause[1]])
    return match.group(1).strip() if match else None


def _gist(text: str, reported: list[Found]) -> str | None:
    """What a statement is about: the most newsworthy event it reports in its own
    right (not one named in passing: "soldiers dispatched to Kursk have been killed")."""
    own = [item for item in reported if item.type != "statement" and not _SOLDIER_BEFORE.search(
        text, max(0, item.trigger_start - 30), item.trigger_start)]
    candidates = own or [item for item in reported if item.type != "statement"]
    if not candidates:
        return None
    return min(candidates, key=lambda item: _NEWSWORTHY.index(item.type)
               if item.type in _NEWSWORTHY else len(_NEWSWORTHY)).type


_NEWSWORTHY = ("planned_deployment", "launch", "weapons_transfer", "capture", "casualties", "deployment",
               "operation", "treaty", "visit", "assessment")
_SOLDIER_BEFORE = re.compile(r"\b(?:soldiers?|troops|forces|personnel)\s*$")


# -- the event ------------------------------------------------------------------------------

def _event(article: Article, text: str, item: Found) -> Event:
    sentence_start, sentence_end = item.sentence
    claim = Claim(
        article_id=article.id, source=article.source, published=article.published_date.isoformat(),
        sentence=text[sentence_start:sentence_end], sentence_start=sentence_start,
        sentence_end=sentence_end, trigger=text[item.trigger_start:item.trigger_end],
        trigger_start=item.trigger_start, trigger_end=item.trigger_end,
        time_text=item.time.text if item.time else None,
        time_start=item.time.char_start if item.time else None,
        time_end=item.time.char_end if item.time else None,
        attribution=item.attribution, quantities=item.quantities)
    digest = hashlib.sha1(f"{article.id}|{item.type}|{item.trigger_start}".encode()).hexdigest()[:12]
    return Event(id=digest, type=item.type, label=make_label(item, text), when=item.when,
                 status=item.status, actors=item.actors, places=item.places,
                 quantities=item.quantities, claims=[claim], confidence=_confidence(item),
                 when_basis=item.when_basis,
                 topic=item.gist if item.type == "statement" else item.weapon)


def _confidence(item: Found) -> float:
    score = 0.4
    if item.when_basis in (dating.EXPRESSION, dating.SPEECH_ACT):
        score += 0.3
    if item.attribution:
        score += 0.1
    if item.status in ("suspected", "expected", "planned"):
        score -= 0.1
    return round(min(max(score, 0.1), 0.9), 2)
