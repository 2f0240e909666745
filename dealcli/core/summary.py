"""A deal in brief: what `deal list` and name resolution need, kept in a folder's index."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from . import cache as checked
from .model import Deal
from .record import Record
from .totals import known_money, totals


@dataclass(frozen=True, eq=False, repr=False)
class Summary(Record):
    """What `deal list` and name resolution need, kept in the folder index."""

    id: str
    names: tuple[str, ...]
    title: str
    investor: str
    host: str
    headline: Decimal
    selected: Decimal | None  # None: the deal names no allocations, so nothing is known
    candidates: Decimal | None
    status: str
    updated: date
    scope: str | None = None  # of the headline: investment, purchases, ...
    binding: bool | None = None  # whether the headline binds; None: not said

    def row(self) -> tuple[Any, ...]:
        """Plain values (amounts as text), as the folder index keeps them in JSON."""
        return (
            self.id,
            self.names,
            self.title,
            self.investor,
            self.host,
            str(self.headline),
            _text(self.selected),
            _text(self.candidates),
            self.status,
            self.updated.isoformat(),
            self.scope,
            self.binding,
        )

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> Summary:
        if len(row) != len(dataclasses.fields(cls)):
            raise ValueError(f"a list row of {len(row)} values, not {len(dataclasses.fields(cls))}")
        # each value checked: a planted row is computed again, never shown
        return cls(*(check(v) for check, v in zip(_ROW, row, strict=True)))


def _text(amount: Decimal | None) -> str | None:
    return None if amount is None else str(amount)


def _known(value: Any) -> Decimal | None:
    return None if value is None else checked.total(value)


_t, _n = checked.text, checked.total  # a row's checks, in Summary's order
_ROW = (
    *(_t, checked.slugs, _t, _t, _t, _n, _known, _known, _t, checked.day),
    *checked.optional(str, bool),
)


def summarize(deal: Deal) -> Summary:
    tot = totals(deal)
    return Summary(
        deal.id,
        deal.names,
        deal.title,
        deal.investor.code,
        deal.host.code,
        tot.headline,
        known_money(deal, tot.selected),
        known_money(deal, tot.candidates),
        deal.status,
        deal.updated,
        deal.headline.scope,
        deal.headline.binding,
    )
