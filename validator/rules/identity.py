"""FC201, FC202: ids name files, and no two records share one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.values.findings import Example, Finding, Rule
from validator.workspace.project import display

if TYPE_CHECKING:
    from validator.analysis import Analysis
    from validator.analysis.summary import Across

ID_MATCHES_FILE = Rule(
    "FC201",
    "id-matches-file",
    "A record's id differs from its file name.",
    "claims/<id>.yaml and sources/<id>.yaml: the file name is the id, so that a reference can "
    "be followed to its file without reading the whole dataset.",
    Example(
        "claims/money-recovered.yaml:2:5: FC201 id 'money' does not match the file name "
        "'money-recovered.yaml'; set id: money-recovered, or rename the file to money.yaml",
        edits=(("id: money-recovered", "id: money"),),
    ),
)
DUPLICATE_ID = Rule(
    "FC202",
    "duplicate-id",
    "Two records of the same kind share an id.",
    "Ids are how claims cite sources and each other; two records with one id make every "
    "reference to it ambiguous. The later file (in path order) is reported.",
    Example(
        "claims/recovered.yaml:2:5: FC202 claim id 'money-recovered' is also used by "
        "claims/money-recovered.yaml; give each record its own id",
        files={"claims/recovered.yaml": "{claim}"},
    ),
)
RULES = (ID_MATCHES_FILE, DUPLICATE_ID)


def id_matches_file(analysis: Analysis) -> Iterator[Finding]:
    for record in analysis.dataset.records:
        name = os.path.basename(record.path)
        stem, suffix = os.path.splitext(name)
        if record.model.id != stem:
            yield record.finding(
                ID_MATCHES_FILE,
                ("id",),
                f"id '{record.model.id}' does not match the file name '{name}'",
                f"set id: {stem}, or rename the file to {record.model.id}{suffix}",
            )


def duplicate_ids(across: Across) -> Iterator[Finding]:
    records = list(across.records)
    checked = {r.path for r in records}
    for record in records:
        others = [p for p in across.index[record.kind].get(record.id, []) if p != record.path]
        # Point at the later of two files, as a duplicate key points at the second key; when the
        # twin is not being checked, this file is the only place to report it.
        if any(str(p) < str(record.path) or p not in checked for p in others):
            yield record.finding(
                DUPLICATE_ID,
                ("id",),
                f"{record.kind} id '{record.id}' is also used by {_listed(others)}",
                "give each record its own id",
            )


MAX_LISTED = 3  # a thousand records with one id get a thousand short messages, not 23 MB


def _listed(paths: list[str]) -> str:
    names = sorted(display(p) for p in paths)
    more = len(names) - MAX_LISTED
    return ", ".join(names[:MAX_LISTED]) + (f" and {more:,} more" if more > 0 else "")


# Each record on its own (a worker runs these on its part), then between records.
CHECKS = ((ID_MATCHES_FILE, id_matches_file),)
CHECKS_ACROSS = ((DUPLICATE_ID, duplicate_ids),)
