"""The command line: exit codes, formats, selection, explain, and that inputs are never changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, Repo, snapshot_tree


def test_exit_0_when_clean_and_1_on_an_error(repo: Repo) -> None:
    assert repo.run("validate").code == 0
    repo.edit("value: 4800000", "value: 1")
    run = repo.run("validate")
    assert run.code == 1
    assert run.out.splitlines() == [
        "claims/money-recovered.yaml:6:8: FC301 value 1 does not match as_written '£4.8 million', "
        "which states 4800000; set value: 4800000, or correct as_written",
        "factcheck: 1 error in 1 of 2 files",
    ]


def test_quiet_prints_only_findings(repo: Repo) -> None:
    assert repo.run("validate", "-q").out == ""


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "--select", "XX9"),
        ("validate", "--ignore", "FC9"),
        ("validate", "--format", "yaml"),
        ("validate", "--fail-on", "sometimes"),
        ("explain", "FC999"),
        ("nonsense",),
        (),
    ],
)
def test_usage_errors_exit_2(repo: Repo, args: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as exited:
        code = repo.run(*args).code
        raise SystemExit(code)
    assert exited.value.code == 2


def test_warning_fails_only_with_fail_on_warning(repo: Repo) -> None:
    repo.edit("tags: [money]", "tags: [money]\nwaive: {FC304: not needed}")
    assert repo.run("validate").code == 0
    assert repo.run("validate", "--fail-on", "warning").code == 1
    repo.edit("value: 4800000", "value: 1")
    assert repo.run("validate", "--fail-on", "never").code == 0


def test_select_and_ignore_take_codes_and_prefixes(repo: Repo) -> None:
    repo.edit("value: 4800000\nunit: GBP", "value: 1\nunit: EUR")
    assert [c for c, _ in repo.codes()] == ["FC301", "FC303"]
    assert [
        f["code"]
        for f in repo.run("validate", "--format", "json", "--select", "FC301").json["findings"]
    ] == ["FC301"]
    assert [
        f["code"]
        for f in repo.run("validate", "--format", "json", "--ignore", "FC3").json["findings"]
    ] == []
    assert repo.run("validate", "--ignore", "fc30").code == 0


def test_json_format(repo: Repo) -> None:
    repo.edit("quote:", "qoute:")
    payload = repo.run("validate", "--format", "json").json
    assert payload["files"] == 2
    assert payload["findings"][0] == {
        "path": "claims/money-recovered.yaml",
        "line": 2,
        "column": 1,
        "code": "FC102",
        "severity": "error",
        "message": "missing required field 'quote'",
        "hint": "add 'quote:' (The sentence from the source that carries the figure, verbatim.)",
    }


def test_rich_format_shows_the_line_and_a_caret(repo: Repo) -> None:
    repo.edit("value: 4800000", "value: 1")
    out = repo.run("validate", "--format", "rich").out
    assert "claims/money-recovered.yaml" in out
    assert "6 │ value: 1" in out
    lines = out.splitlines()
    caret = lines.index(next(line for line in lines if line.strip() == "^"))
    assert lines[caret].index("^") == lines[caret - 1].index("1")
    assert "✗ 1 error in 1 of 2 files" in out


def test_rich_format_when_clean(repo: Repo) -> None:
    assert repo.run("validate", "--format", "rich").out == "✓ no findings in 2 files\n"


def test_rules_and_explain(repo: Repo) -> None:
    listing = repo.run("rules").out
    assert listing.count("\n") >= 25
    assert "FC301  value-matches-as-written" in listing
    explained = repo.run("explain", "FC301").out
    assert explained.startswith(
        "FC301 value-matches-as-written (error; can be waived with a reason)"
    )
    assert "million/m/mn" in explained
    assert repo.run("explain", "value-matches-as-written").out == explained
    codes = [row["code"] for row in repo.run("rules", "--format", "json").json]
    assert codes == sorted(codes)


def test_a_run_changes_no_file(repo: Repo, tmp_path: Path) -> None:
    repo.edit("value: 4800000", "value: 1")
    repo.write("claims/dup.yaml", "a: 1\na: 2\n")
    repo.write("claims/latin.yaml", b"a: caf\xe9\n")
    repo.write("claims/crlf.yaml", b"\xef\xbb\xbfid: crlf\r\n")
    os.symlink(tmp_path / "nowhere", tmp_path / "claims/broken.yaml")
    before = snapshot_tree(tmp_path)
    for fmt in ("text", "rich", "json", "sarif"):
        assert repo.run("validate", "--format", fmt).code == 1
    assert snapshot_tree(tmp_path) == before


def test_internal_error_is_one_line_and_exit_2(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    import validator.engine

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(validator.engine, "validate", broken)
    run = repo.run("validate")
    assert run.code == 2
    assert run.err.startswith("factcheck: internal error: RuntimeError: boom")
    assert "Traceback" not in run.err


def test_module_and_console_script_run(repo: Repo, tmp_path: Path) -> None:
    module = subprocess.run(
        [sys.executable, "-m", "validator", "validate"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert (module.returncode, module.stdout) == (0, "factcheck: no findings in 2 files\n")
    script = Path(sys.executable).with_name("factcheck")
    if not script.exists():
        pytest.skip("factcheck console script not installed beside this interpreter")
    version = subprocess.run([script, "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("factcheck ")


def test_root_option_and_paths_outside_the_working_directory(repo: Repo, tmp_path: Path) -> None:
    os.chdir(REPO.parent)
    assert repo.run("validate", "--root", str(tmp_path)).code == 0
    assert repo.run("validate", str(tmp_path / "claims")).code == 0


def test_listing_rules_imports_no_heavy_module() -> None:
    # `factcheck rules` and `explain` answer at once: no pydantic, rich, pint or rapidfuzz.
    code = (
        "import io, sys, contextlib\n"
        "from validator.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['rules']); main(['explain', 'FC602'])\n"
        "heavy = {'pydantic', 'rich', 'pint', 'rapidfuzz', 'jsonschema'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_an_output_that_cannot_be_written_is_a_usage_error(repo: Repo, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be\n")
    run = repo.run("validate", "--output", str(blocker / "report.sarif"))
    assert run.code == 2
    assert run.err.startswith("factcheck: cannot write") and "internal error" not in run.err


def test_a_run_builds_only_the_command_it_names() -> None:
    from validator import cli

    def commands(first: str | None) -> list[str]:
        parser = cli._parser(first)
        return sorted(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]

    every = sorted(name for names in cli.COMMANDS.values() for name in names)
    assert commands("validate") == ["validate"]
    assert commands("explain") == ["explain", "rules"]  # one module adds both
    assert commands("new-source") == ["new", "new-source"]
    for other in (None, "--version", "-h", "valdate", "VALIDATE"):
        assert commands(other) == every  # help and a misspelt command see them all
    code = "import sys; from validator.cli import main; main(['rules']); print(sorted(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = {m for m in out.stdout.split("'") if m.startswith("validator.cli.")}
    assert loaded == {"validator.cli.common", "validator.cli.rules_command"}
