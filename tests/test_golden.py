"""The findings, exactly: a change made for speed or layout leaves every finding of the dataset and
of a synthetic set of several hundred records (clean, broken and inconsistent ones mixed) as it
was, in one process and in two. The hostile suites compare theirs in tests/test_hostile.py.

The golden files are tests/golden/*.json; FACTCHECK_UPDATE_GOLDEN=1 rewrites them after a change
meant to change findings (then read their diff)."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, SHARED, Repo, golden_findings, matches_golden
from validator.engine import run as engine_run

BENCH = REPO / "bench" / "bench.py"


def _generate(folder: Path, n: int) -> None:
    """The benchmark's own synthetic records, so that the set it times is the set checked here."""
    spec = importlib.util.spec_from_file_location("bench", BENCH)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.generate(folder, n)


# Every twentieth record is spoilt in one of these ways, so that the set holds every stage's
# findings: YAML, schema, references, figures, conversions, derivations, duplicates.
SPOIL = [
    lambda t: t.replace("\nid: ", "\nid: [unclosed\n", 1),
    lambda t: t.replace("\nquote:", "\nqoute:", 1),
    lambda t: t.replace("\nsource: ", "\nsource: no-such-", 1),
    lambda t: t.replace("\nunit: count", "\nunit: furlong", 1),
    lambda t: t.replace("converted_on: 2024-04-22", "converted_on: 2020-03-20", 1),
    lambda t: re.sub(r"\nvalue: (\d+)", r"\nvalue: \g<1>0", t, count=1),
    lambda t: re.sub(r'\nas_written: "[^"]*"', '\nas_written: "several"', t, count=1),
    lambda t: t + "derived_from: {operation: sum, operands: [no-such-claim]}\n",
    lambda t: t.replace("\nverdict:", "\nextra: 1\nverdict:", 1),
    lambda t: t.replace("rating: ", "rating: wrong-", 1),
]


def _spoil(folder: Path) -> None:
    """Each way of spoiling applied to three records it changes, from the start of the list."""
    files = sorted((folder / "claims").glob("*.yaml"))
    spoilt: set[Path] = set()
    for spoil in SPOIL:
        done = 0
        for path in files[1::7]:
            text = path.read_text(encoding="utf-8")
            if path in spoilt or spoil(text) == text or done == 3:
                continue
            path.write_text(spoil(text), encoding="utf-8")
            spoilt.add(path)
            done += 1
        assert done == 3, spoil
    # Two records with one id.
    shutil.copy(files[0], folder / "claims" / "a-twin.yaml")


@pytest.fixture
def synthetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    _generate(tmp_path, 400)
    _spoil(tmp_path)
    monkeypatch.chdir(tmp_path)
    return Repo(tmp_path)


def test_a_synthetic_set_gives_the_same_findings_in_one_process_and_two(
    synthetic: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = synthetic.run("validate", "--format", "json", "--jobs", "1")
    monkeypatch.setattr(engine_run, "PARALLEL_FROM", 2)
    parallel = synthetic.run("validate", "--format", "json", "--jobs", "2")
    assert serial.code == parallel.code == 1, serial.err
    assert parallel.json == serial.json
    rows = golden_findings(serial.json["findings"], synthetic.root)
    codes = {row[3] for row in rows}
    assert len(codes) >= 12, codes  # the spoilt records reach every stage
    assert matches_golden("synthetic", "400 records", rows), rows


@pytest.mark.skipif(not (SHARED / "sources").is_dir(), reason="../shared/sources is not here")
def test_the_dataset_gives_the_same_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    run = Repo(REPO).run("validate", "--format", "json")
    assert run.code == 0, run.err
    rows = golden_findings(run.json["findings"], REPO)
    assert matches_golden("dataset", "claims and sources", rows), rows


@pytest.mark.parametrize(
    "options",
    [
        ["--select", "FC2,FC6"],
        ["--ignore", "FC602,FC610"],
        ["--select", "FC609"],  # verdict coherence alone: the workers' failed checks still count
        ["--fail-on", "never", "--snapshots", "shots"],
    ],
    ids=["select", "ignore", "coherence alone", "snapshots"],
)
def test_selections_and_snapshots_give_the_same_findings_in_two_processes(
    synthetic: Repo, monkeypatch: pytest.MonkeyPatch, options: list[str]
) -> None:
    shots = synthetic.root / "shots"
    shots.mkdir()
    # A snapshot for one source: its quotes are checked, its figures covered or not (FC705).
    source = sorted((synthetic.root / "sources").glob("*.yaml"))[0].stem
    (shots / f"{source}.txt").write_text("It said 327 people were arrested.\n", encoding="utf-8")
    # A claim whose conversion fails (a spoilt date), now rated accurate: FC609's own part.
    spoilt = next(
        p
        for p in sorted((synthetic.root / "claims").glob("*.yaml"))
        if "converted_on: 2020-03-20" in p.read_text()
    )
    text = re.sub(r"rating: \S+", "rating: accurate", spoilt.read_text(), count=1)
    spoilt.write_text(text)
    serial = synthetic.run("validate", "--format", "json", "--jobs", "1", *options)
    monkeypatch.setattr(engine_run, "PARALLEL_FROM", 2)
    monkeypatch.setattr(engine_run, "MIN_CHUNK", 16)
    parallel = synthetic.run("validate", "--format", "json", "--jobs", "2", *options)
    assert serial.err == parallel.err == ""
    assert parallel.json == serial.json
    assert serial.json["findings"], "the selection finds something to compare"


def test_named_files_give_the_same_findings_in_two_processes(
    synthetic: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some claims named, the rest of the repository read only where a rule needs it."""
    named = [str(p.relative_to(synthetic.root)) for p in sorted(synthetic.root.glob("claims/*"))]
    named = named[::3]
    serial = synthetic.run("validate", "--format", "json", "--jobs", "1", *named)
    monkeypatch.setattr(engine_run, "PARALLEL_FROM", 2)
    parallel = synthetic.run("validate", "--format", "json", "--jobs", "2", *named)
    assert parallel.json == serial.json
    assert {f["path"] for f in serial.json["findings"]} <= set(named)


def test_a_run_that_keeps_its_records_finds_what_one_that_lets_them_go_finds(
    synthetic: Repo,
) -> None:
    """validate(keep=True), as the report and exports run, and keep=False, as `factcheck
    validate` runs (each record let go once summarised): the same findings, in the same order;
    only the first holds the records."""
    from validator.engine import validate
    from validator.workspace.project import find

    project = find(synthetic.root)
    kept = validate(project, [], keep=True)
    let_go = validate(project, [], keep=False)
    assert kept.findings == let_go.findings
    assert len({f.code for f in kept.findings}) >= 12
    assert let_go.analysed is None
    assert len(kept.dataset.claims) > 350


def test_a_summary_places_its_findings_where_the_record_does(synthetic: Repo) -> None:
    """The rules between records place findings through a Summary: at every place it keeps,
    it says what the record's own position tree says."""
    from validator.analysis.summary import _PLACES, summarize
    from validator.engine import validate
    from validator.workspace.project import find

    result = validate(find(synthetic.root), [], keep=True)
    derived = 0
    for record in result.records:
        summary = summarize(record)
        locs = [(loc, False) for loc in _PLACES] if summary.kind == "claim" else [(("id",), False)]
        locs += list(summary.more or ())
        derived += any(loc[:1] == ("derived_from",) for loc, _ in locs)
        for loc, key in locs:
            assert summary.at(*loc, key=key) == record.at(*loc, key=key), (record.display, loc)
    assert derived  # the spoilt set holds derivations, whose places a Summary keeps too
