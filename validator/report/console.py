"""`factcheck report`: the dataset for a reader, in the terminal, in Markdown or as JSON."""

from __future__ import annotations

import json
import re
import textwrap
from typing import TYPE_CHECKING, Any, TextIO

from validator.analysis.consistency import AnyCheck, PeriodMean
from validator.model.frozen import dump
from validator.model.vocabulary import RATING_SCALE
from validator.values.text import markdown_text, visible

if TYPE_CHECKING:
    from validator.report.review import Review, Row
    from validator.values.findings import Finding

COLOURS = {
    "accurate": "green",
    "mostly_accurate": "green3",
    "outdated": "yellow",
    "misleading": "dark_orange",
    "inaccurate": "red",
    "unverifiable": "grey62",
}


# What each word of the checks column means (validator/report/review.py GROUPS gives the codes).
LEGEND = {
    "record": "the file loads, follows the schema, and its ids and references resolve "
    "(FC0, FC1, FC2, FC5)",
    "figure": "value and unit are what as_written states, within range (FC3)",
    "dates": "the period or as-of date is in order and not after publication (FC4)",
    "conversion": "each equivalent in another currency or unit follows at the day's rate "
    "(FC602 to FC604)",
    "derivation": "a figure derived from others follows from them (FC605 to FC607)",
    "no conflict": "no claim on the same measure, place and period contradicts it, and an "
    "'accurate' verdict passes its checks (FC608, FC609)",
    "quote": "the quote stands in the source's text, and the figure in the quote (FC70x)",
}
LEGEND_NOTE = (
    "✓ passed, ✗ failed; a check that does not apply is not shown. A line marked 'note' "
    "(FC610) is information, not a failed check: what an equivalent would be at the mean "
    "rate of the figure's period."
)
NOTE = "note (FC610, not a failed check): at the mean rate of the figure's period, "
NARROW_INDENT = 4


def _arithmetic(check: AnyCheck) -> str:
    """A check's arithmetic, a period-mean rate marked as the note it is."""
    return NOTE + check.arithmetic if isinstance(check, PeriodMean) else check.arithmetic


def _title(review: Review, source_id: str) -> str:
    source = review.sources.get(source_id)
    if source is None:
        return source_id
    kind = source.kind.value.replace("_", " ")
    return f"{source.title} — {source.publisher}, {source.published} ({kind})"


def _checks(row: Row) -> str:
    return " ".join([f"{g} ✓" for g in row.passed] + [f"{g} ✗" for g in row.failed])


COLUMNS = (
    ("figure", 2),
    ("what it measures", 4),
    ("period", 2),
    ("claimant", 2),
    ("verdict", 2),
    ("checks", 3),
)


def _cells(row: Row) -> list[str]:
    """A row's cells as plain text; the checks one item a line."""
    return [
        row.figure,
        row.claim.measure,
        row.when,
        row.claim.claimant,
        row.label,
        "\n".join(_check_items(row)),
    ]


def _check_items(row: Row) -> list[str]:
    return [f"{g} ✓" for g in row.passed] + [f"{g} ✗" for g in row.failed]


def _table_width(review: Review) -> tuple[int, list[int]]:
    """The narrowest table in which no word is broken: each column as wide as its longest word
    (the checks column, its longest item), plus borders and padding."""
    from rich.cells import cell_len

    widths = [max(cell_len(w) for w in name.split()) for name, _ in COLUMNS]
    for row in review.all_rows():
        for i, cell in enumerate(_cells(row)):
            parts = cell.split("\n") if i == len(COLUMNS) - 1 else cell.split()
            widths[i] = max([widths[i], *(cell_len(visible(w)) for w in parts)])
    return sum(widths) + 3 * len(COLUMNS) + 1, widths


