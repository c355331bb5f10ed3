"""The dataset: the records being checked, and every id in the repository for references."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from validator.loader import load
from validator.project import KINDS, Project
from validator.records import Record, to_record


@dataclass
class Dataset:
    """Checked records plus an index of all ids.

    Files that are not being checked are known by their file stem (their id, when FC201 holds) and
    loaded only when a rule needs their content, so that checking one file stays fast.
    """

    project: Project
    records: list[Record]
    index: dict[str, dict[str, list[Path]]] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict, repr=False)  # results rules share
    _loaded: dict[Path, Record | None] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, project: Project, records: list[Record]) -> Dataset:
        index: dict[str, dict[str, list[Path]]] = {kind: {} for kind in KINDS}
        checked = {r.path.absolute() for r in records}
        for kind in KINDS:
            for path in project.files(kind):
                if path.absolute() not in checked:
                    index[kind].setdefault(path.stem, []).append(path)
        for record in records:
            index[record.kind].setdefault(record.model.id, []).append(record.path)
        return cls(project, records, index)

    def of_kind(self, kind: str) -> Iterator[Record]:
        return (r for r in self.records if r.kind == kind)

    def claims(self) -> Iterator[Record]:
        return self.of_kind("claim")

    def known(self, kind: str) -> list[str]:
        return sorted(self.index[kind])

    def exists(self, kind: str, id_: str) -> bool:
        return id_ in self.index[kind]

    def lookup(self, kind: str, id_: str) -> Record | None:
        """The record with this id, loading it quietly if it is not among the checked ones."""
        if "by_id" not in self.memo:
            by_id: dict[tuple[str, str], Record] = {}
            for record in self.records:
                by_id.setdefault((record.kind, record.model.id), record)
            self.memo["by_id"] = by_id
        found = self.memo["by_id"].get((kind, id_))
        if found is not None:
            return found  # type: ignore[no-any-return]
        for path in self.index[kind].get(id_, ()):
            if path not in self._loaded:
                self._loaded[path] = _quiet_load(path, kind, self.project.root)
            if self._loaded[path] is not None:
                return self._loaded[path]
        return None


def _quiet_load(path: Path, kind: str, root: Path) -> Record | None:
    """Its own findings belong to its own run; here only a clean record is of use."""
    doc, _ = load(path, str(path), root)
    if doc is None:
        return None
    record, _ = to_record(path, kind, doc, root)
    return record.forget() if record else None
