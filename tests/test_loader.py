"""Strict loading: YAML 1.2 scalars, and every refused input as a located finding."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import CLAIM, Repo
from validator.load import MAX_BYTES, MAX_DEPTH, load


def load_text(tmp_path: Path, text: str | bytes) -> tuple[object, list[tuple[str, int, int]]]:
    path = tmp_path / "x.yaml"
    if isinstance(text, str):
        text = text.encode()
    path.write_bytes(text)
    doc, findings = load(path, "x.yaml", tmp_path)
    return (doc.data if doc else None), [(f.code, f.line, f.column) for f in findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: NO", "NO"),
        ("a: yes", "yes"),
        ("a: on", "on"),
        ("a: off", "off"),
        ("a: y", "y"),
        ("a: 1_000", "1_000"),
        ("a: 2024-04-22", "2024-04-22"),
        ("a: 4.8", Decimal("4.8")),
        ("a: 4.80", Decimal("4.80")),
        ("a: 1e3", Decimal("1e3")),
        ("a: 4800000", 4800000),
        ("a: -12", -12),
        ("a: 0o17", 15),
        ("a: 0x1F", 31),
        ("a: 012", 12),  # YAML 1.2: decimal, not octal
        ("a: true", True),
        ("a: False", False),
        ("a: null", None),
        ("a: ~", None),
        ("a:", None),
        ("a: '4.8'", "4.8"),
        ('a: "true"', "true"),
        ("a: 12:30", "12:30"),  # YAML 1.1 read this as 750 (sexagesimal)
    ],
)
def test_yaml_1_2_core_scalars(tmp_path: Path, text: str, expected: object) -> None:
    data, findings = load_text(tmp_path, text)
    assert findings == []
    assert data == {"a": expected}
    assert type(data["a"]) is type(expected)  # type: ignore[index]


def test_keys_are_always_text(tmp_path: Path) -> None:
    data, _ = load_text(tmp_path, "1: a\ntrue: b\nnull: c\n")
    assert data == {"1": "a", "true": "b", "null": "c"}


@pytest.mark.parametrize(
    ("text", "line", "column", "data"),
    [
        ("a: 1\na: 2\n", 2, 1, {"a": 2}),
        ("a:\n  b: 1\n  c: 2\n  b: 3\n", 4, 3, {"a": {"b": 3, "c": 2}}),
        ("a:\n  - x: 1\n    x: 2\n", 3, 5, {"a": [{"x": 2}]}),
    ],
)
def test_a_duplicate_key_is_reported_and_the_record_still_read(
    tmp_path: Path, text: str, line: int, column: int, data: object
) -> None:
    # FC002 does not stop the record from being read: its other problems come in the same
    # run. The later of the two values is the one read, as every YAML reader keeps it.
    found, findings = load_text(tmp_path, text)
    assert findings[0] == ("FC002", line, column)
    assert found == data


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("a: 1\nb: [1, 2\n", "FC001", 3, 1),
        ("a:\n\tb: 1\n", "FC001", 2, 1),
        ("a: b: c\n", "FC001", 1, 5),
        ("a: !!python/object/apply:os.system ['true']\n", "FC003", 1, 4),
        ("a: !custom 1\n", "FC003", 1, 4),
        ("a: !!str 1\n", "FC003", 1, 4),
        ("!!map {a: 1}\n", "FC003", 1, 1),
        ("a: &x 1\n", "FC004", 1, 4),
        ("a: 1\nb: *x\n", "FC004", 2, 4),
        ("a: 1\n---\nb: 2\n", "FC009", 2, 1),
        ("- 1\n- 2\n", "FC010", 1, 1),
        ("just text\n", "FC010", 1, 1),
        ("42\n", "FC010", 1, 1),
        ("", "FC008", 1, 1),
        ("# only a comment\n", "FC008", 1, 1),
        ("---\n", "FC008", 1, 1),
        ("a: .nan\n", "FC011", 1, 4),
        ("a: -.inf\n", "FC011", 1, 4),
        ("a: " + "9" * 41 + "\n", "FC011", 1, 4),
        ("a: 1e999999999\n", "FC011", 1, 4),
        ("a: 1\nb: \x07\n", "FC007", 2, 4),
    ],
)
def test_refused_with_code_and_position(
    tmp_path: Path, text: str, code: str, line: int, column: int
) -> None:
    data, findings = load_text(tmp_path, text)
    assert data is None
    assert findings[0] == (code, line, column)


def test_all_duplicate_keys_are_reported(tmp_path: Path) -> None:
    _, findings = load_text(tmp_path, "a: 1\na: 2\nb: 1\nb: 2\n")
    assert findings == [("FC002", 2, 1), ("FC002", 4, 1)]


def test_tag_payload_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    payload = f"a: !!python/object/apply:os.system ['touch {marker}']\n"
    _, findings = load_text(tmp_path, payload)
    assert findings[0][0] == "FC003"
    assert not marker.exists()


def test_alias_bomb_is_refused_at_the_first_anchor(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    _, findings = load_text(tmp_path, "\n".join(lines))
    assert findings == [("FC004", 1, 4)]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,  # PyYAML's C composer segfaults on this
        "- " * 100_000 + "x",
        "".join(f"{'  ' * i}k{i}:\n" for i in range(MAX_DEPTH + 1))
        + "  " * (MAX_DEPTH + 1)
        + "v: 1\n",
    ],
    ids=["flow", "block-sequence", "block-mapping"],
)
def test_deep_nesting_is_refused(tmp_path: Path, text: str) -> None:
    _, findings = load_text(tmp_path, text)
    assert [code for code, _, _ in findings] == ["FC006"]


def test_nesting_up_to_the_bound_is_fine(tmp_path: Path) -> None:
    text = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    _, findings = load_text(tmp_path, text)
    assert findings == []


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [
        (b"a: caf\xe9\n", 1, 7),  # Latin-1
        (b"a: 1\nb: \xff\xfe\n", 2, 4),
        (b"a: 1\x00\n", 1, 5),
        ("a: 1\n".encode("utf-16"), 1, 1),
    ],
    ids=["latin-1", "bad-byte", "nul", "utf-16"],
)
def test_not_utf8(tmp_path: Path, raw: bytes, line: int, column: int) -> None:
    _, findings = load_text(tmp_path, raw)
    assert findings == [("FC007", line, column)]


def test_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    data, findings = load_text(tmp_path, b"\xef\xbb\xbfa: NO\r\nb: 4.8\r\n")
    assert findings == []
    assert data == {"a": "NO", "b": Decimal("4.8")}


def test_crlf_positions_stay_right(tmp_path: Path) -> None:
    _, findings = load_text(tmp_path, b"a: 1\r\nb: 2\r\na: 3\r\n")
    assert findings == [("FC002", 3, 1)]


def test_file_over_the_size_bound_is_not_read(tmp_path: Path) -> None:
    _, findings = load_text(tmp_path, b"a: " + b"x" * MAX_BYTES)
    assert findings == [("FC005", 1, 1)]


def test_locate_finds_values_keys_and_list_items(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\nb:\n  c: [x, y]\n  d:\n    - e: 2\n")
    doc, _ = load(path, "x.yaml")
    assert doc is not None
    assert doc.locate(("a",)) == (1, 4)
    assert doc.locate(("a",), key=True) == (1, 1)
    assert doc.locate(("b", "c", 1)) == (3, 10)
    assert doc.locate(("b", "d", 0, "e")) == (5, 10)
    assert doc.locate(("b", "missing")) == (3, 3)  # the deepest node on the way


def test_paths_that_are_not_files(repo: Repo, tmp_path: Path) -> None:
    (tmp_path / "claims/folder.yaml").mkdir()
    os.symlink(tmp_path / "nowhere.yaml", tmp_path / "claims/broken.yaml")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yaml"
    outside.write_text(CLAIM)
    os.symlink(outside, tmp_path / "claims/outside.yaml")
    os.mkfifo(tmp_path / "claims/pipe.yaml")
    found = repo.findings(
        "claims/folder.yaml",
        "claims/broken.yaml",
        "claims/outside.yaml",
        "claims/pipe.yaml",
        "claims/no.yaml",
    )
    assert [(f["path"], f["code"]) for f in found] == [
        ("claims/broken.yaml", "FC012"),
        ("claims/folder.yaml", "FC012"),
        ("claims/no.yaml", "FC012"),
        ("claims/outside.yaml", "FC012"),
        ("claims/pipe.yaml", "FC012"),
    ]
    assert "outside the repository" in found[3]["message"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_give_a_value_or_located_findings(raw: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "x.yaml")
        path.write_bytes(raw)
        doc, findings = load(path, "x.yaml")
    assert (doc is None) == bool(findings)
    for f in findings:
        assert f.line >= 1 and f.column >= 1 and f.code.startswith("FC0")
