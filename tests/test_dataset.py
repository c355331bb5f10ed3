"""The repository's own dataset, and the README's promises about it."""

from __future__ import annotations

import re

from tests.conftest import REPO, Repo
from validator import rules


def test_the_dataset_validates_clean(repo: Repo) -> None:
    run = repo.run("validate", "--root", str(REPO), "--format", "json")
    assert run.json["findings"] == []
    assert run.json["files"] >= 3


def test_readme_lists_every_rule() -> None:
    readme = (REPO / "README.md").read_text()
    listed = re.findall(r"^\| `(FC\d{3})` \|", readme, flags=re.MULTILINE)
    assert listed == list(rules.registry())


def test_ci_runs_the_readme_commands() -> None:
    readme = (REPO / "README.md").read_text()
    commands = re.findall(r"^```sh\n(.+?)\n```", readme, flags=re.MULTILINE | re.DOTALL)
    setup = [c for c in commands if c.startswith("python3 -m venv")]
    assert len(setup) == 2
    ci = (REPO / ".ci" / "run").read_text()
    for command in setup:
        assert command in ci
