"""The figure grammar against a table of written figures in the forms of news sentences
(tests/data/figures.tsv): each row is read to the value, unit and interval it gives, or refused
with a reason that names the part not read. No row may be read as anything else."""

from __future__ import annotations

import csv
import re
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Repo, swap_figure
from validator.values import figure_words, figures, units
from validator.values.intervals import INF, Interval

TABLE = Path(__file__).parent / "data" / "figures.tsv"
with TABLE.open(encoding="utf-8", newline="") as _handle:
    ROWS = list(csv.DictReader(_handle, delimiter="\t", quoting=csv.QUOTE_NONE))
_SPAN = re.compile(r"^([\[(])(-?[0-9.]+|-?Infinity), (-?[0-9.]+|Infinity)([\])])$")


def span(text: str) -> Interval:
    match = _SPAN.match(text)
    assert match, text
    opening, low, high, closing = match.groups()
    return Interval(Decimal(low), Decimal(high), opening == "[", closing == "]")


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['as_written']}|{r['language']}" for r in ROWS])
def test_table_row(row: dict[str, str]) -> None:
    figure = figures.read(row["as_written"], row["language"] or None)
    if row["value"] == "refused":
        assert isinstance(figure, figures.Refusal), figure
        assert row["unit"] in figure.reason
        return
    assert isinstance(figure, figures.Figure), figure
    assert figures.render(figure.value) == row["value"]
    assert (figure.unit or "-") == row["unit"]
    expected, got = span(row["interval"]), figure.interval()
    assert (got.low_closed, got.high_closed) == (expected.low_closed, expected.high_closed)
    # the table writes a third as 33.33333333333333333333333333: equal to 28 digits
    assert got.low == expected.low or abs(got.low - expected.low) < Decimal("1e-20")
    assert got.high == expected.high or abs(got.high - expected.high) < Decimal("1e-20")


def test_the_table_is_large_and_mostly_read() -> None:
    read = [r for r in ROWS if r["value"] != "refused"]
    assert len(ROWS) >= 300
    assert len(read) >= 300
    assert len({(r["as_written"], r["language"]) for r in ROWS}) == len(ROWS)


def test_every_unit_word_is_a_unit_pint_converts() -> None:
    for word, unit in figure_words.UNIT_WORDS.items():
        assert unit == "percent" or units.known(unit), (word, unit)


def test_every_unit_of_the_dataset_is_in_the_unit_table() -> None:
    claims = Path(__file__).parent.parent / "claims"
    used: set[str] = set()
    for path in claims.glob("*.yaml"):
        used |= set(re.findall(r"^\s*unit: (\S+)$", path.read_text(encoding="utf-8"), re.M))
    physical = {u for u in used if u != "count" and not figure_words.is_code(u)}
    assert physical <= set(figure_words.UNIT_WORDS.values())


def test_hedge_tables_agree() -> None:
    for phrase in [*figure_words.PREFIX_HEDGES, *figure_words.POSTFIX_HEDGES]:
        assert phrase in figures.HEDGE_KIND
    kinds = set(figures.HEDGE_KIND.values())
    assert kinds == {"approximate", "nearly", "just over", "above", "at least", "up to", "below"}


def test_exact_reads_every_written_digit() -> None:
    rounded = figures.read("£4,800,000")
    exact = figures.read("£4,800,000", exact=True)
    assert isinstance(rounded, figures.Figure) and isinstance(exact, figures.Figure)
    assert rounded.interval() == Interval(Decimal(4750000), Decimal(4850000), True, False)
    assert exact.interval() == Interval(Decimal("4799999.5"), Decimal("4800000.5"), True, False)


def test_a_decimal_comma_needs_the_language_or_the_continental_form() -> None:
    assert isinstance(figures.read("4,80"), figures.Refusal)
    assert figures.read("4,80", "de") == figures.read("4.80")
    assert figures.read("54,99 €") == figures.read("€54.99")
    english, french = figures.read("1,234"), figures.read("1,234", "fr-FR")
    assert isinstance(english, figures.Figure) and isinstance(french, figures.Figure)
    assert (english.value, french.value) == (Decimal(1234), Decimal("1.234"))


def test_parse_is_read_or_none() -> None:
    assert figures.parse("lots") is None
    assert figures.parse("7 to 10") is not None
    assert figures.parse("£4.8m") == figures.read("£4.8m")


