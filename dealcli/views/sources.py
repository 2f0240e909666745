"""`deal sources`: a deal's numbered sources, and `--check`, what an editor would query."""

from __future__ import annotations

from ..core.hosts import flagged
from ..core.model import Deal
from ..core.provenance import backing, cited_ids, footing, items
from ..core.table import Column, Report, Table
from .common import caption


def sources(deal: Deal) -> Report:
    used = backing(deal)
    t = Table(
        "sources",
        "Sources",
        [
            Column("number", "#", "int"),
            Column("id", "Id"),
            Column("title", "Title"),
            Column("publisher", "Publisher"),
            Column("date", "Date", "date"),
            Column("kind", "Kind"),
            Column("via", "Via"),
            Column("items", "Items", "int"),
            Column("url", "URL"),
            Column("original_url", "Original URL"),
        ],
    )
    for i, s in enumerate(deal.sources, 1):
        t.add(
            i, s.id, s.title, s.publisher, s.date, s.kind, s.via, used[s.id], s.url, s.original_url
        )
    t.notes.append("items: how many items (figures, terms, events) cite the source")
    return Report(f"{deal.title}: sources", [t], caption(deal))


def check(deals: list[Deal]) -> Report:
    """Per deal: items that rest only on aggregators, sources no item cites, and sources on a
    host readers cannot rely on (`core.hosts.flagged`)."""
    t = Table(
        "findings",
        "Source check",
        [
            Column("deal", "Deal"),
            Column("finding", "Finding"),
            Column("section", "Section"),
            Column("id", "Id"),
            Column("title", "Title"),
        ],
    )
    for deal in deals:
        for item in items(deal):
            if footing(deal, item) == "aggregator":
                t.add(deal.id, "rests only on aggregators", item.section, item.ident, item.title)
        cited = cited_ids(deal)
        for s in deal.sources:
            if s.id not in cited:
                t.add(deal.id, "source cited by no item", "sources", s.id, s.title)
            why = next(filter(None, (flagged(u) for u in (s.url, s.original_url) if u)), None)
            if why is not None:
                t.add(deal.id, f"on {why}", "sources", s.id, s.title)
    counts = {
        f: sum(r[1] == f for r in t.rows)
        for f in ("rests only on aggregators", "source cited by no item")
    }
    hosts = sum(r[1].startswith("on ") for r in t.rows)
    t.notes.append(
        f"{len(deals)} deal(s): {counts['rests only on aggregators']} item(s) rest only on "
        f"aggregators (each must say confidence: unconfirmed); "
        f"{counts['source cited by no item']} source(s) cited by no item; {hosts} source(s) on "
        "a host readers cannot rely on; every source has a date (the format requires one)"
    )
    return Report("Source check", [t])
