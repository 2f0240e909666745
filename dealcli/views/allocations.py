"""`deal allocations`: the money grouped by sector, company, country, status ..."""

from __future__ import annotations

from decimal import Decimal

from ..errors import UsageError
from ..model import Deal
from ..table import SOURCES, Column, Report, Table, sources_cell
from ..totals import (
    ZERO,
    Group,
    group,
    share,
)
from .common import caption

GROUPINGS = (
    "sector",
    "subsector",
    "company",
    "country",
    "status",
    "basis",
    "tranche",
    "instrument",
)
SORTS = ("amount", "name")


def allocations_by(
    deal: Deal,
    by: str = "sector",
    status: str | None = None,
    sector: str | None = None,
    top: int | None = None,
    sort: str = "amount",
) -> Report:
    if by not in GROUPINGS:
        raise UsageError(f"cannot group by '{by}'; choose one of {', '.join(GROUPINGS)}")
    head = deal.headline.usd_bn
    numbers = deal.source_numbers()
    measures = [status] if status else ["candidate", "committed"]
    groups = group(deal, by, measures, sector)
    # Largest first: by each measure in turn (committed before candidates), never by their sum.
    ranked = list(reversed(measures))
    ordered = sorted(
        groups.values(),
        key=(lambda g: (g.label.casefold(),))
        if sort == "name"
        else (lambda g: (*(-g.amount(m) for m in ranked), g.label.casefold())),
    )
    if top is not None and len(ordered) > top:
        rest = ordered[top:]
        other = Group(f"(other: {len(rest)} groups)")
        for folded in rest:
            for m, v in folded.amounts.items():
                other.amounts[m] = other.amount(m) + v
            other.count += folded.count
            other.unsized += folded.unsized
            other.sources |= folded.sources
        ordered = [*ordered[:top], other]
    columns = [Column("row", "Row"), Column(by, by.capitalize())]
    for m in measures:
        columns += [
            Column(f"{m}_usd_bn", f"{m.capitalize()} USD bn", "amount"),
            Column(f"{m}_share_pct", "% of headline", "pct"),
            Column(f"{m}_of_total_pct", "% of total", "pct"),
        ]
    columns += [
        Column("allocations", "Allocations", "int"),
        Column("unsized", "Unsized", "int"),
        SOURCES,
    ]
    what = f"{status} allocations" if status else "Allocations"
    title = f"{what} by {by}" + (f" (sector {sector})" if sector else "")
    t = Table("allocations", title, columns)
    column_totals = {m: sum((g.amount(m) for g in groups.values()), ZERO) for m in measures}
    for g in ordered:
        cells: list[object] = ["group", g.label]
        for m in measures:
            v = g.amount(m)
            cells += [v, share(v, head), share(v, column_totals[m])]
        t.add(*cells, g.count, g.unsized, sources_cell(tuple(g.sources), numbers))
    for label, m, value in _remainders(head, column_totals):
        cells = ["remainder", label]
        for measure in measures:
            cells += [value, share(value, head), None] if measure == m else [None, None, None]
        t.add(*cells, None, None, ())
    if by in ("company", "country"):
        t.notes.append("amounts of projects with several leads are split evenly among them")
    if not status:
        t.notes.append(
            "candidates and committed money are shown apart: they are the same money at two stages"
        )
    return Report(f"{deal.title}: allocations by {by}", [t], caption(deal))


def _remainders(head: Decimal, column_totals: dict[str, Decimal]) -> list[tuple[str, str, Decimal]]:
    out = []
    for m, total in column_totals.items():
        if m == "committed":
            out.append(("(uncommitted)", m, max(head - total, ZERO)))
        elif total > head:
            out.append((f"({m} beyond the headline)", m, total - head))
        else:
            out.append((f"(headline not named as {m})", m, head - total))
    return out
