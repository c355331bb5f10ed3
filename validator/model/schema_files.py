"""schema/*.json, generated from the models (Draft 2020-12)."""

from __future__ import annotations

import json
from pathlib import Path

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def documents() -> dict[str, str]:
    """File name -> JSON text of each generated schema, checked against the 2020-12 metaschema."""
    from jsonschema import Draft202012Validator

    from validator.model.records import MODELS

    out: dict[str, str] = {}
    for kind, model in MODELS.items():
        schema = {"$schema": DIALECT, **model.model_json_schema(mode="validation")}
        Draft202012Validator.check_schema(schema)
        out[f"{kind}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return out


def stale(folder: Path, generated: dict[str, str] | None = None) -> list[str]:
    """Names of schema files missing from `folder` or different from what the models generate."""
    found = []
    for name, text in (generated or documents()).items():
        path = folder / name
        try:
            current = path.read_text(encoding="utf-8")
        except OSError:
            current = None
        if current != text:
            found.append(name)
    return found


def write(folder: Path) -> list[str]:
    """Write the schemas that changed, atomically; return their names."""
    from validator.workspace.writing import write_atomic

    generated = documents()
    written = []
    for name in stale(folder, generated):
        write_atomic(folder / name, generated[name])
        written.append(name)
    return written
