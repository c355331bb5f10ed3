"""The records. The pydantic models are the single source of truth; schema/*.json is made from them.

Values arrive from the strict loader: numbers as int or Decimal, dates as text. The field types
below accept exactly that and nothing looser (no "yes" for true, no float, no Unix time for a date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://[^\s]+$"
MAX_OPERANDS = 100  # a total of a hundred parts is plenty; seventy thousand is an attack
RULE_CODE_PATTERN = r"^FC[0-9]{3}$"
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _exact_number(value: Any) -> Any:
    # bool is an int in Python; float has already lost the written digits.
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise PydanticCustomError(
            "exact_number", "must be a number written without quotes, such as 4800000 or 4.8"
        )
    return Decimal(value)


def _iso_date(value: Any) -> Any:
    if type(value) is date:
        return value
    if not isinstance(value, str) or not _DATE.match(value):
        raise PydanticCustomError("iso_date", "must be a date written YYYY-MM-DD")
    return value


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
    BeforeValidator(_exact_number),
    WithJsonSchema({"type": "number"}),
    Hint("write the number unquoted, such as 4800000 or 4.8"),
]
IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
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
    # defer_build: a run validates through validator/model/core_schemas.py, so the models'
    # own validators are built only when something else asks for them (40 ms at import).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Rating(StrEnum):
    """Verdicts, ordered from best to worst; each maps to a ClaimReview rating."""

    ACCURATE = "accurate"
    MOSTLY_ACCURATE = "mostly_accurate"
    OUTDATED = "outdated"
    MISLEADING = "misleading"
    INACCURATE = "inaccurate"
    UNVERIFIABLE = "unverifiable"


# ClaimReview's reviewRating: alternateName and ratingValue on a 1 (worst) to 5 (best) scale.
# "unverifiable" has no place on the scale, so it has no ratingValue.
RATING_SCALE: dict[Rating, tuple[str, int | None, str]] = {
    Rating.ACCURATE: ("Accurate", 5, "The primary source supports the figure as written."),
    Rating.MOSTLY_ACCURATE: (
        "Mostly accurate",
        4,
        "Supported, with a detail changed or lost (a hedge added, a date shifted).",
    ),
    Rating.OUTDATED: ("Outdated", 3, "True when first said, no longer true when published."),
    Rating.MISLEADING: (
        "Misleading",
        2,
        "The number may be right but the framing leads a reader to a wrong conclusion.",
    ),
    Rating.INACCURATE: ("Inaccurate", 1, "The primary source contradicts the figure."),
    Rating.UNVERIFIABLE: ("Unverifiable", None, "No primary source was found to check it against."),
}


class SourceKind(StrEnum):
    ARTICLE = "article"
    PRESS_RELEASE = "press_release"
    STATEMENT = "statement"
    REPORT = "report"
    BLOG_POST = "blog_post"
    WEB_PAGE = "web_page"
    SOCIAL_POST = "social_post"
    DATASET = "dataset"
    OTHER = "other"


Per = Literal["day", "week", "month", "quarter", "year"]
Operation = Literal[
    "sum", "difference", "product", "ratio", "percent_of", "rate_times_duration", "equal"
]


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
