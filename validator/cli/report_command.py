"""`factcheck report`: the dataset for a reader, in a terminal, Markdown, JSON or an HTML page."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from validator.cli.common import EXIT_CLEAN, add_root, fail, project_of


def add(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help="the dataset for a reader: claims, verdicts, checks")
    report.add_argument("--format", choices=["auto", "rich", "markdown", "json"], default="auto")
    report.add_argument("--claim", metavar="ID", help="one claim in full")
    report.add_argument("--html", type=Path, metavar="DIR", help="also write a static HTML page")
    report.add_argument(
        "--base-url",
        metavar="URL",
        help="where the page will be published, for absolute ClaimReview addresses "
        "(default: [tool.factcheck] page_url)",
    )
    report.add_argument("-v", "--verbose", action="store_true", help="every check's arithmetic")
    add_root(report, snapshots=True)
    report.set_defaults(command="report", run=run)


def run(args: argparse.Namespace) -> int:
    from validator.engine import validate
    from validator.report import console, review

    project = project_of(args)
    built = review.build(validate(project, []))
    if args.claim and args.claim not in {r.claim.id for r in built.all_rows()}:
        return fail(f"no claim {args.claim}")
    name = args.format
    if name == "auto":
        name = "rich" if sys.stdout.isatty() or os.environ.get("FORCE_COLOR") else "markdown"
    writer = {"rich": console.terminal, "markdown": console.markdown, "json": console.as_json}
    writer[name](built, sys.stdout, claim=args.claim, verbose=args.verbose)
    if args.html:
        from validator.report import page
        from validator.workspace.project import settings
        from validator.workspace.writing import write_atomic

        config = settings(project.root)
        text = page.page(
            built,
            title=config.get("title", "Fact-check report"),
            reviewer=config.get("reviewer", "factcheck"),
            base_url=args.base_url or config.get("page_url"),
        )
        write_atomic(args.html / "index.html", text)
        print(f"wrote {args.html / 'index.html'}", file=sys.stderr)
    return EXIT_CLEAN
