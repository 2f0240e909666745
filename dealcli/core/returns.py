"""The profit split in money: who receives a project's cash, year by year.

Exact decimal arithmetic and nothing else: the inputs come in as numbers, the years and the
summary go out as numbers; what a deal's terms say, and how a reader sees it, live elsewhere.

Time runs in whole years. Money paid in during year t is paid at its start (time t - 1) and
earns from then; a year's cash arrives at its end (time t). Rates are fractions (0.04), not
percentages. docs/returns.md gives each formula and where the MOUs are silent.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

ZERO = Decimal(0)
ONE = Decimal(1)
# Significant digits kept. Sums and products of the inputs are exact within it: (1.045)**60
# needs 181. Past it (a third, 1.0123**99) a figure is right to 200 digits, far more than shown.
PRECISION = 200
Interest = Literal["simple", "compound"]
Recoup = Literal["target", "schedule"]


@contextmanager
def exact() -> Iterator[None]:
    with decimal.localcontext() as ctx:
        ctx.prec = PRECISION
        ctx.traps[decimal.Inexact] = False
        yield


@dataclass(frozen=True)
class Inputs:
    """One run of the model. Shares and rates are fractions: 0.5 is half, 0.04 is 4%."""

    payments: tuple[Decimal, ...]  # paid in at the start of years 1, 2, ...
    yield_: Decimal  # the projects' cash a year, as a share of the money paid in so far
    before: Decimal  # the investor's share of the split cash until it is recouped
    after: Decimal  # ... and once it is
    deemed_rate: Decimal = ZERO  # the deemed interest in the recoupment amount
    interest: Interest = "simple"
    recoup: Recoup = "target"
    loan_share: Decimal = ZERO  # the part of each payment lent, not invested
    loan_rate: Decimal = ZERO  # interest on the lent part, paid before the split
    years: int = 30  # the horizon
    life: int = 20  # the schedule reading: years over which each payment's principal falls due
    discount: Decimal = ZERO  # for present values

    @property
    def amount(self) -> Decimal:
        return sum(self.payments, ZERO)


@dataclass(frozen=True)
class Year:
    """One year of the returns model, in USD bn."""

    year: int
    paid_in: Decimal  # at the start of the year
    invested: Decimal  # paid in so far
    cash: Decimal  # what the projects generate in the year
    loan_interest: Decimal  # paid to the investor out of the cash, before the split
    investor_split: Decimal  # the investor's part of the rest
    host: Decimal  # the host's part of the rest
    outstanding: Decimal  # still to receive before the split turns (target) or overdue (schedule)
    recouped: bool  # by the end of the year
    investor: Decimal  # loan interest and split
    investor_total: Decimal  # received so far
    host_total: Decimal


@dataclass(frozen=True)
class Result:
    """The returns model over its horizon: the years, the totals, when the investor is recouped."""

    inputs: Inputs
    years: tuple[Year, ...]
    recouped_year: int | None  # the year the investor is recouped; None: not within the horizon
    cash: Decimal  # all the projects generate over the horizon
    investor: Decimal  # all the investor receives out of it
    host: Decimal
    loan_principal: Decimal  # lent and still owed at the horizon (repaid then, for the IRR)
    irr: Decimal | None  # None: no rate makes the investor's flows worth nothing
    npv: Decimal  # the investor's flows, paid in and received, at the discount rate
    pv_received: Decimal  # what it receives, at the discount rate

    @property
    def investor_share(self) -> Decimal | None:
        with exact():
            return self.investor / self.cash if self.cash else None


def accrued(amount: Decimal, rate: Decimal, years: int, interest: Interest) -> Decimal:
    """`amount` with `years` of deemed interest: simple on the amount, or compounded yearly."""
    if interest == "simple":
        return amount * (ONE + rate * years)
    return amount * (ONE + rate) ** years


def _take(residual: Decimal, due: Decimal, before: Decimal, after: Decimal) -> Decimal:
    """The investor's part of `residual` when `due` is what it must still receive at `before`:
    `before` of the cash until `due` is met, `after` of the cash left once it is."""
    if due <= 0:
        return after * residual
    if before <= 0 or before * residual < due:
        return before * residual
    return due + after * (residual - due / before)


def run(inp: Inputs) -> Result:
    """Every year of the horizon, and what they add up to."""
    if inp.years < len(inp.payments):
        raise ValueError("the horizon is shorter than the years of paying in")
    with exact():
        return _run(inp)


def _run(inp: Inputs) -> Result:
    years: list[Year] = []
    invested = loans = arrears = carry = received = ZERO
    inv_total = host_total = ZERO
    recouped_year: int | None = None
    equity = [p * (ONE - inp.loan_share) for p in inp.payments]
    for t in range(1, inp.years + 1):
        paid = inp.payments[t - 1] if t <= len(inp.payments) else ZERO
        invested += paid
        loans += paid * inp.loan_share
        cash = invested * inp.yield_
        owed = loans * inp.loan_rate + arrears
        interest = min(owed, cash)
        arrears = owed - interest
        residual = cash - interest
        if recouped_year is not None:
            due = ZERO
        elif inp.recoup == "target":
            target = _target(equity, t, inp)
            due = target - received
        else:
            if inp.interest == "compound":
                carry *= ONE + inp.deemed_rate
            due = carry + _scheduled(equity, t, inp)
        mine = _take(residual, due, inp.before, inp.after)
        if recouped_year is None:
            met = min(mine, due) if due > 0 else ZERO
            received += met
            carry = due - met if inp.recoup == "schedule" else ZERO
            outstanding = due - met
            if outstanding <= 0 and _all_due(equity, t, inp):
                recouped_year = t
        else:
            outstanding = ZERO
        inv_total += interest + mine
        host_total += residual - mine
        years.append(
            Year(
                t,
                paid,
                invested,
                cash,
                interest,
                mine,
                residual - mine,
                max(outstanding, ZERO),
                recouped_year is not None,
                interest + mine,
                inv_total,
                host_total,
            )
        )
    received_at = _received(years, loans)
    flows = _flows(inp, received_at)
    return Result(
        inp,
        tuple(years),
        recouped_year,
        sum((y.cash for y in years), ZERO),
        inv_total,
        host_total,
        loans,
        irr(flows),
        npv(flows, inp.discount),
        npv(received_at, inp.discount),
    )


def _target(equity: Sequence[Decimal], t: int, inp: Inputs) -> Decimal:
    """The target reading: each payment of year i with deemed interest from its start (time
    i - 1) to the end of year t."""
    return sum(
        (accrued(e, inp.deemed_rate, t - i, inp.interest) for i, e in enumerate(equity)), ZERO
    )


def _scheduled(equity: Sequence[Decimal], t: int, inp: Inputs) -> Decimal:
    """The schedule reading: in each of the `life` years from its payment, a payment falls due
    by its share of principal and a year's interest on all of it (as OhmyNews's example)."""
    due = ZERO
    for i, e in enumerate(equity, 1):
        if i <= t < i + inp.life:
            due += e / inp.life + e * inp.deemed_rate
    return due


def _all_due(equity: Sequence[Decimal], t: int, inp: Inputs) -> bool:
    """Whether nothing more falls due after year t: always so for one cumulative target."""
    if inp.recoup == "target":
        return True
    last = max((i for i, e in enumerate(equity, 1) if e), default=0)
    return t >= last + inp.life - 1


def _received(years: Sequence[Year], loans: Decimal) -> list[Decimal]:
    """What the investor receives at each time 0..years; the loans' principal at the end."""
    out = [ZERO] + [y.investor for y in years]
    out[-1] += loans
    return out


