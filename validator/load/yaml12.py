"""Strict YAML: libyaml's event stream, YAML 1.2 core scalars, positions for every node.

Why events and not `yaml.load`: PyYAML resolves scalars with YAML 1.1 (`NO` -> False, `1_000` ->
1000), keeps the last of two duplicate keys, constructs tagged objects, expands aliases, and its C
composer recurses on the C stack (a 100k-deep `[[[...]]]` kills the process). Building the values
here from libyaml's events refuses all of that, bounds nesting, and costs less than `yaml.load`.
Each rule this module reports (FC001-FC004, FC006, FC008-FC011) is declared beside its check.
"""

from __future__ import annotations

import re
from decimal import Decimal
from sys import intern
from typing import Any

import yaml
from yaml import events as ev

from validator.load.decode import ENCODING
from validator.load.document import Document, Refused, position
from validator.load.hidden import HIDDEN, HIDDEN_CHARACTERS
from validator.values.findings import Example, Finding, Rule

try:  # libyaml, the C parser; the pure-Python one is a slow but correct fallback
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml
    from yaml import Loader as _Parser  # type: ignore[assignment]

MAX_DEPTH = 16  # the models nest four deep; sixteen leaves room and stops runaway nesting at once
MAX_NUMBER_CHARS = 40
MAX_EXPONENT = 40  # |adjusted exponent| of a Decimal: no real figure is 1e41 or 1e-41
_FLATTEN = "a record nests a few levels at most; flatten it"

SYNTAX = Rule(
    "FC001",
    "yaml-syntax",
    "The file is not valid YAML.",
    "The YAML parser stopped at this line and column. Common causes: a tab used for "
    "indentation, a value containing ': ' that is not quoted, an unclosed quote or bracket.",
    Example(
        "claims/money-recovered.yaml:13:15: FC001 YAML syntax: mapping values are not allowed"
        " in this context; quote a value that contains ': '",
        edits=(("measure: money recovered", "measure: money: recovered"),),
    ),
)
DUPLICATE_KEY = Rule(
    "FC002",
    "duplicate-key",
    "A mapping has the same key twice.",
    "YAML parsers silently keep the last of two duplicate keys, so one of the two values is "
    "lost without a word. The finding points at the second key and names the first one's line.",
    Example(
        "claims/money-recovered.yaml:7:1: FC002 duplicate key 'value' (first at line 6); "
        "keep one of the two entries",
        edits=(("unit: GBP", "value: 4900000\nunit: GBP"),),
    ),
)
TAG = Rule(
    "FC003",
    "yaml-tag",
    "A YAML tag such as !!python/object is used.",
    "Tags ask a loader to build objects; in the wrong loader that runs code. Records hold only "
    "plain strings, numbers, booleans, lists and mappings, so every tag is refused and nothing "
    "is built from it.",
    Example(
        "claims/money-recovered.yaml:6:8: FC003 tag 'tag:yaml.org,2002:float' is not allowed; "
        "remove the tag; values are plain strings, numbers, lists and mappings",
        edits=(("value: 4800000", "value: !!float 4800000"),),
    ),
)
ANCHOR = Rule(
    "FC004",
    "yaml-anchor",
    "A YAML anchor (&name) or alias (*name) is used.",
    "Aliases let a few lines expand to billions of nodes (the 'billion laughs' attack) and "
    "make a record say in one place what it means in another. Write values out in full.",
    Example(
        "claims/money-recovered.yaml:13:10: FC004 anchor '&m' is not allowed; write the value "
        "out in full; anchors and aliases are refused",
        edits=(("measure: money recovered", "measure: &m money recovered"),),
    ),
)
NESTING = Rule(
    "FC006",
    "nesting-too-deep",
    f"Mappings and lists nest deeper than {MAX_DEPTH} levels.",
    "The records nest a few levels at most; deeper nesting is a mistake or an attack on the "
    f"parser, and is refused as soon as level {MAX_DEPTH + 1} opens.",
    Example(
        f"claims/money-recovered.yaml:24:{7 + MAX_DEPTH - 1}: FC006 nesting deeper than "
        f"{MAX_DEPTH} levels; {_FLATTEN}",
        edits=(("tags: [money]", "tags: " + "[" * 16 + "]" * 16),),
    ),
)
EMPTY = Rule(
    "FC008",
    "empty-file",
    "The file holds no YAML document.",
    "An empty file, or one with only comments, is not a record. Write the record or delete "
    "the file.",
    Example(
        "claims/empty.yaml:1:1: FC008 file is empty; write a record, or delete the file",
        files={"claims/empty.yaml": "# nothing yet\n"},
    ),
)
MULTIPLE_DOCUMENTS = Rule(
    "FC009",
    "multiple-documents",
    "The file holds more than one YAML document (a second '---').",
    "One record per file, named by its id, keeps references and diffs simple.",
    Example(
        "claims/two.yaml:2:1: FC009 file holds more than one YAML document; one record per "
        "file: move this document to a file of its own",
        files={"claims/two.yaml": "id: two\n---\nid: three\n"},
    ),
)
NOT_MAPPING = Rule(
    "FC010",
    "top-level-not-mapping",
    "The file's top level is a list or a scalar, not a mapping.",
    "A record is a mapping of field names to values.",
    Example(
        "claims/list.yaml:1:1: FC010 top level is a list, not a mapping; a record is a mapping "
        "of field names to values",
        files={"claims/list.yaml": "- id: list\n"},
    ),
)
NUMBER_RANGE = Rule(
    "FC011",
    "number-out-of-range",
    f"A number is not finite, has over {MAX_NUMBER_CHARS} characters, or an exponent beyond "
    f"±{MAX_EXPONENT}.",
    ".inf and .nan are not figures; a number with hundreds of digits costs time to read and is "
    "never a real figure. Quote such a value if it is meant as text.",
    Example(
        "claims/money-recovered.yaml:6:8: FC011 .inf is not a finite number; a figure is a "
        "finite number; quote it if it is text",
        edits=(("value: 4800000", "value: .inf"),),
    ),
)
RULES = (
    SYNTAX,
    DUPLICATE_KEY,
    TAG,
    ANCHOR,
    NESTING,
    EMPTY,
    MULTIPLE_DOCUMENTS,
    NOT_MAPPING,
    NUMBER_RANGE,
)

