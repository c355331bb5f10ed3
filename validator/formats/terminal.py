"""The human report: findings grouped by file, the offending line under each, and a summary."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from validator.formats import summary
from validator.load import MAX_BYTES
from validator.values.findings import Severity
from validator.values.text import visible

if TYPE_CHECKING:
    from validator.engine import Result
    from validator.workspace.project import Project


@lru_cache(maxsize=64)
def _lines(path: str) -> list[str]:
    try:
        if os.path.getsize(path) > MAX_BYTES:
            return []
        with open(path, "rb") as handle:
            return handle.read().decode("utf-8-sig", errors="replace").splitlines()
    except (OSError, ValueError):  # a name with a NUL byte in it is no file at all
        return []


def source_line(path: str, line: int) -> str:
    """The text of a line of a file with findings, read when the report needs it."""
    lines = _lines(path)
    return lines[line - 1] if 0 < line <= len(lines) else ""


STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def report(result: Result, project: Project, out: TextIO, *, quiet: bool = False) -> None:
    console = Console(file=out, highlight=False)
    current = None
    for f in result.findings:
        if f.path != current:
            if current is not None:
                console.print()
            console.print(Text(visible(f.path), style="bold underline"))
            current = f.path
        console.print(
            f"  [dim]{f.line}:{f.column}[/]  [{STYLES[f.severity]}]{f.code}[/] "
            + escape(visible(f.message))
        )
        line = source_line(f.path, f.line)
        if line.strip():
            gutter = f"  {f.line:>4} │ "
            shown = visible(line.replace("\t", " "))
            console.print(Text(gutter, style="dim") + Text(shown), soft_wrap=True)
            caret = len(visible(line[: f.column - 1].replace("\t", " ")))
            console.print(" " * (len(gutter) + caret) + "[bold]^[/]")
        if f.hint:
            console.print(f"        [green]hint:[/] {escape(visible(f.hint))}")
    if result.findings:
        console.print()
    if not quiet or result.findings:
        mark = "[bold red]✗[/]" if result.findings else "[bold green]✓[/]"
        console.print(f"{mark} {escape(summary(result))}")
