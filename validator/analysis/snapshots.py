"""Source snapshots: plain-text copies of sources, named <source id>.txt, and quotes in them.

Snapshots of third-party articles are not committed; a folder of them is named by --snapshots,
FACTCHECK_SNAPSHOTS or [tool.factcheck] snapshots. Quotes are compared after folding curly
quotes, dashes and non-breaking spaces and collapsing white space (validator/values/text.py).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from validator.values.text import fold

MAX_SNAPSHOT_BYTES = 2 << 20  # an article is 50 KB; a long report as text, under 2 MiB


@dataclass(frozen=True)
class Snapshot:
    path: Path
    text: str
    sha256: str


def read_snapshot(folder: Path | None, source_id: str) -> Snapshot | None:
    """The text of `folder`/<source id>.txt, or None when there is none to read."""
    if folder is None:
        return None
    path = folder / f"{source_id}.txt"
    try:
        if not path.is_file() or path.stat().st_size > MAX_SNAPSHOT_BYTES:
            return None
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return Snapshot(path, text, hashlib.sha256(raw).hexdigest())


@dataclass(frozen=True)
class Closest:
    passage: str
    line: int
    differences: list[str]
    score: float


# Where a sentence ends: . ? or ! (and any closing quote or bracket) before white space and a
# capital, a digit or an opening quote, but not after a lone letter ("the U.K. and", "J. Smith");
# or a blank line, which ends a headline or a paragraph without a stop.
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Za-z])[.?!][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u00a3$\u20ac])"
    r"|\n[ \t]*\n\s*"
)
_EDGE_PUNCTUATION = ".,;:!?\"'()[]"


def closest(text: str, quote: str) -> Closest:
    """The sentence of `text` nearest to `quote` (as many sentences as the quote holds), the
    line it starts on, and the words in which the quote differs from it."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    folded_text, folded_quote = fold(text), " ".join(fold(quote).split())
    alignment = fuzz.partial_ratio_alignment(folded_quote, folded_text)
    if alignment is None:  # nothing to align: a quote of white space, or an empty text
        return Closest("", 1, [], 0.0)
    begin, finish = _sentences(
        folded_text, alignment.dest_start, alignment.dest_end, _count_sentences(folded_quote)
    )
    passage = " ".join(text[begin:finish].split())
    ours, theirs = folded_quote.split(), folded_text[begin:finish].split()
    ops = [op for op in Levenshtein.opcodes(_keys(ours), _keys(theirs)) if op.tag != "equal"]
    # A quote may be part of a sentence: the words of the sentence before and after it are not
    # differences.
    if ops and ops[0].tag == "insert" and ops[0].src_start == 0:
        ops = ops[1:]
    if ops and ops[-1].tag == "insert" and ops[-1].src_start == len(ours):
        ops = ops[:-1]
    differences = []
    for op in ops:
        mine = " ".join(ours[op.src_start : op.src_end])
        source = " ".join(theirs[op.dest_start : op.dest_end])
        if mine and source:
            differences.append(f"'{mine}' where the source has '{source}'")
        elif mine:
            differences.append(f"'{mine}' is not in the source")
        else:
            differences.append(f"the source has '{source}' here")
    line = text.count("\n", 0, begin) + 1
    return Closest(passage, line, _merge(differences), alignment.score)


def _keys(words: list[str]) -> list[str]:
    # Words compared without the punctuation at their edges: "year" in a quote that stops
    # there is the source's "year,".
    # "year,"; and a capital that starts the quote is the source's lower-case word.
    return [(w.strip(_EDGE_PUNCTUATION) or w).lower() for w in words]


def _count_sentences(quote: str) -> int:
    return 1 + sum(1 for m in _SENTENCE_END.finditer(quote) if m.end() < len(quote))


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence that holds text[start:end] begins and ends (for a draft's quote)."""
    return _sentences(fold(text), start, end, 1)


def _sentences(text: str, start: int, end: int, count: int) -> tuple[int, int]:
    """The `count` consecutive sentences of `text` that overlap text[start:end] the most,
    without the white space around them."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() >= begin:
            spans.append((begin, match.start() + 1 + len(match.group().rstrip()) - 1))
            begin = match.end()
    spans.append((begin, len(text)))
    spans = [(b, e) for b, e in spans if text[b:e].strip()]
    if not spans:
        return 0, len(text)
    touching = [i for i, (b, e) in enumerate(spans) if b < end and e > start] or [0]
    best, best_overlap = touching[0], -1
    for first in touching:
        last = min(first + count, len(spans)) - 1
        overlap = min(end, spans[last][1]) - max(start, spans[first][0])
        if overlap > best_overlap:
            best, best_overlap = first, overlap
    last = min(best + count, len(spans)) - 1
    begin, finish = spans[best][0], spans[last][1]
    while begin < finish and text[begin].isspace():
        begin += 1
    while finish > begin and text[finish - 1].isspace():
        finish -= 1
    return begin, finish


def _merge(differences: list[str]) -> list[str]:
    # A replaced word comes out of Indel as a deletion next to an insertion: say it as one.
    merged: list[str] = []
    for item in differences:
        previous = merged[-1] if merged else ""
        pair = {_kind(previous), _kind(item)}
        if pair == {"missing", "extra"}:
            merged.pop()
            mine = next(x for x in (previous, item) if _kind(x) == "extra")
            source = next(x for x in (previous, item) if _kind(x) == "missing")
            item = (
                mine.removesuffix(" is not in the source")
                + " where the source has "
                + source.removeprefix("the source has ").removesuffix(" here")
            )
        merged.append(item)
    return merged


def _kind(difference: str) -> str:
    if difference.endswith(" is not in the source"):
        return "extra"
    return "missing" if difference.startswith("the source has ") else "other"
