"""The `vnreport` command: thin wrappers that parse arguments and call the library.

Library errors become one line on stderr (``vnreport: <file>: <cause>``) and exit code 1;
``vnreport --debug <command>`` shows the traceback instead. Each module registers its commands
on the one app (nlp/cli/common.py); the order of the imports below is the order of `--help`.
"""

from __future__ import annotations

import sys

from nlp.cli import extract, figures, index, train  # noqa: F401  (registers the commands)
from nlp.cli.common import app

__all__ = ["app", "main"]


def main() -> None:
    app(prog_name="vnreport")


if __name__ == "__main__":
    sys.exit(main())
