"""Consistency between figures: equivalents, derivations and conflicts, as interval arithmetic.

Each comparison is a typed Check holding one line of arithmetic, so that a finding, and the
report, show the work: `£4.8M → [£4.75M, £4.85M) × 1.23158 (ECB 2024-04-22) = [$5.85M, $5.973M)
overlaps $5.9M → [$5.85M, $5.95M) ✓`. The evaluation runs once per dataset; the FC6xx rules in
validator/rules word what it found.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from validator.dataset import Dataset
from validator.load.document import Loc
from validator.model.build import Record
from validator.model.plain import Claim, Equivalent
from validator.values import figures
from validator.values.amounts import amount, interval, is_money
from validator.values.intervals import INF, ZERO, Interval

if TYPE_CHECKING:
    from validator.analysis.summary import Across, ConflictKey, Summary

YEAR_DAYS = Decimal("365.2425")  # the Gregorian year; a month is a twelfth of it
PER_DAYS = {
    "day": Decimal(1),
    "week": Decimal(7),
    "month": YEAR_DAYS / 12,
    "quarter": YEAR_DAYS / 4,
    "year": YEAR_DAYS,
}
PER_MONTHS = {"month": 1, "quarter": 3, "year": 12}


R = TypeVar("R")


@dataclass(frozen=True)
class _Comparison(Generic[R]):
    """One comparison of a claim's figure with what other figures say it must be."""

    record: R
    loc: Loc
    ok: bool
    # The work, one line ("" where there is none), or how to write it: most checks pass and
    # nobody reads their arithmetic, so it is written when first asked for, then kept.
    work: str | Callable[[], str]

    @property
    def arithmetic(self) -> str:
        if callable(self.work):
            object.__setattr__(self, "work", self.work())
        assert isinstance(self.work, str)
        return self.work


@dataclass(frozen=True)
class Check(_Comparison[Record[Claim]]):
    """A claim's own check (its equivalents), made on its record where the claim was read."""


@dataclass(frozen=True)
class Between(_Comparison["Summary"]):
    """A comparison between claims, seen through their Summaries (validator/analysis/summary.py):
    the rules between records read these, after every file is read."""


AnyCheck = Check | Between


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


@dataclass(frozen=True)
class Conversion(Check):
    """A money equivalent at the ECB rate of its conversion date."""

    equivalent: Equivalent
    rates: RateView
    implied: Decimal | None  # the rate the two written values imply
    nearest: tuple[date | None, date | None]  # when it misses: the nearest days whose rate fits


@dataclass(frozen=True)
class MissingRate(Check):
    """No ECB rate for a money equivalent's currencies on or before its date."""

    equivalent: Equivalent
    day: date
    gap: str  # why there is none: before or after the data, or no rate for a currency that day


@dataclass(frozen=True)
class PeriodMean(Check):
    """A money equivalent at the mean rate of the claim's period, where that tells another story
    than the conversion date's rate (ok: it fits at the mean rate)."""

    equivalent: Equivalent


@dataclass(frozen=True)
class UnitConversion(Check):
    """An equivalent in another unit, converted by pint (convertible: the units are of a kind)."""

    equivalent: Equivalent
    convertible: bool


@dataclass(frozen=True)
class Derivation(Between):
    """A derived figure against the operation on its operands."""

    refusal: Literal["", "operand-count", "divisor-zero"] = ""
    detail: str = ""  # for a refusal: the operand count, or the divisor as shown


@dataclass(frozen=True)
class Cycle(Between):
    ids: tuple[str, ...]


@dataclass(frozen=True)
class UnitMismatch(Between):
    """A derivation over figures whose units its operation cannot combine."""

    operation: str
    problem: Literal["units", "percent", "rate"]
    odd: tuple[tuple[str, str], ...] = ()  # (claim id, unit) of operands in another unit


@dataclass(frozen=True)
class Conflict(Between):
    """Two claims on the same measure, place and period whose figures cannot both be true."""

    other: Summary


def evaluate_records(dataset: Dataset) -> list[Check]:
    """The checks each claim makes on its own (its equivalents, against its source's date):
    the same whichever other claims the dataset holds, so a worker can make them for its part."""
    found: list[Check] = []
    for record in dataset.claims:
        found.extend(_equivalents(dataset, record))
    return found


def evaluate_across(across: Across) -> list[Between]:
    """The checks between claims: derivations and their cycles, and conflicts."""
    found: list[Between] = []
    cycles = _cycles(across)
    for summary in across.claims:
        found.extend(_derivation(across, summary, cycles))
    found.extend(_conflicts(across))
    return found


