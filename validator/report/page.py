"""`factcheck report --html DIR`: one self-contained page (no external assets, works offline).

Tables sort by any column; every currency check has an inline SVG chart of the exchange rate
around the conversion date and over the figure's period, the band of rates the two written
figures allow, and the date whose rate was used.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from validator import __version__
from validator.analysis.consistency import Conversion
from validator.model.records import RATING_SCALE
from validator.values.amounts import number

if TYPE_CHECKING:
    from validator.analysis.consistency import RateView
    from validator.report.review import Review, Row

WIDTH, HEIGHT = 760, 280
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 28, 40

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem;
       color: #1d1d1f; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #ddd; }
th { cursor: pointer; background: #f4f4f6; user-select: none; white-space: nowrap; }
th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
.rating { font-weight: 600; white-space: nowrap; }
.accurate { color: #1a7f37; } .mostly_accurate { color: #2e8b57; } .outdated { color: #9a6700; }
.misleading { color: #bc4c00; } .inaccurate { color: #cf222e; } .unverifiable { color: #6e7781; }
.checks { font-size: .85rem; color: #57606a; } .fail { color: #cf222e; font-weight: 600; }
figure { margin: 1.5rem 0; } figcaption { font-family: ui-monospace, monospace; font-size: .85rem; }
svg text { font: 11px system-ui, sans-serif; fill: #333; }
.arith { font-family: ui-monospace, monospace; font-size: .85rem; }
"""

SCRIPT = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th, column) {
    th.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].dataset.sort || a.cells[column].textContent;
        var y = b.cells[column].dataset.sort || b.cells[column].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
