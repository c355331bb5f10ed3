"""`factcheck report`: the dataset for a reader, in the terminal, in Markdown or as JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from validator.analysis.consistency import PeriodMean
from validator.model.records import RATING_SCALE
from validator.values.text import markdown_text, visible

if TYPE_CHECKING:
    from validator.report.review import Review, Row

COLOURS = {
    "accurate": "green",
    "mostly_accurate": "green3",
    "outdated": "yellow",
    "misleading": "dark_orange",
    "inaccurate": "red",
    "unverifiable": "grey62",
}


def _title(review: Review, source_id: str) -> str:
    source = review.sources.get(source_id)
    if source is None:
        return source_id
    kind = source.kind.value.replace("_", " ")
    return f"{source.title} — {source.publisher}, {source.published} ({kind})"


def _checks(row: Row) -> str:
    return " ".join([f"{g} ✓" for g in row.passed] + [f"{g} ✗" for g in row.failed])


def terminal(
    review: Review, out: TextIO, *, claim: str | None = None, verbose: bool = False
) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, highlight=False)
    if claim:
        _one(console, next(r for r in review.all_rows() if r.claim.id == claim))
        return
    for source_id, rows in review.rows.items():
        table = Table(title=_title(review, source_id), title_justify="left", expand=True)
        for name, ratio in (
            ("figure", 2),
            ("what it measures", 4),
            ("period", 2),
            ("claimant", 2),
            ("verdict", 2),
            ("checks", 3),
        ):
            table.add_column(name, ratio=ratio, overflow="fold")
        for row in rows:
            colour = COLOURS[row.claim.verdict.rating]
            table.add_row(
                _plain(row.figure),
                _plain(row.claim.measure),
                row.when,
                _plain(row.claim.claimant),
                f"[{colour}]{row.label}[/]",
                _checks(row),
            )
        console.print(table)
    console.print("\n[bold]Consistency checks[/]")
    for row in review.all_rows():
        for check in row.checks:
            if check.arithmetic and (verbose or not isinstance(check, PeriodMean) or not check.ok):
                console.print(f"  [dim]{row.claim.id}[/]  {_plain(check.arithmetic)}")
    totals = ", ".join(f"{label} {n}" for label, n in review.totals().items())
    errors = sum(1 for f in review.findings if f.severity.label == "error")
    console.print(
        f"\n[bold]{len(review.all_rows())} claims[/]: {totals}; {errors} errors in the dataset"
    )


def _one(console: Any, row: Row) -> None:
    from rich.panel import Panel

    c = row.claim
    p = _plain
    lines = [
        f"[bold]{p(c.claim)}[/]",
        f"quote: “{p(c.quote)}”",
        f"figure: {p(row.figure)} = {c.value} {c.unit}"
        + (" (approximate)" if c.approximate else ""),
        f"measures: {p(c.measure)}",
        f"when: {row.when or '—'}    where: {p(c.geography or '—')}",
        f"claimant: {p(c.claimant)}    source: {c.source}",
        f"primary source: {c.primary_source or '—'}",
        f"verdict: [{COLOURS[c.verdict.rating]}]{row.label}[/] — {p(c.verdict.explanation)}",
        f"checked against: {', '.join(c.verdict.checked_against) or 'nothing found'}",
        f"checks: {_checks(row)}",
        *(f"  {p(check.arithmetic)}" for check in row.checks if check.arithmetic),
        *(f"  [red]{f.code}[/] {p(f.text)}" for f in row.findings),
    ]
    console.print(Panel("\n".join(lines), title=c.id, title_align="left"))


def _plain(text: str) -> str:
    """Text from a record for the terminal: nothing hidden, and no rich markup obeyed."""
    from rich.markup import escape

    return escape(visible(text))


def _cell(text: str) -> str:
    return markdown_text(text)


def markdown(
    review: Review, out: TextIO, *, claim: str | None = None, verbose: bool = False
) -> None:
    out.write("# Fact-check report\n")
    for source_id, rows in review.rows.items():
        if claim:
            rows = [r for r in rows if r.claim.id == claim]
            if not rows:
                continue
        out.write(f"\n## {_cell(_title(review, source_id))}\n\n")
        out.write("| figure | what it measures | period | claimant | verdict | checks |\n")
        out.write("| --- | --- | --- | --- | --- | --- |\n")
        for row in rows:
            out.write(
                f"| {_cell(row.figure)} | {_cell(row.claim.measure)} | {row.when} | "
                f"{_cell(row.claim.claimant)} | **{row.label}** | {_checks(row)} |\n"
            )
    out.write("\n## Consistency checks\n\n")
    for row in review.all_rows():
        if claim and row.claim.id != claim:
            continue
        for check in row.checks:
            if check.arithmetic:
                out.write(f"- `{row.claim.id}`: {_cell(check.arithmetic)}\n")
    totals = ", ".join(f"{label} {n}" for label, n in review.totals().items())
    out.write(f"\n**{len(review.all_rows())} claims**: {totals}\n")


def as_json(
    review: Review, out: TextIO, *, claim: str | None = None, verbose: bool = False
) -> None:
    rows = [r for r in review.all_rows() if claim is None or r.claim.id == claim]
    payload = {
        "claims": [
            {
                **r.claim.model_dump(mode="json", exclude_defaults=True),
                "verdict_label": r.label,
                "rating_value": RATING_SCALE[r.claim.verdict.rating][1],
                "checks_passed": r.passed,
                "checks_failed": r.failed,
                "arithmetic": [c.arithmetic for c in r.checks if c.arithmetic],
            }
            for r in rows
        ],
        "totals": review.totals(),
    }
    json.dump(payload, out, indent=2, ensure_ascii=False)
    out.write("\n")
