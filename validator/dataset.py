"""The dataset: the records being checked, indexed by kind and id, and every other id in the
repository, so that references resolve against all of claims/ and sources/."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from validator.model.build import AnyRecord, Record, is_claim, is_source
from validator.model.plain import Claim, Source
from validator.workspace.project import KINDS, File, Project, stem

# How a record that is not being checked is read when a rule needs its content (the engine
# gives one that loads it quietly); None: it does not load cleanly.
Fetch = Callable[[File, str], AnyRecord | None]


# Every id of the repository, by kind: the files each names.
Index = dict[str, dict[str, list[File]]]


def index_of(others: dict[str, list[File]], checked: Iterable[tuple[str, str, File]]) -> Index:
    """The files not being checked under their stem (their id, when FC201 holds), then the
    checked ones, given as (kind, id, path), under their id."""
    index: Index = {kind: {} for kind in KINDS}
    for kind, paths in others.items():
        for path in paths:
            index[kind].setdefault(stem(path), []).append(path)
    for kind, id_, path in checked:
        index[kind].setdefault(id_, []).append(path)
    return index


@dataclass(eq=False)
class Dataset:
    """Checked records plus an index of all ids.

    Files that are not being checked are known by their file stem (their id, when FC201 holds)
    and read, through `fetch`, only when a rule needs their content, so that checking one file
    stays fast.
    """

    project: Project
    claims: list[Record[Claim]]
    sources: list[Record[Source]]
    index: Index
    fetch: Fetch | None = None
    _by_id: dict[tuple[str, str], AnyRecord] = field(default_factory=dict, repr=False)
    _fetched: dict[File, AnyRecord | None] = field(default_factory=dict, repr=False)
    _languages: dict[str, str | None] = field(default_factory=dict, repr=False)

    @classmethod
    def build(
        cls,
        project: Project,
        records: Sequence[AnyRecord],
        others: dict[str, list[File]],
        fetch: Fetch | None = None,
    ) -> Dataset:
        """`others`: by kind, the record files of the repository that are not being checked."""
        index = index_of(others, ((r.kind, r.model.id, r.path) for r in records))
        claims: list[Record[Claim]] = []
        sources: list[Record[Source]] = []
        by_id: dict[tuple[str, str], AnyRecord] = {}
        for record in records:
            by_id.setdefault((record.kind, record.model.id), record)
            if is_claim(record):
                claims.append(record)
            elif is_source(record):
                sources.append(record)
        return cls(project, claims, sources, index, fetch, by_id)

    @property
    def records(self) -> list[AnyRecord]:
        return [*self.claims, *self.sources]

    def known(self, kind: str) -> list[str]:
        return sorted(self.index[kind])

    def exists(self, kind: str, id_: str) -> bool:
        return id_ in self.index[kind]

    def claim(self, id_: str) -> Record[Claim] | None:
        found = self._lookup("claim", id_)
        return found if found is not None and is_claim(found) else None

    def source(self, id_: str) -> Record[Source] | None:
        found = self._lookup("source", id_)
        return found if found is not None and is_source(found) else None

    def language(self, source_id: str) -> str | None:
        """The language of a source (None: not known): it says how "4,800" reads in it."""
        if source_id not in self._languages:  # asked for each figure of each claim
            source = self.source(source_id)
            self._languages[source_id] = source.model.language if source else None
        return self._languages[source_id]

    def _lookup(self, kind: str, id_: str) -> AnyRecord | None:
        """The record with this id, reading it through `fetch` if it is not being checked."""
        found = self._by_id.get((kind, id_))
        if found is None and self.fetch is not None:
            for path in self.index[kind].get(id_, ()):
                if path not in self._fetched:
                    self._fetched[path] = self.fetch(path, kind)
                found = self._fetched[path]
                if found is not None:
                    break
        return found
