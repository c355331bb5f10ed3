"""One validation run: files -> load -> model -> dataset -> rules -> waivers -> findings."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from validator import rules
from validator.analysis import Analysis
from validator.analysis.summary import (
    Across,
    Summary,
    summarize,
)
from validator.dataset import Dataset, index_of
from validator.load import load
from validator.load.read import UNREADABLE
from validator.model.build import AnyRecord, Record, is_source, to_record
from validator.model.plain import Source
from validator.rules import waivers
from validator.rules.conflicts import VERDICT_COHERENCE, failed_checks
from validator.values.findings import Finding
from validator.workspace.project import (
    KINDS,
    RECORD_SUFFIXES,
    File,
    Project,
    display,
    displays,
    walk,
)

if TYPE_CHECKING:
    from validator.analysis.snapshots import Snapshot


@dataclass
class Result:
    """What a run found, and what it saw: the formats and the report read this one value."""

    findings: list[Finding]
    files: list[str]
    analysed: Analysis | None  # None when the run was not asked to keep its records
    waived: int = 0

    @property
    def analysis(self) -> Analysis:
        assert self.analysed is not None, "validate(..., keep=True) keeps the records"
        return self.analysed

    @property
    def dataset(self) -> Dataset:
        return self.analysis.dataset

    @property
    def records(self) -> list[AnyRecord]:
        return self.dataset.records


@dataclass(frozen=True)
class Selection:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)

    def wants(self, code: str) -> bool:
        return (self.select is None or rules.matches(code, self.select)) and not rules.matches(
            code, self.ignore
        )


def targets(project: Project, paths: Sequence[File | Path]) -> tuple[list[File], list[Finding]]:
    """The files to check, and a finding for each folder that could not be searched."""
    named = [os.fspath(p) for p in paths]
    folders = named or [os.fspath(f) for f in (project.claims, project.sources) if f.is_dir()]
    found: list[File] = []
    problems: list[Finding] = []
    for path in folders:
        expand = (
            os.path.isdir(path)
            and not os.path.islink(path)
            and not os.path.basename(path.rstrip(os.sep) or path).endswith(RECORD_SUFFIXES)
        )
        if not expand:
            found.append(path)
            continue
        files, skipped = walk(path)
        found += files
        problems += [
            UNREADABLE.at(display(folder), 1, 1, why, "make it readable, or move the records up")
            for folder, why in skipped
        ]
    if not paths and _apart(project):
        return found, problems  # two folders, neither inside the other: no file twice
    # A file named twice, or once relatively and once absolutely, is checked once.
    unique = {os.path.abspath(p): p for p in reversed(found)}
    return [unique[k] for k in dict.fromkeys(os.path.abspath(p) for p in found)], problems


def _apart(project: Project) -> bool:
    claims, sources = os.path.abspath(project.claims), os.path.abspath(project.sources)
    return not (claims + os.sep).startswith(sources + os.sep) and not (sources + os.sep).startswith(
        claims + os.sep
    )


def validate(
    project: Project,
    paths: Sequence[File | Path],
    selection: Selection | None = None,
    jobs: int = 1,
    keep: bool = True,
) -> Result:
    """Check `paths` (default: the whole project). `keep`: the Result holds every record's
    model and positions, for a reader (the report, exports); without it, as `factcheck
    validate` runs, only findings are kept and each record is let go once its Summary is made,
    which also lets workers check the claims."""
    # A run makes hundreds of thousands of long-lived, acyclic objects (values, models), and the
    # cyclic garbage collector would walk them all again and again as they pile up: 15% of a
    # 10k-file run. Nothing here makes cycles worth collecting, so it rests until the run ends.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _validate(project, paths, selection or Selection(), jobs, keep)
    finally:
        if collecting:
            gc.enable()


def _validate(
    project: Project, paths: Sequence[File | Path], selection: Selection, jobs: int, keep: bool
) -> Result:
    files, unsearched = targets(project, paths)
    others = _others(project, files) if paths else {kind: [] for kind in KINDS}
    kinds = project.kinds_of(files)
    shown = displays(files)  # each file's name in findings, worked out once
    named = list(zip(files, shown, strict=True))
    # Sources first, whole: every claim's own rules read the sources it cites.
    findings, read = _per_file(
        project, [f for f, k in zip(named, kinds, strict=True) if k == "source"], "source"
    )
    sources = [r for r in read if is_source(r)]
    alone = Analysis(Dataset.build(project, sources, others, _quiet(project)))
    for _rule, check in rules.selected(selection.select, selection.ignore, "record"):
        findings.extend(check(alone))  # the sources' own findings, once
    part = _Part(project, sources, others, selection, alone.read_snapshots, keep)
    claims = [f for f, k in zip(named, kinds, strict=True) if k == "claim"]
    found, summaries, failed, kept = _claims(part, claims, jobs)
    findings += found
    own = [summarize(r) for r in sources]
    across = Across(
        project,
        summaries,
        own,
        sources,
        index_of(others, ((s.kind, s.id, s.path) for s in (*summaries, *own))),
        failed,
        alone.dataset,  # the sources, and a quiet read of any claim not being checked
        alone.snapshot,
    )
    for _rule, check in rules.selected(selection.select, selection.ignore, "across"):
        findings.extend(check(across))
    findings += unsearched
    findings, waived = waivers.apply(findings, list(across.records), selection.wants)
    findings = _bounded([f for f in findings if selection.wants(f.code)])
    analysis = None
    if keep:  # in the order of the files, as a reader lists them
        order = {name: i for i, name in enumerate(shown)}
        records = sorted([*kept, *sources], key=lambda r: order[r.display])
        dataset = Dataset.build(project, records, others, _quiet(project))
        analysis = Analysis(dataset, failed, across, alone.read_snapshots)
    return Result(findings, shown, analysis, waived)


def _others(project: Project, files: list[File]) -> dict[str, list[File]]:
    """The records a run on named files does not check, but may read (a cited source): a
    whole-project run checks them all, and lists the folders once."""
    checked = {os.path.abspath(p) for p in files}
    return {
        kind: [p for p in project.files(kind) if os.path.abspath(p) not in checked]
        for kind in KINDS
    }


MAX_FINDINGS_PER_RULE = 50  # in one file; then one finding says how many more there are


def _bounded(findings: list[Finding]) -> list[Finding]:
    """Findings in order, at most MAX_FINDINGS_PER_RULE of one rule in one file: 20,000
    duplicate keys are 50 findings and a count, not 20,000 lines."""
    findings.sort(key=Finding.sort_key)
    seen: dict[tuple[str, str], int] = {}
    kept: list[Finding] = []
    for finding in findings:
        key = (finding.path, finding.code)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= MAX_FINDINGS_PER_RULE:
            kept.append(finding)
    for (path, code), count in seen.items():
        if count > MAX_FINDINGS_PER_RULE:
            last = next(f for f in reversed(kept) if (f.path, f.code) == (path, code))
            more = count - MAX_FINDINGS_PER_RULE
            kept.append(
                replace(
                    last,
                    message=f"{more:,} more {code} findings in this file are not shown",
                    hint="fix the ones shown, then run again",
                )
            )
    kept.sort(key=Finding.sort_key)
    return kept


def _quiet(project: Project) -> Any:
    def fetch(path: File, kind: str) -> AnyRecord | None:
        """A record that is not being checked: its own findings belong to its own run, so only
        a record that loads cleanly is of use here."""
        doc, _ = load(path, display(path), project.root)
        return to_record(path, kind, doc)[0] if doc is not None else None

    return fetch


SERIAL_CHUNK = 256  # claims in hand at a time in one process: their documents, then let go
# Below this many claims a second process costs more than it saves. Measured on 2 cores (9
# alternating pairs, medians, workers against one process, summaries crossing back): 250
# claims 0.19 s against 0.16 s, 500 0.19 against 0.19, 1,000 0.24 against 0.24, 2,000 0.30
# against 0.35.
PARALLEL_FROM = 1000
MIN_CHUNK = 64  # files a worker is given at a time, at least
# and at most: a worker holds its chunk's records until they are summarised, so 100k claims in
# four chunks a worker made a worker's peak the run's (0.6 KiB a claim more). 2,500 leaves
# 10k files in eight chunks (1,000 cost 0.02-0.05 s there: more, smaller results to merge).
MAX_CHUNK = 2500


# A file to check, with its name as findings give it.
Named = tuple[File, str]


def check_file(
    project: Project, path: File, shown: str, kind: str
) -> tuple[list[Finding], AnyRecord | None]:
    """Read, load and model one file: its findings, and its record when it has one."""
    doc, findings = load(path, shown, project.root)
    if doc is None:
        return findings, None
    record, problems = to_record(path, kind, doc)
    return findings + problems, record


def _per_file(
    project: Project, files: list[Named], kind: str
) -> tuple[list[Finding], list[AnyRecord]]:
    findings: list[Finding] = []
    records: list[AnyRecord] = []
    for path, shown in files:
        found, record = check_file(project, path, shown, kind)
        findings += found
        if record is not None:
            records.append(record)
    return findings, records


@dataclass(frozen=True)
class _Part:
    """What every chunk of claims is checked with: the sources, read once (a worker inherits
    them through fork), the files not being checked, the snapshots read so far."""

    project: Project
    sources: list[Record[Source]]
    others: dict[str, list[File]]
    selection: Selection
    snapshots: dict[str, Snapshot | None]
    keep: bool


_PART: _Part | None = None

# A chunk's outcome: its findings, its claims' Summaries, which of their own checks failed (by
# claim id), and, when the run keeps them, the records themselves.
_Chunk = tuple[list[Finding], list[Summary], dict[str, set[str]], list[AnyRecord]]


def _check_chunk(files: list[Named]) -> _Chunk:
    """The per-file stage for a chunk of claims, in this process or a worker alike: each read,
    loaded, modelled and put through every rule that looks at one record on its own, against
    all the sources, while its document is in hand; then summarised for the rules between
    records, and let go (unless the run keeps it)."""
    part = _PART
    assert part is not None
    project, selection = part.project, part.selection
    findings, records = _per_file(project, files, "claim")
    dataset = Dataset.build(project, [*part.sources, *records], part.others, _quiet(project))
    analysis = Analysis(dataset, read_snapshots=part.snapshots)
    mine = {record.display for record in records}
    for _rule, check in rules.selected(selection.select, selection.ignore, "record"):
        findings.extend(f for f in check(analysis) if f.owner in mine)  # the sources' are done
    failed = (
        failed_checks(analysis.record_checks) if selection.wants(VERDICT_COHERENCE.code) else {}
    )
    summaries = [summarize(r, dataset.language(r.model.source)) for r in dataset.claims]
    return findings, summaries, failed, records if part.keep else []


def _claims(part: _Part, claims: list[Named], jobs: int) -> _Chunk:
    """Every claim through the per-file stage, in chunks: in worker processes from
    PARALLEL_FROM files (and when the records need not be kept), else here."""
    global _PART
    parallel = jobs > 1 and len(claims) >= PARALLEL_FROM and not part.keep
    size = min(MAX_CHUNK, max(MIN_CHUNK, len(claims) // (jobs * 4))) if parallel else SERIAL_CHUNK
    chunks = [claims[i : i + size] for i in range(0, len(claims), size)]
    _PART = part
    try:
        if not parallel:
            return _merged(map(_check_chunk, chunks), chunks, None)
        return _in_parallel(chunks, jobs)
    finally:
        _PART = None


def _merged(
    results: Any, chunks: list[list[Named]], asked: _Interrupt | None, workers: Any = ()
) -> _Chunk:
    """The chunks' outcomes in order; from workers (`asked` set), with their Paths put back."""
    findings: list[Finding] = []
    summaries: list[Summary] = []
    failed: dict[str, set[str]] = {}
    kept: list[AnyRecord] = []
    for chunk in chunks:
        if asked is None:
            found, summarised, failures, records = next(results)
        else:
            found, summarised, failures, records = _with_paths(
                chunk, _next(results, workers, asked)
            )
        findings += found
        summaries += summarised
        kept += records
        for id_, codes in failures.items():
            failed.setdefault(id_, set()).update(codes)
    return findings, summaries, failed, kept