def _flows(inp: Inputs, received: Sequence[Decimal]) -> list[Decimal]:
    """The investor's net flow at each time 0..years: paid in at a year's start is time t - 1."""
    out = list(received)
    for i, p in enumerate(inp.payments):
        out[i] -= p
    return out


def npv(flows: Sequence[Decimal], rate: Decimal) -> Decimal:
    """The flows (one a year from time 0) discounted to time 0 at `rate` (Horner's rule)."""
    with exact():
        factor = ONE / (ONE + rate)
        total = ZERO
        for f in reversed(flows):
            total = total * factor + f
        return total


TOLERANCE = Decimal("1e-12")


def irr(flows: Sequence[Decimal]) -> Decimal | None:
    """The rate that makes the flows worth nothing, by bisection; None where no rate between
    -99% and 1,000,000% a year does (e.g. nothing ever comes back)."""
    with exact():
        lo, hi = Decimal("-0.99"), ONE
        f_lo = npv(flows, lo)
        while npv(flows, hi) * f_lo > 0 and hi < 10_000:
            hi *= 10
        f_hi = npv(flows, hi)
        if f_lo == 0:
            return lo
        if f_hi == 0:
            return hi
        if f_lo * f_hi > 0:
            return None
        while hi - lo > TOLERANCE:
            mid = (lo + hi) / 2
            f_mid = npv(flows, mid)
            if f_mid == 0:
                return mid
            if (f_mid > 0) == (f_lo > 0):
                lo, f_lo = mid, f_mid
            else:
                hi = mid
        return (lo + hi) / 2


@dataclass(frozen=True)
class Steady:
    """A year's cash once all is paid in and the investor is recouped (the reference case)."""

    cash: Decimal
    loan_interest: Decimal
    investor: Decimal
    host: Decimal

    @property
    def investor_share(self) -> Decimal | None:
        with exact():
            return self.investor / self.cash if self.cash else None


def steady(inp: Inputs) -> Steady:
    """Cash = amount x yield; loan interest = amount x loan share x loan rate (no more than
    the cash) goes to the investor first; the rest is split at the `after` shares."""
    with exact():
        cash = inp.amount * inp.yield_
        interest = min(inp.amount * inp.loan_share * inp.loan_rate, cash)
        residual = cash - interest
        mine = inp.after * residual
        return Steady(cash, interest, interest + mine, residual - mine)


def paid_in(amount: Decimal, spread: int, cap: Decimal | None = None) -> tuple[Decimal, ...]:
    """`amount` in `spread` equal yearly payments, none above `cap`: what a year cannot take
    moves to the years after (Korea's 200 at 20 a year takes ten years)."""
    if spread < 1:
        raise ValueError("money is paid in over one year or more")
    with exact():
        each = amount / spread
        if cap is None or each <= cap:
            return (each,) * spread
        if cap <= 0:
            raise ValueError("a yearly cap of nothing never pays anything in")
        full, rest = divmod(amount, cap)
        return (cap,) * int(full) + ((rest,) if rest else ())
