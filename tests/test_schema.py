"""The JSON Schemas: generated from the models, committed in sync, and agreeing with the models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import CLAIM, REPO, SOURCE, Repo
from validator.load import load
from validator.model import schema_files as schema_gen
from validator.model.records import Claim, Source


def test_committed_schemas_are_in_sync() -> None:
    assert schema_gen.stale(REPO / "schema") == []


def test_schema_check_fails_when_stale_and_write_fixes_it(repo: Repo, tmp_path: Path) -> None:
    assert repo.run("schema", "--check").code == 1  # no schema folder yet
    assert repo.run("schema").code == 0
    assert repo.run("schema", "--check").code == 0
    path = tmp_path / "schema/claim.schema.json"
    path.write_text(path.read_text().replace('"title": "Claim"', '"title": "Old"'))
    run = repo.run("schema", "--check")
    assert (run.code, "claim.schema.json: out of date" in run.out) == (1, True)


def test_claim_files_name_their_schema() -> None:
    for path in (REPO / "claims").glob("*.yaml"):
        assert path.read_text().startswith(
            "# yaml-language-server: $schema=../schema/claim.schema.json\n"
        )


def _validator(name: str) -> Draft202012Validator:
    schema = json.loads((REPO / "schema" / f"{name}.schema.json").read_text())
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _data(tmp_path: Path, text: str) -> object:
    path = tmp_path / "x.yaml"
    path.write_text(text)
    doc, findings = load(path, "x.yaml")
    assert doc is not None, findings
    return doc.data


BAD_CLAIMS = {
    "unknown field": CLAIM.replace("quote:", "qoute:"),
    "missing field": CLAIM.replace("measure: money recovered\n", ""),
    "quoted value": CLAIM.replace("value: 4800000", 'value: "4800000"'),
    "bad rating": CLAIM.replace("rating: accurate", "rating: sort-of"),
    "number as text": CLAIM.replace('as_written: "£4.8 million"', "as_written: 327"),
    "bad date": CLAIM.replace("start: 2023-10-01", "start: 2023-13-01"),
    "bad slug": CLAIM.replace("id: money-recovered", "id: Money Recovered"),
    "boolean as text": CLAIM.replace("tags: [money]", "approximate: 'yes'\ntags: [money]"),
    "bad unit": CLAIM.replace("unit: GBP", "unit: Pounds"),
    "empty operands": CLAIM.replace(
        "tags: [money]", "derived_from: {operation: sum, operands: []}"
    ),
}


@pytest.mark.parametrize("text", [CLAIM], ids=["good"])
def test_schema_and_model_accept_the_good_claim(tmp_path: Path, text: str) -> None:
    data = _data(tmp_path, text)
    assert list(_validator("claim").iter_errors(data)) == []
    Claim.model_validate(data)


@pytest.mark.parametrize("text", BAD_CLAIMS.values(), ids=BAD_CLAIMS.keys())
def test_schema_and_model_reject_the_same_bad_claims(tmp_path: Path, text: str) -> None:
    data = _data(tmp_path, text)
    assert list(_validator("claim").iter_errors(data)) != []
    with pytest.raises(ValueError):
        Claim.model_validate(data)


def test_schema_and_model_agree_on_sources(tmp_path: Path) -> None:
    good = _data(tmp_path, SOURCE)
    assert list(_validator("source").iter_errors(good)) == []
    Source.model_validate(good)
    bad = _data(tmp_path, SOURCE.replace("kind: article", "kind: rumour"))
    assert list(_validator("source").iter_errors(bad)) != []
    with pytest.raises(ValueError):
        Source.model_validate(bad)


def test_repository_records_validate_against_the_schemas(tmp_path: Path) -> None:
    for kind in ("claim", "source"):
        for path in (REPO / f"{kind}s").glob("*.yaml"):
            doc, _ = load(path, str(path))
            assert doc is not None
            assert list(_validator(kind).iter_errors(doc.data)) == [], path
