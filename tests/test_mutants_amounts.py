"""Exact tests of how amounts and intervals are shown, written to kill mutants that survived
mutmut (see setup.cfg)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from validator.values.amounts import amount, interval, is_money, number
from validator.values.intervals import INF, Interval

D = Decimal


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (INF, 3, "∞"),
        (-INF, 3, "-∞"),
        (D("1234.5"), 3, "1,234.5"),
        (D("1.23456"), 3, "1.235"),
        (D("1.23456"), 2, "1.23"),
        (D("2.000"), 3, "2"),
        (D(0), 3, "0"),
        (D("1e24"), 3, "1,000,000,000,000,000,000,000,000"),
        # past 28 digits the value is shown as it is, not rounded to `places`
        (D("1e28"), 3, "10,000,000,000,000,000,000,000,000,000"),
        (D("1e30"), 3, "1,000,000,000,000,000,000,000,000,000,000"),
    ],
)
def test_number(value: Decimal, places: int, expected: str) -> None:
    assert number(value, places) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (INF, "GBP", "∞"),
        (-INF, "GBP", "-∞"),
        (-INF, "count", "-∞"),
        (D(4800000), "GBP", "£4.8M"),
        (D(1000000), "GBP", "£1M"),
        (D(999999), "GBP", "£999,999"),
        (D("1e9"), "USD", "$1bn"),
        (D("1.5e12"), "EUR", "€1.5tn"),
        (D(-5), "GBP", "-£5"),
        (D(-5000000), "USD", "-$5M"),
        (D(0), "GBP", "£0"),
        (D("0.5"), "GBP", "£0.5"),
        (D("1.234"), "GBP", "£1.23"),
        (D(5), "NGN", "NGN 5"),
        (D(2000000), "NGN", "NGN 2M"),
        (D(92), "percent", "92%"),
        (D("91.5"), "percent", "91.5%"),
        (D(1200), "count", "1,200"),
        (D(5), "day", "5 day"),
        (D("3.5"), "t", "3.5 t"),
    ],
)
def test_amount(value: Decimal, unit: str, expected: str) -> None:
    assert amount(value, unit) == expected


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("GBP", True),
        ("NGN", True),
        ("day", False),
        ("USDX", False),
        ("kg", False),
        ("percent", False),
        ("count", False),
        ("Gbp", False),
    ],
)
def test_is_money(unit: str, expected: bool) -> None:
    assert is_money(unit) is expected


@pytest.mark.parametrize(
    ("span", "unit", "expected"),
    [
        (Interval(D(4750000), D(4850000), True, False), "GBP", "[£4.75M, £4.85M)"),
        (Interval(D(1), D(2), False, False), "count", "(1, 2)"),
        (Interval(D(1), D(2), False, True), "count", "(1, 2]"),
        (Interval(D(1), D(2), True, True), "count", "[1, 2]"),
        (Interval(D("91.5"), D("92.5"), True, False), "percent", "[91.5%, 92.5%)"),
        (Interval(D(19), INF, False, False), "year", "(19, ∞) year"),
        (Interval(D("3.45"), D("3.55"), True, False), "t", "[3.45, 3.55) t"),
        (Interval(D(0), INF, True, False), "USD", "[$0, ∞)"),
        (Interval(D(5), D(6), True, False), "day", "[5, 6) day"),
    ],
)
def test_interval(span: Interval, unit: str, expected: str) -> None:
    assert interval(span, unit) == expected


def _every_rendering(span: Interval, unit: str) -> tuple[str, str]:
    """The rule as first written, all ten renderings made: the lazy one must pick the same."""
    from validator.values.amounts import _ends

    shown = [_ends(span, unit, places) for places in range(3, 13)]
    differ = [ends for ends in shown if ends[0] != ends[1] or span.low == span.high]
    exact = [ends for ends, finer in zip(shown, shown[3:], strict=False) if ends == finer]
    return next((e for e in exact if e in differ), differ[0] if differ else shown[-1])


ENDS = st.decimals(
    min_value=-(10**15), max_value=10**15, places=14, allow_nan=False, allow_infinity=False
)


@given(ENDS, ENDS, st.sampled_from(["GBP", "percent", "count", "tonne"]))
def test_interval_picks_what_rendering_all_places_would(a: Decimal, b: Decimal, unit: str) -> None:
    from validator.values.amounts import _fewest_places

    span = Interval(min(a, b), max(a, b), True, False)
    assert _fewest_places(span, unit) == _every_rendering(span, unit)


@pytest.mark.parametrize("first", ["-0", "0"])
def test_a_cached_rendering_is_not_lent_to_an_equal_interval_written_otherwise(first: str) -> None:
    """Decimal("-0") == 0 and they hash alike: the rendering cache must not give one the
    other's text, whichever is rendered first."""
    other = "0" if first == "-0" else "-0"
    spans = [Interval(Decimal(v), Decimal(5), True, True) for v in (first, other)]
    assert [interval(s, "count") for s in spans] == [f"[{first}, 5]", f"[{other}, 5]"]
