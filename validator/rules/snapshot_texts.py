"""FC703, FC704, FC706: each source's snapshot is there, unchanged, and holds its set-asides."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.values.findings import Example, Finding, Rule, Severity
from validator.values.text import find_passage
from validator.workspace.project import display

if TYPE_CHECKING:
    from validator.analysis import Analysis
    from validator.analysis.summary import Across

_TEXT = "Warrant data led to the recovery of £4.8 million ($5.9 million), said the NCA.\n"

NO_SNAPSHOT = Rule(
    "FC703",
    "no-snapshot",
    "A source that claims quote has no snapshot to check the quotes against.",
    "Information, not a failure: snapshots of third-party articles are not committed. Name "
    "the folder with --snapshots DIR, FACTCHECK_SNAPSHOTS or [tool.factcheck] snapshots; in "
    "this repository's CI it is ../shared/sources. One note per source that claims quote, "
    "when a folder is named but holds no <source id>.txt for it; with no folder named, "
    "quotes are not checked and nothing is said.",
    Example(
        "claims/money-recovered.yaml:19:9: FC703 no snapshot of 'the-article' (snapshots): its "
        "quotes are not checked; put its text in the-article.txt there, or name a folder with "
        "--snapshots",
        files={"snapshots/other.txt": "another source's text\n"},
    ),
    severity=Severity.INFO,
)
SNAPSHOT_CHANGED = Rule(
    "FC704",
    "snapshot-changed",
    "A snapshot's SHA-256 differs from the one its source record gives.",
    "The text the quotes were checked against has changed; check them again and record the "
    "new hash (`sha256sum <snapshot>`).",
    Example(
        "sources/the-article.yaml:8:18: FC704 snapshots/the-article.txt has SHA-256 "
        "6c9475dd83b5…, not the recorded 000000000000…: the text changed under the claims; "
        "check every quote against the new text, then record its hash",
        files={"sources/the-article.yaml": '{source}snapshot_sha256: "' + "0" * 64 + '"\n'},
        snapshot=_TEXT,
    ),
)
SET_ASIDE_FOUND = Rule(
    "FC706",
    "set-aside-not-found",
    "A set-aside passage does not appear in the snapshot.",
    "A set-aside entry names the passage that holds the figure, as the snapshot writes it.",
    Example(
        "sources/the-article.yaml:9:11: FC706 set-aside passage 'page 2 of 3' is not in "
        "snapshots/the-article.txt; copy the passage as the snapshot has it, or remove the entry",
        files={
            "sources/the-article.yaml": "{source}set_aside:\n  - text: page 2 of 3\n"
            "    reason: page furniture\n"
        },
        snapshot=_TEXT,
    ),
    severity=Severity.WARNING,
)
RULES = (NO_SNAPSHOT, SNAPSHOT_CHANGED, SET_ASIDE_FOUND)


def missing_snapshots(across: Across) -> Iterator[Finding]:
    folder = across.project.snapshots
    if folder is None:
        return  # quote checks are asked for by naming a snapshot folder; none was named
    noted: set[str] = set()
    where = display(folder)
    for summary in across.claims:
        source_id = summary.source
        if source_id in noted or not across.exists("source", source_id):
            continue
        noted.add(source_id)
        if across.snapshot(source_id) is None:
            yield summary.finding(
                NO_SNAPSHOT,
                ("source",),
                f"no snapshot of '{source_id}' ({where}): its quotes are not checked",
                f"put its text in {source_id}.txt there, or name a folder with --snapshots",
            )


def integrity(analysis: Analysis) -> Iterator[Finding]:
    for record in analysis.dataset.sources:
        source = record.model
        shot = analysis.snapshot(source.id)
        if source.snapshot_sha256 and shot and shot.sha256 != source.snapshot_sha256:
            yield record.finding(
                SNAPSHOT_CHANGED,
                ("snapshot_sha256",),
                f"{display(shot.path)} has SHA-256 {shot.sha256[:12]}…, not the recorded "
                f"{source.snapshot_sha256[:12]}…: the text changed under the claims",
                "check every quote against the new text, then record its hash",
            )


def set_aside_found(analysis: Analysis) -> Iterator[Finding]:
    for record in analysis.dataset.sources:
        source = record.model
        shot = analysis.snapshot(source.id)
        if shot is None:
            continue
        for i, item in enumerate(source.set_aside):
            if find_passage(shot.text, item.text) is None:
                yield record.finding(
                    SET_ASIDE_FOUND,
                    ("set_aside", i, "text"),
                    f"set-aside passage '{item.text}' is not in {display(shot.path)}",
                    "copy the passage as the snapshot has it, or remove the entry",
                )


# Each record on its own (a worker runs these on its part), then between records.
CHECKS = ((SNAPSHOT_CHANGED, integrity), (SET_ASIDE_FOUND, set_aside_found))
CHECKS_ACROSS = ((NO_SNAPSHOT, missing_snapshots),)
