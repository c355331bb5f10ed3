"""Physical units through pint; nothing here is a hand-written conversion table.

Units are spelt as pint spells them; `t` is the metric tonne (1,000 kg), never a short or long
ton. pint loads in about 0.2 s, so it is imported only when a unit has to be checked or converted.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
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


def known(name: str) -> bool:
    import pint

    try:
        _unit(name)
    except (
        pint.errors.UndefinedUnitError,
        pint.errors.DefinitionSyntaxError,
        ValueError,
        AttributeError,
    ):
        return False
    return True


def factor(source: str, target: str) -> Decimal | None:
    """How many `target` make one `source` (1 t -> 1000 kg), or None if they do not convert."""
    import pint

    try:
        quantity = _registry().Quantity(Decimal(1), _unit(source)).to(_unit(target))
    except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError):
        return None
    return Decimal(quantity.magnitude)
