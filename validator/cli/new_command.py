"""`factcheck new` and `factcheck new-source`: scaffold a record from flags, or by asking."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from validator.cli.common import EXIT_CLEAN, EXIT_FINDINGS, add_root, fail, project_of

if TYPE_CHECKING:
    from validator.workspace.project import Project

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
        if command == "new":
            parser.add_argument(
                "--from-snapshot",
                metavar="SOURCE_ID",
                help="a draft claim for every figure in that source's snapshot that no claim "
                "covers and no set-aside names (no other flag then)",
            )
        add_root(parser, snapshots=command == "new")
        parser.set_defaults(command=command, run=run)


def run(args: argparse.Namespace) -> int:
    from validator.cli import scaffold
    from validator.engine import Selection, validate
    from validator.values.findings import Severity
    from validator.workspace.project import display

    project = project_of(args)
    if getattr(args, "from_snapshot", None) is not None:
        return from_snapshot(args, project)
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


def from_snapshot(args: argparse.Namespace, project: Project) -> int:
    """`factcheck new --from-snapshot SOURCE_ID`: drafts for the figures no claim covers."""
    from validator.analysis.coverage import cover, covering_claims
    from validator.cli import scaffold
    from validator.engine import Selection, validate
    from validator.workspace.project import display

    given = [flag for flag, _ in CLAIM_FLAGS if getattr(args, flag[2:].replace("-", "_"))]
    if given:
        return fail(f"--from-snapshot writes drafts from the source's text: leave out {given[0]}")
    source_id = args.from_snapshot
    loaded = validate(project, [], Selection(select=["FC0", "FC1"]))
    dataset = loaded.dataset
    record = dataset.source(source_id)
    if record is None:
        known = dataset.known("source")
        return fail(
            f"no source '{source_id}'{scaffold.did_you_mean(source_id, known)}; "
            "add it first with `factcheck new-source`"
        )
    shot = loaded.analysis.snapshot(source_id)
    if shot is None:
        where = project.snapshots or "no snapshot folder"
        return fail(
            f"no snapshot of '{source_id}' ({where}): put its text in {source_id}.txt there, "
            "or name a folder with --snapshots"
        )
    found = cover(record.model, shot.text, covering_claims(loaded.analysis.across))
    uncovered = [(c.mention.start, c.mention.end, c.mention.text) for c in found if not c.ok]
    drafts, skipped = scaffold.drafts(project, record.model, shot.text, uncovered)
    written = scaffold.write_drafts(drafts)
    for line in skipped:
        print(f"factcheck: {line}", file=sys.stderr)
    for path in written:
        print(f"wrote {display(path)}")
    if not uncovered:
        print(f"every figure in the snapshot of '{source_id}' is covered or set aside")
        return EXIT_CLEAN
    print(
        f"{len(written)} drafts from {display(shot.path)}. Next: in each, write claim, measure, "
        "claimant and a verdict checked against the primary source, then remove the draft "
        "tag; a figure that is not a claim is set aside in the source record with a reason "
        "(and its draft deleted). `factcheck validate` reports each draft until then."
    )
    return EXIT_CLEAN
