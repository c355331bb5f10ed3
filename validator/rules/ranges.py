"""FC304, FC305: percentages between 0 and 100; counts whole and not negative."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.figures import render
from validator.findings import Finding
from validator.rules import Rule

if TYPE_CHECKING:
    from decimal import Decimal

    from validator.dataset import Dataset


def _values(dataset: Dataset, unit: str) -> Iterator[tuple[object, tuple[str | int, ...], Decimal]]:
    for record in dataset.claims():
        claim = record.model
        if claim.unit == unit:  # type: ignore[union-attr]
            yield record, ("value",), claim.value  # type: ignore[union-attr]
        for i, equivalent in enumerate(claim.equivalents):  # type: ignore[union-attr]
            if equivalent.unit == unit:
                yield record, ("equivalents", i, "value"), equivalent.value


def percent_range(dataset: Dataset) -> Iterator[Finding]:
    for record, loc, value in _values(dataset, "percent"):
        if not 0 <= value <= 100:
            yield record.finding(  # type: ignore[attr-defined]
                "FC304",
                loc,
                f"percentage {render(value)} is outside 0 to 100",
                "a share is written as 92 for 92%; waive FC304 with a reason for a real change "
                "of over 100%",
            )


def count_range(dataset: Dataset) -> Iterator[Finding]:
    for record, loc, value in _values(dataset, "count"):
        if value < 0 or value != value.to_integral_value():
            yield record.finding(  # type: ignore[attr-defined]
                "FC305",
                loc,
                f"count {render(value)} is {'negative' if value < 0 else 'not a whole number'}",
                "a count of people or things is a whole number of at least 0",
            )


RULES = (
    Rule(
        "FC304",
        "percent-range",
        "A percentage outside 0 to 100.",
        "Percentages are stored as written (92 for 92%), not as fractions (0.92), so a share lies "
        "between 0 and 100. A change of over 100% is real but rare: waive the rule with a reason.",
        check=percent_range,
    ),
    Rule(
        "FC305",
        "count-range",
        "A count that is negative or not a whole number.",
        "unit: count is for whole things: arrests, children, countries.",
        check=count_range,
    ),
)
