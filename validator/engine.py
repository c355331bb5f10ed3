"""One validation run: files -> load -> models -> dataset -> rules -> waivers -> findings."""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from validator import rules
from validator.dataset import Dataset
from validator.findings import Finding
from validator.loader import Document, load
from validator.models import MODELS
from validator.project import RECORD_SUFFIXES, Project, display, list_records
from validator.records import Record, to_record


@dataclass
class Result:
    findings: list[Finding]
    files: list[str]
    waived: int = 0
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


# What reading one file gives: its path, kind, displayed name, and the Document (or, from a
# worker process, just its plain data: the positions are re-read in the rare case they are needed).
Loaded = tuple[Path, str, str, Any]


def load_files(
    project: Project, files: list[Path], *, plain: bool = False
) -> tuple[list[Finding], list[Loaded]]:
    """The YAML stage for some files; with `plain`, what a worker process sends back."""
    findings: list[Finding] = []
    loaded: list[Loaded] = []
    for path in files:
        shown = display(path)
        doc, problems = load(path, shown, project.root)
        findings.extend(problems)
        if doc is not None:
            loaded.append((path, project.kind_of(path), shown, doc.data if plain else doc))
    return findings, loaded


def to_records(project: Project, loaded: list[Loaded]) -> tuple[list[Finding], list[Record]]:
    """The model stage; a record that fails its model is read again for the findings' places."""
    findings: list[Finding] = []
    records: list[Record] = []
    for path, kind, shown, content in loaded:
        if not isinstance(content, Document):
            model = MODELS[kind]
            try:
                record = Record(path, kind, shown, model.model_validate(content), project.root)  # type: ignore[arg-type]
            except ValidationError:
                content, _ = load(path, shown, project.root)
                if content is None:  # changed under us since the worker read it
                    continue
            else:
                records.append(record)
                continue
        record, problems = to_record(path, kind, content, project.root)
        findings.extend(problems)
        if record is not None:
            records.append(record.forget())
    return findings, records


def validate(
    project: Project, paths: list[Path], selection: Selection | None = None, jobs: int = 1
) -> Result:
    # A run makes hundreds of thousands of long-lived, acyclic objects (values, models), and the
    # cyclic garbage collector would walk them all again and again as they pile up: 15% of a
    # 10k-file run. Nothing here makes cycles worth collecting, so it rests until the run ends.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _validate(project, paths, selection or Selection(), jobs)
    finally:
        if collecting:
            gc.enable()


def _validate(project: Project, paths: list[Path], selection: Selection, jobs: int) -> Result:
    files = targets(project, paths)
    findings, records = _per_file(project, files, jobs)
    dataset = Dataset.build(project, records)
    for rule in rules.selected(selection.select, selection.ignore):
        if rule.check is not None:
            findings.extend(rule.check(dataset))
    findings, waived = _apply_waivers(findings, records, selection)
    findings = [f for f in findings if selection.wants(f.code)]
    findings.sort(key=Finding.sort_key)
    return Result(findings, [display(p) for p in files], waived, records, dataset)


PARALLEL_FROM = 400  # below this many files a second process costs more than it saves


def _per_file(project: Project, files: list[Path], jobs: int) -> tuple[list[Finding], list[Record]]:
    """Read the files, in worker processes when there are many, then build the models here:
    plain data crosses between processes ten times faster than pydantic models do."""
    if jobs > 1 and len(files) >= PARALLEL_FROM:
        findings, loaded = _load_in_parallel(project, files, jobs)
        more, records = to_records(project, loaded)
        return findings + more, records
    findings, records = [], []
    for path in files:  # one file at a time: its Document is let go before the next is read
        found, loaded = load_files(project, [path])
        more, made = to_records(project, loaded)
        findings += found + more
        records += made
    return findings, records


def _load_in_parallel(
    project: Project, files: list[Path], jobs: int
) -> tuple[list[Finding], list[Loaded]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    size = max(64, len(files) // (jobs * 4))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    findings: list[Finding] = []
    loaded: list[Loaded] = []
    # fork: the workers start with everything already imported.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        for found, part in pool.map(partial(load_files, project, plain=True), chunks):
            findings.extend(found)
            loaded.extend(part)
    return findings, loaded


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
