"""Files from strangers' pull requests: each hostile input is a located finding, exit 1, no
traceback, nothing run, nothing changed. And the harmless look-alikes stay clean."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CLAIM, Repo, golden_findings, matches_golden, snapshot_tree

Setup = Callable[[Path], Path]  # writes the hostile input under the repo root, returns its path


def text(content: str | bytes, name: str = "claims/hostile.yaml") -> Setup:
    def write(root: Path) -> Path:
        path = root / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path

    return write


def in_claim(old: str, new: str) -> Setup:
    assert old in CLAIM
    # Named after its file, so that only the hostile part has anything to be found
    return text(CLAIM.replace(old, new, 1).replace("id: money-recovered", "id: hostile"))


def alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def big_file(root: Path) -> Path:
    path = root / "claims/hostile.yaml"
    with path.open("wb") as handle:
        handle.write(b"a: ")
        handle.seek(50 * 1024 * 1024)
        handle.write(b"x\n")
    return path


def directory(root: Path) -> Path:
    path = root / "claims/hostile.yaml"
    path.mkdir()
    return path


def broken_link(root: Path) -> Path:
    path = root / "claims/hostile.yaml"
    path.symlink_to(root / "nowhere.yaml")
    return path


def outside_link(root: Path) -> Path:
    secret = root.parent / f"{root.name}-secret.yaml"
    secret.write_text("password: hunter2\n")
    path = root / "claims/hostile.yaml"
    path.symlink_to(secret)
    return path


def fifo(root: Path) -> Path:
    path = root / "claims/hostile.yaml"
    os.mkfifo(path)
    return path


MARKER = "ran-it"
CASES: dict[str, tuple[Setup, str, int]] = {
    "syntax: unclosed bracket": (text("a: [1, 2\nb: 3\n"), "FC001", 2),
    "syntax: unclosed quote": (text('a: "open\nb: 1\n'), "FC001", 3),
    "syntax: colon in a plain value": (text("a: b: c\n"), "FC001", 1),
    "tab indentation": (text("a:\n\tb: 1\n"), "FC001", 2),
    "duplicate key, top level": (in_claim("unit: GBP\n", "unit: GBP\nunit: USD\n"), "FC002", 8),
    "duplicate key, nested mapping": (
        in_claim("  rating: accurate\n", "  rating: accurate\n  rating: inaccurate\n"),
        "FC002",
        22,
    ),
    "duplicate key, list item": (
        in_claim("    unit: USD\n", "    unit: USD\n    unit: EUR\n"),
        "FC002",
        12,
    ),
    "duplicate key, deep": (text("a:\n  b:\n    c:\n      d: 1\n      d: 2\n"), "FC002", 5),
    "alias bomb": (text(alias_bomb()), "FC004", 1),
    "alias to nothing": (text("a: *nothing\n"), "FC004", 1),
    "python/object/apply": (
        text(f"a: !!python/object/apply:os.system ['touch {MARKER}']\n"),
        "FC003",
        1,
    ),
    "python/object/new": (
        text(f"a: !!python/object/new:os.system ['touch {MARKER}']\n"),
        "FC003",
        1,
    ),
    "python/name": (text("a: !!python/name:os.system\n"), "FC003", 1),
    "custom tag": (text("a: !vault |\n  secret\n"), "FC003", 1),
    "Latin-1 bytes": (text(b"id: caf\xe9\n"), "FC007", 1),
    "UTF-16": (text("id: x\n".encode("utf-16")), "FC007", 1),
    "NUL bytes": (text(b"id: x\nquote: a\x00b\n"), "FC007", 2),
    "binary garbage": (text(bytes(range(256)) * 4), "FC007", 1),
    "control character": (in_claim("claimant: National", "claimant: Nat\x07ional"), "FC007", 18),
    "50 MB file": (big_file, "FC005", 1),
    "100k-deep flow nesting": (text("[" * 100_000 + "]" * 100_000), "FC006", 1),
    "100k-deep block nesting": (text("- " * 100_000 + "x\n"), "FC006", 1),
    "enormous integer": (in_claim("value: 4800000", "value: " + "9" * 5000), "FC011", 6),
    ".nan": (in_claim("value: 4800000", "value: .nan"), "FC011", 6),
    ".inf": (in_claim("value: 4800000", "value: .inf"), "FC011", 6),
    "empty file": (text(""), "FC008", 1),
    "only a comment": (text("# nothing here\n"), "FC008", 1),
    "two documents": (text("a: 1\n---\nb: 2\n"), "FC009", 2),
    "top level is a list": (text("- id: x\n"), "FC010", 1),
    "path is a directory": (directory, "FC012", 1),
    "broken symbolic link": (broken_link, "FC012", 1),
    "link outside the repository": (outside_link, "FC012", 1),
    "named pipe": (fifo, "FC012", 1),
    "id with path separators": (
        in_claim("id: money-recovered", "id: ../../etc/passwd"),
        "FC103",
        2,
    ),
    "id with a slash": (in_claim("id: money-recovered", "id: claims/other"), "FC103", 2),
    "very long line": (
        in_claim('quote: "the recovery', 'quote: "' + "x" * 200_000 + " the recovery"),
        "FC103",
        4,
    ),
    "zero-width space in a quote": (
        in_claim("the recovery of", "the re\u200bcovery of"),
        "FC013",
        4,
    ),
    "bidirectional control in a quote": (
        in_claim("the recovery of", "the \u202erecovery of"),
        "FC013",
        4,
    ),
    "zero-width joiner in an id": (
        in_claim("id: money-recovered", "id: hos\u200dtile"),
        "FC013",
        2,
    ),
    "bidi override in a comment": (text("# \u202e}\nid: x\n"), "FC013", 1),
    "50,000 unknown keys": (text("".join(f"k{i}: 1\n" for i in range(50_000))), "FC101", 1),
}


@pytest.mark.parametrize(("setup", "code", "line"), CASES.values(), ids=CASES.keys())
def test_hostile_input(
    repo: Repo, tmp_path: Path, setup: Setup, code: str, line: int, request: pytest.FixtureRequest
) -> None:
    path = setup(tmp_path)
    before = snapshot_tree(tmp_path)
    run = repo.run("validate", "--format", "json", str(path.relative_to(tmp_path)))
    assert run.code == 1, run.err
    assert "Traceback" not in run.out + run.err
    found = [(f["code"], f["line"]) for f in run.json["findings"]]
    assert (code, line) in found, found
    assert len(found) <= 60  # bounded: a flood of problems is summarised, not printed whole
    assert snapshot_tree(tmp_path) == before
    rows = golden_findings(run.json["findings"], tmp_path)
    assert matches_golden("hostile", request.node.callspec.id, rows), rows
    assert not (tmp_path / MARKER).exists()


CLEAN = {
    "UTF-8 byte order mark": lambda: b"\xef\xbb\xbf" + CLAIM.encode(),
    "CRLF line endings": lambda: CLAIM.replace("\n", "\r\n").encode(),
    "country code NO as text": lambda: CLAIM.encode(),  # geography: NO
    "curly quotes and dashes": lambda: CLAIM.replace(
        "Checked against", "“Checked” — against"
    ).encode(),
    "a value that looks like YAML 1.1": lambda: CLAIM.replace(
        "tags: [money]", "tags: [yes, on, 'no']"
    ).encode(),
}


@pytest.mark.parametrize("content", CLEAN.values(), ids=CLEAN.keys())
def test_harmless_look_alikes_stay_clean(repo: Repo, content: Callable[[], bytes]) -> None:
    repo.write("claims/money-recovered.yaml", content())
    run = repo.run("validate")
    assert (run.code, run.out) == (0, "factcheck: no findings in 2 files\n")


def test_the_hostile_suite_is_large_enough() -> None:
    assert len(CASES) >= 30


# The classes of the second hostile set: each case is (setup, code, line, column).
def nested_folders(root: Path, depth: int = 40) -> Path:
    deep = root / "claims"
    deep.mkdir(exist_ok=True)
    for _ in range(depth):  # os.makedirs would recurse once a level
        deep = deep / "a"
        deep.mkdir()
    (deep / "x.yaml").write_text("id: x\n")
    return root / "claims"


def chain_of_operands(count: int, value: str) -> str:
    return (
        CLAIM.replace("id: money-recovered", "id: hostile")
        .replace(
            "tags: [money]",
            "tags: [money]\nderived_from:\n  operation: product\n  operands: ["
            + ", ".join(["m"] * count)
            + "]",
        )
        .replace("value: 4800000", f"value: {value}")
    )


LOCATED: dict[str, tuple[Setup, str, int, int]] = {
    "CR-only line ends": (text("id: x\rclaim: a\u200bb\r"), "FC013", 2, 9),
    "old Mac line ends and a tab": (text("id: x\r\tclaim: b\r"), "FC001", 2, 1),
    "control character after non-ASCII text": (
        text("id: x\nclaim: £££\x07\n"),
        "FC007",
        2,
        11,
    ),
    "control character in a multi-byte line": (
        text("id: x\nclaim: 日本語\x1b[2K\n"),
        "FC007",
        2,
        11,
    ),
    "top-level null": (text("null\n"), "FC010", 1, 1),
    "top-level tilde": (text("~\n"), "FC010", 1, 1),
    "empty explicit key": (text("? \n: x\n"), "FC001", 1, 2),
    "empty quoted key": (text('"": x\nid: y\n'), "FC001", 1, 1),
    "40-digit hex": (text("value: 0x" + "f" * 38 + "\n"), "FC011", 1, 8),
    "escaped bidi override": (
        in_claim('as_written: "£4.8', 'as_written: "\\u202e£4.8'),
        "FC013",
        5,
        13,
    ),
    "escaped zero-width space": (
        in_claim("claim: Warrant data", 'claim: "War\\u200brant data"\nx: '),
        "FC013",
        3,
        8,
    ),
    "1e39 with a dollar equivalent": (in_claim("value: 4800000", "value: 1e39"), "FC301", 6, 8),
    "forty nines": (in_claim("value: 4800000", "value: " + "9" * 40), "FC301", 6, 8),
    "unit nan": (in_claim("unit: GBP", "unit: nan"), "FC303", 7, 7),
    "converted on the first day of year 1": (
        in_claim("converted_on: 2024-04-22", "converted_on: 0001-01-01"),
        "FC603",
        9,
        17,
    ),
    "a period ending 9999-12-31": (in_claim("end: 2023-12-31", "end: 9999-12-31"), "FC402", 16, 8),
    "a period from year 1 to 9999": (
        in_claim("start: 2023-10-01\n  end: 2023-12-31", "start: 0001-01-01\n  end: 9999-12-31"),
        "FC402",
        16,
        8,
    ),
    "70,000 operands": (text(chain_of_operands(70_000, "1e40")), "FC103", 27, 13),
    "as_written of 1,000 spaces and an x": (
        in_claim('as_written: "£4.8 million"', 'as_written: "' + " " * 1000 + 'x"'),
        "FC302",
        5,
        13,
    ),
    "20,000 duplicate keys": (text("a: 1\n" * 20_000), "FC002", 2, 1),
    "folders 1,100 deep": (nested_folders, "FC012", 1, 1),
}


@pytest.mark.parametrize(("setup", "code", "line", "column"), LOCATED.values(), ids=LOCATED.keys())
def test_located_hostile_input(
    repo: Repo,
    tmp_path: Path,
    setup: Setup,
    code: str,
    line: int,
    column: int,
    request: pytest.FixtureRequest,
) -> None:
    path = setup(tmp_path)
    before = snapshot_tree(tmp_path)
    started = time.process_time()
    run = repo.run("validate", "--format", "json", str(path.relative_to(tmp_path)))
    assert time.process_time() - started < 2, "each input is read within two seconds of CPU"
    assert run.code == 1, run.err
    assert run.err == ""
    found = [(f["code"], f["line"], f["column"]) for f in run.json["findings"]]
    assert (code, line, column) in found, found
    # bounded: at most 50 findings of one rule in a file, then one with the count
    assert max(Counter(c for c, _, _ in found).values()) <= 51 and len(found) <= 120
    assert snapshot_tree(tmp_path) == before
    rows = golden_findings(run.json["findings"], tmp_path)
    assert matches_golden("hostile-located", request.node.callspec.id, rows), rows


def test_folders_nested_beyond_the_stack_are_walked_without_recursion(tmp_path: Path) -> None:
    from validator.workspace.project import MAX_FOLDER_DEPTH, walk

    top = nested_folders(tmp_path, depth=1100)
    files, skipped = walk(top)
    assert files == []
    assert len(skipped) == 1 and f"over {MAX_FOLDER_DEPTH} deep" in skipped[0][1]
    chain = [top]  # shutil.rmtree would recurse too: take it down a level at a time
    while (chain[-1] / "a").is_dir():
        chain.append(chain[-1] / "a")
    (chain[-1] / "x.yaml").unlink()
    for folder in reversed(chain):
        folder.rmdir()


def test_findings_of_one_rule_in_one_file_are_bounded(repo: Repo) -> None:
    repo.write("claims/keys.yaml", "a: 1\n" * 20_000)
    found = repo.findings("claims/keys.yaml")
    duplicates = [f for f in found if f["code"] == "FC002"]
    assert len(duplicates) == 51
    assert duplicates[-1]["message"] == "19,949 more FC002 findings in this file are not shown"


def test_a_thousand_records_with_one_id_give_short_messages(repo: Repo) -> None:
    for i in range(1000):
        repo.claim(CLAIM, f"twin-{i:04d}")
    run = repo.run("validate", "--format", "text", "--select", "FC202")
    lines = run.out.splitlines()[:-1]
    assert len(lines) == 1000
    assert max(len(line) for line in lines) < 300
    assert lines[0].endswith("and 997 more; give each record its own id")


def test_the_same_file_named_twice_is_not_its_own_twin(repo: Repo) -> None:
    relative = "claims/money-recovered.yaml"
    run = repo.run("validate", relative, str(repo.root / relative), "./" + relative)
    assert (run.code, run.out) == (0, "factcheck: no findings in 1 file\n")


def test_an_unreadable_folder_is_a_finding(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo.root / "claims/locked").mkdir()
    real = os.scandir

    def scandir(path: str) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = repo.findings()
    assert [(f["code"], f["path"], f["message"]) for f in found] == [
        ("FC012", "claims/locked", "folder cannot be read: Permission denied")
    ]


def test_a_separator_in_a_comment_is_harmless_and_kept_in_text(repo: Repo) -> None:
    # YAML 1.2 reads NEL, U+2028 and U+2029 as ordinary characters; libyaml, a 1.1 reader,
    # would break the line at them.
    repo.edit("tags: [money]", "tags: [money]  # one\u2028two\u0085three")
    assert repo.codes() == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("validate", "--select", ""), "--select names no code"),
        (("export", "--format", "claimreview", "--url", "https://x/{0}"), "--url"),
        (
            ("export", "--format", "claimreview", "--url", "https://x/{id.__class__}"),
            "--url",
        ),
    ],
)
def test_usage_mistakes_are_one_line_and_exit_2(
    repo: Repo, args: tuple[str, ...], message: str
) -> None:
    run = repo.run(*args)
    assert run.code == 2
    assert run.err.count("\n") == 1 and message in run.err
    assert "internal error" not in run.err


def test_a_records_folder_outside_the_repository_is_refused(repo: Repo, tmp_path: Path) -> None:
    repo.write("pyproject.toml", '[tool.factcheck]\nclaims = "../elsewhere"\n')
    run = repo.run("validate")
    assert run.code == 2
    assert "outside the repository" in run.err and run.err.count("\n") == 1


def test_output_to_a_character_device_writes_through_it(repo: Repo, tmp_path: Path) -> None:
    device = tmp_path / "null-device"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
    except PermissionError:
        pytest.skip("making a device node needs root")
    run = repo.run("validate", "--output", f"json={device}")
    assert run.code == 0
    assert stat.S_ISCHR(os.stat(device).st_mode)  # still the device, not a regular file
    folder = tmp_path / "a-folder.json"
    folder.mkdir()
    refused = repo.run("validate", "--output", str(folder))
    assert refused.code == 2 and "cannot write" in refused.err


def test_changed_sees_a_name_git_would_quote(repo: Repo) -> None:
    git = ["git", "-C", str(repo.root)]
    for args in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start"],
    ):
        subprocess.run([*git, *args], check=True)
    repo.claim(CLAIM.replace("id: money-recovered", "id: uber"), "über")
    run = repo.run("validate", "--changed", "--format", "json")
    assert [f["path"] for f in run.json["findings"]] == ["claims/über.yaml"]  # FC201: id differs


def test_a_quote_with_a_next_line_character_reads_back_as_written(repo: Repo) -> None:
    quote = "it was £4.8 million\u0085in all"
    run = repo.run(
        "new",
        "--source",
        "the-article",
        "--quote",
        quote,
        "--as-written",
        "£4.8 million",
        "--claim",
        "c",
        "--measure",
        "m",
        "--claimant",
        "x",
        "--id",
        "nel",
    )
    assert run.code in (0, 1), run.err
    from validator.load import load

    doc, _ = load(repo.root / "claims/nel.yaml", "nel")
    assert doc is not None and doc.data["quote"] == quote


# YAML 1.2 cases libyaml reads leniently, documented in the README (Strict YAML): none of them
# changes what a record says, so they are accepted as libyaml reads them.
LENIENT = {
    "a comment without a space before it": ('quote: "x"# c\n', "x"),
    "a quoted value continued at column 1": ('quote: "x\ny"\n', "x y"),
    "a flow value continued at column 1": ("quote: [x,\ny]\n", ["x", "y"]),
    "?key in a flow mapping": ("quote: { ?start: x }\n", {"start": "x"}),
}


@pytest.mark.parametrize(("source", "value"), LENIENT.values(), ids=LENIENT.keys())
def test_documented_leniencies(tmp_path: Path, source: str, value: object) -> None:
    from validator.load import load

    path = tmp_path / "x.yaml"
    path.write_text(source)
    doc, findings = load(path, "x.yaml")
    assert findings == [] and doc is not None and doc.data["quote"] == value


def test_an_interrupt_exits_130_with_one_line_and_no_output(tmp_path: Path) -> None:
    # ^C at several moments of a run that reads 2,000 files in two workers: each time exit
    # 130, the one line, no traceback, and no output file (finished runs may write theirs).
    import signal
    import sys

    from tests.conftest import SOURCE

    (tmp_path / "sources").mkdir()
    (tmp_path / "sources/the-article.yaml").write_text(SOURCE)
    (tmp_path / "claims").mkdir()
    for i in range(2000):
        name = f"c{i:04d}"
        body = CLAIM.replace("id: money-recovered", f"id: {name}")
        (tmp_path / f"claims/{name}.yaml").write_text(body)
    for delay in (0.3, 0.8):
        report = tmp_path / f"report-{delay}.json"
        child = subprocess.Popen(
            [sys.executable, "-m", "validator", "validate", "--jobs", "2", "--output", str(report)],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(delay)
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=120)
        # A shell reports 130 both for exit(130) and for death by SIGINT (Python re-raises the
        # signal on its way out in some windows, and before its handler exists it has none).
        if child.returncode == 130:
            assert err == "factcheck: interrupted\n"
            assert not report.exists()
        elif child.returncode == -signal.SIGINT:
            # Killed by the signal itself: before Python had its handler (nothing ran), or as
            # it was leaving after the run had ended (then its report is whole).
            assert err in ("factcheck: interrupted\n", "")
            assert not report.exists() or json.loads(report.read_text())["tool"] == "factcheck"
        else:  # it finished first: then it ran to the end, as if never interrupted
            assert child.returncode in (0, 1) and "Traceback" not in err
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def _many_claims(root: Path, count: int = 2000) -> None:
    from tests.conftest import SOURCE

    (root / "sources").mkdir()
    (root / "sources/the-article.yaml").write_text(SOURCE)
    (root / "claims").mkdir()
    for i in range(count):
        name = f"c{i:04d}"
        (root / f"claims/{name}.yaml").write_text(
            CLAIM.replace("id: money-recovered", f"id: {name}")
        )


def _workers_of(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        found += [int(c) for c in children]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_a_second_interrupt_while_workers_stop_leaves_no_worker_running(tmp_path: Path) -> None:
    import signal
    import sys

    _many_claims(tmp_path)
    for gap in (0.0, 0.001, 0.003):
        child = subprocess.Popen(
            [sys.executable, "-m", "validator", "validate", "--jobs", "2", "-q"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        workers: list[int] = []
        deadline = time.monotonic() + 20
        while not workers and time.monotonic() < deadline and child.poll() is None:
            workers = _workers_of(child.pid)
            time.sleep(0.01)
        time.sleep(0.1)
        child.send_signal(signal.SIGINT)
        time.sleep(gap)
        if child.poll() is None:
            child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=60)
        assert child.returncode in (130, -signal.SIGINT, 0, 1), err
        assert "Traceback" not in err and err in ("", "factcheck: interrupted\n"), err
        time.sleep(0.2)
        assert [w for w in workers if _alive(w)] == [], "a worker outlived its run"


def _dies_on_c3(files: list[tuple[Path, str]]) -> object:
    """A worker's part that kills its worker on the chunk holding c3.yaml (module-level:
    Pool sends a worker its function by name)."""
    import signal

    from validator.engine import run as engine_run

    if any(os.path.basename(p) == "c3.yaml" for p, _ in files):
        os.kill(os.getpid(), signal.SIGKILL)
    return engine_run.__dict__["_check_chunk_unpatched"](files)


def test_a_killed_worker_ends_the_run_with_one_line_not_a_hang(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed holding a chunk (the OOM killer, a kill -9): Pool would wait for that
    chunk for ever; the run stops with one line and exit 2 instead."""
    from validator.engine import run as engine_run

    for i in range(6):
        repo.write(f"claims/c{i}.yaml", CLAIM.replace("id: money-recovered", f"id: c{i}"))
    monkeypatch.setattr(
        engine_run, "_check_chunk_unpatched", engine_run._check_chunk, raising=False
    )
    monkeypatch.setattr(engine_run, "_check_chunk", _dies_on_c3)
    monkeypatch.setattr(engine_run, "PARALLEL_FROM", 2)
    monkeypatch.setattr(engine_run, "MIN_CHUNK", 2)
    started = time.monotonic()
    run = repo.run("validate", "--jobs", "2")
    assert time.monotonic() - started < 10
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "factcheck: a worker process was killed (signal 9; out of memory?): run again, or "
        "with --jobs 1\n"
    )


def test_a_run_whose_workers_cannot_start_runs_their_chunks_itself(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from validator.engine import run as engine_run

    for i in range(6):
        repo.write(f"claims/c{i}.yaml", CLAIM.replace("id: money-recovered", f"id: c{i}"))
    serial = repo.run("validate", "--format", "json", "--jobs", "1").json

    def no_processes(jobs: int) -> None:
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(engine_run, "_start_pool", no_processes)
    monkeypatch.setattr(engine_run, "PARALLEL_FROM", 2)
    monkeypatch.setattr(engine_run, "MIN_CHUNK", 2)
    run = repo.run("validate", "--format", "json", "--jobs", "2")
    assert run.err == "" and run.json == serial
