"""Generated from validator/model/records.py by `factcheck schema`; do not edit.

The records as plain classes, made by the compiled validators (see validator/model/compiling.py).
"""

# ruff: noqa

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from validator.model import vocabulary as v
from validator.model.frozen import Frozen


class Period(Frozen):
    __slots__ = ()

    start: date
    end: date


class Verdict(Frozen):
    __slots__ = ()
    defaults: ClassVar[dict[str, Any]] = {
        'checked_against': [],
    }

    rating: v.Rating
    explanation: str
    checked_against: list[str]


class Equivalent(Frozen):
    """The same figure in another currency or unit, as the source gives it."""

    __slots__ = ()
    defaults: ClassVar[dict[str, Any]] = {
        'exact': False,
        'converted_on': None,
    }

    as_written: str
    value: Decimal
    unit: str
    exact: bool
    converted_on: date | None


class Derivation(Frozen):
    """How a figure follows from others; evaluated by the consistency checks."""

    __slots__ = ()
    defaults: ClassVar[dict[str, Any]] = {
        'note': None,
    }

    operation: v.Operation
    operands: list[str]
    note: str | None


class Claim(Frozen):
    """One figure from a source, with what it measures, who said it and how it checks out."""

    __slots__ = ()
    defaults: ClassVar[dict[str, Any]] = {
        'approximate': False,
        'exact': False,
        'period': None,
        'as_of': None,
        'per': None,
        'geography': None,
        'primary_source': None,
        'implied': False,
        'derived_from': None,
        'equivalents': [],
        'tags': [],
        'waive': {},
    }

    id: str
    claim: str
    quote: str
    as_written: str
    value: Decimal
    unit: str
    source: str
    measure: str
    claimant: str
    verdict: Verdict
    approximate: bool
    exact: bool
    period: Period | None
    as_of: date | None
    per: v.Per | None
    geography: str | None
    primary_source: str | None
    implied: bool
    derived_from: Derivation | None
    equivalents: list[Equivalent]
    tags: list[str]
    waive: dict[str, str]


class SetAside(Frozen):
    """A figure in the source's text that is deliberately not a claim, and why."""

    __slots__ = ()

    text: str
    reason: str


class Source(Frozen):
    """A document in which figures appear: the article, a press release, a report."""

    __slots__ = ()
    defaults: ClassVar[dict[str, Any]] = {
        'url': None,
        'author': None,
        'archive_url': None,
        'language': None,
        'notes': None,
        'snapshot_sha256': None,
        'set_aside': [],
        'waive': {},
    }

    id: str
    title: str
    publisher: str
    kind: v.SourceKind
    url: str | None
    published: date
    author: str | None
    archive_url: str | None
    language: str | None
    notes: str | None
    snapshot_sha256: str | None
    set_aside: list[SetAside]
    waive: dict[str, str]
