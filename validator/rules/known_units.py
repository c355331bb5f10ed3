"""FC601: every unit is a currency code, percent, count, or a unit pint knows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.values.amounts import is_money
from validator.values.findings import Example, Finding, Rule

if TYPE_CHECKING:
    from validator.analysis import Analysis
    from validator.load.document import Loc

# Units every run meets; anything else is looked up in pint (which costs 0.2 s to load).
COMMON_UNITS = frozenset(
    {"count", "percent", "t", "kg", "g", "year", "month", "week", "day", "hour"}
)

UNKNOWN_UNIT = Rule(
    "FC601",
    "unknown-unit",
    "A unit that is neither a currency code, percent, count, nor a unit pint knows.",
    "Units are ISO 4217 codes for money (GBP, USD, EUR), `percent`, `count`, or a unit pint "
    "reads: `t` (the metric tonne), `kg`, `year`, `month`. A misspelt unit would make every "
    "conversion of the figure fail.",
    Example(
        "claims/money-recovered.yaml:6:7: FC601 unknown unit 'tonnez'; use an ISO 4217 code "
        "(GBP), percent, count, or a unit pint knows (t, kg, year)",
        edits=(("{figure}", 'quote: "it was 3.5"\nas_written: "3.5"\nunit: tonnez\nvalue: 3.5'),),
    ),
)
RULES = (UNKNOWN_UNIT,)


def known_units(analysis: Analysis) -> Iterator[Finding]:
    from validator.values import units

    for record in analysis.dataset.claims:
        claim = record.model
        places: list[tuple[Loc, str]] = [(("unit",), claim.unit)]
        places += [(("equivalents", i, "unit"), e.unit) for i, e in enumerate(claim.equivalents)]
        for loc, unit in places:
            if is_money(unit) or unit in COMMON_UNITS or units.known(unit):
                continue
            yield record.finding(
                UNKNOWN_UNIT,
                loc,
                f"unknown unit '{unit}'",
                "use an ISO 4217 code (GBP), percent, count, or a unit pint knows (t, kg, year)",
            )


CHECKS = ((UNKNOWN_UNIT, known_units),)
