"""``python -m extract.bench {timex,events,shapes} ...``: the benchmarks and the gold audit."""
from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    commands = {"timex": "extract.bench.timex", "events": "extract.bench.events",
                "shapes": "extract.bench.gold_shapes"}
    if not argv or argv[0] not in commands:
        print("usage: python -m extract.bench {%s} ..." % ",".join(commands), file=sys.stderr)
        return 2
    import importlib
    return importlib.import_module(commands[argv[0]]).main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
