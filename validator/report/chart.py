"""The exchange-rate chart of a currency check, as a figure a reader can read: a visible title,
axes labelled with their units, round ticks, a legend, and a one-sentence caption.

Nothing is written inside the plot but the ticks: every line and band is named in the legend
beside it, so no label can land on a line or on another label, whatever the rates do. The SVG
scales with the page (viewBox); its text grows on a narrow screen (a CSS rule in page.py), and
the ticks are spaced for that larger text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from html import escape
from typing import TYPE_CHECKING

from validator.values.amounts import number

if TYPE_CHECKING:
    from validator.analysis.consistency import RateView

WIDTH, HEIGHT = 640, 360
LEFT, RIGHT, TOP, BOTTOM = 112, 16, 16, 100
FONT, FONT_NARROW = 13, 22  # user units; FONT_NARROW on screens under 600 px (page.STYLE)
MAX_X_LABELS = 6

# (one, many) for the y axis's label: "US dollars per pound (USD per GBP)".
CURRENCIES = {
    "USD": ("US dollar", "US dollars"),
    "GBP": ("pound", "pounds"),
    "EUR": ("euro", "euros"),
    "JPY": ("yen", "yen"),
    "CHF": ("Swiss franc", "Swiss francs"),
}


def day_text(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def nice_ticks(lo: Decimal, hi: Decimal, count: int = 6) -> list[Decimal]:
    """Round ticks (steps of 1, 2 or 5 times a power of ten) that cover [lo, hi]."""
    span = hi - lo
    if span <= 0:
        span = abs(hi) / 100 or Decimal(1)
    raw = span / max(count - 1, 1)
    power = Decimal(10) ** raw.adjusted()
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = (lo / step).to_integral_value(ROUND_FLOOR) * step
    last = (hi / step).to_integral_value(ROUND_CEILING) * step
    if first == last:
        last = first + step
    ticks = []
    tick = first
    while tick <= last:
        ticks.append(tick)
        tick += step
    return ticks


def tick_text(tick: Decimal, step: Decimal) -> str:
    places = max(0, -step.normalize().as_tuple().exponent)  # type: ignore[operator]
    return f"{tick:.{places}f}"


def _months(start: date, end: date) -> list[date]:
    """First days of months inside [start, end], thinned to at most MAX_X_LABELS."""
    found = []
    month = date(start.year, start.month, 1)
    while month <= end:
        if month >= start:
            found.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    every = 1
    while len(found[::every]) > MAX_X_LABELS:
        every += 1
    return found[::every]


@dataclass(frozen=True)
class Series:
    """What the chart shows: the window, the daily rates in it, the period's mean rate."""

    view: RateView
    start: date
    end: date
    rates: list[tuple[date, Decimal]]
    mean: Decimal | None

    @property
    def pair(self) -> str:
        return f"{self.view.target} per {self.view.source}"


def series(view: RateView) -> Series | None:
    from validator.values import rates

    start = view.day - timedelta(days=42)
    end = view.day + timedelta(days=21)
    if view.period:
        start, end = min(start, view.period[0]), max(end, view.period[1])
    daily = rates.daily_rates(view.source, view.target, start, end)
    if not daily:
        return None
    mean = None
    if view.period:
        found = rates.mean_rate(view.source, view.target, *view.period)
        mean = found[0] if found else None
    return Series(view, start, end, daily, mean)


def title(s: Series) -> str:
    return (
        f"{s.view.source} to {s.view.target}: ECB reference rate, "
        f"{day_text(s.start)} to {day_text(s.end)}"
    )


def _band(view: RateView) -> str:
    low, high = view.low, view.high
    if low.is_finite() and low > 0 and high.is_finite():
        return f"from {number(low, 4)} to {number(high, 4)}"
    if high.is_finite():
        return f"up to {number(high, 4)}"
    if low.is_finite() and low > 0:
        return f"of {number(low, 4)} or more"
    return "whatever"


def _inside(view: RateView, rate: Decimal) -> str:
    return "inside" if view.low <= rate <= view.high else "outside"


