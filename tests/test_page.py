"""The HTML page (`factcheck report --html`): what a reader finds per claim, the ClaimReview
JSON-LD, the chart, escaping, and the page in Chromium (screenshots, Lighthouse, axe)."""

from __future__ import annotations

import html
import itertools
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, Repo
from validator.analysis.consistency import RateView
from validator.model.vocabulary import RATING_SCALE
from validator.report import chart
from validator.report import page as pages
from validator.report.review import Review

NO_SNAPSHOTS = REPO / "no-snapshots-here"
MONEY = "nca-warrant-data-money-recovered-q1-2024"


@cache
def review() -> Review:
    from validator.engine import validate
    from validator.report import review as reviews
    from validator.workspace import project as projects

    project = replace(projects.find(None, REPO), snapshots=NO_SNAPSHOTS)
    return reviews.build(validate(project, []))


@cache
def the_page() -> str:
    return pages.page(review(), published="2026-12-01")


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each element with an id."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def tags(text: str) -> list[tuple[str, dict[str, str]]]:
    parser = Tags()
    parser.feed(text)
    return parser.tags


def article(text: str, claim_id: str) -> str:
    start = text.index(f'<article class=claim id="{claim_id}"')
    return text[start : text.index("</article>", start)]


# What the reader finds ----------------------------------------------------------------------------


def test_the_page_is_one_self_contained_file() -> None:
    text = the_page()
    found = tags(text)
    assert not [t for t, a in found if "src" in a or t in ("link", "iframe", "img", "object")]
    assert "@import" not in text and "url(" not in text
    # The only addresses: the sources' links, and the names JSON-LD and SVG are written in.
    links = {a["href"] for t, a in found if t == "a" and a["href"].startswith("http")}
    known = {str(u) for s in review().sources.values() for u in (s.url, s.archive_url) if u}
    assert links and links <= known
    rest = re.sub(r'href="[^"]*"|"https://schema.org"|xmlns="http://www.w3.org/2000/svg"', "", text)
    assert not re.findall(r"https?://(?!schema\.org)", rest.split("<style>")[0]), "no other address"


def test_each_claim_in_full_on_the_page() -> None:
    text = the_page()
    rows = review().all_rows()
    assert text.count("<article class=claim ") == len(rows) == 16
    for row in rows:
        c = row.claim
        mine = article(text, c.id)
        assert html.escape(c.claim) in mine  # what is claimed, as the heading
        assert html.escape(c.quote) in mine and "<blockquote>" in mine
        assert html.escape(RATING_SCALE[c.verdict.rating][0]) in mine
        assert html.escape(" ".join(c.verdict.explanation.split())) in mine  # not a tooltip
        for cited in {c.source, c.primary_source, *c.verdict.checked_against} - {None}:
            source = review().sources[str(cited)]
            assert html.escape(source.title) in mine
            for url in (source.url, source.archive_url):
                if url:
                    assert f'href="{html.escape(str(url))}"' in mine, (c.id, url)
        for group in row.passed:
            assert f"<b>{html.escape(pages.CHECK_WORDS[group][0])}</b>: " in mine
    assert " title=" not in text  # no explanation hidden in a hover tooltip


def test_every_archive_url_of_a_cited_source_is_a_link() -> None:
    text = the_page()
    cited = {
        s
        for row in review().all_rows()
        for s in (row.claim.source, row.claim.primary_source, *row.claim.verdict.checked_against)
    }
    archived = [s for s in review().sources.values() if s.archive_url and s.id in cited]
    assert len(archived) >= 5
    for source in archived:
        assert f'<a href="{html.escape(str(source.archive_url))}">an archived copy</a>' in text


def test_checks_in_words() -> None:
    money = article(the_page(), MONEY)
    assert "<b>Conversion</b>: the equivalent in another currency or unit follows" in money
    said = html.unescape(money)
    assert (
        "$5.9 million follows from £4.8 million at the ECB rate of 22 April 2024, 1.23158" in said
    )
    assert "At the mean exchange rate over the figure's period, $5.9 million would not fit" in said
    total = article(the_page(), "declaration-countries-total")
    assert "<b>Derivation</b>: the figure follows from the figures it is derived from." in total


def test_tables_sort_by_keyboard_buttons() -> None:
    text = the_page()
    found = tags(text)
    assert text.count("<table class=sortable") == 2  # the article, the NPCC statement
    heads = [i for i, (t, _) in enumerate(found) if t == "th"]
    assert len(heads) == 10
    for i in heads:  # each header holds a real button: focusable, Enter and Space work
        assert found[i + 1] == ("button", {"type": "button"})
    assert 'setAttribute("aria-sort"' in text
    assert all(a.get("tabindex") == "0" for t, a in found if a.get("class") == "table-wrap")