# The chunks of a parallel run, inherited by the forked workers: what crosses to a worker is a
# chunk's number, and what comes back names each file as it is shown (its path is put back
# here): a number costs nothing to send, and each path would cross twice.
_CHUNKS: list[list[Named]] = []
_NO_PATH = ""


def _check_numbered(number: int) -> _Chunk:
    # A worker's chunk is a unit of work to send and merge; within it the files are checked
    # SERIAL_CHUNK at a time, as in one process, so that a worker holds no more documents at
    # once than a run in one process does (1,250 at once made a worker the run's peak).
    chunk = _CHUNKS[number]
    parts = [chunk[i : i + SERIAL_CHUNK] for i in range(0, len(chunk), SERIAL_CHUNK)]
    findings, summaries, failed, records = _merged(map(_check_chunk, parts), parts, None)
    for summary in summaries:
        summary.path = _NO_PATH  # one object, pickled once
    return findings, summaries, failed, records


def _with_paths(chunk: list[Named], outcome: _Chunk) -> _Chunk:
    paths = {shown: path for path, shown in chunk}
    for summary in outcome[1]:
        summary.path = paths[summary.display]
    return outcome


def _in_parallel(chunks: list[list[Named]], jobs: int) -> _Chunk:
    """The chunks in forked workers, their outcomes merged here as they arrive, in order."""
    pool: Any = None
    workers: list[Any] = []
    before: set[Any] = set()
    asked = _Interrupt()  # from here to the end of the loop, ^C is noted and raised there
    try:
        _CHUNKS[:] = chunks  # a worker forked from here finds its chunk by its number
        # No processes or pipes to be had (a ulimit): the chunks run here, with no pool.
        with contextlib.suppress(OSError):
            pool, workers, before = _start_pool(jobs)
        if pool:
            results = pool.imap(_check_numbered, range(len(chunks)))
        else:
            results = map(_check_chunk, chunks)
        merged = _merged(results, chunks, asked, workers)
    except WorkerLost:
        if pool:
            _abandon(pool, before)
        raise
    except BaseException:  # ^C, or a bug: the workers are ended before anything is said
        if pool:
            _end(pool)
        raise
    finally:
        asked.restore()
        _CHUNKS.clear()
    if pool:
        pool.close()
        pool.join()
    return merged


