"""FC301-FC303: `value` and `unit` say what `as_written` says."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from validator.values import figures
from validator.values.amounts import interval, is_money, number
from validator.values.findings import Example, Finding, Rule

if TYPE_CHECKING:
    from validator.analysis import Analysis
    from validator.load.document import Loc
    from validator.model.build import Record
    from validator.model.plain import Claim
    from validator.values.intervals import Interval

VALUE_MATCHES = Rule(
    "FC301",
    "value-matches-as-written",
    "`value` is not the number that `as_written` states.",
    "The normalised value must equal the written figure times its scale, exactly (Decimal "
    "arithmetic): '£4.8 million' is 4800000, '92%' is 92, 'around 1,200' is 1200, 'one in "
    "five' is 20. A range or an order of magnitude ('7 to 10', 'dozens') states no single "
    "number: value must lie in its closed interval.\n\n" + figures.READING_RULES,
    Example(
        "claims/money-recovered.yaml:6:8: FC301 value 4900000 does not match as_written "
        "'£4.8 million', which states 4800000; set value: 4800000, or correct as_written",
        edits=(("value: 4800000", "value: 4900000"),),
    ),
)
READABLE = Rule(
    "FC302",
    "as-written-unreadable",
    "`as_written` does not read as a figure.",
    "as_written holds the figure as the source prints it, without the words around it.\n\n"
    + figures.READING_RULES,
    Example(
        "claims/money-recovered.yaml:5:13: FC302 as_written 'lots' does not read as a figure:"
        " no number where one was expected, at 'lots'; write the figure as the source does, "
        "such as '£4.8 million', '92%', 'around 1,200' (see `factcheck explain FC302`)",
        edits=(('as_written: "£4.8 million"', 'as_written: "lots"'),),
    ),
)
UNIT_MATCHES = Rule(
    "FC303",
    "unit-matches-as-written",
    "`unit` disagrees with the currency, % sign or unit word in `as_written`.",
    "'£4.8 million' is GBP, '$5.9 million' USD, '92%' percent, '3.5 tonnes' t. A percent or "
    "money unit needs its sign or code in as_written.",
    Example(
        "claims/money-recovered.yaml:7:7: FC303 unit 'EUR' does not match as_written "
        "'£4.8 million', which is in 'GBP'; set unit: GBP",
        edits=(("unit: GBP", "unit: EUR"),),
    ),
)
RULES = (VALUE_MATCHES, READABLE, UNIT_MATCHES)

Read = tuple["Record[Claim]", "Loc", str, Decimal, str, figures.Figure | figures.Refusal]


def _figures(claim: Claim) -> Iterator[tuple[Loc, str, Decimal, str]]:
    yield (), claim.as_written, claim.value, claim.unit
    for i, equivalent in enumerate(claim.equivalents):
        yield ("equivalents", i), equivalent.as_written, equivalent.value, equivalent.unit


@lru_cache(maxsize=1)  # three rules read the same figures of one chunk: once
def _read(analysis: Analysis) -> list[Read]:
    return list(_reading(analysis))


def _reading(analysis: Analysis) -> Iterator[Read]:
    for record in analysis.dataset.claims:
        language = analysis.dataset.language(record.model.source)
        for loc, written, value, unit in _figures(record.model):
            yield record, loc, written, value, unit, figures.read(written, language)


def value_matches(analysis: Analysis) -> Iterator[Finding]:
    for record, loc, written, value, unit, figure in _read(analysis):
        if not isinstance(figure, figures.Figure):
            continue
        if figure.point and figure.value != value:
            stated = figures.render(figure.value)
            yield record.finding(
                VALUE_MATCHES,
                (*loc, "value"),
                f"value {figures.render(value)} does not match as_written '{written}', "
                f"which states {stated}",
                f"set value: {stated}, or correct as_written",
            )
        elif not figure.point and not _within(figure.interval(), value):
            # a range or an order of magnitude states no single number: any value inside it
            span = interval(figure.interval(), figure.unit or unit)
            yield record.finding(
                VALUE_MATCHES,
                (*loc, "value"),
                f"value {figures.render(value)} is outside what as_written '{written}' "
                f"states, a {figure.form} of {span}",
                f"set value to a number in {span}, or correct as_written",
            )


def _within(span: Interval, value: Decimal) -> bool:
    return span.low <= value <= span.high


def readable(analysis: Analysis) -> Iterator[Finding]:
    for record, loc, written, _value, _unit, figure in _read(analysis):
        if isinstance(figure, figures.Refusal):
            yield record.finding(
                READABLE,
                (*loc, "as_written"),
                f"as_written '{written}' does not read as a figure: {figure.reason}",
                "write the figure as the source does, such as '£4.8 million', '92%', "
                "'around 1,200' (see `factcheck explain FC302`)",
            )


def unit_matches(analysis: Analysis) -> Iterator[Finding]:
    for record, loc, written, _value, unit, figure in _read(analysis):
        if not isinstance(figure, figures.Figure):
            continue
        if figure.unit is not None and figure.unit != unit:
            # every unit the reader knows is checked, not only money and percent
            yield record.finding(
                UNIT_MATCHES,
                (*loc, "unit"),
                f"unit '{unit}' does not match as_written '{written}', which is in '{figure.unit}'",
                f"set unit: {figure.unit}" + _conversion(figure, unit),
            )
        elif figure.unit is None and (unit == "percent" or is_money(unit)):
            yield record.finding(
                UNIT_MATCHES,
                (*loc, "unit"),
                f"unit is '{unit}' but as_written '{written}' has no % sign or currency",
                "write as_written as the source does, with its sign or currency",
            )


def _conversion(figure: figures.Figure, unit: str) -> str:
    """How the written figure reads in the record's unit, when the two convert: the other fix."""
    if is_money(unit) or figure.unit is None or is_money(figure.unit) or not figure.point:
        return ""
    from validator.values import units

    factor = units.factor(figure.unit, unit) if units.known(unit) else None
    if factor is None:
        return ""
    converted = number(figure.value * factor, 4)
    written = f"{figures.render(figure.value)} {figure.unit}"
    return f" (or, to keep {unit}, record '{written}' as {converted} {unit} in an equivalent)"


CHECKS = (
    (VALUE_MATCHES, value_matches),
    (READABLE, readable),
    (UNIT_MATCHES, unit_matches),
)
