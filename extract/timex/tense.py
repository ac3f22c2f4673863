"""Which way does a sentence point in time? Past, future, or unknown.

Bare weekdays and months are resolved in the direction of their clause's tense
("said on Friday" looks back, "will meet on Monday" looks forward). The cue
words come from the language data; the nearest cue to the expression wins.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9']+(?:-[a-z0-9']+)*")
_SENTENCE_END = re.compile(r"[.!?;][\"'\u2019\u201d]*\s|\n")  # closing quotes may follow
_WINDOW = 160  # characters either side of the expression that may hold its verb

PAST, FUTURE, UNKNOWN = -1, 1, 0
NEAREST = 4          # a plan named in the past perfect ("had been due to expire Friday"): either way
PERFECT = 5          # a present perfect ("has restricted movement on Saturday"): past, but a weekday either way
PERFECT_FAR = 6      # ... read from a cue far from the expression: a weak past
WEAK = 2             # a tense read from a cue far from the expression: -2 or 2
STRONG_WITHIN = 6    # words between the expression and a cue that settles its direction
ADJACENT = 3         # a cue right before the expression ("ended Jan. 31"): -3 or 3
ADJACENT_WITHIN = 2  # "ended Jan. 31", "ended on Jan. 31"
_AFTER_PENALTY = 3
_CLAUSE_WORDS = 6    # words back to a "since" that opens the expression's clause
_CLAUSE_BREAK = re.compile(r"[,;:()\"]")


class TenseCues:
    """Cue words of one language, as loaded from its data."""

    def __init__(self, future: list[str] = (), past: list[str] = (),
                 past_suffixes: list[str] = (), default: str = "unknown",
                 not_past: list[str] = (), abbreviations: list[str] = (),
                 future_prepositions: list[str] = (), past_prepositions: list[str] = (),
                 past_perfect: list[str] = (), present_perfect: list[str] = (), adverbs: list[str] = (),
                 infinitive_markers: list[str] = (),
                 present_auxiliaries: list[str] = (), nouns_too: list[str] = (),
                 determiners: list[str] = (), neutral: list[str] = (),
                 date_objects: list[str] = (), after_event: list[str] = (),
                 reporting: list[str] = (), adjective_suffixes: list[str] = (),
                 limits: list[str] = (), comparatives: list[str] = (), auxiliaries: list[str] = (),
                 sentence_final: list[str] = (), sentence_starters: list[str] = (),
                 adverb_suffixes: list[str] = (), start_prepositions: list[str] = (),
                 schedule_verbs: list[str] = (), schedule_prepositions: list[str] = (),
                 event_before: list[str] = (), counts: list[str] = (),
                 day_prepositions: list[str] = (), intent_verbs: list[str] = (),
                 perfect_participle: list[str] = (), not_participles: list[str] = (),
                 participle_suffixes: list[str] = ()) -> None:
        """The ``[tense]`` table of a language's rules, by its keys."""
        self.default = {"past": PAST, "future": FUTURE}.get(default, UNKNOWN)
        # Words with a past suffix that are not past verbs ("united", "unspecified").
        self.not_past = frozenset(not_past)
        # Words whose full stop does not end a sentence ("vs.", "Mr.").
        self.abbreviations = frozenset(abbreviations)
        # Prepositions that point their expression forward whatever the verb ("until Tuesday").
        self.future_prepositions = tuple(tuple(p.split()) for p in future_prepositions)
        self.future_prepositions_by_last: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.future_prepositions:
            self.future_prepositions_by_last.setdefault(phrase[-1], []).append(phrase)
        # Prepositions that point their expression back whatever the verb ("since October").
        self.past_prepositions = frozenset(past_prepositions)
        # Right before a date, these name when something starts, just before or just after
        # the reference ("mourning starting Monday"): the nearer day.
        self.start_prepositions = tuple(tuple(p.split()) for p in start_prepositions)
        # Words that, right before a future cue, make it a plan already past ("had been due to").
        self.past_perfect = tuple(tuple(p.split()) for p in past_perfect)
        # Right before a past participle, these make it a present passive ("is heard in May").
        self.present_auxiliaries = frozenset(present_auxiliaries)
        # Before a past participle, these make a present perfect, which takes no day gone by
        # ("has restricted movement from 12am to 6pm on Saturday": that Saturday is ahead).
        self.present_perfect = frozenset(present_perfect)
        # Adverbs that may stand between an auxiliary and its participle ("are now focused").
        self.adverbs = frozenset(adverbs)
        # Between a past verb and a future cue, these make the cue a plan told in the past
        # ("families prepared to celebrate the Fourth of July"): the nearer day.
        self.infinitive_markers = frozenset(infinitive_markers)
        # Cue verbs that are nouns too ("vote", "visit"): after a determiner they are not verbs.
        self.nouns_too = frozenset(nouns_too)
        self.determiners = frozenset(determiners)
        # Number words: a cue verb that is a noun too is a noun after one ("by eight votes").
        self.counts = frozenset(counts)
        # Verbs whose object a date right after them is ("declared Tuesday a holiday").
        self.date_objects = frozenset(date_objects)
        # Before a noun phrase ending in a day ("following Trump's announcement on Monday"),
        # these put its event before the sentence's own: in the past.
        self.event_before = frozenset(event_before)
        # Prepositions of a day ("on Thursday"): after "following" alone they leave no event
        # ("the ECB following on Thursday": a verb, not an event gone by).
        self.day_prepositions = frozenset(day_prepositions)
        # Past verbs of intent whose object lies ahead of them ("promised a million shells by
        # March", "called a mass rally for Wednesday"): the date may be either side of the
        # reference, the nearer. Right before the date they tell when it was said instead.
        self.intent_verbs = frozenset(intent_verbs)
        # Before a participle after the expression, these make it a step before the main
        # one ("plays on Thursday, having opened on Friday"): no cue for the expression.
        self.perfect_participle = frozenset(perfect_participle)
        # A verb that sets an event for a date a few words on ("set the next hearing for Dec. 4").
        self.schedule_verbs = frozenset(schedule_verbs)
        self.schedule_prepositions = frozenset(schedule_prepositions)
        # Before a day's event ("after Saturday's election"), these put the event in the past.
        self.after_event = frozenset(after_event)
        # Verbs of saying: after a comma that follows the expression, they tell when
        # something was said, not when it happens ("will begin on Monday, the army said").
        self.reporting = frozenset(reporting)
        # Future prepositions that a past verb right before makes a limit already reached
        # ("lasted until Saturday"; not "will stay closed until Wednesday").
        self.limits = [p.split() for p in limits]
        # Before such a past verb, these keep the limit ahead ("has been extended until Monday").
        self.auxiliaries = frozenset(auxiliaries)
        # Abbreviations that can end a sentence: before a capital they do ("at 7:06 p.m. He").
        self.sentence_final = frozenset(sentence_final)
        self.sentence_starters = frozenset(sentence_starters)
        # Right before a future cue, these make it a comparison ("than expected", "as planned").
        self.comparatives = frozenset(comparatives)
        # Endings of adverbs that may stand between the two ("as previously planned").
        self.adverb_suffixes = tuple(adverb_suffixes)
        # Endings of adjectives: a cue verb that is a noun too is a noun after one ("its
        # hottest start").
        self.adjective_suffixes = tuple(adjective_suffixes)
        # The ending of a present participle ("resuming"), and words with it that are none
        # ("during", "morning").
        self.participle_suffixes = tuple(participle_suffixes)
        self.not_participles = frozenset(not_participles)
        self.future_single = frozenset(w for w in future if " " not in w)
        self.future_multi = tuple(tuple(w.split()) for w in future if " " in w)
        self.past_single = frozenset(w for w in past if " " not in w)
        self.past_multi = tuple(tuple(w.split()) for w in past if " " in w)
        self.past_suffixes = tuple(past_suffixes)
        # Multi-word cues by their first word, so each word checks only its own phrases.
        self.multi_by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        # Phrases whose first word would be a cue but is not there ("next to the embassy").
        neutral_multi = tuple(tuple(w.split()) for w in neutral)
        for phrases, kind in ((self.future_multi, FUTURE), (self.past_multi, PAST), (neutral_multi, UNKNOWN)):
            for phrase in phrases:
                self.multi_by_first.setdefault(phrase[0], []).append((phrase, kind))
        # Future phrases by their last word: does one end right before a given word?
        self.future_by_last: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.future_multi:
            self.future_by_last.setdefault(phrase[-1], []).append(phrase)

    @lru_cache(maxsize=4096)
    def classify(self, word: str) -> int:
        if word in self.future_single:
            return FUTURE
        if word in self.past_single:
            return PAST
        if len(word) > 4 and word.endswith(self.past_suffixes) and word not in self.not_past:
            return PAST
        return UNKNOWN


