"""The deal arithmetic every view shares: what counts, per status, exactly once."""

from __future__ import annotations

from dataclasses import field
from datetime import date
from decimal import Decimal

from .model import SELECTED_STATUSES, Allocation, Deal, Term
from .record import Plain, Record, plain, record
from .table import Share

ZERO = Decimal(0)
CENT = Decimal("0.01")


def share(part: Decimal | None, whole: Decimal | None) -> Share | None:
    """Percentage of `whole`, exact (to 28 digits): rounded once, where it is shown
    (one decimal for people, two in csv/json); None when there is nothing to divide by."""
    if part is None or not whole:
        return None
    return Share(part * 100 / whole)


def counted(deal: Deal, status: str) -> list[Allocation]:
    """Allocations of one status that count in its total.

    A project inside an envelope counts only when the envelope does not:
    totals never add an envelope and its parts together.
    """
    found = [a for a in deal.allocations if a.status == status]
    if not any(a.part_of for a in found):  # the usual case: no envelopes to look up
        return found
    by_id = {a.id: a for a in deal.allocations}
    out = []
    for a in found:
        parent = by_id.get(a.part_of) if a.part_of else None
        if parent is not None and parent.status == status and parent.usd_bn is not None:
            continue
        out.append(a)
    return out


def counted_ids(deal: Deal) -> set[str]:
    """The allocations that count toward the totals (selected and candidates): neither
    cancelled nor a part of an envelope that is counted. Their amounts sum to the totals."""
    return {a.id for s in ("candidate", *sorted(SELECTED_STATUSES)) for a in counted(deal, s)}


def status_total(deal: Deal, status: str) -> Decimal:
    return sum((a.usd_bn for a in counted(deal, status) if a.usd_bn is not None), ZERO)


@record(slots=True)
class Totals(Record):
    """A deal's pledged, selected and candidate amounts, and the allocations by status."""

    headline: Decimal
    selected: Decimal
    candidates: Decimal
    by_status: dict[str, Decimal]

    @property
    def unselected(self) -> Decimal:
        return max(self.headline - self.selected, ZERO)


def totals(deal: Deal) -> Totals:
    by_status = {s: status_total(deal, s) for s in ("candidate", *sorted(SELECTED_STATUSES))}
    by_status["cancelled"] = status_total(deal, "cancelled")
    selected = sum((by_status[s] for s in SELECTED_STATUSES), ZERO)
    return Totals(deal.headline.usd_bn, selected, by_status["candidate"], by_status)


STAGES: dict[str, tuple[str, ...]] = {
    "candidate": ("candidate",),
    "selected": tuple(sorted(SELECTED_STATUSES)),
}
UNATTRIBUTED = "(no lead named)"


def group_key(label: str) -> str:
    """Labels that differ only in case or spacing name the same group (sector, company)."""
    return " ".join(label.split()).casefold()


THOUSAND_USD = Decimal("0.000001")  # in USD bn: the finest unit an amount is split into


def even_shares(amount: Decimal | None, n: int) -> list[Decimal | None]:
    """`amount` in `n` shares as even as whole thousands of dollars allow, adding up exactly
    (20 among 3: 6.666667 + 6.666667 + 6.666666), so sums over companies equal the totals."""
    if amount is None:
        return [None] * n
    units = int(amount / THOUSAND_USD)
    if units * THOUSAND_USD != amount:  # finer than a thousand dollars: shared as it is
        return [amount / n] * n
    base, extra = divmod(units, n)
    return [(base + (i < extra)) * THOUSAND_USD for i in range(n)]


def split(a: Allocation, by: str) -> list[tuple[str, Decimal | None]]:
    """The group labels an allocation falls in, its amount shared evenly among them."""
    if by in ("company", "country"):
        leads = a.leads
        if not leads:
            return [(UNATTRIBUTED, a.usd_bn)]
        shares = even_shares(a.usd_bn, len(leads))
        return [
            (c.name if by == "company" else c.country, s)
            for c, s in zip(leads, shares, strict=True)
        ]
    value = {
        "sector": a.sector,
        "subsector": a.subsector or "(none)",
        "status": a.status,
        "basis": a.basis or "(unsized)",
        "tranche": a.tranche or "(none)",
        "instrument": a.instrument or "(none)",
    }[by]
    return [(value, a.usd_bn)]


