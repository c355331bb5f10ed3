"""FC401, FC402: a period runs forwards and ends by the time its source was published."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.findings import Finding
from validator.rules import Rule

if TYPE_CHECKING:
    from validator.dataset import Dataset


def period_order(dataset: Dataset) -> Iterator[Finding]:
    for record in dataset.claims():
        period = record.model.period  # type: ignore[union-attr]
        if period is not None and period.end < period.start:
            yield record.finding(
                "FC401",
                ("period", "end"),
                f"period ends on {period.end} before it starts on {period.start}",
                "swap start and end, or correct the dates",
            )


def before_publication(dataset: Dataset) -> Iterator[Finding]:
    for record in dataset.claims():
        claim = record.model
        source = dataset.lookup("source", claim.source)  # type: ignore[union-attr]
        if source is None:
            continue  # FC203 reports a missing source
        published = source.model.published  # type: ignore[union-attr]
        dates = []
        if claim.period is not None:  # type: ignore[union-attr]
            dates.append((("period", "end"), "period ends", claim.period.end))  # type: ignore[union-attr]
        if claim.as_of is not None:  # type: ignore[union-attr]
            dates.append((("as_of",), "as_of is", claim.as_of))  # type: ignore[union-attr]
        for loc, what, day in dates:
            if day > published:
                yield record.finding(
                    "FC402",
                    loc,
                    f"{what} {day}, after its source '{source.model.id}' was published "
                    f"on {published}",
                    "a source cannot report on days after its publication; check the year",
                )


RULES = (
    Rule(
        "FC401",
        "period-order",
        "A period ends before it starts.",
        "period.start and period.end are inclusive dates, start first.",
        check=period_order,
    ),
    Rule(
        "FC402",
        "period-after-publication",
        "A period ends, or an as-of date falls, after the source was published.",
        "A figure cannot cover days after the source that states it was published. The usual "
        "cause is a wrong year: 'between January and March this year' in an article of April "
        "2024 is 2024-01-01 to 2024-03-31.",
        check=before_publication,
    ),
)
