"""`factcheck report --html DIR`: a publishable fact-check page, one self-contained file (no
external assets, works offline; the only addresses in it are the sources' links).

Per source, a table of its claims that sorts by any column (buttons in the headers, by mouse or
keyboard; aria-sort says how); then per claim: what is claimed, the quote, the verdict with its
explanation, the sources as links (their url and archive_url), the checks in words, the
exchange-rate chart of a currency check (chart.py), and the claim's schema.org ClaimReview as
JSON-LD (exports.claimreviews), whose url is the claim's anchor on this page. Everything from the
records is escaped. Light and dark (prefers-color-scheme), 360 px wide and up, and it prints.
"""

from __future__ import annotations

import datetime
import json
from html import escape
from typing import TYPE_CHECKING, Any

from validator import __version__
from validator.analysis.consistency import Conversion, Derivation, PeriodMean
from validator.model.vocabulary import RATING_SCALE
from validator.report import chart, exports

if TYPE_CHECKING:
    from validator.analysis.consistency import AnyCheck
    from validator.model.plain import Source
    from validator.report.review import Review, Row

STYLE = """
:root { color-scheme: light dark; --bg: #fff; --fg: #1f2328; --muted: #57606a; --rule: #d0d7de;
  --head: #f6f8fa; --link: #0550ae; --focus: #0969da; --quote: #eaeef2;
  --accurate: #116329; --mostly_accurate: #0a6a6a; --outdated: #7d4e00; --misleading: #a33f00;
  --inaccurate: #b3261e; --unverifiable: #57606a;
  --c-line: #0b3d91; --c-band: #2da44e; --c-used: #cf222e; --c-mean: #8250df; --c-period: #6e7781; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --rule: #30363d; --head: #161b22;
    --link: #79c0ff; --focus: #58a6ff; --quote: #21262d;
    --accurate: #3fb950; --mostly_accurate: #56d4c4; --outdated: #d29922; --misleading: #f0883e;
    --inaccurate: #ff7b72; --unverifiable: #9198a1;
    --c-line: #79c0ff; --c-band: #3fb950; --c-used: #ff7b72; --c-mean: #d2a8ff; --c-period: #8b949e; }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: .5rem 0; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2.5rem 0 .75rem; padding-top: .5rem;
  border-top: 2px solid var(--rule); }
h3 { font-size: 1.1rem; line-height: 1.35; margin: 0 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
a { color: var(--link); text-decoration: underline; overflow-wrap: break-word; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.muted, .source-meta, footer { color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.table-wrap { overflow-x: auto; margin: .5rem 0 1.5rem; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: var(--muted); padding-bottom: .25rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem;
  border-bottom: 1px solid var(--rule); }
td.when, td.verdict { white-space: nowrap; } th button { white-space: nowrap; }
th { background: var(--head); padding: 0; }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0;
  padding: .4rem .5rem; width: 100%; text-align: left; cursor: pointer; }
th button::after { content: " ↕"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " ▲"; color: inherit; }
th[aria-sort="descending"] button::after { content: " ▼"; color: inherit; }
.rating { font-weight: 700; }
.accurate { color: var(--accurate); } .mostly_accurate { color: var(--mostly_accurate); }
.outdated { color: var(--outdated); } .misleading { color: var(--misleading); }
.inaccurate { color: var(--inaccurate); } .unverifiable { color: var(--unverifiable); }
article.claim { border: 1px solid var(--rule); border-radius: 6px; padding: 1rem;
  margin: 1rem 0; }
.verdict { margin: .25rem 0; font-size: 1.05rem; }
blockquote { margin: .75rem 0; padding: .5rem .75rem; background: var(--quote);
  border-left: 4px solid var(--rule); }
blockquote p { margin: 0; }
.attribution { margin: .25rem 0 .75rem; color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: .5rem 0; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
ul.sources, ul.checks { padding-left: 1.25rem; margin: .25rem 0; }
ul.checks li { margin: .15rem 0; }
.pass-mark { color: var(--accurate); font-weight: 700; }
.fail-mark { color: var(--inaccurate); font-weight: 700; }
.working { font-family: ui-monospace, monospace; font-size: .85rem; overflow-wrap: anywhere; }
figure.chart { margin: 1rem 0; }
.chart-title { font-weight: 600; margin: 0 0 .25rem; }
.rate-chart { display: block; width: 100%; height: auto; max-width: 40rem; }
.rate-chart text { font: 13px system-ui, sans-serif; fill: var(--fg); }
.rate-chart .narrow { display: none; }
.rate-chart .axis line { stroke: var(--muted); } .rate-chart .grid { stroke: var(--rule); }
.rate-chart .rate-line, .swatch .rate-line { stroke: var(--c-line); }
.rate-chart .allowed-band, .swatch .allowed-band { fill: var(--c-band); }
.rate-chart .used-date, .swatch .used-date { stroke: var(--c-used); }
.rate-chart .used-rate { fill: var(--c-used); }
.rate-chart .period-mean, .swatch .period-mean { stroke: var(--c-mean); }
.rate-chart .period, .swatch .period { fill: var(--c-period); }
.rate-chart .period-edge { stroke: var(--c-period); }
ul.legend { list-style: none; padding: 0; margin: .5rem 0; font-size: .9rem; }
ul.legend li { display: flex; align-items: center; gap: .5rem; margin: .15rem 0; }
.swatch { flex: none; }
figcaption { margin-top: .25rem; }
@media (max-width: 600px) {
  body { font-size: 15px; padding: .75rem; }
  h1 { font-size: 1.4rem; }
  article.claim { padding: .75rem; }
  /* the period and the claimant are in each claim's card below, a tap away */
  table.sortable th:nth-child(3), table.sortable td:nth-child(3),
  table.sortable th:nth-child(4), table.sortable td:nth-child(4) { display: none; }
  td.verdict, th button { white-space: normal; }
  th button, td { padding: .35rem .3rem; }
  .rate-chart text { font-size: 22px; }
  .rate-chart .wide { display: none; } .rate-chart .narrow { display: inline; }
  dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .25rem; }
}
@media print {
  th button::after { content: ""; }
  article.claim { break-inside: avoid; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; }
}
"""

