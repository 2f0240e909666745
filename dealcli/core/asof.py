"""A deal as it stood at the end of a day: a derived `Deal`, so every view reads it unchanged.

What counts on DAY (format 2 `history`, `../docs/deal-format.md`):

- an allocation with a `history` is in the status of its latest entry dated on or before DAY,
  with that entry's amount; an entry without `usd_bn` keeps the amount of the latest earlier
  entry that had one, else the allocation's own. Before its first entry it is left out;
- an allocation without a history has been in its status since its `date`, and is left out
  before it;
- an allocation with neither `date` nor `history` counts from the deal's first timeline event
  (outside-pledge events aside), else from the start of its `period`, else always;
- the headline is the latest `headline.history` entry on or before DAY (before the first one,
  the first one's amount);
- terms that start after DAY are left out; an end after DAY is left out too, since it was not
  yet reached (the term is in force then); events after DAY are left out;
- commitments, tranches and sources have no dates and stay as they are: source numbers are the
  file's. The deal's `updated` stays: it says when the data was checked.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from .model import Allocation, Deal, Figure, Term
from .table import Report


def first_day(deal: Deal) -> date | None:
    """From when an allocation with neither `date` nor `history` counts."""
    events = [e.date for e in deal.timeline if not e.outside_pledge]
    if events:
        return min(events)
    return deal.period.from_ if deal.period else None


def change_days(deal: Deal) -> list[date]:
    """Every day on which some allocation changed (entered, moved or resized), oldest first."""
    days: set[date] = set()
    start = first_day(deal)
    for a in deal.allocations:
        if a.history:
            days.update(s.date for s in a.history)
        elif a.date is not None:
            days.add(a.date)
        elif start is not None:
            days.add(start)
    return sorted(days)


def allocation_at(a: Allocation, day: date, start: date | None = None) -> Allocation | None:
    """The allocation as it stood at the end of `day`, or None when it was not yet announced."""
    if not a.history:
        since = a.date if a.date is not None else start
        return a if since is None or since <= day else None
    steps = tuple(s for s in a.history if s.date <= day)
    if not steps:
        return None
    if steps == a.history:
        return a
    amounts = [s.usd_bn for s in steps if s.usd_bn is not None]
    amount = amounts[-1] if amounts else a.usd_bn
    last = steps[-1]
    same = amount == a.usd_bn
    return replace(
        a,
        status=last.status,
        usd_bn=amount,
        date=last.date,
        sources=last.sources,
        history=steps,
        local=a.local if same else None,
        alternatives=a.alternatives if same else (),
    )


def headline_at(head: Figure, day: date) -> Figure:
    if not head.history:
        return head
    steps = tuple(s for s in head.history if s.date <= day)
    if steps == head.history:
        return head
    step = steps[-1] if steps else head.history[0]
    same = step.usd_bn == head.usd_bn
    return replace(
        head,
        usd_bn=step.usd_bn,
        sources=step.sources,
        history=steps,
        local=head.local if same else None,
        alternatives=head.alternatives if same else (),
    )


def _term_at(term: Term, day: date) -> Term | None:
    if term.from_ is not None and term.from_ > day:
        return None
    if term.to is not None and term.to > day:
        return replace(term, to=None)
    return term


def as_of(deal: Deal, day: date) -> Deal:
    """The deal as it stood at the end of `day`."""
    start = first_day(deal)
    kept = {}
    for a in deal.allocations:
        now = allocation_at(a, day, start)
        if now is not None:
            kept[a.id] = now
    # a project whose envelope was not yet announced stands on its own
    allocations = tuple(
        replace(a, part_of=None) if a.part_of and a.part_of not in kept else a
        for a in kept.values()
    )
    terms = tuple(t for t in (_term_at(t, day) for t in deal.terms) if t is not None)
    return replace(
        deal,
        headline=headline_at(deal.headline, day),
        allocations=allocations,
        terms=terms,
        timeline=tuple(e for e in deal.timeline if e.date <= day),
    )


def at(deal: Deal, day: date | None) -> Deal:
    """`as_of` when a day is given; the deal as it is otherwise."""
    return deal if day is None else as_of(deal, day)


def stamp(report: Report, day: date | None) -> Report:
    """Say "as of DAY" in the report's header, and in its overview where it has one."""
    if day is None:
        return report
    report.title = f"{report.title}, as of {day.isoformat()}"
    for table in report.tables:
        if table.name == "overview":
            table.add("as_of", day.isoformat(), ())
    return report


def years_between(start: date, end: date) -> Decimal:
    """Exact years from `start` to `end`: days / 365.25."""
    return Decimal((end - start).days) / Decimal("365.25")
