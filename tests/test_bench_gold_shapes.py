"""The gold audit folds values to their written form and counts them per family and source."""
from collections import Counter

from extract.bench.gold_shapes import document_source, family_shapes, report, value_shape


def test_value_shape_keeps_the_form_and_drops_the_date():
    assert value_shape("1989-W43") == "9999-W99"
    assert value_shape("2000-W7") == "9999-W9"
    assert value_shape("1989-WXX") == "9999-WXX"
    assert value_shape("P1W") == "P9W"
    assert value_shape("PRESENT_REF") == "PRESENT_REF"


def test_document_source_is_the_leading_letters():
    assert document_source("wsj_0136") == "wsj"
    assert document_source("APW19980213.1320") == "apw"
    assert document_source("1234") == "?"


def test_family_shapes_counts_each_shape_by_source():
    documents = [
        {"doc_id": "wsj_0001", "timexes": [{"text": "last week", "value": "1989-WXX"},
                                           {"text": "Friday", "value": "1989-10-27"}]},
        {"doc_id": "APW2000", "timexes": [{"text": "this week", "value": "2000-W7"},
                                          {"text": "Last week", "value": "2000-W05"}]},
    ]
    shapes = family_shapes(documents)
    assert dict(shapes["this/last/next week"]) == {"9999-WXX": Counter({"wsj": 1}),
                                                     "9999-W9": Counter({"apw": 1}),
                                                     "9999-W99": Counter({"apw": 1})}
    assert dict(shapes["weekday names"]) == {"9999-99-99": Counter({"wsj": 1})}
    assert dict(shapes["... ago"]) == {}
    lines = report(shapes).splitlines()
    assert lines[0] == "seasons  (0 gold values)"
    assert "this/last/next week  (3 gold values)" in lines
    assert "     1   33.3 %  9999-WXX         wsj 1" in lines
