"""What the rules between records read: a compact Summary of each record, and the Across view.

The rules that compare records with each other (duplicate ids, references to claims,
derivations and their cycles, conflicts, verdict coherence, the first claim of a source
without a snapshot, coverage, unused waivers) need a few facts of every claim, not its model
or the positions of all its nodes. The per-file stage makes a Summary while the record is in
hand, in the main process or in a worker alike, and lets the record go: 10k claims keep 10k
summaries, not 10k models and position trees, and a worker sends back summaries, not
documents for the main process to model again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from validator.analysis.consistency import span_of
from validator.dataset import Dataset, Index
from validator.load.document import Loc
from validator.model.build import AnyRecord, Record
from validator.model.plain import Claim, Source
from validator.values.findings import Finding, Rule
from validator.values.intervals import Interval
from validator.workspace.project import Project

if TYPE_CHECKING:
    from validator.analysis.consistency import Between
    from validator.analysis.coverage import Unloaded
    from validator.analysis.snapshots import Snapshot

# The places the rules between records point at, in this order; a Summary keeps these (a
# source's, the first), and those of a derivation's and a waiver's entries when it has them.
_PLACES: dict[Loc, int] = {("id",): 0, ("value",): 1, ("verdict", "rating"): 2, ("source",): 3}
_DERIVED: Loc = ("derived_from", "operation")

# A conflict is between claims on the same measure, place, period, date, rate and unit.
ConflictKey = tuple[object, ...]


@dataclass(eq=False, slots=True)
class Summary:
    """One record as the rules between records see it. A source's Summary holds only who it is
    (its id, its waivers); the sources themselves are few and kept whole."""

    path: str  # the record's file (validator/workspace/project.py: File)
    kind: str
    display: str
    id: str
    places: tuple[tuple[int, int], ...] = field(repr=False)  # at _PLACES, in their order
    waive: dict[str, str]
    # A claim's: what it cites, how it is rated, its figure, and what derives it.
    source: str = ""
    rating: str = ""
    value: Decimal = Decimal(0)
    unit: str = ""
    per: str | None = None
    as_written: str = ""
    span: Interval | None = None  # the interval its figure allows; None: FC302/FC303 report it
    conflict: ConflictKey | None = None
    period: tuple[date, date] | None = None
    derived_from: tuple[str, tuple[str, ...]] | None = None  # the operation, the operand ids
    # What coverage reads: the quote, every written figure (its own and its equivalents').
    quote: str = ""
    written: tuple[str, ...] = ()
    implied: bool = False
    more: dict[tuple[Loc, bool], tuple[int, int]] | None = field(default=None, repr=False)

    def at(self, *loc: str | int, key: bool = False) -> tuple[int, int]:
        i = None if key else _PLACES.get(loc)
        if i is not None and i < len(self.places):
            return self.places[i]
        assert self.more is not None, f"a Summary keeps no place for {loc}"
        return self.more[(loc, key)]

    def finding(
        self, rule: Rule, loc: Loc, message: str, hint: str = "", *, key: bool = False
    ) -> Finding:
        return rule.at(self.display, *self.at(*loc, key=key), message, hint)

    def covering(self) -> Unloaded:
        """The claim as coverage reads it (the shape a claim file that does not load has too)."""
        from validator.analysis.coverage import Unloaded

        return Unloaded(self.id, self.source, self.quote, self.written, self.implied)


def summarize(record: AnyRecord, language: str | None = None) -> Summary:
    """The Summary of a record in hand; `language`: that of the source a claim's figure is in."""
    model = record.model
    doc = record.doc
    top = doc.places
    assert isinstance(top, dict)  # a record's top level is a mapping
    start = (doc.line, doc.column)
    more = _more_places(record)
    id_at = _top(top, "id", start)
    if not isinstance(model, Claim):
        return Summary(
            record.path, record.kind, record.display, model.id, (id_at,), model.waive, more=more
        )
    places = (
        id_at,
        _top(top, "value", start),
        doc.locate(("verdict", "rating")),
        _top(top, "source", start),
    )
    derivation = model.derived_from
    derived = None if derivation is None else (derivation.operation, tuple(derivation.operands))
    period = (model.period.start, model.period.end) if model.period else None
    span = span_of(model, language)
    return Summary(
        record.path,
        record.kind,
        record.display,
        model.id,
        places,
        model.waive,
        model.source,
        model.verdict.rating,
        model.value,
        model.unit,
        model.per,
        model.as_written,
        span,
        None if span is None else _conflict_key(model, period),
        period,
        derived,
        model.quote,
        (model.as_written, *(e.as_written for e in model.equivalents)),
        model.implied,
        more,
    )