ADVERSARIAL = [
    " " * 10_000 + "x",
    " " * 1_000 + "x",
    " " * 150 + "x",
    "1" * 10_000,
    "1" * 199,
    "nearly " * 1_400,
    "more than about nearly " * 8,
    "1,2" * 3_000,
    "1,2" * 66,
    "1 000" * 39,
    "a hundred and " * 14,
    "£" * 10_000,
    "-" * 199,
    "twenty-" * 28,
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_no_input_is_slow(text: str) -> None:
    # CPU time, not wall time, so that a busy machine cannot fail it; the bound is far below
    # what a backtracking reader takes (84 s for 1,000 spaces and an x) and far above 1 ms.
    start = time.process_time()
    result = figures._read(text, False, False)  # uncached: the reading itself is timed
    figure_words.tokens(text)  # and the tokenizer over the whole text, whatever its length
    assert time.process_time() - start < 0.25
    assert isinstance(result, figures.Figure | figures.Refusal)


def test_reasons_name_the_part_not_read() -> None:
    for text, part in [("£4,800,000 ($5,900,000)", "("), ("25 pounds", "pounds"), ("4th", "4th")]:
        refusal = figures.read(text)
        assert isinstance(refusal, figures.Refusal) and part in refusal.reason


def test_two_open_ended_figures_are_compared_at_their_written_ends() -> None:
    unbounded = Interval(Decimal(0), INF)
    a, b = figures.compared("more than £4.8 million", "more than $12 million", unbounded, unbounded)
    assert a == Interval(Decimal(4750000), Decimal(4850000), True, False)
    assert b == Interval(Decimal(11500000), Decimal(12500000), True, False)
    same = Interval(Decimal(1), Decimal(2))
    assert figures.compared("over 5", "under 7", same, same) == (same, same)


def test_pounds_of_weight_in_kg_is_a_finding_with_the_fix(repo: Repo) -> None:
    repo.edit(*swap_figure("25 lbs", "25", "kg"))
    found = [f for f in repo.findings() if f["code"] == "FC303"]
    assert len(found) == 1
    assert "which is in 'lb'" in found[0]["message"]
    assert "set unit: lb" in found[0]["hint"] and "11.3398 kg" in found[0]["hint"]


def test_a_range_wants_a_value_inside_it(repo: Repo) -> None:
    repo.edit(*swap_figure("7 to 10", "8", "count"))
    assert "FC301" not in [c for c, _ in repo.codes()]
    repo.edit(*swap_figure("7 to 10", "12", "count"))
    found = [f for f in repo.findings() if f["code"] == "FC301"]
    assert len(found) == 1 and "[7, 10]" in found[0]["message"]


def test_an_unreadable_figure_says_why(repo: Repo) -> None:
    repo.edit(*swap_figure("4th", "4", "count"))
    found = [f for f in repo.findings() if f["code"] == "FC302"]
    assert len(found) == 1 and "ordinal" in found[0]["message"]


def test_more_than_in_two_currencies_is_checked(repo: Repo) -> None:
    """Two open-ended figures used to pass whatever their numbers; now their ends must agree."""
    old = (
        'as_written: "£4.8 million"\nvalue: 4800000\nunit: GBP\nequivalents:\n'
        '  - as_written: "$5.9 million"\n    value: 5900000'
    )
    claim = repo.root / "claims/money-recovered.yaml"
    text = claim.read_text(encoding="utf-8")
    assert old in text
    for dollars, code in [("5.9", None), ("12", "FC602")]:
        new = old.replace('"£4.8 million"', '"more than £4.8 million"').replace(
            '"$5.9 million"\n    value: 5900000',
            f'"more than ${dollars} million"\n    value: {int(Decimal(dollars) * 10**6)}',
        )
        claim.write_text(
            text.replace(old, new)
            .replace("£4.8 million (", "more than £4.8 million (")
            .replace("($5.9 million)", f"(more than ${dollars} million)"),
            encoding="utf-8",
        )
        codes = [c for c, _ in repo.codes() if c in ("FC602", "FC302", "FC301")]
        assert codes == ([code] if code else []), repo.findings()


# Numbers in words against text2num, a well-kept reader of English cardinals (a test-only
# oracle: the grammar itself needs no library, see the README's "Figures are intervals").

ONES = figures.SMALL_WORDS.split()  # the spelling only: the values come from text2num
TENS = figures.TENS_WORDS.split()


def spelt(n: int) -> str:
    """n in British English words: 1,000,102 is 'one million one hundred and two'."""
    parts = []
    for power, name in ((9, "billion"), (6, "million"), (3, "thousand")):
        group, n = divmod(n, 10**power)
        if group:
            parts.append(f"{below_thousand(group)} {name}")
    if n or not parts:
        parts.append(below_thousand(n, joined=bool(parts)))
    return " ".join(parts)


def below_thousand(n: int, joined: bool = False) -> str:
    hundreds, rest = divmod(n, 100)
    words = [f"{ONES[hundreds]} hundred"] if hundreds else []
    if rest or not words:
        tens, ones = divmod(rest, 10)
        small = ONES[rest] if rest < 20 else TENS[tens - 2] + (f"-{ONES[ones]}" if ones else "")
        words.append(("and " if words or joined else "") + small)
    return " ".join(words)


@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_numbers_in_words_agree_with_text2num(n: int) -> None:
    text2num = pytest.importorskip("text_to_num").text2num
    words = spelt(n)
    figure = figures.read(words)
    assert isinstance(figure, figures.Figure), (words, figure)
    assert figure.value == n == text2num(words, "en"), words


def test_new_leaves_the_value_of_a_range_to_the_contributor(repo: Repo) -> None:
    run = repo.run(
        "new",
        "--source", "the-article",
        "--quote", "Police made 7 to 10 arrests in May.",
        "--as-written", "7 to 10",
        "--claim", "Police made 7 to 10 arrests in May.",
        "--measure", "arrests in May",
        "--claimant", "The Police",
    )  # fmt: skip
    # the file is written, and the check that follows asks for the value (FC103): never a guess
    assert run.code == 1 and "FC103" in run.out, run.out + run.err
    text = (repo.root / "claims/the-police-arrests-in-may.yaml").read_text(encoding="utf-8")
    assert "value:  # as_written states a range, [7, 10]: write the value" in text
    refused = repo.run(
        "new", "--source", "the-article", "--quote", "the 4th", "--as-written", "4th"
    )
    assert refused.code == 2 and "ordinal" in refused.err


def test_intervals_are_shown_so_that_a_reader_can_check_them() -> None:
    from validator.values.amounts import interval

    exact = figures.read("£4,800,000", exact=True)
    assert isinstance(exact, figures.Figure)
    assert interval(exact.interval(), "GBP") == "[£4.7999995M, £4.8000005M)"
    assert interval(Interval(Decimal("9.985"), Decimal("9.995")), "GBP") == "[£9.985, £9.995)"
    assert interval(Interval(Decimal(4750000), Decimal(4850000)), "GBP") == "[£4.75M, £4.85M)"