def test_landmarks_dark_mode_and_narrow_screens() -> None:
    text = the_page()
    for landmark in ("<header>", "<main>", "</main>", "<footer>", '<nav aria-label="'):
        assert landmark in text
    assert text.index("<main>") < text.index("<section") < text.index("</main>")
    assert "@media (prefers-color-scheme: dark)" in text and "color-scheme: light dark" in text
    assert "@media (max-width: 600px)" in text and 'name="viewport"' in text


def test_escapes_everything_from_the_records(repo: Repo, tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script> & \"q\" 'a' </script><!--"
    from tests.conftest import CLAIM

    repo.claim(
        CLAIM.replace("Checked against the article itself.", json.dumps(hostile)).replace(
            "measure: money recovered", f"measure: {json.dumps(hostile)}"
        )
    )
    repo.write(
        "sources/the-article.yaml",
        (repo.root / "sources/the-article.yaml")
        .read_text()
        .replace("An article with figures", json.dumps(hostile)),
    )
    assert repo.run("report", "--html", str(tmp_path / "out")).code == 0
    text = (tmp_path / "out" / "index.html").read_text()
    assert "<script>alert" not in text and "</script><!--" not in text
    assert html.escape(hostile) in text
    extruct = pytest.importorskip("extruct")
    data = extruct.extract(text, syntaxes=["json-ld"], uniform=True)["json-ld"]
    assert data[0]["reviewBody"] == hostile  # the JSON-LD reads back what was written


# ClaimReview JSON-LD ------------------------------------------------------------------------------


def test_claimreview_jsonld_per_claim_reads_with_extruct() -> None:
    extruct = pytest.importorskip("extruct", reason="pip install extruct to read the JSON-LD")
    text = the_page()
    data = extruct.extract(text, syntaxes=["json-ld"], uniform=True)["json-ld"]
    rows = review().all_rows()
    assert [d["@type"] for d in data] == ["ClaimReview"] * len(rows)
    for item, row in zip(data, rows, strict=True):
        assert item["url"] == f"index.html#{row.claim.id}"  # the claim's own anchor
        assert f'<article class=claim id="{row.claim.id}"' in text
        assert item["claimReviewed"] == row.claim.claim
        assert item["reviewRating"]["alternateName"] == row.label
        assert item["datePublished"] == "2026-12-01"
        assert item["author"]["name"] and item["itemReviewed"]["@type"] == "Claim"
    # The same fields as `factcheck export --format claimreview`, but for the url.
    from validator.report import exports

    exported = exports.claimreviews(review(), reviewer="factcheck", url="x", published="2026-12-01")
    for mine, theirs in zip(data, exported, strict=True):
        assert {**theirs, "url": mine["url"]} == mine


def test_claimreview_url_is_absolute_under_a_base_url() -> None:
    text = pages.page(review(), base_url="https://example.org/checks/", published="2026-12-01")
    urls = re.findall(r'"url": "([^"]+#[^"]+)"', text)
    assert urls[0] == "https://example.org/checks/index.html#" + review().all_rows()[0].claim.id
    assert len(urls) == 16


# The chart ----------------------------------------------------------------------------------------


def money_view() -> RateView:
    from validator.analysis.consistency import Conversion

    row = next(r for r in review().all_rows() if r.claim.id == MONEY)
    return next(c for c in row.checks if isinstance(c, Conversion)).rates


def test_chart_has_title_axes_legend_and_a_sentence() -> None:
    money = article(the_page(), MONEY)
    assert (
        '<p class="chart-title" id="nca-warrant-data-money-recovered-q1-2024-rate-title">'
        "GBP to USD: ECB reference rate, 1 January 2024 to 13 May 2024</p>"
    ) in money
    assert ">US dollars per pound (USD per GBP)</text>" in money
    assert ">USD per GBP</text>" in money  # the short label, on a phone
    assert ">date (ECB publication days)</text>" in money
    legend = re.findall(r"</svg>([^<]+)</li>", money)
    assert legend == [
        "ECB daily reference rate, USD per GBP",
        "Rates both written figures allow: from 1.2062 to 1.2526",
        "Rate used: 22 April 2024, 1.23158",
        "Period of the figure: 1 January 2024 to 31 March 2024",
        "Mean rate over that period: 1.2681",
    ]
    caption = re.search(r"<figcaption[^>]*>([^<]+)</figcaption>", money)
    assert caption
    sentence = html.unescape(caption[1])
    assert sentence == (
        "The two written figures agree at any rate from 1.2062 to 1.2526 USD per GBP (the green "
        "band); the ECB rate used, that of 22 April 2024 (1.23158), lies inside it, and the mean "
        "rate over the figure's period, 1 January 2024 to 31 March 2024 (1.2681), lies outside it."
    )
    assert len(re.findall(r"[.!?](\s|$)", sentence)) == 1  # one sentence
    assert "[" not in sentence and "→" not in sentence  # no interval arithmetic in the caption


def test_chart_ticks_are_round() -> None:
    s = chart.series(money_view())
    assert s
    svg = chart.svg(s, "t")
    ticks = re.findall(r'class="tick y-tick"[^>]*>([^<]+)<', svg)
    assert ticks == ["1.20", "1.22", "1.24", "1.26", "1.28", "1.30"]
    months = re.findall(r'class="tick x-tick"[^>]*>([^<]+)<', svg)
    assert months == ["Jan", "2024", "Feb", "Mar", "Apr", "May"]


@given(
    lo=st.decimals(min_value=Decimal("0.001"), max_value=Decimal(1000), places=4),
    span=st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(500), places=4),
)
def test_nice_ticks_cover_the_range_in_round_steps(lo: Decimal, span: Decimal) -> None:
    ticks = chart.nice_ticks(lo, lo + span)
    step = ticks[1] - ticks[0]
    assert ticks[0] <= lo and ticks[-1] >= lo + span
    assert 3 <= len(ticks) <= 12
    assert all(b - a == step for a, b in itertools.pairwise(ticks))
    digits = step.normalize().as_tuple().digits
    assert digits in ((1,), (2,), (5,))  # 1, 2 or 5 times a power of ten
    assert all((t / step) == (t / step).to_integral_value() for t in ticks)


