"""FC0xx: the file itself and its YAML. Reported by the loader (validator/loader.py)."""

from validator.rules import Rule

RULES = (
    Rule(
        "FC001",
        "yaml-syntax",
        "The file is not valid YAML.",
        "The YAML parser stopped at this line and column. Common causes: a tab used for "
        "indentation, a value containing ': ' that is not quoted, an unclosed quote or bracket.",
    ),
    Rule(
        "FC002",
        "duplicate-key",
        "A mapping has the same key twice.",
        "YAML parsers silently keep the last of two duplicate keys, so one of the two values is "
        "lost without a word. The finding points at the second key and names the first one's line.",
    ),
    Rule(
        "FC003",
        "yaml-tag",
        "A YAML tag such as !!python/object is used.",
        "Tags ask a loader to build objects; in the wrong loader that runs code. Records hold only "
        "plain strings, numbers, booleans, lists and mappings, so every tag is refused and nothing "
        "is built from it.",
    ),
    Rule(
        "FC004",
        "yaml-anchor",
        "A YAML anchor (&name) or alias (*name) is used.",
        "Aliases let a few lines expand to billions of nodes (the 'billion laughs' attack) and "
        "make a record say in one place what it means in another. Write values out in full.",
    ),
    Rule(
        "FC005",
        "file-too-large",
        "The file is over 1 MiB.",
        "A record is a few kilobytes. A file over 1 MiB (1,048,576 bytes) is not read at all, "
        "which keeps every run fast and bounded in memory.",
    ),
    Rule(
        "FC006",
        "nesting-too-deep",
        "Mappings and lists nest deeper than 16 levels.",
        "The records nest a few levels at most; deeper nesting is a mistake or an attack on the "
        "parser, and is refused as soon as level 17 opens.",
    ),
    Rule(
        "FC007",
        "encoding",
        "The file is not UTF-8 text (another encoding, a NUL byte, a forbidden control character).",
        "Records are UTF-8 text. A UTF-8 byte order mark and CRLF line endings are fine; UTF-16, "
        "Latin-1 bytes, NUL bytes and control characters are not. The position of the first bad "
        "byte is reported.",
    ),
    Rule(
        "FC008",
        "empty-file",
        "The file holds no YAML document.",
        "An empty file, or one with only comments, is not a record. Write the record or delete "
        "the file.",
    ),
    Rule(
        "FC009",
        "multiple-documents",
        "The file holds more than one YAML document (a second '---').",
        "One record per file, named by its id, keeps references and diffs simple.",
    ),
    Rule(
        "FC010",
        "top-level-not-mapping",
        "The file's top level is a list or a scalar, not a mapping.",
        "A record is a mapping of field names to values.",
    ),
    Rule(
        "FC011",
        "number-out-of-range",
        "A number is not finite, has over 40 characters, or an exponent beyond ±40.",
        ".inf and .nan are not figures; a number with hundreds of digits costs time to read and is "
        "never a real figure. Quote such a value if it is meant as text.",
    ),
    Rule(
        "FC012",
        "unreadable-file",
        "The path is not a readable regular file inside the repository.",
        "A directory, a broken symbolic link, a link that leads outside the repository, a device "
        "or pipe, or a file without read permission. Links outside the repository are refused so "
        "that a pull request cannot make the validator read files elsewhere on the machine.",
        waivable=False,
    ),
    Rule(
        "FC013",
        "hidden-characters",
        "An invisible character: a zero-width space or joiner, a bidirectional control.",
        "Format characters (Unicode category Cf) change what a string is without changing what "
        "it looks like: a quote with a zero-width space in it is not the sentence a reader sees, "
        "and bidirectional controls can make text display in another order than it is stored "
        "(the 'Trojan Source' attack). Each is reported where it stands, comments included.",
    ),
)
