"""Reading a figure as written: "£4.8 million", "92%", "around 1,200", "7 to 10", "one in five".

All the reading rules live here, so that `factcheck explain FC301` can print them and every check
that needs a number from text uses the same ones. A figure is read by a small grammar over
tokens (validator/figure_words.py holds its vocabulary), never by guessing: `read` returns the
Figure, or a Refusal that names the part it could not read.

A written figure stands for an interval: the `resolution` is one unit in its last significant
digit (0.1 million for "4.8 million", 100,000 for "4,800,000"), so the plain figure covers
value ± resolution / 2.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, localcontext
from functools import lru_cache

from validator.values import figure_words as words
from validator.values.figure_words import HEDGE_KIND, SMALL_WORDS, TENS_WORDS, UNIT_WORDS, Token
from validator.values.intervals import INF, ZERO, Interval

__all__ = [
    "APPROXIMATE",
    "CURRENCY_SYMBOLS",
    "HEDGE_KIND",
    "MAX_LENGTH",
    "READING_RULES",
    "SMALL_WORDS",
    "TENS_WORDS",
    "UNIT_WORDS",
    "Figure",
    "Refusal",
    "parse",
    "read",
    "render",
]

CURRENCY_SYMBOLS = words.CURRENCY_SYMBOLS
# "around 1,200" is 1,200 give or take 10% (or half a unit of its last digit, if that is more).
APPROXIMATE = Decimal("0.10")
# as_written is the figure as printed, not the sentence around it; a cap keeps every reading fast.
MAX_LENGTH = 200


@dataclass(frozen=True, slots=True)
class Refusal:
    """A text that is not read as a figure, and why: the part that was not understood."""

    reason: str

    def __bool__(self) -> bool:  # `if figure:` keeps meaning "a figure was read"
        return False


@dataclass(frozen=True, slots=True)
class Figure:
    value: Decimal  # the number stated; for a range or an order of magnitude, its low end
    unit: str | None  # None: a bare number, a count of whatever the claim measures
    resolution: Decimal  # one unit in the last significant digit, times the scale
    hedge: str | None = None
    noun: str | None = None  # trailing words that are not a unit: "1,200 children" -> "children"
    span: Interval | None = None  # what a range, order or proportion states outright
    form: str = "number"  # number, proportion, range or order
    step: Decimal | None = None  # one unit in the last written digit (significant or not)

    @property
    def point(self) -> bool:
        """Whether `value` is the one number the text states (FC301 then wants it exactly); a
        range or an order of magnitude states only an interval."""
        return self.form in ("number", "proportion")

    def interval(self) -> Interval:
        """Every amount the written figure allows (see READING_RULES)."""
        if self.span is not None:
            return self.span
        if self.hedge is None:
            half = self.resolution / 2
            return Interval(self.value - half, self.value + half, True, False)
        return hedged(self.value, (self.step or self.resolution) / 2, HEDGE_KIND[self.hedge])

    def bound(self) -> Interval:
        """The interval of the written number alone, without its hedge: for "more than £4.8
        million" that is [£4.75M, £4.85M), the end that two open-ended figures agree on."""
        return replace(self, hedge=None).interval()

    def open_side(self) -> str | None:
        """ "above" for a figure unbounded above ("over 19"), "below" for one that has no
        lower end but 0 ("under 19", "up to 5"), else None."""
        if self.span is not None or self.hedge is None:
            return None
        kind = HEDGE_KIND[self.hedge]
        if kind in ("above", "at least"):
            return "above"
        return "below" if kind in ("below", "up to") else None


def compared(
    written: str, other_written: str, span: Interval, other_span: Interval
) -> tuple[Interval, Interval]:
    """The intervals to compare two figures that should be the same amount: their own, except
    that two figures open on the same side ("more than £4.8 million", "more than $12 million")
    always overlap, so they are compared at the ends they write, where the question is decided."""
    first, second = parse(written), parse(other_written)
    if first is None or second is None:
        return span, other_span
    side = first.open_side()
    if side is None or side != second.open_side():
        return span, other_span
    return first.bound(), second.bound()


def hedged(v: Decimal, half: Decimal, kind: str) -> Interval:
    """The interval a hedge gives the number v whose last written digit allows ± half."""
    width = max(half, abs(v) * APPROXIMATE)
    floor = ZERO if v >= 0 else -INF  # "under 19" of a non-negative quantity
    return {
        "approximate": Interval(v - width, v + width, True, True),
        "nearly": Interval(v - width, v, True, False),
        "just over": Interval(v, v + width, False, True),
        "above": Interval(v, INF, False, False),
        "at least": Interval(v, INF, True, False),
        "up to": Interval(floor, v, True, True),
        "below": Interval(floor, v, True, False),
    }[kind]


