"""Configuration as strict as the data: unknown settings, a missing root or records folder, and
a run outside any dataset are usage errors (exit 2, one line, with the fix); FORCE_COLOR and
NO_COLOR are honoured; the help says what the options do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import REPO, Repo, Run


def _usage_error(run: Run) -> str:
    assert run.code == 2, run.err
    assert run.err.count("\n") == 1 and run.err.startswith("factcheck: "), run.err
    assert "internal error" not in run.err
    return run.err


def test_the_fixture_repository_without_pyproject_is_a_dataset(repo: Repo) -> None:
    assert repo.run("validate").code == 0


def test_every_setting_of_this_repository_is_known() -> None:
    from validator.workspace.project import SETTINGS, settings

    assert set(settings(REPO)) <= set(SETTINGS)


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ('snapshot = "texts"', "unknown setting 'snapshot'; did you mean 'snapshots'?"),
        ('claim = "claims"', "did you mean 'claims'?"),
        ('reviewr = "me"', "did you mean 'reviewer'?"),
        ('colour = "yes"', "unknown setting 'colour'; known: claims, sources, schema"),
    ],
)
def test_an_unknown_setting_is_refused_with_the_fix(
    repo: Repo, setting: str, expected: str
) -> None:
    repo.write("pyproject.toml", f"[tool.factcheck]\n{setting}\n")
    for command in (["validate"], ["report"], ["coverage"], ["export", "--format", "csv"]):
        assert expected in _usage_error(repo.run(*command)), command
    assert expected in _usage_error(repo.run("schema", "--check"))


def test_a_misspelt_snapshots_no_longer_turns_the_quote_check_off(repo: Repo) -> None:
    repo.write("pyproject.toml", '[tool.factcheck]\nsnapshot = "../shared/sources"\n')
    assert "did you mean 'snapshots'" in _usage_error(repo.run("validate"))


def test_a_setting_that_is_not_text_is_refused(repo: Repo) -> None:
    repo.write("pyproject.toml", "[tool.factcheck]\nclaims = 3\n")
    assert "claims = 3 is not text" in _usage_error(repo.run("validate"))


def test_factcheck_not_a_table_is_refused(repo: Repo) -> None:
    repo.write("pyproject.toml", '[tool]\nfactcheck = "claims"\n')
    assert "is not a table" in _usage_error(repo.run("validate", "--root", str(repo.root)))


def test_a_missing_root_is_refused(repo: Repo, tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent"
    err = _usage_error(repo.run("validate", "--root", str(missing)))
    assert f"--root {missing} does not exist" in err
    assert "not a folder" in _usage_error(
        repo.run("validate", "--root", str(tmp_path / "claims/money-recovered.yaml"))
    )


def test_a_missing_records_folder_of_the_settings_is_refused(repo: Repo) -> None:
    repo.write("pyproject.toml", '[tool.factcheck]\nclaims = "claimsx"\n')
    err = _usage_error(repo.run("validate"))
    assert "claims = 'claimsx': no such folder" in err and "correct the setting" in err


def test_a_run_outside_any_dataset_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    repo = Repo(empty)
    for command in (["validate"], ["report"], ["coverage"], ["export", "--format", "csv"]):
        err = _usage_error(repo.run(*command))
        assert "no dataset here" in err and "--root" in err, command


def test_rules_and_explain_need_no_dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    repo = Repo(tmp_path)
    assert repo.run("rules").code == 0
    assert repo.run("explain", "FC301").code == 0


NEW_SOURCE = [
    "new-source",
    "--title", "Annual report",
    "--publisher", "NCA",
    "--kind", "report",
    "--published", "2024-05-01",
]  # fmt: skip


@pytest.mark.parametrize(
    "settings", [None, "[tool.factcheck]\n", '[tool.factcheck]\nsources = "s"\n']
)
def test_new_source_starts_a_dataset_with_no_sources_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: str | None
) -> None:
    monkeypatch.chdir(tmp_path)
    repo = Repo(tmp_path)
    if settings is not None:
        repo.write("pyproject.toml", settings)
    run = repo.run(*NEW_SOURCE)
    assert run.code == 0, run.err
    folder = "s" if settings and "sources =" in settings else "sources"
    assert (tmp_path / folder / "nca-2024-05-01-annual-report.yaml").is_file()
    assert repo.run("validate").code == 0  # and now it is a dataset


# Colour -----------------------------------------------------------------------------------------


def _broken(repo: Repo) -> None:
    repo.edit("value: 4800000", "value: 1")


@pytest.mark.parametrize("force", ["1", "true", "3"])
def test_force_color_picks_the_coloured_report_outside_a_terminal(
    repo: Repo, monkeypatch: pytest.MonkeyPatch, force: str
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("FORCE_COLOR", force)
    _broken(repo)
    out = repo.run("validate").out
    assert "\x1b[" in out and "hint:" in out  # rich, grouped by file, in colour


def test_an_empty_force_color_is_no_force(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "")
    _broken(repo)
    out = repo.run("validate").out
    assert "\x1b" not in out and out.startswith("claims/money-recovered.yaml:6:8: FC301")


def test_no_color_takes_the_colour_out(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    _broken(repo)
    out = repo.run("validate").out
    assert "hint:" in out  # still the report for people
    colours = [f"\x1b[{n}" for n in range(30, 38)] + ["\x1b[1;3", "\x1b[38;"]
    assert not [c for c in colours if c in out], repr(out)


def test_inside_github_actions_annotations_win_over_force_color(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("FORCE_COLOR", "1")
    _broken(repo)
    assert repo.run("validate").out.startswith("::error file=")


# -q and the help ------------------------------------------------------------------------------


def test_quiet_does_what_its_help_says(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert repo.run("validate", "-q").out == ""  # text, clean: nothing at all
    assert repo.run("validate", "-q", "--format", "rich").out == ""
    _broken(repo)
    text = repo.run("validate", "-q", "--format", "text").out
    assert text.startswith("claims/") and "factcheck:" not in text
    rich = repo.run("validate", "-q", "--format", "rich").out
    assert "1 error in 1 of 2 files" in rich  # rich keeps the summary when there are findings
    assert repo.run("validate", "-q", "--format", "json").json["findings"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "base"]):
        subprocess.run(
            ["git", "-c", "user.email=t@t", "-c", "user.name=t", *args],
            cwd=repo.root,
            check=True,
            env=env,
            capture_output=True,
        )
    assert repo.run("validate", "--changed").out.startswith("factcheck: no claim or source")
    assert repo.run("validate", "--changed", "-q").out == ""


def test_the_help_describes_quiet_and_colour_truly(capsys: pytest.CaptureFixture[str]) -> None:
    from validator.cli import main

    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "-q, --quiet no summary line (text, github; rich keeps it when there are findings)" in (
        help_text
    )
    assert "FORCE_COLOR" in help_text and "NO_COLOR" in help_text
    assert "when clean" not in help_text


def test_a_run_at_the_file_systems_root_is_outside_any_dataset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "/" is a root of its own: "/claims" is inside it, and the run says it finds no dataset.
    import contextlib
    import io

    from validator.cli import main

    monkeypatch.chdir("/")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["validate"]) == 2
    assert "outside the repository" not in err.getvalue()
