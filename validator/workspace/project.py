"""Where the dataset is: the repository root, its folders, and the record files in them."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
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
        """A file under the sources folder (or any folder named `sources`) is a source record."""
        absolute = path.absolute()
        if absolute.is_relative_to(self.sources.absolute()):
            return "source"
        if absolute.is_relative_to(self.claims.absolute()):
            return "claim"
        for parent in absolute.parents:
            if parent.name in ("sources", "claims"):
                return parent.name[:-1]
        return "claim"


def display(path: Path) -> str:
    """How findings name a file: relative to the working directory when it is below it."""
    text = os.fspath(path)
    if not os.path.isabs(text):
        return os.path.normpath(text)  # already relative to the working directory
    cwd = os.getcwd()
    if text.startswith(cwd + os.sep):
        return os.path.normpath(text[len(cwd) + 1 :])
    return text


def list_records(folder: Path) -> list[Path]:
    """Every .yaml/.yml file below `folder`, sorted; hidden folders and files are skipped."""
    found: list[Path] = []
    if not folder.is_dir():
        return found
    for dirpath, dirnames, filenames in os.walk(folder):
        # A folder named like a record is reported (FC012), not searched.
        records = [d for d in dirnames if d.endswith(RECORD_SUFFIXES)]
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in records)
        names = [n for n in filenames if n.endswith(RECORD_SUFFIXES)] + records
        found.extend(Path(dirpath, n) for n in sorted(names) if not n.startswith("."))
    return found


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
        claims=root / settings.get("claims", "claims"),
        sources=root / settings.get("sources", "sources"),
        schema=root / settings.get("schema", "schema"),
        snapshots=(root / snapshots) if snapshots else None,
    )


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
