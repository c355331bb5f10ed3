"""The findings of a run, for CI and people: one `--format` a module, each imported only when
chosen, each escaping what its reader needs escaped."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol, TextIO

from validator.values.findings import Severity

if TYPE_CHECKING:
    from validator.engine import Result
    from validator.workspace.project import Project

FORMATS = {
    "text": "plain",
    "rich": "terminal",
    "json": "json_findings",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "markdown": "markdown",
}
# `--output FILE` picks a format by the file's ending unless it is given as FORMAT=FILE.
SUFFIXES = {
    ".json": "json",
    ".sarif": "sarif",
    ".xml": "junit",
    ".md": "markdown",
    ".txt": "text",
}


class Reporter(Protocol):
    def __call__(
        self, result: Result, project: Project, out: TextIO, *, quiet: bool = False
    ) -> None: ...


def get(name: str, *, fail_on: Severity | None = Severity.WARNING) -> Reporter:
    """The reporter of a format. `fail_on` (None: never) is the lowest severity that is a
    failure, for the formats that say which findings fail: `validate` passes its `--fail-on`,
    so JUnit's failures are its exit code's; without it, the JUnit default (warnings fail)."""
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    if name != "junit":
        report: Reporter = module.report
        return report

    def junit(result: Result, project: Project, out: TextIO, *, quiet: bool = False) -> None:
        module.report(result, project, out, quiet=quiet, fail_on=fail_on)

    return junit


def summary(result: Result) -> str:
    """'2 errors, 1 warning in 2 of 14 files (1 waiver)' or 'no findings in 14 files'."""
    counts: dict[str, int] = {}
    for finding in result.findings:
        counts[finding.severity.label] = counts.get(finding.severity.label, 0) + 1
    files = len(result.files)
    noun = "file" if files == 1 else "files"
    waivers = f" ({_plural(result.waived, 'waiver')} applied)" if result.waived else ""
    if not counts:
        return f"no findings in {files} {noun}{waivers}"
    nouns = {"error": "error", "warning": "warning", "info": "note"}
    parts = [_plural(counts[s], nouns[s]) for s in nouns if s in counts]
    # Counted by the record a finding is about: a figure in a snapshot counts for its source
    # record, never as one more file.
    affected = len({f.owner for f in result.findings})
    return f"{', '.join(parts)} in {affected} of {files} {noun}{waivers}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
