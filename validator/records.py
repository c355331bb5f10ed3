"""The model stage: a loaded Document becomes a Claim or a Source, or findings at its nodes."""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from validator import rules
from validator.findings import Finding
from validator.loader import Document, load
from validator.models import MODELS, Claim, Source


@dataclass(eq=False)
class Record:
    """A file that loaded and validated: where it is, what it holds, and its node positions.

    Positions are needed only for the few records with findings, so the parsed document is let
    go after validation (`forget`) and read again on demand: memory stays at the model's size.
    """

    path: Path
    kind: str  # "claim" or "source"
    display: str
    model: Claim | Source
    root: Path | None = None
    _doc: Document | None = field(default=None, repr=False)

    @property
    def doc(self) -> Document:
        if self._doc is None:
            doc, _ = load(self.path, self.display, self.root)
            # A file that changed since it was validated still gets a place: its first line.
            self._doc = doc or Document(self.display, "", {}, {})
        return self._doc

    def forget(self) -> Record:
        self._doc = None
        return self

    def at(self, *loc: str | int, key: bool = False) -> tuple[int, int]:
        return self.doc.locate(loc, key=key)

    def finding(
        self,
        code: str,
        loc: tuple[str | int, ...],
        message: str,
        hint: str = "",
        *,
        key: bool = False,
    ) -> Finding:
        return rules.finding(code, self.display, *self.at(*loc, key=key), message, hint)


MAX_SCHEMA_FINDINGS = 50  # a file of 50,000 unknown keys gets 50 findings and a count


def to_record(
    path: Path, kind: str, doc: Document, root: Path | None = None
) -> tuple[Record | None, list[Finding]]:
    model_class = MODELS[kind]
    try:
        model = model_class.model_validate(doc.data)
    except ValidationError as error:
        errors = error.errors(include_url=False)
        findings = [_finding(doc, model_class, e) for e in errors[:MAX_SCHEMA_FINDINGS]]
        if len(errors) > MAX_SCHEMA_FINDINGS:
            rest = len(errors) - MAX_SCHEMA_FINDINGS
            findings.append(
                rules.finding("FC103", doc.path, 1, 1, f"{rest:,} more schema problems not shown")
            )
        return None, findings
    return Record(path, kind, doc.path, model, root, doc), []  # type: ignore[arg-type]


def _finding(doc: Document, model: type[BaseModel], error: Any) -> Finding:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    kind = error["type"]
    dotted = ".".join(str(p) for p in loc) or "record"
    if kind == "extra_forbidden":
        name = str(loc[-1])
        known = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"known fields here: {', '.join(known)}"
        return rules.finding(
            "FC101", doc.path, *doc.locate(loc, key=True), f"unknown field '{dotted}'", hint
        )
    if kind == "missing":
        description = _description(model, loc)
        hint = f"add '{loc[-1]}:'" + (f" ({description})" if description else "")
        return rules.finding(
            "FC102", doc.path, *doc.locate(loc[:-1]), f"missing required field '{dotted}'", hint
        )
    if loc and loc[-1] == "[key]":  # a bad key in a mapping such as `waive`
        loc = loc[:-1]
        line, column = doc.locate(loc, key=True)
        return rules.finding(
            "FC103", doc.path, line, column, f"'{loc[-1]}' is not a valid key: {error['msg']}"
        )
    message = f"'{dotted}' {_lower_first(error['msg'])}"
    return rules.finding(
        "FC103", doc.path, *doc.locate(loc), message, _type_hint(kind, error.get("input"))
    )


def _lower_first(text: str) -> str:
    text = text.removeprefix("Input ").removeprefix("Value error, ")
    return text[:1].lower() + text[1:]


def _type_hint(kind: str, value: Any) -> str:
    if kind == "string_type":
        return "write the value as quoted text" if value is not None else "write some text"
    if kind == "bool_type":
        return "write true or false"
    if kind in ("string_pattern_mismatch",):
        return "ids are lower-case words joined by hyphens, such as nca-arrests-q1-2024"
    if kind == "list_type":
        return "write a list: [a, b] or one '- item' per line"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "write a mapping of field names to values"
    return ""


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is None and not isinstance(annotation, types.UnionType):
        return None
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int):
            continue  # an index into a list keeps the list's item model
        field = current.model_fields.get(part) if current else None
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current


def _fields_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    found = _model_at(model, loc)
    return list(found.model_fields) if found else []


def _description(model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    parent = _model_at(model, loc[:-1])
    field = parent.model_fields.get(str(loc[-1])) if parent else None
    return (field.description or "") if field else ""