_WORD_BEFORE_STOP = re.compile(r"([a-z]+)$")
_CAPITAL_NEXT = re.compile(r"\s+[\"\u201c]?([A-Z][a-z]*)")


def _ends_sentence(low: str, stop: int, abbreviations: frozenset[str], text: str | None = None,
                   final: frozenset[str] = frozenset(), starters: frozenset[str] = frozenset()) -> bool:
    """Whether the punctuation at ``stop`` ends a sentence (not "vs." or "Mr."). Given the
    text as written, an abbreviation that can close a sentence ("p.m.", "Inc.") closes one
    before a word that opens sentences ("at 7:06 p.m. He will ..."; not "8 p.m. EDT")."""
    if low[stop] != "." or not abbreviations:
        return True
    word = _WORD_BEFORE_STOP.search(low, max(0, stop - 12), stop)
    if word is None or word.group(1) not in abbreviations:
        return True
    if text is None or word.group(1) not in final:
        return False
    after = _CAPITAL_NEXT.match(text, stop + 1)
    return after is not None and after.group(1).lower() in starters


def sentence_bounds(low: str, start: int, end: int, abbreviations: frozenset[str] = frozenset(),
                    text: str | None = None, final: frozenset[str] = frozenset(),
                    starters: frozenset[str] = frozenset()) -> tuple[int, int]:
    """The sentence (or ``_WINDOW`` characters, whichever is less) around a span."""
    left = max(0, start - _WINDOW)
    right = min(len(low), end + _WINDOW)
    before = [m.end() for m in _SENTENCE_END.finditer(low, left, start)
              if _ends_sentence(low, m.start(), abbreviations, text, final, starters)]
    if before:
        left = before[-1]
    # A span's own last full stop may end its sentence ("at 7:06 p.m. He will ...").
    for after in _SENTENCE_END.finditer(low, end - 1 if end and low[end - 1] == "." else end, right):
        if _ends_sentence(low, after.start(), abbreviations, text, final, starters):
            right = after.start() + 1
            break
    return left, right


