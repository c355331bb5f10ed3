"""The consistency checks' objects, field by field and line by line, written to kill mutants that
survived mutmut (see setup.cfg): each test lays out a small repository, runs the engine and
compares the Check objects it evaluated (validator.analysis.consistency)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext

import pytest

from tests.conftest import CLAIM, Repo
from validator.analysis import consistency
from validator.analysis.consistency import (
    Check,
    Conflict,
    Conversion,
    Cycle,
    Derivation,
    MissingRate,
    PeriodMean,
    RateView,
    UnitConversion,
    UnitMismatch,
    duration_in,
)
from validator.engine import validate
from validator.values.intervals import INF
from validator.workspace.project import find

D = Decimal
GBP_USD = D("1.231581873783708646093967195")  # ECB 2024-04-22, 1.0632 / 0.86330
LOC = ("equivalents", 0, "as_written")
DERIVED = ("derived_from", "operation")

FIGURE = """\
id: {id}
claim: A figure.
quote: "it was {written}"
as_written: "{written}"
value: {value}
unit: {unit}
exact: true
measure: {measure}
claimant: Someone
source: the-article
verdict: {{rating: accurate, explanation: checked, checked_against: [the-article]}}
{extra}
"""


def figure(
    repo: Repo,
    id_: str,
    written: str,
    value: object,
    unit: str = "count",
    extra: str = "",
    measure: str | None = None,
) -> None:
    repo.claim(
        FIGURE.format(
            id=id_,
            written=written,
            value=value,
            unit=unit,
            extra=extra,
            measure=measure or f"measure of {id_}",
        ),
        id_,
    )


def derived(operation: str, *operands: str) -> str:
    return f"derived_from: {{operation: {operation}, operands: [{', '.join(operands)}]}}"


def checks(repo: Repo) -> list[Check]:
    return validate(find(repo.root), []).analysis.checks


def by_id(repo: Repo) -> dict[str, Check]:
    found: dict[str, Check] = {}
    for check in checks(repo):
        assert check.record.id not in found, check
        found[check.record.id] = check
    return found


def floor(a: Decimal, b: Decimal) -> Decimal:
    """a / b rounded down to 28 digits, as the low end of an interval is."""
    with localcontext() as context:
        context.rounding = ROUND_FLOOR
        return a / b


def ceiling(a: Decimal, b: Decimal) -> Decimal:
    """a / b rounded up to 28 digits, as the high end of an interval is."""
    with localcontext() as context:
        context.rounding = ROUND_CEILING
        return a / b


def fields(check: Check) -> tuple[object, ...]:
    """The fields common to every check, with the record as its id."""
    return (type(check), check.record.id, check.loc, check.ok, check.arithmetic)


# Currency ----------------------------------------------------------------------------------------

OK_LINE = (
    "£4.8M → [£4.75M, £4.85M) × 1.23158 (ECB 2024-04-22) = [$5.85M, $5.973M) overlaps "
    "$5.9M → [$5.85M, $5.95M) ✓"
)


def test_a_conversion_that_fits(repo: Repo) -> None:
    (check,) = checks(repo)
    assert isinstance(check, Conversion)
    assert fields(check) == (Conversion, "money-recovered", LOC, True, OK_LINE)
    assert check.ok is True
    assert check.equivalent.as_written == "$5.9 million"
    assert check.rates == RateView(
        "GBP",
        "USD",
        date(2024, 4, 22),
        date(2024, 4, 22),
        GBP_USD,
        floor(D("5850000"), D("4850000")),
        ceiling(D("5950000"), D("4750000")),
        (date(2023, 10, 1), date(2023, 12, 31)),
    )
    assert check.implied == D(5900000) / D(4800000)
    assert check.nearest == (None, None)


def test_a_conversion_that_misses(repo: Repo) -> None:
    repo.edit('"$5.9 million"\n    value: 5900000', '"$6.1 million"\n    value: 6100000')
    (check,) = checks(repo)
    assert isinstance(check, Conversion)
    assert fields(check) == (
        Conversion,
        "money-recovered",
        LOC,
        False,
        "£4.8M → [£4.75M, £4.85M) × 1.23158 (ECB 2024-04-22) = [$5.85M, $5.973M) misses "
        "$6.1M → [$6.05M, $6.15M) ✗",
    )
    assert check.ok is False
    assert (check.rates.low, check.rates.high) == (
        floor(D("6050000"), D("4850000")),
        ceiling(D("6150000"), D("4750000")),
    )
    assert check.nearest == (date(2024, 4, 15), date(2024, 4, 25))


def test_a_conversion_without_a_period(repo: Repo) -> None:
    repo.edit("period:\n  start: 2023-10-01\n  end: 2023-12-31\n", "")
    (check,) = checks(repo)
    assert isinstance(check, Conversion)
    assert check.ok is True
    assert check.rates.period is None


def test_a_figure_that_may_be_zero_bounds_no_rate_from_above(repo: Repo) -> None:
    repo.edit('"£4.8 million"\nvalue: 4800000', '"up to £5 million"\nvalue: 5000000')
    (check,) = checks(repo)
    assert isinstance(check, Conversion)
    assert check.arithmetic == (
        "£5M → [£0, £5M] × 1.23158 (ECB 2024-04-22) = [$0, $6.158M] overlaps "
        "$5.9M → [$5.85M, $5.95M) ✓"
    )
    assert (check.rates.low, check.rates.high) == (D(0), INF)
    assert check.implied == D("1.18")


def test_no_rate_on_or_before_the_day(repo: Repo) -> None:
    repo.edit("converted_on: 2024-04-22", "converted_on: 1998-06-01")
    (check,) = checks(repo)
    assert isinstance(check, MissingRate)
    assert fields(check) == (MissingRate, "money-recovered", LOC, False, "")
    assert check.ok is False
    assert (check.day, check.gap) == (
        date(1998, 6, 1),
        "1998-06-01 is before the ECB data begins on 1999-01-04",
    )
    assert check.equivalent.as_written == "$5.9 million"


def test_without_a_conversion_date_the_publication_date_is_used(repo: Repo) -> None:
    repo.edit("    converted_on: 2024-04-22\n", "")
    (check,) = checks(repo)
    assert isinstance(check, Conversion)
    assert (check.rates.day, check.rates.used) == (date(2024, 4, 22), date(2024, 4, 22))
    assert check.arithmetic == OK_LINE


def test_without_a_conversion_date_or_a_source_nothing_is_converted(repo: Repo) -> None:
    repo.claim(
        CLAIM.replace("    converted_on: 2024-04-22\n", "").replace(
            "source: the-article", "source: nowhere"
        )
    )
    assert checks(repo) == []


def test_the_period_mean_that_tells_another_story(repo: Repo) -> None:
    repo.claim(
        CLAIM.replace("converted_on: 2024-04-22", "converted_on: 2024-04-22").replace(
            "  start: 2023-10-01\n  end: 2023-12-31", "  start: 2024-01-01\n  end: 2024-03-31"
        )
    )
    conversion, mean = checks(repo)
    assert isinstance(conversion, Conversion) and conversion.ok is True
    assert isinstance(mean, PeriodMean)
    assert fields(mean) == (
        PeriodMean,
        "money-recovered",
        LOC,
        False,
        "£4.8M → [£4.75M, £4.85M) × 1.26805 (mean of 63 ECB days, 2024-01-01 to 2024-03-31) = "
        "[$6.023M, $6.15M) misses $5.9M → [$5.85M, $5.95M) ✗",
    )
    assert mean.ok is False
    assert mean.equivalent.as_written == "$5.9 million"


def test_an_unreadable_equivalent_is_skipped_not_the_rest(repo: Repo) -> None:
    repo.edit(
        '  - as_written: "$5.9 million"',
        '  - as_written: "lots"\n    value: 1\n    unit: USD\n  - as_written: "$5.9 million"',
    )
    (check,) = checks(repo)
    assert isinstance(check, Conversion)
    assert check.loc == ("equivalents", 1, "as_written")
    assert check.arithmetic == OK_LINE


# Units -------------------------------------------------------------------------------------------


def test_money_against_a_unit_does_not_convert(repo: Repo) -> None:
    repo.edit(
        '"$5.9 million"\n    value: 5900000\n    unit: USD', '"3 kg"\n    value: 3\n    unit: kg'
    )
    (check,) = checks(repo)
    assert isinstance(check, UnitConversion)
    assert fields(check) == (UnitConversion, "money-recovered", LOC, False, "")
    assert check.ok is False
    assert check.convertible is False
    assert check.equivalent.as_written == "3 kg"


def test_a_currency_shaped_unit_is_not_converted_by_pint(repo: Repo) -> None:
    # pint knows BTU, but a three-capital unit is money to the checks: no conversion is tried
    figure(
        repo,
        "heat",
        "5 BTU",
        5,
        "BTU",
        'equivalents:\n  - as_written: "5,275"\n    value: 5275\n    unit: joule',
    )
    check = by_id(repo)["heat"]
    assert isinstance(check, UnitConversion)
    assert fields(check) == (UnitConversion, "heat", LOC, False, "")
    assert check.convertible is False


def test_a_unit_conversion(repo: Repo) -> None:
    figure(
        repo,
        "mass",
        "3.5 tonnes",
        "3.5",
        "t",
        'equivalents:\n  - as_written: "3,500 kg"\n    value: 3500\n    unit: kg',
    )
    (repo.root / "claims/money-recovered.yaml").unlink()
    (check,) = checks(repo)
    assert isinstance(check, UnitConversion)
    assert fields(check) == (
        UnitConversion,
        "mass",
        LOC,
        True,
        "3.5 t → [3.45, 3.55) t × 1000 kg/t = [3,450, 3,550) kg overlaps "
        "3,500 kg → [3,450, 3,550) kg ✓",
    )
    assert check.convertible is True


# Derivations -------------------------------------------------------------------------------------


@pytest.fixture
def arithmetic(repo: Repo) -> dict[str, Check]:
    (repo.root / "claims/money-recovered.yaml").unlink()
    figure(repo, "a", "10", 10)
    figure(repo, "b", "4", 4)
    figure(repo, "c", "3", 3)
    figure(repo, "z", "0", 0)
    figure(repo, "upto", "up to 5", 5)
    figure(repo, "one", "1", 1)
    figure(repo, "diff", "6", 6, extra=derived("difference", "a", "b"))
    figure(repo, "prod", "40", 40, extra=derived("product", "a", "b"))
    figure(repo, "prod-off", "41", 41, extra=derived("product", "a", "b"))
    figure(repo, "rat", "2.5", "2.5", extra=derived("ratio", "a", "b"))
    figure(repo, "pct", "40%", 40, "percent", extra=derived("percent_of", "b", "a"))
    figure(repo, "rat3", "1", 1, extra=derived("ratio", "a", "b", "c"))
    figure(repo, "rat1", "1", 1, extra=derived("ratio", "a"))
    figure(repo, "pct3", "1%", 1, "percent", extra=derived("percent_of", "a", "b", "c"))
    figure(repo, "by-zero", "1", 1, extra=derived("ratio", "a", "z"))
    figure(repo, "by-up-to", "1", 1, extra=derived("ratio", "a", "upto"))
    figure(repo, "pct-by-zero", "1%", 1, "percent", extra=derived("percent_of", "a", "z"))
    figure(repo, "by-one", "10", 10, extra=derived("ratio", "a", "one"))
    figure(repo, "unreadable", "lots", 1, extra=derived("sum", "a"))
    return by_id(repo)


@pytest.mark.parametrize(
    ("id_", "ok", "line"),
    [
        ("diff", True, "10 → [10, 10] − 4 → [4, 4] = [6, 6] overlaps 6 → [6, 6] ✓"),
        ("prod", True, "10 → [10, 10] × 4 → [4, 4] = [40, 40] overlaps 40 → [40, 40] ✓"),
        ("prod-off", False, "10 → [10, 10] × 4 → [4, 4] = [40, 40] misses 41 → [41, 41] ✗"),
        ("rat", True, "10 → [10, 10] ÷ 4 → [4, 4] = [2.5, 2.5] overlaps 2.5 → [2.45, 2.55) ✓"),
        (
            "pct",
            True,
            "4 → [4, 4] ÷ 10 → [10, 10] × 100 = [40%, 40%] overlaps 40% → [39.5%, 40.5%) ✓",
        ),
        ("by-one", True, "10 → [10, 10] ÷ 1 → [1, 1] = [10, 10] overlaps 10 → [10, 10] ✓"),
    ],
)
def test_derivation_lines(arithmetic: dict[str, Check], id_: str, ok: bool, line: str) -> None:
    check = arithmetic[id_]
    assert fields(check) == (Derivation, id_, DERIVED, ok, line)
    assert isinstance(check, Derivation)
    assert (check.refusal, check.detail) == ("", "")


@pytest.mark.parametrize(
    ("id_", "refusal", "detail"),
    [
        ("rat3", "operand-count", "3"),
        ("rat1", "operand-count", "1"),
        ("pct3", "operand-count", "3"),
        ("by-up-to", "divisor-zero", "5 → [0, 5]"),
        ("by-zero", "divisor-zero", None),
        ("pct-by-zero", "divisor-zero", None),
    ],
)
def test_derivation_refusals(
    arithmetic: dict[str, Check], id_: str, refusal: str, detail: str | None
) -> None:
    check = arithmetic[id_]
    assert fields(check) == (Derivation, id_, DERIVED, False, "")
    assert isinstance(check, Derivation)
    assert check.ok is False
    assert check.refusal == refusal
    if detail is not None:
        assert check.detail == detail
    else:
        assert check.detail.startswith("0 → [")


def test_an_unreadable_derived_figure_is_not_checked(arithmetic: dict[str, Check]) -> None:
    assert "unreadable" not in arithmetic


QUARTER = "period: {start: 2024-01-01, end: 2024-03-31}"


@pytest.fixture
def rates_per(repo: Repo) -> dict[str, Check]:
    (repo.root / "claims/money-recovered.yaml").unlink()
    figure(repo, "m", "100", 100, extra="per: month")
    figure(repo, "yr", "1,200", 1200, extra="per: year")
    figure(repo, "q", "100", 100, extra="per: quarter")
    figure(repo, "wk", "7", 7, extra="per: week")
    figure(repo, "dd", "1", 1, extra="per: day")
    figure(repo, "plain", "5", 5)
    figure(repo, "y", "1,200", 1200, extra="per: year\n" + derived("equal", "m"))
    figure(repo, "m2", "100", 100, extra="per: month\n" + derived("equal", "m"))
    figure(repo, "no-per", "100", 100, extra=derived("equal", "m"))
    figure(repo, "w", "23", 23, extra="per: week\n" + derived("equal", "m"))
    figure(repo, "ym", "100", 100, extra="per: month\n" + derived("equal", "yr"))
    figure(repo, "qy", "400", 400, extra="per: year\n" + derived("equal", "q"))
    figure(repo, "dy", "1", 1, extra="per: day\n" + derived("equal", "wk"))
    figure(repo, "dw", "7", 7, extra="per: week\n" + derived("equal", "dd"))
    figure(repo, "mw", "around 30", 30, extra="per: month\n" + derived("equal", "wk"))
    figure(repo, "rtd", "300", 300, extra=QUARTER + "\n" + derived("rate_times_duration", "m"))
    figure(repo, "rtdw", "91", 91, extra=QUARTER + "\n" + derived("rate_times_duration", "wk"))
    figure(
        repo, "rtd2", "300", 300, extra=QUARTER + "\n" + derived("rate_times_duration", "m", "m2")
    )
    figure(
        repo, "rtd-no-per", "3", 3, extra=QUARTER + "\n" + derived("rate_times_duration", "plain")
    )
    figure(repo, "rtd-no-period", "300", 300, extra=derived("rate_times_duration", "m"))
    return by_id(repo)


@pytest.mark.parametrize(
    ("id_", "ok", "line"),
    [
        (
            "y",
            True,
            "100 → [99.5, 100.5) per month × 12 = [1,194, 1,206) overlaps 1,200 → [1,199.5, "
            "1,200.5) ✓",
        ),
        ("m2", True, "100 → [99.5, 100.5) = [99.5, 100.5) overlaps 100 → [99.5, 100.5) ✓"),
        ("no-per", True, "100 → [99.5, 100.5) = [99.5, 100.5) overlaps 100 → [100, 100] ✓"),
        (
            "w",
            True,  # a rate of a count is an average: 100 a month allows 99.5 to 100.5
            "100 → [99.5, 100.5) per month × 0.2299841885870346413684059221 = [22.883, 23.113) "
            "overlaps 23 → [22.5, 23.5) ✓",
        ),
        (
            "ym",
            True,
            "1,200 → [1,199.5, 1,200.5) per year × 0.08333333333333333333333333333 = "
            "[99.958, 100.042) overlaps 100 → [99.5, 100.5) ✓",
        ),
        (
            "qy",
            True,
            "100 → [99.5, 100.5) per quarter × 4 = [398, 402) overlaps 400 → [399.5, 400.5) ✓",
        ),
        (
            "dy",
            True,
            "7 → [6.5, 7.5) per week × 0.1428571428571428571428571429 = [0.929, 1.071) "
            "overlaps 1 → [0.5, 1.5) ✓",
        ),
        ("dw", True, "1 → [0.5, 1.5) per day × 7 = [3.5, 10.5) overlaps 7 → [6.5, 7.5) ✓"),
        (
            "mw",
            True,
            "7 → [6.5, 7.5) per week × 4.348125 = [28.2628125, 32.6109375) overlaps 30 → "
            "[27, 33] ✓",
        ),
        (
            "rtd",
            True,
            "100 → [99.5, 100.5) per month × 3 months = [298.5, 301.5) overlaps 300 → [300, 300] ✓",
        ),
        (
            "rtdw",
            True,
            "7 → [6.5, 7.5) per week × 13 weeks = [84.5, 97.5) overlaps 91 → [91, 91] ✓",
        ),
    ],
)
def test_rates_per_period(rates_per: dict[str, Check], id_: str, ok: bool, line: str) -> None:
    assert fields(rates_per[id_]) == (Derivation, id_, DERIVED, ok, line)


@pytest.mark.parametrize("id_", ["rtd2", "rtd-no-per", "rtd-no-period"])
def test_rate_times_duration_needs_one_rate_and_a_period(
    rates_per: dict[str, Check], id_: str
) -> None:
    check = rates_per[id_]
    assert isinstance(check, UnitMismatch)
    assert fields(check) == (UnitMismatch, id_, DERIVED, False, "")
    assert check.ok is False
    assert (check.operation, check.problem, check.odd) == ("rate_times_duration", "rate", ())


def test_unit_mismatches(repo: Repo) -> None:
    (repo.root / "claims/money-recovered.yaml").unlink()
    figure(repo, "a", "10", 10)
    figure(repo, "kg5", "5 kg", 5, "kg")
    figure(repo, "pct-ok", "50%", 50, "percent", extra=derived("percent_of", "kg5", "a"))
    for operation in ("sum", "difference", "equal"):
        operands = ("kg5",) if operation == "equal" else ("a", "kg5")
        figure(repo, f"odd-{operation}", "5", 5, extra=derived(operation, *operands))
    figure(repo, "pct-count", "50", 50, extra=derived("percent_of", "kg5", "a"))
    found = by_id(repo)
    for operation in ("sum", "difference", "equal"):
        check = found[f"odd-{operation}"]
        assert isinstance(check, UnitMismatch)
        assert fields(check) == (UnitMismatch, f"odd-{operation}", DERIVED, False, "")
        assert check.ok is False
        assert (check.operation, check.problem, check.odd) == (operation, "units", (("kg5", "kg"),))
    check = found["pct-count"]
    assert isinstance(check, UnitMismatch)
    assert fields(check) == (UnitMismatch, "pct-count", DERIVED, False, "")
    assert check.ok is False
    assert (check.operation, check.problem, check.odd) == ("percent_of", "percent", ())
    # a percentage of figures in any units is a percentage: no mismatch
    assert fields(found["pct-ok"]) == (
        Derivation,
        "pct-ok",
        DERIVED,
        True,
        "5 kg → [4.5, 5.5) kg ÷ 10 → [10, 10] × 100 = [45%, 55%) overlaps 50% → [49.5%, 50.5%) ✓",
    )


@pytest.mark.parametrize(
    ("per", "start", "end", "expected"),
    [
        ("month", date(2024, 1, 1), date(2024, 3, 31), D(3)),
        ("quarter", date(2024, 1, 1), date(2024, 3, 31), D(1)),
        ("year", date(2023, 1, 1), date(2024, 12, 31), D(2)),
        ("month", date(2023, 11, 1), date(2024, 2, 29), D(4)),
        ("month", date(2024, 1, 1), date(2024, 1, 15), D(15) / (D("365.2425") / 12)),
        ("month", date(2024, 1, 2), date(2024, 1, 31), D(30) / (D("365.2425") / 12)),
        ("week", date(2024, 1, 1), date(2024, 1, 31), D(31) / 7),
        ("day", date(2024, 1, 1), date(2024, 1, 31), D(31)),
    ],
)
def test_duration_in(per: str, start: date, end: date, expected: Decimal) -> None:
    assert duration_in(per, start, end) == expected


# Cycles ------------------------------------------------------------------------------------------


def _cycles(repo: Repo) -> dict[str, tuple[str, ...]]:
    found = {}
    for check in checks(repo):
        if isinstance(check, Cycle):
            assert fields(check) == (Cycle, check.record.id, DERIVED, False, "")
            assert check.ok is False
            found[check.record.id] = check.ids
    return found


def test_each_member_is_shown_its_own_shortest_cycle(repo: Repo) -> None:
    (repo.root / "claims/money-recovered.yaml").unlink()
    figure(repo, "a", "1", 1, extra=derived("equal", "b"))
    figure(repo, "b", "1", 1, extra=derived("equal", "a"))
    # c's cycle goes through d; its first operand is derived from nothing, its second from a
    # claim on another, already finished, cycle
    figure(repo, "c", "2", 2, extra=derived("sum", "leaf", "a", "d"))
    figure(repo, "d", "2", 2, extra=derived("equal", "c"))
    figure(repo, "leaf", "1", 1)
    # x leads into a cycle it is not on; s is derived from itself
    figure(repo, "s", "1", 1, extra=derived("sum", "s", "t"))
    figure(repo, "t", "1", 1, extra=derived("equal", "s"))
    figure(repo, "x", "1", 1, extra=derived("equal", "y"))
    figure(repo, "y", "1", 1, extra=derived("equal", "z"))
    figure(repo, "z", "1", 1, extra=derived("equal", "y"))
    assert _cycles(repo) == {
        "a": ("a", "b", "a"),
        "b": ("b", "a", "b"),
        "c": ("c", "d", "c"),
        "d": ("d", "c", "d"),
        "s": ("s", "s"),
        "t": ("t", "s", "t"),
        "y": ("y", "z", "y"),
        "z": ("z", "y", "z"),
    }


@pytest.mark.parametrize(
    ("budget", "a", "b"),
    [
        # a's search costs 3 operand visits (b; b, a); b's, 1 (b itself)
        (1, ("a", "a"), ("b", "b")),  # a's search runs out after its first node
        (2, ("a", "b", "a"), ("a", "b", "a")),  # a's search finds it; none left for b
        (3, ("a", "b", "a"), ("a", "b", "a")),
        (4, ("a", "b", "a"), ("b", "b")),  # one visit left: b's search runs
    ],
)
def test_past_the_budget_a_member_is_shown_the_first_cycle(
    repo: Repo,
    monkeypatch: pytest.MonkeyPatch,
    budget: int,
    a: tuple[str, ...],
    b: tuple[str, ...],
) -> None:
    monkeypatch.setattr(consistency, "MAX_CYCLE_WORK", budget)
    (repo.root / "claims/money-recovered.yaml").unlink()
    figure(repo, "a", "1", 1, extra=derived("equal", "b"))
    figure(repo, "b", "1", 1, extra=derived("sum", "b", "a"))
    assert _cycles(repo) == {"a": a, "b": b}


# Conflicts ---------------------------------------------------------------------------------------


def test_conflicts_name_the_earlier_claim_that_cannot_agree(repo: Repo) -> None:
    (repo.root / "claims/money-recovered.yaml").unlink()
    figure(repo, "g0", "lots", 1, measure="g2")  # unreadable: skipped, not the end
    for name, written, value, unit, measure in [
        # g1d misses neither the lowest end (g1a, tied with g1c) but the highest start (g1b,
        # tied with g1c): the first of a tie is kept
        ("g1a", "up to 12", 12, "count", "g1"),
        ("g1b", "at least 10", 10, "count", "g1"),
        ("g1c", "around 11", 11, "count", "g1"),
        ("g1d", "5", 5, "count", "g1"),
        # g2c misses only the lowest end, g3c only the highest start
        ("g2a", "around 10", 10, "count", "g2"),
        ("g2b", "at least 10", 10, "count", "g2"),
        ("g2c", "20", 20, "count", "g2"),
        ("g3a", "around 10", 10, "count", "g3"),
        ("g3b", "at least 10", 10, "count", "g3"),
        ("g3c", "9", 9, "count", "g3"),
        # two conflicts in one group
        ("g4a", "2", 2, "count", "g4"),
        ("g4b", "at least 5", 5, "count", "g4"),
        ("g4c", "1", 1, "count", "g4"),
        # (10, ∞) starts after [10, ∞): [0, 10] meets the one and misses the other
        ("g5a", "at least 10%", 10, "percent", "g5"),
        ("g5b", "over 10%", 10, "percent", "g5"),
        ("g5c", "up to 10%", 10, "percent", "g5"),
    ]:
        figure(repo, name, written, value, unit, measure=measure)
    # different periods: no conflict
    figure(repo, "g6a", "5", 5, measure="g6", extra="period: {start: 2024-01-01, end: 2024-03-31}")
    figure(repo, "g6b", "9", 9, measure="g6", extra="period: {start: 2024-04-01, end: 2024-06-30}")
    # the same measure, spaced and cased otherwise: one group
    figure(repo, "g7a", "5", 5, measure="Money  recovered")
    figure(repo, "g7b", "9", 9, measure="money recovered")
    found = [c for c in checks(repo) if isinstance(c, Conflict)]
    assert [(c.record.id, c.other.id) for c in found] == [
        ("g1d", "g1b"),
        ("g2c", "g2a"),
        ("g3c", "g3b"),
        ("g4b", "g4a"),
        ("g4c", "g4a"),
        ("g5c", "g5b"),
        ("g7b", "g7a"),
    ]
    for check in found:
        assert check.ok is False
        assert check.loc == ("value",)
    lines = {c.record.id: c.arithmetic for c in found}
    assert lines["g4b"] == "5 → [5, ∞) misses 2 → [2, 2] ✗"
    assert lines["g5c"] == "10% → [0%, 10%] misses 10% → (10%, ∞) ✗"
