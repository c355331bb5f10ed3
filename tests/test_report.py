"""Reading the dataset: the report in three formats, the HTML page in Chromium, and the exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import REPO, Repo
from validator.model.vocabulary import RATING_SCALE

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


def _words(out: str) -> set[str]:
    return set(out.replace("│", " ").replace("┃", " ").split())


@pytest.mark.parametrize("width", [60, 80, 86, 100, 140])
def test_rich_report_breaks_no_word_and_no_date(
    repo: Repo, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """Columns fold, words do not: below the narrowest table that keeps every word whole, each
    claim is a block of its own."""
    monkeypatch.setenv("COLUMNS", str(width))
    out = repo.run("report", *ROOT, "--format", "rich").out
    assert max(len(line.rstrip()) for line in out.splitlines()) <= width
    data = repo.run("report", *ROOT, "--format", "json").json
    seen = _words(out)
    for claim in data["claims"]:
        expected = [*claim["measure"].split(), *claim["claimant"].split()]
        expected += claim["verdict_label"].split()
        expected += [str(claim.get("as_of", ""))] if "as_of" in claim else []
        expected += list(claim["period"].values()) if "period" in claim else []
        missing = [w for w in expected if w not in seen]
        assert not missing, (width, claim["id"], missing)
    assert "2024-12-" not in out and "Unverifi\n" not in out
    # a check's words stay together: "no conflict ✓" is never split over two lines
    assert "no conflict ✓" in out and "conversion ✓" in out


def test_reports_explain_the_checks_and_label_the_note(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    rich = repo.run("report", *ROOT, "--format", "rich").out
    markdown = repo.run("report", *ROOT, "--format", "markdown").out
    for out in (rich, markdown):
        for name in ("record", "figure", "dates", "conversion", "derivation", "no conflict"):
            assert name in out
        assert "the quote stands in the source's text" in out.replace("\n  ", " ")
        assert "note (FC610, not a failed check)" in " ".join(out.split())
    assert "## Checks" in markdown and "- **conversion**: each equivalent" in markdown
    assert "Checks" in rich
    assert repo.run("report", *ROOT, "--format", "json").json["checks"]["record"]


MONEY = "nca-warrant-data-money-recovered-q1-2024"


def test_one_claim_in_full_in_every_format(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    markdown = repo.run("report", *ROOT, "--format", "markdown", "--claim", MONEY).out
    assert f"## {MONEY}" in markdown
    for part in (
        "- quote: “Meanwhile, one stream of data",
        "- figure: £4.8 million ($5.9 million) = 4800000 GBP",
        "- verdict: **Unverifiable** — The £4.8 million belongs to the NCA release",
        "- checked against: `nca-2024-04-21-police-chiefs-e2ee`",
        "- primary source: European police chiefs call",
        "### Consistency checks",
        "- note (FC610, not a failed check): at the mean rate of the figure's period, £4.8M",
    ):
        assert part in markdown, part
    assert "| figure |" not in markdown  # not a table row
    data = repo.run("report", *ROOT, "--format", "json", "--claim", MONEY).json
    (claim,) = data["claims"]
    assert claim["quote"].startswith("Meanwhile") and claim["verdict"]["explanation"]
    assert [(f["code"], f["severity"]) for f in claim["findings"]] == [("FC610", "info")]
    assert claim["notes"] and "mean of 63 ECB days" in claim["notes"][0]
    monkeypatch.setenv("COLUMNS", "80")
    rich = repo.run("report", *ROOT, "--format", "rich", "--claim", MONEY).out
    assert "note (FC610, not a failed check)" in " ".join(rich.replace("│", " ").split())
    assert re.search(r"conversion +each equivalent", rich)


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


URL = ["--url", "https://example.org/claims/{id}"]


def test_claimreview_has_every_required_field(repo: Repo) -> None:
    run = repo.run("export", *ROOT, "--format", "claimreview", *URL, "--date", "2026-11-28")
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


@pytest.mark.parametrize(
    ("config", "flags", "message"),
    [
        ("", [], "a ClaimReview needs the address where each review is published"),
        (
            'review_url = "claims/{id}.yaml"\n',
            [],
            "review_url 'claims/{id}.yaml' is not an absolute",
        ),
        ("", ["--url", "claims/{id}"], "--url 'claims/{id}' is not an absolute address"),
        ("", ["--url", "https://example.org/c"], "write {id} where the claim's id goes"),
        (
            "",
            [*URL, "--date", "next tuesday"],
            "--date 'next tuesday': a date is written YYYY-MM-DD",
        ),
        ("", [*URL, "--date", "2024-02-30"], "--date '2024-02-30': no such day"),
    ],
)
def test_claimreview_needs_an_absolute_url_and_a_date(
    repo: Repo, config: str, flags: list[str], message: str
) -> None:
    repo.write("pyproject.toml", f"[tool.factcheck]\n{config}")
    run = repo.run("export", "--format", "claimreview", *flags)
    assert run.code == 2 and run.out == ""
    assert message in run.err and run.err.count("\n") == 1, run.err


def test_claimreview_url_from_the_configuration(repo: Repo) -> None:
    repo.write("pyproject.toml", '[tool.factcheck]\nreview_url = "https://example.org/r/{id}"\n')
    run = repo.run("export", "--format", "claimreview", "--date", "2024-05-01")
    assert run.code == 0, run.err
    item = json.loads(run.out)[0]
    assert item["url"] == "https://example.org/r/money-recovered"
    assert item["datePublished"] == "2024-05-01"


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
    assert [lic["name"] for lic in package.licenses] == ["CC-BY-4.0"]
    sources = {r["id"]: r for r in package.get_resource("sources").read_rows()}
    assert sources[money["source"]]["publisher"] == "Forbes"
    assert {r["source"] for r in rows} <= set(sources)
    keys = package.get_resource("claims").schema.foreign_keys
    assert {k["fields"][0] for k in keys} == {"source", "primary_source"}


def test_datapackage_foreign_keys_are_checked(repo: Repo, tmp_path: Path) -> None:
    """frictionless checks claims.source against sources.id: a claim citing a source the
    package lacks is an error, so the keys are real, not decoration."""
    frictionless = pytest.importorskip("frictionless")
    out = tmp_path / "package"
    assert repo.run("export", "--format", "datapackage", "--output", str(out)).code == 0
    assert frictionless.validate(str(out / "datapackage.json")).valid
    sources = (out / "sources.csv").read_text(encoding="utf-8")
    (out / "sources.csv").write_text(sources.replace("the-article", "another"), encoding="utf-8")
    report = frictionless.validate(str(out / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {e[0] for e in report.flatten(["type"])}


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