def boxes(svg: str, font: float) -> list[tuple[str, float, float, float, float]]:
    """(text, left, top, right, bottom) of each label at a font size, by a generous estimate:
    0.62 em a character, 1.2 em a line; rotated labels turned to the axis they run along."""
    out = []
    for node in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text"):
        text = node.text or ""
        x, y = float(node.get("x", 0)), float(node.get("y", 0))
        dy = float(node.get("dy", "0em").removesuffix("em")) * font
        w, h = len(text) * 0.62 * font, 1.1 * font
        left = {"end": x - w, "middle": x - w / 2}.get(node.get("text-anchor", ""), x)
        top = y + dy - h * 0.8
        if node.get("transform") == "rotate(-90)":  # (x, y) -> (y, -x)
            left, top, w, h = y + dy - h * 0.8, -(left + w), h, w
        out.append((text, left, top, left + w, top + h))
    return out


def collisions(svg: str, font: float, narrow: bool) -> list[tuple[str, str]]:
    hidden = "wide" if narrow else "narrow"
    svg_kept = re.sub(rf'<text class="axis-label {hidden}"[^>]*>[^<]*</text>', "", svg)
    found = boxes(svg_kept, font)
    bad = []
    plot = (chart.LEFT, chart.TOP, chart.WIDTH - chart.RIGHT, chart.HEIGHT - chart.BOTTOM)
    for i, (a, l1, t1, r1, b1) in enumerate(found):
        if l1 < 0 or t1 < 0 or r1 > chart.WIDTH or b1 > chart.HEIGHT:
            bad.append((a, "outside the picture"))
        if l1 < plot[2] and r1 > plot[0] and t1 < plot[3] and b1 > plot[1]:
            bad.append((a, "inside the plot, where the lines are"))
        for b, l2, t2, r2, b2 in found[i + 1 :]:
            if l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1:
                bad.append((a, b))
    return bad


def test_chart_labels_never_collide_on_a_wide_or_a_narrow_screen() -> None:
    s = chart.series(money_view())
    assert s
    svg = chart.svg(s, "t")
    assert collisions(svg, chart.FONT, narrow=False) == []
    assert collisions(svg, chart.FONT_NARROW, narrow=True) == []
    assert f"font-size: {chart.FONT_NARROW}px" in pages.STYLE  # the size the test assumed


