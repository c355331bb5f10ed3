"""The `factcheck` command line: one command a module, each importing what it needs when run,
so that `factcheck explain` does not pay for pydantic nor `validate` for rich outside a terminal.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys

from validator import __version__
from validator.cli.common import EXIT_CLEAN, EXIT_USAGE
from validator.workspace.project import ProjectError

# Each command's module, in the order `factcheck --help` lists them, and the commands it adds.
# A run names its command first, so only that module is imported and only its parser built.
COMMANDS = {
    "validate_command": ("validate",),
    "coverage_command": ("coverage",),
    "new_command": ("new", "new-source"),
    "report_command": ("report",),
    "export_command": ("export",),
    "rules_command": ("rules", "explain"),
    "schema_command": ("schema",),
}


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def main(argv: list[str] | None = None) -> int:
    try:
        arguments = sys.argv[1:] if argv is None else argv
        parser = _parser(arguments[0] if arguments else None)
        args = parser.parse_args(arguments)
        if args.command is None:
            parser.print_help()
            return EXIT_USAGE
        return int(args.run(args))
    except ProjectError as error:
        print(f"factcheck: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        # Outputs are written whole at the end, so an interrupted run leaves none behind.
        _say_once("factcheck: interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `factcheck validate | head`
        sys.stderr.close()
        return EXIT_CLEAN
    except OSError as error:  # an output that cannot be written: --output, --html, a new record
        where = f" {error.filename}" if error.filename else ""
        print(f"factcheck: cannot write{where}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # a bug in factcheck, never a problem in the input
        from validator.engine.run import WorkerLost

        if isinstance(error, WorkerLost):  # the machine's doing, not a bug: one line
            print(f"factcheck: {error}", file=sys.stderr)
            return EXIT_USAGE
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        print(
            f"factcheck: internal error: {type(error).__name__}: {error}\n"
            "factcheck: this is a bug; rerun with FACTCHECK_DEBUG=1 for the traceback",
            file=sys.stderr,
        )
        return EXIT_USAGE


def _say_once(line: str) -> None:
    """The interrupt's one line, with a second ^C ignored while it is said (it would end the
    process with a traceback in the middle of the line)."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals are not ours to set
        previous = None
    try:
        print(line, file=sys.stderr)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _parser(first: str | None = None) -> argparse.ArgumentParser:
    """The parser; with only the command `first` names when it names one (anything else, an
    option or a misspelt command, gets every command, so help and errors read as always)."""
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Validate a dataset of figures from the news: claims/ and sources/.",
    )
    parser.add_argument(
        "--version", action=_Version, nargs=0, help="show the version and data dates"
    )
    parser.set_defaults(command=None)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    asked = [module for module, names in COMMANDS.items() if first in names]
    for module in asked or COMMANDS:
        importlib.import_module(f"validator.cli.{module}").add(sub)
    return parser


class _Version(argparse.Action):
    """The rate table's last date, read only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        from validator.values import rates

        print(f"factcheck {__version__} (ECB exchange rates to {rates.data_last_date()})")
        parser.exit()
