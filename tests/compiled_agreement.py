"""Run by tests/test_schema.py in a fresh process: the compiled validators (making the plain
classes of validator/model/plain.py) and the models' own validators, given the same records,
give the same fields or the same errors; the plain record dumps as the model does.

A fresh process, so that it shows the compiled validators built and the dataset validated
with pydantic not imported, and the models' own validators built after them.

Prints one JSON object: how many records were compared, the ones that differ, and whether
pydantic was imported before the models were asked.
"""

from __future__ import annotations

import copy
import json
import random
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic_core import ValidationError

from validator.load import load
from validator.model import build
from validator.model.frozen import Frozen, dump

REPO = Path(__file__).resolve().parent.parent
ODD = [
    None,
    True,
    0,
    -1,
    10**30,
    1.5,
    float("inf"),
    Decimal("NaN"),
    Decimal("-0"),
    Decimal("1E+400"),
    "",
    " ",
    "x" * 20_001,
    "2024-02-30",
    "2024-01-01",
    "£4.8 million",
    "GBP",
    "accurate",
    "sum",
    [],
    [None],
    ["a", 1],
    {},
    {"extra": 1},
    {"rating": "accurate", "summary": "s"},
]


def _records() -> list[tuple[str, Any]]:
    found = []
    for kind in ("claim", "source"):
        for path in sorted((REPO / f"{kind}s").glob("*.yaml")):
            doc, _ = load(path, str(path))
            if doc is not None:
                found.append((kind, doc.data))
    return found


def _mangled(data: dict[str, Any], rng: random.Random) -> Any:
    """The record with one to three changes: a field dropped, replaced, added, or a nested
    field changed the same ways."""
    data = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        target = data
        nested = [k for k, v in data.items() if isinstance(v, dict)]
        if nested and rng.random() < 0.4:
            target = data[rng.choice(nested)]
        keys = list(target) or ["id"]
        move = rng.random()
        if move < 0.3:
            target.pop(rng.choice(keys), None)
        elif move < 0.8:
            target[rng.choice(keys)] = rng.choice(ODD)
        else:
            target[rng.choice(["extra", "qoute", "metadata", 1])] = rng.choice(ODD)
    return data


def _outcome(validate: Any, data: Any) -> Any:
    try:
        model = validate(data)
    except ValidationError as error:
        return ["errors", repr(error.errors(include_url=False))]
    if isinstance(model, Frozen):
        dumped = [dump(model), dump(model, exclude_defaults=True)]
    else:
        dumped = [
            model.model_dump(mode="json"),
            model.model_dump(mode="json", exclude_defaults=True),
        ]
    return ["model", _fields(model), sorted(model.__pydantic_fields_set__), dumped]


def _fields(value: Any) -> Any:
    """A record's class name and fields, nested, each value by its repr (Decimal('4.80') is not
    Decimal('4.8'), True is not 1)."""
    if hasattr(value, "__pydantic_fields_set__"):
        return [type(value).__name__, {k: _fields(v) for k, v in vars(value).items()}]
    if isinstance(value, list):
        return [_fields(item) for item in value]
    if isinstance(value, dict):
        return {repr(k): _fields(v) for k, v in value.items()}
    return repr(value)


def main() -> None:
    import pydantic_core

    from validator.model import compiling

    if compiling.written_by() != pydantic_core.__version__:
        print(json.dumps({"skipped": "core_schemas.py is of another pydantic-core"}))
        return
    compiled = build._compiled()
    rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    base = _records()
    cases = base + [(k, _mangled(d, rng)) for k, d in base for _ in range(60)]
    for kind, data in base:
        compiled[kind].validate_python(data)
    quiet = "pydantic" not in sys.modules  # the dataset validated without pydantic
    first = [_outcome(compiled[kind].validate_python, data) for kind, data in cases]
    from validator.model.records import MODELS

    second = [_outcome(MODELS[kind].model_validate, data) for kind, data in cases]
    differ = [
        {"kind": kind, "data": repr(data)[:300], "compiled": a, "model": b}
        for (kind, data), a, b in zip(cases, first, second, strict=True)
        if a != b
    ]
    models = sum(1 for outcome in first if outcome[0] == "model")
    print(
        json.dumps({"compared": len(cases), "models": models, "differ": differ[:5], "quiet": quiet})
    )


if __name__ == "__main__":
    main()
