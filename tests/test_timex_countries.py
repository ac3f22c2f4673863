"""Which country a text names: the one just before an expression, else the one named most."""
from extract.timex.countries import CountryNames

NAMES = CountryNames({"us": ["U.S.", "Americans"], "ukraine": ["Ukraine", "Kyiv"], "turkey": ["Turkey"]})


def test_the_country_named_most_wins_and_a_tie_goes_to_the_first_named():
    text = "Kyiv said the U.S. would help. Ukraine thanked the U.S. and Ukraine's allies."
    assert NAMES.most_named(text, {"us", "ukraine"}) == "ukraine"
    assert NAMES.most_named("The U.S. and Ukraine met.", {"us", "ukraine"}) == "us"
    assert NAMES.most_named(text, {"turkey"}) is None


def test_names_are_matched_as_written():
    assert NAMES.most_named("They ate turkey on the holiday.", {"turkey"}) is None
    assert NAMES.most_named("Turkey voted.", {"turkey"}) == "turkey"


def test_the_country_just_before_stays_inside_its_sentence():
    text = "Sirens sounded in Kyiv. As Americans celebrated Independence Day, he spoke."
    assert NAMES.named_just_before(text, text.index("Independence"), {"us", "ukraine"}) == "us"
    text = "Sirens sounded in Kyiv. Crowds celebrated Independence Day."
    assert NAMES.named_just_before(text, text.index("Independence"), {"us", "ukraine"}) is None
