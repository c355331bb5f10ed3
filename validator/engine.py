"""One validation run: files -> load -> models -> dataset -> rules -> waivers -> findings."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from validator import rules
from validator.dataset import Dataset
from validator.findings import Finding
from validator.loader import Document, load
from validator.project import RECORD_SUFFIXES, Project, display, list_records
from validator.records import Record, to_record


@dataclass
class Result:
    findings: list[Finding]
    files: list[str]
    waived: int = 0
    documents: dict[str, Document] = field(default_factory=dict)
    records: list[Record] = field(default_factory=list)
    dataset: Dataset | None = None  # what the rules saw, with their shared results (memo)


@dataclass(frozen=True)
class Selection:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)

    def wants(self, code: str) -> bool:
        return (self.select is None or rules.matches(code, self.select)) and not rules.matches(
            code, self.ignore
        )


def targets(project: Project, paths: list[Path]) -> list[Path]:
    if not paths:
        return project.files("claim") + project.files("source")
    found: list[Path] = []
    for path in paths:
        expand = path.is_dir() and not path.is_symlink() and not path.name.endswith(RECORD_SUFFIXES)
        found.extend(list_records(path) if expand else [path])
    return list(dict.fromkeys(found))  # a file named twice is checked once


def validate(project: Project, paths: list[Path], selection: Selection | None = None) -> Result:
    selection = selection or Selection()
    findings: list[Finding] = []
    records: list[Record] = []
    documents: dict[str, Document] = {}
    files = targets(project, paths)
    for path in files:
        shown = display(path)
        doc, problems = load(path, shown, project.root)
        findings.extend(problems)
        if doc is None:
            continue
        documents[shown] = doc
        record, problems = to_record(path, project.kind_of(path), doc)
        findings.extend(problems)
        if record is not None:
            records.append(record)
    dataset = Dataset.build(project, records)
    for rule in rules.selected(selection.select, selection.ignore):
        if rule.check is not None:
            findings.extend(rule.check(dataset))
    findings, waived = _apply_waivers(findings, records, selection)
    findings = [f for f in findings if selection.wants(f.code)]
    findings.sort(key=Finding.sort_key)
    return Result(findings, [display(p) for p in files], waived, documents, records, dataset)


def _apply_waivers(
    findings: list[Finding], records: list[Record], selection: Selection
) -> tuple[list[Finding], int]:
    """Drop findings a record waives with a reason; report waivers that waived nothing."""
    waivers = {
        r.display: {code: why for code, why in r.model.waive.items() if why.strip()}
        for r in records
    }
    used: set[tuple[str, str]] = set()
    kept: list[Finding] = []
    for finding in findings:
        rule = rules.registry().get(finding.code)
        if rule is not None and rule.waivable and finding.code in waivers.get(finding.path, {}):
            used.add((finding.path, finding.code))
            continue
        kept.append(finding)
    for record in records:
        for code in waivers[record.display]:
            rule = rules.registry().get(code)
            if (
                rule
                and rule.waivable
                and (record.display, code) not in used
                and selection.wants(code)
            ):
                kept.append(
                    record.finding(
                        "FC503",
                        ("waive", code),
                        f"waiver for {code} is unused: no {code} finding in this file",
                        "remove the waiver",
                        key=True,
                    )
                )
    return kept, len(used)


def root_relative(project: Project, path: str) -> str:
    """A finding's path relative to the repository root, with forward slashes (for SARIF)."""
    absolute = Path(path).absolute()
    try:
        return absolute.relative_to(project.root.absolute()).as_posix()
    except ValueError:
        return Path(os.path.abspath(path)).as_posix()
