"""The `factcheck` entry point: the command line, with ^C answered even while it loads."""

from __future__ import annotations

import os
import sys


def main() -> int:
    try:
        from validator.cli import main as run
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    code = run()
    # The run is over and its output written: what is left is freeing every object it made,
    # one by one (5% of a large run), which the operating system does at once. Flushed first,
    # since os._exit does not.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a reader that went away, or a stream closed
        pass
    except KeyboardInterrupt:
        code = 130
    os._exit(code)