def terminal(
    review: Review, out: TextIO, *, claim: str | None = None, verbose: bool = False
) -> None:
    from rich.console import Console

    console = Console(file=out, highlight=False)
    if claim:
        _one(console, next(r for r in review.all_rows() if r.claim.id == claim))
        return
    needed, widths = _table_width(review)
    if console.width >= needed:
        _tables(console, review, widths)
    else:  # too narrow for a table without breaking words: one claim a block
        _stacked(console, review)
    width = console.width
    console.print("\n[bold]Consistency checks[/]")
    for row in review.all_rows():
        for check in row.checks:
            if check.arithmetic and (verbose or not isinstance(check, PeriodMean) or not check.ok):
                _print_wrapped(console, f"{row.claim.id}  {_arithmetic(check)}", width, 2)
    console.print("\n[bold]Checks[/]")
    key = max(len(name) for name in LEGEND)
    for name, meaning in LEGEND.items():
        _print_wrapped(console, f"{name.ljust(key)}  {meaning}", width, 2, key + 4)
    _print_wrapped(console, LEGEND_NOTE, width, 2)
    totals = ", ".join(f"{label} {n}" for label, n in review.totals().items())
    errors = sum(1 for f in review.findings if f.severity.label == "error")
    console.print()
    _print_wrapped(
        console,
        f"{len(review.all_rows())} claims: {totals}; {errors} errors in the dataset",
        width,
        0,
    )


def _tables(console: Any, review: Review, widths: list[int]) -> None:
    from rich.table import Table

    # Each column at least as wide as its longest word, the room left shared out by ratio.
    spare = console.width - (sum(widths) + 3 * len(COLUMNS) + 1)
    total = sum(ratio for _, ratio in COLUMNS)
    shares = [spare * ratio // total for _, ratio in COLUMNS]
    shares[1] += spare - sum(shares)
    for source_id, rows in review.rows.items():
        table = Table(title=_plain(_title(review, source_id)), title_justify="left")
        for (name, _), least, share in zip(COLUMNS, widths, shares, strict=True):
            table.add_column(name, width=least + share, overflow="fold")
        for row in rows:
            cells = [_plain(c) for c in _cells(row)[:-1]]
            cells.append("\n".join(_plain(item) for item in _check_items(row)))
            cells[4] = f"[{COLOURS[row.claim.verdict.rating]}]{cells[4]}[/]"
            table.add_row(*cells)
        console.print(table)


def _stacked(console: Any, review: Review) -> None:
    """Each claim as a block: the figure and verdict, then what it measures, when and who, and
    its checks, each wrapped between words (an item of the checks is never split)."""
    width = console.width
    for source_id, rows in review.rows.items():
        console.print()
        for line in _wrap(_title(review, source_id), width, 0):
            console.print(f"[bold]{_plain(line)}[/]", soft_wrap=True)
        console.print("─" * min(width, 78), soft_wrap=True)
        for row in rows:
            colour = COLOURS[row.claim.verdict.rating]
            head = _wrap(row.figure, width, 0, NARROW_INDENT)
            if len(head[-1]) + 2 + len(row.label) <= width:
                head[-1] = f"{_plain(head[-1])}  [{colour}]{_plain(row.label)}[/]"
                head[:-1] = [_plain(h) for h in head[:-1]]
            else:
                head = [_plain(h) for h in head] + [f"    [{colour}]{_plain(row.label)}[/]"]
            for line in head:
                console.print(line, soft_wrap=True)
            details = [
                row.claim.measure,
                " · ".join(x for x in (row.when, row.claim.claimant) if x),
            ]
            for text in details:
                _print_wrapped(console, text, width, NARROW_INDENT, NARROW_INDENT)
            items = [item.replace(" ", "\u00a0") for item in _check_items(row)]
            _print_wrapped(
                console, "checks: " + "  ".join(items), width, NARROW_INDENT, NARROW_INDENT + 8
            )
            console.print()


# An interval, "[£4.75M, £4.85M)": never split at its comma.
_INTERVAL = re.compile(r"([\[(][^\[\]()\s]*), ([^\[\]()\s]*[\])])")


def _wrap(text: str, width: int, indent: int, hanging: int | None = None) -> list[str]:
    """`text` in lines of at most `width` cells, broken only at spaces (textwrap breaks at none
    of the no-break spaces that glue an interval or a check's words together)."""
    glued = _INTERVAL.sub("\\1,\u00a0\\2", visible(text))
    lines = textwrap.wrap(
        glued,
        width=max(width, 20),
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent + (NARROW_INDENT if hanging is None else hanging - indent)),
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]
    return [line.replace("\u00a0", " ") for line in lines]


