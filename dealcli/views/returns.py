"""`deal returns`: what the profit split pays each side, as neutral tables.

A run is one deal under one set of inputs (`Given`); the tables line up runs (deals, or the
values of a sweep) as rows. Percentages are read and shown as percentages; the model takes
fractions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any, cast

from ..core import returns as model
from ..core.errors import UsageError
from ..core.split import DealSplit
from ..core.table import Column, Share, Table, number
from .common import shown

HUNDRED = Decimal(100)
DEAL = Column("deal", "Deal", main=True)


@dataclass(frozen=True)
class Given:
    """The reader's inputs; the defaults are those `--help` states and the notes repeat."""

    yield_pct: Decimal = Decimal(10)
    loan_share_pct: Decimal = Decimal(0)
    loan_rate_pct: Decimal = Decimal(4)
    deemed_rate_pct: Decimal = Decimal(4)
    interest: str = "simple"
    recoup: str = "target"
    years: int = 30
    life: int = 20
    discount_pct: Decimal = Decimal(4)
    paid_in: str | None = None  # None: even over the period for a pool, up front for a project


DEFAULTS = Given()
# option name -> (field, what the default stands on)
OPTIONS: dict[str, tuple[str, str]] = {
    "--yield": ("yield_pct", "no source gives a project yield; the reference case's 10%"),
    "--loan-share": ("loan_share_pct", "all invested, none lent: the MOUs name one amount"),
    "--loan-rate": ("loan_rate_pct", "the reference case's 4%"),
    "--deemed-rate": (
        "deemed_rate_pct",
        "the benchmark reported (6-month SOFR, about 4%); no spread, none is published",
    ),
    "--interest": ("interest", "simple, on the amount paid in: the MOUs are silent"),
    "--recoup": ("recoup", "one cumulative target: the simplest reading"),
    "--years": ("years", "30 years"),
    "--life": ("life", "20 years, as OhmyNews's example (the schedule reading only)"),
    "--discount": ("discount_pct", "the benchmark rate, 4%"),
    "--paid-in": ("paid_in", "even over the period's years, rounded up, within any yearly cap"),
}
NUMERIC = (
    "--yield",
    "--loan-share",
    "--loan-rate",
    "--deemed-rate",
    "--years",
    "--life",
    "--discount",
)
MAX_VALUES = 100


def values(text: str, option: str) -> list[Decimal]:
    """A number, or START:STOP:STEP (both ends included): `--yield 2:12:2` is 2, 4, ..., 12."""
    parts = text.split(":")
    try:
        nums = [Decimal(p) for p in parts]
    except ArithmeticError:
        nums = []
    ok = len(parts) in (1, 3) and nums and all(n.is_finite() and n >= 0 for n in nums)
    if not ok:
        raise UsageError(f"{option} takes a number of 0 or more, or START:STOP:STEP, not '{text}'")
    if len(nums) == 1:
        return nums
    start, stop, step = nums
    if step <= 0 or stop < start:
        raise UsageError(f"{option} {text}: STEP must be above 0 and STOP at least START")
    if (stop - start) / step >= MAX_VALUES:
        raise UsageError(f"{option} {text}: at most {MAX_VALUES} values")
    out = [start]
    while out[-1] + step <= stop:
        out.append(out[-1] + step)
    return out


@dataclass(frozen=True)
class Run:
    """One run of the returns model for a deal's split: its inputs and its result."""

    label: str
    split: DealSplit
    given: Given
    result: model.Result
    swept: Decimal | None = None  # the value of the swept input


def inputs(split: DealSplit, given: Given) -> model.Inputs:
    if given.paid_in == "upfront" or split.project is not None:
        payments: tuple[Decimal, ...] = (split.amount,)
    else:
        payments = model.paid_in(split.amount, split.spread, split.cap)
    if given.years < len(payments):
        raise UsageError(
            f"--years {given.years} is shorter than the {len(payments)} years "
            f"{split.deal.id}'s money is paid in over"
        )
    if given.life < 1 or given.years < 1:
        raise UsageError("--years and --life take 1 or more")
    return model.Inputs(
        payments,
        _frac(given.yield_pct),
        split.before,
        split.after,
        _frac(given.deemed_rate_pct),
        cast(model.Interest, given.interest),
        cast(model.Recoup, given.recoup),
        _frac(given.loan_share_pct),
        _frac(given.loan_rate_pct),
        given.years,
        given.life,
        _frac(given.discount_pct),
    )


