"""What the records are made of, without pydantic: the patterns, the rating scale, the kinds of
source, and the two checks of a written value (an exact number, a date) that the models and the
compiled validators share.

A run imports this and validator/model/plain.py; pydantic itself (validator/model/records.py)
is imported only to word an error or to write the schemas.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, Literal

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://[^\s]+$"
MAX_OPERANDS = 100  # a total of a hundred parts is plenty; seventy thousand is an attack
RULE_CODE_PATTERN = r"^FC[0-9]{3}$"
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _refused(kind: str, message: str) -> Exception:
    # pydantic-core, not pydantic: the compiled validators raise it without importing pydantic.
    from pydantic_core import PydanticCustomError

    return PydanticCustomError(kind, message)


def exact_number(value: Any) -> Any:
    # bool is an int in Python; float has already lost the written digits.
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise _refused(
            "exact_number", "must be a number written without quotes, such as 4800000 or 4.8"
        )
    return Decimal(value)


def iso_date(value: Any) -> Any:
    if type(value) is date:
        return value
    if not isinstance(value, str) or not _DATE.match(value):
        raise _refused("iso_date", "must be a date written YYYY-MM-DD")
    return value


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
