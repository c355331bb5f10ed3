"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every result points into the repository, as code scanning requires: a finding about a source's
snapshot (a text kept outside the repository) is placed on its source record, the record it
belongs to (`Finding.owner`), with the place in the snapshot as a related location. Every result
has a `partialFingerprints` entry that does not depend on where the finding is, so that code
scanning follows an alert across edits that move it and closes it once when it is fixed.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from validator import __version__, rules
from validator.values.findings import Finding, Rule, Severity

if TYPE_CHECKING:
    from validator.engine import Result
    from validator.workspace.project import Project

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
DISTRIBUTION = "factcheck-europol-e2ee"
FINGERPRINT = "factcheck/v1"
# [project.urls] labels, in the order they are preferred as the tool's home page.
HOME_LABELS = ("repository", "source", "homepage", "home")


@cache
def home_page() -> str | None:
    """The tool's home page, from the installed package's [project.urls], or None when none is
    configured: then SARIF says nothing rather than a guess."""
    from importlib import metadata

    try:
        meta = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None
    urls = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    urls["home-page"] = next(iter(meta.get_all("Home-page") or []), "")
    for label in (*HOME_LABELS, "home-page"):
        url = str(urls.get(label, ""))
        if url.startswith(("https://", "http://")):
            return url
    return None


def document(result: Result, project: Project) -> dict[str, Any]:
    table = list(rules.registry().values())
    index = {rule.code: i for i, rule in enumerate(table)}
    home = home_page()
    driver: dict[str, Any] = {"name": "factcheck", "version": __version__}
    if home:
        driver["informationUri"] = home
    driver["rules"] = [_rule(rule, home) for rule in table]
    seen: dict[str, int] = {}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {"SRCROOT": {"uri": project.root.absolute().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index, project, seen) for f in result.findings],
            }
        ],
    }


def _result(
    f: Finding, index: dict[str, int], project: Project, seen: dict[str, int]
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": LEVELS[f.severity],
        "message": {"text": f.text},
    }
    here = _inside(project, f.path)
    if here is not None:
        result["locations"] = [_location(here, f.line, f.column)]
    else:
        # A place outside the repository (a snapshot in ../shared): the result is the owning
        # record's, and the outside place is named as a related location, by its absolute URI.
        owner = _inside(project, f.owner)
        if owner is not None:
            result["locations"] = [_location(owner, 1, 1)]
        result["relatedLocations"] = [
            {
                "id": 1,
                "message": {"text": "the place in the source's text, outside the repository"},
                "physicalLocation": {
                    "artifactLocation": {"uri": Path(os.path.abspath(f.path)).as_uri()},
                    "region": {"startLine": f.line, "startColumn": f.column},
                },
            }
        ]
    result["partialFingerprints"] = {FINGERPRINT: _fingerprint(f, project, seen)}
    return result


def _location(relative: str, line: int, column: int) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {
                # A URI reference: '#', '%', '?' and spaces in a file name are
                # percent-encoded, '/' kept.
                "uri": quote(relative, safe="/"),
                "uriBaseId": "SRCROOT",
            },
            "region": {"startLine": line, "startColumn": column},
        }
    }


def _inside(project: Project, path: str) -> str | None:
    """`path` relative to the repository root with forward slashes, or None when outside it."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(os.path.abspath(project.root)).as_posix()
    except ValueError:
        return None


def _fingerprint(f: Finding, project: Project, seen: dict[str, int]) -> str:
    """A hash of the rule, the record and what the finding says, never of its line or column;
    identical findings in one record are told apart by their order, ':1', ':2'."""
    owner = _inside(project, f.owner) or Path(f.owner).name
    digest = hashlib.sha256("\0".join((f.code, owner, f.message)).encode()).hexdigest()[:32]
    seen[digest] = seen.get(digest, 0) + 1
    return f"{digest}:{seen[digest]}"


def _rule(rule: Rule, home: str | None) -> dict[str, Any]:
    described: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explain()},
        "help": {"text": f"{rule.summary}\n\n{rule.explain()}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }
    if home:
        # The README's table of rules, on the repository's page; `factcheck explain CODE` says
        # the same as `help` offline.
        described["helpUri"] = f"{home.rstrip('/')}#rules"
    return described


def report(result: Result, project: Project, out: TextIO, *, quiet: bool = False) -> None:
    json.dump(document(result, project), out, indent=2, ensure_ascii=False)
    out.write("\n")
