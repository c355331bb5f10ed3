"""The `factcheck` entry point: the command line, with ^C answered even while it loads."""

from __future__ import annotations

import os
import signal
import sys


def main() -> int:
    try:
        from validator.cli import main as run
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    try:
        code = run()
    except KeyboardInterrupt:  # a second ^C just after run() had answered the first
        code = 130
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the run has answered: nothing to interrupt
    # The run is over and its output written: what is left is freeing every object it made,
    # one by one (5% of a large run), which the operating system does at once. Flushed first,
    # since os._exit does not.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a reader that went away, or a stream closed
        pass
    os._exit(code)
