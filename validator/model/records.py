"""The records. The pydantic models are the single source of truth: schema/*.json, the plain
classes a run validates into (validator/model/plain.py) and the compiled validators that make
them (validator/model/core_schemas.py) are all written from them by `factcheck schema`. A run
imports this module only to word an error; the words and patterns the models are made of are
in validator/model/vocabulary.py, which a run imports without pydantic.

Values arrive from the strict loader: numbers as int or Decimal, dates as text. The field types
below accept exactly that and nothing looser (no "yes" for true, no float, no Unix time for a date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

from validator.model.vocabulary import (
    MAX_OPERANDS,
    RATING_SCALE,
    RULE_CODE_PATTERN,
    SLUG_PATTERN,
    URL_PATTERN,
    Operation,
    Per,
    Rating,
    SourceKind,
    exact_number,
    iso_date,
)


@dataclass(frozen=True)
class Hint:
    """How to fix a value of this type; the model stage gives it with any error on the value.

    A hint belongs to the field's type, not to the kind of error: a pattern error in a URL and
    one in an id need different advice.
    """

    text: str


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=120),
    Hint("ids are lower-case words joined by hyphens, such as nca-arrests-q1-2024"),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=10_000), Hint("write some text")]
Url = Annotated[
    str,
    StringConstraints(pattern=URL_PATTERN, max_length=2_000),
    Hint("a URL starts with http:// or https:// and has no spaces; leave it out when unknown"),
]
RuleCode = Annotated[
    str,
    StringConstraints(pattern=RULE_CODE_PATTERN),
    Hint("a rule code is FC and three digits, such as FC304; see `factcheck rules`"),
]
Language = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2,3}(?:-[A-Z]{2})?$"),
    Hint("a language is an ISO 639 code, optionally with a region: en, de, en-GB"),
]
Sha256 = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{64}$"),
    Hint("64 lower-case hexadecimal digits, as `sha256sum` prints them"),
]
Figure = Annotated[
    Decimal,
    BeforeValidator(exact_number),
    WithJsonSchema({"type": "number"}),
    Hint("write the number unquoted, such as 4800000 or 4.8"),
]
IsoDate = Annotated[
    date,
    BeforeValidator(iso_date),
    WithJsonSchema({"type": "string", "format": "date"}),
    Hint("write the date as YYYY-MM-DD, such as 2024-04-22"),
]
StrictBool = Annotated[bool, Field(strict=True), Hint("write true or false")]
Unit = Annotated[
    str,
    StringConstraints(pattern=r"^(?:[A-Z]{3}|[a-z][a-z0-9_]*)$", max_length=40),
    Hint("a unit is an ISO 4217 code (GBP), percent, count, or a lower-case unit name (t, kg)"),
    Field(
        description=(
            "ISO 4217 code for money (GBP, USD, EUR), `percent`, `count`, "
            "or a unit such as `t` (tonne), `kg`, `year`, `month`."
        ),
        examples=["GBP", "percent", "count", "t"],
    ),
]
Waivers = Annotated[
    dict[RuleCode, str],
    Field(
        description="Rules this record is exempt from, each with the reason why: {FC402: reason}.",
    ),
]


class Model(BaseModel):
    # defer_build: a run validates through validator/model/core_schemas.py into the plain
    # classes, so the models' own validators are built only when something asks for them.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Period(Model):
    start: IsoDate = Field(description="First day the figure covers.")
    end: IsoDate = Field(description="Last day the figure covers (inclusive).")


class Verdict(Model):
    rating: Rating = Field(
        description="; ".join(f"{r.value}: {d}" for r, (_, _, d) in RATING_SCALE.items())
    )
    explanation: Text = Field(description="Why, citing what the figure was checked against.")
    checked_against: list[Slug] = Field(
        default_factory=list,
        description="Ids of the sources the figure was checked against; empty when none was found.",
    )


class Equivalent(Model):
    """The same figure in another currency or unit, as the source gives it.

    '£4.8 million ($5.9 million)' is a GBP claim with a USD equivalent.
    """

    as_written: Text = Field(description="The equivalent exactly as the source writes it.")
    value: Figure = Field(description="The normalised number.")
    unit: Unit
    exact: StrictBool = Field(
        default=False,
        description="Every written digit is significant: '£4,800,000' means exactly that.",
    )
    converted_on: IsoDate | None = Field(
        default=None,
        description=(
            "For money: the date whose exchange rate applies; "
            "by default the source's publication date."
        ),
    )


class Derivation(Model):
    """How a figure follows from others; evaluated by the consistency checks."""

    operation: Operation
    operands: list[Slug] = Field(
        min_length=1,
        max_length=MAX_OPERANDS,
        description="Ids of the claims the figure is derived from.",
    )
    note: str | None = None


class Claim(Model):
    """One figure from a source, with what it measures, who said it and how it checks out."""

    model_config = ConfigDict(
        title="Claim",
        json_schema_extra={
            "$comment": "Generated from validator/model/records.py; run `factcheck schema`."
        },
    )

    id: Slug = Field(description="Slug, equal to the file name without .yaml.")
    claim: Text = Field(description="What is asserted, in plain words.")
    quote: Text = Field(
        description="The sentence from the source that carries the figure, verbatim."
    )
    as_written: Text = Field(
        description='The figure exactly as the source writes it: "£4.8 million", "92%".'
    )
    value: Figure = Field(
        description="The normalised number: 4800000 for £4.8 million, 92 for 92%."
    )
    unit: Unit
    source: Slug = Field(description="Id of the source in which the figure appears.")
    measure: Text = Field(
        description="What is counted or measured: 'children safeguarded by UK police'."
    )
    claimant: Text = Field(
        description="Who asserts the figure (the NCA, Meta), not the outlet that printed it."
    )
    verdict: Verdict
    approximate: StrictBool = Field(
        default=False, description='The source hedges the figure ("around").'
    )
    exact: StrictBool = Field(
        default=False,
        description=(
            "Every written digit is significant: the source says '£4,800,000' is exact, not "
            "'about £4.8 million'."
        ),
    )
    period: Period | None = Field(default=None, description="The span of time the figure covers.")
    as_of: IsoDate | None = Field(default=None, description="The date a stock figure refers to.")
    per: Per | None = Field(default=None, description='A rate: "every month" is per: month.')
    geography: str | None = Field(
        default=None, description="Where: an ISO 3166 code or a region name."
    )
    primary_source: Slug | None = Field(
        default=None, description="Id of the source the figure comes from."
    )
    implied: StrictBool = Field(
        default=False,
        description="The source implies the figure without printing it; derived_from says how.",
    )
    derived_from: Derivation | None = None
    equivalents: list[Equivalent] = Field(default_factory=list)
    tags: list[Slug] = Field(default_factory=list)
    waive: Waivers = Field(default_factory=dict)


class SetAside(Model):
    """A figure in the source's text that is deliberately not a claim, and why."""

    text: Text = Field(description="The passage holding the figure, as the snapshot writes it.")
    reason: Text = Field(description="Why it is not a claim: page furniture, a date, a phrase.")


