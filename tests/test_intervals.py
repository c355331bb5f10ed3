"""Interval arithmetic against exact rational brute force: every product and quotient of points
of the operands lies in the result (soundness), and every closed end is attained (no end is
claimed closed that no pair of points reaches)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from validator.values.intervals import INF, Interval

ENDS = st.one_of(st.integers(-6, 6).map(Decimal), st.sampled_from([Decimal("0.5"), -INF, INF]))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low, high = sorted([draw(ENDS), draw(ENDS)])
    low_closed = draw(st.booleans()) and low != -INF
    high_closed = draw(st.booleans()) and high != INF
    if low == high:
        if low in (-INF, INF):
            low, high = (Decimal(-1), INF) if low == INF else (-INF, Decimal(1))
        else:
            low_closed = high_closed = True  # a point: the only non-empty interval of one value
    return Interval(low, high, low_closed, high_closed)


def points(x: Interval) -> list[Fraction]:
    """Points of x: its closed ends, points just inside every end, 0 and its middle if inside."""
    big = Fraction(10**6)
    low = -big if x.low == -INF else Fraction(x.low)
    high = big if x.high == INF else Fraction(x.high)
    step = min(Fraction(1, 1000), (high - low) / 3) if high > low else Fraction(0)
    candidates = [low + step, high - step, (low + high) / 2, Fraction(0)]
    if x.low_closed:
        candidates.append(low)
    if x.high_closed:
        candidates.append(high)
    return [p for p in candidates if x.contains(Decimal(p.numerator) / Decimal(p.denominator))]


def holds(result: Interval, value: Fraction) -> bool:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    if value.denominator in (1, 2, 4, 5, 8, 10):  # a finite decimal: compared exactly
        return result.contains(exact)
    return result.low <= exact <= result.high  # rounded to 28 digits: the hull is enough


def attained(end: Decimal, x: Interval, y: Interval, divide: bool) -> bool:
    """Whether some pair of points of x and y gives exactly `end`."""
    for a in points(x):
        for b in points(y):
            value = a / b if divide else a * b
            if value == Fraction(end):
                return True
    return False


@given(intervals(), intervals())
def test_product_is_sound(x: Interval, y: Interval) -> None:
    result = x * y
    for a in points(x):
        for b in points(y):
            assert holds(result, a * b), (x, y, result, a, b)
    if result.low_closed:
        assert attained(result.low, x, y, divide=False), (x, y, result)
    if result.high_closed:
        assert attained(result.high, x, y, divide=False), (x, y, result)


@given(intervals(), intervals())
def test_quotient_is_sound(x: Interval, y: Interval) -> None:
    result = x / y
    if result is None:
        assert y.low <= 0 <= y.high
        return
    for a in points(x):
        for b in points(y):
            assert holds(result, a / b), (x, y, result, a, b)


def test_a_closed_zero_times_anything_is_zero() -> None:
    zero = Interval.point(Decimal(0))
    over_19 = Interval(Decimal(19), INF, False, False)
    assert (zero * over_19).contains(Decimal(0))
    assert (over_19 * zero).contains(Decimal(0))
    quotient = zero / over_19
    assert quotient is not None and quotient.contains(Decimal(0))
    from_zero = Interval(Decimal(0), Decimal(5), True, False)
    quotient = from_zero / Interval(Decimal(2), INF, False, False)
    assert quotient == Interval(Decimal(0), Decimal("2.5"), True, False)
