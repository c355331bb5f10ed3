"""Intervals of Decimals: what a written figure allows, carried through arithmetic.

Endpoints may be infinite ("over 19" is (19, ∞)) and each end is open or closed, so that
"£4.8 million" is exactly the amounts that round to it: [4.75M, 4.85M).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext

INF = Decimal("Infinity")
ZERO = Decimal(0)


def _mul(a: Decimal, b: Decimal) -> Decimal:
    # 0 × ∞ has no value in Decimal; for a bound it is 0 (nothing times anything is nothing).
    if a == 0 or b == 0:
        return ZERO
    return a * b


def _div(a: Decimal, b: Decimal) -> Decimal:
    if b in (INF, -INF):
        return ZERO
    return a / b


def _attained(a: Decimal, a_closed: bool, b: Decimal, b_closed: bool) -> bool:
    """Whether the corner value op(a, b) is itself in the result: both ends are, or one is a
    closed 0, since 0 times (or divided by) any point of the other, non-empty, interval is 0."""
    return (a_closed and b_closed) or (a == 0 and a_closed) or (b == 0 and b_closed)


def _outward(
    x: Interval, y: Interval, op: Callable[[Decimal, Decimal], Decimal], divides: bool = False
) -> Interval:
    """op over the four corners, the low end rounded down and the high end up, so that a result
    computed to 28 digits still holds every exact result. For a quotient only the dividend's
    closed 0 is attained (the divisor never holds 0)."""
    ends = [(x.low, x.low_closed), (x.high, x.high_closed)]
    others = [(y.low, y.low_closed), (y.high, y.high_closed)]
    corners = []
    for rounding in (ROUND_FLOOR, ROUND_CEILING):
        with localcontext() as context:
            context.rounding = rounding
            corners.append(
                [
                    (op(a, b), _attained(a, ca, b, cb and not divides) or (ca and cb))
                    for a, ca in ends
                    for b, cb in others
                ]
            )
    low = min(v for v, _ in corners[0])
    high = max(v for v, _ in corners[1])
    return Interval(
        low,
        high,
        any(c for v, c in corners[0] if v == low),
        any(c for v, c in corners[1] if v == high),
    )


@dataclass(frozen=True, slots=True)
class Interval:
    low: Decimal
    high: Decimal
    low_closed: bool = True
    high_closed: bool = False

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        return cls(value, value, True, True)

    def contains(self, value: Decimal) -> bool:
        above = value > self.low or (value == self.low and self.low_closed)
        below = value < self.high or (value == self.high and self.high_closed)
        return above and below

    def overlaps(self, other: Interval) -> bool:
        return _before(self, other) and _before(other, self)

    def __add__(self, other: Interval) -> Interval:
        with localcontext() as context:
            context.rounding = ROUND_FLOOR
            low = self.low + other.low
            context.rounding = ROUND_CEILING
            high = self.high + other.high
        return Interval(
            low, high, self.low_closed and other.low_closed, self.high_closed and other.high_closed
        )

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low, self.high_closed, self.low_closed)

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def __mul__(self, other: Interval) -> Interval:
        return _outward(self, other, _mul)

    def scale(self, factor: Decimal) -> Interval:
        return self * Interval.point(factor)

    def integral(self) -> Interval:
        """The whole numbers inside, as a closed interval: a count of 27 is [27, 27], not
        [26.5, 27.5). Empty intervals (no whole number inside) are left as they are."""
        low = self.low.to_integral_value(ROUND_CEILING) if self.low != -INF else self.low
        if low == self.low and not self.low_closed:
            low += 1
        high = self.high.to_integral_value(ROUND_FLOOR) if self.high != INF else self.high
        if high == self.high and not self.high_closed:
            high -= 1
        if low > high:
            return self
        return Interval(low, high, low != -INF, high != INF)

    def __truediv__(self, other: Interval) -> Interval | None:
        """x/y over the intervals, or None when y holds 0 (no finite bound)."""
        if other.low <= 0 <= other.high:
            return None
        return _outward(self, other, _div, divides=True)


def _before(a: Interval, b: Interval) -> bool:
    """a starts no later than b ends, so the two can share a point."""
    if a.low < b.high:
        return True
    return a.low == b.high and a.low_closed and b.high_closed
