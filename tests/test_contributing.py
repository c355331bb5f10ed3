"""CONTRIBUTING.md as a new contributor would follow it: its commands run, its claim validates."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

from tests.conftest import REPO, Repo

GUIDE = (REPO / "CONTRIBUTING.md").read_text()


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", GUIDE, flags=re.MULTILINE | re.DOTALL)


def test_the_worked_example(repo: Repo, tmp_path: Path) -> None:
    for folder in ("claims", "sources", "schema"):
        shutil.rmtree(tmp_path / folder, ignore_errors=True)
        shutil.copytree(REPO / folder, tmp_path / folder)
    new = next(b for b in _blocks("sh") if "factcheck new" in b)
    args = shlex.split(new.replace("\\\n", " "))
    assert args[0].endswith("factcheck")
    run = repo.run(*args[1:])
    assert run.code == 0, run.err
    assert "Next: add the period" in run.out
    (final,) = [b for b in _blocks("yaml") if b.startswith("# yaml-language-server")]
    path = tmp_path / "claims/nca-police-chiefs-agreeing-statement.yaml"
    scaffolded = path.read_text()
    for line in scaffolded.splitlines()[:10]:  # the guide shows the scaffold, then what was added
        assert line in final, line
    path.write_text(final)
    check = next(b for b in _blocks("sh") if "factcheck validate claims/" in b).split()
    assert repo.run(*check[1:]).code == 0
    assert repo.run("validate").code == 0


def test_every_code_in_the_guide_exists() -> None:
    from validator import rules

    for code in set(re.findall(r"\bFC\d{3}\b", GUIDE)):
        assert code in rules.registry(), code
