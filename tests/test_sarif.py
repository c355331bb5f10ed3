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
    assert results == {("FC002", 2), ("FC301", 6)}
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
