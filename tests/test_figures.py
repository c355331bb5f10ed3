"""The figure parser: a table of written figures, and a round-trip property."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from validator.values import figures

TABLE = [
    # written, value, unit, resolution, hedge
    ("£4.8 million", "4800000", "GBP", "100000", None),
    ("$5.9 million", "5900000", "USD", "100000", None),
    ("€1.2bn", "1200000000", "EUR", "100000000", None),
    ("£4.8m", "4800000", "GBP", "100000", None),
    ("US$3 billion", "3000000000", "USD", "1000000000", None),
    ("4.8 million GBP", "4800000", "GBP", "100000", None),
    ("NGN 12 billion", "12000000000", "NGN", "1000000000", None),
    ("92%", "92", "percent", "1", None),
    ("92.5 per cent", "92.5", "percent", "0.1", None),
    ("around 1,200", "1200", None, "100", "around"),
    ("around 800", "800", None, "100", "around"),
    ("327", "327", None, "1", None),
    ("327 arrests", "327", None, "1", None),
    ("3.5 tonnes", "3.5", "t", "0.1", None),
    ("3,500 kg", "3500", "kg", "100", None),
    ("over 19", "19", None, "1", "over"),
    ("more than  100", "100", None, "100", "more than"),
    ("five years", "5", "year", "1", None),
    ("Five", "5", None, "1", None),
    ("twenty-seven", "27", None, "1", None),
    ("a dozen", "12", None, "1", None),
    ("27", "27", None, "1", None),
    ("1,200,000", "1200000", None, "100000", None),
    ("0.5%", "0.5", "percent", "0.1", None),
    ("-3", "-3", None, "1", None),
    ("10k", "10000", None, "1000", None),
]


@pytest.mark.parametrize(("written", "value", "unit", "resolution", "hedge"), TABLE)
def test_written_figures(
    written: str, value: str, unit: str | None, resolution: str, hedge: str | None
) -> None:
    figure = figures.parse(written)
    assert figure is not None
    assert (figure.value, figure.unit, figure.resolution, figure.hedge) == (
        Decimal(value),
        unit,
        Decimal(resolution),
        hedge,
    )


@pytest.mark.parametrize("written", ["", "lots", "£", "million", "£5 tonnes", "1.2.3", "4,80"])
def test_not_figures(written: str) -> None:
    assert figures.parse(written) is None


def test_render_has_no_exponent() -> None:
    assert figures.render(Decimal("4.8") * Decimal(10) ** 6) == "4800000"
    assert figures.render(Decimal("92.50")) == "92.5"


SCALE_WORDS = [("", 0), (" thousand", 3), (" million", 6), (" billion", 9), ("bn", 9), ("m", 6)]


@given(
    st.decimals(min_value=0, max_value=999_999, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(SCALE_WORDS),
    st.sampled_from(["", "£", "$", "€"]),
)
def test_rendered_figure_reads_back(number: Decimal, scale: tuple[str, int], currency: str) -> None:
    word, exponent = scale
    written = f"{currency}{number:,f}{word}"
    if word == "m" and not currency:
        # "5m" alone may be five metres: refused with the reason, read only as money
        assert figures.parse(written) is None
        return
    figure = figures.parse(written)
    assert figure is not None, written
    assert figure.value == number * Decimal(10) ** exponent
    assert figure.unit == figures.CURRENCY_SYMBOLS.get(currency)
    # one unit in the last written digit, scaled: "4.80 million" is read to the nearest 10,000;
    # without a scale word the trailing zeros of a whole number are not significant ("1,200")
    written_exponent = min(number.as_tuple().exponent, 0)
    if written_exponent == 0 and not word and number:
        whole = int(number)
        while whole % 10 == 0:
            whole //= 10
            written_exponent += 1
    assert figure.resolution == Decimal(1).scaleb(written_exponent + exponent)