def read(text: str, language: str | None = None, exact: bool = False) -> Figure | Refusal:
    """The figure `text` states, or a Refusal saying which part was not read. `language` is
    the source's (BCP 47, "de", "fr-FR"): it settles "1,234" and "1.234", English by default.
    `exact`: the source says every written digit counts, so "4,800,000" is to the pound."""
    return _read(text, _decimal_comma(language), exact)


@lru_cache(maxsize=4096)
def parse(text: str, exact: bool = False) -> Figure | None:
    """The figure `text` states, or None when it does not read as one (cached: several rules
    read the same as_written, and Figure is immutable). `exact` as for read()."""
    figure = read(text, exact=exact)
    return figure if isinstance(figure, Figure) else None


def _decimal_comma(language: str | None) -> bool:
    return bool(language) and language.split("-")[0].lower() in words.DECIMAL_COMMA_LANGUAGES  # type: ignore[union-attr]


@lru_cache(maxsize=4096)
def _read(text: str, decimal_comma: bool, exact: bool) -> Figure | Refusal:
    if len(text) > MAX_LENGTH:
        return Refusal(
            f"longer than {MAX_LENGTH} characters: as_written is the figure as printed, "
            "not the sentence around it"
        )
    tokens = words.tokens(text)
    if isinstance(tokens, Refusal):
        return tokens
    if not tokens:
        return Refusal("no figure: the text is empty")
    with localcontext() as context:
        context.prec = 40  # room for a scaled figure's every written digit
        return _Reader(tokens, decimal_comma, exact).figure()


# The reader ------------------------------------------------------------------------------------


@dataclass
class _Amount:
    """One number as the reader has it so far: the value, its precision and its currency."""

    value: Decimal
    resolution: Decimal
    step: Decimal
    unit: str | None = None
    scale: int = 0  # the power of ten a scale word ("million", "bn") multiplied it by


