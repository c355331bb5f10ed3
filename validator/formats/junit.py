"""JUnit XML: a test case per checked file, a failure per finding in it.

CI systems that read test reports (GitLab, Jenkins, Azure) show each file as a passing or
failing test. A file fails as `validate` does: by the findings at or above `--fail-on` (errors by
default); those below it are written as system-out, not failures, and with `--fail-on never`
nothing fails.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TYPE_CHECKING, TextIO

from validator.values.findings import Finding, Severity
from validator.values.text import visible

if TYPE_CHECKING:
    from validator.engine import Result
    from validator.workspace.project import Project


def report(
    result: Result,
    project: Project,
    out: TextIO,
    *,
    quiet: bool = False,
    fail_on: Severity | None = Severity.WARNING,
) -> None:
    """`fail_on`: the lowest severity that is a failure, None for `--fail-on never`. `validate`
    always passes its `--fail-on`; the default, for a caller that gives none, is the format's
    own convention: errors and warnings fail, notes are system-out."""

    def fails(f: Finding) -> bool:
        return fail_on is not None and f.severity >= fail_on

    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        by_file[f.path].append(f)
    files = list(dict.fromkeys([*result.files, *by_file]))
    failed_cases = sum(1 for path in files if any(fails(f) for f in by_file[path]))
    suites = ET.Element(
        "testsuites", name="factcheck", tests=str(len(files)), failures=str(failed_cases)
    )
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="factcheck validate",
        tests=str(len(files)),
        failures=str(failed_cases),
        errors="0",
        skipped="0",
    )
    # XML 1.0 cannot hold most control characters at all: every text from an input goes in
    # through `visible`, which writes them as escapes, so the report stays well-formed.
    for path in files:
        shown = visible(path)
        case = ET.SubElement(suite, "testcase", classname="factcheck", name=shown, file=shown)
        notes = []
        for f in by_file[path]:
            where = f"{shown}:{f.line}:{f.column}"
            if not fails(f):
                notes.append(f"{where}: {f.code} [{f.severity.label}] {visible(f.text)}")
                continue
            message = f"{f.code} {visible(f.message)}"
            failure = ET.SubElement(case, "failure", type=f.code, message=message)
            failure.text = f"{where}: {f.code} [{f.severity.label}] {visible(f.text)}"
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(notes)
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suites, encoding="unicode"))
    out.write("\n")
