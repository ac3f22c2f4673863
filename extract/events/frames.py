"""Clauses, speech acts and attributions inside one sentence.

A news sentence usually frames what it reports: "South Korea's military reported
on Friday that it suspects North Korea is gearing up to send troops". The frame
(speaker, speech verb, its own time) makes a statement event and tells when the
reported events happened relative to it; the clauses keep the time and hedges of
one event from leaking onto another. Attributions ("according to Ukraine on
Wednesday", "as per Kyiv's figures") say who gives a figure, and their words are
neither actors nor places of the event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.timex.span import TimeSpan

from .lexicon import Lexicon, Mention, coordinated

# Where a sentence splits into clauses that carry their own time and hedges.
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:while|whereas|although|though|but|despite|during\s+which|at\s+which|which|who|"
    r"and\s+following|marking|and\s+(?=a\s|an\s|the\s|[A-Z]))|"
    r"\s+(?:despite|although|while|whereas|since)\s+(?=[a-z]+\s+(?!ago)|their|its|his|her|the)|"
    r"\s+(?:that|which)\s+(?=[a-z]+\s+(?:was|were|is|are|had|has|have|occurred|began))",
    re.IGNORECASE)
_SUBJECT_LIMIT = 160   # characters before a speech verb where its speaker may be
_SPEAKER_REACH = 90    # the speaker's name ends at most this far before the verb
_TITLE_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}(?:officials?|envoy|representative|ambassador|minister|president|chief|"
    r"spokes(?:man|woman|person)|diplomat|military|army|government|ministry|agency|intelligence|head|"
    r"leader|commander)\b", re.I)
# The words of _speaker and _speech_time, compiled once.
_THAT = re.compile(r"\bthat\b")
_OPENER = re.compile(r"^\s*(?:while|whereas|although|though|and|but|in\s+response|meanwhile|separately|"
                     r"without\s+going\s+into\s+further\s+detail)\b[\s,]*", re.I)
_TIME_AFTER_VERB = re.compile(r"\s*(?:on|in|at|late|early|earlier|last)?\s*", re.I)
_FEW_WORDS = re.compile(r"\s*,?\s*(?:[\w.’'-]+\s+){0,6}")
_TIME_OPENING = re.compile(r"\W*(?:on|in|at|early|late|earlier|later|last)?\s*", re.I)
_TIME_BEFORE_VERB = re.compile(r"\s*(?:on|in|at)?\s*", re.I)
_REPORTED = re.compile(r"\bthat\b|:|[“”\"]")
_HELD_ON = re.compile(r"\b(?:held|on|in)\s*$")
# What a comma before a speech verb may open without ending the subject's phrase: a
# relative clause, a prepositional or participial phrase, an adverb.
_PARENTHESIS = re.compile(
    r"(?:which|who|whom|whose|where|when|in|at|on|to|for|from|with|by|after|before|during|"
    r"according|citing|quoting|speaking|writing|known|called|dubbed|led|based|quoted|through|"
    r"via|however|also|meanwhile|though|too|then|again|separately|moreover|as|or)\b", re.I)
_WORD = re.compile(r"[^\W\d_]{2}")
_ADVERBS = re.compile(r"(?:\s+(?:also|initially|once\s+more|later|again|further|then|previously))+$", re.I)


@dataclass(frozen=True, slots=True)
class Frame:
    """A speech act: who said it, when, and the span of what was said."""

    verb_start: int
    verb_end: int
    verb: str
    speaker: Mention | None          # the official or state speaking, if any
    subject_start: int               # where the speaker's phrase begins
    co_speakers: tuple[Mention, ...] # others speaking with it ("Moscow and Pyongyang")
    speaker_text: str                # the subject as written ("South Korea's military")
    time: TimeSpan | None            # "said on Friday"
    content_start: int
    content_end: int
    denial: bool

    def covers(self, position: int) -> bool:
        return self.content_start <= position < self.content_end


@dataclass(frozen=True, slots=True)
class Attribution:
    """"according to Ukraine on Wednesday": who, and the words it takes up."""

    who: str
    start: int
    end: int
    frame: Frame | None     # a speech act when the source is an official actor


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of the sentence ``text[start:end]``, as offsets."""
    bounds, position = [], start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.start() > position:
            bounds.append((position, match.start()))
        opener = match.group().strip(" ,;").lower()
        # Keep a relative opener in its clause: "during which", "which", "that" refer back.
        position = match.start() + len(match.group()) - len(match.group().lstrip(" ,;")) \
            if opener.startswith(("during", "at which", "which", "that", "since")) else match.end()
    if position < end:
        bounds.append((position, end))
    return bounds


