"""Whatever a file holds, the whole pipeline answers with findings, never an exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CLAIM, SOURCE
from validator.engine import validate
from validator.workspace.project import find

FIELDS = [*yaml.safe_load(CLAIM), "period", "waive", "derived_from", "extra", "approximate"]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.text(max_size=20),
    st.sampled_from(["2024-01-01", "£4.8 million", "92%", "FC301", "the-article", "NO", ".nan"]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(FIELDS), inner, max_size=4)
    ),
    max_leaves=12,
)
records = st.dictionaries(st.sampled_from(FIELDS), values, max_size=12)


def _run(text: bytes) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "claims").mkdir()
        (root / "sources").mkdir()
        (root / "sources/the-article.yaml").write_text(SOURCE)
        (root / "claims/fuzz.yaml").write_bytes(text)
        result = validate(find(root), [])
    for finding in result.findings:
        assert finding.line >= 1 and finding.column >= 1, finding
        assert finding.path.endswith("fuzz.yaml"), finding
    return [f.code for f in result.findings]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records)
def test_arbitrary_records(record: dict[str, object]) -> None:
    _run(yaml.safe_dump(record, allow_unicode=True).encode())


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(CLAIM.splitlines(keepends=True)), st.text(max_size=30))
def test_a_good_claim_with_one_line_mangled(line: str, junk: str) -> None:
    _run(CLAIM.replace(line, junk + "\n", 1).encode("utf-8", "surrogatepass"))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes(raw: bytes) -> None:
    _run(raw)
