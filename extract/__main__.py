"""``python -m extract PATH... [--db FILE] [--json FILE] [--csv FILE] ...``: see extract.cli."""
import sys

from extract.cli import main

if __name__ == "__main__":
    sys.exit(main())
