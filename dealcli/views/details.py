"""The long sections of `deal show` that list facts rather than money: the overview,
commitments, the timeline and the sources."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.context import Bearing
from ..core.model import Deal, Party
from ..core.table import SOURCES, Column, Table, number, sources_cell, spoken
from . import context as ctx
from .common import basis_words
from .figures import CONFIDENCE, Marks, grouped

OUTSIDE = "outside the pledge"


def overview(deal: Deal) -> Table:
    n = deal.source_numbers()
    t = Table(
        "overview",
        "Overview",
        [Column("field", "Field", main=True), Column("value", "Value"), SOURCES],
    )
    head = deal.headline
    headline = f"USD {number(head.usd_bn)} bn (basis: {basis_words(head.basis)})"
    if head.local is not None:
        headline += f"; announced as {head.local.currency} {grouped(head.local.bn)} bn"
    t.add("title", deal.title, ())
    t.add("investor", _party(deal.investor), sources_cell(deal.investor.sources, n))
    t.add("host", _party(deal.host), sources_cell(deal.host.sources, n))
    t.add("pledged", headline, sources_cell(head.sources, n))
    t.add("status", spoken(deal.status), ())
    if deal.period:
        t.add("period", f"{deal.period.from_} to {deal.period.to}", ())
    if deal.vehicle:
        t.add("vehicle", deal.vehicle, ())
    t.add("updated", deal.updated.isoformat(), ())
    if deal.aliases:
        t.add("aliases", ", ".join(deal.aliases), ())
    return t


def _party(p: Party) -> str:
    text = f"{p.name} ({p.code})"
    if p.gdp_usd_bn is not None:
        text += f"; GDP USD {number(p.gdp_usd_bn)} bn in {p.gdp_year}"
    return text


def commitments(deal: Deal) -> Table:
    n = deal.source_numbers()
    t = Table(
        "commitments",
        "Commitments by area",
        [
            Column("area", "Area", priority=2),
            Column("party", "Promised by", priority=3),
            Column("commitment", "Id", priority=5),
            Column("title", "Commitment", main=True),
            Column("detail", "Detail", priority=4),
            Column("usd_bn", "USD bn", "amount"),
            Column("basis", "Basis", priority=4, coded=True),
            CONFIDENCE,
            SOURCES,
        ],
    )
    marks = Marks(deal)
    parties = {"investor": deal.investor.name, "host": deal.host.name}
    for c in sorted(deal.commitments, key=lambda c: c.area):
        t.add(
            c.area,
            parties[c.party],
            c.id,
            c.title,
            c.detail,
            c.usd_bn,
            c.basis,
            c.confidence,
            sources_cell(c.sources, n),
            flags=marks.flags(c, c.title),
        )
    return marks.close(t)


def timeline(deal: Deal, context: Sequence[Bearing] = ()) -> Table:
    """Events by date; one outside the pledge is marked, dimmed, and never counted; the
    context events that bear on the deal are among them, marked as context."""
    n = deal.source_numbers()
    t = Table(
        "timeline",
        "Timeline",
        [
            Column("date", "Date", "date"),
            Column("event", "Event", main=True),
            CONFIDENCE,
            Column("pledge", "Pledge", files=True),  # "outside": recorded for context
            ctx.ORIGIN,
            SOURCES,
        ],
    )
    marks = Marks(deal)
    rows = [(e.date, 0, i) for i, e in enumerate(deal.timeline)]
    rows += [(b.event.date, 1, i) for i, b in enumerate(context)]
    for _, is_context, i in sorted(rows):
        if is_context:
            b = context[i]
            cells = (b.event.title, b.event.confidence, None, ctx.MARK, ctx.numbers(b))
            t.add(b.event.date, *cells, flags=ctx.flags(marks, b))
            continue
        e = deal.timeline[i]
        flags = marks.flags(e, e.title, name="event")
        if e.outside_pledge:
            flags["event"] = flags.get("event", "") + f" ({OUTSIDE})"
        t.add(
            e.date,
            e.title,
            e.confidence,
            "outside" if e.outside_pledge else None,
            "deal",
            sources_cell(e.sources, n),
            style="dim" if e.outside_pledge else "",
            flags=flags,
        )
    if any(e.outside_pledge for e in deal.timeline):
        t.notes.append(
            f"{OUTSIDE}: a fact recorded for context, not part of the deal; never counted"
        )
    if context:
        t.notes.append(ctx.NOTE)
    return marks.close(t)


def sources(deal: Deal) -> Table:
    t = Table(
        "sources",
        "Sources",
        [
            Column("number", "#", "int"),
            Column("id", "Id", priority=5),
            Column("title", "Title", main=True),
            Column("publisher", "Publisher", priority=3),
            Column("date", "Date", "date", priority=4),
            Column("kind", "Kind", priority=4),
            Column("url", "URL", link=True, priority=2),
        ],
    )
    for i, s in enumerate(deal.sources, 1):
        t.add(i, s.id, s.title, s.publisher, s.date, s.kind, s.url)
    return t
