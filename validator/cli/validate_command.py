"""`factcheck validate [PATH ...]`: check claim and source files, report findings, exit 0/1/2."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from validator.cli.common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_USAGE,
    add_root,
    auto,
    fail,
    project_of,
)

if TYPE_CHECKING:
    from validator.engine import Result
    from validator.formats import Reporter
    from validator.workspace.project import Project

_LAST: list[object] = []

FORMAT_NAMES = ["auto", "text", "rich", "json", "sarif", "github", "junit", "markdown"]


def add(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    validate = sub.add_parser(
        "validate", help="check claim and source files (default: the whole dataset)"
    )
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders")
    validate.add_argument(
        "--format",
        choices=FORMAT_NAMES,
        default="auto",
        help="auto: github in GitHub Actions, rich in a terminal or with FORCE_COLOR set, "
        "text otherwise (NO_COLOR: rich without colour)",
    )
    validate.add_argument(
        "--output",
        action="append",
        default=[],
        metavar="[FORMAT=]FILE",
        help="also write a format to a file, named as FORMAT=FILE or by the file's ending "
        "(.sarif .json .xml .md .txt); repeatable",
    )
    validate.add_argument(
        "--changed",
        nargs="?",
        const="HEAD",
        metavar="REF",
        help="only the records changed since the merge base with git REF, committed or not, "
        "untracked or deleted (default HEAD: the uncommitted changes), and the claims citing "
        "or derived from them",
    )
    validate.add_argument(
        "--select", type=_codes, help="only these codes or prefixes, e.g. FC1,FC301"
    )
    validate.add_argument("--ignore", type=_codes, default=[], help="skip these codes or prefixes")
    validate.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "never"],
        default="error",
        help="lowest severity that makes the exit code 1, and a JUnit failure (default: error)",
    )
    add_root(validate, snapshots=True)
    validate.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="processes to read and check files with (default: one per core, for 1,000 claims "
        "or more)",
    )
    validate.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no summary line (text, github; rich keeps it when there are findings) and no "
        "'nothing changed' line for --changed; findings and the other formats are unchanged",
    )
    validate.set_defaults(command="validate", run=run)


def _codes(text: str) -> list[str]:
    return [c.strip().upper() for c in text.split(",") if c.strip()]


def run(args: argparse.Namespace) -> int:
    from validator import formats, rules
    from validator.engine import Selection, validate
    from validator.values.findings import Severity

    if args.select == []:  # `--select ''` would hide every finding and pass
        return fail("--select names no code; give codes or prefixes, such as FC1,FC301")
    unknown = rules.unknown_patterns((args.select or []) + args.ignore)
    if unknown:
        return fail(f"no rule matches {', '.join(unknown)}; see `factcheck rules`")
    outputs = _outputs(args.output)
    if outputs is None:
        return EXIT_USAGE
    project = project_of(args, args.paths[0] if args.paths else None)
    paths = args.paths
    if args.changed:
        from validator.engine.changes import GitError, changed_files, with_dependents

        try:
            paths = with_dependents(project, changed_files(project, args.changed))
        except GitError as error:
            return fail(f"--changed {args.changed}: {error}")
        if not paths:
            if not args.quiet:
                print(f"factcheck: no claim or source changed since {args.changed}")
            return EXIT_CLEAN
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    # The formats read findings only: each record is let go once its Summary is made.
    result = validate(project, paths, Selection(args.select, args.ignore), jobs=jobs, keep=False)
    # Kept past the return: freeing 10k records one by one as this frame ends is 3% of a run,
    # and the console entry leaves with os._exit, which frees them all at once. Only the last
    # run's result is held, so a program that calls main() again and again holds one.
    _LAST[:] = [result]
    threshold = None if args.fail_on == "never" else Severity.parse(args.fail_on)
    chosen = formats.get(auto(args.format, github=True), fail_on=threshold)
    chosen(result, project, sys.stdout, quiet=args.quiet)
    written: list[Path] = []
    try:
        for name, target in outputs:
            if _write(formats.get(name, fail_on=threshold), result, project, target):
                written.append(target)
    except KeyboardInterrupt:
        # An interrupted run leaves no output behind, not even the files it had finished.
        for target in written:
            target.unlink(missing_ok=True)
        raise
    if threshold is None:
        return EXIT_CLEAN
    return EXIT_FINDINGS if any(f.severity >= threshold for f in result.findings) else EXIT_CLEAN


def _outputs(specs: list[str]) -> list[tuple[str, Path]] | None:
    from validator.formats import FORMATS, SUFFIXES

    outputs = []
    for spec in specs:
        name, _, target = spec.partition("=") if "=" in spec else ("", "", spec)
        name = name or SUFFIXES.get(Path(target).suffix.lower(), "")
        if name not in FORMATS or not target:
            fail(
                f"--output {spec}: say the format, as FORMAT=FILE "
                f"({', '.join(FORMATS)}), or end the file name with {', '.join(SUFFIXES)}"
            )
            return None
        outputs.append((name, Path(target)))
    return outputs


def _write(reporter: Reporter, result: Result, project: Project, target: Path) -> bool:
    """Write one --output whole; True when it made a regular file (a device is written to)."""
    import io
    import stat

    from validator.workspace.writing import write_atomic

    buffer = io.StringIO()
    reporter(result, project, buffer)
    write_atomic(target, buffer.getvalue())
    return stat.S_ISREG(target.stat().st_mode)