@lru_cache(maxsize=4096)  # a figure and its unit are read the same way wherever they appear
def read(
    unit: str,
    as_written: str,
    *,
    rate: bool = False,
    exact: bool = False,
    language: str | None = None,
) -> Interval | None:
    """The interval `as_written` allows; None when FC302 or FC303 already reports a problem."""
    figure = figures.read(as_written, language, exact)
    if not isinstance(figure, figures.Figure) or (figure.unit is not None and figure.unit != unit):
        return None
    span = figure.interval()
    # A count is a whole number, so "27" is exactly 27; this is what lets a sum of counts be
    # checked to the unit (the GRIM test's reasoning, for news figures). A count per week is
    # an average, and need not be whole.
    return span.integral() if unit == "count" and not rate else span


def span_of(item: Claim | Equivalent, language: str | None = None) -> Interval | None:
    """The interval a claim's or an equivalent's figure allows, in the source's language."""
    rate = isinstance(item, Claim) and item.per is not None
    return read(item.unit, item.as_written, rate=rate, exact=item.exact, language=language)


def shown(value: Decimal, span: Interval, unit: str) -> str:
    return f"{amount(value, unit)} → {interval(span, unit)}"


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _convert(
    claim: Claim,
    own: Interval,
    factor: Decimal,
    label: str,
    equivalent: Equivalent,
    other: Interval,
) -> tuple[bool, Callable[[], str]]:
    """Whether the figure, converted by `factor`, can be the equivalent; and the arithmetic."""
    converted = own.scale(factor)
    ok = converted.overlaps(other)

    def line() -> str:
        return (
            f"{shown(claim.value, own, claim.unit)} × {label} = "
            f"{interval(converted, equivalent.unit)} {'overlaps' if ok else 'misses'} "
            f"{shown(equivalent.value, other, equivalent.unit)} {_mark(ok)}"
        )

    return ok, line


# Equivalents ------------------------------------------------------------------------------------


def _equivalents(dataset: Dataset, record: Record[Claim]) -> Iterator[Check]:
    claim = record.model
    language = dataset.language(claim.source)
    own = span_of(claim, language)
    if own is None:
        return
    for i, equivalent in enumerate(claim.equivalents):
        other = span_of(equivalent, language)
        if other is None:
            continue
        loc = ("equivalents", i, "as_written")
        # Two figures open the same way ("more than £4.8 million (more than $12 million)") are
        # compared at their closed ends, where that decides the question.
        mine, other = figures.compared(claim.as_written, equivalent.as_written, own, other)
        if is_money(claim.unit) and is_money(equivalent.unit):
            yield from _currency(dataset, record, loc, mine, equivalent, other)
        else:
            yield _unit_conversion(record, loc, mine, equivalent, other)


def _currency(
    dataset: Dataset,
    record: Record[Claim],
    loc: Loc,
    own: Interval,
    equivalent: Equivalent,
    other: Interval,
) -> Iterator[Check]:
    from validator.values import rates

    claim = record.model
    day = equivalent.converted_on or _published(dataset, claim)
    if day is None:
        return  # no date to convert on: the source is missing (FC203)
    found = rates.rate_for(claim.unit, equivalent.unit, day)
    if found is None:
        gap = rates.rate_gap(claim.unit, equivalent.unit, day)
        yield MissingRate(record, loc, False, "", equivalent, day, gap)
        return
    rate, used = found
    when = f"ECB {used}" if used == day else f"ECB {used}, the last rate before {day}"
    ok, line = _convert(claim, own, rate, f"{rate:.5f} ({when})", equivalent, other)
    # The rates that fit are the equivalent divided by the figure, as intervals; a figure that
    # may be 0 ("up to £5 million") bounds no rate from above.
    band = (other / own) or Interval(ZERO, INF, True, False)
    implied = equivalent.value / claim.value if claim.value else None
    nearest: tuple[date | None, date | None] = (None, None)
    if not ok:
        nearest = rates.nearest_fitting(claim.unit, equivalent.unit, day, band.low, band.high)
    period = (claim.period.start, claim.period.end) if claim.period else None
    view = RateView(claim.unit, equivalent.unit, day, used, rate, band.low, band.high, period)
    yield Conversion(record, loc, ok, line, equivalent, view, implied, nearest)
    if claim.period is not None:
        yield from _period_mean(record, loc, own, equivalent, other, ok)


