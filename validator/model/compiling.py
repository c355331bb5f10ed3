"""The models' validators, compiled, and the plain classes they make: written from the models
as two Python modules, so that a run neither generates validators from the models'
annotations (40 ms) nor imports pydantic at all (50 ms more; it is imported to word an error).

- validator/model/plain.py: each model as a plain class with the same fields and types
  (validator/model/frozen.py is their base);
- validator/model/core_schemas.py: pydantic's core schemas of Claim and Source, naming the
  plain classes, from which a run builds its validators with pydantic-core alone.

The models stay the single source of truth: `factcheck schema` regenerates both modules,
`factcheck schema --check` fails when either is stale, and a test checks that the compiled
validators and the models' own validate alike. core_schemas.py is used only with the
pydantic-core version it was written by; with another, a run builds its validators from the
models' own core schemas, pointed at the same plain classes.
"""

from __future__ import annotations

import enum
import math
import re
import types
import typing
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import FunctionType
from typing import Any

MODULE = Path(__file__).with_name("core_schemas.py")
PLAIN = Path(__file__).with_name("plain.py")
# Keys that matter to serialization and JSON Schema only; a validator never reads them, and
# they hold pydantic's own closures, which cannot be written out.
_SKIPPED = {"metadata", "serialization"}
# A reference names a class and its id() in this process ("...records.Claim:9446..."): only
# its uniqueness inside one schema matters, so the address is dropped.
_ADDRESS = re.compile(r":\d+$")
_PLAIN_IMPORT = "from validator.model import plain as p"
_HEADER = '''"""Generated from validator/model/records.py by `factcheck schema`; do not edit.

{what} (see validator/model/compiling.py).
"""

# ruff: noqa
'''


def source() -> str:
    """The text of core_schemas.py for the installed pydantic-core."""
    import pydantic_core

    from validator.model.records import MODELS

    lines = [
        _HEADER.format(
            what="pydantic's core schemas of the models, validating into the plain classes"
        ),
        "from datetime import date",
        "from decimal import Decimal",
        "",
        _PLAIN_IMPORT,
        "from validator.model import vocabulary as v",
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


def plain_source() -> str:
    """The text of plain.py: each model as a class with the same fields, typed alike, and no
    pydantic in it, for pydantic-core to validate into."""
    from validator.model import records

    lines = [
        _HEADER.format(what="The records as plain classes, made by the compiled validators"),
        "from __future__ import annotations",
        "",
        "from datetime import date",
        "from decimal import Decimal",
        "from typing import Any, ClassVar",
        "",
        "from validator.model import vocabulary as v",
        "from validator.model.frozen import Frozen",
    ]
    for model in _models(records):
        lines += ["", "", *_plain_class(model)]
    return "\n".join(lines) + "\n"


def _models(records: Any) -> list[type[Any]]:
    """The models of records.py in the order they are written (a field's type comes first)."""
    return [
        value
        for value in vars(records).values()
        if isinstance(value, type)
        and issubclass(value, records.Model)
        and value is not records.Model
    ]


def _plain_class(model: type[Any]) -> list[str]:
    from pydantic_core import PydanticUndefined

    doc = (model.__doc__ or "").strip().splitlines()
    lines = [f"class {model.__name__}(Frozen):"]
    if doc:
        lines.append(f"    {_docstring(doc[0])}")
    defaults = {}
    for name, field in model.model_fields.items():
        if field.default_factory is not None:
            defaults[name] = field.default_factory()
        elif field.default is not PydanticUndefined:
            defaults[name] = field.default
    lines += ["", "    __slots__ = ()"] if doc else ["    __slots__ = ()"]
    if defaults:
        lines.append(f"    defaults: ClassVar[dict[str, Any]] = {_write(defaults, '    ')}")
    lines.append("")
    lines += [
        f"    {name}: {_type(field.annotation)}" for name, field in model.model_fields.items()
    ]
    return lines


def _docstring(line: str) -> str:
    return '"""' + line.replace("\\", "\\\\").replace('"', '\\"') + '"""'


def _type(annotation: Any) -> str:
    """An annotation as plain.py writes it: Annotated metadata dropped, the named choices and
    models by name."""
    from validator.model import records, vocabulary

    for name in ("Per", "Operation"):
        if annotation == getattr(vocabulary, name):
            return f"v.{name}"
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type(args[0])
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_type(arg) for arg in args)
    if origin in (list, dict, tuple):
        return f"{origin.__name__}[{', '.join(_type(arg) for arg in args)}]"
    if annotation is type(None):
        return "None"
    if annotation in (str, int, bool, Decimal, date):
        return str(annotation.__name__)
    if isinstance(annotation, type) and _named(vocabulary, annotation):
        return f"v.{annotation.__name__}"
    if isinstance(annotation, type) and issubclass(annotation, records.Model):
        return annotation.__name__
    raise TypeError(f"cannot write the type {annotation!r} into plain.py: name it in vocabulary")