def clause_of(bounds: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for first, last in bounds:
        if first <= position < last:
            return first, last
    return bounds[-1] if bounds else (position, position)


def speech_frames(lex: Lexicon, text: str, start: int, end: int, spans: list[TimeSpan]) -> list[Frame]:
    """Every speech act of the sentence, with its speaker, time and content."""
    verbs = list(lex.speech_verb.finditer(text, start, end))
    frames: list[Frame] = []
    for index, verb in enumerate(verbs):
        window_start = max(start, verb.start() - _SUBJECT_LIMIT)
        if frames:
            window_start = max(window_start, frames[-1].verb_end)
        speakers, speaker_text = _speaker(lex, text, window_start, verb.start())
        speaker = speakers[-1] if speakers else None
        limit = verbs[index + 1].start() if index + 1 < len(verbs) else end
        time = _speech_time(text, verb.start(), verb.end(), window_start, limit, spans, start)
        content_start = verb.end()
        if time is not None and time.char_start >= verb.end():
            content_start = time.char_end
        complement = lex.complement.search(text, content_start, end)
        if complement is not None and complement.start() - content_start < 120:
            content_start = complement.end()
        content_end = end
        if index + 1 < len(verbs) and _starts_new_frame(text, verbs[index + 1].start(), start):
            content_end = max(content_start, verbs[index + 1].start() - 1)
        subject_start = speakers[0].start if speakers else verb.start()
        frames.append(Frame(verb.start(), verb.end(), verb.group(), speaker, subject_start, tuple(speakers[:-1]),
                            speaker_text, time,
                            content_start, content_end, bool(lex.denial_verb.fullmatch(verb.group()))))
    return frames


def _speaker(lex: Lexicon, text: str, window_start: int, verb_start: int) -> tuple[list[Mention], str]:
    """The subject of a speech verb: the actors named just before it (coordinated:
    "both Moscow and Pyongyang"), and the phrase as written."""
    quote = max(text.rfind(q, window_start, verb_start) for q in ("”", "“", '"'))
    if quote >= 0:
        window_start = quote + 1   # a quotation is what was said, not who said it
    window_start = _subject_start(text, window_start, verb_start)
    mentions = [m for m in lex.actors_in(text, window_start, verb_start)
                if verb_start - m.end <= _SPEAKER_REACH and not _THAT.search(text[m.end:verb_start])
                and not lex.is_place_use(text, m)]
    officials = [m for m in mentions if m.kind != "media"] or mentions
    titled = [m for m in officials if m.text.endswith(("'s", "’s")) and _TITLE_AFTER.match(text, m.end)]
    if titled:  # "Kim, South Korea's deputy representative to the U.N., said": South Korea speaks
        officials = officials[:officials.index(titled[-1]) + 1]
    speakers = coordinated(text, officials)
    if speakers:
        head = text[window_start:speakers[0].start]
        cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"))
        subject = text[window_start + cut + 1 if cut >= 0 else window_start:verb_start]
    else:
        subject = text[window_start:verb_start].rstrip(" ,")
        cut = max(subject.rfind(","), subject.rfind(";"))
        subject = subject[cut + 1:] if cut >= 0 else subject
    subject = _OPENER.sub("", subject)
    subject = _ADVERBS.sub("", " ".join(subject.split()).strip(" ,")).strip(" ,")
    return speakers, subject


def _subject_start(text: str, window_start: int, verb_start: int) -> int:
    """Where the subject of a speech verb can begin: after the last comma that opens a
    noun phrase before the verb. In "X captured Y on 13 April, a spokesperson for Z
    said", X and Y are what was said; but a parenthesis (", which …", ", in a
    statement,", ", 40,") leaves the subject before it."""
    position = verb_start
    while (cut := text.rfind(",", window_start, position)) >= 0:
        phrase = text[cut + 1:position].strip(" ,")
        if _WORD.search(phrase) and not _PARENTHESIS.match(phrase):
            return cut + 1
        position = cut
    return window_start


def _speech_time(text: str, verb_start: int, verb_end: int, window_start: int, sentence_end: int,
                 spans: list[TimeSpan], sentence_start: int = 0) -> TimeSpan | None:
    """"said on Friday", "On Friday, X said", "criticized ... at a conference held on
    Thursday": the speech act's own time, before what it reports begins."""
    usable = [s for s in spans if s.drawable and s.kind != "DURATION"]
    for span in usable:
        gap = text[verb_end:span.char_start]
        if span.char_start >= verb_end and _TIME_AFTER_VERB.fullmatch(gap):
            return span
    for span in usable:
        lead = text[span.char_end:verb_start]
        opening = text[sentence_start:span.char_start]
        # "On Friday, the JCS said", "The JCS on Friday said": the time opens the sentence
        # or stands between the speaker and the verb, not in what the speaker reports.
        if window_start <= span.char_start and span.char_end <= verb_start and \
                _FEW_WORDS.fullmatch(lead) and (
                    _TIME_OPENING.fullmatch(opening) or _TIME_BEFORE_VERB.fullmatch(lead)):
            return span
    complement = _REPORTED.search(text[verb_end:sentence_end])
    limit = verb_end + complement.start() if complement else sentence_end
    for span in usable:
        if verb_end <= span.char_start < limit and _HELD_ON.search(text[verb_end:span.char_start]):
            return span
    return None


def _starts_new_frame(text: str, verb_start: int, sentence_start: int) -> bool:
    """A later speech verb starts its own frame when a clause break comes before it."""
    window = text[max(sentence_start, verb_start - 120):verb_start]
    return bool(re.search(r"[,;]|\b(?:while|and|but)\b", window))


def attribution_spans(lex: Lexicon, text: str, start: int, end: int,
                      spans: list[TimeSpan]) -> list[Attribution]:
    """"according to Kyiv's figures", "as per Ukraine on Wednesday": who, where, and
    (for an official source) the speech act it amounts to."""
    found: list[Attribution] = []
    if not lex.attribution_cue.search(text, start, end):
        return found
    for pattern in lex.attribution:
        for match in pattern.finditer(text, start, end):
            if any(a.start < match.end() and match.start() < a.end for a in found):
                continue
            who = " ".join(match.group("who").split()).strip(" ,")
            via = match.groupdict().get("via")
            if via:
                who = f"{who}, according to {' '.join(via.split())}"
            if not match.group().lower().lstrip().startswith(("according", "as per", "citing", "per ")) \
                    and not via:
                continue  # "X said" is a speech act, handled as a frame
            a_start, a_end = match.span()
            time = next((s for s in spans if a_end <= s.char_start <= a_end + 4 and s.drawable), None)
            if time is not None:
                a_end = time.char_end
            mentions = [m for m in lex.actors_in(text, match.start("who"), match.end("who")) if m.kind != "media"]
            frame = None
            if mentions and not via and not re.search(r"figures|estimates?|data|assessments?|reports?|sources",
                                          match.group(), re.I):
                frame = Frame(match.start(), match.start() + 12, "according to", mentions[0], match.start(), (),
                              who, time,
                              start, match.start(), False)
            found.append(Attribution(who, a_start, a_end, frame))
    return sorted(found, key=lambda a: a.start)
