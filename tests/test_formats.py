"""Each --format on a hand-built result, exact output asserted (check-jsonschema's
tests/unit/test_reporters.py shape): no dataset is read, so only the format is under test."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from validator import formats
from validator.analysis import Analysis
from validator.dataset import Dataset
from validator.engine import Result
from validator.values.findings import Finding, Severity
from validator.workspace.project import Project

# Paths are shown relative to the repository root: the tests stand in it.
ROOT = Path("/")
PROJECT = Project(ROOT, ROOT / "claims", ROOT / "sources", ROOT / "schema")


@pytest.fixture(autouse=True)
def _at_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


FINDINGS = [
    Finding("claims/a.yaml", 6, 8, "FC301", Severity.ERROR, "value 1 is not 2", "set value: 2"),
    Finding("claims/a.yaml", 9, 3, "FC503", Severity.WARNING, "waiver unused", "remove it"),
    Finding("claims/b.yaml", 1, 1, "FC610", Severity.INFO, "a note, with, commas: and colons"),
    Finding(
        "snapshots/s.txt", 2, 5, "FC705", Severity.WARNING, "figure '29'", "", "sources/s.yaml"
    ),
]


def result(findings: list[Finding] = FINDINGS, waived: int = 1) -> Result:
    files = ["claims/a.yaml", "claims/b.yaml", "claims/c.yaml", "sources/s.yaml"]
    return Result(findings, files, Analysis(Dataset.build(PROJECT, [], {})), waived)


def render(name: str, value: Result | None = None, **options: bool) -> str:
    out = io.StringIO()
    formats.get(name)(value or result(), PROJECT, out, **options)
    return out.getvalue()


def test_text() -> None:
    assert render("text") == (
        "claims/a.yaml:6:8: FC301 value 1 is not 2; set value: 2\n"
        "claims/a.yaml:9:3: FC503 waiver unused; remove it\n"
        "claims/b.yaml:1:1: FC610 a note, with, commas: and colons\n"
        "snapshots/s.txt:2:5: FC705 figure '29'\n"
        "factcheck: 1 error, 2 warnings, 1 note in 3 of 4 files (1 waiver applied)\n"
    )
    assert render("text", quiet=True).count("\n") == 4


def test_text_when_clean() -> None:
    assert render("text", result([], 0)) == "factcheck: no findings in 4 files\n"


def test_github() -> None:
    assert render("github").splitlines() == [
        "::error file=claims/a.yaml,line=6,col=8,title=FC301 error::value 1 is not 2; set value: 2",
        "::warning file=claims/a.yaml,line=9,col=3,title=FC503 warning::waiver unused; remove it",
        "::notice file=claims/b.yaml,line=1,col=1,title=FC610 info::"
        "a note, with, commas: and colons",
        "::warning file=snapshots/s.txt,line=2,col=5,title=FC705 warning::figure '29'",
        "factcheck: 1 error, 2 warnings, 1 note in 3 of 4 files (1 waiver applied)",
    ]


def test_json() -> None:
    payload = json.loads(render("json"))
    assert payload["files"] == 4 and payload["waived"] == 1
    assert payload["findings"][3] == {
        "path": "snapshots/s.txt",
        "line": 2,
        "column": 5,
        "code": "FC705",
        "severity": "warning",
        "message": "figure '29'",
        "hint": "",
    }


def test_markdown() -> None:
    assert render("markdown").splitlines()[:5] == [
        "## factcheck",
        "",
        "❌ 1 error, 2 warnings, 1 note in 3 of 4 files (1 waiver applied)",
        "",
        "| file | line | rule | severity | message |",
    ]
    assert (
        "| `claims/a.yaml` | 6:8 | `FC301` | ❌ error | value 1 is not 2; set value: 2 |"
        in render("markdown")
    )


def test_junit_counts_and_cases() -> None:
    root = ET.fromstring(render("junit"))
    suite = root.find("testsuite")
    assert suite is not None
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert set(cases) == {
        "claims/a.yaml",
        "claims/b.yaml",
        "claims/c.yaml",
        "sources/s.yaml",
        "snapshots/s.txt",
    }
    assert [f.get("type") for f in cases["claims/a.yaml"].iter("failure")] == ["FC301", "FC503"]
    assert list(cases["claims/b.yaml"].iter("failure")) == []  # a note is system-out
    assert "FC610" in (cases["claims/b.yaml"].findtext("system-out") or "")


@pytest.mark.parametrize("name", sorted(formats.FORMATS))
def test_every_format_says_each_finding(name: str) -> None:
    out = render(name)
    for finding in FINDINGS:
        assert finding.code in out, (name, finding.code)