def _period_mean(
    record: Record[Claim],
    loc: Loc,
    own: Interval,
    equivalent: Equivalent,
    other: Interval,
    ok_on_the_day: bool,
) -> Iterator[Check]:
    """A note when the period's mean rate tells another story than the conversion date's."""
    from validator.values import rates

    claim = record.model
    period = claim.period
    assert period is not None
    found = rates.mean_rate(claim.unit, equivalent.unit, period.start, period.end)
    if found is None:
        return
    rate, days = found
    label = f"{rate:.5f} (mean of {days} ECB days, {period.start} to {period.end})"
    ok, line = _convert(claim, own, rate, label, equivalent, other)
    if ok != ok_on_the_day:
        yield PeriodMean(record, loc, ok, line, equivalent)


def _published(dataset: Dataset, claim: Claim) -> date | None:
    source = dataset.source(claim.source)
    return source.model.published if source else None


def _unit_conversion(
    record: Record[Claim], loc: Loc, own: Interval, equivalent: Equivalent, other: Interval
) -> Check:
    from validator.values import units

    claim = record.model
    factor = (
        None
        if is_money(claim.unit) or is_money(equivalent.unit)
        else units.factor(claim.unit, equivalent.unit)
    )
    if factor is None:
        return UnitConversion(record, loc, False, "", equivalent, False)
    label = f"{figures.render(factor)} {equivalent.unit}/{claim.unit}"
    ok, line = _convert(claim, own, factor, label, equivalent, other)
    return UnitConversion(record, loc, ok, line, equivalent, True)


# Derivations ------------------------------------------------------------------------------------


def _derivation(
    across: Across, summary: Summary, cycles: dict[str, tuple[str, ...]]
) -> Iterator[Between]:
    derivation = summary.derived_from
    if derivation is None:
        return
    operation, ids = derivation
    loc = ("derived_from", "operation")
    if summary.id in cycles:
        yield Cycle(summary, loc, False, "", cycles[summary.id])
        return
    found = [across.claim(i) for i in ids]
    operands = [o for o in found if o is not None]
    if len(operands) != len(found):
        return  # FC204 reports the missing operand
    spans = [o.span for o in operands]
    own = summary.span
    readable = [s for s in spans if s is not None]
    if own is None or len(readable) != len(spans):
        return  # FC302 reports the unreadable figure
    mismatch = _unit_problem(summary, loc, operation, operands)
    if mismatch is not None:
        yield mismatch
        return
    yield _apply(summary, loc, operation, operands, readable, own)


MAX_CYCLE_WORK = 1_000_000  # operand visits spent finding each claim's own shortest cycle


def _cycles(across: Across) -> dict[str, tuple[str, ...]]:
    """For each claim on a derivation cycle, the ids around a shortest cycle through it.

    The claims on cycles are the members of the graph's strongly connected components
    (Tarjan's algorithm, iterative: a chain of thousands of derived claims cannot exhaust the
    stack, and each claim is visited once, so a deep lattice of sums costs its size, not its
    number of paths). Each member's cycle is then a breadth-first search inside its component,
    within a bounded budget; past it a member is shown the component's first cycle.
    """
    graph: dict[str, list[str]] = {}
    for summary in across.claims:
        if summary.derived_from is not None:
            graph.setdefault(summary.id, list(dict.fromkeys(summary.derived_from[1])))
    found: dict[str, tuple[str, ...]] = {}
    budget = [MAX_CYCLE_WORK]
    for component in _components(graph):
        members = set(component)
        first: tuple[str, ...] | None = None
        for member in component:
            ring = _ring(graph, members, member, budget) if budget[0] > 0 else None
            first = first or ring
            found[member] = ring or first or (member, member)
    return found