# YAML 1.2 core schema, https://yaml.org/spec/1.2.2/#103-core-schema
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z|\.(?:nan|NaN|NAN)\Z")
_NUMBER_START = frozenset("0123456789+-.")


# YAML 1.1 (libyaml) reads NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as line breaks; YAML 1.2
# reads them as ordinary characters. libyaml is given private-use characters in their place,
# one for one so that every column stays, and the values get the real characters back.
_BREAKS_1_1 = "\u0085\u2028\u2029"
_STAND_INS = "\uf8f0\uf8f1\uf8f2"


def _stand_ins(text: str) -> dict[int, int]:
    if not any(c in text for c in _BREAKS_1_1):
        return {}
    taken = next((c for c in _STAND_INS if c in text), None)
    if taken is not None:
        at = position(text, text.index(taken))
        raise Refused(ENCODING, *at, f"U+{ord(taken):04X} is a private-use character", "remove it")
    return {ord(a): ord(b) for a, b in zip(_BREAKS_1_1, _STAND_INS, strict=True)}


def parse(text: str, display: str) -> tuple[Document, list[Finding]]:
    """The Document of one record's text, and the problems that do not stop loading (FC002);
    a problem that does is raised as Refused."""
    stand_ins = _stand_ins(text)
    parser = _Parser(text.translate(stand_ins) if stand_ins else text)
    try:
        return _compose(parser, text, display, {v: k for k, v in stand_ins.items()})
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or error.context or "invalid YAML"
        if "maximum nesting depth" in problem:  # libyaml's own bound, above ours in block style
            raise Refused(
                NESTING, line, column, f"nesting deeper than {MAX_DEPTH} levels", _FLATTEN
            ) from None
        hint = _syntax_hint(problem, _char_at(text, line, column))
        raise Refused(SYNTAX, line, column, f"YAML syntax: {problem}", hint) from None
    except yaml.YAMLError as error:  # ReaderError: a character YAML forbids
        # libyaml counts in bytes of UTF-8; the finding's column counts characters.
        at = len(text.encode("utf-8")[: getattr(error, "position", 0)].decode("utf-8", "ignore"))
        line, column = position(text, min(at, len(text)))
        character = getattr(error, "character", None)
        code = ord(character) if isinstance(character, str) else character
        what = f"U+{code:04X}" if isinstance(code, int) else "a character"
        raise Refused(
            ENCODING,
            line,
            column,
            f"{what} is a control character YAML does not allow",
            "remove it, or write it as an escape in a double-quoted string",
        ) from None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose:
            dispose()


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    row = lines[line - 1] if 0 < line <= len(lines) else ""
    return row[column - 1] if 0 < column <= len(row) else ""