@plain
class Group(Plain):
    """The allocations of one sector, company or status: amounts, counts, sources."""

    label: str
    amounts: dict[str, Decimal] = field(default_factory=dict)  # per measure
    count: int = 0
    unsized: int = 0
    sources: set[str] = field(default_factory=set)

    def __init__(  # written out, not Plain's: every total of every deal makes some
        self,
        label: str,
        amounts: dict[str, Decimal] | None = None,
        count: int = 0,
        unsized: int = 0,
        sources: set[str] | None = None,
    ) -> None:
        self.label = label
        self.amounts = {} if amounts is None else amounts
        self.count = count
        self.unsized = unsized
        self.sources = set() if sources is None else sources

    def amount(self, measure: str) -> Decimal:
        return self.amounts.get(measure, ZERO)


def group(
    deal: Deal,
    by: str,
    measures: list[str],
    sector: str | None = None,
    stages: dict[str, tuple[str, ...]] = STAGES,
) -> dict[str, Group]:
    """Counted allocations by group, each measure (a stage or a status) summed on its own.
    A measure is a stage of `stages` if named there: pass `{}` to sum the status `selected`
    alone rather than the stage of that name (selected, funded and operating)."""
    groups: dict[str, Group] = {}
    for m in measures:
        for status in stages.get(m, (m,)):
            for a in counted(deal, status):
                if sector and group_key(a.sector) != group_key(sector):
                    continue
                for label, amount in split(a, by):
                    g = groups.setdefault(group_key(label), Group(label))
                    g.amounts[m] = g.amount(m) + (amount or ZERO)
                    g.count += 1  # statuses are disjoint: each allocation is met once per group
                    g.unsized += a.usd_bn is None
                    g.sources.update(a.sources)
    return groups


def sector_matrix(deals: list[Deal]) -> list[tuple[str, str, list[Decimal]]]:
    """(sector, stage, amount per deal) for each sector and stage that any deal has money in,
    sectors in name order: the rows of a side-by-side comparison."""
    labels: dict[str, str] = {}
    amounts: dict[tuple[str, str, int], Decimal] = {}
    for i, deal in enumerate(deals):
        for key, g in group(deal, "sector", list(STAGES)).items():
            labels.setdefault(key, g.label)
            for stage in STAGES:
                amounts[(key, stage, i)] = g.amount(stage)
    rows = []
    for key in sorted(labels, key=lambda k: labels[k].casefold()):
        for stage in STAGES:
            values = [amounts.get((key, stage, i), ZERO) for i in range(len(deals))]
            if any(values):
                rows.append((labels[key], stage, values))
    return rows


def years(deal: Deal) -> Decimal | None:
    """Length of the deployment period in years (days / 365.25), two decimals."""
    if deal.period is None:
        return None
    days = (deal.period.to - deal.period.from_).days
    return (Decimal(days) / Decimal("365.25")).quantize(CENT)


DAYS_A_YEAR = Decimal("365.25")


def per_year(deal: Deal, exact: bool = False) -> Decimal | None:
    """The headline a year of the deployment period: headline x 365.25 / days, rounded once
    to the cent (`exact`: not rounded, to divide further); None without a period."""
    if deal.period is None:
        return None
    days = (deal.period.to - deal.period.from_).days
    if days <= 0:
        return None
    value = deal.headline.usd_bn * DAYS_A_YEAR / days
    return value if exact else value.quantize(CENT)


def known_money(deal: Deal, amount: Decimal) -> Decimal | None:
    """An allocated total, or None when the deal names no allocations (nothing is known:
    a 0 means its named allocations add up to nothing at that stage)."""
    return amount if deal.allocations else None


def term(deal: Deal, term_id: str) -> Term | None:
    return next((t for t in deal.terms if t.id == term_id), None)


def term_state(t: Term, day: date) -> str:
    """Whether a term holds on `day`: "in force", "lapsed" (ended before it), "not begun", or
    "not known" (after the last day its sources cover, with no end given)."""
    return state_on(day, t.from_, t.to, t.known_to)


def state_on(day: date, start: date | None, end: date | None, known_to: date | None) -> str:
    """`term_state` from a term's dates alone (as `Term.lapsed` and `Term.unknown` read them)."""
    if start is not None and start > day:
        return "not begun"
    if end is None and known_to is not None and known_to < day:
        return "not known"
    return "lapsed" if end is not None and end < day else "in force"
