"""FC203, FC204: every source and claim a record cites exists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.values.findings import Example, Finding, Rule

if TYPE_CHECKING:
    from validator.analysis import Analysis
    from validator.analysis.summary import Across, Summary
    from validator.dataset import Dataset
    from validator.load.document import Loc
    from validator.model.build import Record
    from validator.model.plain import Claim

UNKNOWN_SOURCE = Rule(
    "FC203",
    "unknown-source",
    "A claim cites a source id that has no record in sources/.",
    "`source`, `primary_source` and `verdict.checked_against` name source ids; each needs a "
    "file sources/<id>.yaml. The finding suggests the nearest existing id.",
    Example(
        "claims/money-recovered.yaml:19:9: FC203 unknown source id 'the-artcle'; "
        "did you mean 'the-article'?",
        edits=(("source: the-article", "source: the-artcle"),),
    ),
)
UNKNOWN_CLAIM = Rule(
    "FC204",
    "unknown-claim",
    "A derived claim names an operand that is not a claim in claims/.",
    "`derived_from.operands` name claim ids; each needs a file claims/<id>.yaml. A claim "
    "derived from itself is a cycle (FC606).",
    Example(
        "claims/money-recovered.yaml:28:7: FC204 unknown claim id 'money-recoverd'; did you "
        "mean 'money-recovered'?",
        edits=(
            (
                "tags: [money]",
                "tags: [money]\nderived_from:\n  operation: equal\n  operands:\n"
                "    - money-recoverd",
            ),
        ),
    ),
)
RULES = (UNKNOWN_SOURCE, UNKNOWN_CLAIM)


def _cited_sources(claim: Claim) -> Iterator[tuple[Loc, str]]:
    yield ("source",), claim.source
    if claim.primary_source:
        yield ("primary_source",), claim.primary_source
    for i, source in enumerate(claim.verdict.checked_against):
        yield ("verdict", "checked_against", i), source


def _missing(
    dataset: Dataset | Across, record: Record[Claim] | Summary, kind: str, loc: Loc, id_: str
) -> Finding:
    import difflib  # only when a reference is missing

    close = difflib.get_close_matches(id_, dataset.known(kind), n=1, cutoff=0.6)
    folder = dataset.project.folder(kind).name
    hint = f"did you mean '{close[0]}'?" if close else f"add {folder}/{id_}.yaml or correct the id"
    rule = UNKNOWN_SOURCE if kind == "source" else UNKNOWN_CLAIM
    return record.finding(rule, loc, f"unknown {kind} id '{id_}'", hint)


def source_references(analysis: Analysis) -> Iterator[Finding]:
    for record in analysis.dataset.claims:
        for loc, id_ in _cited_sources(record.model):
            if not analysis.dataset.exists("source", id_):
                yield _missing(analysis.dataset, record, "source", loc, id_)


def claim_references(across: Across) -> Iterator[Finding]:
    for summary in across.claims:
        if summary.derived_from is None:
            continue
        for i, id_ in enumerate(summary.derived_from[1]):
            if not across.exists("claim", id_):
                yield _missing(across, summary, "claim", ("derived_from", "operands", i), id_)


# Each record on its own (a worker runs these on its part), then between records.
CHECKS = ((UNKNOWN_SOURCE, source_references),)
CHECKS_ACROSS = ((UNKNOWN_CLAIM, claim_references),)
