"""What the load stage hands on: a Document (the text, its plain value, where each node stands)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from validator.values.findings import Finding, Rule

# A place in a record: the keys and list indexes from the top, ("equivalents", 0, "value").
Loc = tuple[str | int, ...]

# Positions, as a tree beside the data: for a mapping, {key: (key line, key col, value line,
# value col, the value's own places or None)}; for a sequence, [(line, col, places or None)] per
# item. It needs no reference to the data, so a record can let its plain data go and still place
# every finding, and it crosses to another process as it is.
Places = dict[str, tuple[int, int, int, int, Any]] | list[tuple[int, int, Any]]


@dataclass(slots=True)
class Document:
    """A loaded YAML file: its plain value, and where each node stands in its text. The text
    itself is not kept: a record lives as long as the run, and nothing reads it again."""

    path: str
    data: dict[str, Any]
    places: Places = field(repr=False)
    line: int = 1
    column: int = 1

    def locate(self, loc: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the node at `loc`, or of the deepest node on the way to it.

        With `key`, a mapping entry is located at its key rather than its value (an unknown field
        is best shown at its name).
        """
        children: Any = self.places
        line, column = self.line, self.column
        last = len(loc) - 1
        for i, part in enumerate(loc):
            if isinstance(children, dict) and isinstance(part, str) and part in children:
                kl, kc, vl, vc, below = children[part]
                line, column = (kl, kc) if key and i == last else (vl, vc)
            elif isinstance(children, list) and isinstance(part, int) and 0 <= part < len(children):
                line, column, below = children[part]
            else:
                break
            if below is None:
                break
            children = below
        return line, column

    def without_data(self) -> Document:
        """The positions alone: what a record keeps once its model is built."""
        return Document(self.path, {}, self.places, self.line, self.column)


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