SCRIPT = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  var status = document.getElementById(table.dataset.status);
  var heads = table.querySelectorAll("th");
  var body = table.tBodies[0];
  Array.prototype.forEach.call(body.rows, function (row, i) { row.dataset.order = i; });
  heads.forEach(function (th, column) {
    th.querySelector("button").addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var number = /^-?[0-9]+([.][0-9]+)?$/;
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].dataset.sort || a.cells[column].textContent;
        var y = b.cells[column].dataset.sort || b.cells[column].textContent;
        var order = (number.test(x) && number.test(y)) ? x - y : x.localeCompare(y);
        return (ascending ? order : -order) || a.dataset.order - b.dataset.order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      if (status) {
        status.textContent = "Sorted by " + th.textContent.trim() + ", " +
          (ascending ? "ascending" : "descending") + ".";
      }
    });
  });
});
"""

# What each group of checks (review.GROUPS) says, passed and failed, in words.
CHECK_WORDS: dict[str, tuple[str, str, str]] = {
    "record": (
        "Record",
        "every field is present and well formed",
        "a field is missing or malformed",
    ),
    "figure": (
        "Figure",
        "the number recorded is the number written, in the unit written",
        "the number recorded is not the number written, or not in its unit",
    ),
    "dates": (
        "Dates",
        "the period or date is in order and not after the source was published",
        "the period or date is out of order, or after the source was published",
    ),
    "conversion": (
        "Conversion",
        "the equivalent in another currency or unit follows from the figure",
        "the equivalent in another currency or unit does not follow from the figure",
    ),
    "derivation": (
        "Derivation",
        "the figure follows from the figures it is derived from",
        "the figure does not follow from the figures it is derived from",
    ),
    "no conflict": (
        "No conflict",
        "no other claim on the same measure, place and period contradicts it, "
        "and the verdict agrees with the checks",
        "another claim contradicts it, or the verdict disagrees with the checks",
    ),
    "quote": (
        "Quote",
        "the quote is in the source's text word for word, with the figure in it",
        "the quote, or the figure in it, is not in the source's text",
    ),
}

HEADERS = (
    "figure",
    "what it measures",
    "period",
    "claimant",
    "verdict",
)  # STYLE hides 3, 4 on a phone


def anchor(claim_id: str, base_url: str | None = None) -> str:
    """The claim's address on this page: relative, or absolute under a configured base URL."""
    page = "index.html#" + claim_id
    return f"{base_url.rstrip('/')}/{page}" if base_url else page