"""


def page(review: Review) -> str:
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Fact-check report</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Fact-check report</h1>",
        f"<p id=totals>{len(review.all_rows())} claims: "
        + escape(", ".join(f"{label} {n}" for label, n in review.totals().items()))
        + "</p>",
    ]
    for source_id, rows in review.rows.items():
        parts.append(_table(review, source_id, rows))
    parts.append("<h2>Consistency checks</h2>")
    for row in review.all_rows():
        for check in row.checks:
            if not check.arithmetic:
                continue
            caption = f"<figcaption><b>{escape(row.claim.id)}</b>: {escape(check.arithmetic)}</figcaption>"
            if isinstance(check, Conversion):
                parts.append(f"<figure>{chart(check.rates)}{caption}</figure>")
            else:
                parts.append(
                    f"<p class=arith><b>{escape(row.claim.id)}</b>: {escape(check.arithmetic)}</p>"
                )
    parts.append(f"<p class=checks>Made by factcheck {__version__}.</p>")
    parts.append(f"<script>{SCRIPT}</script></body></html>")
    return "\n".join(parts) + "\n"


def _table(review: Review, source_id: str, rows: list[Row]) -> str:
    source = review.sources.get(source_id)
    title = f"{source.title} — {source.publisher}, {source.published}" if source else source_id
    head = "".join(
        f"<th scope=col>{name}</th>"
        for name in ("figure", "what it measures", "period", "claimant", "verdict", "checks")
    )
    body = []
    for row in rows:
        c = row.claim
        rating = c.verdict.rating.value
        score = RATING_SCALE[c.verdict.rating][1] or 0
        checks = " ".join(
            [escape(g) + " ✓" for g in row.passed]
            + [f"<span class=fail>{escape(g)} ✗</span>" for g in row.failed]
        )
        body.append(
            f"<tr id='{escape(c.id)}'>"
            f"<td data-sort='{c.value}'>{escape(row.figure)}</td>"
            f"<td>{escape(c.measure)}</td>"
            f"<td data-sort='{c.period.start if c.period else c.as_of or ''}'>{escape(row.when)}</td>"
            f"<td>{escape(c.claimant)}</td>"
            f"<td data-sort='{score}' title='{escape(c.verdict.explanation)}'>"
            f"<span class='rating {rating}'>{escape(row.label)}</span></td>"
            f"<td class=checks>{checks}</td></tr>"
        )
    return (
        f"<h2>{escape(title)}</h2><table class=sortable><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def chart(view: RateView) -> str:
    """An inline SVG of the exchange rate around a conversion, with the band that fits."""
    from validator.values import rates

    start = view.day - timedelta(days=42)
    end = view.day + timedelta(days=21)
    if view.period:
        start, end = min(start, view.period[0]), max(end, view.period[1])
    series = rates.daily_rates(view.source, view.target, start, end)
    if not series:
        return ""
    # The band may be open-ended ("over $5 million"): only its finite ends widen the view.
    values = [r for _, r in series] + [b for b in (view.low, view.high) if b.is_finite()]
    lo, hi = min(values), max(values)
    pad = (hi - lo) * Decimal("0.08") or Decimal("0.01")
    lo, hi = lo - pad, hi + pad

    def x(day: date) -> float:
        return LEFT + (day - start).days / max((end - start).days, 1) * (WIDTH - LEFT - RIGHT)

    def y(rate: Decimal) -> float:
        return float(TOP + (hi - rate) / (hi - lo) * (HEIGHT - TOP - BOTTOM))

    pair = f"{view.source}→{view.target}"
    out = [
        f'<svg class=rate-chart role=img width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{pair} ECB rate, {start} to {end}</title>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
    ]
    if view.period:
        p0, p1 = x(view.period[0]), x(view.period[1])
        out.append(
            f'<rect class=period x="{p0:.1f}" y="{TOP}" width="{p1 - p0:.1f}" height="{HEIGHT - TOP - BOTTOM}" '
            'fill="#dbe9f6"/>'
            f'<text x="{p0 + 4:.1f}" y="{TOP + 12}">period of the figure</text>'
        )
        found = rates.mean_rate(view.source, view.target, *view.period)
        if found:
            m = y(found[0])
            out.append(
                f'<line class=period-mean x1="{p0:.1f}" x2="{p1:.1f}" y1="{m:.1f}" y2="{m:.1f}" '
                'stroke="#4a6fa5" stroke-dasharray="6 3"/>'
                f'<text x="{p0 + 4:.1f}" y="{m - 4:.1f}">period mean {found[0]:.4f}</text>'
            )
    b0, b1 = y(min(view.high, hi)), y(max(view.low, lo))
    out.append(
        f'<rect class=allowed-band x="{LEFT}" y="{b0:.1f}" width="{WIDTH - LEFT - RIGHT}" height="{b1 - b0:.1f}" '
        'fill="#2da44e" fill-opacity="0.18" stroke="#2da44e" stroke-opacity="0.5"/>'
        f'<text x="{WIDTH - RIGHT - 4}" y="{b1 - 6:.1f}" text-anchor="end">rates both written figures allow: '
        f"{number(view.low, 4)} to {number(view.high, 4)}</text>"
    )
    points = " ".join(f"{x(d):.1f},{y(r):.1f}" for d, r in series)
    out.append(
        f'<polyline class=rate-line points="{points}" fill="none" stroke="#0b3d91" stroke-width="1.8"/>'
    )
    u = x(view.used)
    # The label goes on whichever side of the line has room for it.
    anchor, offset = ("end", -6) if u > WIDTH * 0.6 else ("start", 6)
    out.append(
        f'<line class=used-date x1="{u:.1f}" x2="{u:.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" '
        'stroke="#cf222e" stroke-dasharray="4 3" stroke-width="1.5"/>'
        f'<circle cx="{u:.1f}" cy="{y(view.rate):.1f}" r="4" fill="#cf222e"/>'
        f'<text x="{u + offset:.1f}" y="{HEIGHT - BOTTOM - 6}" text-anchor="{anchor}">'
        f"rate used: {view.used} ({view.rate:.5f})</text>"
    )
    out.extend(_axes(start, end, lo, hi, x, y))
    out.append("</svg>")
    return "".join(out)


def _axes(
    start: date,
    end: date,
    lo: Decimal,
    hi: Decimal,
    fx: Callable[[date], float],
    fy: Callable[[Decimal], float],
) -> list[str]:
    parts = [
        f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" stroke="#888"/>',
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{HEIGHT - BOTTOM}" y2="{HEIGHT - BOTTOM}" stroke="#888"/>',
    ]
    for i in range(5):
        rate = lo + (hi - lo) * Decimal(i) / 4
        ty = fy(rate)
        parts.append(
            f'<text x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">{rate:.3f}</text>'
            f'<line x1="{LEFT - 3}" x2="{LEFT}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="#888"/>'
        )
    month = date(start.year, start.month, 1)
    while month <= end:
        if month >= start:
            tx = fx(month)
            parts.append(
                f'<text x="{tx:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{month:%b %Y}</text>'
                f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{HEIGHT - BOTTOM}" y2="{HEIGHT - BOTTOM + 4}" stroke="#888"/>'
            )
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return parts
