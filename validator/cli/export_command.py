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
    export.add_argument(
        "--date", metavar="YYYY-MM-DD", help="the reviews' publication date (default: today)"
    )
    add_root(export, snapshots=True)
    export.set_defaults(command="export", run=run)


def run(args: argparse.Namespace) -> int:
    import datetime

    from validator.engine import validate
    from validator.report import exports, review
    from validator.values.findings import Severity
    from validator.workspace.project import settings
    from validator.workspace.writing import write_atomic

    project = project_of(args)
    config = settings(project.root)
    template = ""
    if args.format == "claimreview":
        problem = review_url_problem(args.url, config.get("review_url"))
        if problem:
            return fail(problem)
        template = args.url or config["review_url"]
        if args.date is not None and date_problem(args.date):
            return fail(f"--date {args.date!r}: {date_problem(args.date)}")
    result = validate(project, [])
    errors = [f for f in result.findings if f.severity >= Severity.ERROR]
    if errors:
        print(
            f"factcheck: the dataset has {len(errors)} errors; run `factcheck validate`",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    built = review.build(result)
    if args.format == "datapackage":
        folder = args.output or Path("datapackage")
        title = config.get("title", "Fact-check claims")
        package = exports.datapackage(built, config.get("name", "factcheck-claims"), title)
        write_atomic(folder / "claims.csv", exports.to_csv(built))
        write_atomic(folder / "sources.csv", exports.sources_csv(built))
        write_atomic(
            folder / "datapackage.json", json.dumps(package, indent=2, ensure_ascii=False) + "\n"
        )
        print(
            f"wrote {folder / 'datapackage.json'}, {folder / 'claims.csv'} and "
            f"{folder / 'sources.csv'}",
            file=sys.stderr,
        )
        return EXIT_CLEAN
    if args.format == "csv":
        text = exports.to_csv(built)
    else:
        text = exports.to_jsonld(
            exports.claimreviews(
                built,
                reviewer=args.reviewer or config.get("reviewer", "factcheck"),
                url=template,
                published=args.date or datetime.date.today().isoformat(),
            )
        )
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_CLEAN


def review_url_problem(flag: str | None, configured: str | None) -> str:
    """Why the reviews' address cannot be used, or "": a ClaimReview's `url` is the page where
    the review is published, so it is absolute (http or https), with {id} for the claim's id."""
    from urllib.parse import urlsplit

    if flag is None and not configured:
        return (
            "a ClaimReview needs the address where each review is published: give --url "
            "https://your.site/claims/{id}, or set review_url in [tool.factcheck]; "
            "without a publication site, export --format csv or datapackage instead"
        )
    template = flag if flag is not None else str(configured)
    where = "--url" if flag is not None else "[tool.factcheck] review_url"
    if template.count("{") != 1 or template.count("}") != 1 or "{id}" not in template:
        return f"{where} {template!r}: write {{id}} where the claim's id goes, and no other {{}}"
    parts = urlsplit(template.replace("{id}", "x"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return (
            f"{where} {template!r} is not an absolute address: a ClaimReview's url is the page "
            "where the review is published, e.g. https://your.site/claims/{id}; give --url, or "
            "set review_url in [tool.factcheck] to one"
        )
    return ""


def date_problem(text: str) -> str:
    """Why `text` is not a YYYY-MM-DD date, or ""."""
    import datetime
    import re

    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return "a date is written YYYY-MM-DD, e.g. 2024-04-22"
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return "no such day; a date is written YYYY-MM-DD, e.g. 2024-04-22"
    return ""
