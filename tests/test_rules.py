"""Each rule: a failing case with its code and line, and the good fixture passing."""

from __future__ import annotations

import pytest

from tests.conftest import CLAIM, SOURCE, Repo, swap_figure


def test_good_fixture_is_clean(repo: Repo) -> None:
    run = repo.run("validate")
    assert (run.code, run.out) == (0, "factcheck: no findings in 2 files\n")


# (old text in the good claim, new text, expected (code, line) findings)
CASES = {
    "FC101 misspelt field": ("quote:", "qoute:", [("FC101", 4), ("FC102", 2)]),
    "FC101 nested": ("  rating: accurate", "  rating: accurate\n  ratng: x", [("FC101", 22)]),
    "FC102 missing": ("measure: money recovered\n", "", [("FC102", 2)]),
    "FC103 quoted value": ("value: 4800000", 'value: "4800000"', [("FC103", 6)]),
    "FC103 boolean as yes": ("tags: [money]", "approximate: yes\ntags: [money]", [("FC103", 24)]),
    "FC103 bad enum": ("rating: accurate", "rating: true-ish", [("FC103", 21)]),
    "FC103 number for text": ('as_written: "£4.8 million"', "as_written: 327", [("FC103", 5)]),
    "FC103 date form": ("start: 2023-10-01", "start: 1 January 2024", [("FC103", 15)]),
    "FC103 unix time for date": ("start: 2023-10-01", "start: 1704067200", [("FC103", 15)]),
    "FC103 bad slug": ("tags: [money]", "tags: [Money Talks]", [("FC103", 24)]),
    "FC201 id differs from file": ("id: money-recovered", "id: money", [("FC201", 2)]),
    "FC203 unknown source": ("source: the-article", "source: the-artcle", [("FC203", 19)]),
    "FC203 unknown checked_against": ("[the-article]", "[the-article, nca]", [("FC203", 23)]),
    "FC301 value off": ("value: 4800000", "value: 4900000", [("FC301", 6)]),
    "FC301 equivalent off": ("value: 5900000", "value: 5800000", [("FC301", 10)]),
    "FC302 unreadable": (*swap_figure("lots", "1", "count"), [("FC302", 5)]),
    "FC303 unit differs": ("unit: GBP", "unit: EUR", [("FC303", 7)]),
    "FC303 percent without sign": (
        *swap_figure("92", "92", "percent"),
        [("FC303", 7)],
    ),
    "FC304 percent over 100": (
        *swap_figure("192%", "192", "percent"),
        [("FC304", 6)],
    ),
    "FC305 fractional count": (
        *swap_figure("4.5", "4.5", "count"),
        [("FC305", 6)],
    ),
    "FC305 negative count": (
        *swap_figure("-3", "-3", "count"),
        [("FC305", 6)],
    ),
    "FC401 period backwards": ("end: 2023-12-31", "end: 2023-09-30", [("FC401", 16)]),
    "FC402 as_of after publication": (
        "geography: NO",
        "as_of: 2024-05-31\ngeography: NO",
        [("FC402", 17)],
    ),
    "FC501 waiver without reason": (
        "tags: [money]",
        'tags: [money]\nwaive: {FC304: " "}',
        [("FC501", 25)],
    ),
    "FC502 waiver of unknown rule": (
        "tags: [money]",
        "tags: [money]\nwaive: {FC999: why}",
        [("FC502", 25)],
    ),
    "FC502 waiver of unwaivable rule": (
        "tags: [money]",
        "tags: [money]\nwaive: {FC501: why}",
        [("FC502", 25)],
    ),
    "FC503 unused waiver": ("tags: [money]", "tags: [money]\nwaive: {FC304: why}", [("FC503", 25)]),
}


@pytest.mark.parametrize(("old", "new", "expected"), CASES.values(), ids=CASES.keys())
def test_rule_fires_at_its_line(
    repo: Repo, old: str, new: str, expected: list[tuple[str, int]]
) -> None:
    repo.edit(old, new)
    assert sorted(repo.codes()) == sorted(expected)


def test_unknown_field_suggests_the_nearest(repo: Repo) -> None:
    repo.edit("quote:", "qoute:")
    unknown = next(f for f in repo.findings() if f["code"] == "FC101")
    assert unknown["column"] == 1
    assert unknown["hint"] == "did you mean 'quote'?"


def test_unknown_source_suggests_the_nearest_id(repo: Repo) -> None:
    repo.edit("source: the-article", "source: the-artcle")
    (finding,) = repo.findings()
    assert finding["hint"] == "did you mean 'the-article'?"
    assert finding["column"] == 9


def test_value_hint_gives_the_right_value(repo: Repo) -> None:
    repo.edit("value: 4800000", "value: 4.8")
    (finding,) = repo.findings()
    assert finding["hint"] == "set value: 4800000, or correct as_written"


def test_duplicate_id_across_files_points_at_the_later_file(repo: Repo) -> None:
    repo.write("claims/sub/money-recovered.yaml", CLAIM)
    found = repo.findings()
    assert [(f["path"], f["code"], f["line"]) for f in found] == [
        ("claims/sub/money-recovered.yaml", "FC202", 2)
    ]
    assert "claims/money-recovered.yaml" in found[0]["message"]


def test_duplicate_id_is_found_when_one_file_is_checked(repo: Repo) -> None:
    repo.write("claims/copy.yaml", CLAIM)  # id money-recovered in copy.yaml
    assert sorted(repo.codes("claims/copy.yaml")) == [("FC201", 2), ("FC202", 2)]


