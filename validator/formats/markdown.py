"""A Markdown summary: for $GITHUB_STEP_SUMMARY or a pull-request comment."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from validator.formats import summary
from validator.values.findings import Severity
from validator.values.text import markdown_text, visible

if TYPE_CHECKING:
    from validator.engine import Result
    from validator.workspace.project import Project

ICONS = {Severity.ERROR: "❌ error", Severity.WARNING: "⚠️ warning", Severity.INFO: "ℹ️ note"}


def code(text: str) -> str:
    """A code span that holds `text` whatever it holds: a fence longer than any run of
    backticks inside, control characters shown as escapes, and pipes escaped for the table."""
    shown = visible(text).replace("|", "\\|")
    fence = "`" * (_longest_run(shown, "`") + 1)
    pad = " " if "`" in shown else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def _longest_run(text: str, char: str) -> int:
    best = run = 0
    for c in text:
        run = run + 1 if c == char else 0
        best = max(best, run)
    return best


def report(result: Result, project: Project, out: TextIO, *, quiet: bool = False) -> None:
    failed = any(f.severity > Severity.INFO for f in result.findings)
    mark = "❌" if failed else "✅"
    out.write(f"## factcheck\n\n{mark} {summary(result)}\n")
    if not result.findings:
        return
    out.write("\n| file | line | rule | severity | message |\n| --- | ---: | --- | --- | --- |\n")
    for f in result.findings:
        out.write(
            f"| {code(f.path)} | {f.line}:{f.column} | `{f.code}` | {ICONS[f.severity]} "
            f"| {markdown_text(f.text)} |\n"
        )