def tense_at(cues: TenseCues, low: str, start: int, end: int, text: str | None = None) -> int:
    """PAST, FUTURE or UNKNOWN for the expression at ``low[start:end]``, times WEAK
    when the cue is far from it (it may be another clause's) and times ADJACENT when
    a verb stands right before it ("ended Jan. 31") or "since" does: such a cue holds
    however far back the date is. NEAREST when the cue is a plan told in the past
    perfect ("had been due to expire on Saturday"): it may lie either way.

    Looks at the words of its sentence, nearest first, and takes the first cue. Given the
    text as written, capitalised words inside the sentence are names, not cues.
    Multi-word cues ("going to") are matched on the word sequence.
    """
    left, right = sentence_bounds(low, start, end, cues.abbreviations, text, cues.sentence_final,
                                  cues.sentence_starters)
    before = [(m.start(), m.group()) for m in _WORD.finditer(low, left, start)]
    after = [(m.start(), m.group()) for m in _WORD.finditer(low, end, right)]
    words = [w for _p, w in before] + ["\0"] + [w for _p, w in after]
    pivot = len(before)
    if text is not None:
        # A capitalised word inside a sentence is a name, not a verb ("the US Open in
        # September", "Will Smith"): ``text`` is ``low`` as written.
        positions = [p for p, _w in before] + [start] + [p for p, _w in after]
        words = [word if index == 0 or not text[positions[index]].isupper() else "\0"
                 for index, word in enumerate(words)]
    limit = _phrase_length_before(words, pivot, cues.future_prepositions_by_last.get(words[pivot - 1], ())) \
        if pivot > 1 else 0
    if limit:
        verb = pivot - limit - 1
        if words[verb + 1:pivot] in cues.limits and verb >= 0 and words[verb] not in cues.determiners \
                and _cue_kind(cues, words, verb) == PAST and not _future_governs(cues, words, verb) \
                and (verb == 0 or words[verb - 1] not in cues.auxiliaries):
            return PAST   # "the clashes lasted until Saturday": a limit already reached
        return FUTURE   # "gave them until Tuesday"; not "Until Tuesday, they had not ..."
    if pivot > 0 and _phrase_before(words, pivot, cues.start_prepositions):
        return NEAREST   # "three days of mourning starting Monday": begun or about to, the nearer
    if pivot > 1 and words[pivot - 1] == "from" \
            and any(_phrase_before(words, j, cues.future_prepositions) for j in range(pivot + 2, pivot + 6)):
        return FUTURE   # "warnings from Monday morning until Wednesday": the range runs ahead
    if pivot > 0 and words[pivot - 1] in cues.date_objects:
        return FUTURE   # "declared Tuesday a holiday": a day set aside ahead, whenever declared
    if pivot > 1 and words[pivot - 1] in cues.schedule_prepositions \
            and any(words[j] in cues.schedule_verbs and not _after_past_perfect(cues, words, j)
                    for j in range(max(0, pivot - _CLAUSE_WORDS), pivot - 1)) \
            and not _CLAUSE_BREAK.search(low, before[max(0, pivot - _CLAUSE_WORDS)][0], start):
        # "set the next hearing for Dec. 4": a day set ahead, however far ("had been
        # scheduled for Wednesday" is a plan that may be past, read below)
        return FUTURE * ADJACENT
    if pivot > 0 and words[pivot - 1] in cues.past_prepositions:
        return PAST * ADJACENT   # "has cut rates since September": however far back
    for index in range(pivot - 2, max(-1, pivot - 1 - _CLAUSE_WORDS), -1):
        if words[index] in cues.past_prepositions and not _CLAUSE_BREAK.search(low, before[index][0], start):
            if any(word.isdigit() for word in words[index + 1:pivot]):
                break     # "the first elections since 2016 in August": "since" has its date
            return PAST   # "the first elections since Mubarak's ouster in February"
    if pivot > 0 and words[pivot + 1:pivot + 2] == ["'s"] and words[pivot - 1] in cues.after_event:
        return PAST   # "after winning Saturday's election", "following Tuesday's clash"
    for index in range(pivot - 2, max(-1, pivot - 7), -1):
        # "following Washington's decision late Monday", "after a botched rescue attempt on
        # Thursday": the event before the main one, a noun phrase with no verb in it
        if words[index] in cues.event_before:
            if not _CLAUSE_BREAK.search(low, before[index][0], start) \
                    and not set(words[index + 1:pivot]) <= cues.day_prepositions \
                    and not _clause_looks_ahead(cues, words, before, index, low, start):
                return PAST
            break
        if _cue_kind(cues, words, index) != UNKNOWN:
            break
    # A time phrase opening its sentence ("In January, ... a bomb killed") belongs
    # to the main verb after it, however long the phrase between.
    fronted = pivot <= 2
    comma = low.find(",", end, right)
    beyond_comma = len(after) if comma < 0 else sum(1 for p, _w in after if p < comma)
    scored: list[tuple[int, int, int | None]] = []   # (distance, direction, cue's index)
    for index, word in enumerate(words):
        if index == pivot:
            continue
        kind = _cue_kind(cues, words, index)
        if kind == FUTURE and index > pivot and words[index].endswith(cues.past_suffixes) \
                and words[index - 1] not in cues.present_auxiliaries:
            kind = PAST   # "claimed victory on Sunday and vowed to restore order": the vow is past
        elif kind == PAST and index > pivot + 1 and words[index - 1] in cues.perfect_participle:
            continue   # "plays its match on Thursday, having opened the tournament on Friday"
        if kind != UNKNOWN:
            # The verb usually comes before its time phrase ("said on Friday"),
            # so cues after the expression count as further away.
            distance = pivot - index if index < pivot else index - pivot + _AFTER_PENALTY
            if index > pivot + beyond_comma:
                distance += _AFTER_PENALTY   # past a comma: likely another clause's verb
                if word in cues.reporting:
                    distance += 2 * _AFTER_PENALTY   # ", the military said": when it was said
            if fronted and index > pivot:
                distance = min(distance, STRONG_WITHIN)
            scored.append((distance, kind, index))
    # "will be held", "is expected to have": a future word governs the verb after it.
    for index in range(pivot - 1, -1, -1):
        kind = cues.classify(words[index])
        if kind == PAST and _future_governs(cues, words, index):
            scored.append((0, FUTURE, None))
            break
        if kind != UNKNOWN:
            break
    if not scored:
        # "Schools are closed, with classes resuming on Wednesday": with no tense to go by,
        # a present participle right before the day looks ahead to it.
        verb = pivot - 2 if pivot > 1 and words[pivot - 1] in cues.day_prepositions else pivot - 1
        if verb >= 0 and len(words[verb]) > 5 and words[verb].endswith(cues.participle_suffixes) \
                and words[verb] not in cues.not_participles:
            return FUTURE
        return UNKNOWN
    scored.sort(key=lambda item: item[0])
    distance, tense, cue = scored[0]
    if tense == NEAREST:
        return NEAREST
    if tense == PERFECT:
        # past, as near or far as any past cue; only a weekday it governs may lie ahead
        return PERFECT if distance <= STRONG_WITHIN else PERFECT_FAR
    if cue is not None and cue < pivot and distance <= ADJACENT_WITHIN and _governs(cues, words, pivot, cue):
        return tense * ADJACENT
    if tense == PAST and cue is not None and cue < pivot and words[cue] in cues.intent_verbs \
            and distance <= STRONG_WITHIN:
        return NEAREST   # "promised a million shells by March": a plan, ahead or gone by
    return tense if distance <= STRONG_WITHIN else tense * WEAK


