"""FC701, FC702: a quote stands in its source's snapshot, and the figure stands in the quote."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.values.findings import Example, Finding, Rule
from validator.values.text import find_passage, fold
from validator.workspace.project import display

if TYPE_CHECKING:
    from validator.analysis import Analysis
    from validator.load.document import Loc

SNAPSHOT = (
    "Warrant data led to the recovery of £4.8 million ($5.9 million), all between October and "
    "December last year, the NCA said.\n"
)

QUOTE_NOT_IN_SOURCE = Rule(
    "FC701",
    "quote-not-in-source",
    "A quote does not appear in its source's snapshot.",
    "Quotes are verbatim. They are compared with the snapshot (<snapshots>/<source id>.txt) "
    "after folding curly and straight quotes, dashes and non-breaking spaces and collapsing "
    "white space. When a quote is not there, the finding points at the line where the closest "
    "sentence starts (found with rapidfuzz), offers that one sentence to copy (as many as the "
    "quote holds), and names the words in which the two differ; the words of the sentence "
    "before or after a quote that is part of it are not differences.",
    Example(
        "claims/money-recovered.yaml:4:8: FC701 quote is not in the snapshot of 'the-"
        "article'; the closest passage (snapshots/the-article.txt:1) differs: 'September' "
        "where the source has 'October'; copy the sentence as the source has it: \"Warrant "
        "data led to the recovery of £4.8 million ($5.9 million), all between October and "
        'December last year, the NCA said."',
        edits=(("between October", "between September"),),
        snapshot=SNAPSHOT,
    ),
)
AS_WRITTEN_IN_QUOTE = Rule(
    "FC702",
    "as-written-not-in-quote",
    "`as_written` (or an equivalent's) does not appear in the quote.",
    "The quote is the sentence that carries the figure, so the figure as written stands in "
    "it. A figure the source only implies (a total of parts it lists) sets `implied: true`.",
    Example(
        "claims/money-recovered.yaml:9:17: FC702 as_written '$5.90 million' is not in the "
        "quote; as_written is the figure exactly as the quoted sentence prints it; for a "
        "figure the source only implies, set implied: true",
        edits=(('"$5.9 million"', '"$5.90 million"'),),
    ),
)
RULES = (QUOTE_NOT_IN_SOURCE, AS_WRITTEN_IN_QUOTE)


def quotes(analysis: Analysis) -> Iterator[Finding]:
    from validator.analysis.snapshots import closest

    for record in analysis.dataset.claims:
        claim = record.model
        shot = analysis.snapshot(claim.source)
        if shot is None or find_passage(shot.text, claim.quote) is not None:
            continue
        near = closest(shot.text, claim.quote)
        differs = "; ".join(near.differences[:4]) or "white space or punctuation"
        yield record.finding(
            QUOTE_NOT_IN_SOURCE,
            ("quote",),
            f"quote is not in the snapshot of '{claim.source}'; the closest passage "
            f"({display(shot.path)}:{near.line}) differs: {differs}",
            f'copy the sentence as the source has it: "{near.passage}"',
        )


def _plain(text: str) -> str:
    return " ".join(fold(text).split())


def as_written_in_quote(analysis: Analysis) -> Iterator[Finding]:
    for record in analysis.dataset.claims:
        claim = record.model
        if claim.implied:
            continue  # an implied figure is by definition not printed
        quote = _plain(claim.quote)
        places: list[tuple[Loc, str]] = [((), claim.as_written)]
        places += [(("equivalents", i), e.as_written) for i, e in enumerate(claim.equivalents)]
        for loc, written in places:
            if _plain(written) not in quote:
                yield record.finding(
                    AS_WRITTEN_IN_QUOTE,
                    (*loc, "as_written"),
                    f"as_written '{written}' is not in the quote",
                    "as_written is the figure exactly as the quoted sentence prints it; "
                    "for a figure the source only implies, set implied: true",
                )


CHECKS = ((QUOTE_NOT_IN_SOURCE, quotes), (AS_WRITTEN_IN_QUOTE, as_written_in_quote))
