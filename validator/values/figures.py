"""Reading a figure as written: "£4.8 million", "92%", "around 1,200", "3.5 tonnes", "five".

All the reading rules live here, so that `factcheck explain FC301` can print them and every check
that needs a number from text uses the same ones. A written figure stands for an interval: the
`resolution` is one unit in its last written digit (0.1 million for "4.8 million"), so the plain
figure covers value ± resolution / 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from validator.values.intervals import INF, ZERO, Interval

CURRENCY_SYMBOLS = {"£": "GBP", "$": "USD", "US$": "USD", "€": "EUR"}
SCALES = {
    "thousand": 3,
    "k": 3,
    "million": 6,
    "m": 6,
    "mn": 6,
    "billion": 9,
    "bn": 9,
    "b": 9,
    "trillion": 12,
    "tn": 12,
}
UNIT_WORDS = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "t": "t",
    "tonne": "t",
    "tonnes": "t",
    "kg": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "year": "year",
    "years": "year",
    "month": "month",
    "months": "month",
    "week": "week",
    "weeks": "week",
    "day": "day",
    "days": "day",
}
# "around 1,200" is 1,200 give or take 10% (or half a unit of its last digit, if that is more).
APPROXIMATE = Decimal("0.10")
HEDGE_KIND = {
    "approximately": "approximate",
    "roughly": "approximate",
    "around": "approximate",
    "about": "approximate",
    "some": "approximate",
    "nearly": "nearly",
    "almost": "nearly",
    "more than": "above",
    "over": "above",
    "at least": "at least",
    "up to": "up to",
    "under": "below",
    "less than": "below",
    "fewer than": "below",
}
HEDGES = (
    "approximately",
    "more than",
    "fewer than",
    "less than",
    "at least",
    "roughly",
    "nearly",
    "almost",
    "around",
    "about",
    "up to",
    "under",
    "over",
    "some",
)
SMALL_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety"
_SMALL = {w: i for i, w in enumerate(SMALL_WORDS.split())}
_TENS = {w: 10 * i for i, w in enumerate(TENS_WORDS.split(), start=2)}
_WORD_NUMBER = (
    r"a\s+dozen|dozen|a\s+hundred|a\s+thousand|"
    r"(?:"
    + "|".join(_TENS)
    + r")(?:-(?:"
    + "|".join(list(_SMALL)[1:10])
    + r"))?|"
    + "|".join(sorted(_SMALL, key=len, reverse=True))
)

_FIGURE = re.compile(
    r"""^\s*
    (?P<hedge>"""
    + "|".join(h.replace(" ", r"\s+") for h in HEDGES)
    + r""")?\s*
    (?P<currency>US\$|£|\$|€|(?-i:[A-Z]{3}(?=[\s0-9])))?\s*
    (?P<sign>[-−])?
    (?P<number>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+|"""
    + _WORD_NUMBER
    + r""")
    (?:\s*(?P<scale>thousand|million|billion|trillion|mn|bn|tn|k|m|b)\b)?
    \s*(?P<rest>.*?)\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Figure:
    value: Decimal
    unit: str | None  # None: a bare number, a count of whatever the claim measures
    resolution: Decimal  # one unit in the last written digit, times the scale
    hedge: str | None = None
    noun: str | None = None  # trailing words that are not a unit: "1,200 children" -> "children"

    def interval(self) -> Interval:
        """Every amount the written figure allows (see READING_RULES)."""
        v, half = self.value, self.resolution / 2
        hedge = self.hedge
        if hedge is None:
            return Interval(v - half, v + half, True, False)
        width = max(half, abs(v) * APPROXIMATE)
        floor = ZERO if v >= 0 else -INF  # "under 19" of a non-negative quantity
        return {
            "approximate": Interval(v - width, v + width, True, True),
            "nearly": Interval(v - width, v, True, False),
            "above": Interval(v, INF, False, False),
            "at least": Interval(v, INF, True, False),
            "up to": Interval(floor, v, True, True),
            "below": Interval(floor, v, True, False),
        }[HEDGE_KIND[hedge]]