def _print_wrapped(
    console: Any, text: str, width: int, indent: int, hanging: int | None = None
) -> None:
    for line in _wrap(text, width, indent, hanging):
        console.print(_plain(line), soft_wrap=True)


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
        *(f"  {p(_arithmetic(check))}" for check in row.checks if check.arithmetic),
        # FC610 is the note shown with the arithmetic above
        *(f"  {_severity(f)} {p(f.text)}" for f in row.findings if f.code != "FC610"),
    ]
    console.print(Panel("\n".join(lines), title=c.id, title_align="left"))
    console.print("[bold]Checks[/]")
    shown = [name for name in LEGEND if name in row.passed or name in row.failed]
    key = max(len(name) for name in shown) if shown else 0
    for name in shown:
        _print_wrapped(console, f"{name.ljust(key)}  {LEGEND[name]}", console.width, 2, key + 4)
    _print_wrapped(console, LEGEND_NOTE, console.width, 2)


def _severity(finding: Finding) -> str:
    if finding.severity.label == "info":
        return f"[cyan]note {finding.code}[/]"
    return f"[red]{finding.severity.label} {finding.code}[/]"


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
    if claim:
        _markdown_one(review, out, next(r for r in review.all_rows() if r.claim.id == claim))
        return
    for source_id, rows in review.rows.items():
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
        for check in row.checks:
            if check.arithmetic:
                out.write(f"- `{row.claim.id}`: {_cell(_arithmetic(check))}\n")
    _markdown_legend(out, None)
    totals = ", ".join(f"{label} {n}" for label, n in review.totals().items())
    out.write(f"\n**{len(review.all_rows())} claims**: {totals}\n")


def _markdown_one(review: Review, out: TextIO, row: Row) -> None:
    """One claim in full, as `--claim` shows it in a terminal."""
    c, m = row.claim, _cell
    checked = ", ".join(f"`{s}`" for s in c.verdict.checked_against)
    out.write(f"\n## {m(c.id)}\n\n**{m(c.claim)}**\n\n")
    items = [
        f"quote: “{m(c.quote)}”",
        f"figure: {m(row.figure)} = {c.value} {m(c.unit)}"
        + (" (approximate)" if c.approximate else ""),
        f"measures: {m(c.measure)}",
        f"when: {row.when or '—'}",
        f"where: {m(c.geography or '—')}",
        f"claimant: {m(c.claimant)}",
        f"source: {m(_title(review, c.source))} (`{c.source}`)",
        f"primary source: {m(_title(review, c.primary_source)) if c.primary_source else '—'}",
        f"verdict: **{row.label}** — {m(' '.join(c.verdict.explanation.split()))}",
        f"checked against: {checked or 'nothing found'}",
        f"checks: {_checks(row)}",
    ]
    out.write("".join(f"- {item}\n" for item in items))
    arithmetic = [_arithmetic(check) for check in row.checks if check.arithmetic]
    if arithmetic:
        out.write("\n### Consistency checks\n\n")
        out.write("".join(f"- {m(a)}\n" for a in arithmetic))
    findings = [f for f in row.findings if f.code != "FC610"]  # the note above
    if findings:
        out.write("\n### Findings\n\n")
        for f in findings:
            kind = "note" if f.severity.label == "info" else f.severity.label
            out.write(f"- {kind} `{f.code}` {m(f.text)}\n")
    _markdown_legend(out, row)


def _markdown_legend(out: TextIO, row: Row | None) -> None:
    out.write("\n### Checks\n\n" if row else "\n## Checks\n\n")
    for name, meaning in LEGEND.items():
        if row is None or name in row.passed or name in row.failed:
            out.write(f"- **{name}**: {_cell(meaning)}\n")
    out.write(f"\n{_cell(LEGEND_NOTE)}\n")


def as_json(
    review: Review, out: TextIO, *, claim: str | None = None, verbose: bool = False
) -> None:
    rows = [r for r in review.all_rows() if claim is None or r.claim.id == claim]
    payload = {
        "claims": [
            {
                **dump(r.claim, exclude_defaults=True),
                "verdict_label": r.label,
                "rating_value": RATING_SCALE[r.claim.verdict.rating][1],
                "checks_passed": r.passed,
                "checks_failed": r.failed,
                "arithmetic": [c.arithmetic for c in r.checks if c.arithmetic],
                "notes": [c.arithmetic for c in r.checks if isinstance(c, PeriodMean)],
                "findings": [
                    {
                        "code": f.code,
                        "severity": f.severity.label,
                        "line": f.line,
                        "column": f.column,
                        "message": f.message,
                        "hint": f.hint,
                    }
                    for f in r.findings
                ],
            }
            for r in rows
        ],
        "checks": LEGEND,
        "totals": review.totals(),
    }
    json.dump(payload, out, indent=2, ensure_ascii=False)
    out.write("\n")
