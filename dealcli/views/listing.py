"""`deal list`: one row a deal."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.summary import Summary
from ..core.table import Column, Report, Table
from .common import LEGEND
from .compare import yes_no


def listing(entries: Iterable[tuple[Summary, str]]) -> Report:
    t = Table(
        "deals",
        "Deals",
        [
            Column("id", "Id", main=True),
            Column("title", "Title", priority=3),
            Column("investor", "Investor", priority=2),
            Column("host", "Host", priority=2),
            Column("pledged_usd_bn", "Pledged USD bn", "amount"),
            Column("selected_usd_bn", "Selected USD bn", "amount", style="selected"),
            Column("candidates_usd_bn", "Candidates USD bn", "amount", style="candidate"),
            Column("scope", "Scope", priority=2, coded=True),
            Column("binding", "Binding", priority=2),
            Column("status", "Status", priority=2, coded=True),
            Column("updated", "Updated", "date", priority=3),
            Column("origin", "From", priority=4),
        ],
        legend={k: v for k, v in LEGEND.items() if k != "unselected"},
    )
    rows = list(entries)
    for s, origin in rows:
        t.add(
            s.id,
            s.title,
            s.investor,
            s.host,
            s.headline,
            s.selected,
            s.candidates,
            s.scope,
            yes_no(s.binding),
            s.status,
            s.updated,
            origin,
        )
    if any(s.selected is None for s, _ in rows):
        t.notes.append(
            "a blank: the deal names no allocations, so nothing is known "
            "(0: it names some, and none is at that stage)"
        )
    return Report("Deals", [t])