@pytest.mark.parametrize(
    "spelt",
    [
        "claims/money-recovered.yaml",
        "./claims/money-recovered.yaml",
        "claims//money-recovered.yaml",
    ],
)
def test_a_file_is_one_file_however_its_path_is_written(repo: Repo, spelt: str) -> None:
    """Record paths are text (validator/workspace/project.py: File), not Paths: a file named
    in another spelling, or twice, is still one record, never its own duplicate."""
    run = repo.run(
        "validate", "--format", "json", spelt, str(repo.root / "claims/money-recovered.yaml")
    )
    assert (run.code, run.json["findings"]) == (0, [])
    assert run.json["files"] == 1  # checked once
    repo.write("claims/copy.yml", CLAIM)
    found = repo.findings(spelt, "claims/copy.yml")
    assert [(f["path"], f["code"]) for f in found] == [
        ("claims/copy.yml", "FC201"),
        ("claims/money-recovered.yaml", "FC202"),  # the later name of the two, as it reads
    ]
    assert found[0]["message"] == "id 'money-recovered' does not match the file name 'copy.yml'"
    assert found[0]["hint"] == "set id: copy, or rename the file to money-recovered.yml"


def test_references_resolve_against_the_whole_dataset(repo: Repo) -> None:
    run = repo.run("validate", "claims/money-recovered.yaml")
    assert run.code == 0, run.out


def test_unknown_claim_operand(repo: Repo) -> None:
    repo.edit(
        "tags: [money]", "tags: [money]\nderived_from: {operation: sum, operands: [nothing-here]}"
    )
    assert repo.codes() == [("FC204", 25)]


def test_derived_from_itself_is_a_cycle(repo: Repo) -> None:
    repo.edit(
        "tags: [money]",
        "tags: [money]\nderived_from: {operation: equal, operands: [money-recovered]}",
    )
    (finding,) = repo.findings()
    assert (finding["code"], finding["line"]) == ("FC606", 25)
    assert finding["message"] == "derivation cycle: money-recovered → money-recovered"


def test_period_ending_after_publication(repo: Repo) -> None:
    text = CLAIM.replace(*swap_figure("327", "327", "count"))
    repo.claim(text.replace("end: 2023-12-31", "end: 2024-05-31"))
    assert repo.codes() == [("FC402", 11)]


AFTER = ("geography: NO", "as_of: 2024-05-31\ngeography: NO")


def test_waiver_with_reason_waives_and_is_counted(repo: Repo) -> None:
    repo.edit(AFTER[0], AFTER[1] + '\nwaive: {FC402: "the release gives figures to May"}')
    run = repo.run("validate")
    assert run.code == 0
    assert run.out == "factcheck: no findings in 2 files (1 waiver applied)\n"


def test_waiver_without_reason_does_not_waive(repo: Repo) -> None:
    repo.edit(AFTER[0], AFTER[1] + '\nwaive: {FC402: ""}')
    assert sorted(repo.codes()) == [("FC402", 17), ("FC501", 19)]


def test_source_schema_problems(repo: Repo) -> None:
    repo.write(
        "sources/the-article.yaml",
        SOURCE.replace("kind: article", "kind: tweet").replace("url:", "link:"),
    )
    found = repo.codes("sources/the-article.yaml")
    assert sorted(found) == [("FC101", 6), ("FC103", 5)]


def test_source_may_leave_author_and_url_unknown(repo: Repo) -> None:
    repo.write(
        "sources/the-article.yaml",
        SOURCE.replace("url: https://example.org/article\n", "author: null\n"),
    )
    assert repo.codes() == []


def test_country_code_no_is_a_string(repo: Repo) -> None:
    # geography: NO in the good fixture: YAML 1.1 would make it false and the model would reject it.
    assert repo.codes() == []


def test_explain_lists_the_fields_the_models_require() -> None:
    # Generated from the models: a source's url is optional, so FC102 must not ask for it.
    from validator.cli.rules_command import explanation
    from validator.model.records import Claim, Source

    text = explanation(rules_registry()["FC102"])
    for kind, model in (("claim", Claim), ("source", Source)):
        required = [n for n, f in model.model_fields.items() if f.is_required()]
        assert f"A {kind}'s required fields: {', '.join(required)}." in text
    assert "url" not in text.split("A source's required fields:")[1].split("\n")[0]
    optional = explanation(rules_registry()["FC101"])
    assert "A source's optional fields:" in optional and "url" in optional


def rules_registry() -> dict:
    from validator import rules

    return rules.registry()


# A pattern error is told what its field's type looks like, never another type's advice.
HINTS = {
    "url": ("url: https://example.org/article", "url: example.org", "a URL starts with http"),
    "language": ("kind: article", "kind: article\nlanguage: English", "ISO 639 code"),
    "sha256": ("kind: article", "kind: article\nsnapshot_sha256: abc", "64 lower-case hex"),
    "id": ("id: the-article", "id: The Article", "ids are lower-case words"),
}


@pytest.mark.parametrize(("old", "new", "hint"), HINTS.values(), ids=HINTS.keys())
def test_pattern_errors_get_their_types_hint(repo: Repo, old: str, new: str, hint: str) -> None:
    repo.write("sources/the-article.yaml", SOURCE.replace(old, new))
    found = [f for f in repo.findings() if f["code"] == "FC103"]
    assert len(found) == 1 and hint in found[0]["hint"], found
    if "ids are" not in hint:
        assert "ids are" not in found[0]["hint"]


def test_a_unit_pattern_error_gets_the_unit_hint(repo: Repo) -> None:
    repo.edit("unit: GBP", "unit: Pounds")
    (found,) = [f for f in repo.findings() if f["code"] == "FC103"]
    assert "ISO 4217 code" in found["hint"]
