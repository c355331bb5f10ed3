"""FC501-FC503: a waiver names a real rule, gives its reason, and waives something."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator import rules
from validator.findings import Finding, Severity
from validator.rules import Rule

if TYPE_CHECKING:
    from validator.dataset import Dataset


def reasons(dataset: Dataset) -> Iterator[Finding]:
    for record in dataset.records:
        for code, why in record.model.waive.items():
            if not why.strip():
                yield record.finding(
                    "FC501",
                    ("waive", code),
                    f"waiver for {code} gives no reason",
                    f'say why the rule does not apply: {code}: "reason"',
                )


def known_codes(dataset: Dataset) -> Iterator[Finding]:
    registry = rules.registry()
    for record in dataset.records:
        for code in record.model.waive:
            rule = registry.get(code)
            if rule is None:
                yield record.finding(
                    "FC502",
                    ("waive", code),
                    f"waiver names unknown rule {code}",
                    "see `factcheck rules`",
                    key=True,
                )
            elif not rule.waivable:
                yield record.finding(
                    "FC502",
                    ("waive", code),
                    f"rule {code} cannot be waived",
                    "fix the problem instead",
                    key=True,
                )


RULES = (
    Rule(
        "FC501",
        "waiver-without-reason",
        "A waiver gives no reason.",
        'A record may waive a rule only with a written reason, `waive: {FC304: "why"}`, so that '
        "a reader sees why the rule does not apply. A waiver without one waives nothing.",
        check=reasons,
        waivable=False,
    ),
    Rule(
        "FC502",
        "waiver-unknown-rule",
        "A waiver names a rule that does not exist or cannot be waived.",
        "`factcheck rules` lists the codes. Waiver rules and FC012 cannot be waived.",
        check=known_codes,
        waivable=False,
    ),
    Rule(
        "FC503",
        "waiver-unused",
        "A waiver waives no finding.",
        "The problem it waived is gone: remove the waiver so that it cannot hide a new one.",
        severity=Severity.WARNING,
        waivable=False,
    ),
)
