"""Where the dataset is: the repository root, its folders, and the record files in them."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

RECORD_SUFFIXES = (".yaml", ".yml")
KINDS = ("claim", "source")
# A record file's path, as the folder listing gives it: text, not pathlib. A run holds one for
# every file, and a Path cost 1.8 µs to make and 0.5 KiB to keep, a fifth of a claim's share
# of a run's memory.
File = str


@dataclass(frozen=True)
class Project:
    root: Path
    claims: Path
    sources: Path
    schema: Path
    snapshots: Path | None = None  # plain-text copies of sources, <source id>.txt

    def folder(self, kind: str) -> Path:
        return self.claims if kind == "claim" else self.sources

    def files(self, kind: str) -> list[File]:
        return list_records(self.folder(kind))

    def kinds_of(self, paths: Sequence[File | Path]) -> list[str]:
        """Each file's kind: one under the sources folder (or any folder named `sources`) is a
        source record. On strings, not pathlib, with the working directory read once: this
        runs once a file, and pathlib's parsing was a tenth of a 10,000-file run."""
        sources, claims = self._prefixes
        cwd = os.getcwd()
        kinds = []
        for path in paths:
            text = os.fspath(path)
            absolute = os.path.normpath(text if os.path.isabs(text) else os.path.join(cwd, text))
            if absolute.startswith(sources):
                kinds.append("source")
            elif absolute.startswith(claims):
                kinds.append("claim")
            else:
                kinds.append(_kind_by_folder(absolute))
        return kinds

    @cached_property
    def _prefixes(self) -> tuple[str, str]:
        return (
            os.path.abspath(self.sources) + os.sep,
            os.path.abspath(self.claims) + os.sep,
        )


def display(path: File | Path) -> str:
    """How findings name a file: relative to the working directory when it is below it."""
    return displays([path])[0]


def displays(paths: Sequence[File | Path]) -> list[str]:
    """display for each path, with the working directory read once."""
    below = os.getcwd() + os.sep
    shown = []
    for path in paths:
        text = os.fspath(path)
        if not os.path.isabs(text):
            shown.append(os.path.normpath(text))  # already relative to the working directory
        elif text.startswith(below):
            shown.append(os.path.normpath(text[len(below) :]))
        else:
            shown.append(text)
    return shown


def stem(path: File) -> str:
    """The file name without its suffix, as Path.stem gives it: a record's id, when FC201 holds."""
    return os.path.splitext(os.path.basename(path))[0]


def _kind_by_folder(absolute: str) -> str:
    for part in reversed(absolute.split(os.sep)[:-1]):
        if part in ("sources", "claims"):
            return part[:-1]
    return "claim"


MAX_FOLDER_DEPTH = 32  # claims/ is flat or a few folders deep; deeper is a mistake or an attack


def list_records(folder: Path) -> list[File]:
    """Every .yaml/.yml file below `folder`, sorted; hidden folders and files are skipped."""
    return walk(folder)[0]


def walk(folder: File | Path) -> tuple[list[File], list[tuple[File, str]]]:
    """The record files below `folder`, in sorted order, and the folders that were not searched
    with the reason (unreadable, or deeper than MAX_FOLDER_DEPTH). Iterative, so no depth of
    folders can exhaust the stack; symbolic links to folders are not followed."""
    found: list[File] = []
    skipped: list[tuple[File, str]] = []
    if not os.path.isdir(folder):
        return found, skipped
    stack: list[tuple[str, int]] = [(os.fspath(folder), 0)]
    while stack:
        current, depth = stack.pop()
        try:
            with os.scandir(current) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError as error:
            skipped.append((current, f"folder cannot be read: {error.strerror}"))
            continue
        folders = []
        for entry in listed:
            if entry.name.startswith("."):
                continue
            is_folder = entry.is_dir(follow_symlinks=False)
            if entry.name.endswith(RECORD_SUFFIXES):
                found.append(entry.path)  # a folder named like a record is FC012
            elif is_folder:
                folders.append(entry.path)
        for sub in reversed(folders):  # depth first, in sorted order
            if depth + 1 > MAX_FOLDER_DEPTH:
                skipped.append((sub, f"folder is nested over {MAX_FOLDER_DEPTH} deep"))
            else:
                stack.append((sub, depth + 1))
    return found, skipped


