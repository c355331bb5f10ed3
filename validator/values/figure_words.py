"""The vocabulary of the figure grammar (validator/figures.py) and its three small readers: the
tokenizer, written digits ("1,234.5", "1 400", "54,99") and numbers in words ("a hundred and
two", "two and a half million").

Everything a word can mean is in a table here, so that a test can keep the tables complete and
the README can list them. A word that could mean two things ("pounds": money or weight) maps to
a reason starting with "?", and the reader refuses it with that reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from validator.values.figures import Refusal

# Tokens ----------------------------------------------------------------------------------------

# Each alternative is unambiguous (a digit group is always preceded by one separator), so the
# scan is linear in the length of the text: no input makes it backtrack.
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
    |(?P<num>[0-9]+(?:(?:[,.'’\u00a0\u202f\u2009]|\x20(?=[0-9]{3}(?![0-9])))[0-9]+)*)
    |(?P<sym>(?:US|AU|A|CA|C|NZ|HK|S|NT|R|Mex)\$|CN¥|[$£€¥₹₽₦₩₺₪₴₱฿%+])
    |(?P<word>[^\W\d_]+)
    |(?P<dash>[-‐‑–—−])
    |(?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
# Abbreviations whose full stop belongs to the word: "approx. 1,200", "€4,8 Mio.".
ABBREVIATIONS = {
    "approx", "c", "ca", "est", "mio", "mln", "bln", "mrd", "mld", "руб", "tys", "тыс", "млн",
    "млрд",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # num, sym, word, dash or other
    text: str
    glued: bool  # no space before it


def tokens(text: str) -> list[Token] | Refusal:
    from validator.values.figures import Refusal

    found: list[Token] = []
    glued = True
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        piece = match.group()
        if kind == "space":
            glued = False
            continue
        if piece == "." and found and found[-1].text.lower() in ABBREVIATIONS:
            continue  # the abbreviation's own full stop
        if kind == "other" and piece not in "/.'’":
            return Refusal(f"the character '{piece}' is not part of a figure")
        found.append(Token(kind, piece, glued and bool(found)))
        glued = True
    return found


# Digits ----------------------------------------------------------------------------------------

GROUPING_ONLY = {" ", "\u00a0", "\u202f", "\u2009", "'", "’"}  # never a decimal mark
# Languages that write a decimal comma (and group thousands with points or spaces).
DECIMAL_COMMA_LANGUAGES = {
    "bg", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fr", "gl", "hr", "hu", "id",
    "is", "it", "lt", "lv", "nb", "nl", "nn", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sr",
    "sv", "tr", "uk", "vi",
}  # fmt: skip


def digits(text: str, decimal_comma: bool, european: bool) -> tuple[Decimal, Decimal] | Refusal:
    """A number written in digits and its step, one unit in its last written digit:
    "4.8" -> (4.8, 0.1), "1,200" -> (1200, 1), "1 400" -> (1400, 1), "54,99" with a decimal
    comma -> (54.99, 0.01). `decimal_comma`: the source's language writes one; `european`: the
    amount is written in the continental way (its currency after it)."""
    from validator.values.figures import Refusal

    parts = re.split(r"([^0-9])", text)
    groups, seps = parts[::2], parts[1::2]
    if not seps:
        return Decimal(text), Decimal(1)
    decimal = _decimal_mark(text, seps, groups, decimal_comma, european)
    if isinstance(decimal, Refusal):
        return decimal
    whole, fraction = (groups, []) if decimal is None else (groups[:-1], groups[-1:])
    if len(whole) > 1 and (len(whole[0]) > 3 or any(len(g) != 3 for g in whole[1:])):
        return Refusal(f"'{text}': the digits are not grouped in threes")
    grouping = set(seps if decimal is None else seps[:-1])
    if len(grouping) > 1:
        return Refusal(f"'{text}': thousands are grouped with two different marks")
    number = Decimal("".join(whole) + ("." + fraction[0] if fraction else ""))
    return number, Decimal(1).scaleb(-len(fraction[0]) if fraction else 0)


def _decimal_mark(
    text: str, seps: list[str], groups: list[str], decimal_comma: bool, european: bool
) -> str | Refusal | None:
    """Which separator is the decimal mark (None: all of them group thousands)."""
    from validator.values.figures import Refusal

    last, after = seps[-1], groups[-1]
    marks = [s for s in seps if s not in GROUPING_ONLY]
    if not marks:
        return None
    if len(set(marks)) == 2 or any(s in GROUPING_ONLY for s in seps[:-1]):
        # "1,234.56", "1.234,56", "1 234,56": the last mark, if written once, is the decimal
        if last in GROUPING_ONLY or seps.count(last) > 1:
            return Refusal(f"'{text}': no decimal mark can be told from the grouping")
        return last
    if len(marks) > 1:
        return None  # "1,200,000", "1.400.000": a decimal mark is written only once
    if last == ".":
        return None if (decimal_comma and len(after) == 3) else "."
    if len(after) == 3:
        return "," if decimal_comma else None  # "1,234": English (thousands) unless told
    if decimal_comma or european:
        return ","
    digits = f"{len(after)} digit" + ("s" if len(after) != 1 else "")
    return Refusal(
        f"'{text}': a comma before {digits} is a decimal comma, which English does not write; "
        "give the source's language, or write a decimal point"
    )


# Numbers in words ------------------------------------------------------------------------------

SMALL_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety"
SMALL = {w: i for i, w in enumerate(SMALL_WORDS.split())}
TENS = {w: 10 * i for i, w in enumerate(TENS_WORDS.split(), start=2)}
WORD_SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
ORDINALS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "twentieth", "hundredth", "thousandth", "millionth",
}  # fmt: skip
FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip


def _word(tokens: list[Token], i: int) -> str:
    return tokens[i].text.lower() if i < len(tokens) and tokens[i].kind == "word" else ""


@dataclass
class _Spoken:
    """The running state of a number in words: the total of finished scales, the group being
    built (below a thousand), and what came last, which decides what may come next."""

    total: Decimal = Decimal(0)
    group: Decimal | None = None
    last: str = ""
    scale: int = 99
    part: Decimal = Decimal(1)  # the finest unit of the group: 0.5 after "and a half"
    precision: Decimal | None = None  # set when the number ends in a scale word


def spoken_number(
    tokens: list[Token], at: int
) -> tuple[Decimal, int, Decimal | None, int] | Refusal | None:
    """A cardinal in words from tokens[at]: "a hundred and two" -> (102, 5, None, 0). The
    third item is the precision of a number that ends in a scale word, as written: "two
    million" is to the million, "two and a half million" to the half million (None for one that
    does not); the fourth, that scale word's power of ten (6 for million, else 0).
    None when no number word starts there; a Refusal for words that look like a number but are
    not one."""
    from validator.values.figures import Refusal

    state, i = _Spoken(), at
    while i < len(tokens):
        step = _spoken_step(tokens, i, at, state)
        if isinstance(step, Refusal):
            return step
        if step == 0:
            break
        i += step
    if state.last in ("", "a", "and"):
        if _word(tokens, at) in ORDINALS:
            return Refusal(f"'{tokens[at].text}' is an ordinal, a rank and not an amount")
        return None
    precision = state.precision if state.last in ("scale", "fraction") else None
    if precision is None and state.part != 1:
        precision = state.part  # "two and a half": to the half
    power = state.scale if state.last in ("scale", "fraction") else 0
    return state.total + (state.group or 0), i - at, precision, power


def _spoken_step(tokens: list[Token], i: int, at: int, s: _Spoken) -> int | Refusal:
    """Read one word into the state; how many tokens it took (0: the number ends before it)."""
    from validator.values.figures import Refusal

    word = _word(tokens, i)
    after = _word(tokens, i + 1)
    if word in ("a", "an") and i == at:
        if after in ("hundred", "dozen", *WORD_SCALES):
            s.group, s.last = Decimal(1), "a"
            return 1
        return 0
    if word == "half" and i == at and after == "a" and _word(tokens, i + 2) in WORD_SCALES:
        s.group, s.last, s.part = Decimal("0.5"), "unit", Decimal("0.5")  # "half a million"
        return 2
    if word in SMALL or word in TENS:
        return _small(tokens, i, s, word)
    if word == "hundred":
        if s.group is None or not 0 < s.group < 100 or s.last in ("hundred", "dozen"):
            return Refusal(f"'{tokens[i].text}' does not follow a number below a hundred")
        s.group, s.last = s.group * 100, "hundred"
        return 1
    if word == "dozen":
        if s.group is None or not 0 < s.group < 100 or s.last == "hundred":
            return Refusal(f"'{tokens[i].text}' does not follow a small number")
        s.group, s.last = s.group * 12, "dozen"
        return 1
    if word in WORD_SCALES:
        return _scale(tokens, i, s, word)
    if word == "and":
        return _and(tokens, i, s)
    if word in ORDINALS and s.last in ("tens", "hundred", "scale"):
        return Refusal(f"'{tokens[i].text}' makes an ordinal, a rank and not an amount")
    return 0


def _small(tokens: list[Token], i: int, s: _Spoken, word: str) -> int | Refusal:
    from validator.values.figures import Refusal

    n = SMALL.get(word, TENS.get(word, 0))
    kind = "tens" if word in TENS else ("teen" if n >= 10 else "unit")
    fits_after_tens = s.last == "tens" and kind == "unit" and n > 0
    if s.last in ("unit", "teen", "tens", "dozen") and not fits_after_tens:
        return Refusal(f"'{tokens[i].text}' cannot follow the number before it")
    if s.last == "tens" and tokens[i].glued and tokens[i - 1].kind != "dash":
        return Refusal(f"'{tokens[i].text}' is glued to the number before it")
    s.group, s.last = (s.group or Decimal(0)) + n, kind
    if kind == "tens" and i + 2 < len(tokens) and tokens[i + 1].kind == "dash":
        # "twenty-seven": the hyphen, glued both sides, joins the tens to the unit
        if tokens[i + 1].glued and tokens[i + 2].glued and _word(tokens, i + 2) in SMALL:
            return 2
        if _word(tokens, i + 2) in ORDINALS:
            return Refusal(f"'{word}-{tokens[i + 2].text}' is an ordinal, a rank and not an amount")
    return 1


def _scale(tokens: list[Token], i: int, s: _Spoken, word: str) -> int | Refusal:
    from validator.values.figures import Refusal

    power = WORD_SCALES[word]
    if s.group is None or s.group == 0 or power >= s.scale:
        return Refusal(f"'{tokens[i].text}' does not follow a number it can scale")
    s.total += s.group * Decimal(10) ** power
    s.precision = s.part * Decimal(10) ** power
    s.group, s.last, s.scale, s.part = None, "scale", power, Decimal(1)
    return 1


def _and(tokens: list[Token], i: int, s: _Spoken) -> int:
    """ "a hundred and two", "two and a half million", "a million and a half"."""
    after, then = _word(tokens, i + 1), _word(tokens, i + 2)
    if after == "a" and then in ("half", "quarter"):
        part = Decimal("0.5") if then == "half" else Decimal("0.25")
        if s.last == "scale":
            s.total += part * Decimal(10) ** s.scale
            s.precision = part * Decimal(10) ** s.scale
            s.last = "fraction"
        elif s.group is not None and s.last in ("unit", "teen", "tens"):
            s.group += part
            s.part, s.last = part, "unit"  # a scale may follow: "two and a half million"
        else:
            return 0
        return 3
    if s.last in ("hundred", "scale") and (after in SMALL or after in TENS):
        s.last = "and"
        return 1
    return 0


def proportion(tokens: list[Token], at: int) -> tuple[tuple[int, int], int] | Refusal | None:
    """A share from tokens[at]: "half" -> ((1, 2), 1), "two-thirds" -> ((2, 3), 3),
    "one in five" -> ((1, 5), 3), "3 out of 10" -> ((3, 10), 4)."""
    from validator.values.figures import Refusal

    word = _word(tokens, at)
    if word == "half":
        return (1, 2), 1
    numerator = _count(tokens, at)
    if numerator is None:
        return None
    i = at + 1
    if tokens[i - 1].kind == "word" and i < len(tokens) and tokens[i].kind == "dash":
        i += 1  # "two-thirds"
    name = _word(tokens, i)
    if name in FRACTIONS:
        if word not in ("a", "an", "one") and name in ("half", "third", "quarter", "fourth"):
            return Refusal(f"'{tokens[at].text} {tokens[i].text}': a fraction of more than one")
        return (numerator, FRACTIONS[name]), i + 1 - at
    i = at + 1
    joiner = [_word(tokens, i + k) for k in range(3)]
    if joiner[:2] == ["out", "of"]:
        i += 2
    elif joiner[0] == "in":
        i += 1
    else:
        return None
    if _word(tokens, i) == "every":
        i += 1
    denominator = _count(tokens, i)
    if denominator is None or word in ("a", "an"):
        return None
    if not 0 < numerator <= denominator:
        return Refusal(f"'{numerator} in {denominator}' is not a share")
    return (numerator, denominator), i + 1 - at


def _count(tokens: list[Token], i: int) -> int | None:
    """A small whole number in one token: "one", "a", "3", "10"."""
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token.kind == "num" and token.text.isdigit() and len(token.text) <= 4:
        return int(token.text)
    word = token.text.lower()
    if word in ("a", "an"):
        return 1
    return SMALL.get(word) if word in SMALL else TENS.get(word)


def share(numerator: int, denominator: int) -> tuple[Decimal, bool]:
    """The share in percent, and whether a decimal writes it exactly (a third it does not)."""
    from fractions import Fraction  # only for a share written as a proportion

    exact = Fraction(100 * numerator, denominator)
    finite = all(p in (2, 5) for p in _primes(exact.denominator))
    return Decimal(exact.numerator) / Decimal(exact.denominator), finite


def _primes(n: int) -> list[int]:
    found, p = [], 2
    while n > 1 and p * p <= n:
        while n % p == 0:
            found.append(p)
            n //= p
        p += 1
    return [*found, n] if n > 1 else found


# Orders of magnitude ---------------------------------------------------------------------------

# A plural order says at least two of it and fewer than ten times it: "hundreds" is [200, 1000).
# "dozens" is two dozen to a gross. "several" and "a few" say no more than the plural does.
ORDERS: dict[str, tuple[int, int]] = {
    "dozens": (24, 144),
    "tens": (20, 100),
    "hundreds": (200, 1000),
    "thousands": (2000, 10**4),
    "tens of thousands": (2 * 10**4, 10**5),
    "hundreds of thousands": (2 * 10**5, 10**6),
    "millions": (2 * 10**6, 10**7),
    "tens of millions": (2 * 10**7, 10**8),
    "hundreds of millions": (2 * 10**8, 10**9),
    "billions": (2 * 10**9, 10**10),
    "tens of billions": (2 * 10**10, 10**11),
    "hundreds of billions": (2 * 10**11, 10**12),
}
for _order in ("hundred", "thousand", "million"):
    _low = ORDERS[_order + "s"]
    for _few in ("several", "a few"):
        ORDERS[f"{_few} {_order}"] = _low


def order_span(phrase: str) -> tuple[Decimal, Decimal]:
    low, high = ORDERS[phrase]
    return Decimal(low), Decimal(high)


# Scales, hedges, currencies and units ----------------------------------------------------------

SCALES = {
    "thousand": 3,
    "k": 3,
    "tys": 3,
    "million": 6,
    "m": 6,
    "mn": 6,
    "mln": 6,
    "mio": 6,
    "billion": 9,
    "bn": 9,
    "b": 9,
    "bln": 9,
    "mrd": 9,
    "trillion": 12,
    "tn": 12,
    "trn": 12,
    "lakh": 5,
    "lakhs": 5,
    "crore": 7,
    "crores": 7,
}
# Scale words of other languages: read, and taken as a sign of the continental way of writing
# numbers, so that "1,5 Millionen" has a decimal comma. (No "billion" of French or Spanish,
# where it is 10^12, is read as an English billion: "billones" is 10^12 and "billion" English.)
EUROPEAN_SCALES = {
    "mio": 6, "mrd": 9, "millionen": 6, "million.": 6, "milliarde": 9, "milliarden": 9,
    "milliard": 9, "milliards": 9, "millones": 6, "millón": 6, "billones": 12, "milhões": 6,
    "milhão": 6, "bilhões": 9, "bilhão": 9, "milioni": 6, "miliardi": 9, "mln": 6, "mld": 9,
    "млн": 6, "млрд": 9, "тыс": 3,
}  # fmt: skip
SCALES.update(EUROPEAN_SCALES)
MONEY_ONLY_SCALES = {"m", "b"}  # "5m" alone may be five metres; "£5m" is five million pounds

# Each hedge's kind decides its interval (figures.hedged). Editors' usage (AP, Reuters): "nearly"
# and "almost" fall short of the figure, "over" and "more than" exceed it, "about" is either way,
# "at least" includes it, "up to" and "as many as" include it as the top.
HEDGE_KIND = {
    **dict.fromkeys(
        (
            "approximately", "approx", "roughly", "around", "about", "some", "circa", "c", "ca",
            "an estimated", "estimated", "est", "close to", "in the region of", "of the order of",
            "on the order of", "or so", "give or take",
        ),
        "approximate",
    ),
    **dict.fromkeys(
        (
            "nearly", "almost", "just under", "just below", "not quite", "just shy of",
            "slightly under", "slightly less than", "slightly fewer than", "a little under",
            "a little less than", "approaching",
        ),
        "nearly",
    ),
    **dict.fromkeys(
        (
            "just over", "just above", "just more than", "slightly over", "slightly more than",
            "slightly above", "a little over", "a little more than",
        ),
        "just over",
    ),
    **dict.fromkeys(
        (
            "more than", "over", "above", "in excess of", "upwards of", "exceeding", "well over",
            "well above", "greater than", "well in excess of", "more than an estimated",
        ),
        "above",
    ),
    **dict.fromkeys(
        (
            "at least", "no fewer than", "no less than", "a minimum of", "or more", "+", "plus",
            "at least an estimated",
        ),
        "at least",
    ),
    **dict.fromkeys(
        (
            "up to", "as many as", "as much as", "at most", "no more than", "a maximum of",
            "as high as", "up to an estimated",
        ),
        "up to",
    ),
    **dict.fromkeys(
        (
            "under", "less than", "fewer than", "below", "well under", "well below",
            "lower than", "well short of",
        ),
        "below",
    ),
}  # fmt: skip
POSTFIX_HEDGES = {h: h for h in ("or more", "or so", "give or take", "plus")}
PREFIX_HEDGES = {h: h for h in HEDGE_KIND if h not in POSTFIX_HEDGES and h != "+"}

CURRENCY_SYMBOLS = {
    "£": "GBP", "$": "USD", "US$": "USD", "€": "EUR", "¥": "JPY", "CN¥": "CNY", "₹": "INR",
    "₽": "RUB", "₦": "NGN", "₩": "KRW", "₺": "TRY", "₪": "ILS", "₴": "UAH", "₱": "PHP",
    "฿": "THB", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "Mex$": "MXN",
}  # fmt: skip
_AMBIGUOUS_MONEY = "?names the currency of several countries: write its code (such as {})"
CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "us dollars": "USD",
    "canadian dollars": "CAD", "australian dollars": "AUD", "hong kong dollars": "HKD",
    "new zealand dollars": "NZD", "singapore dollars": "SGD", "sterling": "GBP",
    "pounds sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "indian rupees": "INR", "naira": "NGN", "rand": "ZAR", "roubles": "RUB", "rubles": "RUB",
    "руб": "RUB", "рублей": "RUB", "рубля": "RUB", "swiss francs": "CHF", "kronor": "SEK",
    "swedish kronor": "SEK", "norwegian kroner": "NOK", "danish kroner": "DKK",
    "icelandic krónur": "ISK", "złoty": "PLN", "zloty": "PLN", "zł": "PLN", "lira": "TRY",
    "turkish lira": "TRY", "won": "KRW", "shekels": "ILS", "hryvnia": "UAH", "forint": "HUF",
    "koruna": "CZK", "czech koruna": "CZK", "kč": "CZK", "lei": "RON", "mexican pesos": "MXN",
    "reais": "BRL", "baht": "THB", "ringgit": "MYR", "rupiah": "IDR",
    "rupees": _AMBIGUOUS_MONEY.format("INR, PKR"), "francs": _AMBIGUOUS_MONEY.format("CHF"),
    "kroner": _AMBIGUOUS_MONEY.format("NOK, DKK"), "krone": _AMBIGUOUS_MONEY.format("NOK"),
    "kr": _AMBIGUOUS_MONEY.format("SEK, NOK, DKK"), "pesos": _AMBIGUOUS_MONEY.format("MXN"),
    "dinars": _AMBIGUOUS_MONEY.format("KWD"), "dirhams": _AMBIGUOUS_MONEY.format("AED"),
    "riyals": _AMBIGUOUS_MONEY.format("SAR"), "marks": _AMBIGUOUS_MONEY.format("DEM"),
}  # fmt: skip

# Unit words, as written, to the dataset's unit names (which validator/units.py hands to pint).
# tests/test_figure_table.py checks that every one of them is a unit pint converts.
UNIT_WORDS = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pc": "percent",
    "t": "t", "tonne": "t", "tonnes": "t", "metric ton": "t", "metric tons": "t",
    "kg": "kg", "kgs": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg",
    "g": "g", "gram": "g", "grams": "g", "gramme": "g", "grammes": "g",
    "mg": "mg", "milligram": "mg", "milligrams": "mg", "lb": "lb", "lbs": "lb",
    "oz": "oz", "ounce": "oz", "ounces": "oz",
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "metre": "m", "metres": "m", "meter": "m", "meters": "m", "cm": "cm", "centimetres": "cm",
    "mm": "mm", "millimetres": "mm", "mile": "mile", "miles": "mile", "mi": "mile",
    "ft": "ft", "foot": "ft", "feet": "ft", "inch": "inch", "inches": "inch",
    "yard": "yard", "yards": "yard", "hectare": "hectare", "hectares": "hectare",
    "ha": "hectare", "acre": "acre", "acres": "acre", "km²": "km2", "sq km": "km2",
    "square kilometres": "km2", "square kilometers": "km2", "square miles": "square_mile",
    "sq miles": "square_mile", "litre": "liter", "litres": "liter", "liter": "liter",
    "liters": "liter", "l": "liter", "ml": "ml", "millilitres": "ml",
    "mph": "mph", "km/h": "kph", "kph": "kph", "knots": "knot",
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
    "min": "minute", "mins": "minute", "hour": "hour", "hours": "hour", "hr": "hour",
    "hrs": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "month", "months": "month", "year": "year", "years": "year", "yr": "year",
    "yrs": "year", "decade": "decade", "decades": "decade", "century": "century",
    "centuries": "century", "kw": "kilowatt", "kilowatts": "kilowatt", "mw": "megawatt",
    "megawatts": "megawatt", "gw": "gigawatt", "gigawatts": "gigawatt",
    "kwh": "kilowatt_hour", "mwh": "megawatt_hour", "gwh": "gigawatt_hour",
    "twh": "terawatt_hour", "mb": "megabyte", "gb": "gigabyte", "tb": "terabyte",
    "megabytes": "megabyte", "gigabytes": "gigabyte", "terabytes": "terabyte",
}  # fmt: skip
# Words that look like a unit but could be two: refused with the reason, never picked for you.
AMBIGUOUS_UNITS = {
    "pounds": "?is money (GBP, write £) or weight (write lb)",
    "pound": "?is money (GBP, write £) or weight (write lb)",
    "tons": "?is a metric, short or long ton: write tonnes, or short tons in lb",
    "ton": "?is a metric, short or long ton: write tonnes, or short tons in lb",
    "gallons": "?is a US or an imperial gallon: write litres",
    "billions of": "?is not read",
    "percentage points": "?is a difference of percentages, not read: write it as a figure",
    "percentage point": "?is a difference of percentages, not read: write it as a figure",
    "points": "?is not a unit read here",
    "pp": "?is a difference of percentages, not read: write it as a figure",
    "°c": "?is a temperature, not read",
    "°f": "?is a temperature, not read",
    "degrees": "?is a temperature or an angle, not read",
    "calories": "?is a small or a food calorie (kcal): write kcal",
    "p": "?(pence) is not read: write the amount in pounds (£0.50)",
    "pence": "?is not read: write the amount in pounds (£0.50)",
    "cents": "?is not read: write the amount in dollars or euros ($0.50)",
    "x": "?is a multiple, not an amount",
    "times": "?is a multiple, not an amount",
    "barrels": "?is a unit not in the unit table: not read",
    "pints": "?is a US or an imperial pint: write litres",
    "stone": "?is a unit not in the unit table: write kg",
    "carats": "?is a unit not in the unit table: not read",
    "sq ft": "?is a unit not in the unit table: not read",
    "square feet": "?is a unit not in the unit table: not read",
    "mil": "?is a thousand (Spanish, Portuguese) or a million (slang): not read",
}
# Codes of ISO 4217, current and replaced by the euro, that may follow an amount mid-text.
_ISO = (
    "AED AUD BGN BRL CAD CHF CNY CYP CZK DKK EEK EUR GBP HKD HRK HUF IDR ILS INR ISK JPY KRW "
    "LTL LVL MTL MXN MYR NGN NOK NZD PHP PKR PLN RON RUB SAR SEK SGD SIT SKK THB TRY TWD UAH "
    "USD ZAR ATS BEF DEM ESP FIM FRF GRD IEP ITL LUF NLG PTE"
)
ISO_CODES = frozenset(_ISO.split())


def is_code(text: str) -> bool:
    """An ISO 4217-shaped code: three capital letters (GBP, NGN)."""
    return len(text) == 3 and text.isascii() and text.isalpha() and text.isupper()