def _clause_looks_ahead(cues: TenseCues, words: list[str], before: list[tuple[int, str]], index: int,
                        low: str, start: int) -> bool:
    """Whether a future cue stands before ``words[index]`` in the expression's clause ("is
    expected to be announced after the Budget statement on Friday")."""
    for j in range(index - 1, -1, -1):
        if _CLAUSE_BREAK.search(low, before[j][0], start):
            return False   # every word further back is past the break too
        if _cue_kind(cues, words, j) == FUTURE:
            return True
    return False


def _cue_kind(cues: TenseCues, words: list[str], index: int) -> int:
    """Which way ``words[index]`` points, read with its neighbours: a phrase it opens
    ("going to", "next to"), a plan already past ("had been due"), a present passive
    ("is heard"), an adjective ("a muted outlook") or a noun ("the vote")."""
    word = words[index]
    kind = cues.classify(word)
    phrases = cues.multi_by_first.get(word)
    if kind == UNKNOWN and phrases is None:
        return UNKNOWN   # most words: no cue, and no phrase begins with them
    for phrase, phrase_kind in phrases or ():
        if tuple(words[index:index + len(phrase)]) == phrase:
            kind = phrase_kind
    previous = words[index - 1] if index > 0 else ""
    if kind == FUTURE and word in cues.future_single and index + 1 < len(words) \
            and cues.classify(words[index + 1]) == PAST:
        return UNKNOWN  # "profit likely fell", "has likely suffered": the verb after it is past
    if kind == FUTURE and (_after_past_perfect(cues, words, index)
                           or index > 1 and previous in cues.infinitive_markers and cues.classify(words[index - 2]) == PAST):
        kind = NEAREST  # "had been due to expire on Saturday", "prepared to celebrate": a plan that may be past
    elif kind == FUTURE and (previous in cues.comparatives or index > 1 and previous.endswith(cues.adverb_suffixes)
                             and words[index - 2] in cues.comparatives):
        kind = UNKNOWN  # "rose more than expected", "began as previously planned": a comparison
    elif kind == PAST:
        auxiliary = _auxiliary(cues, words, index)
        if auxiliary in cues.present_auxiliaries:
            kind = UNKNOWN  # "when the case is heard in May", "traders are now focused on": present, not past
        elif auxiliary in cues.present_perfect and word not in cues.past_single:
            kind = PERFECT  # "has restricted movement on Saturday", "have not approved": the nearer Saturday
        elif (previous in cues.determiners or previous[:1].isdigit()) and word not in cues.past_single:
            kind = UNKNOWN  # "a muted outlook", "220 affected towns": an adjective, not a verb
    if kind != UNKNOWN and word in cues.nouns_too and (previous in cues.determiners or previous.endswith("'s")
                                                      or previous[:1].isdigit() or previous in cues.counts
                                                      or len(previous) > 4 and previous.endswith(cues.adjective_suffixes)
                                                      or _object_noun(cues, words, index)):
        kind = UNKNOWN  # "the vote on Sunday", "1.83 marks", "its hottest start": a noun, not a verb
    return kind


