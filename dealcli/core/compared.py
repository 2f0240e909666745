"""What `deal compare` shows of one deal, kept in the folder cache beside the `deal list` rows.

A comparison reads each deal's measures and nothing else: a warm `deal compare --all`
builds its tables from these, never from the full deals. Only what holds whatever the day
is kept; whether the tariff is in force is worked out on the report's day from the dates
kept (a deal as of a day is another deal: its measures are computed from it). Amounts are
kept exact, as text, so that what is read back is the number computed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from . import cache as checked
from .asof import as_of
from .model import Deal
from .totals import STAGES, ZERO, group, per_year, term, totals, years

LAYOUT = 1  # the shape of a kept row: a row of another shape is computed again
KEPT = "compare.json"  # the rows, by deal file name, in the folder's cache


@dataclass(frozen=True, slots=True)
class Tariff:
    """The deal's tariff-rate term, as the comparison reads it."""

    pct: Decimal | None
    from_: date | None
    to: date | None
    known_to: date | None
    authority: str | None


@dataclass(frozen=True, slots=True)
class Compared:
    """One deal's measures, as `deal compare` shows them."""

    id: str
    updated: date
    investor: str
    headline: Decimal
    basis: str
    scope: str | None
    binding: bool | None
    status: str
    allocated: bool  # the deal names allocations (else its totals are not known)
    selected: Decimal
    candidates: Decimal
    unselected: Decimal
    projects: int
    companies: int
    gdp: Decimal | None
    gdp_year: int | None
    period_from: date | None
    period_to: date | None
    years: Decimal | None
    per_year: Decimal | None
    per_year_exact: Decimal | None
    cap: Decimal | None
    other_reading: str | None
    tariff: Tariff | None
    tranches: tuple[tuple[str | None, Decimal], ...]  # (instrument, usd_bn)
    terms: tuple[tuple[str, Decimal | None, Decimal | None], ...]  # with a number: id, pct, usd_bn
    sectors: tuple[tuple[str, str, Decimal, Decimal], ...]  # key, label, selected, candidates
    commitments: tuple[tuple[str, int, Decimal | None], ...]  # area, count, amounts stated
    purchases: Decimal | None  # the investor's purchases named with an amount

    def row(self) -> list[Any]:
        """Plain values (amounts and days as text), as the folder cache keeps them."""
        t = self.tariff
        return [
            LAYOUT,
            self.id,
            self.updated.isoformat(),
            self.investor,
            str(self.headline),
            self.basis,
            self.scope,
            self.binding,
            self.status,
            self.allocated,
            str(self.selected),
            str(self.candidates),
            str(self.unselected),
            self.projects,
            self.companies,
            _text(self.gdp),
            self.gdp_year,
            _day(self.period_from),
            _day(self.period_to),
            _text(self.years),
            _text(self.per_year),
            _text(self.per_year_exact),
            _text(self.cap),
            self.other_reading,
            None
            if t is None
            else [_text(t.pct), _day(t.from_), _day(t.to), _day(t.known_to), t.authority],
            [[k, str(v)] for k, v in self.tranches],
            [[k, _text(p), _text(u)] for k, p, u in self.terms],
            [[k, label, str(s), str(c)] for k, label, s, c in self.sectors],
            [[a, n, _text(v)] for a, n, v in self.commitments],
            _text(self.purchases),
        ]

    @classmethod
    def from_row(cls, row: Any) -> Compared:
        """The measures of a kept row, each value checked: a planted or damaged row raises
        (and is computed again), it is never shown."""
        if type(row) is not list or len(row) != _FIELDS + 1 or row[0] != LAYOUT:
            raise ValueError("not a compare row of this layout")
        values = row[1:]
        got: list[Any] = [check(v) for check, v in zip(_CHECKS, values[:-6], strict=True)]
        tariff, tranches, terms, sectors, commitments, purchases = values[-6:]
        got += [
            None if tariff is None else Tariff(*_each(_TARIFF, tariff)),
            tuple((_opt_text(k), _num(v)) for k, v in map(_pair, _list(tranches))),
            tuple((_str(k), _opt_num(p), _opt_num(u)) for k, p, u in map(_triple, _list(terms))),
            tuple(
                (_str(k), _str(label), _num(s), _num(c))
                for k, label, s, c in map(_four, _list(sectors))
            ),
            tuple((_str(a), _int(n), _opt_num(v)) for a, n, v in map(_triple, _list(commitments))),
            _opt_num(purchases),
        ]
        return cls(*got)


class Found(Protocol):
    """A deal a folder holds (`registry.Entry`)."""

    folder: checked.Folder
    name: str
    id: str

    def load(self) -> Deal: ...


def measures(entries: Iterable[Found | Deal], day: date | None = None) -> list[Compared]:
    """What `deal compare` shows of each deal (or of the deal a folder holds: as kept in its
    folder's cache, else computed from the deal, not kept in memory, and kept for the next
    run). As of a day, each deal as it stood then is computed afresh."""
    out = []
    computed: dict[checked.Folder, dict[str, list[Any]]] = {}
    read: set[checked.Folder] = set()
    for e in entries:
        if isinstance(e, Deal) or day is not None:
            deal = e if isinstance(e, Deal) else e.load()
            out.append(compared(deal if day is None else as_of(deal, day)))
            continue
        read.add(e.folder)
        try:
            found: Compared | None = Compared.from_row(e.folder.value(KEPT, e.name))
        except Exception:  # missing, damaged or planted: computed again
            found = None
        if found is None or found.id != e.id:
            found = compared(e.load())
            computed.setdefault(e.folder, {})[e.name] = found.row()
        out.append(found)
    for folder, rows in computed.items():
        keep(folder, rows)
    for folder in read:  # the measures are made: the rows as read need not stay
        folder.kept.pop(KEPT, None)
    return out


