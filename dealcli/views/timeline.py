"""`deal timeline`: the events of one or more deals, merged by date."""

from __future__ import annotations

from datetime import date

from ..core.model import Deal
from ..core.table import SOURCES, Column, Report, Table, sources_cell


def timeline(deals: list[Deal], since: date | None = None, until: date | None = None) -> Report:
    several = len(deals) > 1
    cols = [
        Column("date", "Date", "date"),
        Column("deal", "Deal"),
        Column("event", "Event"),
        SOURCES,
    ]
    t = Table("timeline", "Timeline", cols)
    events = []
    for deal in deals:
        n = deal.source_numbers()
        for e in deal.timeline:
            if (since and e.date < since) or (until and e.date > until):
                continue
            events.append((e.date, deal.id, e.title, sources_cell(e.sources, n)))
    for row in sorted(events, key=lambda r: (r[0], r[1])):
        t.add(*row)
    if several:
        t.notes.append("source numbers refer to each deal's own list (`deal sources DEAL`)")
    return Report("Timeline of " + ", ".join(d.id for d in deals), [t])
