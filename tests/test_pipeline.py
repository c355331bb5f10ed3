"""The pipeline's less-travelled paths: every derivation, currencies and periods of other kinds,
rates other than per month, the currency check's guard for a figure that may be 0, the cycle
search on deep and dense graphs, and the parallel read path forced on a small set."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import CLAIM, Repo
from tests.test_consistency import _count
from validator.engine import run as engine_run
from validator.engine import validate
from validator.workspace.project import find


def derived(repo: Repo, id_: str, written: str, value: str, operation: str, operands: str) -> None:
    _count(
        repo,
        id_,
        written,
        value,
        f"derived_from: {{operation: {operation}, operands: [{operands}]}}",
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("operation", "good", "bad", "work"),
    [
        ("difference", "20", "21", "27 → [27, 27] − 7 → [7, 7] = [20, 20] misses 21 → [21, 21] ✗"),
        ("product", "189", "191", "27 → [27, 27] × 7 → [7, 7] = [189, 189] misses 191"),
        (
            "ratio",
            "3.9",
            "4.2",
            "27 → [27, 27] ÷ 7 → [7, 7] = [3.857142857143, 3.857142857143] dimensionless "
            "misses 4.2",
        ),
    ],
)
def test_each_derivation_passes_and_fails(
    repo: Repo, operation: str, good: str, bad: str, work: str
) -> None:
    _count(repo, "a", "27", 27)
    _count(repo, "b", "7", 7)
    derived(repo, "c", good, good, operation, "a, b")
    if operation == "ratio":  # a ratio of counts is a plain number, not a count
        path = repo.root / "claims/c.yaml"
        path.write_text(path.read_text().replace("unit: count", "unit: dimensionless"))
    assert repo.codes() == []
    derived(repo, "c", bad, bad, operation, "a, b")
    if operation == "ratio":
        path = repo.root / "claims/c.yaml"
        path.write_text(path.read_text().replace("unit: count", "unit: dimensionless"))
    (finding, *_) = [f for f in repo.findings() if f["code"] == "FC605"]
    assert work in finding["message"]


def test_percent_of(repo: Repo) -> None:
    _count(repo, "part", "23", 23)
    _count(repo, "whole", "25", 25)
    share = (
        'id: share\nclaim: A share.\nquote: "92%"\nas_written: "92%"\nvalue: 92\nunit: percent\n'
        "measure: share\nclaimant: Someone\nsource: the-article\n"
        "verdict: {rating: accurate, explanation: checked, checked_against: [the-article]}\n"
        "derived_from: {operation: percent_of, operands: [part, whole]}\n"
    )
    repo.claim(share, "share")
    assert repo.codes() == []
    repo.claim(share.replace('"92%"', '"95%"').replace("value: 92", "value: 95"), "share")
    (finding,) = [f for f in repo.findings() if f["code"] == "FC605"]
    assert "23 → [23, 23] ÷ 25 → [25, 25] × 100 = [92%, 92%] misses 95%" in finding["message"]


def test_ratio_with_a_divisor_that_may_be_zero_and_a_wrong_operand_count(repo: Repo) -> None:
    _count(repo, "a", "27", 27)
    _count(repo, "zero", "under 3", 0)
    derived(repo, "c", "9", "9", "ratio", "a, zero")
    messages = [f["message"] for f in repo.findings() if f["code"] == "FC605"]
    assert messages == ["ratio: the divisor 0 → [0, 2] may be 0"]
    derived(repo, "c", "9", "9", "ratio", "a, a, a")
    messages = [f["message"] for f in repo.findings() if f["code"] == "FC605"]
    assert messages == ["ratio takes two operands, not 3"]


def test_per_week_to_per_year_uses_the_gregorian_year(repo: Repo) -> None:
    _count(repo, "weekly", "101", 101, "per: week")
    _count(
        repo,
        "yearly",
        "5,291",
        5291,
        "per: year\nderived_from: {operation: equal, operands: [weekly]}",
    )
    # [100.5, 101.5) a week × 365.2425 / 7 = [5,243.8, 5,296) a year; 52 weeks would miss 5,291.
    assert repo.codes() == []
    _count(
        repo,
        "yearly",
        "5,231",
        5231,
        "per: year\nderived_from: {operation: equal, operands: [weekly]}",
    )
    assert [c for c, _ in repo.codes()] == ["FC609", "FC605"]


def test_a_period_across_a_year_end_counts_its_months(repo: Repo) -> None:
    _count(repo, "monthly", "801", 801, "per: month")
    period = "period: {start: 2023-11-01, end: 2024-02-29}"  # four whole months, a leap February
    extra = f"{period}\nderived_from: {{operation: rate_times_duration, operands: [monthly]}}"
    _count(repo, "span", "3,204", 3204, extra)
    assert repo.codes() == []
    _count(repo, "span", "2,401", 2401, extra)
    (finding,) = [f for f in repo.findings() if f["code"] == "FC605"]
    assert (
        "801 → [800.5, 801.5) per month × 4 months = [3,202, 3,206) misses 2,401"
        in finding["message"]
    )


def test_a_euro_conversion(repo: Repo) -> None:
    # 2024-04-22: 1 EUR = 0.86408 GBP; so £4.8M is about €5.55M.
    repo.edit('"$5.9 million"', '"€5.6 million"')
    repo.edit('"$5.9 million"', '"€5.6 million"')
    text = (
        CLAIM.replace('"$5.9 million"', '"€5.6 million"')
        .replace("($5.9 million)", "(€5.6 million)")
        .replace("value: 5900000", "value: 5600000")
        .replace("unit: USD", "unit: EUR")
    )
    repo.claim(text)
    assert repo.codes() == []
    repo.claim(text.replace("€5.6", "€5.2").replace("value: 5600000", "value: 5200000"))
    found = [f for f in repo.findings() if f["code"] == "FC602"]
    assert len(found) == 1 and "GBP→EUR" in found[0]["message"]


def test_units_that_do_not_convert_say_so(repo: Repo) -> None:
    text = (
        CLAIM.replace('"$5.9 million"', '"35 kg"')
        .replace("($5.9 million)", "(35 kg)")
        .replace("value: 5900000", "value: 35")
        .replace("unit: USD", "unit: kg")
    )
    repo.claim(text)
    (finding,) = [f for f in repo.findings() if f["code"] == "FC604"]
    assert "'35 kg' in kg cannot be an equivalent of '£4.8 million' in GBP" in finding["message"]
    assert "the units do not convert" in finding["message"]


def test_a_figure_that_may_be_zero_bounds_no_rate_from_above(repo: Repo) -> None:
    # "up to £5 million" may be £0: dividing by it must not fail, and the band is open above.
    text = (
        CLAIM.replace('"£4.8 million"', '"up to £5 million"')
        .replace("£4.8 million (", "up to £5 million (")
        .replace("value: 4800000", "value: 5000000")
    )
    repo.claim(text)
    result = validate(find(repo.root), [])
    from validator.analysis.consistency import Conversion

    (check,) = [c for c in result.analysis.checks if isinstance(c, Conversion)]
    assert check.ok
    assert check.rates.low == 0 and not check.rates.high.is_finite()


def test_a_long_chain_and_a_dense_lattice_are_checked_quickly(repo: Repo) -> None:
    # 1,100 claims each derived from the next (deeper than Python's recursion limit), then a
    # 30-layer lattice of sums of pairs, whose paths double with every layer.
    for i in range(1100):
        extra = f"derived_from: {{operation: equal, operands: [c{i + 1}]}}" if i < 1099 else ""
        _count(repo, f"c{i}", "1", 1, extra)
    for layer in range(30):
        for side in "ab":
            below = f"[l{layer + 1}a, l{layer + 1}b]" if layer < 29 else "[c0]"
            operation = "sum" if layer < 29 else "equal"
            _count(
                repo,
                f"l{layer}{side}",
                "1",
                1,
                f"derived_from: {{operation: {operation}, operands: {below}}}",
                rating="unverifiable",
            )
    start = time.process_time()
    codes = {c for c, _ in repo.codes()}
    assert time.process_time() - start < 10
    assert "FC606" not in codes and "FC605" in codes  # 1 + 1 is not 1, but nothing is a cycle


def test_a_cycle_reached_through_a_finished_claim_is_still_found(repo: Repo) -> None:
    # a → b → a is found first; c lies on a → c → b → a, reached when b is already finished.
    _count(repo, "a", "1", 1, "derived_from: {operation: sum, operands: [b, c]}")
    _count(repo, "b", "1", 1, "derived_from: {operation: equal, operands: [a]}")
    _count(repo, "c", "1", 1, "derived_from: {operation: equal, operands: [b]}")
    found = {f["path"]: f["message"] for f in repo.findings() if f["code"] == "FC606"}
    assert set(found) == {"claims/a.yaml", "claims/b.yaml", "claims/c.yaml"}
    assert found["claims/c.yaml"] == "derivation cycle: c → b → a → c"


def test_the_parallel_path_gives_the_same_findings(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(12):
        _count(repo, f"n{i}", "1", 1)
    repo.edit("value: 4800000", "value: 4900000")  # FC301, located at its line
    (repo.root / "claims/broken.yaml").write_text("id: [unclosed\n")  # FC001
    (repo.root / "claims/n3.yaml").write_text(
        (repo.root / "claims/n3.yaml").read_text().replace("unit: count", "unit: count\nextra: 1")
    )
    serial = repo.run("validate", "--format", "json", "--jobs", "1").json
    monkeypatch.setattr(engine_run, "PARALLEL_FROM", 2)
    parallel = repo.run("validate", "--format", "json", "--jobs", "2").json
    assert parallel == serial
    codes = {(f["code"], f["path"], f["line"]) for f in parallel["findings"]}
    assert ("FC301", "claims/money-recovered.yaml", 6) in codes
    assert ("FC001", "claims/broken.yaml", 2) in codes
    assert ("FC101", "claims/n3.yaml", 7) in codes


def test_nothing_is_written_by_a_parallel_run(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import snapshot_tree

    monkeypatch.setattr(engine_run, "PARALLEL_FROM", 1)
    before = snapshot_tree(Path(repo.root))
    repo.run("validate", "--jobs", "2")
    assert snapshot_tree(Path(repo.root)) == before


def test_the_sources_language_says_how_a_decimal_comma_reads(repo: Repo) -> None:
    # "£4,800 million" is £4.8 million in a French source, and £4.8 billion in an English one.
    text = CLAIM.replace('"£4.8 million"', '"£4,800 million"').replace(
        "£4.8 million (", "£4,800 million ("
    )
    repo.claim(text)
    assert [c for c, _ in repo.codes()] == ["FC301", "FC602", "FC609"]
    source = (repo.root / "sources/the-article.yaml").read_text()
    repo.write("sources/the-article.yaml", source + "language: fr\n")
    # Read to the thousandth of a million, the figure fits the day's rate; the period's mean
    # rate, a note, then tells another story.
    assert [c for c, _ in repo.codes()] == ["FC610"]


def test_a_sources_folder_inside_the_claims_folder_is_read_once(repo: Repo) -> None:
    """The whole-project run lists each folder once and skips de-duplicating only when neither
    folder holds the other; here the sources are inside the claims folder, and every source is
    still checked once, as a source."""
    repo.write(
        "pyproject.toml", '[tool.factcheck]\nclaims = "records"\nsources = "records/sources"\n'
    )
    (repo.root / "records").mkdir()
    (repo.root / "claims/money-recovered.yaml").rename(repo.root / "records/money-recovered.yaml")
    (repo.root / "sources").rename(repo.root / "records/sources")
    run = repo.run("validate", "--format", "json")
    assert run.code == 0, run.out + run.err
    assert run.json["files"] == 2  # not 3: the source is not read a second time
    assert run.json["findings"] == []  # nor as a claim


def test_a_derived_claim_checked_alone_reads_its_operands_quietly(repo: Repo) -> None:
    """Named alone, a derived claim is checked against operands it does not check: they are
    read (quietly: their own problems are for their own run) and summarised; an operand that
    does not load leaves the derivation unchecked rather than guessed."""
    from validator.rules.derivations import _PART, _TOTAL

    repo.write("claims/part-a.yaml", _PART.replace("{id}", "part-a"))
    repo.write(
        "claims/part-b.yaml", _PART.replace("{id}", "part-b").replace("value: 2", "value: [2")
    )
    total = _TOTAL.replace("{operation}", "sum").replace("{operands}", "part-a, part-b")
    repo.write("claims/total.yaml", total)
    run = repo.run("validate", "--format", "json", "claims/total.yaml")
    # part-b is not YAML: it does not load, so the sum is not checked (and it is no FC204).
    assert [f["code"] for f in run.json["findings"]] == []
    repo.write("claims/part-b.yaml", _PART.replace("{id}", "part-b"))
    run = repo.run("validate", "--format", "json", "claims/total.yaml")
    assert [(f["code"], f["path"]) for f in run.json["findings"]] == [
        ("FC605", "claims/total.yaml")
    ]
    assert "part-a, part-b" in run.json["findings"][0]["message"]