def caption(s: Series) -> str:
    """One sentence: the band the written figures allow, and where the rates used fall."""
    v = s.view
    used = day_text(v.used)
    if v.used != v.day:
        used += f", the last before {day_text(v.day)}"
    text = (
        f"The two written figures agree at any rate {_band(v)} {s.pair} (the green band); "
        f"the ECB rate used, that of {used} ({v.rate:.5f}), lies {_inside(v, v.rate)} it"
    )
    if v.period and s.mean is not None:
        text += (
            f", and the mean rate over the figure's period, {day_text(v.period[0])} to "
            f"{day_text(v.period[1])} ({number(s.mean, 4)}), lies {_inside(v, s.mean)} it"
        )
    return text + "."


def legend(s: Series) -> list[tuple[str, str]]:
    """(swatch class, text) for each thing drawn."""
    v = s.view
    items = [
        ("rate-line", f"ECB daily reference rate, {s.pair}"),
        ("allowed-band", f"Rates both written figures allow: {_band(v)}"),
        ("used-date", f"Rate used: {day_text(v.used)}, {v.rate:.5f}"),
    ]
    if v.period:
        items.append(
            ("period", f"Period of the figure: {day_text(v.period[0])} to {day_text(v.period[1])}")
        )
        if s.mean is not None:
            items.append(("period-mean", f"Mean rate over that period: {s.mean:.4f}"))
    return items


def svg(s: Series, ident: str) -> str:
    """The plot alone: lines, band, ticks and axis labels; named by its title and caption."""
    v = s.view
    values = [r for _, r in s.rates] + [b for b in (v.low, v.high) if b.is_finite() and b > 0]
    if s.mean is not None:
        values.append(s.mean)
    lo, hi = min(values), max(values)
    pad = (hi - lo) * Decimal("0.05") or Decimal("0.005")
    ticks = nice_ticks(lo - pad, hi + pad)
    step = ticks[1] - ticks[0]
    lo, hi = ticks[0], ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    bottom = HEIGHT - BOTTOM

    def x(day: date) -> float:
        return LEFT + (day - s.start).days / max((s.end - s.start).days, 1) * plot_w

    def y(rate: Decimal) -> float:
        rate = min(max(rate, lo), hi)
        return float(TOP + (hi - rate) / (hi - lo) * plot_h)

    out = [
        f'<svg class="rate-chart" role="img" aria-labelledby="{ident}-title {ident}-caption" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" xmlns="http://www.w3.org/2000/svg">',
    ]
    for tick in ticks:  # gridlines first, under everything
        out.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" '
            f'y2="{y(tick):.1f}" stroke="#d0d7de"/>'
        )
    b0, b1 = y(v.high if v.high.is_finite() else hi), y(v.low if v.low > lo else lo)
    out.append(
        f'<rect class="allowed-band" x="{LEFT}" y="{b0:.1f}" width="{plot_w}" '
        f'height="{max(b1 - b0, 1):.1f}" fill="#2da44e" fill-opacity="0.22"/>'
    )
    if v.period:
        p0, p1 = x(v.period[0]), x(v.period[1])
        out.append(
            f'<line class="period-edge" x1="{p0:.1f}" x2="{p0:.1f}" y1="{TOP}" y2="{bottom}" '
            'stroke="#6e7781" stroke-dasharray="2 3"/>'
            f'<line class="period-edge" x1="{p1:.1f}" x2="{p1:.1f}" y1="{TOP}" y2="{bottom}" '
            'stroke="#6e7781" stroke-dasharray="2 3"/>'
            f'<rect class="period" x="{p0:.1f}" y="{TOP}" width="{p1 - p0:.1f}" height="6" '
            'fill="#6e7781"/>'
        )
        if s.mean is not None:
            m = y(s.mean)
            out.append(
                f'<line class="period-mean" x1="{p0:.1f}" x2="{p1:.1f}" y1="{m:.1f}" '
                f'y2="{m:.1f}" stroke="#8250df" stroke-width="2" stroke-dasharray="7 4"/>'
            )
    points = " ".join(f"{x(d):.1f},{y(r):.1f}" for d, r in s.rates)
    out.append(
        f'<polyline class="rate-line" points="{points}" fill="none" stroke="#0b3d91" '
        'stroke-width="2"/>'
    )
    u = x(v.used)
    out.append(
        f'<line class="used-date" x1="{u:.1f}" x2="{u:.1f}" y1="{TOP}" y2="{bottom}" '
        'stroke="#cf222e" stroke-dasharray="5 3" stroke-width="1.5"/>'
        f'<circle class="used-rate" cx="{u:.1f}" cy="{y(v.rate):.1f}" r="5" fill="#cf222e"/>'
    )
    out.extend(_axes(s, ticks, step, x, y))
    out.append("</svg>")
    return "".join(out)