def _syntax_hint(problem: str, char: str) -> str:
    if char == "\t" or "'\\t'" in problem:
        return "indent with spaces; YAML does not allow tabs there"
    if "mapping values are not allowed" in problem:
        return "quote a value that contains ': '"
    if "could not find expected ':'" in problem:
        return "each line in a mapping is 'key: value'; check the previous line"
    return "fix the YAML at this position"


def _refuse_anchor(anchor: str, line: int, column: int, alias: bool = False) -> Refused:
    sign = "*" if alias else "&"
    return Refused(
        ANCHOR,
        line,
        column,
        f"{'alias' if alias else 'anchor'} '{sign}{anchor}' is not allowed",
        "write the value out in full; anchors and aliases are refused",
    )


def _refuse_tag(tag: str, line: int, column: int) -> Refused:
    return Refused(
        TAG,
        line,
        column,
        f"tag '{tag}' is not allowed",
        "remove the tag; values are plain strings, numbers, lists and mappings",
    )


def _compose(
    parser: Any, text: str, display: str, restore: dict[int, int]
) -> tuple[Document, list[Finding]]:
    """Plain values and their positions from libyaml's events, which show every anchor, alias,
    tag and document start. One function with local state: this loop is most of a run's time,
    and attribute look-ups on a builder object cost a third of it."""
    problems: list[Finding] = []
    # Each open container: [container, its children's marks, pending key, key line, key column]
    stack: list[list[Any]] = []
    root: list[Any] = []
    root_mark = (1, 1)
    documents = 0
    escapes = "\\" in text  # an escape can hide a character only where one is written
    get_event = parser.get_event
    scalar_event, mapping_start = ev.ScalarEvent, ev.MappingStartEvent
    sequence_start, alias_event = ev.SequenceStartEvent, ev.AliasEvent
    ends = (ev.MappingEndEvent, ev.SequenceEndEvent)
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar_event or kind is mapping_start or kind is sequence_start:
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            if event.anchor is not None:
                raise _refuse_anchor(event.anchor, line, column)
            if event.tag is not None:
                raise _refuse_tag(event.tag, line, column)
            top = stack[-1] if stack else None
            children: Any = None
            if kind is scalar_event:
                value = event.value.translate(restore) if restore else event.value
                if escapes and event.style == '"':
                    _escaped_hidden(problems, display, text, value, line, column)
                plain = event.implicit[0]
                if top is None:
                    if plain and value == "":
                        continue  # a document with nothing in it ("---" alone): empty
                elif top[2] is None and type(top[0]) is dict:  # a key: always text
                    if not value:
                        raise Refused(SYNTAX, line, column, "a mapping key must be a plain name")
                    if value in top[0]:
                        problems.append(_duplicate(display, value, top[1][value], line, column))
                    # One string for each key name across all records: 10k files with the
                    # same thirty keys would otherwise hold 300k copies of them.
                    top[2], top[3], top[4] = intern(value), line, column
                    continue
                node = _scalar(value, line, column) if plain else value
            else:
                if len(stack) >= MAX_DEPTH:
                    raise Refused(
                        NESTING, line, column, f"nesting deeper than {MAX_DEPTH} levels", _FLATTEN
                    )
                node, children = ({}, {}) if kind is mapping_start else ([], [])
            if top is None:
                root.append((node, children))
                root_mark = (line, column)
            elif type(top[0]) is list:
                top[0].append(node)
                top[1].append((line, column, children))
            elif top[2] is None:  # a mapping or a list where a key should be
                raise Refused(SYNTAX, line, column, "a mapping key must be a plain name")
            else:
                key = top[2]
                top[0][key] = node
                top[1][key] = (top[3], top[4], line, column, children)
                top[2] = None
            if children is not None:
                stack.append([node, children, None, 0, 0])
        elif kind in ends:
            stack.pop()
        elif kind is alias_event:
            mark = event.start_mark
            raise _refuse_anchor(event.anchor, mark.line + 1, mark.column + 1, alias=True)
        elif kind is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                raise Refused(
                    MULTIPLE_DOCUMENTS,
                    mark.line + 1,
                    mark.column + 1,
                    "file holds more than one YAML document",
                    "one record per file: move this document to a file of its own",
                )
        elif kind is ev.StreamEndEvent:
            break
    return _document(display, root, root_mark), problems


