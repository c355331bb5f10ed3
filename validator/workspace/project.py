"""Where the dataset is: the repository root, its folders, and the record files in them."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

RECORD_SUFFIXES = (".yaml", ".yml")
KINDS = ("claim", "source")


@dataclass(frozen=True)
class Project:
    root: Path
    claims: Path
    sources: Path
    schema: Path
    snapshots: Path | None = None  # plain-text copies of sources, <source id>.txt

    def folder(self, kind: str) -> Path:
        return self.claims if kind == "claim" else self.sources

    def files(self, kind: str) -> list[Path]:
        return list_records(self.folder(kind))

    def kind_of(self, path: Path) -> str:
        """A file under the sources folder (or any folder named `sources`) is a source record.

        On strings, not pathlib: this runs once a file, and pathlib's parsing was a tenth of a
        10,000-file run."""
        absolute = os.path.abspath(path)
        sources, claims = self._prefixes
        if absolute.startswith(sources):
            return "source"
        if absolute.startswith(claims):
            return "claim"
        for part in reversed(absolute.split(os.sep)[:-1]):
            if part in ("sources", "claims"):
                return part[:-1]
        return "claim"

    @cached_property
    def _prefixes(self) -> tuple[str, str]:
        return (
            os.path.abspath(self.sources) + os.sep,
            os.path.abspath(self.claims) + os.sep,
        )


def display(path: Path) -> str:
    """How findings name a file: relative to the working directory when it is below it."""
    text = os.fspath(path)
    if not os.path.isabs(text):
        return os.path.normpath(text)  # already relative to the working directory
    cwd = os.getcwd()
    if text.startswith(cwd + os.sep):
        return os.path.normpath(text[len(cwd) + 1 :])
    return text


MAX_FOLDER_DEPTH = 32  # claims/ is flat or a few folders deep; deeper is a mistake or an attack


def list_records(folder: Path) -> list[Path]:
    """Every .yaml/.yml file below `folder`, sorted; hidden folders and files are skipped."""
    return walk(folder)[0]


def walk(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The record files below `folder`, in sorted order, and the folders that were not searched
    with the reason (unreadable, or deeper than MAX_FOLDER_DEPTH). Iterative, so no depth of
    folders can exhaust the stack; symbolic links to folders are not followed."""
    found: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    if not folder.is_dir():
        return found, skipped
    stack: list[tuple[str, int]] = [(os.fspath(folder), 0)]
    while stack:
        current, depth = stack.pop()
        try:
            with os.scandir(current) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError as error:
            skipped.append((Path(current), f"folder cannot be read: {error.strerror}"))
            continue
        folders = []
        for entry in listed:
            if entry.name.startswith("."):
                continue
            is_folder = entry.is_dir(follow_symlinks=False)
            if entry.name.endswith(RECORD_SUFFIXES):
                found.append(Path(entry.path))  # a folder named like a record is FC012
            elif is_folder:
                folders.append(entry.path)
        for sub in reversed(folders):  # depth first, in sorted order
            if depth + 1 > MAX_FOLDER_DEPTH:
                skipped.append((Path(sub), f"folder is nested over {MAX_FOLDER_DEPTH} deep"))
            else:
                stack.append((sub, depth + 1))
    return found, skipped


def find(start: Path | None = None, root: Path | None = None) -> Project:
    """The project around `start` (a file or folder; the working directory by default).

    The root is the nearest folder upwards with a pyproject.toml that has [tool.factcheck], or
    else with a claims/ or sources/ folder; with neither, `start` itself.
    """
    if root is None:
        root = _find_root((start or Path.cwd()).absolute())
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


class ProjectError(Exception):
    """The settings name a dataset that cannot be: a usage error, exit 2, with the fix."""


def _inside(root: Path, key: str, value: str) -> Path:
    """A record folder of the settings: inside the repository, or the settings are refused (a
    pull request must not make the validator read or write files elsewhere)."""
    folder = root / value
    if not os.path.realpath(folder).startswith(os.path.realpath(root) + os.sep):
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
        tools = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
        return tools if isinstance(tools, dict) else {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def settings(root: Path) -> dict[str, str]:
    """The text settings of [tool.factcheck] in the root's pyproject.toml."""
    return _settings(root)


def _settings(root: Path) -> dict[str, str]:
    settings = _pyproject_tools(root).get("factcheck", {})
    return (
        {k: v for k, v in settings.items() if isinstance(v, str)}
        if isinstance(settings, dict)
        else {}
    )
