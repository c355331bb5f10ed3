"""`--changed REF`: the records changed since a git ref, and the claims that depend on them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from validator.load import load
from validator.workspace.project import RECORD_SUFFIXES, Project


class GitError(Exception):
    pass


def _git(root: Path, *args: str) -> list[str]:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitError(f"git could not run: {error}") from None
    if done.returncode != 0:
        raise GitError(done.stderr.strip() or f"git {' '.join(args)} failed")
    # -z everywhere: names are NUL-separated and never quoted ("claims/über.yaml" stays so).
    return [name for name in done.stdout.split("\0" if "-z" in args else "\n") if name]


def changed_files(project: Project, ref: str) -> list[Path]:
    """Record files added or modified since the merge base with `ref`, committed or not."""
    top = Path(_git(project.root, "rev-parse", "--show-toplevel")[0])
    base = _git(project.root, "merge-base", ref, "HEAD")[0]
    # --no-renames: a renamed source is its old name deleted and a new one added, so that the
    # claims citing the old id are checked again.
    names = _git(project.root, "diff", "--name-only", "--no-renames", "-z", base) + _git(
        project.root, "ls-files", "--others", "--exclude-standard", "--full-name", "-z"
    )
    paths = [top / name for name in dict.fromkeys(names)]
    return [p for p in paths if p.suffix in RECORD_SUFFIXES and _in_dataset(project, p)]


def _in_dataset(project: Project, path: Path) -> bool:
    return any(
        path.is_relative_to(folder.absolute()) for folder in (project.claims, project.sources)
    )


def with_dependents(project: Project, changed: list[Path]) -> list[Path]:
    """The changed files that still exist, plus every claim that cites a changed source or is
    derived (through any number of steps) from a changed claim. Deleted files count by their
    stem, so that what cited them is checked again."""
    sources = {p.stem for p in changed if p.is_relative_to(project.sources.absolute())}
    claims = {p.stem for p in changed if p.is_relative_to(project.claims.absolute())}
    cites: dict[Path, tuple[set[str], set[str]]] = {}
    for path in map(Path, project.files("claim")):
        doc, _ = load(path, str(path), project.root)
        data = doc.data if doc else {}
        named: list[object] = [data.get("source"), data.get("primary_source")]
        verdict = data.get("verdict")
        if isinstance(verdict, dict) and isinstance(verdict.get("checked_against"), list):
            named += verdict["checked_against"]
        derivation = data.get("derived_from")
        operands = derivation.get("operands") if isinstance(derivation, dict) else None
        cites[path] = (
            {c for c in named if isinstance(c, str)},
            {o for o in operands if isinstance(o, str)} if isinstance(operands, list) else set(),
        )
    selected = [p for p in changed if p.exists()]
    grew = True
    while grew:  # derived claims of derived claims: follow the chain to its end
        grew = False
        for path, (cited, operands) in cites.items():
            if path not in selected and (cited & sources or operands & claims):
                selected.append(path)
                claims.add(path.stem)
                grew = True
    return selected
