"""The consistency engine: intervals, exchange rates, units, derivations, conflicts, verdicts."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import CLAIM, REPO, Repo, swap_figure
from validator.analysis.consistency import Conversion, PeriodMean, duration_in
from validator.engine import validate
from validator.values import figures, units
from validator.values import rates as money
from validator.values.intervals import INF, Interval
from validator.workspace.project import find

D = Decimal

INTERVALS = [
    # written, low, high, low closed, high closed
    ("£4.8 million", "4750000", "4850000", True, False),
    ("$5.9 million", "5850000", "5950000", True, False),
    ("92%", "91.5", "92.5", True, False),
    ("327", "326.5", "327.5", True, False),
    ("3.5 tonnes", "3.45", "3.55", True, False),
    ("around 1,200", "1080", "1320", True, True),
    ("about 800", "720", "880", True, True),
    ("nearly 1,000", "900", "1000", True, False),
    ("over 19", "19", "Infinity", False, False),
    ("more than 100", "100", "Infinity", False, False),
    ("at least 5", "5", "Infinity", True, False),
    ("up to 50%", "0", "50", True, True),
    ("under 16", "0", "16", True, False),
    ("€1.2bn", "1150000000", "1250000000", True, False),
    ("10k", "9500", "10500", True, False),
    ("five years", "4.5", "5.5", True, False),
]


@pytest.mark.parametrize(("written", "low", "high", "low_closed", "high_closed"), INTERVALS)
def test_written_figure_intervals(
    written: str, low: str, high: str, low_closed: bool, high_closed: bool
) -> None:
    figure = figures.parse(written)
    assert figure is not None
    assert figure.interval() == Interval(D(low), D(high), low_closed, high_closed)


def test_interval_edges() -> None:
    a = Interval(D(1), D(2))  # [1, 2)
    assert a.contains(D(1)) and not a.contains(D(2))
    assert not a.overlaps(Interval(D(2), D(3)))  # [1,2) and [2,3) share nothing
    assert a.overlaps(Interval(D(0), D(1), True, True))  # [0,1] touches [1,2) at 1
    assert not Interval(D(19), INF, False, False).contains(D(19))
    assert Interval(D(1), D(2)) / Interval(D(-1), D(1)) is None
    assert Interval(D("26.5"), D("27.5")).integral() == Interval(D(27), D(27), True, True)
    assert Interval(D(1080), D(1320), True, True).integral() == Interval(
        D(1080), D(1320), True, True
    )
    assert Interval(D(19), INF, False, False).integral() == Interval(D(20), INF, True, False)


decimals = st.decimals(
    min_value=-1000, max_value=1000, places=3, allow_nan=False, allow_infinity=False
)


@st.composite
def spans(draw: st.DrawFn) -> tuple[Interval, Decimal]:
    a, b = sorted((draw(decimals), draw(decimals)))
    point = draw(st.decimals(min_value=a, max_value=b, places=3)) if a < b else a
    return Interval(a, b, True, True), point


@given(spans(), spans(), st.sampled_from(["+", "-", "*", "/"]))
def test_interval_arithmetic_contains_every_point_result(
    x: tuple[Interval, Decimal], y: tuple[Interval, Decimal], op: str
) -> None:
    (a, p), (b, q) = x, y
    if op == "/":
        result = a / b
        if result is None:
            assert b.low <= 0 <= b.high
            return
        assert result.contains(p / q)
        return
    result = {"+": a + b, "-": a - b, "*": a * b}[op]
    point = {"+": p + q, "-": p - q, "*": p * q}[op]
    assert result.contains(point)


@given(
    st.decimals(min_value=0, max_value=99_999, places=1, allow_nan=False, allow_infinity=False),
    st.sampled_from(["", " million", "bn", "%"]),
)
def test_rendered_value_lies_in_its_interval(value: Decimal, suffix: str) -> None:
    figure = figures.parse(f"{value:,f}{suffix}")
    assert figure is not None
    assert figure.interval().contains(figure.value)


# Currency ---------------------------------------------------------------------------------------


def _business_days(n: int, seed: int = 7) -> list[date]:
    rng = random.Random(seed)
    days: list[date] = []
    while len(days) < n:
        day = date(2005, 1, 3) + timedelta(days=rng.randrange(0, 7000))
        if money.rate_on("GBP", "USD", day) is not None:
            days.append(day)
    return days


def _money_claim(gbp: str, usd: str, usd_value: Decimal, day: date) -> str:
    return (
        CLAIM.replace(
            'as_written: "£4.8 million"\nvalue: 4800000',
            f'as_written: "£{gbp} million"\nvalue: {D(gbp) * 1000000:f}',
        )
        .replace(
            '"$5.9 million"\n    value: 5900000', f'"${usd} million"\n    value: {usd_value:f}'
        )
        .replace("converted_on: 2024-04-22", f"converted_on: {day}")
        .replace("  start: 2023-10-01\n  end: 2023-12-31", "  start: 2004-01-01\n  end: 2004-03-31")
    )


def test_currency_rule_flags_exactly_the_off_conversions(repo: Repo) -> None:
    rng = random.Random(11)
    expected = {}
    for i, day in enumerate(_business_days(40)):
        gbp = f"{rng.randrange(20, 99) / 10:.1f}"  # £2.0M to £9.8M: rounding allows ±2.5% at most
        rate = money.rate_on("GBP", "USD", day)
        assert rate is not None
        off = i % 2 == 1
        usd = (D(gbp) * rate * (D("1.15") if off else 1)).quantize(D("0.1"))
        repo.claim(
            _money_claim(gbp, f"{usd}", usd * 1000000, day).replace("money-recovered", f"case-{i}"),
            f"case-{i}",
        )
        expected[f"claims/case-{i}.yaml"] = off
    (repo.root / "claims/money-recovered.yaml").unlink()
    flagged = {f["path"] for f in repo.findings() if f["code"] == "FC602"}
    assert flagged == {path for path, off in expected.items() if off}


def test_weekend_uses_the_last_rate_before_and_names_it(repo: Repo) -> None:
    repo.edit("converted_on: 2024-04-22", "converted_on: 2024-04-21")  # a Sunday
    result = validate(find(repo.root), [])
    (check,) = [c for c in result.analysis.checks if isinstance(c, Conversion)]
    assert "ECB 2024-04-19, the last rate before 2024-04-21" in check.arithmetic
    assert check.ok
    assert result.findings == [f for f in result.findings if f.code == "FC610"]


def test_the_datasets_pound_dollar_pair_fits_the_publication_date_not_the_period_mean() -> None:
    found = {
        type(c): c
        for c in validate(find(REPO), []).analysis.checks
        if c.record.id == "nca-warrant-data-money-recovered-q1-2024"
    }
    assert found[Conversion].ok
    assert "× 1.23158 (ECB 2024-04-22)" in found[Conversion].arithmetic
    assert not found[PeriodMean].ok
    assert "mean of 63 ECB days, 2024-01-01 to 2024-03-31" in found[PeriodMean].arithmetic


def test_six_point_one_million_is_flagged_with_the_implied_rate(repo: Repo) -> None:
    repo.edit('"$5.9 million"\n    value: 5900000', '"$6.1 million"\n    value: 6100000')
    (finding,) = [f for f in repo.findings() if f["code"] == "FC602"]
    assert finding["line"] == 9
    assert (
        "allow a GBP→USD rate of 1.2474 to 1.2947 (implied 1.2708), the ECB rate was 1.2316"
        in finding["message"]
    )
    assert "2024-04-15 (before), 2024-04-25 (after)" in finding["hint"]


def test_no_rate_before_the_ecb_data_or_for_an_unknown_currency(repo: Repo) -> None:
    repo.edit("converted_on: 2024-04-22", "converted_on: 1998-06-01")
    assert [f["code"] for f in repo.findings() if f["code"] != "FC610"] == ["FC603"]
    repo.claim(
        CLAIM.replace("($5.9 million)", "(XYZ 5.9 million)").replace(
            '"$5.9 million"\n    value: 5900000\n    unit: USD',
            '"XYZ 5.9 million"\n    value: 5900000\n    unit: XYZ',
        )
    )
    assert [c for c, _ in repo.codes()] == ["FC603"]


# Units ------------------------------------------------------------------------------------------

TONNES = CLAIM.replace(
    *swap_figure(
        "3.5 tonnes",
        "3.5",
        "t",
        '\nequivalents:\n  - as_written: "{kg} kg"\n    value: {value}\n    unit: kg',
    )
).replace('"it was 3.5 tonnes"', '"it was 3.5 tonnes ({kg} kg)"')


def test_tonnes_and_kilograms_agree(repo: Repo) -> None:
    repo.claim(TONNES.format(kg="3,500", value=3500))
    assert repo.codes() == []


def test_a_metric_tonne_is_not_a_short_ton(repo: Repo) -> None:
    assert units.factor("t", "kg") == 1000
    assert units.factor("short_ton", "kg") != 1000
    repo.claim(TONNES.format(kg="3,175", value=3175))  # 3.5 short tons
    assert repo.codes() == [("FC604", 9), ("FC609", 20)]


def test_units_that_do_not_convert(repo: Repo) -> None:
    repo.claim(TONNES.format(kg="3,500", value=3500).replace("unit: kg", "unit: year"))
    # FC303 reports the unit that disagrees with as_written; no conversion is tried on top of it
    assert [c for c, _ in repo.codes()] == ["FC303"]


def test_unknown_unit(repo: Repo) -> None:
    repo.claim(TONNES.format(kg="3,500", value=3500).replace("unit: t\n", "unit: bananas\n"))
    assert ("FC601", 7) in repo.codes()


# Derivations and conflicts ------------------------------------------------------------------------

COUNT = """\
id: {id}
claim: A count.
quote: "{quote}"
as_written: "{written}"
value: {value}
unit: count
measure: {measure}
claimant: Someone
source: the-article
verdict: {{rating: {rating}, explanation: checked, checked_against: [the-article]}}
{extra}
"""


def _count(
    repo: Repo,
    id_: str,
    written: str,
    value: int,
    extra: str = "",
    measure: str = "things",
    rating: str = "accurate",
) -> None:
    repo.claim(
        COUNT.format(
            id=id_,
            quote=f"there were {written}",
            written=written,
            value=value,
            extra=extra,
            measure=f"{measure} {id_}" if measure == "things" else measure,
            rating=rating,
        ),
        id_,
    )


def test_derived_sum_of_countries(repo: Repo) -> None:
    _count(repo, "uk", "1", 1)
    _count(repo, "eu", "27", 27)
    _count(repo, "others", "4", 4)
    _count(repo, "total", "32", 32, "derived_from: {operation: sum, operands: [uk, eu, others]}")
    assert repo.codes() == []
    _count(repo, "total", "33", 33, "derived_from: {operation: sum, operands: [uk, eu, others]}")
    (verdict, finding) = repo.findings()  # in line order: the verdict comes first
    assert (finding["code"], finding["path"]) == ("FC605", "claims/total.yaml")
    assert verdict["code"] == "FC609"  # rated accurate, yet it does not add up
    assert (
        "1 → [1, 1] + 27 → [27, 27] + 4 → [4, 4] = [32, 32] misses 33 → [33, 33] ✗"
        in finding["message"]
    )


def test_per_month_against_per_year(repo: Repo) -> None:
    _count(repo, "monthly", "around 1,200", 1200, "per: month\napproximate: true")
    _count(
        repo,
        "yearly",
        "14,400",
        14400,
        "per: year\nderived_from: {operation: equal, operands: [monthly]}",
    )
    assert repo.codes() == []
    _count(
        repo,
        "yearly",
        "24,000",
        24000,
        "per: year\nderived_from: {operation: equal, operands: [monthly]}",
        rating="inaccurate",
    )
    assert repo.codes() == [("FC605", 12)]


def test_rate_times_duration(repo: Repo) -> None:
    _count(repo, "monthly", "800", 800, "per: month")
    period = "period: {start: 2024-01-01, end: 2024-03-31}"
    _count(
        repo,
        "quarter",
        "2,400",
        2400,
        f"{period}\nderived_from: {{operation: rate_times_duration, operands: [monthly]}}",
    )
    assert repo.codes() == []
    assert duration_in("month", date(2024, 1, 1), date(2024, 3, 31)) == 3
    assert duration_in("year", date(2024, 1, 1), date(2024, 12, 31)) == 1
    assert duration_in("week", date(2024, 1, 1), date(2024, 1, 14)) == 2


def test_derivation_cycle_names_its_members(repo: Repo) -> None:
    _count(repo, "a", "1", 1, "derived_from: {operation: equal, operands: [b]}")
    _count(repo, "b", "1", 1, "derived_from: {operation: equal, operands: [c]}")
    _count(repo, "c", "1", 1, "derived_from: {operation: equal, operands: [a]}")
    found = [f for f in repo.findings() if f["code"] == "FC606"]
    assert len(found) == 3
    assert "derivation cycle: a → b → c → a" in found[0]["message"]


def test_derivation_in_other_units(repo: Repo) -> None:
    _count(repo, "part", "1", 1)
    repo.claim(
        repo.root.joinpath("claims/money-recovered.yaml")
        .read_text()
        .replace("tags: [money]", "derived_from: {operation: sum, operands: [part]}")
    )
    assert ("FC607", 24) in repo.codes()


def test_conflicting_claims_name_both_files(repo: Repo) -> None:
    _count(repo, "first", "327", 327, measure="arrests in Q1")
    _count(repo, "second", "372", 372, measure="arrests in Q1", rating="inaccurate")
    (finding,) = repo.findings()
    assert (finding["code"], finding["path"], finding["line"]) == ("FC608", "claims/second.yaml", 5)
    assert "conflicts with first (claims/first.yaml:5)" in finding["message"]


def test_accurate_verdict_with_a_failing_check(repo: Repo) -> None:
    repo.edit('"$5.9 million"\n    value: 5900000', '"$6.1 million"\n    value: 6100000')
    codes = {c for c, _ in repo.codes()}
    assert {"FC602", "FC609"} <= codes
    repo.edit('"$5.9 million"\n    value: 5900000', '"$6.1 million"\n    value: 6100000')
    text = (
        (repo.root / "claims/money-recovered.yaml")
        .read_text()
        .replace("rating: accurate", "rating: inaccurate")
    )
    repo.claim(text)
    assert "FC609" not in {c for c, _ in repo.codes()}


@pytest.mark.parametrize(
    ("figure", "equivalent"),
    [("up to £5 million", "$7 million"), ("£4.8 million", "over $5 million"), ("£0", "$0")],
    ids=["figure may be zero", "open-ended equivalent", "zero"],
)
def test_open_ended_and_zero_figures_give_findings_not_crashes(
    repo: Repo, tmp_path: Path, figure: str, equivalent: str
) -> None:
    value = figures.parse(figure).value  # type: ignore[union-attr]
    other = figures.parse(equivalent).value  # type: ignore[union-attr]
    text = (
        CLAIM.replace("£4.8 million ($5.9 million)", f"{figure} ({equivalent})")
        .replace(
            'as_written: "£4.8 million"\nvalue: 4800000',
            f'as_written: "{figure}"\nvalue: {value:f}',
        )
        .replace('"$5.9 million"\n    value: 5900000', f'"{equivalent}"\n    value: {other:f}')
    )
    repo.claim(text)
    run = repo.run("validate", "--format", "json")
    assert run.code in (0, 1), run.err
    assert {f["code"] for f in run.json["findings"]} <= {"FC602", "FC609", "FC610"}
    report = repo.run("report", "--format", "json", "--html", str(tmp_path / "html"))
    assert report.code == 0, report.err
    assert "<svg" in (tmp_path / "html/index.html").read_text()
