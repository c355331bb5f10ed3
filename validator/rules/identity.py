"""FC201, FC202: ids name files, and no two records share one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.findings import Finding
from validator.project import display
from validator.rules import Rule

if TYPE_CHECKING:
    from validator.dataset import Dataset


def id_matches_file(dataset: Dataset) -> Iterator[Finding]:
    for record in dataset.records:
        stem = record.path.stem
        if record.model.id != stem:
            yield record.finding(
                "FC201",
                ("id",),
                f"id '{record.model.id}' does not match the file name '{record.path.name}'",
                f"set id: {stem}, or rename the file to {record.model.id}{record.path.suffix}",
            )


def duplicate_ids(dataset: Dataset) -> Iterator[Finding]:
    checked = {r.path for r in dataset.records}
    for record in dataset.records:
        others = [
            p for p in dataset.index[record.kind].get(record.model.id, []) if p != record.path
        ]
        # Point at the later of two files, as a duplicate key points at the second key; when the
        # twin is not being checked, this file is the only place to report it.
        if any(str(p) < str(record.path) or p not in checked for p in others):
            yield record.finding(
                "FC202",
                ("id",),
                f"{record.kind} id '{record.model.id}' is also used by "
                + ", ".join(sorted(display(p) for p in others)),
                "give each record its own id",
            )


RULES = (
    Rule(
        "FC201",
        "id-matches-file",
        "A record's id differs from its file name.",
        "claims/<id>.yaml and sources/<id>.yaml: the file name is the id, so that a reference can "
        "be followed to its file without reading the whole dataset.",
        check=id_matches_file,
    ),
    Rule(
        "FC202",
        "duplicate-id",
        "Two records of the same kind share an id.",
        "Ids are how claims cite sources and each other; two records with one id make every "
        "reference to it ambiguous. The later file (in path order) is reported.",
        check=duplicate_ids,
    ),
)
