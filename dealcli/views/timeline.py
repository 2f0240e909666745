"""`deal timeline`: the events of one or more deals, merged by date, with the context
events that bear on them marked as such."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..core.context import Bearing
from ..core.model import Deal
from ..core.table import SOURCES, Column, Report, Table, sources_cell
from . import context as ctx
from .figures import CONFIDENCE_MARKS, MEANINGS


def timeline(
    deals: list[Deal],
    since: date | None = None,
    until: date | None = None,
    context: Sequence[Bearing] = (),
) -> Report:
    several = len(deals) > 1
    cols = [
        Column("date", "Date", "date"),
        Column("deal", "Deal"),
        Column("event", "Event"),
        ctx.ORIGIN,
        SOURCES,
    ]
    t = Table("timeline", "Timeline", cols)
    events = []
    for deal in deals:
        n = deal.source_numbers()
        for e in deal.timeline:
            if (since and e.date < since) or (until and e.date > until):
                continue
            events.append((e.date, 0, deal.id, e.title, "deal", sources_cell(e.sources, n)))
    shown = ctx.within(context, since, until)
    for b in shown:
        events.append((b.event.date, 1, b.record.id, b.event.title, ctx.MARK, ctx.numbers(b)))
    marks = {b.event.title: CONFIDENCE_MARKS.get(b.event.confidence, "") for b in shown}
    for day, is_context, name, title, origin, numbers in sorted(events, key=lambda r: r[:3]):
        flag = f"{marks[title]} ({ctx.MARK})" if is_context else ""
        t.add(day, name, title, origin, numbers, flags={"event": flag})
    t.flag_notes += [f"{m} {MEANINGS[m]}" for m in MEANINGS if m in marks.values()]
    if several:
        t.notes.append("source numbers refer to each deal's own list (`deal sources DEAL`)")
    if shown:
        t.notes.append(ctx.NOTE)
    return Report("Timeline of " + ", ".join(d.id for d in deals), [t])
