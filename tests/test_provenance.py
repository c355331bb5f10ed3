"""Quotes against snapshots the tests write, integrity hashes, and coverage of every figure."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import ARTICLE, REPO, SHARED, Repo


def test_quotes_and_figures_check_out(repo: Repo, shots: Path) -> None:
    assert repo.run("validate", "--snapshots", str(shots)).code == 0
    assert repo.run("coverage", "--snapshots", str(shots)).code == 0


def test_a_quote_altered_by_one_word_shows_the_closest_passage(repo: Repo, shots: Path) -> None:
    repo.edit("all between October", "all from October")
    run = repo.run("validate", "--snapshots", str(shots), "--format", "json")
    (finding,) = run.json["findings"]
    assert (finding["code"], finding["line"]) == ("FC701", 4)
    assert "'from' where the source has 'between'" in finding["message"]
    assert "snapshots/the-article.txt:3)" in finding["message"]
    assert finding["hint"].startswith(
        'copy the sentence as the source has it: "Officers said the recovery'
    )


PARAGRAPHS = (
    "A headline\n\n\nOfficers said the recovery of £4.8 million ($5.9 million), all between "
    "October and December last year. The U.K. and 27 others agreed. In one example, a dog "
    "found the cash.\n"
)


@pytest.mark.parametrize(
    ("quote", "differs"),
    [
        # The alignment begins in the blank lines before the sentence: the line is still its own.
        (
            "Yesterday officers said the recovery of £4.8 million ($5.9 million), all between "
            "October and December last year",
            "'Yesterday' is not in the source",
        ),
        # A quote that is part of a sentence: the rest of the sentence is no difference.
        (
            "the recovery of £4.8 million ($5.9 million), all from October and December",
            "'from' where the source has 'between'",
        ),
    ],
)
def test_fc701_points_at_the_sentence_and_offers_one(
    repo: Repo, shots: Path, quote: str, differs: str
) -> None:
    (shots / "the-article.txt").write_text(PARAGRAPHS, encoding="utf-8")
    aside = "  - text: 27 others\n    reason: not a figure of this test\n"
    repo.write(
        "sources/the-article.yaml", (repo.root / "sources/the-article.yaml").read_text() + aside
    )
    repo.edit(
        'quote: "the recovery of £4.8 million ($5.9 million), all between October and December '
        'last year"',
        f'quote: "{quote}"',
    )
    (finding,) = repo.run("validate", "--snapshots", str(shots), "--format", "json").json[
        "findings"
    ]
    assert finding["code"] == "FC701"
    assert "snapshots/the-article.txt:4)" in finding["message"]  # not 3, the blank line
    assert finding["message"].endswith(f"differs: {differs}")
    assert finding["hint"] == (
        'copy the sentence as the source has it: "Officers said the recovery of £4.8 million '
        '($5.9 million), all between October and December last year."'
    )


def test_fc701_sentences_do_not_end_at_initials() -> None:
    from validator.analysis.snapshots import closest

    near = closest(PARAGRAPHS, "The U.K. and 28 others agreed.")
    assert near.passage == "The U.K. and 27 others agreed."
    assert near.differences == ["'28' where the source has '27'"]


def test_quote_matching_ignores_quote_styles_dashes_and_spacing(repo: Repo, shots: Path) -> None:
    (shots / "the-article.txt").write_text(ARTICLE.replace("recovery of", "recovery\u00a0of"))
    repo.edit("all between", "all  between")
    assert repo.run("validate", "--snapshots", str(shots)).code == 0


def test_as_written_must_stand_in_the_quote(repo: Repo) -> None:
    repo.edit('as_written: "$5.9 million"', 'as_written: "US$5.9 million"')
    assert repo.codes() == [("FC702", 9)]


def test_implied_figures_need_not_stand_in_the_quote(repo: Repo) -> None:
    repo.edit('as_written: "£4.8 million"', 'implied: true\nas_written: "£4,800,000"')
    assert [c for c, _ in repo.codes() if c != "FC610"] == []


def test_a_named_folder_without_the_snapshot_gives_one_note(repo: Repo, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    repo.write(
        "claims/second.yaml",
        (repo.root / "claims/money-recovered.yaml")
        .read_text()
        .replace("id: money-recovered", "id: second"),
    )
    run = repo.run("validate", "--snapshots", str(empty), "--format", "json")
    notes = [f for f in run.json["findings"] if f["code"] == "FC703"]
    assert run.code == 0
    assert len(notes) == 1 and notes[0]["severity"] == "info"


def test_snapshot_folder_from_the_environment(
    repo: Repo, shots: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.edit("all between October", "all from October")
    monkeypatch.setenv("FACTCHECK_SNAPSHOTS", str(shots))
    assert [c for c, _ in repo.codes()] == ["FC701"]


def test_snapshot_folder_from_pyproject(repo: Repo, shots: Path) -> None:
    repo.write("pyproject.toml", '[tool.factcheck]\nsnapshots = "snapshots"\n')
    repo.edit("all between October", "all from October")
    assert [c for c, _ in repo.codes()] == ["FC701"]


def test_integrity_hash(repo: Repo, shots: Path) -> None:
    digest = hashlib.sha256((shots / "the-article.txt").read_bytes()).hexdigest()
    source = (repo.root / "sources/the-article.yaml").read_text()
    repo.write("sources/the-article.yaml", source + f"snapshot_sha256: {digest}\n")
    assert repo.run("validate", "--snapshots", str(shots)).code == 0
    (shots / "the-article.txt").write_text(ARTICLE.replace("a record", "the record"))
    run = repo.run("validate", "--snapshots", str(shots), "--format", "json")
    (finding,) = run.json["findings"]
    assert (finding["code"], finding["path"], finding["line"]) == (
        "FC704",
        "sources/the-article.yaml",
        11,
    )
    assert "the text changed under the claims" in finding["message"]


def test_an_uncovered_figure(repo: Repo, shots: Path) -> None:
    (shots / "the-article.txt").write_text(ARTICLE + "Police made 41 arrests.\n")
    run = repo.run("coverage", "--snapshots", str(shots))
    assert run.code == 1
    assert "snapshots/the-article.txt:6:13: 41 -> NOT COVERED" in run.out
    assert run.out.splitlines()[-1] == (
        "factcheck: 4 figures in 1 source: 2 claimed, 1 set aside, 1 not covered"
    )
    payload = repo.run("coverage", "--snapshots", str(shots), "--format", "json").json
    (source,) = payload["sources"]
    assert [(f["text"], f["covered"]) for f in source["figures"]] == [
        ("£4.8 million", True),
        ("$5.9 million", True),
        ("one", True),
        ("41", False),
    ]
    found = repo.run("validate", "--snapshots", str(shots), "--format", "json").json["findings"]
    assert [(f["code"], f["line"], f["column"]) for f in found] == [("FC705", 6, 13)]
    assert found[0]["path"].endswith("snapshots/the-article.txt")


def test_a_set_aside_passage_that_is_not_there(repo: Repo, shots: Path) -> None:
    source = (repo.root / "sources/the-article.yaml").read_text()
    repo.write("sources/the-article.yaml", source.replace("In one example", "In one case"))
    codes = {
        f["code"]
        for f in repo.run("validate", "--snapshots", str(shots), "--format", "json").json[
            "findings"
        ]
    }
    assert codes == {"FC705", "FC706"}


def test_coverage_usage_errors(repo: Repo, shots: Path, tmp_path: Path) -> None:
    assert repo.run("coverage", "nothing-here", "--snapshots", str(shots)).code == 2
    assert repo.run("coverage", "the-article", "--snapshots", str(tmp_path)).code == 2


ARTICLE_SNAPSHOT = SHARED / "sources" / "forbes-2024-04-22-europol-e2ee.txt"


@pytest.mark.skipif(
    not ARTICLE_SNAPSHOT.exists(), reason="../shared/sources is absent: no article snapshot"
)
def test_the_dataset_against_the_article(repo: Repo) -> None:
    snapshots = str(SHARED / "sources")
    run = repo.run("validate", "--root", str(REPO), "--snapshots", snapshots, "--format", "json")
    # Notes, not failures: the period-mean rate, and the NPCC statement has no snapshot.
    assert [f["code"] for f in run.json["findings"]] == ["FC610", "FC703"]
    coverage = repo.run("coverage", "--root", str(REPO), "--snapshots", snapshots)
    assert coverage.code == 0
    assert coverage.out.splitlines()[-1] == (
        "factcheck: 16 figures in 1 source: 13 claimed, 3 set aside, 0 not covered"
    )


def test_a_waiver_of_fc705_in_the_source_covers_its_snapshot(repo: Repo, shots: Path) -> None:
    # The finding points into the snapshot but belongs to the source record: the record's
    # waiver applies to it, and is not reported as unused.
    (shots / "the-article.txt").write_text(ARTICLE + "Police made 41 arrests.\n")
    source = (repo.root / "sources/the-article.yaml").read_text()
    repo.write("sources/the-article.yaml", source + 'waive: {FC705: "a list of every arrest"}\n')
    run = repo.run("validate", "--snapshots", str(shots), "--format", "json")
    assert run.json["findings"] == []
    assert run.json["waived"] == 1


def test_snapshot_findings_count_for_their_source_record(repo: Repo, shots: Path) -> None:
    (shots / "the-article.txt").write_text(ARTICLE + "Police made 41 arrests and 42 more.\n")
    run = repo.run("validate", "--snapshots", str(shots))
    assert run.out.splitlines()[-1] == "factcheck: 2 warnings in 1 of 2 files"
