"""The contributor's path: a claim that fails to load is one problem, not two; `factcheck new`
asks again on a bad answer; drafts from a snapshot."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CLAIM, SOURCE, Repo

ARTICLE = """\
A headline with no figures

Officers said the recovery of £4.8 million ($5.9 million), all between October and December
last year, was a record.
In one example, a dog found the cash.
"""


@pytest.fixture
def shots(repo: Repo, tmp_path: Path) -> Path:
    folder = tmp_path / "snapshots"
    folder.mkdir()
    (folder / "the-article.txt").write_text(ARTICLE, encoding="utf-8")
    repo.write(
        "sources/the-article.yaml",
        SOURCE + "set_aside:\n  - text: In one example\n    reason: an anecdote, not a claim\n",
    )
    return folder


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
