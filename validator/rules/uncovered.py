"""FC705: every figure in a source's snapshot is a claim or set aside with a reason."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.values.findings import Example, Finding, Rule, Severity
from validator.workspace.project import display

if TYPE_CHECKING:
    from validator.analysis.summary import Across

UNCOVERED = Rule(
    "FC705",
    "uncovered-figure",
    "A figure in a source's snapshot is covered by no claim and not set aside.",
    "Every number in a source is either a claim (its quote holds it and its as_written "
    "states it) or set aside in the source record with a reason (page furniture, a phrase "
    "such as 'on the one hand'). Reported where the source record is checked, at the figure's "
    "place in the snapshot; a waiver of FC705 in the source record covers its snapshot. "
    "A claim file that does not load still accounts for its own figure (its own findings say "
    "what to fix), and so do the claims not being checked when a source is checked alone. "
    "`factcheck coverage` lists every figure.",
    Example(
        "snapshots/the-article.txt:2:5: FC705 figure '29' in 'the-article' is not covered by "
        "any claim; add a claim for it, or set it aside in sources/the-article.yaml with a reason",
        snapshot=(
            "the recovery of £4.8 million ($5.9 million), all between October and December "
            "last year\nand 29 threats to life.\n"
        ),
    ),
    severity=Severity.WARNING,
)
RULES = (UNCOVERED,)


def uncovered(across: Across) -> Iterator[Finding]:
    from validator.analysis.coverage import MAX_MENTIONS, Unloaded, cover, covering_claims

    claims: list[Unloaded] | None = None
    for record in across.sources:
        source = record.model
        shot = across.snapshot(source.id)
        if shot is None:
            continue
        if claims is None:  # read once, and only where there is a snapshot to cover
            claims = covering_claims(across)
        found = cover(source, shot.text, claims)
        if len(found) == MAX_MENTIONS:
            last = found[-1].mention
            yield UNCOVERED.at(
                display(shot.path),
                last.line,
                last.column,
                f"'{source.id}' holds over {MAX_MENTIONS:,} figures: those after this one are "
                "not checked",
                "a source text is an article or a report, not a table of numbers",
                record=record.display,
            )
        for covered in found:
            if not covered.ok:
                m = covered.mention
                yield UNCOVERED.at(
                    display(shot.path),
                    m.line,
                    m.column,
                    f"figure '{m.text}' in '{source.id}' is not covered by any claim",
                    f"add a claim for it, or set it aside in {record.display} with a reason",
                    record=record.display,
                )


# Each record on its own (a worker runs these on its part), then between records.
CHECKS = ()
CHECKS_ACROSS = ((UNCOVERED, uncovered),)
