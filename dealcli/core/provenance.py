"""How firm each figure's footing is: which kinds of source back each item of a deal.

An item (the headline, a tranche, an allocation, a commitment, a term, an event) counts once,
by its best source: official, then company, then press (news, analysis, a repost of either),
then aggregator. A repost of a government's text counts as press: it was read on a third
party's site.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from .model import Deal, HeadlineStep, Step
from .record import Record, record

FOOTINGS = ("official", "company", "press", "aggregator")
_FOOTING = {
    "official": "official",
    "company": "company",
    "news": "press",
    "analysis": "press",
    "repost": "press",
    "aggregator": "aggregator",
}


@record
class Item(Record):
    """A sourced item of a deal: where it is, what it is, its sources, how firm it is."""

    section: str  # headline, structure, allocations, commitments, terms, timeline
    ident: str  # the item's id, or its date for an event
    title: str
    sources: tuple[str, ...]
    confidence: str


def items(deal: Deal) -> Iterator[Item]:
    """Every sourced item of the deal that carries a figure or a fact a reader sees."""
    h = deal.headline
    yield Item("headline", deal.id, deal.title, h.sources, h.confidence)
    for section in ("structure", "allocations", "commitments", "terms"):
        for x in getattr(deal, section):
            yield Item(section, x.id, _title(x), x.sources, x.confidence)
    for e in deal.timeline:
        yield Item("timeline", e.date.isoformat(), e.title, e.sources, e.confidence)


def _title(x: Any) -> str:
    return str(getattr(x, "title", None) or getattr(x, "label", ""))


def footing(deal: Deal, item: Item) -> str:
    """The best kind of source behind an item."""
    kinds = {s.id: s.kind for s in deal.sources}
    found = {_FOOTING[kinds[s]] for s in item.sources if s in kinds}
    return next((f for f in FOOTINGS if f in found), "aggregator")


def summary(deal: Deal) -> tuple[Counter[str], int]:
    """Items by footing, and how many are not confirmed."""
    counts: Counter[str] = Counter()
    unconfirmed = 0
    for item in items(deal):
        counts[footing(deal, item)] += 1
        unconfirmed += item.confidence != "confirmed"
    return counts, unconfirmed


def summary_line(deal: Deal) -> str:
    counts, unconfirmed = summary(deal)
    total = sum(counts.values())
    parts = ", ".join(f"{counts[f]} {f}" for f in FOOTINGS)
    return (
        f"{total} items rest on: {parts} sources (best source of each); {unconfirmed} not confirmed"
    )


def backing(deal: Deal) -> Counter[str]:
    """Source id -> how many items cite it."""
    used: Counter[str] = Counter()
    for item in items(deal):
        used.update(set(item.sources))
    return used


def cited_ids(deal: Deal) -> set[str]:
    """Every source id the deal cites anywhere: items, parties, period, nested figures."""
    return {sid for _, ids in _source_lists(deal) for sid in ids}


def _source_lists(deal: Deal) -> Iterator[tuple[str, tuple[str, ...]]]:
    yield "investor", deal.investor.sources
    yield "host", deal.host.sources
    yield "headline", deal.headline.sources
    if deal.period:
        yield "period", deal.period.sources
    for group in (deal.structure, deal.terms, deal.allocations, deal.commitments, deal.timeline):
        for item in group:
            yield "item", item.sources
    locals_ = [deal.headline.local, *(t.local for t in deal.structure)]
    locals_ += [a.local for a in deal.allocations]
    for local in locals_:
        if local is not None:
            yield "local", local.sources
    alternatives = [
        *deal.headline.alternatives,
        *(x for a in deal.allocations for x in a.alternatives),
    ]
    for alt in alternatives:
        yield "alternative", alt.sources
    steps: list[HeadlineStep | Step] = [*deal.headline.history]
    steps += [s for a in deal.allocations for s in a.history]
    for step in steps:
        yield "history", step.sources
    if deal.profit_split:
        yield "profit_split", deal.profit_split.sources
    if deal.capacity:
        yield "capacity", deal.capacity.sources
        for f in deal.capacity.funding:
            yield "funding", f.sources
