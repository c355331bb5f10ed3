"""Physical units through pint; nothing here is a hand-written conversion table.

Units are spelt as pint spells them; `t` is the metric tonne (1,000 kg), never a short or long
ton. pint loads in about 0.2 s, so it is imported only when a unit has to be checked or converted.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from tokenize import TokenError
from typing import Any

# Units of this dataset that pint reads under another name.
ALIASES = {
    "t": "metric_ton",
    "count": "dimensionless",
    "percent": "percent",
    "km2": "km ** 2",  # the dataset's unit names are plain words: no "²" or "**"
}


@cache
def _registry() -> Any:
    import pint

    return pint.UnitRegistry(non_int_type=Decimal)


def _unit(name: str) -> Any:
    return _registry().Unit(ALIASES.get(name, name))


# What pint raises for a name it cannot read or a conversion it cannot make: its own errors,
# and the Python errors its parser and its offset and logarithmic units (decibel, degC) let
# through. A unit name comes from a stranger's file, so each of these means "not a unit here".
def _failures() -> tuple[type[BaseException], ...]:
    import pint

    return (
        pint.errors.PintError,
        ValueError,
        TypeError,
        AttributeError,
        KeyError,
        ArithmeticError,
        SyntaxError,
        TokenError,
    )


def known(name: str) -> bool:
    try:
        unit = _unit(name)
        _registry().Quantity(Decimal(1), unit).to(unit)  # a unit pint names but cannot use
    except _failures():
        return False
    return True


def factor(source: str, target: str) -> Decimal | None:
    """How many `target` make one `source` (1 t -> 1000 kg), or None if they do not convert."""
    try:
        quantity = _registry().Quantity(Decimal(1), _unit(source)).to(_unit(target))
        return Decimal(quantity.magnitude)
    except _failures():
        return None
