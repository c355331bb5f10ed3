"""Source snapshots: plain-text copies of sources, named <source id>.txt, and quotes in them.

Snapshots of third-party articles are not committed; a folder of them is named by --snapshots,
FACTCHECK_SNAPSHOTS or [tool.factcheck] snapshots. Quotes are compared after folding curly
quotes, dashes and non-breaking spaces and collapsing white space (validator/values/text.py).
"""

from __future__ import annotations

import hashlib
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


def closest(text: str, quote: str) -> Closest:
    """The passage of `text` nearest to `quote`, and the words in which they differ."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Indel

    folded_text, folded_quote = fold(text), " ".join(fold(quote).split())
    alignment = fuzz.partial_ratio_alignment(folded_quote, folded_text)
    if alignment is None:  # nothing to align: a quote of white space, or an empty text
        return Closest("", 1, [], 0.0)
    start, end = _widen_to_words(folded_text, alignment.dest_start, alignment.dest_end)
    passage = " ".join(text[slice(*_sentence(text, start, end))].split())
    ours, theirs = folded_quote.split(), " ".join(folded_text[start:end].split()).split()
    differences = []
    for op in Indel.opcodes(ours, theirs):
        if op.tag == "equal":
            continue
        mine = " ".join(ours[op.src_start : op.src_end])
        source = " ".join(theirs[op.dest_start : op.dest_end])
        if mine and source:
            differences.append(f"'{mine}' where the source has '{source}'")
        elif mine:
            differences.append(f"'{mine}' is not in the source")
        else:
            differences.append(f"the source has '{source}' here")
    line = text.count("\n", 0, start) + 1
    return Closest(passage, line, _merge(differences), alignment.score)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) around text[start:end], for a reader to copy from."""
    stops = [text.rfind(mark, 0, start) for mark in (". ", "? ", "! ", "\n")]
    begin = max(stops) + 1
    while begin < start and text[begin].isspace():
        begin += 1
    ends = [i for mark in (". ", "? ", "! ", "\n") if (i := text.find(mark, end - 1)) >= 0]
    finish = min(ends) + 1 if ends else len(text)
    return begin, max(finish, end)


def _widen_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


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
