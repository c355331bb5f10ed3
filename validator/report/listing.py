"""`factcheck coverage` output: every figure in a source's snapshot and what accounts for it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from validator.workspace.project import display

if TYPE_CHECKING:
    from validator.analysis.coverage import Covered
    from validator.analysis.snapshots import Snapshot

Table = list[tuple[str, "Snapshot", list["Covered"]]]


def _status(c: Covered) -> str:
    if c.claim:
        return c.claim
    return f"set aside: {c.set_aside}" if c.set_aside else "NOT COVERED"


def summary(table: Table) -> str:
    rows = [c for _, _, found in table for c in found]
    claimed = sum(1 for c in rows if c.claim)
    aside = sum(1 for c in rows if c.set_aside)
    missing = len(rows) - claimed - aside
    return (
        f"{len(rows)} figures in {len(table)} source{'s' if len(table) != 1 else ''}: "
        f"{claimed} claimed, {aside} set aside, {missing} not covered"
    )


def text(table: Table, out: TextIO) -> None:
    for _, shot, found in table:
        for c in found:
            m = c.mention
            out.write(f"{display(shot.path)}:{m.line}:{m.column}: {m.text} -> {_status(c)}\n")
    out.write(f"factcheck: {summary(table)}\n")


def as_json(table: Table, out: TextIO) -> None:
    payload = {
        "summary": summary(table),
        "sources": [
            {
                "id": source_id,
                "snapshot": display(shot.path),
                "figures": [
                    {
                        "line": c.mention.line,
                        "column": c.mention.column,
                        "text": c.mention.text,
                        "claim": c.claim,
                        "set_aside": c.set_aside,
                        "covered": c.ok,
                    }
                    for c in found
                ],
            }
            for source_id, shot, found in table
        ],
    }
    json.dump(payload, out, indent=2, ensure_ascii=False)
    out.write("\n")


def rich(table: Table, out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    console = Console(file=out, highlight=False)
    for source_id, shot, found in table:
        grid = RichTable(title=f"{source_id}  ({display(shot.path)})", title_justify="left")
        grid.add_column("where", style="dim", no_wrap=True)
        grid.add_column("figure", no_wrap=True)
        grid.add_column("accounted for by")
        for c in found:
            style = "green" if c.claim else ("yellow" if c.set_aside else "bold red")
            status = _status(c)
            grid.add_row(
                f"{c.mention.line}:{c.mention.column}", c.mention.text, f"[{style}]{status}[/]"
            )
        console.print(grid)
    missing = any(not c.ok for _, _, found in table for c in found)
    console.print(f"{'[bold red]✗' if missing else '[bold green]✓'}[/] {summary(table)}")
