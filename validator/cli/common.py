"""What every command shares: exit codes, the project it works on, the format chosen by `auto`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from validator.workspace.project import Project

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

SNAPSHOTS_HELP = (
    "folder of source texts, <source id>.txt (default: $FACTCHECK_SNAPSHOTS, "
    "or [tool.factcheck] snapshots)"
)
ROOT_HELP = (
    "the repository root: the folder with claims/ and sources/ (default: found upwards from "
    "the first PATH, or else from the working directory)"
)
# The commands that create record folders as they write into them: a repository with no
# sources/ yet is one to start, not a mistake.
MAKES_RECORDS = ("new", "new-source")


def add_root(parser: argparse.ArgumentParser, *, snapshots: bool = False) -> None:
    parser.add_argument("--root", type=Path, help=ROOT_HELP)
    if snapshots:
        parser.add_argument("--snapshots", type=Path, metavar="DIR", help=SNAPSHOTS_HELP)


def project_of(args: argparse.Namespace, start: Path | None = None) -> Project:
    from dataclasses import replace

    from validator.workspace import project as projects

    project = projects.find(start, args.root.absolute() if args.root else None)
    if args.command not in MAKES_RECORDS:
        projects.require_records(project)
    if getattr(args, "snapshots", None):
        project = replace(project, snapshots=args.snapshots.absolute())
    return project


def auto(name: str, *, github: bool = False) -> str:
    """The format `auto` stands for here: GitHub annotations in Actions, rich in a terminal or
    when FORCE_COLOR is set (force-color.org: any value but the empty one), text otherwise.
    NO_COLOR (no-color.org) takes the colour out of rich, which reads both itself."""
    if name != "auto":
        return name
    if github and os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    forced = os.environ.get("FORCE_COLOR", "") != ""
    return "rich" if forced or sys.stdout.isatty() else "text"


def fail(message: str) -> int:
    """A usage error: one line on stderr, exit 2."""
    print(f"factcheck: {message}", file=sys.stderr)
    return EXIT_USAGE