@settings(max_examples=60, deadline=None)
@given(
    days=st.integers(min_value=20, max_value=900),
    base=st.decimals(min_value=Decimal("0.5"), max_value=Decimal(200), places=3),
    moves=st.lists(st.integers(min_value=-30, max_value=30), min_size=2, max_size=60),
    period=st.booleans(),
)
def test_any_rates_draw_without_collisions(
    days: int, base: Decimal, moves: list[int], period: bool
) -> None:
    start = date(2020, 1, 1)
    end = start + timedelta(days=days)
    rates, rate = [], base
    for i, move in enumerate(moves):
        rate = max(rate * (1 + Decimal(move) / 1000), Decimal("0.01"))
        rates.append((start + timedelta(days=i * days // len(moves)), rate))
    used = rates[len(rates) // 2]
    view = RateView(
        "GBP", "USD", used[0], used[0], used[1], used[1] * Decimal("0.98"),
        used[1] * Decimal("1.02"), (start, start + timedelta(days=days // 2)) if period else None,
    )  # fmt: skip
    s = chart.Series(view, start, end, rates, rates[0][1] if period else None)
    svg = chart.svg(s, "t")
    assert collisions(svg, chart.FONT, narrow=False) == []
    assert collisions(svg, chart.FONT_NARROW, narrow=True) == []
    assert chart.caption(s).count(". ") == 0 and chart.caption(s).endswith(".")


# In Chromium --------------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian package: chromium)"
)
# Where to keep the screenshots for a person to look at (CI can upload the folder).
SCREENSHOTS = os.environ.get("FACTCHECK_SCREENSHOTS")


def screenshot(index: Path, out: Path, width: int, height: int, *extra: str) -> Any:
    profile = out.parent / f"profile-{out.stem}"
    assert CHROMIUM
    subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
         *extra, f"--screenshot={out}", index.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        shutil.copy(out, Path(SCREENSHOTS) / out.name)
    return pytest.importorskip("PIL.Image").open(out).convert("RGB")


def count(image: Any, colour: tuple[int, int, int], tolerance: int) -> int:
    return sum(
        n
        for n, c in image.getcolors(maxcolors=1 << 24)
        if all(abs(a - b) <= tolerance for a, b in zip(c, colour, strict=True))
    )


def one_claim_page(claim_id: str) -> str:
    """The page with one claim: its chart near the top, where a screenshot sees it."""
    row = next(r for r in review().all_rows() if r.claim.id == claim_id)
    return pages.page(Review(review().sources, {row.claim.source: [row]}), published="2026-12-01")


# prefers-color-scheme: dark (so does --force-dark-mode in Chromium 156); not
# --enable-features=WebContentsForceDark, which is Chromium's own darkening, not the page's.
DARK = "--blink-settings=preferredColorScheme=0"


@needs_chromium
def test_screenshots_wide_phone_and_dark(tmp_path: Path) -> None:
    index = tmp_path / "index.html"
    index.write_text(the_page())
    profile = ["--user-data-dir=" + str(tmp_path / "profile-dom")]
    dom = subprocess.run(
        [CHROMIUM or "", *FLAGS, *profile, "--dump-dom", index.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    assert dom.count('<article class="claim"') == 16 and 'class="rate-chart"' in dom
    wide = screenshot(index, tmp_path / "page-1400.png", 1400, 2400)
    phone = screenshot(index, tmp_path / "page-390.png", 390, 2400)
    dark = screenshot(index, tmp_path / "page-dark.png", 1400, 2400, DARK)
    for image in (wide, phone):
        assert image.getpixel((2, 2)) == (255, 255, 255)
        assert count(image, (17, 99, 41), 24) > 200  # "Accurate", --accurate
    assert dark.getpixel((2, 2)) == (13, 17, 23)  # --bg in the dark
    assert count(dark, (63, 185, 80), 24) > 200  # "Accurate" in the dark
    assert count(dark, (255, 255, 255), 0) < 500  # no white boxes left behind
    # The chart, from a page with its claim alone.
    index.write_text(one_claim_page(MONEY))
    wide = screenshot(index, tmp_path / "chart-1400.png", 1400, 2400)
    phone = screenshot(index, tmp_path / "chart-390.png", 390, 3000)
    dark = screenshot(index, tmp_path / "chart-dark.png", 1400, 2400, DARK)
    for image in (wide, phone):  # light: the chart's colours are on the screen
        assert count(image, (11, 61, 145), 40) > 100  # the rate line, --c-line
        assert count(image, (207, 34, 46), 40) > 20  # the date whose rate was used
        assert count(image, (209, 235, 216), 8) > 2_000  # the band, #2da44e at 22%
    assert count(dark, (121, 192, 255), 40) > 100  # the rate line, light blue in the dark
    assert count(dark, (255, 123, 114), 40) > 20  # the date used, --c-used in the dark


NODE = shutil.which("node")
CHECK = Path(__file__).parent / "page"


@pytest.mark.skipif(NODE is None or CHROMIUM is None, reason="needs Node and Chromium")
@pytest.mark.skipif(
    not (CHECK / "node_modules" / "lighthouse").is_dir(),
    reason="run `npm ci` in tests/page for lighthouse, axe-core and puppeteer-core",
)
def test_lighthouse_accessibility_and_axe(tmp_path: Path) -> None:
    index = tmp_path / "index.html"
    index.write_text(the_page())
    run = subprocess.run(
        [NODE or "", "check.mjs", str(index)],
        cwd=CHECK, capture_output=True, text=True, timeout=300,
        env={**os.environ, "CHROMIUM": CHROMIUM or ""},
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "accessibility, mobile: 1\n" in run.stdout and "0 violations" in run.stdout
