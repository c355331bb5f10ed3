"""FC203, FC204: every source and claim a record cites exists."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.findings import Finding
from validator.rules import Rule

if TYPE_CHECKING:
    from validator.dataset import Dataset
    from validator.models import Claim
    from validator.records import Record


def _cited_sources(claim: Claim) -> Iterator[tuple[tuple[str | int, ...], str]]:
    yield ("source",), claim.source
    if claim.primary_source:
        yield ("primary_source",), claim.primary_source
    for i, source in enumerate(claim.verdict.checked_against):
        yield ("verdict", "checked_against", i), source


def _missing(
    dataset: Dataset, record: Record, kind: str, loc: tuple[str | int, ...], id_: str
) -> Finding:
    close = difflib.get_close_matches(id_, dataset.known(kind), n=1, cutoff=0.6)
    folder = dataset.project.folder(kind).name
    hint = f"did you mean '{close[0]}'?" if close else f"add {folder}/{id_}.yaml or correct the id"
    code = "FC203" if kind == "source" else "FC204"
    return record.finding(code, loc, f"unknown {kind} id '{id_}'", hint)


def source_references(dataset: Dataset) -> Iterator[Finding]:
    for record in dataset.claims():
        for loc, id_ in _cited_sources(record.model):  # type: ignore[arg-type]
            if not dataset.exists("source", id_):
                yield _missing(dataset, record, "source", loc, id_)


def claim_references(dataset: Dataset) -> Iterator[Finding]:
    for record in dataset.claims():
        derivation = record.model.derived_from  # type: ignore[union-attr]
        if derivation is None:
            continue
        for i, id_ in enumerate(derivation.operands):
            if not dataset.exists("claim", id_):
                yield _missing(dataset, record, "claim", ("derived_from", "operands", i), id_)


RULES = (
    Rule(
        "FC203",
        "unknown-source",
        "A claim cites a source id that has no record in sources/.",
        "`source`, `primary_source` and `verdict.checked_against` name source ids; each needs a "
        "file sources/<id>.yaml. The finding suggests the nearest existing id.",
        check=source_references,
    ),
    Rule(
        "FC204",
        "unknown-claim",
        "A derived claim names an operand that is not a claim in claims/.",
        "`derived_from.operands` name claim ids; each needs a file claims/<id>.yaml. A claim "
        "derived from itself is a cycle (FC606).",
        check=claim_references,
    ),
)
