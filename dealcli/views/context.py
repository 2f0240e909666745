"""Context events in the views: marked rows of a deal's timeline, and a record on its own
(`deal timeline --context`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from ..core.context import Bearing
from ..core.model import Context
from ..core.table import SOURCES, Column, Report, Table, sources_cell
from .figures import CONFIDENCE, CONFIDENCE_MARKS, MEANINGS, Marks

MARK = "context"
ORIGIN = Column("origin", "Origin", files=True)  # "deal" (its own event) or "context"
NOTE = (
    f"({MARK}): a US-wide event from a context record, read with the deal, not part of it; "
    "its source numbers are the record's (`deal timeline --context`)"
)


def within(events: Iterable[Bearing], since: date | None, until: date | None) -> list[Bearing]:
    return [
        b
        for b in events
        if not (since and b.event.date < since) and not (until and b.event.date > until)
    ]


def flags(marks: Marks, b: Bearing) -> dict[str, str]:
    """A context row's marks: its confidence (as a deal's event) and the context mark."""
    out = marks.flags(b.event, b.event.title, name="event")
    out["event"] = out.get("event", "") + f" ({MARK})"
    return out


def numbers(b: Bearing) -> tuple[int, ...]:
    return sources_cell(b.event.sources, b.record.source_numbers())


def records_report(
    records: Sequence[Context], since: date | None = None, until: date | None = None
) -> Report:
    """The records alone: every event, by date, with its status, authority and note."""
    t = Table(
        "timeline",
        "Context events",
        [
            Column("date", "Date", "date"),
            Column("record", "Record", priority=4),
            Column("event", "Event", main=True),
            Column("authority", "Authority", priority=3),
            Column("status", "Status"),
            CONFIDENCE,
            Column("note", "Note", priority=1),
            SOURCES,
        ],
    )
    rows = [Bearing(r, e) for r in records for e in r.events]
    rows.sort(key=lambda b: (b.event.date, b.record.id, b.event.id))
    used: set[str] = set()
    for b in within(rows, since, until):
        e = b.event
        t.add(
            e.date,
            b.record.id,
            e.title,
            e.authority,
            e.status,
            e.confidence,
            e.note,
            numbers(b),
            flags={"event": CONFIDENCE_MARKS.get(e.confidence, "")},
        )
        used.add(CONFIDENCE_MARKS.get(e.confidence, ""))
    t.flag_notes += [f"{m} {MEANINGS[m]}" for m in MEANINGS if m in used]
    if len(records) > 1:
        t.notes.append("source numbers refer to each record's own list")
    names = ", ".join(r.id for r in records) or "none"
    return Report(f"Context records: {names}", [t])
