"""The first-letter guard only ever admits more than the patterns it stands for."""
import re

from extract.events.lexicon import _load, lexicon
from extract.pattern_guard import prefix_guard, starts


def test_starts_reads_letters_and_gives_up_on_the_unknown():
    assert starts(r"\b(?:deploy(?:ed|s)?|sent)\b", re.I) == {"dep", "sen"}
    assert starts(r"(?:an?\s+)official") == {"a", "an"}
    assert starts(r"\w+ said") is None
    assert starts(r"(?:the\s+)?army") == {"the", "arm"}


def test_guard_admits_any_case_and_folded_characters():
    guard = re.compile(prefix_guard([r"killed"], re.I), re.I)
    for written in ("killed", "KILLED", "Killed", "\u212aILLED"):   # the Kelvin sign folds to "k"
        assert guard.match(written)
        assert re.match("killed", written, re.I)
    assert not guard.match("kids")


def test_guarded_patterns_find_what_the_plain_ones_find():
    text = ("Troops were deployed; the KILLED and wounded, \u212ailled in the attack, according to Kyiv. "
            "Any such deployment would be lawful, whether or not it was dispatched or sent.")
    lex = lexicon()
    plain = re.compile(r"(?<![\w])(?=\w)(?:" + "|".join(f"(?:{t.pattern.pattern})" for t in lex.triggers) + ")",
                       re.I)
    for position in range(len(text)):
        first, second = plain.search(text, position), lex.any_trigger.search(text, position)
        assert (first and first.span()) == (second and second.span())
    events = _load("events.toml")
    cues = "|".join(f"(?:{row['pattern']})" for row in events["status"])
    for plain_pattern, pattern in ((events["suppress"]["pattern"], lex.suppress),
                                   (events["attribution_cue"]["pattern"], lex.attribution_cue),
                                   (cues, lex.any_status_cue)):
        assert [m.span() for m in re.finditer(plain_pattern, text, re.I)] == \
            [m.span() for m in pattern.finditer(text)]
