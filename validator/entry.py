"""The `factcheck` entry point: the command line, with ^C answered even while it loads."""

from __future__ import annotations

import sys


def main() -> int:
    try:
        from validator.cli import main as run
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    return run()