def _auxiliary(cues: TenseCues, words: list[str], index: int) -> str:
    """The word before ``words[index]``, past one adverb between ("are now focused",
    "have not approved")."""
    if index < 1:
        return ""
    previous = words[index - 1]
    if index > 1 and (previous in cues.adverbs or len(previous) > 4 and previous.endswith(cues.adverb_suffixes)):
        return words[index - 2]
    return previous


def _object_noun(cues: TenseCues, words: list[str], index: int) -> bool:
    """Whether ``words[index]`` ends a verb's object ("lost a confidence vote"): a cue
    verb, a determiner, then a word that is no cue."""
    return index >= 3 and words[index - 2] in cues.determiners and cues.classify(words[index - 1]) == UNKNOWN \
        and cues.classify(words[index - 3]) != UNKNOWN


def _governs(cues: TenseCues, words: list[str], pivot: int, index: int) -> bool:
    """Whether the cue at ``words[index]`` is a verb standing right before the expression,
    at most "on" between ("ended Jan. 31", "launched on Aug. 6"; not "extended to Nov. 20",
    a limit, nor "has set Nov. 10", where "set" may be present)."""
    return words[index] not in cues.nouns_too and all(w == "on" for w in words[index + 1:pivot])


def _after_past_perfect(cues: TenseCues, words: list[str], index: int) -> bool:
    """Whether ``words[index]`` follows "had" or "had been" (a plan already past)."""
    return _phrase_before(words, index, cues.past_perfect)