def _start_pool(jobs: int) -> tuple[Any, list[Any], set[Any]]:
    """`jobs` forked workers, their processes, and the children this process had before.
    fork: they start with everything already imported, and the sources read. They ignore
    SIGINT: the main process alone answers ^C, and ends them. multiprocessing.Pool, not
    ProcessPoolExecutor: its terminate() ends workers cleanly even mid-result, where the
    executor's manager thread would wait for ever on a half-sent result at exit."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    before = set(multiprocessing.active_children())
    # ^C is held while the workers are forked, so none is interrupted before it has learnt to
    # ignore it; a held ^C arrives just after, in the loop that reads the results.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool = context.Pool(jobs, initializer=_quiet_worker, initargs=(os.getpid(),))
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    return pool, [p for p in multiprocessing.active_children() if p not in before], before


class _Interrupt:
    """^C while workers run is noted, not raised where it lands: a KeyboardInterrupt inside
    multiprocessing's locks can leave one half released ("release unlocked lock"). The loop
    that reads the results raises it itself, between chunks, within a quarter of a second."""

    def __init__(self) -> None:
        self.asked = False
        try:
            self.previous: Any = signal.signal(signal.SIGINT, self._note)
        except ValueError:  # not the main thread: no ^C reaches it anyway
            self.previous = None

    def _note(self, signum: int, frame: object) -> None:
        self.asked = True

    def check(self) -> None:
        if self.asked:
            raise KeyboardInterrupt

    def restore(self) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
            self.previous = None


class WorkerLost(Exception):
    """A worker process ended in the middle of a run: killed (the kernel's OOM killer, a
    kill -9), not a problem in the input. Its chunk is lost, so the run stops and says so."""


def _next(results: Any, workers: Any, asked: _Interrupt) -> Any:
    """The next chunk's result. Pool would wait for ever on the chunk of a worker that was
    killed (it starts another worker, but not that chunk again), so the wait looks now and
    then whether one of the workers it started with has died."""
    import multiprocessing

    asked.check()
    if not workers:
        return next(results)
    while True:
        try:
            return results.next(timeout=0.25)
        except multiprocessing.TimeoutError:
            asked.check()
            dead = [w.exitcode for w in workers if w.exitcode not in (None, 0)]
            if dead:
                how = f"signal {-dead[0]}" if dead[0] < 0 else f"exit {dead[0]}"
                raise WorkerLost(
                    f"a worker process was killed ({how}; out of memory?): run again, or "
                    "with --jobs 1"
                ) from None


def _end(pool: Any) -> None:
    """Workers ended and waited for, with ^C held: a second ^C must not leave them running."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool.terminate()
        pool.join()
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _abandon(pool: Any, before: set[Any]) -> None:
    """The pool after a worker was killed. That worker may have died holding the task queue's
    lock, and Pool.terminate() then waits for the lock for ever; so it runs in a thread the
    process does not wait for (it stops the pool from starting workers at once), and every
    worker still running, the pool's own and those it started since, is killed here."""
    import multiprocessing
    import threading

    stopper = threading.Thread(target=pool.terminate, daemon=True)
    stopper.start()
    stopper.join(timeout=1)
    for process in set(multiprocessing.active_children()) - before:
        process.kill()
        process.join(timeout=1)


def _quiet_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with(parent)


PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """On Linux the kernel ends a worker when the main process ends, however it ends (kill -9,
    or a crash while the workers are being stopped): no worker outlives its run holding the
    output pipe open. Elsewhere only Pool's own clean-up ends them."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the main process ended before the request was made
        os._exit(1)


def root_relative(project: Project, path: str) -> str:
    """A finding's path relative to the repository root, with forward slashes (for SARIF)."""
    absolute = Path(path).absolute()
    try:
        return absolute.relative_to(project.root.absolute()).as_posix()
    except ValueError:
        return Path(os.path.abspath(path)).as_posix()
