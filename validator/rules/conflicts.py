"""FC608, FC609: claims on the same measure agree, and an 'accurate' claim passes its checks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from validator.values.findings import Example, Finding, Rule

if TYPE_CHECKING:
    from validator.analysis.consistency import AnyCheck
    from validator.analysis.summary import Across

_RIVAL = """\
id: rival
claim: Someone else's figure for the same money.
quote: "£6.2 million"
as_written: "£6.2 million"
value: 6200000
unit: GBP
measure: money recovered
period:
  start: 2023-10-01
  end: 2023-12-31
geography: NO
claimant: Someone else
source: the-article
verdict:
  rating: unverifiable
  explanation: An example.
"""

CONFLICT = Rule(
    "FC608",
    "conflict",
    "Two claims give figures for the same measure, place and period that cannot both be true.",
    "Claims whose `measure`, `geography`, `period` (or `as_of`), `per` and `unit` are the "
    "same must have overlapping intervals. The finding names both files and lines.",
    Example(
        "claims/rival.yaml:5:8: FC608 conflicts with money-recovered "
        "(claims/money-recovered.yaml:6) on the same measure, place and period: £6.2M → "
        "[£6.15M, £6.25M) misses £4.8M → [£4.75M, £4.85M) ✗; one of the two figures is wrong, "
        "or they measure different things: say how in `measure`",
        files={"claims/rival.yaml": _RIVAL},
    ),
)
VERDICT_COHERENCE = Rule(
    "FC609",
    "verdict-coherence",
    "A claim rated 'accurate' fails a consistency check.",
    "An accurate figure cannot contradict its own equivalents, derivation or another claim.",
    Example(
        "claims/money-recovered.yaml:21:11: FC609 verdict is 'accurate' but the claim fails "
        "FC602; fix the figures, or give the verdict that the checks support",
        edits=(
            ("value: 5900000", "value: 6100000"),
            ('"$5.9 million"', '"$6.1 million"'),
            ("($5.9 million)", "($6.1 million)"),
        ),
    ),
)
RULES = (CONFLICT, VERDICT_COHERENCE)


def conflicts(across: Across) -> Iterator[Finding]:
    from validator.analysis.consistency import Conflict

    for check in across.checks:
        if isinstance(check, Conflict):
            other = check.other
            where = f"{other.display}:{other.at('value')[0]}"
            yield check.record.finding(
                CONFLICT,
                check.loc,
                f"conflicts with {other.id} ({where}) on the same measure, place and "
                f"period: {check.arithmetic}",
                "one of the two figures is wrong, or they measure different things: say how in "
                "`measure`",
            )


def verdict_coherence(across: Across) -> Iterator[Finding]:
    # A claim's own checks were made where it was read (across.failed holds what failed
    # there); the checks between claims are made here.
    own, between = across.failed, failed_checks(across.checks)
    for summary in across.claims:
        found = own.get(summary.id, set()) | between.get(summary.id, set())
        if found and summary.rating == "accurate":
            yield summary.finding(
                VERDICT_COHERENCE,
                ("verdict", "rating"),
                f"verdict is 'accurate' but the claim fails {', '.join(sorted(found))}",
                "fix the figures, or give the verdict that the checks support",
            )


def failed_checks(checks: Iterable[AnyCheck]) -> dict[str, set[str]]:
    """The codes of the failed checks that contradict a figure, by claim id."""
    from validator.analysis.consistency import Conflict, Conversion, Derivation, UnitConversion
    from validator.rules.conversions import CURRENCY, UNIT_CONVERSION
    from validator.rules.derivations import DERIVATION

    # The checks whose failure contradicts the figure, and the rule that reports each.
    failing = {
        Conversion: CURRENCY,
        UnitConversion: UNIT_CONVERSION,
        Derivation: DERIVATION,
        Conflict: CONFLICT,
    }
    failed: dict[str, set[str]] = {}
    for check in checks:
        rule = failing.get(type(check))
        if rule is not None and not check.ok:
            failed.setdefault(check.record.id, set()).add(rule.code)
    return failed


# Each record on its own (a worker runs these on its part), then between records.
CHECKS = ()
CHECKS_ACROSS = ((CONFLICT, conflicts), (VERDICT_COHERENCE, verdict_coherence))
