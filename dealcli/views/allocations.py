"""`deal allocations`: the money grouped by sector, company, country, status ..."""

from __future__ import annotations

from decimal import Decimal

from ..core.errors import UsageError
from ..core.model import Deal
from ..core.table import SOURCES, Column, Report, Table, sources_cell
from ..core.totals import (
    STAGES,
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
    remainders: bool = True,
    total: bool = False,
) -> Report:
    """Counted allocations by group: summing a column over the groups gives the deal's own
    total for it. With `remainders` or `total`, a `row` column marks each row: `group`, then
    a `total` row (the column totals) and `remainder` rows (what the groups leave of the
    headline). The command shows groups only unless --totals asks for both."""
    if by not in GROUPINGS:
        raise UsageError(f"cannot group by '{by}'; choose one of {', '.join(GROUPINGS)}")
    head = deal.headline.usd_bn
    numbers = deal.source_numbers()
    measures = [status] if status else ["candidate", "selected"]
    groups = group(deal, by, measures, sector, {} if status else STAGES)
    # Largest first: by each measure in turn (selected before candidates), never by their sum.
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
    marked = remainders or total
    columns = [Column("row", "Row")] if marked else []
    columns.append(Column(by, by.capitalize(), coded=by in ("basis", "status")))
    for m in measures:
        columns += [
            Column(f"{m}_usd_bn", f"{m.capitalize()} USD bn", "amount"),
            Column(f"{m}_share_pct", "% of pledged", "pct", priority=2),
            Column(f"{m}_of_total_pct", "% of total", "pct", priority=3),
        ]
    # when a terminal is narrow the shares go first: the unsized count explains the total
    columns += [
        Column("allocations", "Allocations", "int", priority=2),
        Column("unsized", "Unsized", "int"),
        SOURCES,
    ]
    what = f"{status} allocations" if status else "Allocations"
    title = f"{what} by {by}" + (f" (sector {sector})" if sector else "")
    t = Table("allocations", title, columns)
    column_totals = {m: sum((g.amount(m) for g in groups.values()), ZERO) for m in measures}
    mark = ["group"] if marked else []
    for g in ordered:
        cells: list[object] = [*mark, g.label]
        for m in measures:
            v = g.amount(m)
            cells += [v, share(v, head), share(v, column_totals[m])]
        t.add(*cells, g.count, g.unsized, sources_cell(tuple(g.sources), numbers))
    if total:
        _add_total(t, ordered, measures, head, column_totals, numbers)
    if remainders:
        _add_remainders(t, measures, head, column_totals, staged=not status)
    if by in ("company", "country"):
        t.notes.append("amounts of projects with several leads are split evenly among them")
    if not status:
        t.notes.append(
            "candidates and selected money are shown apart: they are the same money at two stages"
        )
    return Report(f"{deal.title}: allocations by {by}", [t], caption(deal))


def _add_total(
    t: Table,
    groups: list[Group],
    measures: list[str],
    head: Decimal,
    column_totals: dict[str, Decimal],
    numbers: dict[str, int],
) -> None:
    cells: list[object] = ["total", "(total)"]
    for m in measures:
        amount = column_totals[m]
        cells += [amount, share(amount, head), share(amount, amount)]
    sources = sources_cell(tuple(s for g in groups for s in g.sources), numbers)
    t.add(*cells, sum(g.count for g in groups), sum(g.unsized for g in groups), sources)


def _add_remainders(
    t: Table,
    measures: list[str],
    head: Decimal,
    column_totals: dict[str, Decimal],
    staged: bool,
) -> None:
    for label, m, value in headline_remainders(head, column_totals, staged):
        cells: list[object] = ["remainder", label]
        for measure in measures:
            cells += [value, share(value, head), None] if measure == m else [None, None, None]
        t.add(*cells, None, None, ())


def headline_remainders(
    head: Decimal, column_totals: dict[str, Decimal], staged: bool = True
) -> list[tuple[str, str, Decimal]]:
    """(label, measure, amount): what the groups leave of the pledged amount, per measure
    (`staged`: the measures are stages, so `selected` is selected, funded and operating)."""
    out = []
    for m, total in column_totals.items():
        if m == "selected" and staged:
            out.append(("(unselected)", m, max(head - total, ZERO)))
        elif total > head:
            out.append((f"({m} beyond pledged)", m, total - head))
        else:
            out.append((f"(pledged, not named as {m})", m, head - total))
    return out
