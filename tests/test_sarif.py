"""SARIF 2.1.0 output: valid against the official schema where ../shared has it."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SHARED, Repo

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def _sarif(repo: Repo) -> dict:
    repo.edit("value: 4800000", "value: 1")
    repo.write("claims/dup.yaml", "a: 1\na: 2\n")
    run = repo.run("validate", "--format", "sarif")
    assert run.code == 1
    return run.json


def test_sarif_structure(repo: Repo) -> None:
    log = _sarif(repo)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"FC002", "FC301"}
    results = {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
        for r in run["results"]
    }
    # the file with a duplicate key is still read: its unknown and missing fields are found too
    assert results == {("FC002", 2), ("FC301", 6), ("FC101", 2), ("FC102", 1)}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uri"].startswith("claims/") and location["uriBaseId"] == "SRCROOT"
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"].endswith("/")


@pytest.mark.skipif(
    not SARIF_SCHEMA.exists(), reason="../shared/schemas/sarif-schema-2.1.0.json is not present"
)
def test_sarif_validates_against_the_official_schema(repo: Repo) -> None:
    from jsonschema.validators import validator_for

    schema = json.loads(SARIF_SCHEMA.read_text())
    validator = validator_for(schema)(schema)  # the SARIF schema declares draft-04
    errors = list(validator.iter_errors(_sarif(repo)))
    assert errors == []


SNAPSHOT = (
    "the recovery of £4.8 million ($5.9 million), all between October and December "
    "last year\nand 29 threats to life.\n"
)


def _with_outside_snapshot(repo: Repo, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """An uncovered figure in a snapshot kept outside the repository, as ../shared is."""
    outside = tmp_path_factory.mktemp("shared")
    (outside / "the-article.txt").write_text(SNAPSHOT, encoding="utf-8")
    run = repo.run("validate", "--format", "sarif", "--snapshots", str(outside))
    assert run.code == 0, run.err  # FC705 is a warning
    return run.json


def test_sarif_places_a_snapshot_finding_on_its_source_record(
    repo: Repo, tmp_path_factory: pytest.TempPathFactory
) -> None:
    (run,) = _with_outside_snapshot(repo, tmp_path_factory)["runs"]
    (result,) = [r for r in run["results"] if r["ruleId"] == "FC705"]
    (location,) = result["locations"]
    artifact = location["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "sources/the-article.yaml", "uriBaseId": "SRCROOT"}
    (related,) = result["relatedLocations"]
    where = related["physicalLocation"]
    assert where["artifactLocation"]["uri"].startswith("file:///")
    assert where["artifactLocation"]["uri"].endswith("/the-article.txt")
    assert "uriBaseId" not in where["artifactLocation"]
    assert where["region"] == {"startLine": 2, "startColumn": 5}
    for r in run["results"]:  # no result points outside the repository
        for loc in r.get("locations", []):
            uri = loc["physicalLocation"]["artifactLocation"]["uri"]
            assert not uri.startswith(("../", "/", "file:")), uri


def _fingerprints(repo: Repo) -> dict[str, str]:
    (run,) = repo.run("validate", "--format", "sarif").json["runs"]
    return {r["ruleId"]: r["partialFingerprints"]["factcheck/v1"] for r in run["results"]}


def test_sarif_fingerprints_do_not_move_with_the_finding(repo: Repo) -> None:
    repo.edit("value: 4800000", "value: 1")
    before = _fingerprints(repo)
    assert set(before) == {"FC301"}
    # Three lines above it: the finding moves down, its fingerprint stays.
    repo.edit("value: 4800000", "value: 1").write_text(
        "# a\n# b\n# c\n" + (repo.root / "claims/money-recovered.yaml").read_text()
    )
    assert _fingerprints(repo) == before
    # A different finding of the same rule in the same record is a different alert.
    repo.edit("value: 4800000", "value: 2")
    assert _fingerprints(repo) != before


def test_sarif_identical_findings_get_distinct_fingerprints(repo: Repo) -> None:
    repo.write("claims/dup.yaml", "a: 1\na: 2\nb: 1\nb: 2\nb: 3\n")
    (run,) = repo.run("validate", "--format", "sarif").json["runs"]
    prints = [r["partialFingerprints"]["factcheck/v1"] for r in run["results"]]
    assert len(prints) == len(set(prints))


def test_sarif_links_to_the_home_page_only_when_one_is_configured(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from validator.formats import sarif

    monkeypatch.setattr(sarif, "home_page", lambda: None)
    driver = _sarif(repo)["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver
    assert all("helpUri" not in rule for rule in driver["rules"])

    monkeypatch.setattr(sarif, "home_page", lambda: "https://example.org/factcheck")
    driver = _sarif(repo)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/factcheck"
    assert {rule["helpUri"] for rule in driver["rules"]} == {"https://example.org/factcheck#rules"}


def test_home_page_comes_from_the_package_metadata() -> None:
    from validator.formats import sarif

    sarif.home_page.cache_clear()
    home = sarif.home_page()
    assert home is None or home.startswith(("https://", "http://"))


@pytest.mark.skipif(
    not SARIF_SCHEMA.exists(), reason="../shared/schemas/sarif-schema-2.1.0.json is not present"
)
def test_sarif_with_snapshots_and_links_validates_against_the_official_schema(
    repo: Repo, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jsonschema import FormatChecker
    from jsonschema.validators import validator_for

    from validator.formats import sarif

    monkeypatch.setattr(sarif, "home_page", lambda: "https://example.org/factcheck")
    schema = json.loads(SARIF_SCHEMA.read_text())
    validator = validator_for(schema)(schema, format_checker=FormatChecker())
    log = _with_outside_snapshot(repo, tmp_path_factory)
    assert list(validator.iter_errors(log)) == []
    assert log["runs"][0]["results"][0]["partialFingerprints"]
