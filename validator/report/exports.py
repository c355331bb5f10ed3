"""`factcheck export`: the claims as schema.org ClaimReview JSON-LD, CSV, or a Frictionless
Data Package (datapackage.json beside the CSV, with a Table Schema)."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from validator.model.plain import Source
from validator.model.vocabulary import RATING_SCALE, Rating
from validator.values import figures

if TYPE_CHECKING:
    from validator.report.review import Review, Row

# (column, Table Schema type, description); the order is the CSV's and never changes silently.
COLUMNS: list[tuple[str, str, str]] = [
    ("id", "string", "the claim's id, its file name in claims/"),
    ("claim", "string", "what is asserted, in plain words"),
    ("quote", "string", "the sentence that carries the figure, verbatim"),
    ("as_written", "string", "the figure as the source writes it"),
    ("value", "number", "the normalised number"),
    ("unit", "string", "ISO 4217 code, percent, count, or a unit such as t or year"),
    ("approximate", "boolean", "the source hedges the figure"),
    ("implied", "boolean", "the source implies the figure without printing it"),
    ("measure", "string", "what is counted or measured"),
    ("period_start", "date", "first day the figure covers"),
    ("period_end", "date", "last day the figure covers"),
    ("as_of", "date", "the day a stock figure refers to"),
    ("per", "string", "the rate's unit of time"),
    ("geography", "string", "where"),
    ("claimant", "string", "who asserts the figure"),
    ("source", "string", "id of the source the figure appears in"),
    ("primary_source", "string", "id of the source the figure comes from"),
    ("rating", "string", "the verdict"),
    ("rating_label", "string", "the verdict as ClaimReview's alternateName"),
    ("rating_value", "integer", "the verdict on ClaimReview's scale, 1 (worst) to 5 (best)"),
    ("explanation", "string", "why the verdict, citing what was checked"),
    ("checked_against", "string", "ids of the sources checked, separated by ';'"),
    ("equivalents", "string", "the figure in other currencies or units, separated by ';'"),
    ("derived_from", "string", "operation(operand ids) for an implied figure"),
    ("tags", "string", "tags, separated by ';'"),
]


# The sources table, which claims.source, primary_source and checked_against point into.
SOURCE_COLUMNS: list[tuple[str, str, str]] = [
    ("id", "string", "the source's id, its file name in sources/"),
    ("title", "string", "the source's title"),
    ("publisher", "string", "who published it"),
    ("kind", "string", "article, press_release, statement, report, ..."),
    ("published", "date", "publication date"),
    ("url", "string", "where it is published; empty when not known"),
    ("author", "string", "the byline; empty when the source names none"),
    ("archive_url", "string", "a stable copy of the text"),
    ("language", "string", "the language of the text (BCP 47)"),
]
_SOURCE_REQUIRED = ("id", "title", "publisher", "kind", "published")

# The dataset is facts and short quotations with their sources, compiled and checked by its
# contributors: it is published under CC BY 4.0, which asks only for attribution.
LICENSE: dict[str, str] = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}


def rows(review: Review) -> list[dict[str, str]]:
    return [_row(row) for row in review.all_rows()]


def _row(row: Row) -> dict[str, str]:
    c = row.claim
    label, score, _ = RATING_SCALE[c.verdict.rating]
    derivation = c.derived_from
    return {
        "id": c.id,
        "claim": c.claim,
        "quote": c.quote,
        "as_written": c.as_written,
        "value": figures.render(c.value),
        "unit": c.unit,
        "approximate": "true" if c.approximate else "false",
        "implied": "true" if c.implied else "false",
        "measure": c.measure,
        "period_start": str(c.period.start) if c.period else "",
        "period_end": str(c.period.end) if c.period else "",
        "as_of": str(c.as_of or ""),
        "per": c.per or "",
        "geography": c.geography or "",
        "claimant": c.claimant,
        "source": c.source,
        "primary_source": c.primary_source or "",
        "rating": c.verdict.rating.value,
        "rating_label": label,
        "rating_value": "" if score is None else str(score),
        "explanation": " ".join(c.verdict.explanation.split()),
        "checked_against": ";".join(c.verdict.checked_against),
        "equivalents": ";".join(
            f"{e.as_written} = {figures.render(e.value)} {e.unit}"
            + (f" on {e.converted_on}" if e.converted_on else "")
            for e in c.equivalents
        ),
        "derived_from": f"{derivation.operation}({','.join(derivation.operands)})"
        if derivation
        else "",
        "tags": ";".join(c.tags),
    }


def to_csv(review: Review) -> str:
    return _csv(COLUMNS, rows(review))


def source_rows(review: Review) -> list[dict[str, str]]:
    """Every source, by id; the sources the claims cite are all here (FC203 sees to it)."""
    return [
        {
            "id": s.id,
            "title": s.title,
            "publisher": s.publisher,
            "kind": s.kind.value,
            "published": str(s.published),
            "url": s.url or "",
            "author": s.author or "",
            "archive_url": s.archive_url or "",
            "language": s.language or "",
        }
        for s in sorted(review.sources.values(), key=lambda s: s.id)
    ]


def sources_csv(review: Review) -> str:
    return _csv(SOURCE_COLUMNS, source_rows(review))


def _csv(columns: list[tuple[str, str, str]], table: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=[name for name, _, _ in columns], lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows({k: _inert(k, v) for k, v in row.items()} for row in table)
    return buffer.getvalue()


_NUMERIC = frozenset(name for name, kind, _ in COLUMNS if kind in ("number", "integer"))


def _inert(column: str, cell: str) -> str:
    """A text cell a spreadsheet will not run: one that starts like a formula (= + - @, or a
    tab or CR before one) is written with a leading apostrophe (OWASP's CSV injection advice)."""
    if column not in _NUMERIC and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


def table_schema() -> dict[str, Any]:
    fields: list[dict[str, Any]] = []
    for name, kind, description in COLUMNS:
        field: dict[str, Any] = {"name": name, "type": kind, "description": description}
        if name in (
            "id",
            "claim",
            "quote",
            "as_written",
            "value",
            "unit",
            "measure",
            "claimant",
            "source",
            "rating",
        ):
            field["constraints"] = {"required": True}
        if name == "rating":
            field["constraints"]["enum"] = [r.value for r in Rating]
        if name == "rating_value":
            field["constraints"] = {"minimum": 1, "maximum": 5}
        fields.append(field)
    fields[0]["constraints"]["unique"] = True
    return {
        "fields": fields,
        "primaryKey": ["id"],
        "foreignKeys": [
            {"fields": [column], "reference": {"resource": "sources", "fields": ["id"]}}
            for column in ("source", "primary_source")
        ],
        "missingValues": [""],
    }


def sources_schema() -> dict[str, Any]:
    fields: list[dict[str, Any]] = []
    for name, kind, description in SOURCE_COLUMNS:
        field: dict[str, Any] = {"name": name, "type": kind, "description": description}
        if name in _SOURCE_REQUIRED:
            field["constraints"] = {"required": True}
        fields.append(field)
    fields[0]["constraints"]["unique"] = True
    return {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}


def _resource(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def datapackage(review: Review, name: str, title: str) -> dict[str, Any]:
    return {
        "name": name,
        "title": title,
        "description": "Figures from the news as claims, with sources, periods and verdicts.",
        "licenses": [LICENSE],
        "resources": [_resource("claims", table_schema()), _resource("sources", sources_schema())],
    }


def _work(source: Source) -> dict[str, Any]:
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "headline": source.title,
        "datePublished": str(source.published),
        "publisher": {"@type": "Organization", "name": source.publisher},
    }
    if source.url:
        work["url"] = source.url
    if source.author:
        work["author"] = {"@type": "Person", "name": source.author}
    return work


def claimreviews(
    review: Review, *, reviewer: str, url: str, published: str
) -> list[dict[str, Any]]:
    """One ClaimReview per claim, with the fields Google's fact-check markup requires
    (claimReviewed, reviewRating.alternateName, url, author) and those it recommends."""
    out = []
    for row in review.all_rows():
        c = row.claim
        label, score, _ = RATING_SCALE[c.verdict.rating]
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": label}
        if score is not None:  # "unverifiable" has no place on the scale
            rating.update(ratingValue=score, bestRating=5, worstRating=1)
        source = review.sources.get(c.source)
        primary = review.sources.get(c.primary_source or "")
        said_on = primary.published if primary else (source.published if source else None)
        claim: dict[str, Any] = {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": c.claimant},
        }
        if said_on:
            claim["datePublished"] = str(said_on)
        if source:
            claim["appearance"] = [_work(source)]
        if primary:
            claim["firstAppearance"] = _work(primary)
        out.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": url.replace("{id}", c.id),  # never str.format: no field is expanded
                "claimReviewed": c.claim,
                "reviewBody": " ".join(c.verdict.explanation.split()),
                "author": {"@type": "Organization", "name": reviewer},
                "datePublished": published,
                "reviewRating": rating,
                "itemReviewed": claim,
            }
        )
    return out


def to_jsonld(items: list[dict[str, Any]]) -> str:
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
