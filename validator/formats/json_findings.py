"""Findings as JSON, for scripts."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from validator import __version__
from validator.formats import summary

if TYPE_CHECKING:
    from validator.engine import Result
    from validator.workspace.project import Project


def report(result: Result, project: Project, out: TextIO, *, quiet: bool = False) -> None:
    payload = {
        "tool": "factcheck",
        "version": __version__,
        "files": len(result.files),
        "waived": result.waived,
        "summary": summary(result),
        "findings": [
            {
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "code": f.code,
                "severity": f.severity.label,
                "message": f.message,
                "hint": f.hint,
            }
            for f in result.findings
        ],
    }
    json.dump(payload, out, indent=2, ensure_ascii=False)
    out.write("\n")
