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


# Characters an output must never pass through as they are: controls (a newline forges a
# finding's line, ESC drives the terminal), line and paragraph separators, and format
# characters (bidirectional overrides reorder what a reader sees). Spaces of every kind stay.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def visible(text: str) -> str:
    """`text` on one line with nothing hidden: each such character written as an escape,
    \\n, \\x1b, \\u202e, so that what an input holds is shown, never obeyed."""
    if text.isprintable():
        return text
    import unicodedata

    out = []
    for char in text:
        if char == " " or unicodedata.category(char) not in _HIDDEN_CATEGORIES:
            out.append(char)
        elif char in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char])
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)


# Enough to make any text inert in a Markdown table cell: with [ and ] escaped no link or
# image opens, with < no HTML tag, with | no cell ends; *, _, ~ and ` start no emphasis or code.
_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~"} | {"&": "&amp;"})


def markdown_text(text: str) -> str:
    """Text for a Markdown table cell or paragraph: one line, and no character that Markdown
    or the HTML it allows would read as markup (no image, link, tag or cell break)."""
    return visible(text).translate(_MARKDOWN)
