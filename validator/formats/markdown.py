"""A Markdown summary: for $GITHUB_STEP_SUMMARY or a pull-request comment."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from validator.formats import summary
from validator.values.findings import Severity

if TYPE_CHECKING:
    from validator.engine import Result
    from validator.workspace.project import Project

ICONS = {Severity.ERROR: "❌ error", Severity.WARNING: "⚠️ warning", Severity.INFO: "ℹ️ note"}


def cell(text: str) -> str:
    """Text safe inside a table cell: no pipe or line break may end the cell early."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def report(result: Result, project: Project, out: TextIO, *, quiet: bool = False) -> None:
    failed = any(f.severity > Severity.INFO for f in result.findings)
    mark = "❌" if failed else "✅"
    out.write(f"## factcheck\n\n{mark} {summary(result)}\n")
    if not result.findings:
        return
    out.write("\n| file | line | rule | severity | message |\n| --- | ---: | --- | --- | --- |\n")
    for f in result.findings:
        out.write(
            f"| `{cell(f.path)}` | {f.line}:{f.column} | `{f.code}` | {ICONS[f.severity]} "
            f"| {cell(f.text)} |\n"
        )