def _axes(
    s: Series,
    ticks: list[Decimal],
    step: Decimal,
    fx: Callable[[date], float],
    fy: Callable[[Decimal], float],
) -> list[str]:
    bottom = HEIGHT - BOTTOM
    parts = [
        f'<g class="axis" aria-hidden="true">'
        f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{bottom}" stroke="#6e7781"/>'
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{bottom}" y2="{bottom}" stroke="#6e7781"/>'
    ]
    for tick in ticks:
        ty = fy(tick)
        parts.append(
            f'<text class="tick y-tick" x="{LEFT - 8}" y="{ty:.1f}" dy="0.35em" '
            f'text-anchor="end">{tick_text(tick, step)}</text>'
        )
    for month in _months(s.start, s.end):
        tx = fx(month)
        if tx > WIDTH - 2 * FONT_NARROW:  # its label would run off the right edge
            continue
        year = month == _months(s.start, s.end)[0] or month.month == 1
        parts.append(
            f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{bottom}" y2="{bottom + 5}" stroke="#6e7781"/>'
            f'<text class="tick x-tick" x="{tx:.1f}" y="{bottom + 12}" dy="1em" '
            f'text-anchor="middle">{month:%b}</text>'
        )
        if year:
            parts.append(
                f'<text class="tick x-tick" x="{tx:.1f}" y="{bottom + 12}" dy="2.25em" '
                f'text-anchor="middle">{month.year}</text>'
            )
    unit = short = escape(s.pair)
    many, one = CURRENCIES.get(s.view.target), CURRENCIES.get(s.view.source)
    if many and one:
        unit = escape(f"{many[1]} per {one[0]} ({s.pair})")
    middle = -(TOP + (bottom - TOP) / 2)
    parts.append(  # the long label on a wide screen, the short one on a narrow (page.STYLE)
        f'<text class="axis-label wide" x="{middle:.1f}" y="4" dy="1em" '
        f'transform="rotate(-90)" text-anchor="middle">{unit}</text>'
        f'<text class="axis-label narrow" x="{middle:.1f}" y="4" dy="1em" '
        f'transform="rotate(-90)" text-anchor="middle">{short}</text>'
        f'<text class="axis-label" x="{LEFT + (WIDTH - LEFT - RIGHT) / 2:.1f}" y="{bottom + 12}" '
        'dy="3.5em" text-anchor="middle">date (ECB publication days)</text></g>'
    )
    return parts


def figure(view: RateView, ident: str) -> str:
    """The whole figure: title, plot, legend, caption; "" when there are no rates to draw."""
    s = series(view)
    if s is None:
        return ""
    items = "".join(
        f'<li><svg class="swatch" aria-hidden="true" viewBox="0 0 24 12" width="24" height="12">'
        f"{_swatch(kind)}</svg>{escape(text)}</li>"
        for kind, text in legend(s)
    )
    return (
        f'<figure class="chart" id="{ident}-chart">'
        f'<p class="chart-title" id="{ident}-title">{escape(title(s))}</p>'
        f"{svg(s, ident)}"
        f'<ul class="legend" aria-label="Legend">{items}</ul>'
        f'<figcaption id="{ident}-caption">{escape(caption(s))}</figcaption></figure>'
    )


def _swatch(kind: str) -> str:
    if kind == "allowed-band":
        return (
            f'<rect class="{kind}" x="0" y="0" width="24" height="12" fill="#2da44e" '
            'fill-opacity="0.22"/>'
        )
    if kind == "period":
        return f'<rect class="{kind}" x="0" y="3" width="24" height="6" fill="#6e7781"/>'
    dash = {"used-date": "5 3", "period-mean": "7 4"}.get(kind, "none")
    return (
        f'<line class="{kind}" x1="0" x2="24" y1="6" y2="6" stroke-width="2" '
        f'stroke-dasharray="{dash}"/>'
    )
