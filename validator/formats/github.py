"""GitHub Actions workflow commands: one annotation per finding, on the file and line.

Syntax: ::error file={name},line={line},col={col},title={title}::{message}
(docs.github.com, "Workflow commands for GitHub Actions"). Values are escaped as the runner
expects: % CR LF in the message; also : and , in properties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from validator.engine import root_relative
from validator.formats import summary
from validator.values.findings import Severity
from validator.values.text import visible

if TYPE_CHECKING:
    from validator.engine import Result
    from validator.workspace.project import Project

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report(result: Result, project: Project, out: TextIO, *, quiet: bool = False) -> None:
    for f in result.findings:
        # Annotations attach to paths relative to the repository root, whatever the cwd.
        path = escape_property(visible(root_relative(project, f.path)))
        title = escape_property(f"{f.code} {f.severity.label}")
        out.write(
            f"::{COMMANDS[f.severity]} file={path},line={f.line},col={f.column},title={title}::"
            f"{escape_data(visible(f.text))}\n"
        )
    if not quiet:
        out.write(f"factcheck: {summary(result)}\n")
