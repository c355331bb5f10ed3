"""`factcheck schema [--check]`: write schema/*.json, the plain record classes and the compiled
validators (validator/model/plain.py, core_schemas.py) from the models, or fail when any is
stale."""

from __future__ import annotations

import argparse

from validator.cli.common import EXIT_CLEAN, EXIT_FINDINGS, add_root


def add(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    schema = sub.add_parser(
        "schema", help="write schema/*.json and the compiled validators from the models"
    )
    schema.add_argument(
        "--check", action="store_true", help="fail if the committed schemas are stale"
    )
    add_root(schema)
    schema.set_defaults(command="schema", run=run)


def run(args: argparse.Namespace) -> int:
    from validator.model import compiling, schema_files
    from validator.workspace import project as projects

    project = projects.find(None, args.root.absolute() if args.root else None)
    # The compiled validators are the validator's own source: written and checked in its own
    # repository, never in a dataset's that uses an installed factcheck.
    own = compiling.MODULE.resolve().is_relative_to(project.root.resolve())
    if args.check:
        stale = schema_files.stale(project.schema)
        for name in stale:
            print(
                f"{project.schema / name}: out of date with validator/model/records.py; "
                "run `factcheck schema`"
            )
        for said in compiling.status() if own else []:
            print(said)
        return EXIT_FINDINGS if stale or (own and compiling.stale()) else EXIT_CLEAN
    for name in schema_files.write(project.schema):
        print(f"wrote {project.schema / name}")
    for path in compiling.write() if own else []:
        print(f"wrote {path}")
    return EXIT_CLEAN
