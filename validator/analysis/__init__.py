"""Computed once per dataset, for the rules and the report: the consistency arithmetic, the
source snapshots, and which figure in a snapshot each claim covers."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from validator.analysis.consistency import AnyCheck, Between, Check
    from validator.analysis.snapshots import Snapshot
    from validator.analysis.summary import Across
    from validator.dataset import Dataset


@dataclass(eq=False)
class Analysis:
    """What the cross-file rules read, each part computed on first use and then kept."""

    dataset: Dataset
    # Which of each claim's own checks failed, by claim id, when workers made those checks
    # (and the claims' own rules ran there); None when they are made here.
    failed: dict[str, set[str]] | None = None
    between: Across | None = field(default=None, repr=False)
    # The snapshots read so far, by source id: a run's chunks share one.
    read_snapshots: dict[str, Snapshot | None] = field(default_factory=dict, repr=False)

    @cached_property
    def checks(self) -> list[AnyCheck]:
        """Every consistency check of the dataset: equivalents, derivations, conflicts."""
        return [*self.record_checks, *self.checks_across]

    @cached_property
    def record_checks(self) -> list[Check]:
        """The checks each claim makes on its own: its equivalents."""
        from validator.analysis.consistency import evaluate_records

        return evaluate_records(self.dataset)

    @cached_property
    def checks_across(self) -> list[Between]:
        """The checks between claims: derivations, cycles, conflicts."""
        return self.across.checks

    @property
    def across(self) -> Across:
        """The dataset as the rules between records read it: the run's own, or one made from
        the dataset's records when first asked for."""
        if self.between is None:
            from validator.analysis.summary import Across

            self.between = Across.of(self.dataset, self.failed or {})
            self.between.snapshots = self.snapshot
        return self.between

    def snapshot(self, source_id: str) -> Snapshot | None:
        """The text of a source, read once per run; None when there is none to read."""
        if source_id not in self.read_snapshots:
            from validator.analysis.snapshots import read_snapshot

            self.read_snapshots[source_id] = read_snapshot(
                self.dataset.project.snapshots, source_id
            )
        return self.read_snapshots[source_id]
