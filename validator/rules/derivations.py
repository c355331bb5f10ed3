"""FC605-FC607: a figure derived from others follows from them.

The arithmetic is in validator/analysis/consistency.py; these rules word what it found.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.values.findings import Example, Finding, Rule

if TYPE_CHECKING:
    from validator.analysis.consistency import UnitMismatch
    from validator.analysis.summary import Across

# Two claims that derive the example's figure: a total of 5 from parts of 2 and 2.
_PART = """\
id: {id}
claim: A part.
quote: "parts of 2 and 2, 5 in all"
as_written: "2"
value: 2
unit: count
source: the-article
measure: a part
claimant: Someone
verdict:
  rating: unverifiable
  explanation: An example.
"""
_TOTAL = (
    _PART.replace("{id}", "total")
    .replace('"2"', '"5"')
    .replace("value: 2", "value: 5")
    .replace("measure: a part", "measure: the total")
    + "implied: true\nderived_from:\n  operation: {operation}\n  operands: [{operands}]\n"
)

DERIVATION = Rule(
    "FC605",
    "derivation",
    "A derived figure does not follow from the figures it is derived from.",
    "`derived_from` names an operation (sum, difference, product, ratio, percent_of, "
    "rate_times_duration, equal) and the claims it applies to. Each figure is an interval; "
    "the result of the operation must overlap the derived claim's own interval. "
    "rate_times_duration multiplies a rate (`per: month`) by the length of the claim's period "
    "in those units; equal converts between rates (per month × 12 = per year).",
    Example(
        "claims/total.yaml:15:14: FC605 '5' does not follow from part-a, part-b: 2 → [2, 2] + "
        "2 → [2, 2] = [4, 4] misses 5 → [5, 5] ✗; correct the figure or its operands",
        files={
            "claims/part-a.yaml": _PART.replace("{id}", "part-a"),
            "claims/part-b.yaml": _PART.replace("{id}", "part-b"),
            "claims/total.yaml": _TOTAL.replace("{operation}", "sum").replace(
                "{operands}", "part-a, part-b"
            ),
        },
    ),
)
CYCLE = Rule(
    "FC606",
    "derivation-cycle",
    "Claims are derived from each other in a cycle.",
    "The finding names every claim on the cycle.",
    Example(
        "claims/total.yaml:15:14: FC606 derivation cycle: total → total; a figure cannot be "
        "derived, through others, from itself",
        files={
            "claims/total.yaml": _TOTAL.replace("{operation}", "equal").replace(
                "{operands}", "total"
            )
        },
    ),
)
DERIVATION_UNITS = Rule(
    "FC607",
    "derivation-units",
    "A derivation combines figures in units it cannot combine.",
    "A sum, difference or equality needs its operands in the claim's unit; percent_of gives "
    "a percentage; rate_times_duration needs a rate and a period.",
    Example(
        "claims/total.yaml:15:14: FC607 a sum of figures in other units than count: "
        "money-recovered (GBP); derive from figures in the claim's unit",
        files={
            "claims/total.yaml": _TOTAL.replace("{operation}", "sum").replace(
                "{operands}", "money-recovered"
            )
        },
    ),
)
RULES = (DERIVATION, CYCLE, DERIVATION_UNITS)


def derivation(across: Across) -> Iterator[Finding]:
    from validator.analysis.consistency import Derivation

    for check in across.checks:
        if not isinstance(check, Derivation) or check.ok:
            continue
        claim = check.record
        operation, ids = claim.derived_from or ("", ())
        if check.refusal == "operand-count":
            message, hint = f"{operation} takes two operands, not {check.detail}", ""
        elif check.refusal == "divisor-zero":
            message, hint = f"{operation}: the divisor {check.detail} may be 0", ""
        else:
            operands = ", ".join(ids)
            message = f"'{claim.as_written}' does not follow from {operands}: {check.arithmetic}"
            hint = "correct the figure or its operands"
        yield check.record.finding(DERIVATION, check.loc, message, hint)


def cycle(across: Across) -> Iterator[Finding]:
    from validator.analysis.consistency import Cycle

    for check in across.checks:
        if isinstance(check, Cycle):
            yield check.record.finding(
                CYCLE,
                check.loc,
                f"derivation cycle: {' → '.join(check.ids)}",
                "a figure cannot be derived, through others, from itself",
            )


def derivation_units(across: Across) -> Iterator[Finding]:
    from validator.analysis.consistency import UnitMismatch

    for check in across.checks:
        if isinstance(check, UnitMismatch):
            yield check.record.finding(
                DERIVATION_UNITS,
                check.loc,
                _unit_problem(check),
                "derive from figures in the claim's unit",
            )


def _unit_problem(check: UnitMismatch) -> str:
    claim = check.record
    if check.problem == "units":
        listed = ", ".join(f"{id_} ({unit})" for id_, unit in check.odd)
        return f"a {check.operation} of figures in other units than {claim.unit}: {listed}"
    if check.problem == "percent":
        return f"percent_of gives a percentage, but the claim's unit is {claim.unit}"
    return "rate_times_duration needs one operand with `per` and a claim with a `period`"


# Each record on its own (a worker runs these on its part), then between records.
CHECKS = ()
CHECKS_ACROSS = ((DERIVATION, derivation), (CYCLE, cycle), (DERIVATION_UNITS, derivation_units))
