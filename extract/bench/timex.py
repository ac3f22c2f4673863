"""Run the time-expression engine over TempEval-3-shaped JSONL and time it.

Input lines: ``{"doc_id", "dct", "text", ...}``. Output lines: ``{"doc_id", "dct",
"timexes": [{"start", "end", "text", "type", "value", "interval"}]}``, the shape
``../shared/bench/te3/score.py`` scores. Held-out evaluation runs this exact
interface: keep it stable.
"""
from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

from extract.bench.families import family_recall
from extract.timex import find_timexes
from extract.timex.engine import engine_for


def timex_record(span) -> dict:
    return {
        "start": span.char_start, "end": span.char_end, "text": span.text, "type": span.kind,
        "value": span.value,
        "interval": [span.start.isoformat(), span.end.isoformat()] if span.drawable else None,
    }


def run(in_path: Path, out_path: Path) -> dict:
    """Annotate every document of ``in_path`` into ``out_path``; return the figures."""
    documents = []
    with in_path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    documents.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise SystemExit(f"{in_path}:{number}: not a JSON line ({error.msg})")
    engine_for("en")  # start-up (loading, compiling the rules) is not timed
    results, expressions, characters = [], 0, 0
    began = time.perf_counter()
    for document in documents:
        text = document["text"]
        reference = date.fromisoformat(str(document["dct"])[:10])
        spans = find_timexes(text, reference, language=document.get("language", "en"))
        characters += len(text)
        expressions += len(spans)
        results.append({"doc_id": document["doc_id"], "dct": document["dct"],
                        "timexes": [timex_record(span) for span in spans]})
    elapsed = time.perf_counter() - began
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8") as handle:
        for record in results:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    figures = {"documents": len(documents), "characters": characters, "expressions": expressions,
               "seconds": elapsed, "chars_per_second": characters / elapsed if elapsed else float("inf")}
    if any("timexes" in document for document in documents):
        by_doc = {record["doc_id"]: record["timexes"] for record in results}
        figures["families"] = family_recall(documents, by_doc)
    return figures


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m extract.bench timex IN.jsonl OUT.jsonl", file=sys.stderr)
        return 2
    figures = run(Path(argv[0]), Path(argv[1]))
    print(f"documents   {figures['documents']:>10,}")
    print(f"characters  {figures['characters']:>10,}")
    print(f"expressions {figures['expressions']:>10,}")
    print(f"seconds     {figures['seconds']:>10.3f}  (in-process, start-up excluded)")
    print(f"throughput  {figures['chars_per_second']:>10,.0f} characters/second")
    if "families" in figures:
        print("value recall by family (the input carries gold timexes):")
        for name, (hit, total) in figures["families"].items():
            share = f"{100 * hit / total:5.1f} %" if total else "    -  "
            print(f"  {name:<24} {share}  ({hit}/{total})")
    return 0
