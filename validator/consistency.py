"""Consistency between figures: equivalents, derivations and conflicts, as interval arithmetic.

Each comparison is a Check holding one line of arithmetic, so that a finding, and the report,
show the work: `£4.8M → [£4.75M, £4.85M) × 1.23158 (ECB 2024-04-22) = [$5.85M, $5.973M)
overlaps $5.9M → [$5.85M, $5.95M) ✓`. The evaluation runs once per dataset and the FC6xx rules
read from it.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from validator import figures
from validator.amounts import amount, interval, is_money, number
from validator.intervals import INF, ZERO, Interval

if TYPE_CHECKING:
    from validator.dataset import Dataset
    from validator.models import Claim, Equivalent
    from validator.records import Record

YEAR_DAYS = Decimal("365.2425")  # the Gregorian year; a month is a twelfth of it
PER_DAYS = {
    "day": Decimal(1),
    "week": Decimal(7),
    "month": YEAR_DAYS / 12,
    "quarter": YEAR_DAYS / 4,
    "year": YEAR_DAYS,
}
PER_MONTHS = {"month": 1, "quarter": 3, "year": 12}


@dataclass(frozen=True)
class Check:
    record: Record
    loc: tuple[str | int, ...]
    code: str  # the rule that reports it when it fails (or always, for information)
    ok: bool
    arithmetic: str
    message: str = ""
    hint: str = ""
    rates: RateView | None = None  # for a currency check: what a chart of it needs


@dataclass(frozen=True)
class RateView:
    """A currency check seen as rates: the band the two written figures allow, the rate used."""

    source: str
    target: str
    day: date  # the conversion date asked for
    used: date  # the date whose rate was used
    rate: Decimal
    low: Decimal
    high: Decimal
    period: tuple[date, date] | None


def checks(dataset: Dataset) -> list[Check]:
    """Every consistency check of the dataset, computed once."""
    if "consistency" not in dataset.memo:
        dataset.memo["consistency"] = list(_evaluate(dataset))
    return dataset.memo["consistency"]  # type: ignore[no-any-return]


def _evaluate(dataset: Dataset) -> Iterator[Check]:
    for record in dataset.claims():
        yield from _equivalents(dataset, record)
        yield from _derivation(dataset, record)
    yield from _conflicts(dataset)


def _read(item: Claim | Equivalent) -> Interval | None:
    """The interval `as_written` allows; None when FC302 or FC303 already reports a problem."""
    figure = figures.parse(item.as_written)
    if figure is None or (figure.unit is not None and figure.unit != item.unit):
        return None
    span = figure.interval()
    # A count is a whole number, so "27" is exactly 27; this is what lets a sum of counts be
    # checked to the unit (the GRIM test's reasoning, for news figures).
    return span.integral() if item.unit == "count" else span


def _shown(value: Decimal, span: Interval, unit: str) -> str:
    return f"{amount(value, unit)} → {interval(span, unit)}"


def _verdict(ok: bool) -> str:
    return "✓" if ok else "✗"


def _convert(
    claim: Claim,
    own: Interval,
    factor: Decimal,
    label: str,
    equivalent: Equivalent,
    other: Interval,
) -> tuple[bool, str]:
    """Whether the figure, converted by `factor`, can be the equivalent; and the arithmetic."""
    converted = own.scale(factor)
    ok = converted.overlaps(other)
    line = (
        f"{_shown(claim.value, own, claim.unit)} × {label} = "
        f"{interval(converted, equivalent.unit)} {'overlaps' if ok else 'misses'} "
        f"{_shown(equivalent.value, other, equivalent.unit)} {_verdict(ok)}"
    )
    return ok, line


# Equivalents ------------------------------------------------------------------------------------


def _equivalents(dataset: Dataset, record: Record) -> Iterator[Check]:
    claim: Claim = record.model  # type: ignore[assignment]
    own = _read(claim)
    if own is None:
        return
    for i, equivalent in enumerate(claim.equivalents):
        other = _read(equivalent)
        if other is None:
            continue
        loc = ("equivalents", i, "as_written")
        mine, other = figures.compared(claim.as_written, equivalent.as_written, own, other)
        if is_money(claim.unit) and is_money(equivalent.unit):
            yield from _currency(dataset, record, loc, mine, equivalent, other)
        else:
            yield _unit_conversion(record, loc, mine, equivalent, other)


def _currency(
    dataset: Dataset,
    record: Record,
    loc: tuple[str | int, ...],
    own: Interval,
    equivalent: Equivalent,
    other: Interval,
) -> Iterator[Check]:
    from validator import money

    claim: Claim = record.model  # type: ignore[assignment]
    day = equivalent.converted_on or _published(dataset, claim)
    if day is None:
        return  # no date to convert on: the source is missing (FC203)
    found = money.rate_for(claim.unit, equivalent.unit, day)
    if found is None:
        yield Check(
            record,
            loc,
            "FC603",
            False,
            "",
            f"no ECB rate from {claim.unit} to {equivalent.unit} for {day}: "
            + money.rate_gap(claim.unit, equivalent.unit, day),
            "check the currency codes and the date; a stale rate is never used",
        )
        return
    rate, used = found
    when = f"ECB {used}" if used == day else f"ECB {used}, the last rate before {day}"
    ok, line = _convert(claim, own, rate, f"{rate:.5f} ({when})", equivalent, other)
    # The rates that fit are the equivalent divided by the figure, as intervals; a figure that
    # may be 0 ("up to £5 million") bounds no rate from above.
    band = (other / own) or Interval(ZERO, INF, True, False)
    message, hint = "", ""
    if not ok:
        message, hint = _rate_mismatch(claim, equivalent, band, rate, day, line)
    period = (claim.period.start, claim.period.end) if claim.period else None
    view = RateView(claim.unit, equivalent.unit, day, used, rate, band.low, band.high, period)
    yield Check(record, loc, "FC602", ok, line, message, hint, view)
    if claim.period is not None:
        yield from _period_mean(record, loc, own, equivalent, other, ok)


def _rate_mismatch(
    claim: Claim, equivalent: Equivalent, band: Interval, rate: Decimal, day: date, line: str
) -> tuple[str, str]:
    from validator import money

    low, high = band.low, band.high
    implied = equivalent.value / claim.value if claim.value else None
    before, after = money.nearest_fitting(claim.unit, equivalent.unit, day, low, high)
    pair = f"{claim.unit}→{equivalent.unit}"
    message = (
        f"'{equivalent.as_written}' is not '{claim.as_written}' at the rate of {day}: {line}; "
        f"the two written figures allow a {pair} rate of {number(low, 4)} to {number(high, 4)}"
        + (f" (implied {implied:.4f})" if implied is not None else "")
        + f", the ECB rate was {rate:.4f}"
    )
    dates = [f"{d} ({'before' if d < day else 'after'})" for d in (before, after) if d]
    hint = (
        f"nearest dates whose rate fits: {', '.join(dates)}; "
        "set converted_on, or correct the figure"
        if dates
        else "no date within two years has a rate that fits: correct the figure"
    )
    return message, hint


def _period_mean(
    record: Record,
    loc: tuple[str | int, ...],
    own: Interval,
    equivalent: Equivalent,
    other: Interval,
    ok_on_the_day: bool,
) -> Iterator[Check]:
    """A note when the period's mean rate tells another story than the conversion date's."""
    from validator import money

    claim: Claim = record.model  # type: ignore[assignment]
    period = claim.period
    assert period is not None
    found = money.mean_rate(claim.unit, equivalent.unit, period.start, period.end)
    if found is None:
        return
    rate, days = found
    label = f"{rate:.5f} (mean of {days} ECB days, {period.start} to {period.end})"
    ok, line = _convert(claim, own, rate, label, equivalent, other)
    if ok == ok_on_the_day:
        return
    fits = "fits" if ok else "does not fit"
    message = (
        f"at the mean rate of the period the figure belongs to, "
        f"'{equivalent.as_written}' {fits}: {line}"
    )
    yield Check(record, loc, "FC610", ok, line, message)


def _published(dataset: Dataset, claim: Claim) -> date | None:
    source = dataset.lookup("source", claim.source)
    return source.model.published if source else None  # type: ignore[union-attr]


def _unit_conversion(
    record: Record,
    loc: tuple[str | int, ...],
    own: Interval,
    equivalent: Equivalent,
    other: Interval,
) -> Check:
    from validator import units

    claim: Claim = record.model  # type: ignore[assignment]
    factor = (
        None
        if is_money(claim.unit) or is_money(equivalent.unit)
        else units.factor(claim.unit, equivalent.unit)
    )
    if factor is None:
        return Check(
            record,
            loc,
            "FC604",
            False,
            "",
            f"'{equivalent.as_written}' in {equivalent.unit} cannot be an equivalent of "
            f"'{claim.as_written}' in {claim.unit}: the units do not convert",
            "an equivalent is the same quantity in another currency or unit of the same kind",
        )
    label = f"{figures.render(factor)} {equivalent.unit}/{claim.unit}"
    ok, line = _convert(claim, own, factor, label, equivalent, other)
    message = "" if ok else f"'{equivalent.as_written}' is not '{claim.as_written}': {line}"
    return Check(
        record, loc, "FC604", ok, line, message, "" if ok else "correct one of the two figures"
    )


# Derivations ------------------------------------------------------------------------------------


def _derivation(dataset: Dataset, record: Record) -> Iterator[Check]:
    claim: Claim = record.model  # type: ignore[assignment]
    derivation = claim.derived_from
    if derivation is None:
        return
    loc = ("derived_from", "operation")
    cycle = _cycle(dataset, claim.id)
    if cycle:
        yield Check(
            record,
            loc,
            "FC606",
            False,
            "",
            f"derivation cycle: {' → '.join(cycle)}",
            "a figure cannot be derived, through others, from itself",
        )
        return
    operands = [dataset.lookup("claim", i) for i in derivation.operands]
    if any(o is None for o in operands):
        return  # FC204 reports the missing operand
    models: list[Claim] = [o.model for o in operands]  # type: ignore[union-attr,misc]
    spans = [_read(m) for m in models]
    own = _read(claim)
    if own is None or any(s is None for s in spans):
        return  # FC302 reports the unreadable figure
    problem = _unit_problem(derivation.operation, claim, models)
    if problem:
        yield Check(
            record, loc, "FC607", False, "", problem, "derive from figures in the claim's unit"
        )
        return
    result, arithmetic = _apply(derivation.operation, claim, models, spans)  # type: ignore[arg-type]
    if result is None:
        yield Check(record, loc, "FC605", False, "", arithmetic, "")
        return
    ok = result.overlaps(own)
    line = (
        f"{arithmetic} = {interval(result, claim.unit)} {'overlaps' if ok else 'misses'} "
        f"{_shown(claim.value, own, claim.unit)} {_verdict(ok)}"
    )
    message = (
        ""
        if ok
        else f"'{claim.as_written}' does not follow from {', '.join(derivation.operands)}: {line}"
    )
    yield Check(
        record, loc, "FC605", ok, line, message, "" if ok else "correct the figure or its operands"
    )


def _cycle(dataset: Dataset, start: str) -> list[str]:
    """The ids on a derivation cycle through `start`, or [] when there is none."""
    path: list[str] = []

    def walk(current: str) -> list[str]:
        if current in path:
            return [*path[path.index(current) :], current]
        record = dataset.lookup("claim", current)
        derivation = record.model.derived_from if record else None  # type: ignore[union-attr]
        if derivation is None:
            return []
        path.append(current)
        for operand in derivation.operands:
            found = walk(operand)
            if found and start in found:
                return found
        path.pop()
        return []

    return walk(start)


def _unit_problem(operation: str, claim: Claim, operands: list[Claim]) -> str:
    if operation in ("sum", "difference", "equal"):
        odd = [o for o in operands if o.unit != claim.unit]
        if odd:
            listed = ", ".join(f"{o.id} ({o.unit})" for o in odd)
            return f"a {operation} of figures in other units than {claim.unit}: {listed}"
    if operation == "percent_of" and claim.unit != "percent":
        return f"percent_of gives a percentage, but the claim's unit is {claim.unit}"
    needs_rate = len(operands) != 1 or operands[0].per is None or claim.period is None
    if operation == "rate_times_duration" and needs_rate:
        return "rate_times_duration needs one operand with `per` and a claim with a `period`"
    return ""


def _apply(
    operation: str, claim: Claim, operands: list[Claim], spans: list[Interval]
) -> tuple[Interval | None, str]:
    shown = [_shown(o.value, s, o.unit) for o, s in zip(operands, spans, strict=True)]
    if operation == "sum":
        total = spans[0]
        for span in spans[1:]:
            total = total + span
        return total, " + ".join(shown)
    if operation == "difference":
        total = spans[0]
        for span in spans[1:]:
            total = total - span
        return total, " − ".join(shown)
    if operation == "product":
        total = spans[0]
        for span in spans[1:]:
            total = total * span
        return total, " × ".join(shown)
    if operation in ("ratio", "percent_of"):
        if len(spans) != 2:
            return None, f"{operation} takes two operands, not {len(spans)}"
        quotient = spans[0] / spans[1]
        if quotient is None:
            return None, f"{operation}: the divisor {shown[1]} may be 0"
        if operation == "percent_of":
            return quotient.scale(Decimal(100)), f"{shown[0]} ÷ {shown[1]} × 100"
        return quotient, f"{shown[0]} ÷ {shown[1]}"
    if operation == "equal":
        factor = _per_factor(operands[0].per, claim.per)
        if factor is None:
            return spans[0], shown[0]
        return spans[0].scale(
            factor
        ), f"{shown[0]} per {operands[0].per} × {figures.render(factor)}"
    # rate_times_duration: checked by _unit_problem to have one rate operand and a period
    rate = operands[0]
    assert rate.per is not None and claim.period is not None
    duration = duration_in(rate.per, claim.period.start, claim.period.end)
    length = figures.render(duration.quantize(Decimal("0.001")))
    text = f"{shown[0]} per {rate.per} × {length} {rate.per}s"
    return spans[0].scale(duration), text


def _per_factor(source: str | None, target: str | None) -> Decimal | None:
    """How many of `source`'s rate make one `target` rate: per month -> per year is × 12."""
    if source is None or target is None or source == target:
        return None
    if source in PER_MONTHS and target in PER_MONTHS:
        return Decimal(PER_MONTHS[target]) / PER_MONTHS[source]
    return PER_DAYS[target] / PER_DAYS[source]


