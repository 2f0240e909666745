"""`deal pace`: selected money over time, and the pace the deadline asks for.

Years are days / 365.25. The straight line runs from nothing at signing (the start of the
deal's `period`, else its first timeline event) to the headline at the deadline (the end of
the `period`). Events outside the pledge are never counted: only allocations move the steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..core.asof import as_of, change_days, first_day, years_between
from ..core.model import SELECTED_STATUSES, Deal
from ..core.table import Column, Report, Style, Table, number
from ..core.totals import CENT, ZERO, counted, share, totals
from .common import caption

ANNUAL_CAP = "annual-cap"
ON_LINE = "straight line"
PROJECTED = "at the pace so far"


def _round(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(CENT)


def selected_by_allocation(deal: Deal) -> dict[str, Decimal]:
    """What each counted selected allocation adds to the selected total."""
    return {a.id: a.usd_bn or ZERO for s in sorted(SELECTED_STATUSES) for a in counted(deal, s)}


@dataclass(frozen=True)
class Step:
    """A day the selected amount changed, and by how much."""

    day: date
    selected: Decimal
    change: Decimal
    headline: Decimal
    moved: list[str]


def steps(deal: Deal, until: date) -> list[Step]:
    """One step per day on which the selected total changed, up to `until`."""
    out: list[Step] = []
    before: dict[str, Decimal] = {}
    total = ZERO
    for day in change_days(deal):
        if day > until:
            break
        then = as_of(deal, day)
        now = selected_by_allocation(then)
        new_total = sum(now.values(), ZERO)
        if new_total == total:
            before = now
            continue
        moved = []
        for key in [*now, *(k for k in before if k not in now)]:
            delta = now.get(key, ZERO) - before.get(key, ZERO)
            if delta:
                moved.append(f"{key} {'+' if delta > 0 else '-'}{number(abs(delta))}")
        out.append(Step(day, new_total, new_total - total, then.headline.usd_bn, moved))
        before, total = now, new_total
    return out


@dataclass(frozen=True)
class Pace:
    """The deal against its deadline on one day; None where the deal lacks what it needs."""

    day: date
    headline: Decimal
    selected: Decimal
    remaining: Decimal
    signed: date | None
    deadline: date | None
    years_left: Decimal | None
    needed: Decimal | None
    so_far: Decimal | None
    projected: Decimal | None
    cap: Decimal | None
    years_at_cap: Decimal | None
    allows: bool | None

    def line(self, day: date) -> Decimal | None:
        """The straight line's value on `day`: 0 at signing, the headline at the deadline."""
        if self.signed is None or self.deadline is None or self.deadline <= self.signed:
            return None
        part = years_between(self.signed, day) / years_between(self.signed, self.deadline)
        return self.headline * min(max(part, ZERO), Decimal(1))


def signing(deal: Deal) -> date | None:
    return deal.period.from_ if deal.period else first_day(deal)


def measure(deal: Deal, day: date) -> Pace:
    """`deal` must already stand as of `day` (see `asof.as_of`)."""
    tot = totals(deal)
    remaining = tot.unselected
    signed = signing(deal)
    deadline = deal.period.to if deal.period else None
    years_left = needed = so_far = projected = None
    if deadline is not None:
        years_left = max(years_between(day, deadline), ZERO)
        needed = remaining / years_left if years_left else None
    if signed is not None and day > signed:
        so_far = tot.selected / years_between(signed, day)
        if years_left is not None:
            projected = tot.selected + so_far * years_left
    cap = next((t.usd_bn for t in deal.terms if t.id == ANNUAL_CAP), None)
    years_at_cap = allows = None
    if cap:
        years_at_cap = remaining / cap
        allows = None if years_left is None else years_at_cap <= years_left
    return Pace(
        day,
        tot.headline,
        tot.selected,
        remaining,
        signed,
        deadline,
        years_left,
        needed,
        so_far,
        projected,
        cap,
        years_at_cap,
        allows,
    )


def _steps_table(deal: Deal, p: Pace, rows: list[Step]) -> Table:
    t = Table(
        "steps",
        "Selected over time",
        [
            Column("date", "Date", "date"),
            Column("selected_usd_bn", "Selected USD bn", "amount"),
            Column("change_usd_bn", "Change USD bn", "amount"),
            Column("share_pct", "% of pledged", "pct"),
            Column("line_usd_bn", "Straight line USD bn", "amount"),
            Column("moved", "Allocations moved"),
        ],
    )
    for s in rows:
        t.add(
            s.day,
            s.selected,
            s.change,
            share(s.selected, s.headline),
            _round(p.line(s.day)),
            "; ".join(s.moved),
        )
    t.notes.append("one row per day the selected total changed (selected + funded + operating)")
    return t


