"""Which figures a source's text holds, and which claim covers each.

A mention is a number in the text (digits, or a number word such as "five") with the currency,
scale and unit written around it. It is covered by a claim of that source whose quote contains it
and whose `as_written` (or an equivalent's) holds its number; or set aside by the source record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from validator.values.figures import SMALL_WORDS, TENS_WORDS
from validator.values.text import find_passage

if TYPE_CHECKING:  # the models pull in pydantic; `factcheck rules` and `explain` need none of it
    from validator.model.records import Claim, Source

_WORDS = "|".join(
    sorted(
        [*SMALL_WORDS.split(), *TENS_WORDS.split(), "dozen", "hundred", "thousand"],
        key=len,
        reverse=True,
    )
)
_MENTION = re.compile(
    r"(?:US\$|£|\$|€)?"
    r"(?P<number>(?<![\w.,])[0-9][0-9,]*(?:\.[0-9]+)?(?![\w])|\b(?:" + _WORDS + r")\b)"
    r"(?:\s*(?:thousand|million|billion|trillion|bn|mn|m|k)\b)?"
    r"(?:\s*(?:%|per\s+cent|percent\b|tonnes?\b|kg\b|years?\b|months?\b))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    number: str
    line: int
    column: int


@dataclass(frozen=True)
class Covered:
    mention: Mention
    claim: str | None = None  # the covering claim's id
    set_aside: str | None = None  # the reason, when set aside

    @property
    def ok(self) -> bool:
        return self.claim is not None or self.set_aside is not None


MAX_MENTIONS = 10_000  # figures read from one snapshot; a text of nothing but numbers stops here


def mentions(text: str) -> list[Mention]:
    """The figures in `text`, at most MAX_MENTIONS, each with its line and column. Lines are
    counted on from the previous figure, not from the start, so a long text costs its length."""
    found = []
    line, line_start, counted = 1, 0, 0
    for match in _MENTION.finditer(text):
        start = match.start()
        breaks = text.count("\n", counted, start)
        if breaks:
            line += breaks
            line_start = text.rfind("\n", counted, start) + 1
        counted = start
        found.append(
            Mention(
                start,
                match.end(),
                match.group().strip(),
                match["number"],
                line,
                start - line_start + 1,
            )
        )
        if len(found) == MAX_MENTIONS:
            break
    return found


def cover(source: Source, text: str, claims: Iterable[Claim]) -> list[Covered]:
    """Every mention in `text` with the claim that covers it, or its set-aside reason."""
    spans: list[tuple[int, int, Claim]] = []
    adrift: list[Claim] = []  # claims whose quote is not in the text: FC701 reports them
    for claim in claims:
        if claim.source == source.id and not claim.implied:
            span = find_passage(text, claim.quote)
            if span is not None:
                spans.append((*span, claim))
            else:
                adrift.append(claim)
    aside = [
        (*span, item.reason) for item in source.set_aside if (span := find_passage(text, item.text))
    ]
    result = []
    for mention in mentions(text):
        covering = next(
            (c.id for s, e, c in spans if s <= mention.start < e and _states(c, mention.number)),
            # A claim whose quote went astray still accounts for its own figure, so that one
            # wrong word in a quote is one finding, not one for each figure in the sentence.
            next((c.id for c in adrift if _states(c, mention.number)), None),
        )
        reason = next((r for s, e, r in aside if s <= mention.start < e), None)
        result.append(Covered(mention, covering, None if covering else reason))
    return result


def _states(claim: Claim, number: str) -> bool:
    written = [claim.as_written, *(e.as_written for e in claim.equivalents)]
    token = _token(number)
    return any(token.search(w) for w in written)


@lru_cache(maxsize=4096)
def _token(number: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w.,])" + re.escape(number) + r"(?![\w])", re.IGNORECASE)
