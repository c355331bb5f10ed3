"""The rule registry: each check has a stable code, a default severity, a summary, an explanation.

A rule lives in a small module of this package. Rules that a pipeline stage reports itself (the
loader, the model stage) carry no `check`; the others get the dataset and yield findings.
Nothing heavy is imported here: `factcheck rules` and `factcheck explain` stay instant.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from validator.findings import Finding, Severity

if TYPE_CHECKING:
    from validator.dataset import Dataset

Check = Callable[["Dataset"], Iterable[Finding]]

# Rules are listed by code, whatever the order of their modules here.
_MODULES = (
    "loading",
    "schema",
    "identity",
    "references",
    "as_written",
    "ranges",
    "periods",
    "consistency",
    "provenance",
    "waivers",
)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    explanation: str
    severity: Severity = Severity.ERROR
    check: Check | None = None
    waivable: bool = True


@cache
def registry() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for name in _MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        for rule in module.RULES:
            if rule.code in rules:
                raise RuntimeError(f"rule code {rule.code} is declared twice")
            rules[rule.code] = rule
    return dict(sorted(rules.items()))


def get(code: str) -> Rule:
    return registry()[code]


def finding(code: str, path: str, line: int, column: int, message: str, hint: str = "") -> Finding:
    """A finding for a registered rule, with the rule's default severity."""
    return Finding(path, line, column, code, get(code).severity, message, hint)


def matches(code: str, patterns: Iterable[str]) -> bool:
    """True when `code` starts with any of the codes or prefixes given (ruff's convention)."""
    return any(code.startswith(p) for p in patterns)


def unknown_patterns(patterns: Iterable[str]) -> list[str]:
    codes = registry()
    return [p for p in patterns if not any(c.startswith(p) for c in codes)]


def selected(select: list[str] | None, ignore: list[str]) -> Iterator[Rule]:
    for rule in registry().values():
        if (select is None or matches(rule.code, select)) and not matches(rule.code, ignore):
            yield rule
