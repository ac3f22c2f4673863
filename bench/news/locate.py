"""Fill in character offsets of a probe file and check it.

Usage: python locate.py DRAFT.jsonl OUT.jsonl

DRAFT lines: {"doc_id", "dct": "YYYY-MM-DD", "text",
              "timexes": [{"text", "type", "value", "ambiguous"?: true, "note"?: str}]}
Each timex "text" is looked up in "text" in order of appearance (the search for the
next timex starts after the end of the previous one), so list them in reading order.
OUT lines add "start" and "end" to each timex (Python string offsets), the shape of
TempEval-3 gold.
"""
import json
import re
import sys

TYPES = {"DATE", "TIME", "DURATION", "SET"}
errors = 0
out = []
seen = set()
for number, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    if not line.strip():
        continue
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as e:
        print(f"line {number}: bad JSON: {e}"); errors += 1; continue
    where = f"line {number} ({doc.get('doc_id')})"
    if doc.get("doc_id") in seen:
        print(f"{where}: duplicate doc_id"); errors += 1
    seen.add(doc.get("doc_id"))
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(doc.get("dct", ""))):
        print(f"{where}: dct must be YYYY-MM-DD"); errors += 1
    pos = 0
    for t in doc.get("timexes", []):
        if t.get("type") not in TYPES:
            print(f"{where}: bad type {t.get('type')!r} for {t.get('text')!r}"); errors += 1
        i = doc["text"].find(t["text"], pos)
        if i < 0:
            print(f"{where}: {t['text']!r} not found after offset {pos}"); errors += 1; continue
        t["start"], t["end"] = i, i + len(t["text"])
        pos = t["end"]
    out.append(doc)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for doc in out:
        f.write(json.dumps(doc, ensure_ascii=False) + "\n")
print(f"{len(out)} documents, {sum(len(d.get('timexes', [])) for d in out)} timexes, {errors} errors")
sys.exit(1 if errors else 0)
