"""Plain `path:line:col: CODE message` lines, for CI logs, editors and grep."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from validator.formats import summary
from validator.values.text import visible

if TYPE_CHECKING:
    from validator.engine import Result
    from validator.workspace.project import Project


def report(result: Result, project: Project, out: TextIO, *, quiet: bool = False) -> None:
    for f in result.findings:
        # One line per finding, whatever the file name or message holds: an input cannot
        # print a line of its own, nor a terminal control.
        out.write(f"{visible(f.path)}:{f.line}:{f.column}: {f.code} {visible(f.text)}\n")
    if not quiet:
        out.write(f"factcheck: {summary(result)}\n")
