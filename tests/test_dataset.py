"""The repository's own dataset, and the README's promises about it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO, SHARED, Repo
from validator import rules
from validator.analysis.coverage import cover
from validator.engine import validate
from validator.model.plain import Claim, Source
from validator.values.text import find_passage
from validator.workspace.project import find


def test_the_dataset_validates_clean(repo: Repo) -> None:
    run = repo.run("validate", "--root", str(REPO), "--format", "json")
    assert run.code == 0
    # One note, no error or warning: "$5.9 million" fits the rate of the article's date, not
    # the mean rate of January to March 2024 that the money belongs to.
    found = [(f["code"], f["severity"]) for f in run.json["findings"]]
    # FC703 notes too where ../shared is absent: the quotes cannot be checked there
    assert [f for f in found if f[0] != "FC703"] == [("FC610", "info")]
    assert run.json["files"] >= 20


def test_readme_lists_every_rule() -> None:
    readme = (REPO / "README.md").read_text()
    listed = re.findall(r"^\| `(FC\d{3})` \|", readme, flags=re.MULTILINE)
    assert listed == list(rules.registry())


def test_ci_runs_the_readme_commands() -> None:
    readme = (REPO / "README.md").read_text()
    commands = re.findall(r"^```sh\n(.+?)\n```", readme, flags=re.MULTILINE | re.DOTALL)
    setup = [c for c in commands if c.startswith("python3 -m venv")]
    assert len(setup) == 2
    ci = (REPO / ".ci" / "run").read_text()
    for command in setup:
        assert command in ci


ARTICLE = SHARED / "sources" / "forbes-2024-04-22-europol-e2ee.txt"
needs_snapshot = pytest.mark.skipif(
    not ARTICLE.exists(),
    reason=f"the article snapshot {ARTICLE} is not present (../shared is absent)",
)


def _dataset() -> tuple[Source, list[Claim]]:
    result = validate(find(REPO), [])
    assert [f.code for f in result.findings if f.code != "FC703"] == ["FC610"]
    sources = {r.model.id: r.model for r in result.records if isinstance(r.model, Source)}
    article = sources["forbes-2024-04-22-europol-e2ee"]
    # The article's claims; the NPCC's answer to the same release is a claim of its own source.
    claims = [r.model for r in result.records if isinstance(r.model, Claim)]
    return article, [c for c in claims if c.source == article.id]


@needs_snapshot
def test_every_quote_stands_in_the_article() -> None:
    _, claims = _dataset()
    text = ARTICLE.read_text(encoding="utf-8")
    for claim in claims:
        assert find_passage(text, claim.quote) is not None, claim.id
        if not claim.implied:
            assert claim.as_written in claim.quote, claim.id


@needs_snapshot
def test_every_figure_in_the_article_is_a_claim_or_set_aside() -> None:
    article, claims = _dataset()
    covered = cover(article, ARTICLE.read_text(encoding="utf-8"), claims)
    missing = [(c.mention.line, c.mention.text) for c in covered if not c.ok]
    assert missing == []
    assert len(covered) >= 16
    assert sum(1 for c in covered if c.set_aside) == 3


def test_every_verdict_cites_a_source_or_says_none_was_found() -> None:
    _, claims = _dataset()
    for claim in claims:
        assert claim.verdict.checked_against or claim.verdict.rating == "unverifiable", claim.id


def test_no_waiver_lacks_a_reason() -> None:
    result = validate(find(REPO), [])
    for record in result.records:
        assert all(why.strip() for why in record.model.waive.values())


def test_coverage_flags_an_uncovered_figure(tmp_path: Path) -> None:
    article, claims = _dataset()
    text = "Police made 41 arrests.\n"
    (covered,) = cover(article, text, claims)
    assert (covered.mention.text, covered.ok) == ("41", False)
