"""The human report: findings grouped by file, the offending line under each, and a summary."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from validator.findings import Severity
from validator.reporters import summary

if TYPE_CHECKING:
    from validator.engine import Result
    from validator.project import Project

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def report(result: Result, project: Project, out: TextIO, *, quiet: bool = False) -> None:
    console = Console(file=out, highlight=False)
    current = None
    for f in result.findings:
        if f.path != current:
            if current is not None:
                console.print()
            console.print(Text(f.path, style="bold underline"))
            current = f.path
        console.print(
            f"  [dim]{f.line}:{f.column}[/]  [{STYLES[f.severity]}]{f.code}[/] {escape(f.message)}"
        )
        doc = result.documents.get(f.path)
        line = doc.source_line(f.line) if doc else ""
        if line.strip():
            gutter = f"  {f.line:>4} │ "
            console.print(Text(gutter, style="dim") + Text(line.expandtabs(1)), soft_wrap=True)
            console.print(" " * (len(gutter) + f.column - 1) + "[bold]^[/]")
        if f.hint:
            console.print(f"        [green]hint:[/] {escape(f.hint)}")
    if result.findings:
        console.print()
    if not quiet or result.findings:
        mark = "[bold red]✗[/]" if result.findings else "[bold green]✓[/]"
        console.print(f"{mark} {escape(summary(result))}")
