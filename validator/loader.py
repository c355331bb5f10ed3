"""Strict YAML loading: libyaml's event stream, YAML 1.2 core scalars, positions for every node.

Why events and not `yaml.load`: PyYAML resolves scalars with YAML 1.1 (`NO` -> False, `1_000` ->
1000), keeps the last of two duplicate keys, constructs tagged objects, expands aliases, and its C
composer recurses on the C stack (a 100k-deep `[[[...]]]` kills the process). Building the values
here from libyaml's events refuses all of that, bounds nesting, and costs less than `yaml.load`.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from yaml import events as ev

from validator import rules
from validator.findings import Finding

try:  # libyaml, the C parser; the pure-Python one is a slow but correct fallback
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml
    from yaml import Loader as _Parser

MAX_BYTES = 1 << 20  # 1 MiB: a claim is a couple of KB; anything larger is a mistake or an attack
MAX_DEPTH = 16  # the models nest four deep; sixteen leaves room and stops runaway nesting at once
MAX_NUMBER_CHARS = 40
MAX_EXPONENT = 40  # |adjusted exponent| of a Decimal: no real figure is 1e41 or 1e-41
_FLATTEN = "a record nests a few levels at most; flatten it"

# YAML 1.2 core schema, https://yaml.org/spec/1.2.2/#103-core-schema
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z|\.(?:nan|NaN|NAN)\Z")
_NUMBER_START = frozenset("0123456789+-.")

# Positions: for a mapping, its start and {key: (key line, key col, value line, value col)};
# for a sequence, its start and [(line, col)] per item. Keyed by id() of the container, which the
# loaded data keeps alive. Nothing is computed per node beyond a tuple.
Marks = dict[int, tuple[int, int, Any]]


@dataclass
class Document:
    """A loaded YAML file: its text, its plain value, and where each node stands in the text."""

    path: str
    text: str
    data: Any
    marks: Marks = field(repr=False)
    line: int = 1
    column: int = 1

    def locate(self, loc: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the node at `loc`, or of the deepest node on the way to it.

        With `key`, a mapping entry is located at its key rather than its value (an unknown field
        is best shown at its name).
        """
        node, line, column = self.data, self.line, self.column
        last = len(loc) - 1
        for i, part in enumerate(loc):
            entry = self.marks.get(id(node))
            if entry is None:
                break
            children = entry[2]
            if isinstance(node, dict) and isinstance(part, str) and part in children:
                kl, kc, vl, vc = children[part]
                line, column = (kl, kc) if key and i == last else (vl, vc)
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(children):
                line, column = children[part]
            else:
                break
            node = node[part]
        return line, column


