"""`deal search`: text found in titles, companies, terms, commitments and events."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.model import Deal
from ..core.table import SOURCES, Column, Report, Table, sources_cell


def search(deals: Iterable[Deal], text: str) -> Report:
    needle = text.casefold()
    t = Table(
        "matches",
        f"Matches for '{text}'",
        [
            Column("deal", "Deal", priority=2),
            Column("kind", "Kind", priority=3),
            Column("id", "Id", priority=4),
            Column("text", "Text", main=True),
            SOURCES,
        ],
        mark=text,  # the matches, highlighted in a terminal
    )
    for deal in deals:
        numbers = deal.source_numbers()
        for kind, ident, value, ids in _searchable(deal):
            if needle in value.casefold():
                t.add(deal.id, kind, ident, value, sources_cell(ids, numbers))
    return Report(f"Search: {text}", [t])


def _searchable(deal: Deal) -> Iterable[tuple[str, str, str, tuple[str, ...]]]:
    yield "deal", deal.id, deal.title, deal.headline.sources
    for a in deal.allocations:
        yield "allocation", a.id, a.title, a.sources
        for c in a.companies:
            yield "company", a.id, f"{c.name} ({c.country}, {c.role})", a.sources
    for term in deal.terms:
        yield "term", term.id, f"{term.label}: {term.value}", term.sources
    for pledge in deal.commitments:
        detail = f" ({pledge.detail})" if pledge.detail else ""
        yield "commitment", pledge.id, pledge.title + detail, pledge.sources
    for e in deal.timeline:
        yield "event", e.date.isoformat(), e.title, e.sources
