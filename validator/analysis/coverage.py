"""Which figures a source's text holds, and which claim covers each.

A mention is a number in the text (digits, or a number word such as "five") with the currency,
scale and unit written around it. It is covered by a claim of that source whose quote contains it
and whose `as_written` (or an equivalent's) holds its number; or set aside by the source record.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from validator.values.figures import SMALL_WORDS, TENS_WORDS
from validator.values.text import find_passage
from validator.workspace.project import stem

if TYPE_CHECKING:  # the models pull in pydantic; `factcheck rules` and `explain` need none of it
    from validator.analysis.summary import Across
    from validator.model.plain import Claim, Source

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


@dataclass(frozen=True)
class Unloaded:
    """What a claim says of its figure, as coverage reads it: from the Summary of a claim that
    loads, or read leniently from a claim file that does not (a YAML error, a misspelt field),
    so that its own figure is not reported uncovered as well: the file's own findings say what
    to fix. `source` is "" when it cannot be read; such a claim accounts only for figures in
    the passage its quote stands in."""

    id: str
    source: str
    quote: str
    written: tuple[str, ...]  # its as_written and its equivalents'
    implied: bool = False


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


def cover(source: Source, text: str, claims: Iterable[Claim | Unloaded]) -> list[Covered]:
    """Every mention in `text` with the claim that covers it, or its set-aside reason."""
    spans: list[tuple[int, int, Claim | Unloaded]] = []
    adrift: list[Claim | Unloaded] = []  # claims whose quote is not in the text: FC701's
    for claim in claims:
        unknown = isinstance(claim, Unloaded) and not claim.source
        if (claim.source == source.id or unknown) and not claim.implied:
            span = find_passage(text, claim.quote) if claim.quote else None
            if span is not None:
                spans.append((*span, claim))
            elif not unknown:
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


def _states(claim: Claim | Unloaded, number: str) -> bool:
    if isinstance(claim, Unloaded):
        written = list(claim.written)
    else:
        written = [claim.as_written, *(e.as_written for e in claim.equivalents)]
    token = _token(number)
    return any(token.search(w) for w in written)


@lru_cache(maxsize=4096)
def _token(number: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w.,])" + re.escape(number) + r"(?![\w])", re.IGNORECASE)


def covering_claims(across: Across) -> list[Unloaded]:
    """Every claim of the repository that can account for a figure: the claims being checked,
    the others (read when a snapshot needs them, so that checking a source alone does not find
    its figures uncovered), and, read leniently, each claim file that does not load."""
    found = [s.covering() for s in across.claims]
    checked = {os.path.abspath(s.path) for s in across.claims}
    for path in across.project.files("claim"):
        if os.path.abspath(path) in checked:
            continue
        unchecked = path in across.index["claim"].get(stem(path), ())
        summary = across.claim(stem(path)) if unchecked else None
        if summary is not None and os.path.abspath(summary.path) == os.path.abspath(path):
            found.append(summary.covering())
        elif (lenient := read_unloaded(path, across.project.root)) is not None:
            found.append(lenient)
    return found


_LINE = re.compile(
    r"^(?P<indent>[ \t-]*)(?P<key>source|quote|as_written):[ \t]*(?P<value>.*)$", re.M
)


def read_unloaded(path: str, root: Path) -> Unloaded | None:
    """What a claim file that does not load says of its figure: from its YAML when that parses,
    else from its `source:`, `quote:` and `as_written:` lines; None when it cannot be read."""
    from validator.load.decode import decode
    from validator.load.document import Refused
    from validator.load.read import read
    from validator.load.yaml12 import parse

    try:
        text = decode(read(path, root))
    except Refused:
        return None
    data: dict[str, Any] | None
    try:
        data = parse(text, str(path))[0].data
    except Refused:
        data = None
    if isinstance(data, dict):
        equivalents = data.get("equivalents")
        written = [data.get("as_written")]
        if isinstance(equivalents, list):
            written += [e.get("as_written") for e in equivalents if isinstance(e, dict)]
        return Unloaded(
            stem(path),
            _text(data.get("source")),
            _text(data.get("quote")),
            tuple(w for w in written if isinstance(w, str) and w),
            data.get("implied") is True,
        )
    fields: dict[str, str] = {}
    lines: list[str] = []
    for match in _LINE.finditer(text):
        value = _scalar(match["value"])
        if match["key"] == "as_written":
            lines.append(value)
        elif not match["indent"]:
            fields.setdefault(match["key"], value)
    return Unloaded(
        stem(path), fields.get("source", ""), fields.get("quote", ""), tuple(w for w in lines if w)
    )


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _scalar(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        import json  # a quoted scalar of a file that did not load: rare

        try:
            value = json.loads(raw)
        except ValueError:
            return raw[1:-1]
        return value if isinstance(value, str) else raw
    if len(raw) >= 2 and raw[0] == raw[-1] == "'":
        return raw[1:-1].replace("''", "'")
    return raw.split(" #", 1)[0].strip()