def _duplicate(path: str, key: str, first: Any, line: int, column: int) -> Finding:
    return DUPLICATE_KEY.at(
        path,
        line,
        column,
        f"duplicate key '{key}' (first at line {first[0]})",
        "keep one of the two entries",
    )


def _document(path: str, root: list[Any], root_mark: tuple[int, int]) -> Document:
    if not root:
        raise Refused(EMPTY, 1, 1, "file is empty", "write a record, or delete the file")
    data, places = root[0]
    if not isinstance(data, dict):
        raise Refused(
            NOT_MAPPING,
            *root_mark,
            f"top level is a {_kind_name(data)}, not a mapping",
            "a record is a mapping of field names to values",
        )
    return Document(path, data, places, *root_mark)


def _escaped_hidden(
    problems: list[Finding], path: str, text: str, value: str, line: int, column: int
) -> None:
    """An invisible character written as an escape ("\\u202e") is as invisible in the value as
    one typed in: the raw text does not show it, so it is found here, at its string."""
    found = HIDDEN.search(value)
    if found is not None and found.group() not in text:  # one typed in is reported where it is
        char = found.group()
        problems.append(
            HIDDEN_CHARACTERS.at(
                path,
                line,
                column,
                f"this string's escapes make invisible character U+{ord(char):04X}",
                "delete the escape: what a reader sees must be what the file says",
            )
        )


def _kind_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):
        return "list"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | Decimal):
        return "number"
    return "string"


def _scalar(value: str, line: int, column: int) -> Any:
    """YAML 1.2 core resolution of a plain scalar; numbers keep their written digits."""
    if value in _NULL:
        return None
    first = value[0]
    if first in _NUMBER_START:
        if _INT.match(value):
            _check_number_length(value, line, column)
            return int(value)
        if _FLOAT.match(value):
            _check_number_length(value, line, column)
            number = Decimal(value)
            if abs(number.adjusted()) > MAX_EXPONENT and number != 0:
                raise Refused(NUMBER_RANGE, line, column, f"number {value} is out of range")
            return number
        if _SPECIAL_FLOAT.match(value):
            raise Refused(
                NUMBER_RANGE,
                line,
                column,
                f"{value} is not a finite number",
                "a figure is a finite number; quote it if it is text",
            )
        if _INT_OCT.match(value) or _INT_HEX.match(value):
            _check_number_length(value, line, column)
            whole = int(value[2:], 8 if value[1] == "o" else 16)
            if whole >= 10 ** (MAX_EXPONENT + 1):  # 40 hex digits are 48 decimal ones
                raise Refused(NUMBER_RANGE, line, column, f"number {value} is out of range")
            return whole
        return value
    return _BOOL.get(value, value)


def _check_number_length(value: str, line: int, column: int) -> None:
    if len(value) > MAX_NUMBER_CHARS:
        raise Refused(
            NUMBER_RANGE,
            line,
            column,
            f"number with {len(value)} characters is too long",
            f"a figure has at most {MAX_NUMBER_CHARS} characters",
        )
