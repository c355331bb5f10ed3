"""The contributor's path: a claim that fails to load is one problem, not two; `factcheck new`
asks again on a bad answer; drafts from a snapshot."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ARTICLE, CLAIM, Repo

# FC705 and claims that fail to load ---------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("quote:", "qoute:", "FC101"),  # a misspelt field: the model refuses the file
        ("measure: money recovered", "measure: money recovered\nmeasure: twice", "FC002"),
        ("measure: money recovered", "measure: [money recovered", "FC001"),  # a YAML error
        ("source: the-article", "sourc: the-article", "FC101"),  # its source unread: by quote
    ],
)
def test_a_claim_that_fails_to_load_still_covers_its_figure(
    repo: Repo, shots: Path, old: str, new: str, code: str
) -> None:
    repo.edit(old, new)
    run = repo.run("validate", "--snapshots", str(shots), "--format", "json")
    codes = {f["code"] for f in run.json["findings"]}
    assert code in codes
    assert "FC705" not in codes, run.json["findings"]


def test_a_source_checked_alone_is_covered_by_the_claims_not_checked(
    repo: Repo, shots: Path
) -> None:
    run = repo.run("validate", "--snapshots", str(shots), "sources/the-article.yaml")
    assert run.code == 0 and "FC705" not in run.out, run.out


def test_a_figure_no_claim_covers_is_still_reported(repo: Repo, shots: Path) -> None:
    repo.write("claims/money-recovered.yaml", CLAIM.replace("quote:", "qoute:"))
    (shots / "the-article.txt").write_text(ARTICLE + "And 29 threats to life.\n")
    run = repo.run("validate", "--snapshots", str(shots), "--format", "json")
    uncovered = [f for f in run.json["findings"] if f["code"] == "FC705"]
    assert [f["message"].split("'")[1] for f in uncovered] == ["29"]


# factcheck new: every bad answer is asked again -------------------------------------------------


def _spawn(repo: Repo, *args: str) -> Any:
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    return pexpect.spawn(
        sys.executable,
        ["-m", "validator", *args],
        cwd=str(repo.root),
        env=env,
        encoding="utf-8",
        timeout=20,
    )


def test_new_asks_again_for_a_wrong_source_and_suggests_one(repo: Repo) -> None:
    import pexpect

    repo.write("claims/the-police-cash-seized.yaml", "taken: by an earlier claim\n")
    child = _spawn(repo, "new")
    child.expect("Source \\(number or id\\): ")
    child.sendline("7")  # out of range: asked again, not aborted
    child.expect("no source number 7: give a number from 1 to 1, or an id")
    child.expect("Source \\(number or id\\): ")
    child.sendline("the-artcle")
    child.expect("unknown source 'the-artcle'; did you mean 'the-article'\\?")
    child.expect("Source \\(number or id\\): ")
    child.sendline("the-article")
    for prompt, answer in (
        ("Quote", "Officers seized £2.5 million in cash."),
        ("The figure as written", "£2.5 million"),
        ("What is claimed", "Officers seized £2.5 million."),
        ("What is counted", "cash seized"),
        ("Who claims it", "The Police"),
    ):
        child.expect(prompt)
        child.sendline(answer)
    # the id made from the answers is taken: asked for another, not refused
    child.expect("the id 'the-police-cash-seized' exists already")
    child.expect("Id ")
    child.sendline("The Police")
    child.expect("an id is lower-case words joined by hyphens")
    child.sendline("the-police-cash-seized-may")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert (repo.root / "claims/the-police-cash-seized-may.yaml").exists()


def test_new_source_suggests_the_kind_meant(repo: Repo) -> None:
    import pexpect

    child = _spawn(repo, "new-source")
    for prompt, answer in (("Title", "Annual report"), ("Publisher", "NCA")):
        child.expect(prompt)
        child.sendline(answer)
    child.expect("Kind ")
    child.sendline("pres_release")
    child.expect("unknown kind 'pres_release'; did you mean 'press_release'\\?")
    child.sendline("press_release")
    child.expect("Published ")
    child.sendline("next tuesday")
    child.expect("a date is written YYYY-MM-DD")
    child.sendline("2024-05-01")
    child.expect("URL")
    child.sendline("")
    child.expect("Author")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert (
        "kind: press_release\n"
        in (repo.root / "sources/nca-2024-05-01-annual-report.yaml").read_text()
    )


def test_new_without_a_terminal_says_source_is_missing(repo: Repo) -> None:
    run = repo.run("new", "--quote", "x")
    assert run.code == 2
    assert "None" not in run.err
    assert run.err == (
        "factcheck: --source is required when not in a terminal (or run the command in one to "
        "be asked): the id of the source the figure appears in, one of the-article\n"
    )
    flag = repo.run("new", "--source", "the-artcle")
    assert "unknown source 'the-artcle'; did you mean 'the-article'?" in flag.err
    number = repo.run("new", "--source", "1")  # a number answers the terminal's list only
    assert "--source: unknown source '1'" in number.err


def test_ids_are_cut_between_words() -> None:
    from validator.cli.scaffold import slug

    made = slug(
        "National Crime Agency children safeguarded and suspects arrested every single month"
    )
    assert made == "national-crime-agency-children-safeguarded-and-suspects"
    assert len(made) <= 60 and not made.endswith("-")
    assert slug("x" * 70) == "x" * 60  # one word longer than an id: the only cut inside a word
    assert slug("Ünïcödé Agency") == "unicode-agency"


# factcheck new --from-snapshot ----------------------------------------------------------------

NEW_FIGURES = (
    "Police made around 1,200 arrests every month between January and March this year.\n"
    "The index stood at 4,80 in the spring.\n"
)
DRAFT = "claims/draft-around-1-200-arrests-every-month-between.yaml"
FILLED = """\
claim: Police made about 1,200 arrests a month in the first quarter of 2024.
measure: arrests by the police
claimant: The Police
verdict:
  rating: unverifiable
  explanation: Not yet checked against a primary source.
  checked_against: []
