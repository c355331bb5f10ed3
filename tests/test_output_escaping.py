"""No input can forge or break an output: random text in a file name, a message and a hint
gives exactly one line, element or row per finding, in every format, and nothing hidden."""

from __future__ import annotations

import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Repo
from validator import formats
from validator.analysis import Analysis
from validator.dataset import Dataset
from validator.engine import Result
from validator.report.exports import _inert
from validator.values.findings import Finding, Severity
from validator.values.text import markdown_text, visible
from validator.workspace.project import Project

ROOT = Path("/")
PROJECT = Project(ROOT, ROOT / "claims", ROOT / "sources", ROOT / "schema")
HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from("\n\r\x00\x07\x1b[2K\x85\u2028\u202e<>![]()|`&%:,#\\"),
    ),
    max_size=40,
)
FINDING = st.builds(
    Finding,
    path=HOSTILE.map(lambda s: "claims/" + s),
    line=st.integers(1, 10**6),
    column=st.integers(1, 10**4),
    code=st.sampled_from(["FC001", "FC301", "FC610"]),
    severity=st.sampled_from(list(Severity)),
    message=HOSTILE,
    hint=HOSTILE,
)


CELL_BREAK = re.compile(r"(?<!\\)\|")


def render(name: str, findings: list[Finding]) -> str:
    result = Result(findings, ["claims/x.yaml"], Analysis(Dataset.build(PROJECT, [], {})))
    out = io.StringIO()
    formats.get(name)(result, PROJECT, out)
    return out.getvalue()


def hidden(text: str) -> list[str]:
    return [c for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")]


@pytest.fixture(autouse=True)
def _at_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@settings(max_examples=150, deadline=None)
@given(st.lists(FINDING, max_size=6))
def test_text_and_github_give_one_line_per_finding(findings: list[Finding]) -> None:
    for name, start in (("text", "claims/"), ("github", "::")):
        lines = render(name, findings).split("\n")
        assert lines[-1] == "" and lines[-2].startswith("factcheck: ")
        assert len(lines) == len(findings) + 2
        assert all(line.startswith(start) for line in lines[:-2])
        assert hidden("\n".join(lines)) == []


@settings(max_examples=150, deadline=None)
@given(st.lists(FINDING, max_size=6))
def test_junit_stays_well_formed(findings: list[Finding]) -> None:
    root = ET.fromstring(render("junit", findings))
    failures = list(root.iter("failure"))
    assert len(failures) == sum(1 for f in findings if f.severity > Severity.INFO)


@settings(max_examples=150, deadline=None)
@given(st.lists(FINDING, max_size=6))
def test_markdown_gives_one_inert_row_per_finding(findings: list[Finding]) -> None:
    out = render("markdown", findings)
    rows = [line for line in out.split("\n") if line.startswith("| ") and "---" not in line]
    assert len(rows) == (len(findings) + 1 if findings else 0)  # and the header
    for row in rows[1:]:
        # GFM splits a row at every pipe that no backslash precedes, even a backslash that is
        # itself escaped or inside a code span (cmark-gfm's table scanner, markdown-it's
        # escapedSplit): so those are the pipes to count.
        assert len(CELL_BREAK.findall(row)) == 6  # five cells, no more
        body = row.replace("\\\\", "")
        message = body.rsplit(" | ", 2)[-2] if body.count(" | ") >= 5 else ""
        # the path is a code span (shown as it is); the message is text, and inert
        assert "<" not in message.replace("\\<", "") and "](" not in message.replace("\\]", "")
    assert hidden(out) == []


@settings(max_examples=100, deadline=None)
@given(st.lists(FINDING, max_size=6))
def test_sarif_and_json_parse_and_uris_are_encoded(findings: list[Finding]) -> None:
    sarif = json.loads(render("sarif", findings))
    for result in sarif["runs"][0]["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not set(uri) & set("# ?\n\r") and all(ord(c) < 128 for c in uri)
    assert len(json.loads(render("json", findings))["findings"]) == len(findings)


@settings(max_examples=100, deadline=None)
@given(st.lists(FINDING, max_size=4))
def test_the_terminal_format_passes_no_control_through(findings: list[Finding]) -> None:
    assert hidden(render("rich", findings)) == []


@given(HOSTILE)
def test_visible_is_one_line_and_hides_nothing(text: str) -> None:
    shown = visible(text)
    assert "\n" not in shown and hidden(shown) == []
    assert visible(shown) == shown  # what it shows is already visible
    assert "\n" not in markdown_text(text)


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_csv_cell_that_starts_like_a_formula_is_inert(cell: str) -> None:
    assert _inert("claim", cell) == "'" + cell
    assert _inert("value", "-3") == "-3"  # a number column keeps its sign
    assert _inert("claim", "a=1") == "a=1"


def test_a_hostile_claim_in_the_reports(repo: Repo) -> None:
    repo.edit(
        "measure: money recovered",
        'measure: "![x](https://e.example/t.png) <img src=x onerror=alert(1)> \\e[2K"',
    )
    markdown = repo.run("report", "--format", "markdown").out
    assert "<img" not in markdown.replace("\\<", "") and "![x](" not in markdown
    assert "\x1b" not in repo.run("report", "--format", "rich").out
    assert len(repo.run("export", "--format", "csv").out.splitlines()) == 2  # header, one row
