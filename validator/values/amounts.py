"""Amounts and intervals as people read them: £4.8M, [$5.85M, $5.95M), 92%, (19, ∞) year."""

from __future__ import annotations

from decimal import Decimal

from validator.values.intervals import INF, Interval

SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}
_SCALES = ((Decimal("1e12"), "tn"), (Decimal("1e9"), "bn"), (Decimal("1e6"), "M"))


def number(value: Decimal, places: int = 3) -> str:
    """At most `places` decimals, trailing zeros dropped, thousands separated: 1,234.5."""
    if value in (INF, -INF):
        return "∞" if value > 0 else "-∞"
    rounded = value.quantize(Decimal(1).scaleb(-places)) if value.adjusted() < 28 else value
    return f"{rounded.normalize():,f}"


def amount(value: Decimal, unit: str) -> str:
    if value in (INF, -INF):
        return number(value)
    if is_money(unit):
        sign, magnitude = ("-" if value < 0 else ""), abs(value)
        prefix = SYMBOLS.get(unit, unit + " ")
        for size, suffix in _SCALES:
            if magnitude >= size:
                return f"{sign}{prefix}{number(magnitude / size)}{suffix}"
        return f"{sign}{prefix}{number(magnitude, 2)}"
    if unit == "percent":
        return f"{number(value)}%"
    if unit == "count":
        return number(value)
    return f"{number(value)} {unit}"


def is_money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


def interval(span: Interval, unit: str) -> str:
    opening = "[" if span.low_closed else "("
    closing = "]" if span.high_closed else ")"
    if is_money(unit) or unit in ("percent", "count"):
        return f"{opening}{amount(span.low, unit)}, {amount(span.high, unit)}{closing}"
    return f"{opening}{number(span.low)}, {number(span.high)}{closing} {unit}"