def _frac(pct: Decimal) -> Decimal:
    return pct / HUNDRED


def run(label: str, split: DealSplit, given: Given, swept: Decimal | None = None) -> Run:
    if given.loan_share_pct > HUNDRED:
        raise UsageError("--loan-share takes a percentage of 0 to 100")
    return Run(label, split, given, model.run(inputs(split, given)), swept)


def sweep(
    label: str, split: DealSplit, given: Given, option: str, vals: list[Decimal]
) -> list[Run]:
    name = OPTIONS[option][0]
    out = []
    for v in vals:
        value: Any = int(v) if name in ("years", "life") else v
        if name in ("years", "life") and v != int(v):
            raise UsageError(f"{option} takes whole years, not {v}")
        out.append(run(label, split, replace(given, **{name: value}), v))
    return out


def as_pct(value: Decimal | None) -> Share | None:
    return None if value is None else Share(value * HUNDRED)


def _by(r: Run) -> date | None:
    """The end of the year the investor is recouped in, counted from year 1's start."""
    start, year = r.split.start, r.result.recouped_year
    if start is None or year is None:
        return None
    return (
        start.replace(year=start.year + year)
        if (start.month, start.day) != (2, 29)
        else (date(start.year + year, 3, 1))
    )


def _swept_column(option: str) -> Column:
    name = OPTIONS[option][0]
    unit = " %" if name.endswith("as_pct") else ""
    return Column(name, option.lstrip("-").replace("-", " ").capitalize() + unit, "number")


def summary_table(runs: list[Run], option: str | None = None) -> Table:
    swept = [_swept_column(option)] if option else []
    t = Table(
        "summary",
        "Who receives the projects' cash over the horizon",
        [
            DEAL,
            *swept,
            Column("amount_usd_bn", "Amount USD bn", "amount", priority=3),
            Column("recouped_year", "Recouped in year", "int"),
            Column("recouped_by", "Recouped by", "date", priority=3),
            Column("investor_usd_bn", "Investor USD bn", "amount", style="selected"),
            Column("host_usd_bn", "US USD bn", "amount"),
            Column("investor_pct", "Investor % of cash", "pct", style="selected"),
            Column("irr_pct", "Investor IRR %", "pct"),
            Column("npv_usd_bn", "NPV USD bn", "amount", priority=2),
            Column("cash_usd_bn", "Cash USD bn", "amount", priority=2),
        ],
    )
    for r in runs:
        res = r.result
        cells = [r.swept] if option else []
        t.add(
            r.label,
            *cells,
            r.split.amount,
            res.recouped_year,
            _by(r),
            to_bn(res.investor),
            to_bn(res.host),
            as_pct(res.investor_share),
            as_pct(res.irr),
            to_bn(res.npv),
            to_bn(res.cash),
        )
    t.notes += [s for r in runs for s in sentences(r, bool(option))]
    t.notes.append(
        "a blank recouped year: not recouped within the horizon; a blank IRR: no rate makes "
        "the investor's flows worth nothing (too little comes back); NPV: what the investor "
        "receives less what it pays in, at the discount rate"
    )
    return t


def to_bn(value: Decimal | None) -> Decimal | None:
    """Amounts to a hundred-millionth of a USD bn for tables; the model keeps every digit."""
    return None if value is None else value.quantize(Decimal("1e-8")).normalize()


def _bn(value: Decimal) -> str:
    return f"USD {number(value.quantize(Decimal('0.01')))} bn"


def sentences(r: Run, short: bool = False) -> list[str]:
    res, deal = r.result, r.split.deal
    head = f"{r.label}" + (f" at {number(r.swept)}" if r.swept is not None else "")
    if res.recouped_year is None:
        first = f"{head}: not recouped within {r.given.years} years"
    else:
        by = _by(r)
        first = f"{head}: recouped in year {res.recouped_year}" + (f" (by {by})" if by else "")
    if short:
        return [first]
    share = shown(as_pct(res.investor_share)) or "none"
    return [
        f"{first}; of {_bn(res.cash)} of cash, {deal.investor.name} receives "
        f"{_bn(res.investor)} ({share}), {deal.host.name} {_bn(res.host)}",
    ]
