"""Reading the dataset: the report in three formats, the HTML page in Chromium, and the exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO, Repo
from validator.model.records import RATING_SCALE

ROOT = ["--root", str(REPO), "--snapshots", str(REPO / "no-snapshots-here")]


def test_markdown_report(repo: Repo) -> None:
    out = repo.run("report", *ROOT, "--format", "markdown").out
    assert out.startswith("# Fact-check report\n")
    assert (
        "## Europol Speaks Out Against End-To-End Encryption — Forbes, 2024-04-22 (article)" in out
    )
    assert "| £4.8 million ($5.9 million) | money recovered with the help of warrant data" in out
    assert "× 1.23158 (ECB 2024-04-22)" in out
    assert "**16 claims**: Accurate 7, Mostly accurate 6, Unverifiable 3" in out


def test_report_is_markdown_when_piped(repo: Repo) -> None:
    assert repo.run("report", *ROOT).out.startswith("# Fact-check report\n")


def test_rich_report_without_colour(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    out = repo.run("report", *ROOT, "--format", "rich").out
    assert "\x1b[" not in out  # not a terminal: no escape codes
    assert "Consistency checks" in out
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "16 claims: Accurate 7, Mostly accurate 6, Unverifiable 3; 0 errors" in out


def test_one_claim_in_full(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    out = repo.run(
        "report", *ROOT, "--format", "rich", "--claim", "meta-teen-messaging-restriction-age"
    ).out
    assert "Accurate" in out and "25 January 2024" in out
    assert repo.run("report", *ROOT, "--claim", "no-such-claim").code == 2


def test_json_report(repo: Repo) -> None:
    data = repo.run("report", *ROOT, "--format", "json").json
    claims = {c["id"]: c for c in data["claims"]}
    money = claims["nca-warrant-data-money-recovered-q1-2024"]
    assert money["value"] == "4800000"
    assert money["checks_passed"] == ["record", "figure", "dates", "conversion", "no conflict"]
    assert any("ECB 2024-04-22" in a for a in money["arithmetic"])
    assert claims["declaration-countries-total"]["checks_passed"][3] == "derivation"


# The HTML page: tests/test_page.py


# Exports ------------------------------------------------------------------------------------------


def test_claimreview_has_every_required_field(repo: Repo) -> None:
    run = repo.run("export", *ROOT, "--format", "claimreview", "--date", "2026-11-28")
    reviews = json.loads(run.out)
    assert len(reviews) == 16
    for item in reviews:
        assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
        for field in (
            "claimReviewed",
            "url",
            "author",
            "datePublished",
            "reviewRating",
            "itemReviewed",
        ):
            assert item[field], field
        assert item["author"]["name"]
        rating = item["reviewRating"]
        assert rating["alternateName"] in {label for label, _, _ in RATING_SCALE.values()}
        if "ratingValue" in rating:
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        else:
            assert rating["alternateName"] == "Unverifiable"
        claim = item["itemReviewed"]
        assert claim["@type"] == "Claim" and claim["author"]["name"] and claim["datePublished"]
        assert claim["appearance"][0]["headline"]


def test_claimreview_url_template(repo: Repo) -> None:
    run = repo.run(
        "export", *ROOT, "--format", "claimreview", "--url", "https://example.org/c/{id}"
    )
    assert json.loads(run.out)[0]["url"] == "https://example.org/c/declaration-countries-total"


def test_csv_columns_are_stable(repo: Repo) -> None:
    from validator.report.exports import COLUMNS

    lines = repo.run("export", *ROOT, "--format", "csv").out.splitlines()
    assert lines[0] == ",".join(name for name, _, _ in COLUMNS)
    assert lines[0].startswith("id,claim,quote,as_written,value,unit,")
    assert any(line.startswith("nca-warrant-data-arrests-q1-2024,") for line in lines)


def test_datapackage_validates_with_frictionless(repo: Repo, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    out = tmp_path / "package"
    assert repo.run("export", *ROOT, "--format", "datapackage", "--output", str(out)).code == 0
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    package = frictionless.Package(str(out / "datapackage.json"))
    rows = package.get_resource("claims").read_rows()
    assert len(rows) == 16
    money = next(r for r in rows if r["id"] == "nca-warrant-data-money-recovered-q1-2024")
    assert money["value"] == 4800000 and money["rating_value"] is None


def test_export_refuses_a_broken_dataset(repo: Repo) -> None:
    repo.edit("value: 4800000", "value: 1")
    assert repo.run("export", "--format", "csv").code == 1


ARTICLE = REPO.parent / "shared" / "sources" / "forbes-2024-04-22-europol-e2ee.txt"


@pytest.mark.skipif(not ARTICLE.exists(), reason="../shared/sources is absent: no reading order")
def test_claims_come_in_the_articles_order(repo: Repo) -> None:
    out = repo.run(
        "report", "--root", str(REPO), "--snapshots", str(ARTICLE.parent), "--format", "markdown"
    ).out
    figures = [
        line.split(" | ")[0].lstrip("| ")
        for line in out.splitlines()
        if line.startswith("| ") and "---" not in line
    ]
    figures = [f for f in figures if f != "figure"]
    assert figures[:4] == ["around 1,200 per month", "around 800 per month", "92%", "85%"]
    assert figures.index("27") < figures.index("(1)") < figures.index("(32)")  # parts, then total
    # The article's last figure closes its table; the NPCC's own figure follows in its source's.
    assert figures[-2:] == ["over 19", "1000 per month"]
