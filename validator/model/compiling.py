"""The models' validators, compiled: pydantic's core schemas of Claim and Source written out as a
Python module (validator/model/core_schemas.py), so that a run builds its validators from them
in microseconds instead of generating them from the models' annotations (40 ms, a quarter of a
one-file run). The models stay the single source of truth: `factcheck schema` regenerates the
module, `factcheck schema --check` fails when it is stale, and a test checks that both validate
alike. The module is used only with the pydantic-core version it was written by; with another,
the models validate as they always did.
"""

from __future__ import annotations

import enum
import math
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import FunctionType
from typing import Any

MODULE = Path(__file__).with_name("core_schemas.py")
# Keys that matter to serialization and JSON Schema only; a validator never reads them, and
# they hold pydantic's own closures, which cannot be written out.
_SKIPPED = {"metadata", "serialization"}
# A reference names a class and its id() in this process ("...records.Claim:9446..."): only
# its uniqueness inside one schema matters, so the address is dropped.
_ADDRESS = re.compile(r":\d+$")


def source() -> str:
    """The text of core_schemas.py for the installed pydantic-core."""
    import pydantic_core

    from validator.model.records import MODELS

    lines = [
        '"""Generated from validator/model/records.py by `factcheck schema`; do not edit.',
        "",
        "pydantic's core schemas of the models (see validator/model/compiling.py).",
        '"""',
        "",
        "# ruff: noqa",
        "from datetime import date",
        "from decimal import Decimal",
        "",
        "from validator.model import records as r",
        "",
        f"PYDANTIC_CORE = {pydantic_core.__version__!r}",
    ]
    expected: dict[str, Any] = {}
    for kind, model in MODELS.items():
        model.model_rebuild(force=True)
        schema = _stripped(model.__pydantic_core_schema__)
        expected[kind.upper()] = schema
        lines.append(f"{kind.upper()} = {_write(schema, '')}")
    text = "\n".join(lines) + "\n"
    _check(text, expected)
    return text


def _check(text: str, expected: dict[str, Any]) -> None:
    """The written module, run, gives back the schemas it was written from; else the writer
    has a gap (a value it cannot write as Python), and nothing is written."""
    namespace: dict[str, Any] = {}
    exec(compile(text, str(MODULE), "exec"), namespace)
    for name, schema in expected.items():
        if not _same(namespace[name], schema):
            raise TypeError(f"core_schemas.py would not give back the {name} schema")


def _same(a: Any, b: Any) -> bool:
    """Equal, with NaN equal to NaN (a float default may be one)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return type(a) is type(b) and len(a) == len(b) and all(map(_same, a, b))
    return bool(a == b)


def _write(value: Any, indent: str) -> str:
    """A stripped schema as Python source, one entry a line."""
    inner = indent + "    "
    if isinstance(value, dict):
        items = [f"{inner}{key!r}: {_write(item, inner)}," for key, item in value.items()]
        return "{\n" + "\n".join(items) + f"\n{indent}}}" if items else "{}"
    if isinstance(value, list | tuple):
        items = [f"{inner}{_write(item, inner)}," for item in value]
        body = "\n" + "\n".join(items) + f"\n{indent}" if items else ""
        return f"[{body}]" if isinstance(value, list) else f"({body})"
    return _atom(value)


def _ref(key: str, value: Any) -> Any:
    if key in ("ref", "schema_ref") and isinstance(value, str):
        return _ADDRESS.sub("", value)
    return value


def _stripped(value: Any) -> Any:
    """The schema as core_schemas.py holds it: in each schema node (a dict whose `type` is a
    string, not a mapping of field names) the keys a validator never reads dropped, and the
    references without their addresses."""
    if isinstance(value, dict):
        node = isinstance(value.get("type"), str)
        return {
            key: _stripped(_ref(key, item) if node else item)
            for key, item in value.items()
            if not (node and key in _SKIPPED)
        }
    if isinstance(value, list | tuple):
        return type(value)(_stripped(item) for item in value)
    return value


def _atom(value: Any) -> str:
    from validator.model import records

    if isinstance(value, enum.Enum):
        return f"r.{type(value).__name__}.{value.name}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"float({str(value)!r})"  # repr(nan) is not Python
    if value is None or isinstance(value, bool | int | float | str):
        return repr(value)
    if isinstance(value, Decimal):
        return f"Decimal({str(value)!r})"
    if isinstance(value, date):
        return f"date.fromisoformat({value.isoformat()!r})"
    if value in (list, dict, set, tuple):
        return str(getattr(value, "__name__", ""))
    name = str(getattr(value, "__name__", ""))
    if isinstance(value, type | FunctionType) and getattr(records, name, None) is value:
        return f"r.{name}"
    raise TypeError(f"cannot write {value!r} into core_schemas.py: name it in records.py")


def written_by() -> str | None:
    """The pydantic-core version core_schemas.py was written by; None if it cannot be read."""
    found = re.search(r"^PYDANTIC_CORE = '([^']*)'$", _current(), re.MULTILINE)
    return found.group(1) if found else None


def stale() -> bool:
    """Whether core_schemas.py differs from what the models write with this pydantic-core.
    Written by another pydantic-core it is not stale but unused: a run validates through the
    models then, and `factcheck schema` rewrites it for the installed one."""
    import pydantic_core

    if written_by() not in (None, pydantic_core.__version__):
        return False
    return _current() != source()


def status() -> str:
    """What --check says of core_schemas.py: nothing when it is current."""
    import pydantic_core

    shown = MODULE.relative_to(MODULE.parents[2]).as_posix()
    if stale():
        return f"{shown}: out of date with validator/model/records.py; run `factcheck schema`"
    version = written_by()
    if version != pydantic_core.__version__:
        return (
            f"{shown}: written by pydantic-core {version}, not the installed "
            f"{pydantic_core.__version__}, so runs validate through the models (slower); "
            "`factcheck schema` rewrites it"
        )
    return ""


def _current() -> str:
    try:
        return MODULE.read_text(encoding="utf-8")
    except OSError:
        return ""


def write() -> bool:
    """Write core_schemas.py if it changed; whether it did."""
    from validator.workspace.writing import write_atomic

    if not stale():
        return False
    write_atomic(MODULE, source())
    return True