def page(
    review: Review,
    *,
    title: str = "Fact-check report",
    reviewer: str = "factcheck",
    published: str | None = None,
    base_url: str | None = None,
) -> str:
    reviews = exports.claimreviews(
        review,
        reviewer=reviewer,
        url="{id}",
        published=published or datetime.date.today().isoformat(),
    )
    for item, row in zip(reviews, review.all_rows(), strict=True):
        item["url"] = anchor(row.claim.id, base_url)
    jsonld = {row.claim.id: item for item, row in zip(reviews, review.all_rows(), strict=True)}
    totals = ", ".join(f"{label} {n}" for label, n in review.totals().items())
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        '<meta name="description" content="Each figure: the quote, the verdict and why, the '
        'sources, the checks.">',
        f"<style>{STYLE}</style></head><body>",
        f"<header><h1>{escape(title)}</h1>",
        f"<p id=totals>{_claims(len(review.all_rows()))}: {escape(totals)}</p>",
        _contents(review),
        "</header><main>",
    ]
    for source_id, rows in review.rows.items():
        parts.append(_section(review, source_id, rows, jsonld))
    parts.append(_scale())
    parts.append("</main>")
    parts.append(
        f"<footer><p>Made by factcheck {escape(__version__)}. Each claim's review is also "
        "embedded as schema.org ClaimReview JSON-LD.</p></footer>"
    )
    parts.append(f"<script>{SCRIPT}</script></body></html>")
    return "\n".join(parts) + "\n"


def _claims(n: int) -> str:
    return f"{n} claim" if n == 1 else f"{n} claims"


def _section_id(source_id: str) -> str:
    return "source-" + source_id


def _contents(review: Review) -> str:
    items = []
    for source_id, rows in review.rows.items():
        source = review.sources.get(source_id)
        name = source.title if source else source_id
        items.append(
            f'<li><a href="#{escape(_section_id(source_id))}">{escape(name)}</a> '
            f"({_claims(len(rows))})</li>"
        )
    return f'<nav aria-label="Sources checked"><ul>{"".join(items)}</ul></nav>'


def _section(review: Review, source_id: str, rows: list[Row], jsonld: dict[str, Any]) -> str:
    source = review.sources.get(source_id)
    ident = _section_id(source_id)
    heading = source.title if source else source_id
    meta = (
        f"<p class=source-meta>{escape(source.publisher)}, {escape(_day(source.published))} "
        f"({escape(source.kind.value.replace('_', ' '))}). {_links(source)}</p>"
        if source
        else ""
    )
    articles = "".join(_claim(review, row, jsonld.get(row.claim.id)) for row in rows)
    return (
        f'<section aria-labelledby="{escape(ident)}-h"><h2 id="{escape(ident)}-h">'
        f"{escape(heading)}</h2>{meta}{_table(ident, heading, rows)}{articles}</section>"
    )


def _table(ident: str, heading: str, rows: list[Row]) -> str:
    head = "".join(
        f"<th scope=col><button type=button>{escape(name)}</button></th>" for name in HEADERS
    )
    body = []
    for row in rows:
        c = row.claim
        rating = c.verdict.rating.value
        score = RATING_SCALE[c.verdict.rating][1] or 0
        when = str(c.period.start if c.period else c.as_of or "")
        body.append(
            f"<tr id='row-{escape(c.id)}'>"
            f"<td data-sort='{escape(str(c.value))}'><a href='#{escape(c.id)}'>"
            f"{escape(row.figure)}</a></td>"
            f"<td>{escape(c.measure)}</td>"
            f"<td class=when data-sort='{escape(when)}'>{escape(row.when)}</td>"
            f"<td>{escape(c.claimant)}</td>"
            f"<td class=verdict data-sort='{score}'><span class='rating {rating}'>{escape(row.label)}</span></td>"
            "</tr>"
        )
    status = f"{ident}-sorted"
    return (
        f'<div class=table-wrap role=region aria-label="Claims in {escape(heading)}" tabindex=0>'
        f'<table class=sortable data-status="{escape(status)}">'
        f'<caption id="{escape(ident)}-caption">Claims in this source, in the order it makes '
        "them; the column buttons sort the table.</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        f'<p class=visually-hidden role=status id="{escape(status)}"></p>'
    )


def _claim(review: Review, row: Row, item: dict[str, Any] | None) -> str:
    c = row.claim
    ident = escape(c.id)
    label, score, meaning = RATING_SCALE[c.verdict.rating]
    scale = f" ({score} of 5)" if score is not None else ""
    source = review.sources.get(c.source)
    where = (
        f"<cite>{escape(source.title)}</cite> ({escape(source.publisher)}, "
        f"{escape(_day(source.published))})"
        if source
        else escape(c.source)
    )
    implied = (
        " The figure is implied, not printed: the quote is the passage it follows from."
        if c.implied
        else ""
    )
    facts = [("Figure", row.figure), ("Measures", c.measure)]
    if row.when:
        facts.append(("Period" if c.period else "Date", row.when))
    if c.geography:
        facts.append(("Where", c.geography))
    facts.append(("Claimant", c.claimant))
    parts = [
        f'<article class=claim id="{ident}" aria-labelledby="{ident}-h">',
        f'<h3 id="{ident}-h">{escape(c.claim)}</h3>',
        f"<p class=verdict>Verdict: <span class='rating {c.verdict.rating.value}'>"
        f"{escape(label)}</span>{scale} <span class=muted>— {escape(meaning)}</span></p>",
        f"<p class=explanation>{escape(' '.join(c.verdict.explanation.split()))}</p>",
        f"<blockquote><p>“{escape(c.quote)}”</p></blockquote>",
        f"<p class=attribution>{escape(c.claimant)}, in {where}.{implied}</p>",
        "<dl class=facts>"
        + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts)
        + "</dl>",
        f"<h4>Sources</h4>{_sources(review, row)}",
        f"<h4>Checks</h4>{_checks(row)}",
    ]
    for check in row.checks:
        if isinstance(check, Conversion):
            parts.append(chart.figure(check.rates, f"{c.id}-rate"))
    working = [check.arithmetic for check in row.checks if check.arithmetic]
    if working:
        parts.append(
            "<p class=working><span class=muted>The working:</span> "
            + "; ".join(escape(w) for w in working)
            + "</p>"
        )
    if item is not None:
        parts.append(f'<script type="application/ld+json">{script_json(item)}</script>')
    parts.append("</article>")
    return "".join(parts)


