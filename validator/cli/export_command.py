"""`factcheck export`: the claims as ClaimReview JSON-LD, CSV, or a Frictionless data package."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from validator.cli.common import EXIT_CLEAN, EXIT_FINDINGS, add_root, fail, project_of


def add(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = sub.add_parser(
        "export", help="ClaimReview JSON-LD, CSV, or a Frictionless data package"
    )
    export.add_argument("--format", choices=["claimreview", "csv", "datapackage"], required=True)
    export.add_argument(
        "--output", type=Path, help="a file (a folder for datapackage; default: datapackage/)"
    )
    export.add_argument(
        "--url",
        help="each review's address, with {id}: https://example.org/claims/{id} "
        "(default: [tool.factcheck] review_url)",
    )
    export.add_argument("--reviewer", help="who reviews (default: [tool.factcheck] reviewer)")
    export.add_argument("--date", help="the reviews' publication date (default: today)")
    add_root(export, snapshots=True)
    export.set_defaults(command="export", run=run)


def run(args: argparse.Namespace) -> int:
    import datetime

    from validator.engine import validate
    from validator.report import exports, review
    from validator.values.findings import Severity
    from validator.workspace.project import settings
    from validator.workspace.writing import write_atomic

    template = args.url or ""
    if args.url is not None and (template.count("{") != 1 or "{id}" not in template):
        return fail(
            f"--url {template!r}: write {{id}} where the claim's id goes, and no other {{}}"
        )
    project = project_of(args)
    result = validate(project, [])
    errors = [f for f in result.findings if f.severity >= Severity.ERROR]
    if errors:
        print(
            f"factcheck: the dataset has {len(errors)} errors; run `factcheck validate`",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    built = review.build(result)
    config = settings(project.root)
    if args.format == "datapackage":
        folder = args.output or Path("datapackage")
        title = config.get("title", "Fact-check claims")
        package = exports.datapackage(built, config.get("name", "factcheck-claims"), title)
        write_atomic(folder / "claims.csv", exports.to_csv(built))
        write_atomic(
            folder / "datapackage.json", json.dumps(package, indent=2, ensure_ascii=False) + "\n"
        )
        print(f"wrote {folder / 'datapackage.json'} and {folder / 'claims.csv'}", file=sys.stderr)
        return EXIT_CLEAN
    if args.format == "csv":
        text = exports.to_csv(built)
    else:
        text = exports.to_jsonld(
            exports.claimreviews(
                built,
                reviewer=args.reviewer or config.get("reviewer", "factcheck"),
                url=args.url or config.get("review_url", "claims/{id}.yaml"),
                published=args.date or datetime.date.today().isoformat(),
            )
        )
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_CLEAN