def to_plain(value: Any) -> Any:
    """A schema with each model class replaced by its plain class, by name, as core_schemas.py
    writes it: what a run validates with when core_schemas.py is of another pydantic-core."""
    from validator.model import plain, records

    if isinstance(value, dict):
        return {key: to_plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(to_plain(item) for item in value)
    if isinstance(value, type) and issubclass(value, records.Model):
        return getattr(plain, value.__name__)
    return value


def _check(text: str, expected: dict[str, Any]) -> None:
    """The written module, run, gives back the schemas it was written from; else the writer
    has a gap (a value it cannot write as Python), and nothing is written."""
    from validator.model import records

    # Run with the models standing for their plain classes, to compare with what they gave.
    models = {model.__name__: model for model in _models(records)}
    namespace: dict[str, Any] = {"p": types.SimpleNamespace(**models)}
    exec(compile(text.replace(_PLAIN_IMPORT, ""), str(MODULE), "exec"), namespace)
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
    from validator.model import records, vocabulary

    if isinstance(value, enum.Enum) and _named(vocabulary, type(value)):
        return f"v.{type(value).__name__}.{value.name}"
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
    if isinstance(value, type) and issubclass(value, records.Model):
        return f"p.{value.__name__}"  # the model's plain class
    if isinstance(value, type | FunctionType) and _named(vocabulary, value):
        return f"v.{value.__name__}"
    raise TypeError(f"cannot write {value!r} into core_schemas.py: name it in vocabulary.py")


def _named(module: Any, value: Any) -> bool:
    return getattr(module, str(getattr(value, "__name__", "")), None) is value


def written_by() -> str | None:
    """The pydantic-core version core_schemas.py was written by; None if it cannot be read."""
    found = re.search(r"^PYDANTIC_CORE = '([^']*)'$", _current(MODULE), re.MULTILINE)
    return found.group(1) if found else None


def stale_files() -> list[Path]:
    """The generated modules that differ from what the models write. core_schemas.py written
    by another pydantic-core is not stale but unused: a run validates through the models'
    own core schemas then, and `factcheck schema` rewrites it for the installed one."""
    import pydantic_core

    found = [PLAIN] if _current(PLAIN) != plain_source() else []
    if written_by() in (None, pydantic_core.__version__) and _current(MODULE) != source():
        found.append(MODULE)
    return found


def stale() -> bool:
    return bool(stale_files())


def status() -> list[str]:
    """What --check says of the generated modules: nothing when they are current."""
    import pydantic_core

    said = [
        f"{_shown(path)}: out of date with validator/model/records.py; run `factcheck schema`"
        for path in stale_files()
    ]
    version = written_by()
    if MODULE not in stale_files() and version != pydantic_core.__version__:
        said.append(
            f"{_shown(MODULE)}: written by pydantic-core {version}, not the installed "
            f"{pydantic_core.__version__}, so runs validate through the models (slower); "
            "`factcheck schema` rewrites it"
        )
    return said


def _shown(path: Path) -> str:
    return path.relative_to(path.parents[2]).as_posix()


def _current(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def write() -> list[Path]:
    """Write the generated modules that changed (plain.py first: core_schemas.py names its
    classes); the ones written."""
    from validator.workspace.writing import write_atomic

    stale = stale_files()
    for path, text in ((PLAIN, plain_source), (MODULE, source)):
        if path in stale:
            write_atomic(path, text())
    return [path for path in (PLAIN, MODULE) if path in stale]
