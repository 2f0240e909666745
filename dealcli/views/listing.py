"""`deal list`: one row a deal."""

from __future__ import annotations

from collections.abc import Iterable

from ..table import Column, Report, Table
from ..totals import (
    Summary,
)


def listing(entries: Iterable[tuple[Summary, str]]) -> Report:
    t = Table(
        "deals",
        "Deals",
        [
            Column("id", "Id"),
            Column("title", "Title"),
            Column("investor", "Investor"),
            Column("host", "Host"),
            Column("headline_usd_bn", "Headline USD bn", "amount"),
            Column("committed_usd_bn", "Committed USD bn", "amount"),
            Column("candidates_usd_bn", "Candidates USD bn", "amount"),
            Column("status", "Status"),
            Column("updated", "Updated", "date"),
            Column("origin", "From"),
        ],
    )
    for s, origin in entries:
        t.add(
            s.id,
            s.title,
            s.investor,
            s.host,
            s.headline,
            s.committed,
            s.candidates,
            s.status,
            s.updated,
            origin,
        )
    return Report("Deals", [t])
