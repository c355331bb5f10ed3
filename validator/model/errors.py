"""FC101-FC103: a record against its model, each pydantic error worded at its node.

Hints come from the field's type (`Hint` in validator/model/records.py), so that a URL, a
language code and an id each get their own advice. The explanations of FC101 and FC102 list the
fields from the models themselves, made when they are asked for.
"""

from __future__ import annotations

import types
import typing
from typing import TYPE_CHECKING, Any

from validator.values.findings import Example, Finding, Rule

if TYPE_CHECKING:  # pydantic is imported on the error path only, not by `factcheck rules`
    from pydantic import BaseModel
    from pydantic_core import ErrorDetails

    from validator.load.document import Document

MAX_SCHEMA_FINDINGS = 50  # a file of 50,000 unknown keys gets 50 findings and a count


def _field_lists(required: bool) -> str:
    from validator.model.records import MODELS

    lines = []
    for kind, model in MODELS.items():
        names = [n for n, f in model.model_fields.items() if f.is_required() == required]
        state = "required" if required else "optional"
        lines.append(f"A {kind}'s {state} fields: {', '.join(names)}.")
    return "\n".join(lines)


UNKNOWN_FIELD = Rule(
    "FC101",
    "unknown-field",
    "A field the model does not know.",
    "Unknown fields are refused so that a misspelt field ('qoute') is not silently ignored. "
    "The finding suggests the nearest known field name, or lists the known ones. The full "
    "list is in schema/claim.schema.json and schema/source.schema.json.",
    Example(
        "claims/money-recovered.yaml:14:1: FC101 unknown field 'measurement'; did you mean "
        "'measure'?",
        edits=(("measure: money recovered", "measure: money recovered\nmeasurement: money"),),
    ),
    more=lambda: _field_lists(required=False),
)
MISSING_FIELD = Rule(
    "FC102",
    "missing-field",
    "A required field is missing.",
    "The finding points at the mapping that lacks the field, and says what the field holds.",
    Example(
        "claims/money-recovered.yaml:2:1: FC102 missing required field 'measure'; add 'measure:' "
        "(What is counted or measured: 'children safeguarded by UK police'.)",
        edits=(("measure: money recovered\n", ""),),
    ),
    more=lambda: _field_lists(required=True),
)
INVALID_VALUE = Rule(
    "FC103",
    "invalid-value",
    "A field's value has the wrong type or form.",
    "Numbers are written unquoted and are never floats in disguise; text that looks like a "
    "number or a boolean is quoted; dates are YYYY-MM-DD; ids are lower-case slugs; booleans "
    "are exactly true or false (YAML 1.2: 'yes', 'no' and 'NO' are text). The hint says what "
    "a value of the field's type looks like.",
    Example(
        "claims/money-recovered.yaml:6:8: FC103 'value' must be a number written without "
        "quotes, such as 4800000 or 4.8; write the number unquoted, such as 4800000 or 4.8",
        edits=(("value: 4800000", 'value: "4800000"'),),
    ),
)
RULES = (UNKNOWN_FIELD, MISSING_FIELD, INVALID_VALUE)


def findings(doc: Document, model: type[BaseModel], errors: list[ErrorDetails]) -> list[Finding]:
    """At most MAX_SCHEMA_FINDINGS findings for a model's errors, then a count of the rest."""
    found = [_finding(doc, model, e) for e in errors[:MAX_SCHEMA_FINDINGS]]
    if len(errors) > MAX_SCHEMA_FINDINGS:
        rest = len(errors) - MAX_SCHEMA_FINDINGS
        found.append(INVALID_VALUE.at(doc.path, 1, 1, f"{rest:,} more schema problems not shown"))
    return found