def _future_governs(cues: TenseCues, words: list[str], index: int) -> bool:
    """Whether a future cue stands in the three words before ``words[index]``
    ("will be held", "to be published")."""
    if any(_cue_kind(cues, words, j) == FUTURE and words[j] not in cues.nouns_too
           for j in range(max(0, index - 3), index)):
        return True
    return index > 0 and _phrase_before(words, index, cues.future_by_last.get(words[index - 1], ()))


def _phrase_length_before(words: list[str], index: int, phrases: Iterable[tuple[str, ...]]) -> int:
    """The length of the longest of ``phrases`` that ends right before ``words[index]`` (0: none)."""
    return max((len(phrase) for phrase in phrases
                if len(phrase) <= index and tuple(words[index - len(phrase):index]) == phrase), default=0)


def _phrase_before(words: list[str], index: int, phrases: Iterable[tuple[str, ...]]) -> bool:
    """Whether one of ``phrases`` ends right before ``words[index]``."""
    return _phrase_length_before(words, index, phrases) > 0


def direction(tense: int) -> int:
    """PAST, FUTURE or UNKNOWN, whether the cue was near (strong) or far (weak)."""
    return PAST if tense < 0 or tense in (PERFECT, PERFECT_FAR) else UNKNOWN if tense in (0, NEAREST) else FUTURE


def is_weak(tense: int) -> bool:
    return abs(tense) == WEAK or tense == PERFECT_FAR


def is_perfect(tense: int) -> bool:
    """Whether a present perfect gave the tense: it takes no definite day gone by."""
    return tense in (PERFECT, PERFECT_FAR)


def is_adjacent(tense: int) -> bool:
    """Whether the cue stood right before the expression: it governs it."""
    return abs(tense) == ADJACENT
