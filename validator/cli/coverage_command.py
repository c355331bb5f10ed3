"""`factcheck coverage [SOURCE_ID ...]`: every figure in the snapshots and what accounts for it."""

from __future__ import annotations

import argparse
import sys

from validator.cli.common import EXIT_CLEAN, EXIT_FINDINGS, add_root, auto, fail, project_of


def add(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    coverage = sub.add_parser(
        "coverage", help="list every figure in source snapshots and its claim"
    )
    coverage.add_argument("sources", nargs="*", metavar="SOURCE_ID", help="default: every snapshot")
    coverage.add_argument("--format", choices=["auto", "text", "rich", "json"], default="auto")
    add_root(coverage, snapshots=True)
    coverage.set_defaults(command="coverage", run=run)


def run(args: argparse.Namespace) -> int:
    from validator.analysis.coverage import cover, covering_claims
    from validator.engine import Selection, validate
    from validator.report import listing

    project = project_of(args)
    loaded = validate(project, [], Selection(select=["FC0", "FC1"]))
    for f in loaded.findings:  # a record that does not load cannot cover anything: say so
        print(f"{f.path}:{f.line}:{f.column}: {f.code} {f.text}", file=sys.stderr)
    analysis = loaded.analysis
    sources = {r.model.id: r.model for r in analysis.dataset.sources}
    claims = covering_claims(analysis.across)  # a claim that fails to load still covers its own
    unknown = [s for s in args.sources if s not in sources]
    if unknown:
        return fail(f"no source {', '.join(unknown)}")
    table: listing.Table = []
    for source_id in args.sources or sorted(sources):
        shot = analysis.snapshot(source_id)
        if shot is None:
            if args.sources:
                return fail(f"no snapshot of {source_id} in {project.snapshots}")
            continue
        table.append((source_id, shot, cover(sources[source_id], shot.text, claims)))
    writers = {"text": listing.text, "json": listing.as_json, "rich": listing.rich}
    writers[auto(args.format)](table, sys.stdout)
    uncovered = any(not c.ok for _, _, found in table for c in found)
    return EXIT_FINDINGS if uncovered or loaded.findings else EXIT_CLEAN