def _top(top: dict[str, Any], name: str, start: tuple[int, int]) -> tuple[int, int]:
    """Where a top-level value stands, read straight from the tree (Document.locate's answer)."""
    entry = top.get(name)
    return (entry[2], entry[3]) if entry else start


def _more_places(record: AnyRecord) -> dict[tuple[Loc, bool], tuple[int, int]] | None:
    """The places of a derivation's entries and of waivers' names, when a record has them."""
    model = record.model
    derivation = model.derived_from if isinstance(model, Claim) else None
    if not model.waive and derivation is None:
        return None
    more: dict[tuple[Loc, bool], tuple[int, int]] = {}
    for code in model.waive:
        more[(("waive", code), True)] = record.at("waive", code, key=True)
    if derivation is not None:
        more[(_DERIVED, False)] = record.at(*_DERIVED)
        for i in range(len(derivation.operands)):
            loc = ("derived_from", "operands", i)
            more[(loc, False)] = record.at(*loc)
    return more


def _conflict_key(claim: Claim, period: tuple[date, date] | None) -> ConflictKey:
    return (
        " ".join(claim.measure.casefold().split()),
        claim.geography,
        period,
        claim.as_of,
        claim.per,
        claim.unit,
    )


@dataclass(eq=False)
class Across:
    """The records of a run as the rules between records read them: a Summary of every record
    being checked, the sources themselves, every id in the repository, and which of each
    claim's own checks failed (made where the claim was read)."""

    project: Project
    claims: list[Summary]
    source_summaries: list[Summary]
    sources: list[Record[Source]]
    index: Index
    failed: dict[str, set[str]]
    # Where a claim that is not being checked is read, when a rule between records needs it
    # (an operand, a claim covering a figure): the run's dataset of what it does not check.
    unchecked: Dataset | None = None
    snapshots: Callable[[str], Snapshot | None] | None = None
    _by_id: dict[str, Summary | None] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for summary in self.claims:
            self._by_id.setdefault(summary.id, summary)

    @classmethod
    def of(cls, dataset: Dataset, failed: dict[str, set[str]]) -> Across:
        """The view of a dataset whose records are all in hand (the report's, a test's)."""
        claims = [summarize(r, dataset.language(r.model.source)) for r in dataset.claims]
        sources = [summarize(r) for r in dataset.sources]
        return cls(
            dataset.project,
            claims,
            sources,
            dataset.sources,
            dataset.index,
            failed,
            dataset,
        )

    @property
    def records(self) -> Iterator[Summary]:
        yield from self.claims
        yield from self.source_summaries

    def known(self, kind: str) -> list[str]:
        return sorted(self.index[kind])

    def exists(self, kind: str, id_: str) -> bool:
        return id_ in self.index[kind]

    def claim(self, id_: str) -> Summary | None:
        """The claim with this id; one not being checked is read (quietly) and summarised."""
        if id_ not in self._by_id and self.unchecked is not None:
            record = self.unchecked.claim(id_)
            self._by_id[id_] = (
                None
                if record is None
                else summarize(record, self.unchecked.language(record.model.source))
            )
        return self._by_id.get(id_)

    def snapshot(self, source_id: str) -> Snapshot | None:
        return self.snapshots(source_id) if self.snapshots is not None else None

    @cached_property
    def checks(self) -> list[Between]:
        """The checks between claims: derivations, cycles, conflicts."""
        from validator.analysis.consistency import evaluate_across

        return evaluate_across(self)