class _Fail(Exception):
    """A control-flow signal: the part not read, carried up to read() as a Refusal."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _Reader:
    """A cursor over the tokens, with one method per part of the grammar (READING_RULES)."""

    def __init__(self, tokens: list[Token], decimal_comma: bool, exact: bool) -> None:
        self.tokens = tokens
        self.at = 0
        self.decimal_comma = decimal_comma
        self.exact = exact
        self.age_group = False

    # Cursor helpers

    def peek(self, ahead: int = 0) -> Token | None:
        i = self.at + ahead
        return self.tokens[i] if i < len(self.tokens) else None

    def word(self, ahead: int = 0) -> str:
        token = self.peek(ahead)
        return token.text.lower() if token is not None and token.kind == "word" else ""

    def kind(self, ahead: int = 0) -> str:
        token = self.peek(ahead)
        return token.kind if token is not None else ""

    def glued(self, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token is not None and token.glued

    def phrase(self, table: dict[str, str]) -> tuple[str, int] | None:
        """The longest phrase of `table` that the tokens from here spell, and its length."""
        spelt = ""
        found = None
        for ahead in range(4):
            token = self.peek(ahead)
            if token is None or token.kind in ("num", "dash"):
                break
            spelt += ("" if token.glued or not ahead else " ") + token.text.lower()
            if spelt in table:
                found = (spelt, ahead + 1)
        return found

    def rest(self) -> str:
        return " ".join(t.text for t in self.tokens[self.at :])

    # The grammar: figure := [hedge] (range | order | proportion | amount) [postfix] [unit] [noun]

    def figure(self) -> Figure | Refusal:
        try:
            figure = self._figure()
        except _Fail as failure:
            return Refusal(failure.reason)
        return figure

    def _figure(self) -> Figure:
        hedge = self.hedge()
        if self.word() == "between" or (self.word() == "from" and hedge is None):
            self.at += 1
            first = self.amount()
            self.first_end_unit(first)
            return self.tail(self.range(first, keyword=True), hedge)
        order = self.order()
        if order is not None:
            return self.tail(order, hedge)
        proportion = self.proportion()
        if proportion is not None:
            return self.tail(proportion, hedge)
        first = self.amount()
        self.first_end_unit(first)
        if self.word() == "to" or (self.kind() == "dash" and self.kind(1) in ("num", "sym")):
            return self.tail(self.range(first, keyword=False), hedge)
        return self.tail(self.figure_of(first), hedge)

    def hedge(self) -> str | None:
        found = self.phrase(words.PREFIX_HEDGES)
        if found is None:
            return None
        phrase, size = found
        self.at += size
        if self.kind() == "dash" and self.glued():
            # "under-18s", "over-65s": the hyphen joins the hedge to an age group, not a minus
            self.at += 1
            token = self.peek()
            following = self.peek(1)
            if token is None or token.kind != "num" or following is None:
                raise _Fail(f"'{phrase}-{self.rest()}' is read only as an age group ('under-18s')")
            if following.text.lower() != "s" or not following.glued:
                raise _Fail(f"'{phrase}-{self.rest()}' is read only as an age group ('under-18s')")
            self.age_group = True
        return phrase

    def amount(self, money: bool = False) -> _Amount:
        """[currency] [sign] number [scale] [currency]: "£4.8m", "-3", "54,99 €", "DEM 170 000".
        `money`: the amount is the second end of a range of money ("£7-10m")."""
        currency = self.currency(after=False)
        negative = False
        if self.kind() == "dash" and self.kind(1) == "num" and self.glued(1):
            if self.peek().text not in "-−":  # type: ignore[union-attr]
                raise _Fail(f"'{self.rest()}' starts with a dash, not a minus sign")
            negative, self.at = True, self.at + 1
        number = self.number()
        if negative:
            number.value = -number.value
        self.scale(number, money=money or currency is not None)
        after = self.currency(after=True)
        if currency and after:
            raise _Fail(f"two currencies: {currency} and {after}")
        number.unit = currency or after
        if after and not number.scale:
            self.scale(number, money=True)
        return number

    def currency(self, after: bool) -> str | None:
        token = self.peek()
        if token is None:
            return None
        if token.kind == "sym" and token.text in words.CURRENCY_SYMBOLS:
            self.at += 1
            return words.CURRENCY_SYMBOLS[token.text]
        if token.kind == "word" and words.is_code(token.text):
            # a code mid-text must be a real one ("327 NCA arrests" is no currency)
            real = token.text in words.ISO_CODES or self.at == len(self.tokens) - 1
            if (after and real) or (not after and self.kind(1) in ("num", "dash")):
                self.at += 1
                return token.text
            return None
        if after:
            found = self.phrase(words.CURRENCY_WORDS)
            if found is not None:
                self.at += found[1]
                return _known(words.CURRENCY_WORDS, found[0])
        return None

    def number(self) -> _Amount:
        token = self.peek()
        if token is not None and token.kind == "num":
            self.at += 1
            self.refuse_glued(token)
            parsed = words.digits(token.text, self.decimal_comma, self.currency_follows())
            if isinstance(parsed, Refusal):
                raise _Fail(parsed.reason)
            value, step = parsed
            return _Amount(value, self.significant(value, step), step)
        spoken = words.spoken_number(self.tokens, self.at)
        if isinstance(spoken, Refusal):
            raise _Fail(spoken.reason)
        if spoken is None:
            raise _Fail(f"no number where one was expected, at '{self.rest() or 'the end'}'")
        value, used, precision, power = spoken
        self.at += used
        if precision is not None:  # "two million", "two and a half": to the unit written
            return _Amount(value, precision, precision, scale=power)
        return _Amount(value, self.significant(value, Decimal(1)), Decimal(1))

    def refuse_glued(self, number: Token) -> None:
        """Letters glued to digits that are neither a scale nor a unit: "4th", "1e6", "90s"."""
        after = self.peek()
        if after is None or not after.glued or after.kind != "word":
            return
        text = after.text.lower()
        if text in ("st", "nd", "rd", "th"):
            raise _Fail(f"'{number.text}{after.text}' is an ordinal, a rank and not an amount")
        if text == "e" and self.kind(1) in ("num", "dash"):
            raise _Fail(
                f"'{number.text}e…' is scientific notation, not read: write 1,000,000 or 1 million"
            )
        if text == "s":
            if not self.age_group:
                raise _Fail(f"'{number.text}s' names a group or a decade, not an amount")
            self.at += 1  # the "s" of "under-18s"

    def currency_follows(self) -> bool:
        """A currency after the amount ("54,99 €", "1 400 руб") is the continental form, in
        which a comma before two digits can only be a decimal comma."""
        token = self.peek()
        if token is None:
            return False
        if token.kind == "sym":
            return token.text in words.CURRENCY_SYMBOLS
        return token.kind == "word" and (
            token.text in words.ISO_CODES
            or token.text.lower() in words.CURRENCY_WORDS
            or token.text.lower() in words.EUROPEAN_SCALES
        )

    def significant(self, value: Decimal, step: Decimal) -> Decimal:
        """One unit in the last significant digit: the trailing zeros of a whole number are not
        significant ("4,800,000" is read like "4.8 million"), unless the source says `exact`."""
        if self.exact or step != 1 or value == 0:
            return step
        zeros, whole = 0, abs(int(value))
        while whole % 10 == 0:
            whole //= 10
            zeros += 1
        return Decimal(1).scaleb(zeros)

    def scale(self, number: _Amount, money: bool) -> None:
        """A scale word after digits. The digits before it are all significant: the writer chose
        the scale to round at, so "10k" is to the thousand and "100 million" to the million."""
        name = self.word()
        if name not in words.SCALES:
            return
        if name in words.MONEY_ONLY_SCALES and not money and not self.money_follows():
            raise _Fail(
                f"'{self.peek().text}' after a number means million or billion only for money "  # type: ignore[union-attr]
                "(it may be metres): write 'million', or the unit in full"
            )
        self.at += 1
        power = words.SCALES[name]
        factor = Decimal(10) ** power
        number.value *= factor
        number.resolution = number.step * factor
        number.step *= factor
        number.scale = power
        if self.word() in words.SCALES or self.word() in words.WORD_SCALES:
            raise _Fail(f"two scale words, '{name}' and '{self.peek().text}', are not read")  # type: ignore[union-attr]

    def money_follows(self) -> bool:
        token = self.peek(1)
        if token is None:
            return False
        if token.kind == "sym":
            return token.text in words.CURRENCY_SYMBOLS
        return token.kind == "word" and token.text in words.ISO_CODES

    def first_end_unit(self, first: _Amount) -> None:
        """A unit written on a range's first end too: "20%-30%", "between 20% and 30%"."""
        saved = self.at
        unit = self.unit() if first.unit is None else None
        joiner = self.word() in ("to", "and") or self.kind() == "dash"
        if unit is not None and joiner:
            first.unit = unit
        else:
            self.at = saved

    def figure_of(self, amount: _Amount) -> Figure:
        return Figure(amount.value, amount.unit, amount.resolution, step=amount.step)

    def range(self, first: _Amount, keyword: bool) -> Figure:
        """ "7 to 10", "7–10", "between 7 and 10", "from £7m to £10m": both ends, closed."""
        joiner = self.peek()
        allowed = ("and", "to", "-", "–", "—") if keyword else ("to", "-", "–", "—")
        if joiner is None or joiner.text.lower() not in allowed:
            raise _Fail(f"'{self.rest() or 'nothing'}' where the range's second end should be")
        self.at += 1
        second = self.amount(money=first.unit is not None and words.is_code(first.unit))
        if first.unit and second.unit and first.unit != second.unit:
            raise _Fail(f"a range from {first.unit} to {second.unit}")
        if second.scale and not first.scale:
            # "£7-10m", "between 7 and 10 million": the scale is written once, for both ends
            factor = Decimal(10) ** second.scale
            first.value, first.resolution, first.step = (
                first.value * factor,
                first.resolution * factor,
                first.step * factor,
            )
        if first.value >= second.value:
            raise _Fail(
                f"the range's ends are not in order: {render(first.value)} is not below "
                f"{render(second.value)}"
            )
        span = Interval(first.value, second.value, True, True)
        unit = first.unit or second.unit
        return Figure(first.value, unit, first.resolution, span=span, form="range", step=first.step)

    def order(self) -> Figure | None:
        """ "dozens", "hundreds", "tens of thousands": an order of magnitude, a wide interval."""
        found = self.phrase(words.ORDERS)  # type: ignore[arg-type]
        if found is None:
            return None
        self.at += found[1]
        low, high = words.order_span(found[0])
        unit = None
        if self.word() == "of":  # "millions of dollars", "tens of thousands of tonnes"
            self.at += 1
            unit = self.unit()
            if unit is None:
                self.at -= 1  # "hundreds of people": the words name what is counted
        span = Interval(low, high, True, False)
        return Figure(low, unit, high - low, span=span, form="order", step=high - low)

    def proportion(self) -> Figure | None:
        """ "half", "a third", "two-thirds", "one in five", "3 out of 10": a share, in percent."""
        found = words.proportion(self.tokens, self.at)
        if found is None:
            return None
        if isinstance(found, Refusal):
            raise _Fail(found.reason)
        (numerator, denominator), used = found
        after, then = self.word(used), self.word(used + 1)
        if after in words.WORD_SCALES or (after == "a" and then in words.WORD_SCALES):
            return None  # "half a million": a number, read as one
        self.at += used
        percent, finite = words.share(numerator, denominator)
        # a share no decimal writes (a third) is stated to two decimals: value 33.33
        value = percent if finite else percent.quantize(Decimal("0.01"))
        span = hedged(percent, ZERO, "approximate")
        return Figure(value.normalize(), "percent", ZERO, span=span, form="proportion")

    def tail(self, figure: Figure, hedge: str | None) -> Figure:
        """After the number: a postfix hedge ("or more", "+"), a unit, and the words naming what
        is counted ("327 arrests")."""
        postfix = self.postfix_hedge()
        if postfix and hedge:
            raise _Fail(f"two hedges: '{hedge}' and '{postfix}'")
        hedge = hedge or postfix
        unit = self.unit()
        if self.age_group:
            unit = unit or "year"  # "under-18s": people younger than 18 years
        if unit and figure.unit and unit != figure.unit:
            raise _Fail(f"two units: '{figure.unit}' and '{unit}'")
        if hedge is None:
            hedge = self.postfix_hedge()
        noun = self.noun()
        figure = replace(figure, unit=figure.unit or unit, noun=noun)
        if figure.unit == "percent" and figure.form == "number" and figure.step is not None:
            # a percentage is written to the unit it rounds to: "20%" is [19.5%, 20.5%)
            figure = replace(figure, resolution=figure.step)
        return self.apply_hedge(figure, hedge)

    def postfix_hedge(self) -> str | None:
        token = self.peek()
        if token is not None and token.kind == "sym" and token.text == "+":
            self.at += 1
            return "+"
        if self.kind() == "dash" and self.glued() and self.word(1) == "plus":
            self.at += 2  # "2,000-plus"
            return "plus"
        found = self.phrase(words.POSTFIX_HEDGES)
        if found is None:
            return None
        self.at += found[1]
        return found[0]

    def unit(self) -> str | None:
        if self.kind() == "dash" and self.glued() and self.kind(1) == "word":
            return self.hyphenated_unit()
        for table in (UNIT_WORDS, words.AMBIGUOUS_UNITS, words.CURRENCY_WORDS):
            found = self.phrase(table)
            if found is not None:
                self.at += found[1]
                return _known(table, found[0])
        return None

    def hyphenated_unit(self) -> str | None:
        """ "10-year", "3.5-tonne", "18-year-old": a unit joined to the number by a hyphen."""
        self.at += 1
        found = self.phrase(UNIT_WORDS)
        if found is None:
            self.at -= 1
            return None
        self.at += found[1]
        if self.kind() == "dash" and self.word(1) in ("old", "olds"):
            self.at += 2
        return _known(UNIT_WORDS, found[0])

    def noun(self) -> str | None:
        """Words after the figure that name what is counted; anything else is refused."""
        rest = self.tokens[self.at :]
        if not rest:
            return None
        first = rest[0]
        if first.kind != "word":
            raise _Fail(f"'{self.rest()}' after the figure is not read")
        if first.glued:
            raise _Fail(f"'{first.text}' joined to the number is not a scale or a unit read here")
        for i, token in enumerate(rest):
            if token.kind == "num" or words.spoken_number(rest, i) is not None:
                raise _Fail(f"a second number in '{self.rest()}' is not read")
            if token.kind == "sym":
                raise _Fail(f"'{token.text}' in '{self.rest()}' is not read")
            if token.text.lower() in words.SCALES or token.text.lower() in words.ORDERS:
                raise _Fail(f"the scale word '{token.text}' in '{self.rest()}' is not read")
        self.at = len(self.tokens)
        return " ".join(t.text for t in rest)

    def apply_hedge(self, figure: Figure, hedge: str | None) -> Figure:
        if hedge is None:
            return figure
        if figure.form in ("range", "order"):
            raise _Fail(f"a hedge ('{hedge}') on a {figure.form} is not read")
        if figure.form == "proportion" and figure.span is not None:
            middle = (figure.span.low + figure.span.high) / 2
            return replace(figure, hedge=hedge, span=hedged(middle, ZERO, HEDGE_KIND[hedge]))
        return replace(figure, hedge=hedge)


