"""What the load stage hands on: a Document (the text, its plain value, where each node stands)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from validator.values.findings import Finding, Rule

# A place in a record: the keys and list indexes from the top, ("equivalents", 0, "value").
Loc = tuple[str | int, ...]

# Positions: for a mapping, its start and {key: (key line, key col, value line, value col)};
# for a sequence, its start and [(line, col)] per item. Keyed by id() of the container, which the
# loaded data keeps alive. Nothing is computed per node beyond a tuple.
Marks = dict[int, tuple[int, int, Any]]


@dataclass
class Document:
    """A loaded YAML file: its text, its plain value, and where each node stands in the text."""

    path: str
    text: str
    data: dict[str, Any]
    marks: Marks = field(repr=False)
    line: int = 1
    column: int = 1

    def locate(self, loc: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the node at `loc`, or of the deepest node on the way to it.

        With `key`, a mapping entry is located at its key rather than its value (an unknown field
        is best shown at its name).
        """
        node: Any = self.data
        line, column = self.line, self.column
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


class Refused(Exception):
    """A problem that stops loading this file; becomes one finding of `rule`."""

    def __init__(self, rule: Rule, line: int, column: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.rule = rule
        self.where = (line, column)
        self.hint = hint

    def finding_in(self, path: str) -> Finding:
        return self.rule.at(path, *self.where, str(self), self.hint)


def position(data: bytes | str, index: int) -> tuple[int, int]:
    """1-based line and column of `index` in `data`, counted in the units `data` is made of.

    Lines end as YAML ends them: LF, CRLF or a lone CR (a CR-only file has lines too).
    """
    lf: Any = b"\n" if isinstance(data, bytes) else "\n"
    cr: Any = b"\r" if isinstance(data, bytes) else "\r"
    crlf = cr + lf
    breaks = data.count(lf, 0, index) + data.count(cr, 0, index) - data.count(crlf, 0, index)
    start = max(data.rfind(lf, 0, index), data.rfind(cr, 0, index)) + 1
    return breaks + 1, index - start + 1


# A Document as it crosses to another process: positions are keyed by id() of their container,
# which means nothing in another process, so they travel as a list in the order of one walk of
# the data, and are keyed again on arrival by the same walk.
Portable = tuple[str, dict[str, Any], list[Any], int, int]


def _containers(data: Any) -> list[Any]:
    found: list[Any] = []
    stack = [data]
    while stack:  # iteration, not recursion: the nesting is bounded, but no stack is spent
        node = stack.pop()
        if isinstance(node, dict):
            found.append(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            found.append(node)
            stack.extend(node)
    return found


def portable(doc: Document) -> Portable:
    marks = [doc.marks.get(id(c)) for c in _containers(doc.data)]
    return doc.path, doc.data, marks, doc.line, doc.column


def arrived(packed: Portable) -> Document:
    path, data, marks, line, column = packed
    keyed = {id(c): m for c, m in zip(_containers(data), marks, strict=True) if m is not None}
    return Document(path, "", data, keyed, line, column)
