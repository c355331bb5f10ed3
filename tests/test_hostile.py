"""Files from strangers' pull requests: each hostile input is a located finding, exit 1, no
traceback, nothing run, nothing changed. And the harmless look-alikes stay clean."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CLAIM, Repo, snapshot_tree

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
def test_hostile_input(repo: Repo, tmp_path: Path, setup: Setup, code: str, line: int) -> None:
    path = setup(tmp_path)
    before = snapshot_tree(tmp_path)
    run = repo.run("validate", "--format", "json", str(path.relative_to(tmp_path)))
    assert run.code == 1, run.err
    assert "Traceback" not in run.out + run.err
    found = [(f["code"], f["line"]) for f in run.json["findings"]]
    assert (code, line) in found, found
    assert len(found) <= 60  # bounded: a flood of problems is summarised, not printed whole
    assert snapshot_tree(tmp_path) == before
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
