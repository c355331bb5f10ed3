"""The model stage: a loaded Document becomes a Record of a Claim or a Source, or findings.

The records are the plain classes of validator/model/plain.py, made by pydantic-core from the
compiled core schemas: pydantic (validator/model/records.py) is imported only when a record
does not validate, to word the errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, Generic, TypeGuard, TypeVar

from validator.load.document import Document, Loc
from validator.model import errors
from validator.model.plain import Claim, Source
from validator.values.findings import Finding, Rule

M = TypeVar("M", Claim, Source)


@dataclass(eq=False, slots=True)
class Record(Generic[M]):
    """A file that loaded and validated: where it is, what it holds, and where its nodes stand.

    The Document's positions travel with the record, so a rule that finds a problem in it
    places the finding without reading the file again.
    """

    path: str  # as the folder listing gives it (validator/workspace/project.py: File)
    kind: str  # "claim" or "source"
    display: str
    model: M
    doc: Document = field(repr=False)

    @property
    def id(self) -> str:
        return self.model.id

    def at(self, *loc: str | int, key: bool = False) -> tuple[int, int]:
        return self.doc.locate(loc, key=key)

    def finding(
        self, rule: Rule, loc: Loc, message: str, hint: str = "", *, key: bool = False
    ) -> Finding:
        return rule.at(self.display, *self.at(*loc, key=key), message, hint)


AnyRecord = Record[Claim] | Record[Source]


def is_claim(record: AnyRecord) -> TypeGuard[Record[Claim]]:
    return isinstance(record.model, Claim)


def is_source(record: AnyRecord) -> TypeGuard[Record[Source]]:
    return isinstance(record.model, Source)


def to_record(path: str, kind: str, doc: Document) -> tuple[AnyRecord | None, list[Finding]]:
    """Validate a Document against its kind's model: a Record, or the model's findings."""
    from pydantic_core import ValidationError

    findings: list[Finding] = []
    try:
        model = _validate(kind, doc.data)
    except ValidationError as error:
        from validator.model.records import MODELS

        details = error.errors(include_url=False)
        findings = errors.findings(doc, MODELS[kind], details)
        salvaged = _salvage(kind, doc.data, details)
        if salvaged is None:
            return None, findings
        model = salvaged
    place = doc.without_data()  # the model holds the values; the record keeps where they stand
    if isinstance(model, Claim):
        # Record(...), not Record[Claim](...): calling the generic alias stores it on every
        # instance (__orig_class__), 120 bytes a record for nothing.
        claim: Record[Claim] = Record(path, kind, doc.path, model, place)
        return claim, findings
    assert isinstance(model, Source)
    source: Record[Source] = Record(path, kind, doc.path, model, place)
    return source, findings


@cache
def _compiled() -> dict[str, Any]:
    """The validators, each making a kind's plain class: from core_schemas.py (see
    validator/model/compiling.py), or, when that was written by another pydantic-core than the
    one installed, from the models' own core schemas pointed at the same classes: slower to
    build (pydantic is imported), the same results."""
    import pydantic_core

    schemas = _written(pydantic_core.__version__) or _from_models()
    return {kind: pydantic_core.SchemaValidator(schema) for kind, schema in schemas.items()}


def _written(version: str) -> dict[str, Any] | None:
    try:
        from validator.model import core_schemas
    except (ImportError, AttributeError):  # it names what vocabulary.py no longer has: stale
        return None
    if version != core_schemas.PYDANTIC_CORE:
        return None
    return {"claim": core_schemas.CLAIM, "source": core_schemas.SOURCE}


def _from_models() -> dict[str, Any]:
    from validator.model import compiling
    from validator.model.records import MODELS

    for model in MODELS.values():
        model.model_rebuild()
    return {kind: compiling.to_plain(m.__pydantic_core_schema__) for kind, m in MODELS.items()}


def _validate(kind: str, data: dict[str, Any]) -> Claim | Source:
    model: Claim | Source = _compiled()[kind].validate_python(data)
    return model


def _salvage(kind: str, data: dict[str, Any], details: Any) -> Claim | Source | None:
    """The record as it would be without its unknown fields, a misspelt field read under the
    name it was surely meant to have: so that one typo ('qoute') is reported with every other
    problem of the file in the same run, not in rounds. Only when every error is an unknown
    field, or a missing one that a misspelt field supplies: a wrong value is never guessed.
    """
    from pydantic_core import ValidationError

    from validator.model.records import MODELS

    unknown = [tuple(e["loc"]) for e in details if e["type"] == "extra_forbidden"]
    missing = {tuple(e["loc"]) for e in details if e["type"] == "missing"}
    if len(unknown) + len(missing) != len(details) or any(len(loc) != 1 for loc in unknown):
        return None  # only the top level: a nested typo is left for its own run
    fixed = dict(data)
    for (name,) in unknown:
        value = fixed.pop(str(name))
        meant = errors.meant(MODELS[kind], str(name))
        if meant is not None and (meant,) in missing and meant not in fixed:
            fixed[meant] = value
    try:
        return _validate(kind, fixed)
    except ValidationError:
        return None