"""


def test_drafts_from_a_snapshot(repo: Repo, shots: Path) -> None:
    (shots / "the-article.txt").write_text(ARTICLE + NEW_FIGURES, encoding="utf-8")
    run = repo.run("new", "--from-snapshot", "the-article", "--snapshots", str(shots))
    assert run.code == 0, run.err
    assert run.out.startswith(f"wrote {DRAFT}\nwrote claims/draft-4-80-in-the-spring.yaml\n")
    text = (repo.root / DRAFT).read_text()
    for line in (
        "id: draft-around-1-200-arrests-every-month-between\n",
        'quote: "Police made around 1,200 arrests every month between January and March this '
        'year."\n',
        'as_written: "around 1,200"\nvalue: 1200\nunit: count\napproximate: true\n',
        "period:\n  start: 2024-01-01\n  end: 2024-03-31\nper: month\n",
        "source: the-article\n",
        "tags: [draft]\n",
    ):
        assert line in text, line
    unread = (repo.root / "claims/draft-4-80-in-the-spring.yaml").read_text()
    assert "value:  # not read from as_written (" in unread
    # validate reports each draft until a person fills it in; its figure is not 'uncovered'
    found = repo.run("validate", "--snapshots", str(shots), "--format", "json").json["findings"]
    mine = sorted(f["message"].split("'")[1] for f in found if f["path"] == DRAFT)
    assert mine == ["claim", "claimant", "measure", "verdict"]
    assert "FC705" not in {f["code"] for f in found}
    # filled in, it is a claim like any other, and every check passes
    (repo.root / DRAFT).write_text(text + FILLED)
    found = repo.run("validate", "--snapshots", str(shots), "--format", "json").json["findings"]
    assert [f for f in found if f["path"] == DRAFT] == []
    # and a second run writes nothing: every figure is covered now
    again = repo.run("new", "--from-snapshot", "the-article", "--snapshots", str(shots))
    assert "wrote" not in again.out and "is covered or set aside" in again.out


def test_drafts_never_overwrite(repo: Repo, shots: Path) -> None:
    (shots / "the-article.txt").write_text(ARTICLE + NEW_FIGURES, encoding="utf-8")
    repo.write(DRAFT, "mine: do not touch\n")
    run = repo.run("new", "--from-snapshot", "the-article", "--snapshots", str(shots))
    assert f"factcheck: {DRAFT} exists already: left as it is" in run.err
    assert (repo.root / DRAFT).read_text() == "mine: do not touch\n"


def test_an_equivalent_in_brackets_joins_its_figure(repo: Repo, shots: Path) -> None:
    (shots / "the-article.txt").write_text("It cost £2 million ($2.5 million) in all.\n")
    run = repo.run("new", "--from-snapshot", "the-article", "--snapshots", str(shots))
    (line,) = [x for x in run.out.splitlines() if x.startswith("wrote ")]
    text = (repo.root / line.removeprefix("wrote ")).read_text()
    assert 'as_written: "£2 million"\nvalue: 2000000\nunit: GBP\nequivalents:\n' in text
    assert '  - as_written: "$2.5 million"\n    value: 2500000\n    unit: USD\n' in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from-snapshot", "the-artcle"], "no source 'the-artcle'; did you mean 'the-article'?"),
        (["--from-snapshot", "the-article", "--quote", "x"], "leave out --quote"),
        (["--from-snapshot", "the-article", "--snapshots", "nowhere"], "no snapshot of"),
    ],
)
def test_drafts_usage_errors(repo: Repo, args: list[str], message: str) -> None:
    run = repo.run("new", *args)
    assert run.code == 2 and message in run.err, run.err
