"""Value recall per family of relative expressions, when the input carries gold timexes.

A family is a pattern over the gold expression's text. Recall counts a gold
expression as found when a system expression overlaps it and has its value.
"""
from __future__ import annotations

import re

FAMILIES: dict[str, re.Pattern[str]] = {
    "seasons": re.compile(r"\b(spring|summer|autumn|fall|winter)\b", re.I),
    "last/this/next year": re.compile(r"\b(last|this|next)\s+year\b", re.I),
    "weekday names": re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I),
    "this/last/next month": re.compile(r"\b(last|this|next)\s+month\b", re.I),
    "this/last/next week": re.compile(r"\b(last|this|next)\s+week\b", re.I),
    "... ago": re.compile(r"\bago\b", re.I),
    "now/currently/recently": re.compile(r"^(now|currently|recently)$", re.I),
}


def family_recall(gold_docs: list[dict], system: dict[str, list[dict]]) -> dict[str, tuple[int, int]]:
    """{family: (found with the right value, gold total)} over all documents."""
    totals = {name: [0, 0] for name in FAMILIES}
    for doc in gold_docs:
        found = system.get(doc["doc_id"], [])
        for gold in doc.get("timexes", []):
            for name, pattern in FAMILIES.items():
                if not pattern.search(gold["text"].strip()):
                    continue
                totals[name][1] += 1
                if any(s["start"] < gold["end"] and gold["start"] < s["end"] and s["value"] == gold["value"]
                       for s in found):
                    totals[name][0] += 1
    return {name: (hit, total) for name, (hit, total) in totals.items()}
