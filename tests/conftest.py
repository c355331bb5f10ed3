"""Fixtures: each test gets a small repository of its own in a temporary folder."""

from __future__ import annotations

import contextlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from validator.cli import main
from validator.rules import examples

# Property tests are deterministic by default: each draws the same examples on every run, so CI
# passes or fails on the code, not on the seed. HYPOTHESIS_PROFILE=explore draws new examples on
# each run, to look for what the fixed ones miss (see CONTRIBUTING.md); a find becomes a test.
settings.register_profile("default", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

# The example dataset the rules' examples start from is the tests' dataset too: one source and
# one clean claim of "£4.8 million ($5.9 million)".
SOURCE, CLAIM = examples.SOURCE, examples.CLAIM


QUOTE = (
    'quote: "the recovery of £4.8 million ($5.9 million), '
    'all between October and December last year"'
)
# The figure and its dollar equivalent, for tests that swap them for others.
FIGURE = (
    'as_written: "£4.8 million"\nvalue: 4800000\nunit: GBP\nequivalents:\n'
    '  - as_written: "$5.9 million"\n    value: 5900000\n    unit: USD\n'
    "    converted_on: 2024-04-22"
)


def swap_figure(written: str, value: str, unit: str, rest: str = "") -> tuple[str, str]:
    """(old, new) texts that replace the good claim's quote and figure with another figure, its
    quote quoting it, so that only the rule under test has anything to say."""
    new = f'quote: "it was {written}"\nas_written: "{written}"\nvalue: {value}\nunit: {unit}{rest}'
    return f"{QUOTE}\n{FIGURE}", new


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


@dataclass
class Repo:
    root: Path

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def claim(self, text: str = CLAIM, name: str = "money-recovered") -> Path:
        return self.write(f"claims/{name}.yaml", text)

    def edit(self, old: str, new: str, name: str = "money-recovered") -> Path:
        """Write the good claim with one piece of text replaced, checking the piece is there."""
        assert old in CLAIM, old
        return self.claim(CLAIM.replace(old, new, 1), name)

    def run(self, *args: str) -> Run:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
        return Run(code, out.getvalue(), err.getvalue())

    def findings(self, *paths: str) -> list[dict[str, Any]]:
        run = self.run("validate", "--format", "json", *paths)
        assert run.code in (0, 1), run.err
        return run.json["findings"]  # type: ignore[no-any-return]

    def codes(self, *paths: str) -> list[tuple[str, int]]:
        """(code, line) of each finding: what most tests assert."""
        return [(f["code"], f["line"]) for f in self.findings(*paths)]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    monkeypatch.chdir(tmp_path)
    r = Repo(tmp_path)
    r.write("sources/the-article.yaml", SOURCE)
    r.claim()
    return r


# A source text for the quote and coverage tests: the good claim's sentence, and a figure
# ("one") its source record sets aside.
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


def snapshot_tree(root: Path) -> dict[str, bytes]:
    """Every file's bytes (links as their target), to prove that a run changed nothing."""
    tree: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            tree[str(path)] = str(path.readlink()).encode()
        elif path.is_file():
            tree[str(path)] = path.read_bytes()
    return tree


GOLDEN = Path(__file__).resolve().parent / "golden"


def matches_golden(name: str, key: str, value: Any) -> bool:
    """Whether `value` is what tests/golden/<name>.json holds under `key`: the findings a
    change to speed or layout must leave exactly as they were. FACTCHECK_UPDATE_GOLDEN=1
    writes the value instead (after a change of wording meant to change them; review the diff)."""
    path = GOLDEN / f"{name}.json"
    stored = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1":
        stored[key] = value
        GOLDEN.mkdir(exist_ok=True)
        text = json.dumps(stored, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        path.write_text(text, encoding="utf-8")
        return True
    return key in stored and stored[key] == value


def golden_findings(findings: list[dict[str, Any]], tmp: Path) -> list[list[Any]]:
    """Findings as the golden files keep them: one row each, the temporary folder's name
    replaced so that the rows are the same on every run."""
    rows = [[f["path"], f["line"], f["column"], f["code"], f["message"]] for f in findings]
    return json.loads(json.dumps(rows).replace(json.dumps(str(tmp))[1:-1], "<tmp>"))
