"""FC401, FC402: a period runs forwards and ends by the time its source was published."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from validator.values.findings import Example, Finding, Rule

if TYPE_CHECKING:
    from validator.analysis import Analysis
    from validator.load.document import Loc

PERIOD_ORDER = Rule(
    "FC401",
    "period-order",
    "A period ends before it starts.",
    "period.start and period.end are inclusive dates, start first.",
    Example(
        "claims/money-recovered.yaml:16:8: FC401 period ends on 2023-09-30 before it starts on "
        "2023-10-01; swap start and end, or correct the dates",
        edits=(("end: 2023-12-31", "end: 2023-09-30"),),
    ),
)
AFTER_PUBLICATION = Rule(
    "FC402",
    "period-after-publication",
    "A period ends, or an as-of date falls, after the source was published.",
    "A figure cannot cover days after the source that states it was published. The usual "
    "cause is a wrong year: 'between January and March this year' in an article of April "
    "2024 is 2024-01-01 to 2024-03-31.",
    Example(
        "claims/money-recovered.yaml:16:8: FC402 period ends 2024-12-31, after its source "
        "'the-article' was published on 2024-04-22; a source cannot report on days after its "
        "publication; check the year",
        edits=(("end: 2023-12-31", "end: 2024-12-31"),),
    ),
)
RULES = (PERIOD_ORDER, AFTER_PUBLICATION)


def period_order(analysis: Analysis) -> Iterator[Finding]:
    for record in analysis.dataset.claims:
        period = record.model.period
        if period is not None and period.end < period.start:
            yield record.finding(
                PERIOD_ORDER,
                ("period", "end"),
                f"period ends on {period.end} before it starts on {period.start}",
                "swap start and end, or correct the dates",
            )


def before_publication(analysis: Analysis) -> Iterator[Finding]:
    for record in analysis.dataset.claims:
        claim = record.model
        source = analysis.dataset.source(claim.source)
        if source is None:
            continue  # FC203 reports a missing source
        published = source.model.published
        dates: list[tuple[Loc, str, date]] = []
        if claim.period is not None:
            dates.append((("period", "end"), "period ends", claim.period.end))
        if claim.as_of is not None:
            dates.append((("as_of",), "as_of is", claim.as_of))
        for loc, what, day in dates:
            if day > published:
                yield record.finding(
                    AFTER_PUBLICATION,
                    loc,
                    f"{what} {day}, after its source '{source.model.id}' was published "
                    f"on {published}",
                    "a source cannot report on days after its publication; check the year",
                )


CHECKS = ((PERIOD_ORDER, period_order), (AFTER_PUBLICATION, before_publication))
