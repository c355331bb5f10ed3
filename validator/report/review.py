"""The dataset as a reader sees it: each claim with its verdict, the checks it passed, and the
arithmetic behind them. `factcheck report` and the exports are built from this one value."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from validator.analysis.consistency import AnyCheck
from validator.model.plain import Claim, Source
from validator.model.vocabulary import RATING_SCALE, Rating
from validator.values.findings import Finding, Severity
from validator.values.text import find_passage, fold

if TYPE_CHECKING:
    from validator.analysis import Analysis
    from validator.engine import Result
    from validator.model.build import Record

# Which rule codes speak for which check a reader would name.
GROUPS = {
    "record": ("FC0", "FC1", "FC2", "FC5"),
    "figure": ("FC3",),
    "dates": ("FC4",),
    "conversion": ("FC602", "FC603", "FC604"),
    "derivation": ("FC605", "FC606", "FC607"),
    "no conflict": ("FC608", "FC609"),
    "quote": ("FC70",),
}


@dataclass
class Row:
    record: Record[Claim]
    claim: Claim
    checks: list[AnyCheck]
    findings: list[Finding]
    passed: list[str]
    failed: list[str]

    @property
    def label(self) -> str:
        return RATING_SCALE[self.claim.verdict.rating][0]

    @property
    def when(self) -> str:
        c = self.claim
        if c.period:
            return f"{c.period.start} to {c.period.end}"
        return f"as of {c.as_of}" if c.as_of else ""

    @property
    def figure(self) -> str:
        c = self.claim
        text = f"({c.as_written})" if c.implied else c.as_written  # implied: not printed
        extra = "".join(f" ({e.as_written})" for e in c.equivalents)
        return text + extra + (f" per {c.per}" if c.per else "")


@dataclass
class Review:
    sources: dict[str, Source]
    rows: dict[str, list[Row]] = field(default_factory=dict)  # by the source they appear in
    findings: list[Finding] = field(default_factory=list)

    def all_rows(self) -> list[Row]:
        return [row for rows in self.rows.values() for row in rows]

    def totals(self) -> dict[str, int]:
        counts = dict.fromkeys((RATING_SCALE[r][0] for r in Rating), 0)
        for row in self.all_rows():
            counts[row.label] += 1
        return {k: v for k, v in counts.items() if v}


def build(result: Result) -> Review:
    analysis = result.analysis
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        by_file[f.owner].append(f)
    sources = {r.model.id: r.model for r in analysis.dataset.sources}
    review = Review(sources, findings=result.findings)
    claims = sorted(analysis.dataset.claims, key=lambda r: _reading_order(analysis, r.model))
    for record in claims:
        claim = record.model
        # A claim's own checks hold its record; those between claims, its Summary.
        mine = [c for c in analysis.checks if c.record.display == record.display]
        found = by_file.get(record.display, [])
        passed, failed = _outcome(analysis, claim, found)
        row = Row(record, claim, mine, found, passed, failed)
        review.rows.setdefault(claim.source, []).append(row)
    return review


def _reading_order(analysis: Analysis, claim: Claim) -> tuple[int, int, int, str]:
    """Where the figure stands in its source's text, so a reader meets the claims in the order
    the article makes them (a figure it only implies after its sentence, a total after its
    parts); by id where there is no text to go by."""
    shot = analysis.snapshot(claim.source)
    span = find_passage(shot.text, claim.quote) if shot else None
    if shot is None or span is None:
        return (1, 0, 0, claim.id)
    if claim.implied:
        return (0, span[1], 1 if claim.derived_from else 0, claim.id)
    offset = fold(shot.text[span[0] : span[1]]).find(fold(claim.as_written))
    return (0, span[0] + max(offset, 0), 0, claim.id)


def _applies(analysis: Analysis, claim: Claim, group: str) -> bool:
    if group == "dates":
        return claim.period is not None or claim.as_of is not None
    if group == "conversion":
        return bool(claim.equivalents)
    if group == "derivation":
        return claim.derived_from is not None
    if group == "quote":
        return analysis.snapshot(claim.source) is not None
    return True


def _outcome(analysis: Analysis, claim: Claim, found: list[Finding]) -> tuple[list[str], list[str]]:
    passed: list[str] = []
    failed: list[str] = []
    for group, prefixes in GROUPS.items():
        if not _applies(analysis, claim, group):
            continue
        bad = any(f.severity > Severity.INFO and f.code.startswith(prefixes) for f in found)
        (failed if bad else passed).append(group)
    return passed, failed
