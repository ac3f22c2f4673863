"""``python -m extract.bench shapes GOLD.jsonl ...``: how gold annotators wrote each family.

The family bars of issue 2 ask for 90 % value recall on phrases such as "last week"
or "a year ago". Whether that is reachable depends on the gold writing one phrase one
way. This audit prints, per family, the shapes its gold values take (digits folded to
9, so ``1989-W43`` is ``9999-W99`` and ``2000-W7`` is ``9999-W9``) and the sources
(document-id prefixes) that wrote each shape: a shape that only some sources use for
the same phrase cannot be told from the text.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from extract.bench.families import FAMILIES


def value_shape(value: str) -> str:
    """The value with every digit written 9: the form, not the date."""
    return re.sub(r"\d", "9", value)


def document_source(doc_id: str) -> str:
    """The letters a document id starts with: 'wsj' for 'wsj_0136', 'apw' for 'APW19980213.1320'."""
    found = re.match(r"[A-Za-z]+", doc_id)
    return found.group(0).lower() if found else "?"


def family_shapes(documents: list[dict]) -> dict[str, dict[str, Counter]]:
    """{family: {shape: Counter(source)}} over the gold timexes of ``documents``."""
    shapes: dict[str, dict[str, Counter]] = {name: defaultdict(Counter) for name in FAMILIES}
    for document in documents:
        source = document_source(document["doc_id"])
        for gold in document.get("timexes", []):
            for name, pattern in FAMILIES.items():
                if pattern.search(gold["text"].strip()):
                    shapes[name][value_shape(gold["value"])][source] += 1
    return shapes


def report(shapes: dict[str, dict[str, Counter]]) -> str:
    lines = []
    for name, by_shape in shapes.items():
        total = sum(sum(sources.values()) for sources in by_shape.values())
        lines.append(f"{name}  ({total} gold values)")
        ranked = sorted(by_shape.items(), key=lambda item: -sum(item[1].values()))
        for shape, sources in ranked:
            count = sum(sources.values())
            where = ", ".join(f"{source} {n}" for source, n in sources.most_common())
            lines.append(f"  {count:4}  {100 * count / total:5.1f} %  {shape:<16} {where}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m extract.bench shapes GOLD.jsonl [GOLD.jsonl ...]", file=sys.stderr)
        return 2
    documents = [json.loads(line) for path in argv
                 for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    print(report(family_shapes(documents)))
    return 0
