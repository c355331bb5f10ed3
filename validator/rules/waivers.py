"""FC501-FC503: a waiver names a real rule, gives its reason, and waives something.

`apply` is the pipeline's last step: it drops the findings a record waives (a finding belongs
to the record it is about, even when it points into that record's snapshot) and reports the
waivers that waived nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from validator import rules
from validator.values.findings import Example, Finding, Rule, Severity

if TYPE_CHECKING:
    from validator.analysis import Analysis
    from validator.analysis.summary import Summary

WITHOUT_REASON = Rule(
    "FC501",
    "waiver-without-reason",
    "A waiver gives no reason.",
    'A record may waive a rule only with a written reason, `waive: {FC304: "why"}`, so that '
    "a reader sees why the rule does not apply. A waiver without one waives nothing.",
    Example(
        "claims/money-recovered.yaml:25:16: FC501 waiver for FC304 gives no reason; say why the "
        'rule does not apply: FC304: "reason"',
        edits=(("tags: [money]", 'tags: [money]\nwaive: {FC304: " "}'),),
    ),
    waivable=False,
)
UNKNOWN_RULE = Rule(
    "FC502",
    "waiver-unknown-rule",
    "A waiver names a rule that does not exist or cannot be waived.",
    "`factcheck rules` lists the codes. Waiver rules and FC012 cannot be waived.",
    Example(
        "claims/money-recovered.yaml:25:9: FC502 waiver names unknown rule FC999; "
        "see `factcheck rules`",
        edits=(("tags: [money]", "tags: [money]\nwaive: {FC999: why}"),),
    ),
    waivable=False,
)
UNUSED = Rule(
    "FC503",
    "waiver-unused",
    "A waiver waives no finding.",
    "The problem it waived is gone: remove the waiver so that it cannot hide a new one.",
    Example(
        "claims/money-recovered.yaml:25:9: FC503 waiver for FC304 is unused: no FC304 finding "
        "in this file; remove the waiver",
        edits=(("tags: [money]", "tags: [money]\nwaive: {FC304: why}"),),
    ),
    severity=Severity.WARNING,
    waivable=False,
)
RULES = (WITHOUT_REASON, UNKNOWN_RULE, UNUSED)


def reasons(analysis: Analysis) -> Iterator[Finding]:
    for record in analysis.dataset.records:
        for code, why in record.model.waive.items():
            if not why.strip():
                yield record.finding(
                    WITHOUT_REASON,
                    ("waive", code),
                    f"waiver for {code} gives no reason",
                    f'say why the rule does not apply: {code}: "reason"',
                )


def known_codes(analysis: Analysis) -> Iterator[Finding]:
    registry = rules.registry()
    for record in analysis.dataset.records:
        for code in record.model.waive:
            rule = registry.get(code)
            if rule is None:
                message, hint = f"waiver names unknown rule {code}", "see `factcheck rules`"
            elif not rule.waivable:
                message, hint = f"rule {code} cannot be waived", "fix the problem instead"
            else:
                continue
            yield record.finding(UNKNOWN_RULE, ("waive", code), message, hint, key=True)


def apply(
    findings: list[Finding], records: Sequence[Summary], wanted: Callable[[str], bool]
) -> tuple[list[Finding], int]:
    """Drop findings a record waives with a reason; report waivers that waived nothing.

    `wanted` says whether a code is selected: an unused waiver is reported only for a rule
    that ran, since a rule that did not run cannot have used it.
    """
    registry = rules.registry()
    waivable = {code for code, rule in registry.items() if rule.waivable}
    waivers = {
        r.display: {code for code, why in r.waive.items() if why.strip()} & waivable
        for r in records
        if r.waive
    }
    used: set[tuple[str, str]] = set()
    kept: list[Finding] = []
    for finding in findings:
        if finding.code in waivers.get(finding.owner, ()):
            used.add((finding.owner, finding.code))
        else:
            kept.append(finding)
    for record in records:
        for code in sorted(waivers.get(record.display, ())):
            if (record.display, code) not in used and wanted(code):
                kept.append(
                    record.finding(
                        UNUSED,
                        ("waive", code),
                        f"waiver for {code} is unused: no {code} finding in this file",
                        "remove the waiver",
                        key=True,
                    )
                )
    return kept, len(used)


CHECKS = ((WITHOUT_REASON, reasons), (UNKNOWN_RULE, known_codes))
