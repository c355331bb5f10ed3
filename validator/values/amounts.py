"""Amounts and intervals as people read them: £4.8M, [$5.85M, $5.95M), 92%, (19, ∞) year."""

from __future__ import annotations

from decimal import Decimal, localcontext
from functools import lru_cache

from validator.values.intervals import INF, Interval

SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}
_SCALES = ((Decimal("1e12"), "tn"), (Decimal("1e9"), "bn"), (Decimal("1e6"), "M"))


def number(value: Decimal, places: int = 3) -> str:
    """At most `places` decimals, trailing zeros dropped, thousands separated: 1,234.5."""
    if value in (INF, -INF):
        return "∞" if value > 0 else "-∞"
    # Enough digits for the whole number: rounding to the context's 28 digits would show a
    # number the file does not hold (forty nines as 1E+40), or fail on a large one.
    with localcontext() as context:
        context.prec = max(28, value.adjusted() + places + 2)
        rounded = value.quantize(Decimal(1).scaleb(-places))
        return f"{rounded.normalize():,f}"


def amount(value: Decimal, unit: str, places: int = 3) -> str:
    if value in (INF, -INF):
        return number(value)
    if is_money(unit):
        sign, magnitude = ("-" if value < 0 else ""), abs(value)
        prefix = SYMBOLS.get(unit, unit + " ")
        for size, suffix in _SCALES:
            if magnitude >= size:
                return f"{sign}{prefix}{number(magnitude / size, places)}{suffix}"
        return f"{sign}{prefix}{number(magnitude, max(places - 1, 2))}"
    if unit == "percent":
        return f"{number(value, places)}%"
    if unit == "count":
        return number(value, places)
    return f"{number(value, places)} {unit}"


def is_money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


def interval(span: Interval, unit: str) -> str:
    """An interval a reader can check: its ends as written figures, with the fewest decimals
    (from 3) that show them exactly, and never so few that two different ends look alike
    ("[£4.7999995M, £4.8000005M)", not "[£4.8M, £4.8M)")."""
    pick = _fewest_cached(str(span.low), str(span.high), unit)
    opening = "[" if span.low_closed else "("
    closing = "]" if span.high_closed else ")"
    if is_money(unit) or unit in ("percent", "count"):
        return f"{opening}{pick[0]}, {pick[1]}{closing}"
    return f"{opening}{pick[0]}, {pick[1]}{closing} {unit}"


@lru_cache(maxsize=4096)  # copies of one figure (a dataset of look-alikes) render it once
def _fewest_cached(low: str, high: str, unit: str) -> tuple[str, str]:
    """By the ends' text, not the Interval: Decimal("-0") equals 0, and hashes as it, but is
    written "-0"."""
    return _fewest_places(Interval(Decimal(low), Decimal(high), True, True), unit)


def _fewest_places(span: Interval, unit: str) -> tuple[str, str]:
    """The ends at the fewest places, from 3 to 12, that three more would not change and that
    tell two different ends apart; else the first that tells them apart; else 12 places.
    Rendered as needed: most intervals settle at 3 places, so 4 renderings, not 10."""
    rendered: dict[int, tuple[str, str]] = {}

    def at(places: int) -> tuple[str, str]:
        if places not in rendered:
            rendered[places] = _ends(span, unit, places)
        return rendered[places]

    def differ(ends: tuple[str, str]) -> bool:
        return ends[0] != ends[1] or span.low == span.high

    for places in range(3, 10):
        if at(places) == at(places + 3) and differ(at(places)):
            return at(places)
    return next((at(p) for p in range(3, 13) if differ(at(p))), at(12))


def _ends(span: Interval, unit: str, places: int) -> tuple[str, str]:
    if is_money(unit) or unit in ("percent", "count"):
        return amount(span.low, unit, places), amount(span.high, unit, places)
    return number(span.low, places), number(span.high, places)