def find(start: Path | None = None, root: Path | None = None) -> Project:
    """The project around `start` (a file or folder; the working directory by default).

    The root is the nearest folder upwards with a pyproject.toml that has [tool.factcheck], or
    else with a claims/ or sources/ folder; with neither, `start` itself. A root given that is
    no folder, and settings the validator does not know, are refused (ProjectError).
    """
    if root is None:
        root = _find_root((start or Path.cwd()).absolute())
    elif not root.is_dir():
        what = "does not exist" if not root.exists() else "is not a folder"
        raise ProjectError(f"--root {root} {what}; name the folder that holds claims/ and sources/")
    settings = _settings(root)
    snapshots = os.environ.get("FACTCHECK_SNAPSHOTS") or settings.get("snapshots")
    return Project(
        root=root,
        claims=_inside(root, "claims", settings.get("claims", "claims")),
        sources=_inside(root, "sources", settings.get("sources", "sources")),
        schema=_inside(root, "schema", settings.get("schema", "schema")),
        # The snapshots are third-party texts kept beside the repository, not in it.
        snapshots=(root / snapshots) if snapshots else None,
    )


def require_records(project: Project) -> None:
    """A command that reads the dataset needs one: every record folder the settings name must
    exist, and without settings there must be a claims/ or a sources/ folder. ProjectError, with
    the fix, otherwise. (`factcheck new-source` does not ask: it makes sources/ itself.)"""
    named = _settings(project.root)
    for key in ("claims", "sources"):
        folder = project.folder(key[:-1])
        if key in named and not folder.is_dir():
            raise ProjectError(
                f"[tool.factcheck] {key} = {named[key]!r}: no such folder in {project.root}; "
                "create it, or correct the setting"
            )
    if not project.claims.is_dir() and not project.sources.is_dir():
        above = "" if _has_settings(project.root) else ", nor has any folder above it"
        raise ProjectError(
            f"no dataset here: {project.root} has no claims/ or sources/ folder{above}; run "
            "factcheck in the dataset's repository, or name its root with --root"
        )


class ProjectError(Exception):
    """The settings name a dataset that cannot be: a usage error, exit 2, with the fix."""


def _inside(root: Path, key: str, value: str) -> Path:
    """A record folder of the settings: inside the repository, or the settings are refused (a
    pull request must not make the validator read or write files elsewhere)."""
    folder = root / value
    real, top = Path(os.path.realpath(folder)), Path(os.path.realpath(root))
    if real == top or not real.is_relative_to(top):
        raise ProjectError(
            f"[tool.factcheck] {key} = {value!r} is outside the repository {root}; "
            "name a folder inside it"
        )
    return folder


def _find_root(start: Path) -> Path:
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if "factcheck" in _pyproject_tools(candidate):
            return candidate
    for candidate in (folder, *folder.parents):
        if (candidate / "claims").is_dir() or (candidate / "sources").is_dir():
            return candidate
    return folder


def _pyproject_tools(folder: Path) -> dict[str, object]:
    path = folder / "pyproject.toml"
    if not path.is_file():
        return {}
    try:
        return _tools_in(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


@lru_cache(maxsize=8)
def _tools_in(text: str) -> dict[str, object]:
    # Keyed by the text, so a file edited between two lookups is parsed again; a run looks at
    # one pyproject.toml three or four times (its root, its settings, its snapshots folder).
    tools = tomllib.loads(text).get("tool", {})
    return tools if isinstance(tools, dict) else {}


def settings(root: Path) -> dict[str, str]:
    """The text settings of [tool.factcheck] in the root's pyproject.toml."""
    return _settings(root)


# Every setting [tool.factcheck] may hold, and what reads it. An unknown one is refused, as
# ruff refuses one: a misspelt `snapshots` would otherwise turn the quote check off unseen.
SETTINGS = {
    "claims": "the claim records' folder (default claims)",
    "sources": "the source records' folder (default sources)",
    "schema": "the JSON Schemas' folder (default schema)",
    "snapshots": "the source texts' folder, <source id>.txt",
    "name": "the data package's name (factcheck export --format datapackage)",
    "title": "the data package's title (factcheck export --format datapackage)",
    "reviewer": "who reviews (factcheck export --format claimreview)",
    "review_url": "where each review is published, {id} for the claim's id",
    "page_url": "where the HTML page is published (factcheck report --html: absolute reviews)",
}


def _has_settings(root: Path) -> bool:
    return "factcheck" in _pyproject_tools(root)


def _settings(root: Path) -> dict[str, str]:
    table = _pyproject_tools(root).get("factcheck", {})
    where = f"{root / 'pyproject.toml'}: [tool.factcheck]"
    if not isinstance(table, dict):
        raise ProjectError(f"{where} is not a table; write it as a [tool.factcheck] section")
    for key, value in table.items():
        if key not in SETTINGS:
            import difflib  # only for a setting that is not known

            close = difflib.get_close_matches(key, SETTINGS, n=1, cutoff=0.6)
            fix = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(SETTINGS)}"
            raise ProjectError(f"{where} has an unknown setting {key!r}; {fix}")
        if not isinstance(value, str):
            raise ProjectError(
                f"{where} {key} = {value!r} is not text; write it in quotes, such as "
                f'{key} = "{value}"'
            )
    return dict(table)