def _finding(doc: Document, model: type[BaseModel], error: ErrorDetails) -> Finding:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    kind = error["type"]
    dotted = ".".join(str(p) for p in loc) or "record"
    if kind == "extra_forbidden":
        name = str(loc[-1])
        known = _fields_at(model, loc[:-1])
        import difflib  # here and below: only when a record has an unknown field

        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"known fields here: {', '.join(known)}"
        where = doc.locate(loc, key=True)
        return UNKNOWN_FIELD.at(doc.path, *where, f"unknown field '{dotted}'", hint)
    if kind == "missing":
        description = _description(model, loc)
        hint = f"add '{loc[-1]}:'" + (f" ({description})" if description else "")
        where = doc.locate(loc[:-1])
        return MISSING_FIELD.at(doc.path, *where, f"missing required field '{dotted}'", hint)
    hint = _hint(_annotation_at(model, loc))
    if loc and loc[-1] == "[key]":  # a bad key in a mapping such as `waive`
        loc = loc[:-1]
        where = doc.locate(loc, key=True)
        message = f"'{loc[-1]}' is not a valid key: {error['msg']}"
        return INVALID_VALUE.at(doc.path, *where, message, hint)
    message = f"'{dotted}' {_lower_first(error['msg'])}"
    # A value of the wrong shape (a number for text, text for a list) is told its shape; a value
    # of the right shape but the wrong form is told what its type looks like.
    hint = _shape_hint(kind, error.get("input")) or hint
    return INVALID_VALUE.at(doc.path, *doc.locate(loc), message, hint)


def meant(model: type[BaseModel], name: str) -> str | None:
    """The field an unknown top-level name most likely misspells ('qoute' -> 'quote')."""
    import difflib

    close = difflib.get_close_matches(name, list(model.model_fields), n=1, cutoff=0.6)
    return close[0] if close else None


def _lower_first(text: str) -> str:
    text = text.removeprefix("Input ").removeprefix("Value error, ")
    return text[:1].lower() + text[1:]


def _shape_hint(kind: str, value: Any) -> str:
    if kind == "list_type":
        return "write a list: [a, b] or one '- item' per line"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "write a mapping of field names to values"
    if kind == "string_type":
        return "write the value as quoted text" if value is not None else "write some text"
    return ""


def _hint(annotation: Any) -> str:
    """The Hint of a type: in its Annotated metadata, or in that of a union's member."""
    from validator.model.records import Hint

    for extra in getattr(annotation, "__metadata__", ()):
        if isinstance(extra, Hint):
            return extra.text
    for arg in typing.get_args(annotation):
        if arg is not type(None) and (found := _hint(arg)):
            return found
    return ""


def _annotation_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> Any:
    """The type of the value at `loc`: through fields, list items and mapping keys or values."""
    annotation: Any = model
    for part in loc:
        annotation = _step(annotation, part)
        if annotation is None:
            return None
    return annotation


def _step(annotation: Any, part: str | int) -> Any:
    from pydantic import BaseModel

    from validator.model.records import Hint

    annotation = _strip_optional(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(str(part))
        if field is None:
            return None
        # FieldInfo keeps an Annotated field's metadata apart from its bare annotation.
        hints = [m for m in field.metadata if isinstance(m, Hint)]
        bare = field.annotation
        return typing.Annotated[bare, *hints] if hints else bare
    args = typing.get_args(_unannotated(annotation))
    origin = typing.get_origin(_unannotated(annotation))
    if origin is list and args:
        return args[0] if isinstance(part, int) else None
    if origin is dict and len(args) == 2:
        return args[0] if part == "[key]" else args[1]
    return None


def _unannotated(annotation: Any) -> Any:
    return typing.get_args(annotation)[0] if hasattr(annotation, "__metadata__") else annotation


def _strip_optional(annotation: Any) -> Any:
    bare = _unannotated(annotation)
    if isinstance(bare, types.UnionType) or typing.get_origin(bare) is typing.Union:
        members = [a for a in typing.get_args(bare) if a is not type(None)]
        if len(members) == 1:
            return members[0]
    return annotation


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    from pydantic import BaseModel

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
