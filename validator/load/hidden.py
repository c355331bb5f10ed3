"""Invisible characters in a record's text (FC013)."""

from __future__ import annotations

import re
import unicodedata

from validator.load.document import position
from validator.values.findings import Example, Finding, Rule

HIDDEN_CHARACTERS = Rule(
    "FC013",
    "hidden-characters",
    "An invisible character: a zero-width space or joiner, a bidirectional control.",
    "Format characters (Unicode category Cf) change what a string is without changing what "
    "it looks like: a quote with a zero-width space in it is not the sentence a reader sees, "
    "and bidirectional controls can make text display in another order than it is stored "
    "(the 'Trojan Source' attack). Each is reported where it stands, comments included.",
    Example(
        "claims/money-recovered.yaml:5:18: FC013 invisible character U+200B (zero width "
        "space); delete it: what a reader sees must be what the file says",
        edits=(('as_written: "£4.8', 'as_written: "£4.8\u200b'),),
    ),
)
RULES = (HIDDEN_CHARACTERS,)

# Invisible format characters (Unicode category Cf): zero-width spaces and joiners, bidirectional
# controls ("Trojan Source"), soft hyphens, a BOM in mid-text. A quote or id holding one differs
# from what a reader sees, so every one is a finding at its place.
HIDDEN = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
MAX_HIDDEN_FINDINGS = 20


def hidden(text: str, path: str) -> list[Finding]:
    found = []
    for match in HIDDEN.finditer(text):
        char = match.group()
        name = unicodedata.name(char, "format character").lower()
        found.append(
            HIDDEN_CHARACTERS.at(
                path,
                *position(text, match.start()),
                f"invisible character U+{ord(char):04X} ({name})",
                "delete it: what a reader sees must be what the file says",
            )
        )
        if len(found) == MAX_HIDDEN_FINDINGS:
            break
    return found