def keep(folder: checked.Folder, rows: dict[str, list[Any]]) -> None:
    """Store the rows of deal files just read beside those kept (before the folder's index
    says the files were read: a row is never older than its file)."""
    if not rows or folder.cache_dir is None:
        return
    old = folder.read(KEPT)
    every = {**(old if isinstance(old, dict) else {}), **rows}
    folder.kept[KEPT] = every
    folder.write(folder.cached(KEPT), every)


def compared(deal: Deal) -> Compared:
    """The deal's measures, as `deal compare` shows them."""
    tot = totals(deal)
    period = deal.period
    rate = term(deal, "tariff-rate")
    other = term(deal, "horizon-other") or (term(deal, "horizon") if not period else None)
    cap = next((t.usd_bn for t in deal.terms if "cap" in t.id and t.usd_bn is not None), None)
    sectors = group(deal, "sector", list(STAGES))
    areas = dict.fromkeys(c.area for c in deal.commitments)
    bought = [
        c.usd_bn
        for c in deal.commitments
        if c.area == "purchases" and c.party == "investor" and c.usd_bn is not None
    ]
    return Compared(
        deal.id,
        deal.updated,
        deal.investor.code,
        deal.headline.usd_bn,
        deal.headline.basis,
        deal.headline.scope,
        deal.headline.binding,
        deal.status,
        bool(deal.allocations),
        tot.selected,
        tot.candidates,
        tot.unselected,
        len(deal.allocations),
        len({c.name.casefold() for a in deal.allocations for c in a.companies}),
        deal.investor.gdp_usd_bn,
        deal.investor.gdp_year,
        period.from_ if period else None,
        period.to if period else None,
        years(deal),
        per_year(deal),
        per_year(deal, exact=True),
        cap,
        other.value if other else None,
        None
        if rate is None
        else Tariff(rate.pct, rate.from_, rate.to, rate.known_to, rate.authority),
        tuple((tr.instrument, tr.usd_bn) for tr in deal.structure),
        tuple(
            (x.id, x.pct, x.usd_bn) for x in deal.terms if x.pct is not None or x.usd_bn is not None
        ),
        tuple(
            (key, g.label, g.amount("selected"), g.amount("candidate"))
            for key, g in sectors.items()
        ),
        tuple(_area(deal, area) for area in areas),
        sum(bought, ZERO) if bought else None,
    )


def _area(deal: Deal, area: str) -> tuple[str, int, Decimal | None]:
    found = [c for c in deal.commitments if c.area == area]
    amounts = [c.usd_bn for c in found if c.usd_bn is not None]
    return area, len(found), sum(amounts, ZERO) if amounts else None


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


# -- a kept row's values, checked as they are read ---------------------------------------


def _str(value: Any) -> str:
    return checked.text(value)


def _opt_text(value: Any) -> str | None:
    return None if value is None else checked.text(value)


def _num(value: Any) -> Decimal:
    """An exact number as kept: plain digits, or in the scientific notation `str` gives a
    small or a whole number, of a size a deal's measures can have."""
    number = _NUMBERS.get(value) if type(value) is str else None
    if number is not None:
        return number
    if type(value) is not str or not _NUMBER.fullmatch(value):
        raise ValueError("a kept number that is not a number's text")
    number = Decimal(value)
    if len(_NUMBERS) < 4096:  # the numbers that recur (0, a round pledge) read once
        _NUMBERS[value] = number
    return number


_NUMBER = re.compile(r"-?\d{1,40}(\.\d{1,40})?(E[-+]\d{1,2})?")
_NUMBERS: dict[str, Decimal] = {}


def _opt_num(value: Any) -> Decimal | None:
    return None if value is None else _num(value)


def _int(value: Any) -> int:
    if type(value) is not int:
        raise TypeError("a kept count that is not a whole number")
    return value


def _opt_int(value: Any) -> int | None:
    return None if value is None else _int(value)


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise TypeError("a kept flag that is not true or false")
    return value


def _opt_bool(value: Any) -> bool | None:
    return None if value is None else _bool(value)


def _opt_day(value: Any) -> date | None:
    return None if value is None else checked.day(value)


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise TypeError("a kept list that is not a list")
    return value


def _pair(value: Any) -> list[Any]:
    return _sized(value, 2)


def _triple(value: Any) -> list[Any]:
    return _sized(value, 3)


def _four(value: Any) -> list[Any]:
    return _sized(value, 4)


def _sized(value: Any, size: int) -> list[Any]:
    if type(value) is not list or len(value) != size:
        raise TypeError("a kept item of another shape")
    return value


def _each(checks: tuple[Any, ...], values: Any) -> list[Any]:
    return [check(v) for check, v in zip(checks, _list(values), strict=True)]


_CHECKS: tuple[Callable[[Any], Any], ...] = (
    *(_str, checked.day, _str, _num, _str, _opt_text, _opt_bool, _str, _bool),
    *(_num, _num, _num, _int, _int, _opt_num, _opt_int, _opt_day, _opt_day),
    *(_opt_num, _opt_num, _opt_num, _opt_num, _opt_text),
)
_TARIFF = (_opt_num, _opt_day, _opt_day, _opt_day, _opt_text)
_FIELDS = len(fields(Compared))