def _components(graph: dict[str, list[str]]) -> Iterator[list[str]]:
    """The strongly connected components that hold a cycle (more than one claim, or a claim
    derived from itself), by Tarjan's algorithm without recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in graph:
                    continue  # not derived: cannot be on a cycle
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph[node]:
                    yield component[::-1]


def _ring(
    graph: dict[str, list[str]], members: set[str], start: str, budget: list[int]
) -> tuple[str, ...] | None:
    """A shortest cycle from `start` back to itself inside its component (breadth first)."""
    parent: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for child in graph[node]:
            budget[0] -= 1
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return (*path[::-1], start)
            if child in members and child not in parent:
                parent[child] = node
                queue.append(child)
        if budget[0] <= 0:
            return None
    return None


def _unit_problem(
    claim: Summary, loc: Loc, operation: str, operands: list[Summary]
) -> UnitMismatch | None:
    if operation in ("sum", "difference", "equal"):
        odd = tuple((o.id, o.unit) for o in operands if o.unit != claim.unit)
        if odd:
            return UnitMismatch(claim, loc, False, "", operation, "units", odd)
    if operation == "percent_of" and claim.unit != "percent":
        return UnitMismatch(claim, loc, False, "", operation, "percent")
    needs_rate = len(operands) != 1 or operands[0].per is None or claim.period is None
    if operation == "rate_times_duration" and needs_rate:
        return UnitMismatch(claim, loc, False, "", operation, "rate")
    return None


def _apply(
    claim: Summary,
    loc: Loc,
    operation: str,
    operands: list[Summary],
    spans: list[Interval],
    own: Interval,
) -> Derivation:
    texts = [shown(o.value, s, o.unit) for o, s in zip(operands, spans, strict=True)]
    if operation in ("ratio", "percent_of") and len(spans) != 2:
        return Derivation(claim, loc, False, "", "operand-count", str(len(spans)))
    if operation in ("ratio", "percent_of") and spans[1].low <= 0 <= spans[1].high:
        return Derivation(claim, loc, False, "", "divisor-zero", texts[1])
    result, work = _operate(operation, claim, operands, spans, texts)
    ok = result.overlaps(own)
    line = (
        f"{work} = {interval(result, claim.unit)} {'overlaps' if ok else 'misses'} "
        f"{shown(claim.value, own, claim.unit)} {_mark(ok)}"
    )
    return Derivation(claim, loc, ok, line)


def _operate(
    operation: str,
    claim: Summary,
    operands: list[Summary],
    spans: list[Interval],
    texts: list[str],
) -> tuple[Interval, str]:
    """The operation over the operands' intervals, and how it is written."""
    if operation in ("sum", "difference", "product"):
        total = spans[0]
        for span in spans[1:]:
            if operation == "sum":
                total = total + span
            elif operation == "difference":
                total = total - span
            else:
                total = total * span
        sign = {"sum": " + ", "difference": " − ", "product": " × "}[operation]
        return total, sign.join(texts)
    if operation in ("ratio", "percent_of"):
        quotient = spans[0] / spans[1]
        assert quotient is not None  # _apply refused a divisor that may be 0
        if operation == "percent_of":
            return quotient.scale(Decimal(100)), f"{texts[0]} ÷ {texts[1]} × 100"
        return quotient, f"{texts[0]} ÷ {texts[1]}"
    if operation == "equal":
        factor = _per_factor(operands[0].per, claim.per)
        if factor is None:
            return spans[0], texts[0]
        scaled = spans[0].scale(factor)
        return scaled, f"{texts[0]} per {operands[0].per} × {figures.render(factor)}"
    # rate_times_duration: checked by _unit_problem to have one rate operand and a period
    rate = operands[0]
    assert rate.per is not None and claim.period is not None
    duration = duration_in(rate.per, *claim.period)
    length = figures.render(duration.quantize(Decimal("0.001")))
    return spans[0].scale(duration), f"{texts[0]} per {rate.per} × {length} {rate.per}s"


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


def _conflicts(across: Across) -> Iterator[Between]:
    groups: dict[ConflictKey, list[Summary]] = {}
    for summary in across.claims:
        if summary.conflict is not None:
            groups.setdefault(summary.conflict, []).append(summary)
    for members in groups.values():
        if len(members) > 1:
            yield from _group_conflicts(members)


def _group_conflicts(members: list[Summary]) -> Iterator[Between]:
    """Each claim against the earlier ones it cannot agree with, in one pass: a claim misses
    some earlier interval exactly when it misses the earlier one that ends lowest or the one
    that starts highest, so those two are all it needs to be compared with."""
    lowest_end: tuple[Summary, Interval] | None = None
    highest_start: tuple[Summary, Interval] | None = None
    for later in members:
        later_span = later.span
        assert later_span is not None  # a claim without one has no conflict key
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


def _conflict(a: Summary, earlier_span: Interval, b: Summary, later_span: Interval) -> Conflict:
    def line() -> str:
        return (
            f"{shown(b.value, later_span, b.unit)} misses {shown(a.value, earlier_span, a.unit)} ✗"
        )

    return Conflict(b, ("value",), False, line, a)
