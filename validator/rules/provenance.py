"""FC701-FC706: quotes stand in their source's snapshot, and every figure in it is accounted for."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator import rules
from validator.coverage import cover, find_passage, fold
from validator.findings import Finding, Severity
from validator.project import display
from validator.provenance import closest, snapshot
from validator.rules import Rule

if TYPE_CHECKING:
    from validator.dataset import Dataset
    from validator.models import Claim, Source


def quotes(dataset: Dataset) -> Iterator[Finding]:
    for record in dataset.claims():
        claim: Claim = record.model  # type: ignore[assignment]
        shot = snapshot(dataset, claim.source)
        if shot is None or find_passage(shot.text, claim.quote) is not None:
            continue
        near = closest(shot.text, claim.quote)
        differs = "; ".join(near.differences[:4]) or "white space or punctuation"
        yield record.finding(
            "FC701",
            ("quote",),
            f"quote is not in the snapshot of '{claim.source}'; the closest passage "
            f"({display(shot.path)}:{near.line}) differs: {differs}",
            f'copy the sentence as the source has it: "{near.passage}"',
        )


def _plain(text: str) -> str:
    return " ".join(fold(text).split())


def as_written_in_quote(dataset: Dataset) -> Iterator[Finding]:
    for record in dataset.claims():
        claim: Claim = record.model  # type: ignore[assignment]
        if claim.implied:
            continue  # an implied figure is by definition not printed
        quote = _plain(claim.quote)
        places = [((), claim.as_written)] + [
            (("equivalents", i), e.as_written) for i, e in enumerate(claim.equivalents)
        ]
        for loc, written in places:
            if _plain(written) not in quote:
                yield record.finding(
                    "FC702",
                    (*loc, "as_written"),
                    f"as_written '{written}' is not in the quote",
                    "as_written is the figure exactly as the quoted sentence prints it; "
                    "for a figure the source only implies, set implied: true",
                )


def missing_snapshots(dataset: Dataset) -> Iterator[Finding]:
    folder = dataset.project.snapshots
    if folder is None:
        return  # quote checks are asked for by naming a snapshot folder; none was named
    noted: set[str] = set()
    where = display(folder)
    for record in dataset.claims():
        source_id = record.model.source  # type: ignore[union-attr]
        if source_id in noted or not dataset.exists("source", source_id):
            continue
        noted.add(source_id)
        if snapshot(dataset, source_id) is None:
            yield record.finding(
                "FC703",
                ("source",),
                f"no snapshot of '{source_id}' ({where}): its quotes are not checked",
                f"put its text in {source_id}.txt there, or name a folder with --snapshots",
            )


def integrity(dataset: Dataset) -> Iterator[Finding]:
    for record in dataset.of_kind("source"):
        source: Source = record.model  # type: ignore[assignment]
        shot = snapshot(dataset, source.id)
        if source.snapshot_sha256 and shot and shot.sha256 != source.snapshot_sha256:
            yield record.finding(
                "FC704",
                ("snapshot_sha256",),
                f"{display(shot.path)} has SHA-256 {shot.sha256[:12]}…, not the recorded "
                f"{source.snapshot_sha256[:12]}…: the text changed under the claims",
                "check every quote against the new text, then record its hash",
            )


def set_aside_found(dataset: Dataset) -> Iterator[Finding]:
    for record in dataset.of_kind("source"):
        source: Source = record.model  # type: ignore[assignment]
        shot = snapshot(dataset, source.id)
        if shot is None:
            continue
        for i, item in enumerate(source.set_aside):
            if find_passage(shot.text, item.text) is None:
                yield record.finding(
                    "FC706",
                    ("set_aside", i, "text"),
                    f"set-aside passage '{item.text}' is not in {display(shot.path)}",
                    "copy the passage as the snapshot has it, or remove the entry",
                )


def uncovered(dataset: Dataset) -> Iterator[Finding]:
    claims = [r.model for r in dataset.claims()]
    for record in dataset.of_kind("source"):
        source: Source = record.model  # type: ignore[assignment]
        shot = snapshot(dataset, source.id)
        if shot is None:
            continue
        for covered in cover(source, shot.text, claims):  # type: ignore[arg-type]
            if not covered.ok:
                m = covered.mention
                yield rules.finding(
                    "FC705",
                    display(shot.path),
                    m.line,
                    m.column,
                    f"figure '{m.text}' in '{source.id}' is not covered by any claim",
                    f"add a claim for it, or set it aside in {record.display} with a reason",
                )


RULES = (
    Rule(
        "FC701",
        "quote-not-in-source",
        "A quote does not appear in its source's snapshot.",
        "Quotes are verbatim. They are compared with the snapshot (<snapshots>/<source id>.txt) "
        "after folding curly and straight quotes, dashes and non-breaking spaces and collapsing "
        "white space. When a quote is not there, the finding shows the closest passage (found "
        "with rapidfuzz) and the words in which the two differ.",
        check=quotes,
    ),
    Rule(
        "FC702",
        "as-written-not-in-quote",
        "`as_written` (or an equivalent's) does not appear in the quote.",
        "The quote is the sentence that carries the figure, so the figure as written stands in "
        "it. A figure the source only implies (a total of parts it lists) sets `implied: true`.",
        check=as_written_in_quote,
    ),
    Rule(
        "FC703",
        "no-snapshot",
        "A source that claims quote has no snapshot to check the quotes against.",
        "Information, not a failure: snapshots of third-party articles are not committed. Name "
        "the folder with --snapshots DIR, FACTCHECK_SNAPSHOTS or [tool.factcheck] snapshots; in "
        "this repository's CI it is ../shared/sources. One note per source that claims quote, "
        "when a folder is named but holds no <source id>.txt for it; with no folder named, "
        "quotes are not checked and nothing is said.",
        severity=Severity.INFO,
        check=missing_snapshots,
    ),
    Rule(
        "FC704",
        "snapshot-changed",
        "A snapshot's SHA-256 differs from the one its source record gives.",
        "The text the quotes were checked against has changed; check them again and record the "
        "new hash (`sha256sum <snapshot>`).",
        check=integrity,
    ),
    Rule(
        "FC705",
        "uncovered-figure",
        "A figure in a source's snapshot is covered by no claim and not set aside.",
        "Every number in a source is either a claim (its quote holds it and its as_written "
        "states it) or set aside in the source record with a reason (page furniture, a phrase "
        "such as 'on the one hand'). Reported where the source record is checked; "
        "`factcheck coverage` lists every figure.",
        severity=Severity.WARNING,
        check=uncovered,
    ),
    Rule(
        "FC706",
        "set-aside-not-found",
        "A set-aside passage does not appear in the snapshot.",
        "A set-aside entry names the passage that holds the figure, as the snapshot writes it.",
        severity=Severity.WARNING,
        check=set_aside_found,
    ),
)
