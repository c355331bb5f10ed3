"""Every rule's example, as `factcheck explain` shows it, gives exactly the finding it states.

yamllint's RuleTestCase shape: each rule on a small dataset built in memory (laid out in a
temporary folder), asserting the exact path, line, column, code and message.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from validator import rules
from validator.cli import main
from validator.cli.rules_command import explanation
from validator.rules.examples import CLAIM, lay_out

CODES = list(rules.registry())


def run_text(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(root)
    monkeypatch.delenv("FACTCHECK_SNAPSHOTS", raising=False)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["validate", "--format", "text", "-q"])
    return out.getvalue().splitlines()


def test_every_rule_has_an_example() -> None:
    assert [code for code, rule in rules.registry().items() if rule.example is None] == []


@pytest.mark.parametrize("code", CODES)
def test_the_example_gives_its_finding(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    example = rules.get(code).example
    assert example is not None
    lay_out(example, tmp_path)
    lines = run_text(tmp_path, monkeypatch)
    assert [line for line in lines if f": {code} " in line] == [example.expect]


@pytest.mark.parametrize("code", CODES)
def test_explain_shows_the_example(code: str) -> None:
    rule = rules.get(code)
    assert rule.example is not None
    text = explanation(rule)
    assert text.endswith(f"gives:\n  {rule.example.expect}")


def test_the_example_dataset_itself_is_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from validator.values.findings import Example

    lay_out(Example(expect=""), tmp_path)
    assert (tmp_path / "claims/money-recovered.yaml").read_text(encoding="utf-8") == CLAIM
    assert run_text(tmp_path, monkeypatch) == []


def test_an_edit_of_text_the_claim_does_not_hold_is_refused(tmp_path: Path) -> None:
    from validator.values.findings import Example

    with pytest.raises(ValueError, match="does not hold"):
        lay_out(Example(expect="", edits=(("no such line", "x"),)), tmp_path)


@pytest.mark.parametrize("code", CODES)
def test_the_example_gives_the_same_findings_split_among_workers(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule in a module's CHECKS must find in a claim what it finds with the other claims
    away: in two processes, each claim in a chunk of its own, the findings are the same."""
    from validator.engine import run as engine_run

    example = rules.get(code).example
    assert example is not None
    lay_out(example, tmp_path)
    serial = run_text(tmp_path, monkeypatch)
    monkeypatch.setattr(engine_run, "PARALLEL_FROM", 1)
    monkeypatch.setattr(engine_run, "MIN_CHUNK", 1)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["validate", "--format", "text", "-q", "--jobs", "2"])
    assert out.getvalue().splitlines() == serial
