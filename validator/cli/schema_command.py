"""`factcheck schema [--check]`: write schema/*.json from the models, or fail when stale."""

from __future__ import annotations

import argparse

from validator.cli.common import EXIT_CLEAN, EXIT_FINDINGS, add_root


def add(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    schema = sub.add_parser("schema", help="write schema/*.json from the models")
    schema.add_argument(
        "--check", action="store_true", help="fail if the committed schemas are stale"
    )
    add_root(schema)
    schema.set_defaults(command="schema", run=run)


def run(args: argparse.Namespace) -> int:
    from validator.model import schema_files
    from validator.workspace import project as projects

    project = projects.find(None, args.root.absolute() if args.root else None)
    if args.check:
        stale = schema_files.stale(project.schema)
        for name in stale:
            print(
                f"{project.schema / name}: out of date with validator/model/records.py; "
                "run `factcheck schema`"
            )
        return EXIT_FINDINGS if stale else EXIT_CLEAN
    for name in schema_files.write(project.schema):
        print(f"wrote {project.schema / name}")
    return EXIT_CLEAN
