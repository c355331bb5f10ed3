"""The rule registry: every code, collected from the stage that reports it.

The load and model stages declare the rules they report beside the code that checks them
(validator/load/*.py, validator/model/errors.py); each module of this package declares its rules
with their checks, which read the dataset and its analysis and word their own findings. The
registry only collects: nothing below it imports it. Nothing heavy is imported here, so that
`factcheck rules` and `factcheck explain` stay instant.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any

from validator.values.findings import Finding, Rule

# A check reads an Analysis (each record with the sources it cites) when it is one of a module's
# CHECKS, and an Across (the Summaries of all records) when it is one of its CHECKS_ACROSS.
Check = Callable[[Any], Iterable[Finding]]

# The stages' own declarations, then this package's modules; rules are listed by code.
_STAGES = (
    "validator.load.read",
    "validator.load.decode",
    "validator.load.yaml12",
    "validator.load.hidden",
    "validator.model.errors",
)
_MODULES = (
    "identity",
    "references",
    "as_written",
    "ranges",
    "periods",
    "waivers",
    "known_units",
    "conversions",
    "derivations",
    "conflicts",
    "quotes",
    "snapshot_texts",
    "uncovered",
)


@cache
def registry() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for name in (*_STAGES, *(f"{__name__}.{m}" for m in _MODULES)):
        for rule in importlib.import_module(name).RULES:
            if rule.code in rules:
                raise RuntimeError(f"rule code {rule.code} is declared twice")
            rules[rule.code] = rule
    return dict(sorted(rules.items()))


@cache
def checks() -> dict[str, Check]:
    """The check of every rule that has one, by code (a stage's rules have none here)."""
    found: dict[str, Check] = {}
    for name in _MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        for rule, check in (*module.CHECKS, *getattr(module, "CHECKS_ACROSS", ())):
            found[rule.code] = check
    return dict(sorted(found.items()))


@cache
def across() -> frozenset[str]:
    """The codes of the checks between records (a module's CHECKS_ACROSS). The others, in its
    CHECKS, look at each record on its own with the sources it cites: what they find in a claim
    does not depend on the other claims, so a worker can run them on its part of the files."""
    return frozenset(
        rule.code
        for name in _MODULES
        for rule, _ in getattr(importlib.import_module(f"{__name__}.{name}"), "CHECKS_ACROSS", ())
    )


def get(code: str) -> Rule:
    return registry()[code]


def matches(code: str, patterns: Iterable[str]) -> bool:
    """True when `code` starts with any of the codes or prefixes given (ruff's convention)."""
    return any(code.startswith(p) for p in patterns)


def unknown_patterns(patterns: Iterable[str]) -> list[str]:
    codes = registry()
    return [p for p in patterns if not any(c.startswith(p) for c in codes)]


def selected(
    select: list[str] | None, ignore: list[str], scope: str = "all"
) -> Iterator[tuple[Rule, Check]]:
    """The checks to run for a selection of codes: all of them, or only those of one `scope`,
    "record" (each record on its own) or "across" (between records)."""
    table, between = registry(), across()
    for code, check in checks().items():
        if scope != "all" and (code in between) != (scope == "across"):
            continue
        if (select is None or matches(code, select)) and not matches(code, ignore):
            yield table[code], check
