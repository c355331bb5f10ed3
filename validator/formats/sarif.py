"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from validator import __version__, rules
from validator.engine import root_relative
from validator.values.findings import Rule, Severity

if TYPE_CHECKING:
    from validator.engine import Result
    from validator.workspace.project import Project

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def document(result: Result, project: Project) -> dict[str, Any]:
    table = list(rules.registry().values())
    index = {rule.code: i for i, rule in enumerate(table)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "rules": [_rule(rule) for rule in table],
                    }
                },
                "originalUriBaseIds": {"SRCROOT": {"uri": project.root.absolute().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": [
                    {
                        "ruleId": f.code,
                        "ruleIndex": index[f.code],
                        "level": LEVELS[f.severity],
                        "message": {"text": f.text},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {
                                        # A URI reference: '#', '%', '?' and spaces in a
                                        # file name are percent-encoded, '/' kept.
                                        "uri": quote(root_relative(project, f.path), safe="/"),
                                        "uriBaseId": "SRCROOT",
                                    },
                                    "region": {"startLine": f.line, "startColumn": f.column},
                                }
                            }
                        ],
                    }
                    for f in result.findings
                ],
            }
        ],
    }


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explain()},
        "help": {"text": f"{rule.summary}\n\n{rule.explain()}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def report(result: Result, project: Project, out: TextIO, *, quiet: bool = False) -> None:
    json.dump(document(result, project), out, indent=2, ensure_ascii=False)
    out.write("\n")
