"""`factcheck new` and `factcheck new-source`: scaffold a record from flags, or by asking."""

from __future__ import annotations

import argparse
import sys

from validator.cli.common import EXIT_CLEAN, EXIT_FINDINGS, add_root, fail, project_of

CLAIM_FLAGS = (
    ("--source", "id of the source the figure appears in"),
    ("--quote", "the sentence that carries the figure, verbatim"),
    ("--as-written", "the figure exactly as written, e.g. '£4.8 million'"),
    ("--claim", "what is claimed, in plain words"),
    ("--measure", "what is counted or measured"),
    ("--claimant", "who claims it"),
    ("--id", "the claim's id (default: a slug of claimant and measure)"),
)
SOURCE_FLAGS = (
    ("--title", "the source's title"),
    ("--publisher", "who published it"),
    ("--kind", "article, press_release, statement, report, ..."),
    ("--published", "publication date, YYYY-MM-DD"),
    ("--url", "where it is published (leave out if not known)"),
    ("--author", "the byline (leave out if none)"),
    ("--id", "the source's id (default: a slug of publisher, date and title)"),
)


def add(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    for command, flags, text in (
        ("new", CLAIM_FLAGS, "scaffold a claim (asks for what the flags leave out)"),
        ("new-source", SOURCE_FLAGS, "scaffold a source record"),
    ):
        parser = sub.add_parser(command, help=text)
        for flag, help_text in flags:
            parser.add_argument(flag, help=help_text)
        add_root(parser)
        parser.set_defaults(command=command, run=run)


def run(args: argparse.Namespace) -> int:
    from validator.cli import scaffold
    from validator.engine import Selection, validate
    from validator.values.findings import Severity
    from validator.workspace.project import display

    project = project_of(args)
    flags = CLAIM_FLAGS if args.command == "new" else SOURCE_FLAGS
    names = [flag[2:].replace("-", "_") for flag, _ in flags]
    fields = scaffold.Fields(
        {name: getattr(args, name) for name in names}, input if sys.stdin.isatty() else None
    )
    try:
        if args.command == "new":
            loaded = validate(project, project.files("source"), Selection(select=["FC0", "FC1"]))
            sources = [(r.model.id, r.model.title) for r in loaded.dataset.sources]
            path, next_steps = scaffold.new_claim(project, fields, sources)
        else:
            path, next_steps = scaffold.new_source(project, fields)
    except scaffold.Refused as refused:
        return fail(str(refused))
    result = validate(project, [path])
    for f in result.findings:
        print(f"{f.path}:{f.line}:{f.column}: {f.code} {f.text}")
    print(f"wrote {display(path)}\n{next_steps}")
    failed = any(f.severity >= Severity.ERROR for f in result.findings)
    return EXIT_FINDINGS if failed else EXIT_CLEAN
