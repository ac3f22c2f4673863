"""``python -m dashboard``: serve the timeline on http://127.0.0.1:8050.

Binds to localhost unless told otherwise (the data may not be for everyone on the
network) and runs without Dash's debug mode, so errors never reach the page.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from extract.store import DEFAULT_PATH

from .app import create_app
from .data import missing_message
from .export_ui import warm_up


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Serve Chronicle's interactive timeline of the events in a store.")
    result.add_argument("--db", default=str(DEFAULT_PATH), metavar="FILE",
                        help=f"the store that `python -m extract` wrote (default: {DEFAULT_PATH})")
    result.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only)")
    result.add_argument("--port", type=int, default=8050, help="port (default: 8050)")
    return result


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    if not Path(args.db).is_file():
        print(f"note: {missing_message(args.db)}", file=sys.stderr)
    app = create_app(args.db)
    warm_up()   # start the export browser now, so the first export is not a cold one
    print(f"Chronicle: serving {args.db} on http://{args.host}:{args.port}/ (Ctrl+C to stop)",
          file=sys.stderr)
    app.run(host=args.host, port=args.port, debug=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
