"""`factcheck rules` and `factcheck explain CODE`: what each rule checks, and an example of it.

Nothing heavy is imported: both answer at once (the models are imported only to list the
fields of FC101 and FC102).
"""

from __future__ import annotations

import argparse
import json

from validator.cli.common import EXIT_CLEAN, fail
from validator.values.findings import Example, Filler, Rule

MAX_EXAMPLE_LINES = 12


def add(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listing = sub.add_parser("rules", help="list the rules")
    listing.add_argument("--format", choices=["text", "json"], default="text")
    listing.set_defaults(command="rules", run=run_rules)

    explain = sub.add_parser("explain", help="explain a rule, with an example")
    explain.add_argument("code", help="a rule code such as FC301, or a rule's name")
    explain.set_defaults(command="explain", run=run_explain)


def run_rules(args: argparse.Namespace) -> int:
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


def run_explain(args: argparse.Namespace) -> int:
    from validator import rules

    registry = rules.registry()
    rule = registry.get(args.code.upper()) or next(
        (r for r in registry.values() if r.name == args.code), None
    )
    if rule is None:
        return fail(f"no rule {args.code}; see `factcheck rules`")
    print(explanation(rule))
    return EXIT_CLEAN


def explanation(rule: Rule) -> str:
    waiver = "can be waived with a reason" if rule.waivable else "cannot be waived"
    text = f"{rule.code} {rule.name} ({rule.severity.label}; {waiver})\n\n"
    text += f"{rule.summary}\n\n{rule.explain()}"
    if rule.example is not None:
        text += "\n\n" + _example(rule.example)
    return text


def _example(example: Example) -> str:
    lines = [
        "Example: in a dataset of one source (sources/the-article.yaml) and one claim of "
        "'£4.8 million ($5.9 million)' (claims/money-recovered.yaml),"
    ]
    for old, new in example.edits:
        lines.append("change, in claims/money-recovered.yaml,")
        lines += [f"  - {line}" for line in old.splitlines()]
        lines += [f"  + {line}" for line in new.splitlines()]
    for path, content in example.files.items():
        lines.append(f"add {path}:")
        lines += _shown(content)
    if example.snapshot is not None:
        lines.append("with the source's text in snapshots/the-article.txt:")
        lines += _shown(example.snapshot)
    lines += ["gives:", f"  {example.expect}"]
    return "\n".join(lines)


def _shown(content: str | bytes | Filler) -> list[str]:
    if isinstance(content, Filler):
        return [f"  ({content.size:,} bytes of comment)"]
    text = content.decode("utf-8", "backslashreplace") if isinstance(content, bytes) else content
    rows = text.splitlines()
    more = (
        [f"  … ({len(rows) - MAX_EXAMPLE_LINES} more lines)"]
        if len(rows) > MAX_EXAMPLE_LINES
        else []
    )
    return [f"  | {row}" for row in rows[:MAX_EXAMPLE_LINES]] + more
