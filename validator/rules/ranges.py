"""FC304, FC305: percentages between 0 and 100; counts whole and not negative."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from validator.values.figures import render
from validator.values.findings import Example, Finding, Rule

if TYPE_CHECKING:
    from validator.analysis import Analysis
    from validator.load.document import Loc
    from validator.model.build import Record
    from validator.model.plain import Claim

PERCENT_RANGE = Rule(
    "FC304",
    "percent-range",
    "A percentage outside 0 to 100.",
    "Percentages are stored as written (92 for 92%), not as fractions (0.92), so a share lies "
    "between 0 and 100. A change of over 100% is real but rare: waive the rule with a reason.",
    Example(
        "claims/money-recovered.yaml:6:8: FC304 percentage 192 is outside 0 to 100; a share is "
        "written as 92 for 92%; waive FC304 with a reason for a real change of over 100%",
        edits=(
            ("{figure}", 'quote: "it was 192%"\nas_written: "192%"\nvalue: 192\nunit: percent'),
        ),
    ),
)
COUNT_RANGE = Rule(
    "FC305",
    "count-range",
    "A count that is negative or not a whole number.",
    "unit: count is for whole things: arrests, children, countries.",
    Example(
        "claims/money-recovered.yaml:6:8: FC305 count 4.5 is not a whole number; a count of "
        "people or things is a whole number of at least 0",
        edits=(("{figure}", 'quote: "it was 4.5"\nas_written: "4.5"\nvalue: 4.5\nunit: count'),),
    ),
)
RULES = (PERCENT_RANGE, COUNT_RANGE)


def _values(analysis: Analysis, unit: str) -> Iterator[tuple[Record[Claim], Loc, Decimal]]:
    for record in analysis.dataset.claims:
        claim = record.model
        if claim.unit == unit:
            yield record, ("value",), claim.value
        for i, equivalent in enumerate(claim.equivalents):
            if equivalent.unit == unit:
                yield record, ("equivalents", i, "value"), equivalent.value


def percent_range(analysis: Analysis) -> Iterator[Finding]:
    for record, loc, value in _values(analysis, "percent"):
        if not 0 <= value <= 100:
            yield record.finding(
                PERCENT_RANGE,
                loc,
                f"percentage {render(value)} is outside 0 to 100",
                "a share is written as 92 for 92%; waive FC304 with a reason for a real change "
                "of over 100%",
            )


def count_range(analysis: Analysis) -> Iterator[Finding]:
    for record, loc, value in _values(analysis, "count"):
        if value < 0 or value != value.to_integral_value():
            yield record.finding(
                COUNT_RANGE,
                loc,
                f"count {render(value)} is {'negative' if value < 0 else 'not a whole number'}",
                "a count of people or things is a whole number of at least 0",
            )


CHECKS = ((PERCENT_RANGE, percent_range), (COUNT_RANGE, count_range))