def _pace_table(p: Pace) -> Table:
    t = Table(
        "pace",
        "Against the deadline",
        [
            Column("as_of", "As of", "date"),
            Column("pledged_usd_bn", "Pledged USD bn", "amount"),
            Column("selected_usd_bn", "Selected USD bn", "amount"),
            Column("remaining_usd_bn", "Remaining USD bn", "amount"),
            Column("signed", "Signed", "date"),
            Column("deadline", "Deadline", "date"),
            Column("years_left", "Years left", "number"),
            Column("needed_usd_bn_a_year", "Needed USD bn a year", "amount"),
            Column("so_far_usd_bn_a_year", "So far USD bn a year", "amount"),
            Column("projected_usd_bn", "By the deadline at that pace", "amount"),
            Column("annual_cap_usd_bn", "Annual cap USD bn", "amount"),
            Column("years_at_cap", "Years at the cap", "number"),
            Column("period_allows", "Period allows it"),
        ],
    )
    allows = None if p.allows is None else ("yes" if p.allows else "no")
    t.add(
        p.day,
        p.headline,
        p.selected,
        p.remaining,
        p.signed,
        p.deadline,
        _round(p.years_left),
        _round(p.needed),
        _round(p.so_far),
        _round(p.projected),
        p.cap,
        _round(p.years_at_cap),
        allows,
    )
    t.notes.extend(sentences(p))
    return t


def _bn(value: Decimal | None) -> str:
    return "?" if value is None else f"USD {number(_round(value) or ZERO)} bn"


def sentences(p: Pace) -> list[str]:
    """The pace in words, for the notes under the table or the chart."""
    out = [
        f"selected {_bn(p.selected)} of {_bn(p.headline)} by {p.day}; {_bn(p.remaining)} remains"
    ]
    if p.deadline is None:
        out.append("the deal has no period: there is no deadline to pace against")
    elif not p.years_left:
        out.append(f"the deadline ({p.deadline}) has passed")
    else:
        out.append(
            f"{number(_round(p.years_left) or ZERO)} years to the deadline ({p.deadline}): "
            f"{_bn(p.needed)} a year needed"
        )
    if p.so_far is not None:
        text = f"pace so far: {_bn(p.so_far)} a year since signing ({p.signed})"
        if p.projected is not None:
            text += f"; at that pace, {_bn(p.projected)} by the deadline"
        out.append(text)
    if p.cap and p.years_at_cap is not None:
        text = (
            f"at the annual cap of {_bn(p.cap)}, the remainder needs "
            f"{number(_round(p.years_at_cap) or ZERO)} years"
        )
        if p.allows is not None:
            text += "; the period allows it" if p.allows else "; the period does not allow it"
        out.append(text)
    out.append(
        "years are days / 365.25; the straight line runs from 0 at signing to the pledged amount "
        "at the deadline"
    )
    return out


def pace(deal: Deal, day: date) -> Report:
    """`deal` as it stands on `day` (see `asof.as_of`); every figure is worked out for `day`."""
    p = measure(deal, day)
    rows = steps(deal, day)
    tables = [_steps_table(deal, p, rows), _pace_table(p)]
    return Report(f"{deal.title}: pace", tables, caption(deal), sectioned=True)


def pace_chart(deal: Deal, day: date) -> Report:
    """The steps as bars beside the straight line, the pace in words underneath."""
    p = measure(deal, day)
    t = Table(
        "chart",
        "Selected against the straight line to the pledged amount at the deadline",
        [
            Column("label", "Label", main=True),
            Column("measure", "Measure", main=True),
            Column("usd_bn", "USD bn", "amount"),
            Column("share_pct", "% of pledged", "pct", bar=True),
        ],
    )

    def bar(label: date, what: str, value: Decimal | None, whole: Decimal) -> None:
        if value is not None:
            value = _round(value) or ZERO
            style: Style = "selected" if what == "selected" else ""
            t.add(label.isoformat(), what, value, share(value, whole), style=style)

    rows = steps(deal, day)
    for s in rows:
        bar(s.day, "selected", s.selected, s.headline)
        bar(s.day, ON_LINE, p.line(s.day), p.headline)
    if not rows or rows[-1].day != day:
        bar(day, "selected", p.selected, p.headline)
        bar(day, ON_LINE, p.line(day), p.headline)
    if p.deadline is not None and p.deadline > day:
        bar(p.deadline, ON_LINE, p.headline, p.headline)
        bar(p.deadline, PROJECTED, p.projected, p.headline)
    t.notes.extend(sentences(p))
    return Report(f"{deal.title}: pace", [t], caption(deal), chart=True)