def duration_in(per: str, start: date, end: date) -> Decimal:
    """The length of [start, end], inclusive, in `per` units; whole calendar months are exact."""
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if per in PER_MONTHS and whole_months:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        return Decimal(months) / PER_MONTHS[per]
    days = Decimal((end - start).days + 1)
    return days / PER_DAYS[per]


# Conflicts --------------------------------------------------------------------------------------


def _conflicts(dataset: Dataset) -> Iterator[Check]:
    groups: dict[tuple[object, ...], list[tuple[Record, Interval]]] = {}
    for record in dataset.claims():
        claim: Claim = record.model  # type: ignore[assignment]
        span = _read(claim)
        if span is None:
            continue
        period = (claim.period.start, claim.period.end) if claim.period else None
        key = (
            " ".join(claim.measure.casefold().split()),
            claim.geography,
            period,
            claim.as_of,
            claim.per,
            claim.unit,
        )
        groups.setdefault(key, []).append((record, span))
    for members in groups.values():
        yield from _group_conflicts(members)


def _group_conflicts(members: list[tuple[Record, Interval]]) -> Iterator[Check]:
    """Each claim against the earlier ones it cannot agree with, in one pass: a claim misses
    some earlier interval exactly when it misses the earlier one that ends lowest or the one
    that starts highest, so those two are all it needs to be compared with."""
    lowest_end: tuple[Record, Interval] | None = None
    highest_start: tuple[Record, Interval] | None = None
    for later, later_span in members:
        for candidate in (lowest_end, highest_start):
            if candidate is None or later_span.overlaps(candidate[1]):
                continue
            earlier, earlier_span = candidate
            yield _conflict(earlier, earlier_span, later, later_span)
            break
        end = (later_span.high, later_span.high_closed)
        if lowest_end is None or end < (lowest_end[1].high, lowest_end[1].high_closed):
            lowest_end = (later, later_span)
        start = (later_span.low, not later_span.low_closed)
        if highest_start is None or start > (highest_start[1].low, not highest_start[1].low_closed):
            highest_start = (later, later_span)


def _conflict(
    earlier: Record, earlier_span: Interval, later: Record, later_span: Interval
) -> Check:
    a: Claim = earlier.model  # type: ignore[assignment]
    b: Claim = later.model  # type: ignore[assignment]
    line = f"{_shown(b.value, later_span, b.unit)} misses {_shown(a.value, earlier_span, a.unit)} ✗"
    where = f"{earlier.display}:{earlier.at('value')[0]}"
    return Check(
        later,
        ("value",),
        "FC608",
        False,
        line,
        f"conflicts with {a.id} ({where}) on the same measure, place and period: {line}",
        "one of the two figures is wrong, or they measure different things: say how in `measure`",
    )
