"""Exact tests of reading written figures, through figures.parse and Figure.interval only, written
to kill mutants that survived mutmut (see setup.cfg)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from validator.values import figures
from validator.values.intervals import INF, Interval

D = Decimal


@pytest.mark.parametrize(
    ("written", "value", "resolution"),
    [
        ("a dozen", "12", "1"),
        ("A  Dozen", "12", "1"),
        ("a hundred", "100", "100"),
        ("A Hundred", "100", "100"),
        ("a thousand", "1000", "1000"),
        ("A Thousand", "1000", "1000"),
        ("twenty", "20", "10"),
        ("Twenty-Five", "25", "1"),
        ("ninety-nine", "99", "1"),
        ("five", "5", "1"),
        ("zero", "0", "1"),
        ("nineteen", "19", "1"),
        ("0.25", "0.25", "0.01"),
        ("1,200", "1200", "100"),
        ("12", "12", "1"),
    ],
)
def test_numbers_and_their_resolution(written: str, value: str, resolution: str) -> None:
    figure = figures.parse(written)
    assert figure is not None
    assert (figure.value, figure.unit, figure.resolution) == (D(value), None, D(resolution))


@pytest.mark.parametrize("written", ["Dozen", ".5"])
def test_forms_the_grammar_refuses_rather_than_guess(written: str) -> None:
    assert figures.parse(written) is None


def test_a_word_number_allows_half_a_unit_either_way() -> None:
    figure = figures.parse("twenty-five")
    assert figure is not None
    assert figure.interval() == Interval(D("24.5"), D("25.5"), True, False)
    dozen = figures.parse("a dozen")
    assert dozen is not None
    assert dozen.interval() == Interval(D("11.5"), D("12.5"), True, False)


@pytest.mark.parametrize(
    ("written", "unit", "noun"),
    [
        ("5 NGN", "NGN", None),
        ("5 ABCD", None, "ABCD"),  # four capitals: not an ISO 4217 code
        ("5 abc", None, "abc"),  # three letters, not capitals
        ("5 AB", None, "AB"),
        ("1,200 children", None, "children"),
    ],
)
def test_trailing_codes_and_nouns(written: str, unit: str | None, noun: str | None) -> None:
    figure = figures.parse(written)
    assert figure is not None
    assert (figure.unit, figure.noun) == (unit, noun)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("under -5", Interval(-INF, D(-5), True, False)),
        ("under 0.5", Interval(D(0), D("0.5"), True, False)),
        ("under 0", Interval(D(0), D(0), True, False)),
        ("up to -2", Interval(-INF, D(-2), True, True)),
        ("nearly 1,000", Interval(D(900), D(1000), True, False)),
        ("over 19", Interval(D(19), INF, False, False)),
        ("at least 5", Interval(D(5), INF, True, False)),
        ("12", Interval(D("11.5"), D("12.5"), True, False)),
    ],
)
def test_hedged_intervals(written: str, expected: Interval) -> None:
    figure = figures.parse(written)
    assert figure is not None
    assert figure.interval() == expected
