"""The one type every stage produces and every format reads, and the declaration of a rule.

A stage (the loader, the model stage, a rule module) declares the rules it reports as `Rule`
values beside the code that checks them and words their findings; the registry in
validator/rules only collects them. A producer never imports the registry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that `--fail-on` is a comparison."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem at a place in a file: 1-based line and column, a rule code, and how to fix it.

    `record` names the record file a finding belongs to when it points into another file (a
    figure in a source's snapshot belongs to the source record): waivers and counts go by it.
    """

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    hint: str = ""
    record: str = ""

    @property
    def text(self) -> str:
        """Message and hint as one sentence, the form plain-text outputs print."""
        return f"{self.message}; {self.hint}" if self.hint else self.message

    @property
    def owner(self) -> str:
        """The record file this finding is about."""
        return self.record or self.path

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


@dataclass(frozen=True)
class Filler:
    """A file of `size` bytes of YAML comment, for an example about size (made when used)."""

    size: int

    def content(self) -> bytes:
        return b"#" * (self.size - 1) + b"\n"


@dataclass(frozen=True)
class Example:
    """A small dataset that triggers a rule, and the finding it gives (a test runs every one).

    The dataset is the standard example (one source, one claim: validator/rules/examples.py)
    with `edits` applied to its claim, in order, and `files` added or replaced (text, or bytes
    for what is not text). `snapshot` is the source's text, when the rule reads one. `expect`
    is the finding as `factcheck validate --format text` prints it.
    """

    expect: str
    edits: tuple[tuple[str, str], ...] = ()
    files: Mapping[str, str | bytes | Filler] = field(default_factory=dict)
    snapshot: str | None = None


@dataclass(frozen=True)
class Rule:
    """A rule's declaration: code, name, summary, explanation, default severity, an example."""

    code: str
    name: str
    summary: str
    explanation: str
    example: Example | None = None
    severity: Severity = Severity.ERROR
    waivable: bool = True
    # Text made from the models when it is asked for (the fields a record needs), so that an
    # explanation that lists fields cannot drift from them, and `factcheck rules` stays light.
    more: Callable[[], str] | None = field(default=None, compare=False)

    def explain(self) -> str:
        """The explanation in full: the written part, then what is made from the models."""
        return f"{self.explanation}\n\n{self.more()}" if self.more else self.explanation

    def at(
        self, path: str, line: int, column: int, message: str, hint: str = "", record: str = ""
    ) -> Finding:
        """A finding of this rule, with its default severity."""
        return Finding(path, line, column, self.code, self.severity, message, hint, record)
