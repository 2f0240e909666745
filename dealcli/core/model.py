"""The deal model: immutable dataclasses, validated by pydantic on load.

The classes are plain frozen dataclasses so that reading a cached deal needs
no pydantic import (start-up time matters in shell loops). Validation rules
ride along as ``Annotated`` markers that pydantic reads when `validate.py`
builds its adapter; pydantic itself is imported only there.
"""

import dataclasses
from datetime import date
from typing import Annotated, Any, Literal, get_args

from .fields import (
    COUNTRY_PATTERN as COUNTRY_PATTERN,
)
from .fields import (
    MAX_AMOUNT as MAX_AMOUNT,
)
from .fields import (
    MAX_PLACES as MAX_PLACES,
)
from .fields import (  # re-exported: the readers and the cache name them through the model
    MODEL_CONFIG,
    AllocationStatus,
    Amount,
    Area,
    Basis,
    Confidence,
    Country,
    Currency,
    Day,
    DealStatus,
    Instrument,
    Scope,
    Slug,
    SourceIds,
    SourceKind,
    Text,
    Url,
)
from .fields import (
    SLUG_PATTERN as SLUG_PATTERN,
)
from .fields import (
    URL_PATTERN as URL_PATTERN,
)
from .fields import (
    IntMark as IntMark,
)
from .fields import (
    Role as Role,
)
from .fields import (
    TextMark as TextMark,
)
from .fields import (
    places as places,
)
from .record import Record, record

ALLOCATION_STATUSES: tuple[str, ...] = get_args(AllocationStatus)
SELECTED_STATUSES = frozenset({"selected", "funded", "operating"})
SECTORS = (
    "Energy",
    "AI infrastructure",
    "Electronics",
    "Critical minerals",
    "Semiconductors",
    "Shipbuilding",
    "Pharmaceuticals",
    "Manufacturing",
    "Other",
)


@record
class Party(Record):
    """The investor or the host: a country, with its GDP where the file gives it."""

    __pydantic_config__ = MODEL_CONFIG
    name: Text
    code: Country
    gdp_usd_bn: Amount | None = None
    gdp_year: Annotated[int, IntMark(1900, 2200)] | None = None
    sources: SourceIds = ()


@record
class Local(Record):
    """The amount in the currency it was announced in (format 2); never replaces `usd_bn`."""

    __pydantic_config__ = MODEL_CONFIG
    currency: Currency
    bn: Amount
    sources: SourceIds


@record
class Alternative(Record):
    """Another figure sources give for the same item; totals use the item's own `usd_bn`."""

    __pydantic_config__ = MODEL_CONFIG
    usd_bn: Amount
    sources: SourceIds
    note: Text | None = None


@record
class HeadlineStep(Record):
    """An earlier headline amount, from `date` (format 2 `history` of the headline)."""

    __pydantic_config__ = MODEL_CONFIG
    date: Day
    usd_bn: Amount
    sources: SourceIds


@record
class Figure(Record):
    """The headline: the pledged amount, on what basis, how binding, how firm."""

    __pydantic_config__ = MODEL_CONFIG
    usd_bn: Amount
    basis: Basis
    sources: SourceIds
    scope: Scope | None = None
    binding: bool | None = None
    confidence: Confidence = "confirmed"
    local: Local | None = None
    history: tuple[HeadlineStep, ...] = ()
    alternatives: tuple[Alternative, ...] = ()


@record
class Period(Record):
    """The span the pledge is to be met over."""

    __pydantic_config__ = MODEL_CONFIG
    from_: Day
    to: Day
    sources: SourceIds = ()


@record
class Tranche(Record):
    """A part of the structure: a share of the pledge by instrument (equity, loans, ...)."""

    __pydantic_config__ = MODEL_CONFIG
    id: Slug
    label: Text
    usd_bn: Amount
    basis: Basis
    sources: SourceIds
    instrument: Instrument | None = None
    confidence: Confidence = "confirmed"
    local: Local | None = None


@record
class Term(Record):
    """A term of the deal (a rate, a cap, a date), with its sources and dates where known."""

    __pydantic_config__ = MODEL_CONFIG
    id: Slug
    label: Text
    value: Text
    sources: SourceIds
    pct: Amount | None = None
    usd_bn: Amount | None = None
    authority: Text | None = None
    from_: Day | None = None
    to: Day | None = None
    confidence: Confidence = "confirmed"
    note: Text | None = None  # format 2: what the value and dates leave open
    known_to: Day | None = None  # format 2: an open end: the last day the sources cover

    def lapsed(self, today: date) -> bool:
        return self.to is not None and self.to < today

    def unknown(self, today: date) -> bool:
        """An open end passed: no `to`, and `today` is after the last day sources cover."""
        return self.to is None and self.known_to is not None and self.known_to < today


@record
class Company(Record):
    """A company named on an allocation, with its country and its role (lead or partner)."""

    __pydantic_config__ = MODEL_CONFIG
    name: Text
    country: Country
    role: Role


@record
class Step(Record):
    """One status an allocation was in, from `date` (format 2 `history`)."""

    __pydantic_config__ = MODEL_CONFIG
    date: Day
    status: AllocationStatus
    sources: SourceIds
    usd_bn: Amount | None = None