class Source(Model):
    """A document in which figures appear: the article, a press release, a report."""

    model_config = ConfigDict(
        title="Source",
        json_schema_extra={
            "$comment": "Generated from validator/model/records.py; run `factcheck schema`."
        },
    )

    id: Slug = Field(description="Slug, equal to the file name without .yaml.")
    title: Text
    publisher: Text
    kind: SourceKind
    url: Url | None = Field(
        default=None,
        description="Where the source is published; omit when it is not known. Never guess.",
    )
    published: IsoDate = Field(
        description="Publication date; inferred dates are explained in notes."
    )
    author: str | None = Field(
        default=None,
        description="The byline; omit or null when the source names none. Never guess.",
    )
    archive_url: Url | None = Field(
        default=None,
        description="A stable copy of the text (a web archive or a verbatim republication).",
    )
    language: Language | None = None
    notes: str | None = None
    snapshot_sha256: Sha256 | None = Field(
        default=None,
        description="SHA-256 of the text snapshot <id>.txt the quotes were checked against.",
    )
    set_aside: list[SetAside] = Field(
        default_factory=list,
        description="Figures in the source's text that are deliberately not claims, with reasons.",
    )
    waive: Waivers = Field(default_factory=dict)


MODELS: dict[str, type[Model]] = {"claim": Claim, "source": Source}
