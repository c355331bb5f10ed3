"""FC1xx: the record against its model. Reported by the model stage (validator/records.py)."""

from validator.rules import Rule

RULES = (
    Rule(
        "FC101",
        "unknown-field",
        "A field the model does not know.",
        "Unknown fields are refused so that a misspelt field ('qoute') is not silently ignored. "
        "The finding suggests the nearest known field name, or lists the known ones. The full "
        "list is in schema/claim.schema.json and schema/source.schema.json.",
    ),
    Rule(
        "FC102",
        "missing-field",
        "A required field is missing.",
        "A claim needs id, claim, quote, as_written, value, unit, source, measure, claimant and "
        "verdict; a source needs id, title, publisher, kind, url and published. The finding points "
        "at the mapping that lacks the field.",
    ),
    Rule(
        "FC103",
        "invalid-value",
        "A field's value has the wrong type or form.",
        "Numbers are written unquoted and are never floats in disguise; text that looks like a "
        "number or a boolean is quoted; dates are YYYY-MM-DD; ids are lower-case slugs; booleans "
        "are exactly true or false (YAML 1.2: 'yes', 'no' and 'NO' are text).",
    ),
)
