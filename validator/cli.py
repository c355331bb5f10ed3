"""The `factcheck` command line: its options, and the dispatch to validator/commands.py."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from validator import __version__, commands
from validator.commands import EXIT_CLEAN, EXIT_USAGE

SNAPSHOTS_HELP = (
    "folder of source texts, <source id>.txt (default: $FACTCHECK_SNAPSHOTS, "
    "or [tool.factcheck] snapshots)"
)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `factcheck validate | head`
        sys.stderr.close()
        return EXIT_CLEAN
    except OSError as error:  # an output that cannot be written: --output, --html, a new record
        where = f" {error.filename}" if error.filename else ""
        print(f"factcheck: cannot write{where}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # a bug in factcheck, never a problem in the input
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        print(
            f"factcheck: internal error: {type(error).__name__}: {error}\n"
            "factcheck: this is a bug; rerun with FACTCHECK_DEBUG=1 for the traceback",
            file=sys.stderr,
        )
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Validate a dataset of figures from the news: claims/ and sources/.",
    )
    parser.add_argument(
        "--version", action=_Version, nargs=0, help="show the version and data dates"
    )
    parser.set_defaults(command=None)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    validate = sub.add_parser(
        "validate", help="check claim and source files (default: the whole dataset)"
    )
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders")
    validate.add_argument(
        "--format",
        choices=["auto", "text", "rich", "json", "sarif", "github", "junit", "markdown"],
        default="auto",
        help="auto: github in GitHub Actions, rich in a terminal, text otherwise",
    )
    validate.add_argument(
        "--output",
        action="append",
        default=[],
        metavar="[FORMAT=]FILE",
        help="also write a format to a file, by its ending (.sarif .json .xml .md .txt)",
    )
    validate.add_argument(
        "--changed",
        nargs="?",
        const="HEAD",
        metavar="REF",
        help="only records changed since git REF (default HEAD: uncommitted) and their dependents",
    )
    validate.add_argument(
        "--select", type=_codes, help="only these codes or prefixes, e.g. FC1,FC301"
    )
    validate.add_argument("--ignore", type=_codes, default=[], help="skip these codes or prefixes")
    validate.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "never"],
        default="error",
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    validate.add_argument("--root", type=Path, help="the repository root (default: found upwards)")
    validate.add_argument("--snapshots", type=Path, metavar="DIR", help=SNAPSHOTS_HELP)
    validate.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="processes to read files with (default: one per core, for 400 files or more)",
    )
    validate.add_argument("-q", "--quiet", action="store_true", help="no summary line when clean")
    validate.set_defaults(command="validate", run=commands.validate)

    coverage = sub.add_parser(
        "coverage", help="list every figure in source snapshots and its claim"
    )
    coverage.add_argument("sources", nargs="*", metavar="SOURCE_ID", help="default: every snapshot")
    coverage.add_argument("--format", choices=["auto", "text", "rich", "json"], default="auto")
    coverage.add_argument("--root", type=Path, help="the repository root (default: found upwards)")
    coverage.add_argument("--snapshots", type=Path, metavar="DIR", help=SNAPSHOTS_HELP)
    coverage.set_defaults(command="coverage", run=commands.coverage)

    new = sub.add_parser("new", help="scaffold a claim (asks for what the flags leave out)")
    for flag, text in (
        ("--source", "id of the source the figure appears in"),
        ("--quote", "the sentence that carries the figure, verbatim"),
        ("--as-written", "the figure exactly as written, e.g. '£4.8 million'"),
        ("--claim", "what is claimed, in plain words"),
        ("--measure", "what is counted or measured"),
        ("--claimant", "who claims it"),
        ("--id", "the claim's id (default: a slug of claimant and measure)"),
    ):
        new.add_argument(flag, help=text)
    new.add_argument("--root", type=Path, help="the repository root (default: found upwards)")
    new.set_defaults(command="new", run=commands.new)

    new_source = sub.add_parser("new-source", help="scaffold a source record")
    for flag, text in (
        ("--title", "the source's title"),
        ("--publisher", "who published it"),
        ("--kind", "article, press_release, statement, report, ..."),
        ("--published", "publication date, YYYY-MM-DD"),
        ("--url", "where it is published (leave out if not known)"),
        ("--author", "the byline (leave out if none)"),
        ("--id", "the source's id (default: a slug of publisher, date and title)"),
    ):
        new_source.add_argument(flag, help=text)
    new_source.add_argument(
        "--root", type=Path, help="the repository root (default: found upwards)"
    )
    new_source.set_defaults(command="new-source", run=commands.new)

    report = sub.add_parser("report", help="the dataset for a reader: claims, verdicts, checks")
    report.add_argument("--format", choices=["auto", "rich", "markdown", "json"], default="auto")
    report.add_argument("--claim", metavar="ID", help="one claim in full")
    report.add_argument("--html", type=Path, metavar="DIR", help="also write a static HTML page")
    report.add_argument("-v", "--verbose", action="store_true", help="every check's arithmetic")
    report.add_argument("--root", type=Path, help="the repository root (default: found upwards)")
    report.add_argument("--snapshots", type=Path, metavar="DIR", help=SNAPSHOTS_HELP)
    report.set_defaults(command="report", run=commands.report)

    export = sub.add_parser(
        "export", help="ClaimReview JSON-LD, CSV, or a Frictionless data package"
    )
    export.add_argument("--format", choices=["claimreview", "csv", "datapackage"], required=True)
    export.add_argument(
        "--output", type=Path, help="a file (a folder for datapackage; default: datapackage/)"
    )
    export.add_argument("--root", type=Path, help="the repository root (default: found upwards)")
    export.add_argument(
        "--url",
        help="each review's address, with {id}: https://example.org/claims/{id} "
        "(default: [tool.factcheck] review_url)",
    )
    export.add_argument("--reviewer", help="who reviews (default: [tool.factcheck] reviewer)")
    export.add_argument("--snapshots", type=Path, metavar="DIR", help=SNAPSHOTS_HELP)
    export.add_argument("--date", help="the reviews' publication date (default: today)")
    export.set_defaults(command="export", run=commands.export)

    listing = sub.add_parser("rules", help="list the rules")
    listing.add_argument("--format", choices=["text", "json"], default="text")
    listing.set_defaults(command="rules", run=commands.rules)

    explain = sub.add_parser("explain", help="explain a rule")
    explain.add_argument("code", help="a rule code such as FC301")
    explain.set_defaults(command="explain", run=commands.explain)

    schema = sub.add_parser("schema", help="write schema/*.json from the models")
    schema.add_argument(
        "--check", action="store_true", help="fail if the committed schemas are stale"
    )
    schema.add_argument("--root", type=Path, help="the repository root (default: found upwards)")
    schema.set_defaults(command="schema", run=commands.schema)
    return parser


class _Version(argparse.Action):
    """Reading the ECB data's date costs a zip read: only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        from validator import money

        print(f"factcheck {__version__} (ECB exchange rates to {money.data_last_date()})")
        parser.exit()


def _codes(text: str) -> list[str]:
    return [c.strip().upper() for c in text.split(",") if c.strip()]
