"""``python -m extract.timex PATH... [--published YYYY-MM-DD]``: print the time
expressions of articles (or plain text files) as a table, resolved against each
article's publication date (or ``--published``)."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from . import find_timexes


def _describe(span) -> str:
    drawn = f"{span.start}..{span.end}" if span.drawable else "-"
    mod = f" {span.mod}" if span.mod else ""
    return f"  {span.text!r:<32} {span.kind:<8} {span.value:<12} {drawn:<23} {span.granularity or '-':<9}{mod}  [{span.rule}]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.timex", description=__doc__)
    parser.add_argument("paths", nargs="+", help="article files or folders")
    parser.add_argument("--published", "--reference", dest="reference", type=date.fromisoformat,
                        help="resolve against this date (articles without a date of their own need it)")
    args = parser.parse_args(argv)
    try:
        from extract.load import LoadError, load_paths  # the rest of Chronicle, when present
    except ImportError:  # the engine published alone: plain text files
        load_paths = None
    failures = 0
    if load_paths is None:
        if args.reference is None:
            parser.error("--published is needed to read plain text")
        for path in args.paths:
            text = Path(path).read_text(encoding="utf-8")
            print(f"{path} (reference {args.reference})")
            for span in find_timexes(text, args.reference):
                print(_describe(span))
        return 0
    for item in load_paths(args.paths, published=args.reference):
        if isinstance(item, LoadError):
            print(f"error: {item}", file=sys.stderr)
            failures += 1
            continue
        reference = args.reference or item.published_date
        print(f"{item.path or item.id}: {item.source or 'unknown source'}, "
              f"published {item.published_date} ({item.published_basis})")
        for span in find_timexes(item.content_text(), reference, language=item.language):
            print(_describe(span))
        print()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