def _known(table: dict[str, str], phrase: str) -> str:
    meaning = table[phrase]
    if meaning.startswith("?"):
        raise _Fail(f"'{phrase}' {meaning[1:]}")
    return meaning


def render(value: Decimal) -> str:
    """A Decimal as a plain number without exponent or needless trailing zeros: 4800000, 4.8;
    every digit it holds, however many (the context's 28 would round forty nines away)."""
    with localcontext() as context:
        context.prec = max(28, len(value.as_tuple().digits))
        return format(value.normalize(), "f")


READING_RULES = """\
How `as_written` is read (validator/figures.py, its words in validator/figure_words.py):
  figure := [hedge] (range | order | proportion | amount) [postfix hedge] [unit] [words]
  - an amount: [currency] [-] number [scale] [currency]. A currency is a sign (£ $ US$ € ¥ ₹
    ₽ ₦ A$ C$ HK$ ...), an ISO 4217 code (GBP, NGN), or after the number a word (euros,
    roubles, руб, yen, Swiss francs); "$" and "dollars" are USD, "¥" is JPY;
  - a number in digits: thousands grouped by commas, points, spaces or narrow spaces
    (1,200  1.400.000  1 400), a decimal point or an unambiguous decimal comma (1.234,56;
    54,99 € with the currency after it); "1,234" is 1234 and "1.234" is 1.234 unless the
    source's language writes a decimal comma; or in words ("five", "twenty-seven", "a hundred
    and two", "two and a half million", "a dozen", "half a million", "a million");
  - a scale: thousand/k, million/m/mn/mln, billion/bn/b, trillion/tn (m and b only for money);
  - a proportion, read as a share in percent: half, a third, two-thirds, three quarters, one
    in five, 3 out of 10;
  - a range, both ends closed: 7 to 10, 7-10, 7–10, between 7 and 10, from £7m to £10m (a
    scale or unit written once covers both ends);
  - an order of magnitude, a wide interval: dozens [24, 144), hundreds [200, 1000),
    thousands, tens of thousands [20000, 100000), millions, several hundred, ...;
  - a unit: % / per cent, tonnes/t, kg, lb/lbs, km, miles, litres, hectares, hours, days,
    weeks, months, years ... (a table that maps each to a pint unit), also hyphenated
    ("10-year", "18-year-old"); an age group "under-18s" is under 18 years, not minus 18;
  - any other trailing words name what is counted ("327 arrests").
Refused, with the part not read: a figure with a second number or unknown characters,
ordinals (fourth, 21st), decades (1990s), scientific notation (1e6), a word that could mean
two things (pounds: money or weight; tons; gallons; kroner; rupees), "5m" without money,
percentage points, pence and cents, a hedge on a range or order, anything over 200 characters.

Significant digits: the trailing zeros of a whole number are not significant, so "£4,800,000"
is read like "£4.8 million" and "100" to the nearest hundred; a record that says the source
gives every digit (exact: true) is read to its last digit. Written decimals always count.

The value: for a number, the number times the scale ("£4.8 million" is 4800000 GBP, "92%" 92
percent); for a proportion its share in percent (one in five is 20), to two decimals where no
decimal writes it (a third is 33.33); a range and an order of magnitude state no single
number, and `value` must lie within their closed interval.

What a written figure allows (the interval the consistency checks use):
  - a plain figure: half a unit in its last significant digit either way, [v - r/2, v + r/2):
    "£4.8 million" is [£4.75M, £4.85M), "92%" is [91.5%, 92.5%), "327" is [326.5, 327.5);
  - a proportion: its share ± 10%, ends included: "one in five" is [18%, 22%];
  - approximate (around, about, approximately, approx., roughly, some, circa, c., an
    estimated, close to, in the region of, or so): v ± 10% (or ± half its last written digit
    if wider), ends included: "around 1,200" is [1,080, 1,320];
  - nearly (nearly, almost, just under, not quite, just shy of, approaching): up to 10% below
    v, v excluded: "nearly 1,000" is [900, 1,000);
  - just over (just over, slightly more than, a little over): (v, v + 10%];
  - above (more than, over, above, in excess of, upwards of, well over, exceeding): (v, ∞);
  - at least (at least, no fewer than, no less than, a minimum of, or more, +, -plus): [v, ∞);
  - up to (up to, as many as, as much as, at most, no more than, a maximum of): [0, v];
  - below (under, less than, fewer than, below, well under): [0, v).
Two open-ended figures on the same side ("more than £4.8 million (more than $5.9 million)")
are compared at their written ends: [£4.75M, £4.85M) against [$5.85M, $5.95M)."""
