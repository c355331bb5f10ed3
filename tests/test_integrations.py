"""CI and pull requests: formats, --output, --changed, scaffolds, the workflow and the hooks."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from junitparser import Failure, JUnitXml

from tests.conftest import CLAIM, REPO, Repo

# docs.github.com: ::error file={name},line={line},col={col},title={title}::{message}
WORKFLOW_COMMAND = re.compile(
    r"^::(error|warning|notice) file=(?P<file>[^,:]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"title=(?P<title>[^,:]+)::(?P<message>[^\r\n]*)$"
)


def _broken(repo: Repo) -> None:
    repo.write(
        "claims/good-but-lonely.yaml", CLAIM.replace("id: money-recovered", "id: good-but-lonely")
    )
    repo.edit("value: 4800000", "value: 1")
    # a duplicate key, and nothing else wrong: the record is still read, so FC002 is its one finding
    dup = CLAIM.replace("id: money-recovered", "id: dup").replace(
        "unit: GBP", "unit: GBP\nunit: GBP"
    )
    repo.write("claims/dup.yaml", dup)


def test_github_annotations_follow_the_documented_syntax(repo: Repo) -> None:
    _broken(repo)
    repo.edit("value: 4800000", "value: 1\n# 50% of a: b, c")
    lines = repo.run("validate", "--format", "github").out.splitlines()
    annotations = [WORKFLOW_COMMAND.match(line) for line in lines[:-1]]
    assert all(annotations), lines
    found = {(m["file"], m["line"], m["title"]) for m in annotations if m}
    assert ("claims/dup.yaml", "8", "FC002 error") in found
    assert ("claims/money-recovered.yaml", "6", "FC301 error") in found
    assert lines[-1].startswith("factcheck: ")


def test_github_escaping() -> None:
    from validator.formats.github import escape_data, escape_property

    assert escape_data("50% done\nnext") == "50%25 done%0Anext"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"


def test_github_format_is_chosen_inside_actions(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    _broken(repo)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert repo.run("validate").out.startswith("::error file=")


def test_junit_parses_back(repo: Repo, tmp_path: Path) -> None:
    _broken(repo)
    run = repo.run("validate", "--format", "junit")
    report = tmp_path / "report.xml"
    report.write_text(run.out)
    xml = JUnitXml.fromfile(str(report))
    cases = {case.name: case for suite in xml for case in suite}
    assert set(cases) == {
        "claims/dup.yaml",
        "claims/good-but-lonely.yaml",
        "claims/money-recovered.yaml",
        "sources/the-article.yaml",
    }
    failures = {
        name: [r.type for r in case.result if isinstance(r, Failure)]
        for name, case in cases.items()
    }
    assert failures["claims/dup.yaml"] == ["FC002"]
    assert failures["claims/money-recovered.yaml"] == ["FC301"]
    assert failures["claims/good-but-lonely.yaml"] == []
    assert xml.failures == 2 or sum(s.failures for s in xml) == 2


def _junit_cases(run_out: str, tmp_path: Path) -> dict[str, Any]:
    report = tmp_path / "report.xml"
    report.write_text(run_out)
    return {case.name: case for suite in JUnitXml.fromfile(str(report)) for case in suite}


@pytest.mark.parametrize(
    ("fail_on", "failed", "code"),
    [("error", [], 0), ("warning", ["FC503"], 1), ("never", [], 0)],
)
def test_junit_honours_fail_on(
    repo: Repo, tmp_path: Path, fail_on: str, failed: list[str], code: int
) -> None:
    # An unused waiver is a warning: a failure only from --fail-on warning down.
    repo.edit("tags: [money]", 'tags: [money]\nwaive:\n  FC304: "not a percentage"')
    out = tmp_path / "out.xml"
    run = repo.run("validate", "--format", "junit", "--fail-on", fail_on, "--output", str(out))
    assert run.code == code
    for text in (run.out, out.read_text()):  # --format and --output alike
        case = _junit_cases(text, tmp_path)["claims/money-recovered.yaml"]
        assert [r.type for r in case.result if isinstance(r, Failure)] == failed
        if not failed:
            assert "FC503 [warning]" in case.system_out


def test_markdown_table(repo: Repo) -> None:
    _broken(repo)
    out = repo.run("validate", "--format", "markdown").out
    lines = out.splitlines()
    assert lines[0] == "## factcheck"
    header = lines.index("| file | line | rule | severity | message |")
    assert lines[header + 1] == "| --- | ---: | --- | --- | --- |"
    rows = lines[header + 2 :]
    assert len(rows) == 2
    for row in rows:
        assert row.startswith("| `claims/") and row.endswith(" |")
        assert len(re.split(r"(?<!\\)\|", row)) == 7  # six cells' worth of unescaped pipes


def test_markdown_when_clean(repo: Repo) -> None:
    assert (
        repo.run("validate", "--format", "markdown").out
        == "## factcheck\n\n✅ no findings in 2 files\n"
    )


def test_output_files_beside_the_terminal_report(repo: Repo, tmp_path: Path) -> None:
    _broken(repo)
    run = repo.run(
        "validate",
        "--output",
        str(tmp_path / "out.sarif"),
        "--output",
        f"markdown={tmp_path / 'sum.txt'}",
    )
    assert run.code == 1
    assert "FC301" in run.out  # the text report still goes to the terminal
    assert '"version": "2.1.0"' in (tmp_path / "out.sarif").read_text()
    assert (tmp_path / "sum.txt").read_text().startswith("## factcheck")
    assert oct((tmp_path / "out.sarif").stat().st_mode & 0o777) != "0o600"


def test_output_needs_a_format(repo: Repo) -> None:
    run = repo.run("validate", "--output", "report.unknown")
    assert run.code == 2
    assert "FORMAT=FILE" in run.err


# --changed --------------------------------------------------------------------------------------


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_validates_changed_records_and_their_dependents(repo: Repo) -> None:
    root = repo.root
    repo.write(
        "claims/other.yaml",
        (root / "claims/money-recovered.yaml")
        .read_text()
        .replace("id: money-recovered", "id: other"),
    )
    repo.write(
        "claims/total.yaml",
        (root / "claims/money-recovered.yaml")
        .read_text()
        .replace("id: money-recovered", "id: total")
        .replace("tags: [money]", "derived_from: {operation: equal, operands: [other]}"),
    )
    _git(root, "init", "-q", "-b", "main")
    _git(root, "-c", "user.email=t@t", "-c", "user.name=t", "add", ".")
    _git(root, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "base")
    assert (
        repo.run("validate", "--changed").out
        == "factcheck: no claim or source changed since HEAD\n"
    )
    other = root / "claims/other.yaml"
    other.write_text(other.read_text().replace("value: 4800000", "value: 1"))
    run = repo.run("validate", "--changed", "main", "--format", "json")
    assert run.json["files"] == 2  # other.yaml, and total.yaml which is derived from it
    assert {f["path"] for f in run.json["findings"]} == {"claims/other.yaml"}
    source = root / "sources/the-article.yaml"
    source.write_text(source.read_text().replace("A Publisher", "Another Publisher"))
    assert repo.run("validate", "--changed", "--format", "json").json["files"] == 4
    assert repo.run("validate", "--changed", "no-such-ref").code == 2


# factcheck new ----------------------------------------------------------------------------------

NEW = [
    "new",
    "--source", "the-article",
    "--quote", "Police made around 41 arrests in May.",
    "--as-written", "around 41",
    "--claim", "Police made about 41 arrests in May.",
    "--measure", "arrests in May",
    "--claimant", "The Police",
]  # fmt: skip


def test_new_claim_from_flags(repo: Repo) -> None:
    run = repo.run(*NEW)
    assert run.code == 0, run.out + run.err
    path = repo.root / "claims/the-police-arrests-in-may.yaml"
    text = path.read_text()
    assert text.startswith(
        "# yaml-language-server: $schema=../schema/claim.schema.json\n"
        "id: the-police-arrests-in-may\n"
    )
    assert "value: 41\nunit: count\napproximate: true\n" in text
    assert "Next: add the period" in run.out
    assert repo.run("validate").code == 0


def test_new_refuses_to_overwrite(repo: Repo) -> None:
    assert repo.run(*NEW).code == 0
    path = repo.root / "claims/the-police-arrests-in-may.yaml"
    before = path.read_bytes()
    run = repo.run(*NEW)
    assert run.code == 2
    assert "exists already" in run.err
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("--as-written", "lots"), "does not read as a figure"),
        (("--as-written", "42"), "write the figure as the quote does"),
        (("--source", "nowhere"), "unknown source 'nowhere'"),
        (("--id", "Bad Id"), "lower-case words joined by hyphens"),
    ],
)
def test_new_refuses_bad_flags(repo: Repo, change: tuple[str, str], message: str) -> None:
    args = list(NEW)
    if change[0] in args:
        args[args.index(change[0]) + 1] = change[1]
    else:
        args += change
    run = repo.run(*args)
    assert (run.code, message in run.err) == (2, True), run.err
    assert sorted(p.name for p in (repo.root / "claims").iterdir()) == ["money-recovered.yaml"]


def test_new_without_a_terminal_names_the_missing_flag(repo: Repo) -> None:
    run = repo.run("new", "--source", "the-article")
    assert run.code == 2
    assert "--quote is required" in run.err


def test_new_source_from_flags(repo: Repo) -> None:
    run = repo.run(
        "new-source",
        "--title",
        "Annual report",
        "--publisher",
        "NCA",
        "--kind",
        "report",
        "--published",
        "2024-05-01",
    )
    assert run.code == 0, run.err
    assert (repo.root / "sources/nca-2024-05-01-annual-report.yaml").exists()
    bad = repo.run(
        "new-source",
        "--title",
        "x",
        "--publisher",
        "y",
        "--kind",
        "tweet",
        "--published",
        "2024-05-01",
    )
    assert bad.code == 2 and "--kind: unknown kind 'tweet' (one of article" in bad.err


def test_new_through_prompts_in_a_terminal(repo: Repo) -> None:
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "validator", "new"],
        cwd=str(repo.root),
        env=env,
        encoding="utf-8",
        timeout=20,
    )
    child.expect("Source \\(number or id\\): ")
    child.sendline("1")
    child.expect("Quote")
    child.sendline("Officers seized £2.5 million in cash.")
    child.expect("The figure as written")
    child.sendline("two")  # reads as a figure, but is not in the quote: asked again
    child.expect("write the figure as the quote does")
    child.sendline("£2.5 million")
    child.expect("What is claimed")
    child.sendline("Officers seized £2.5 million.")
    child.expect("What is counted")
    child.sendline("cash seized")
    child.expect("Who claims it")
    child.sendline("The Police")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    text = (repo.root / "claims/the-police-cash-seized.yaml").read_text()
    assert 'as_written: "£2.5 million"\nvalue: 2500000\nunit: GBP\n' in text
    # and once more: the same answers would overwrite it, which is refused
    again = pexpect.spawn(
        sys.executable,
        [
            "-m",
            "validator",
            "new",
            "--source",
            "the-article",
            "--quote",
            "Officers seized £2.5 million in cash.",
            "--as-written",
            "£2.5 million",
            "--claim",
            "c",
            "--measure",
            "cash seized",
            "--claimant",
            "The Police",
        ],
        cwd=str(repo.root),
        env=env,
        encoding="utf-8",
        timeout=20,
    )
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 2
    assert "exists already" in again.before


# Workflow and hooks -----------------------------------------------------------------------------


def _commands(run: str) -> list[str]:
    return [line.strip() for line in run.splitlines() if line.strip().startswith("factcheck")]


def test_workflow_is_valid_and_runs_real_commands() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/validate.yml").read_text())
    steps = workflow["jobs"]["validate"]["steps"]
    commands = [c for step in steps if "run" in step for c in _commands(step["run"])]
    assert any(c.startswith("factcheck validate --changed") for c in commands)
    for command in commands:
        args = command.split()[1:]
        args = [a.replace('"origin/${{ github.base_ref }}"', "HEAD") for a in args]
        args = [a.replace('"$FORMAT"', "text") for a in args]
        from validator.cli import _parser

        parsed = _parser().parse_args(args)  # exits on an unknown option
        assert parsed.command in ("validate", "schema")


def test_hooks_are_valid_and_name_real_commands() -> None:
    from validator.cli import _parser

    for name in (".pre-commit-hooks.yaml", ".pre-commit-config.yaml"):
        data = yaml.safe_load((REPO / name).read_text())
        hooks = data if isinstance(data, list) else [h for r in data["repos"] for h in r["hooks"]]
        for hook in hooks:
            assert re.compile(hook.get("files", ".*"))
            program, *args = hook["entry"].split()
            if args[:2] == ["-m", "validator"]:  # this checkout's validator, as factcheck
                program, args = "factcheck", args[2:]
            if program == "factcheck":
                assert _parser().parse_args(args).command in ("validate", "schema")
            else:
                assert shutil.which(program) or Path(sys.executable).with_name(program).exists()