@record
class Allocation(Record):
    """A project or programme the pledge is to fund: sector, status, amount if known."""

    __pydantic_config__ = MODEL_CONFIG
    id: Slug
    title: Text
    sector: Text
    status: AllocationStatus
    sources: SourceIds
    subsector: Text | None = None
    usd_bn: Amount | None = None
    basis: Basis | None = None
    tranche: Slug | None = None
    instrument: Instrument | None = None
    part_of: Slug | None = None
    companies: tuple[Company, ...] = ()
    date: Day | None = None
    confidence: Confidence = "confirmed"
    local: Local | None = None
    history: tuple[Step, ...] = ()
    alternatives: tuple[Alternative, ...] = ()

    @property
    def leads(self) -> tuple[Company, ...]:
        return tuple(c for c in self.companies if c.role == "lead")


@record
class Commitment(Record):
    """A promise beside the money (purchases, market access, tariffs), by either party."""

    __pydantic_config__ = MODEL_CONFIG
    id: Slug
    area: Area
    title: Text
    sources: SourceIds
    detail: Text | None = None
    party: Literal["investor", "host"] = "investor"
    usd_bn: Amount | None = None
    basis: Basis | None = None
    confidence: Confidence = "confirmed"


@record
class Event(Record):
    """A dated event of the deal's timeline."""

    __pydantic_config__ = MODEL_CONFIG
    date: Day
    title: Text
    sources: SourceIds
    confidence: Confidence = "confirmed"
    outside_pledge: bool = False


@record
class Source(Record):
    """A document a figure traces to: title, publisher, date, URL."""

    __pydantic_config__ = MODEL_CONFIG
    id: Slug
    title: Text
    publisher: Text
    url: Url
    date: Day
    kind: SourceKind
    via: Text | None = None
    original_url: Url | None = None


@record
class ProfitSplit(Record):
    """Format 2: the tranches a profit split covers (none: all) and its review clause."""

    __pydantic_config__ = MODEL_CONFIG
    sources: SourceIds
    covers: tuple[Slug, ...] = ()
    review_years: Annotated[int, IntMark(1, 200)] | None = None
    review: Text | None = None


@record
class Capacity(Record):
    """Format 2: FX reserves on a date, and a year at the cap in tranches by source."""

    __pydantic_config__ = MODEL_CONFIG
    sources: SourceIds
    reserves_usd_bn: Amount | None = None
    reserves_date: Day | None = None
    funding: tuple[Tranche, ...] = ()
    note: Text | None = None  # where sources disagree on the funding


# A deal's reference to a context record: its id, or `RECORD/EVENT` for one event of it.
ContextRef = Annotated[str, TextMark(r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)?$")]


@record
class ContextEvent(Record):
    """A dated event of a context record: US-wide, bearing on the deals that name the record."""

    __pydantic_config__ = MODEL_CONFIG
    id: Slug
    date: Day
    title: Text
    status: Text
    sources: SourceIds
    confidence: Confidence = "confirmed"
    authority: Text | None = None  # the legal basis; it bears on deals whose terms name it
    note: Text | None = None


@record
class Context(Record):
    """A context record (`deals/context/*.yaml`): events shared by many deals, never a deal."""

    __pydantic_config__ = MODEL_CONFIG
    format: Literal[2]
    kind: Literal["context"]
    id: Slug
    title: Text
    updated: Day
    events: tuple[ContextEvent, ...]
    sources: tuple[Source, ...]
    notes: Text | None = None

    def source_numbers(self) -> dict[str, int]:
        return {s.id: n for n, s in enumerate(self.sources, 1)}


@record
class Deal(Record):
    """One deal file, validated. Amounts are exact `Decimal` USD billions."""

    __pydantic_config__ = MODEL_CONFIG
    format: Literal[1, 2]
    id: Slug
    title: Text
    investor: Party
    host: Party
    headline: Figure
    status: DealStatus
    updated: Day
    sources: tuple[Source, ...]
    aliases: tuple[Slug, ...] = ()
    period: Period | None = None
    vehicle: Text | None = None
    structure: tuple[Tranche, ...] = ()
    terms: tuple[Term, ...] = ()
    allocations: tuple[Allocation, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    timeline: tuple[Event, ...] = ()
    notes: Text | None = None
    profit_split: ProfitSplit | None = None
    capacity: Capacity | None = None
    context: tuple[ContextRef, ...] = ()  # format 2: the context records (and events) it reads

    @property
    def names(self) -> tuple[str, ...]:
        return (self.id, *self.aliases)

    def source_numbers(self) -> dict[str, int]:
        """Source id -> its 1-based number, as `deal sources` lists them."""
        return {s.id: n for n, s in enumerate(self.sources, 1)}


def field_hints(cls: type) -> dict[str, Any]:
    """A model class's field names and their types, as `typing.get_type_hints` gives them
    with their extras: this module writes no annotation as text, so each field's type is
    already the object, and resolving them again would cost every run."""
    return {f.name: f.type for f in dataclasses.fields(cls)}
