"""What each `factcheck` command does; the command line itself is in validator/cli.py.

Each command imports what it needs inside it, so that `factcheck explain` does not pay for
pydantic and `factcheck validate` does not pay for rich outside a terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from validator.project import Project

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def validate(args: argparse.Namespace) -> int:
    from validator import reporters, rules
    from validator.engine import Selection, validate
    from validator.findings import Severity

    unknown = rules.unknown_patterns((args.select or []) + args.ignore)
    if unknown:
        print(
            f"factcheck: no rule matches {', '.join(unknown)}; see `factcheck rules`",
            file=sys.stderr,
        )
        return EXIT_USAGE
    outputs = _outputs(args.output)
    if outputs is None:
        return EXIT_USAGE
    start = args.paths[0] if args.paths else None
    project = _project(args, start)
    paths = args.paths
    if args.changed:
        from validator.changes import GitError, changed_files, with_dependents

        try:
            paths = with_dependents(project, changed_files(project, args.changed))
        except GitError as error:
            print(f"factcheck: --changed {args.changed}: {error}", file=sys.stderr)
            return EXIT_USAGE
        if not paths:
            print(f"factcheck: no claim or source changed since {args.changed}")
            return EXIT_CLEAN
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    result = validate(project, paths, Selection(args.select, args.ignore), jobs=jobs)
    reporters.get(_auto(args.format, github=True))(result, project, sys.stdout, quiet=args.quiet)
    for name, target in outputs:
        _write_report(reporters.get(name), result, project, target)
    if args.fail_on == "never":
        return EXIT_CLEAN
    threshold = Severity.parse(args.fail_on)
    return EXIT_FINDINGS if any(f.severity >= threshold for f in result.findings) else EXIT_CLEAN


def _auto(name: str, *, github: bool = False) -> str:
    if name != "auto":
        return name
    if github and os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "rich" if sys.stdout.isatty() else "text"


def _outputs(specs: list[str]) -> list[tuple[str, Path]] | None:
    from validator.reporters import FORMATS, SUFFIXES

    outputs = []
    for spec in specs:
        name, _, target = spec.partition("=") if "=" in spec else ("", "", spec)
        name = name or SUFFIXES.get(Path(target).suffix.lower(), "")
        if name not in FORMATS or not target:
            print(
                f"factcheck: --output {spec}: say the format, as FORMAT=FILE "
                f"({', '.join(FORMATS)}), or end the file name with {', '.join(SUFFIXES)}",
                file=sys.stderr,
            )
            return None
        outputs.append((name, Path(target)))
    return outputs


def _write_report(reporter: Any, result: Any, project: Project, target: Path) -> None:
    import io

    from validator.files import write_atomic

    buffer = io.StringIO()
    reporter(result, project, buffer)
    write_atomic(target, buffer.getvalue())


def _project(args: argparse.Namespace, start: Path | None = None) -> Project:
    from dataclasses import replace

    from validator import project as projects

    project = projects.find(start, args.root.absolute() if args.root else None)
    if getattr(args, "snapshots", None):
        project = replace(project, snapshots=args.snapshots.absolute())
    return project


def coverage(args: argparse.Namespace) -> int:
    from validator.coverage import cover
    from validator.dataset import Dataset
    from validator.engine import Selection, validate
    from validator.provenance import snapshot
    from validator.reporters import coverage as output

    project = _project(args)
    loaded = validate(project, [], Selection(select=["FC0", "FC1"]))
    for f in loaded.findings:  # a record that does not load cannot cover anything: say so
        print(f"{f.path}:{f.line}:{f.column}: {f.code} {f.text}", file=sys.stderr)
    dataset = Dataset.build(project, loaded.records)
    sources = {r.model.id: r.model for r in dataset.of_kind("source")}
    claims = [r.model for r in dataset.claims()]
    unknown = [s for s in args.sources if s not in sources]
    if unknown:
        print(f"factcheck: no source {', '.join(unknown)}", file=sys.stderr)
        return EXIT_USAGE
    table = []
    for source_id in args.sources or sorted(sources):
        shot = snapshot(dataset, source_id)
        if shot is None:
            if args.sources:
                print(
                    f"factcheck: no snapshot of {source_id} in {project.snapshots}", file=sys.stderr
                )
                return EXIT_USAGE
            continue
        table.append((source_id, shot, cover(sources[source_id], shot.text, claims)))  # type: ignore[arg-type]
    writers = {"text": output.text, "json": output.as_json, "rich": output.rich}
    writers[_auto(args.format)](table, sys.stdout)
    uncovered = any(not c.ok for _, _, found in table for c in found)
    return EXIT_FINDINGS if uncovered or loaded.findings else EXIT_CLEAN


def new(args: argparse.Namespace) -> int:
    from validator import scaffold
    from validator.engine import Selection, validate

    project = _project(args)
    names = (
        ("source", "quote", "as_written", "claim", "measure", "claimant", "id")
        if args.command == "new"
        else ("title", "publisher", "kind", "published", "url", "author", "id")
    )
    fields = scaffold.Fields(
        {name: getattr(args, name) for name in names}, input if sys.stdin.isatty() else None
    )
    try:
        if args.command == "new":
            loaded = validate(project, project.files("source"), Selection(select=["FC0", "FC1"]))
            sources = [(r.model.id, r.model.title) for r in loaded.records]  # type: ignore[union-attr]
            path, next_steps = scaffold.new_claim(project, fields, sources)
        else:
            path, next_steps = scaffold.new_source(project, fields)
    except scaffold.Refused as refused:
        print(f"factcheck: {refused}", file=sys.stderr)
        return EXIT_USAGE
    from validator.findings import Severity
    from validator.project import display

    result = validate(project, [path])
    for f in result.findings:
        print(f"{f.path}:{f.line}:{f.column}: {f.code} {f.text}")
    print(f"wrote {display(path)}\n{next_steps}")
    failed = any(f.severity >= Severity.ERROR for f in result.findings)
    return EXIT_FINDINGS if failed else EXIT_CLEAN


def report(args: argparse.Namespace) -> int:
    from validator import report_output, review
    from validator.engine import validate

    project = _project(args)
    built = review.build(validate(project, []))
    if args.claim and args.claim not in {r.claim.id for r in built.all_rows()}:
        print(f"factcheck: no claim {args.claim}", file=sys.stderr)
        return EXIT_USAGE
    name = args.format
    if name == "auto":
        name = "rich" if sys.stdout.isatty() else "markdown"
    writer = {
        "rich": report_output.terminal,
        "markdown": report_output.markdown,
        "json": report_output.as_json,
    }
    writer[name](built, sys.stdout, claim=args.claim, verbose=args.verbose)
    if args.html:
        from validator import html_report
        from validator.files import write_atomic

        write_atomic(args.html / "index.html", html_report.page(built))
        print(f"wrote {args.html / 'index.html'}", file=sys.stderr)
    return EXIT_CLEAN


def export(args: argparse.Namespace) -> int:
    import datetime

    from validator import export, review
    from validator.engine import validate
    from validator.files import write_atomic
    from validator.findings import Severity
    from validator.project import settings

    project = _project(args)
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
        package = export.datapackage(built, config.get("name", "factcheck-claims"), title)
        write_atomic(folder / "claims.csv", export.to_csv(built))
        write_atomic(
            folder / "datapackage.json", json.dumps(package, indent=2, ensure_ascii=False) + "\n"
        )
        print(f"wrote {folder / 'datapackage.json'} and {folder / 'claims.csv'}", file=sys.stderr)
        return EXIT_CLEAN
    if args.format == "csv":
        text = export.to_csv(built)
    else:
        text = export.to_jsonld(
            export.claimreviews(
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


def rules(args: argparse.Namespace) -> int:
    from validator import rules

    table = rules.registry().values()
    if args.format == "json":
        rows = [
            {"code": r.code, "name": r.name, "severity": r.severity.label, "summary": r.summary}
            for r in table
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_CLEAN
    for rule in table:
        print(f"{rule.code}  {rule.name:<28} {rule.severity.label:<8} {rule.summary}")
    return EXIT_CLEAN


def explain(args: argparse.Namespace) -> int:
    from validator import rules

    registry = rules.registry()
    code = args.code.upper()
    rule = registry.get(code) or next((r for r in registry.values() if r.name == args.code), None)
    if rule is None:
        print(f"factcheck: no rule {args.code}; see `factcheck rules`", file=sys.stderr)
        return EXIT_USAGE
    waiver = "can be waived with a reason" if rule.waivable else "cannot be waived"
    print(
        f"{rule.code} {rule.name} ({rule.severity.label}; {waiver})\n\n"
        f"{rule.summary}\n\n{rule.explanation}"
    )
    return EXIT_CLEAN


def schema(args: argparse.Namespace) -> int:
    from validator import project as projects
    from validator import schema_gen

    project = projects.find(None, args.root.absolute() if args.root else None)
    if args.check:
        stale = schema_gen.stale(project.schema)
        for name in stale:
            print(
                f"{project.schema / name}: out of date with validator/models.py; "
                "run `factcheck schema`"
            )
        return EXIT_FINDINGS if stale else EXIT_CLEAN
    for name in schema_gen.write(project.schema):
        print(f"wrote {project.schema / name}")
    return EXIT_CLEAN