def script_json(item: dict[str, Any]) -> str:
    """JSON for a <script> element: no '<', '>' or '&' that could end it or start a comment."""
    text = json.dumps(item, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sources(review: Review, row: Row) -> str:
    c = row.claim
    roles: dict[str, list[str]] = {}
    roles.setdefault(c.source, []).append("where the figure appears")
    if c.primary_source:
        roles.setdefault(c.primary_source, []).append("where it comes from")
    for checked in c.verdict.checked_against:
        roles.setdefault(checked, []).append("checked against")
    items = []
    for source_id, what in roles.items():
        source = review.sources.get(source_id)
        if source is None:
            items.append(f"<li>{escape(source_id)} ({escape(', '.join(what))})</li>")
            continue
        items.append(
            f"<li>{escape(source.title)} — {escape(source.publisher)}, "
            f"{escape(_day(source.published))} ({escape(', '.join(what))}). {_links(source)}</li>"
        )
    return f"<ul class=sources>{''.join(items)}</ul>"


def _links(source: Source) -> str:
    links = []
    if _web(source.url):
        links.append(f'<a href="{escape(str(source.url))}">the original</a>')
    if _web(source.archive_url):
        links.append(f'<a href="{escape(str(source.archive_url))}">an archived copy</a>')
    if not links:
        return "<span class=muted>No public address is known.</span>"
    return "Read " + " or ".join(links) + "."


def _web(url: object) -> bool:
    return isinstance(url, str) and url.startswith(("https://", "http://"))


def _checks(row: Row) -> str:
    items = []
    for group in row.passed + row.failed:
        name, yes, no = CHECK_WORDS.get(group, (group, "passed", "failed"))
        ok = group in row.passed
        mark = (
            '<span class=pass-mark aria-hidden="true">✓</span> <span class=visually-hidden>'
            "passed:</span>"
            if ok
            else '<span class=fail-mark aria-hidden="true">✗</span> <span class=visually-hidden>'
            "failed:</span>"
        )
        items.append(f"<li>{mark} <b>{escape(name)}</b>: {escape(yes if ok else no)}.</li>")
    for check in row.checks:
        said = _in_words(row, check)
        if said:
            items.append(f"<li>{escape(said)}</li>")
    return f"<ul class=checks>{''.join(items)}</ul>"


def _in_words(row: Row, check: AnyCheck) -> str:
    c = row.claim
    if isinstance(check, Conversion):
        v = check.rates
        verb = "follows" if check.ok else "does not follow"
        return (
            f"{check.equivalent.as_written} {verb} from {c.as_written} at the ECB rate of "
            f"{_day(v.used)}, {v.rate:.5f} {v.target} per {v.source}."
        )
    if isinstance(check, PeriodMean):
        verb = "would also fit" if check.ok else "would not fit"
        return (
            f"At the mean exchange rate over the figure's period, {check.equivalent.as_written} "
            f"{verb}; the rate of the conversion date is the one that counts."
        )
    if isinstance(check, Derivation) and c.derived_from:
        verb = "follows" if check.ok else "does not follow"
        return (
            f"The {c.derived_from.operation} of {', '.join(c.derived_from.operands)} "
            f"{verb} to {c.as_written}."
        )
    return ""


def _scale() -> str:
    items = "".join(
        f"<dt><span class='rating {rating.value}'>{escape(label)}</span></dt>"
        f"<dd>{escape(meaning)}</dd>"
        for rating, (label, _, meaning) in RATING_SCALE.items()
    )
    return (
        '<section aria-labelledby="scale-h"><h2 id="scale-h">The verdicts</h2>'
        f"<dl class=facts>{items}</dl></section>"
    )


def _day(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"