@lru_cache(maxsize=4096)
def parse(text: str) -> Figure | None:
    """The figure `text` states, or None when it does not read as one (cached: several rules
    read the same as_written, and Figure is immutable)."""
    match = _FIGURE.match(text)
    if match is None:
        return None
    number, resolution = _number(match["number"])
    if match["sign"]:
        number = -number
    scale = match["scale"]
    currency = match["currency"]
    if scale:
        factor = Decimal(10) ** SCALES[scale.lower()]
        number, resolution = number * factor, resolution * factor
    unit = CURRENCY_SYMBOLS.get(currency) or (currency.upper() if currency else None)
    rest = " ".join(match["rest"].split())
    noun = None
    if rest:
        rest_unit = UNIT_WORDS.get(rest.lower()) or (rest if _is_code(rest) else None)
        if rest_unit is None:
            if not rest[0].isalpha():
                return None  # "1.2.3", "4,80": digits the number pattern did not take
            noun = rest
        elif unit is None:
            unit = rest_unit
        else:
            return None  # two units, "£5 tonnes": not a figure we can read
    hedge = " ".join(match["hedge"].lower().split()) if match["hedge"] else None
    return Figure(number, unit, resolution, hedge, noun)


def _is_code(text: str) -> bool:
    """An ISO 4217-shaped code: three capital letters (GBP, NGN)."""
    return len(text) == 3 and text.isalpha() and text.isupper()


def _number(token: str) -> tuple[Decimal, Decimal]:
    """A written number and its resolution: "4.8" -> (4.8, 0.1); "1,200" -> (1200, 1)."""
    if token[0].isdigit() or token[0] == ".":
        number = Decimal(token.replace(",", ""))
        return number, Decimal(1).scaleb(min(number.as_tuple().exponent, 0))  # type: ignore[arg-type]
    words = " ".join(token.lower().split())
    if words in ("a dozen", "dozen"):
        return Decimal(12), Decimal(1)
    if words in ("a hundred", "a thousand"):
        return Decimal(100 if words == "a hundred" else 1000), Decimal(1)
    tens, _, unit = words.partition("-")
    value = _TENS.get(tens, _SMALL.get(tens, 0)) + _SMALL.get(unit, 0)
    return Decimal(value), Decimal(1)


def render(value: Decimal) -> str:
    """A Decimal as a plain number without exponent or needless trailing zeros: 4800000, 4.8."""
    return format(value.normalize(), "f")


READING_RULES = """\
How `as_written` is read (validator/figures.py):
  - an optional hedge: around, about, approximately, roughly, nearly, almost, some, more than,
    over, at least, up to, under, less than, fewer than;
  - an optional currency: £ (GBP), $ or US$ (USD), € (EUR), or an ISO 4217 code (GBP, NGN);
  - a number: digits with optional thousands commas and decimals (1,200  4.8  .5), or a word
    (one to nineteen, twenty to ninety-nine, a dozen, a hundred, a thousand);
  - an optional scale: thousand/k, million/m/mn, billion/bn/b, trillion/tn;
  - an optional unit: % / percent / per cent, tonnes/t, kg, years, months, weeks, days, or a
    trailing ISO 4217 code; any other trailing words name what is counted ("327 arrests").
The value is the number times the scale: "£4.8 million" is 4800000 GBP, "92%" is 92 percent.

What a written figure allows (the interval the consistency checks use):
  - a plain figure: half a unit in its last written digit either way, [v - r/2, v + r/2):
    "£4.8 million" is [£4.75M, £4.85M), "92%" is [91.5%, 92.5%), "327" is [326.5, 327.5);
  - around, about, approximately, roughly, some: v ± 10% (or ± r/2 if wider), ends included:
    "around 1,200" is [1,080, 1,320];
  - nearly, almost: up to 10% below v, v itself excluded: "nearly 1,000" is [900, 1,000);
  - more than, over: above v: "over 19" is (19, ∞); at least: [v, ∞);
  - up to: [0, v]; under, less than, fewer than: [0, v)."""