class _Refused(Exception):
    """A problem that stops loading this file; becomes one finding."""

    def __init__(self, code: str, line: int, column: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.finding_args = (code, line, column, message, hint)


def load(
    path: Path, display: str, root: Path | None = None
) -> tuple[Document | None, list[Finding]]:
    """Read and parse one file. Never raises for bad input: every problem is a Finding."""
    try:
        raw = _read(path, root)
        text = _decode(raw)
        doc, problems = _parse(text, display)
    except _Refused as refused:
        return None, [rules.finding(refused.finding_args[0], display, *refused.finding_args[1:])]
    findings = [rules.finding(code, display, *args) for code, *args in problems]
    return (None if findings else doc), findings


def _read(path: Path, root: Path | None) -> bytes:
    # One lstat, one open, one read: this runs once per file and is most of the I/O of a run.
    name = os.fspath(path)
    try:
        st = os.lstat(name)
    except OSError as error:
        raise _Refused("FC012", 1, 1, f"cannot read file: {error.strerror}") from None
    if stat.S_ISLNK(st.st_mode):
        st = _follow(path, root)
    if not stat.S_ISREG(st.st_mode):
        # Opening a FIFO would block for ever; a directory cannot be read.
        kind = "a directory" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise _Refused("FC012", 1, 1, f"path is {kind}", "name a YAML file")
    if st.st_size > MAX_BYTES:
        raise _Refused(
            "FC005",
            1,
            1,
            f"file is {st.st_size:,} bytes, over the {MAX_BYTES:,}-byte limit",
            "a claim or source record is a few kilobytes; split or trim the file",
        )
    try:
        # O_NONBLOCK: a pipe swapped in after the lstat still cannot make the read wait.
        fd = os.open(name, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError as error:
        raise _Refused("FC012", 1, 1, f"cannot read file: {error.strerror}") from None
    try:
        chunks, remaining = [], MAX_BYTES + 1
        while remaining > 0:
            chunk = os.read(fd, remaining)
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise _Refused("FC012", 1, 1, f"cannot read file: {error.strerror}") from None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > MAX_BYTES:  # grew between stat and read
        raise _Refused("FC005", 1, 1, f"file is over the {MAX_BYTES:,}-byte limit")
    return raw


def _follow(path: Path, root: Path | None) -> os.stat_result:
    """A symbolic link is read only when it leads to a file inside the repository."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise _Refused(
            "FC012", 1, 1, "broken symbolic link", "point the link at a file or remove it"
        ) from None
    if root is not None and not target.is_relative_to(root.resolve()):
        raise _Refused(
            "FC012",
            1,
            1,
            f"symbolic link leads outside the repository, to {target}",
            "copy the file into the repository instead of linking to it",
        )
    return target.stat()


def _position(data: bytes | str, index: int) -> tuple[int, int]:
    line = data.count(b"\n" if isinstance(data, bytes) else "\n", 0, index) + 1
    start = data.rfind(b"\n" if isinstance(data, bytes) else "\n", 0, index) + 1
    return line, index - start + 1


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Refused("FC007", 1, 1, "file is UTF-16", "save the file as UTF-8")
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise _Refused(
            "FC007", *_position(raw, nul), "file contains a NUL byte", "save as UTF-8 text"
        )
    try:
        return raw.decode("utf-8-sig")  # a BOM is harmless: drop it
    except UnicodeDecodeError as error:
        line, column = _position(raw, error.start)
        raise _Refused(
            "FC007",
            line,
            column,
            f"byte 0x{raw[error.start]:02x} is not valid UTF-8",
            "save the file as UTF-8",
        ) from None


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
                raise _Refused("FC011", line, column, f"number {value} is out of range")
            return number
        if _SPECIAL_FLOAT.match(value):
            raise _Refused(
                "FC011",
                line,
                column,
                f"{value} is not a finite number",
                "a figure is a finite number; quote it if it is text",
            )
        if _INT_OCT.match(value) or _INT_HEX.match(value):
            _check_number_length(value, line, column)
            return int(value[2:], 8 if value[1] == "o" else 16)
        return value
    return _BOOL.get(value, value)


def _check_number_length(value: str, line: int, column: int) -> None:
    if len(value) > MAX_NUMBER_CHARS:
        raise _Refused(
            "FC011",
            line,
            column,
            f"number with {len(value)} characters is too long",
            f"a figure has at most {MAX_NUMBER_CHARS} characters",
        )


# Invisible format characters (Unicode category Cf): zero-width spaces and joiners, bidirectional
# controls ("Trojan Source"), soft hyphens, a BOM in mid-text. A quote or id holding one differs
# from what a reader sees, so every one is a finding at its place.
_HIDDEN = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
MAX_HIDDEN_FINDINGS = 20


def _hidden(text: str) -> list[tuple[Any, ...]]:
    found = []
    for match in _HIDDEN.finditer(text):
        char = match.group()
        name = unicodedata.name(char, "format character").lower()
        found.append(
            (
                "FC013",
                *_position(text, match.start()),
                f"invisible character U+{ord(char):04X} ({name})",
                "delete it: what a reader sees must be what the file says",
            )
        )
        if len(found) == MAX_HIDDEN_FINDINGS:
            break
    return found


def _parse(text: str, display: str) -> tuple[Document, list[tuple[Any, ...]]]:
    parser = _Parser(text)
    try:
        doc, problems = _compose(parser, text, display)
        return doc, problems + _hidden(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or error.context or "invalid YAML"
        if "maximum nesting depth" in problem:  # libyaml's own bound, above ours in block style
            raise _Refused(
                "FC006", line, column, f"nesting deeper than {MAX_DEPTH} levels", _FLATTEN
            ) from None
        hint = _syntax_hint(problem, _char_at(text, line, column))
        raise _Refused("FC001", line, column, f"YAML syntax: {problem}", hint) from None
    except yaml.YAMLError as error:  # ReaderError: a character YAML forbids
        position = getattr(error, "position", 0)
        line, column = _position(text, min(position, len(text)))
        raise _Refused(
            "FC007", line, column, f"unacceptable character: {error}", "remove control characters"
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


class _Frame:
    __slots__ = ("children", "container", "key", "key_mark")

    def __init__(self, container: Any, children: Any) -> None:
        self.container = container
        self.children = children
        self.key: str | None = None
        self.key_mark: tuple[int, int] = (0, 0)


class _Builder:
    """Plain values and their positions, from a stream of YAML nodes or events."""

    def __init__(self) -> None:
        self.problems: list[tuple[Any, ...]] = []
        self.marks: Marks = {}
        self.stack: list[_Frame] = []
        self.root: list[Any] = []
        self.root_mark = (1, 1)

    def scalar(self, value: str, plain: bool, line: int, column: int) -> None:
        top = self.stack[-1] if self.stack else None
        is_key = top is not None and top.key is None and isinstance(top.container, dict)
        if is_key or not plain:
            self._attach(value, line, column)  # keys and quoted scalars are text
        else:
            self._attach(_scalar(value, line, column), line, column)

    def open(self, mapping: bool, line: int, column: int) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise _Refused(
                "FC006", line, column, f"nesting deeper than {MAX_DEPTH} levels", _FLATTEN
            )
        container: Any = {} if mapping else []
        children: Any = {} if mapping else []
        self._attach(container, line, column)
        self.marks[id(container)] = (line, column, children)
        self.stack.append(_Frame(container, children))

    def close(self) -> None:
        self.stack.pop()

    def _attach(self, value: Any, line: int, column: int) -> None:
        if not self.stack:
            self.root.append(value)
            self.root_mark = (line, column)
            return
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            frame.container.append(value)
            frame.children.append((line, column))
        elif frame.key is None:
            if not isinstance(value, str):
                raise _Refused("FC001", line, column, "a mapping key must be a plain name")
            if value in frame.container:
                first = frame.children[value]
                self.problems.append(
                    (
                        "FC002",
                        line,
                        column,
                        f"duplicate key '{value}' (first at line {first[0]})",
                        "keep one of the two entries",
                    )
                )
            frame.key, frame.key_mark = value, (line, column)
        else:
            frame.container[frame.key] = value
            frame.children[frame.key] = (*frame.key_mark, line, column)
            frame.key = None

    def document(self, display: str, text: str) -> tuple[Document, list[tuple[Any, ...]]]:
        data = self.root[0] if self.root else None
        if data is None:
            raise _Refused("FC008", 1, 1, "file is empty", "write a record, or delete the file")
        if not isinstance(data, dict):
            raise _Refused(
                "FC010",
                *self.root_mark,
                f"top level is a {_kind_name(data)}, not a mapping",
                "a record is a mapping of field names to values",
            )
        return Document(display, text, data, self.marks, *self.root_mark), self.problems


def _refuse_anchor(anchor: str, line: int, column: int, alias: bool = False) -> _Refused:
    sign = "*" if alias else "&"
    return _Refused(
        "FC004",
        line,
        column,
        f"{'alias' if alias else 'anchor'} '{sign}{anchor}' is not allowed",
        "write the value out in full; anchors and aliases are refused",
    )


def _refuse_tag(tag: str, line: int, column: int) -> _Refused:
    return _Refused(
        "FC003",
        line,
        column,
        f"tag '{tag}' is not allowed",
        "remove the tag; values are plain strings, numbers, lists and mappings",
    )


def _compose(parser: Any, text: str, display: str) -> tuple[Document, list[tuple[Any, ...]]]:
    """From libyaml's events: sees every anchor, alias, tag and document start."""
    builder = _Builder()
    documents = 0
    while True:
        event = parser.get_event()
        kind = type(event)
        if kind is ev.ScalarEvent or kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            if event.anchor is not None:
                raise _refuse_anchor(event.anchor, line, column)
            if event.tag is not None:
                raise _refuse_tag(event.tag, line, column)
            if kind is ev.ScalarEvent:
                builder.scalar(event.value, event.implicit[0], line, column)
            else:
                builder.open(kind is ev.MappingStartEvent, line, column)
        elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
            builder.close()
        elif kind is ev.AliasEvent:
            mark = event.start_mark
            raise _refuse_anchor(event.anchor, mark.line + 1, mark.column + 1, alias=True)
        elif kind is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                raise _Refused(
                    "FC009",
                    mark.line + 1,
                    mark.column + 1,
                    "file holds more than one YAML document",
                    "one record per file: move this document to a file of its own",
                )
        elif kind is ev.StreamEndEvent:
            break
    return builder.document(display, text)


def _kind_name(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | Decimal):
        return "number"
    return "string"
