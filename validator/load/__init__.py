"""The load stage: a record file's bytes -> a Document, or findings at their line and column.

read (bounded, no links out, no pipes) -> decode (UTF-8) -> yaml12 (strict YAML 1.2 events)
-> hidden (invisible characters). Every problem is a Finding; nothing here raises for input.
"""

from __future__ import annotations

from pathlib import Path

from validator.load.decode import decode
from validator.load.document import Document, Loc, Refused
from validator.load.hidden import hidden
from validator.load.read import MAX_BYTES, read
from validator.load.yaml12 import MAX_DEPTH, parse
from validator.values.findings import Finding

__all__ = ["MAX_BYTES", "MAX_DEPTH", "Document", "Loc", "load"]


def load(
    path: str | Path, display: str, root: Path | None = None
) -> tuple[Document | None, list[Finding]]:
    """Read and parse one file. Never raises for bad input: every problem is a Finding."""
    try:
        text = decode(read(path, root))
        doc, problems = parse(text, display)
    except Refused as refused:
        return None, [refused.finding_in(display)]
    # A duplicate key or an invisible character does not stop the record from being read: its
    # other problems are found in the same run (the last of two duplicate keys is the one read).
    return doc, problems + hidden(text, display)
