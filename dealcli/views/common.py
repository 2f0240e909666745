"""Pieces that several views share."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

from ..core.errors import UsageError, did_you_mean
from ..core.model import SELECTED_STATUSES, Deal
from ..core.table import Style, number, rounded, spoken
from ..core.totals import group_key

# What the row and column styles of money stand for; renderers show it as a colour key.
LEGEND: dict[str, str] = {
    "selected": "selected (selected, funded, operating)",
    "candidate": "candidates (named, not selected)",
    "unselected": "unselected",
}


class Named(Protocol):
    @property
    def id(self) -> str: ...


def labels(deals: Sequence[Named]) -> list[str]:
    """A row label per deal: its id; the same deal twice gets a second, distinct label."""
    out: list[str] = []
    seen: set[str] = set()  # a set, not the list: one test per deal, not one per label
    for d in deals:
        out.append(d.id if d.id not in seen else f"{d.id}-{len(out) + 1}")
        seen.add(out[-1])
    return out


def caption(deal: Deal, currency: str = "USD") -> str:
    """The line under a deal's title: who, how much, how firm, how fresh (and, in another
    currency than USD, that amounts are those announced in it)."""
    text = (
        f"{deal.investor.name} → {deal.host.name} · USD {number(deal.headline.usd_bn)} bn "
        f"pledged (basis: {basis_words(deal.headline.basis)}) · {spoken(deal.status)} · "
        f"updated {deal.updated}"
    )
    return text if currency == "USD" else f"{text} · amounts in {currency} as announced"


# A headline's basis in words: the basis value `committed` says how firm the pledge is, and
# the word "committed" beside an amount would read as money selected for projects.
BASIS_WORDS: dict[str, str] = {
    "committed": "a commitment",
    "up_to": "a ceiling",
    "target": "a target",
    "estimate": "an estimate",
    "reported": "reported",
}


def basis_words(basis: str) -> str:
    """How firm a pledged amount is, in words: `committed` reads "a commitment"."""
    return BASIS_WORDS.get(basis, basis)


def stage(status: str) -> Style:
    """The style of an allocation's row: selected money, a candidate, or dimmed (cancelled)."""
    if status in SELECTED_STATUSES:
        return "selected"
    if status == "candidate":
        return "candidate"
    return "dim"


def shown(pct: Decimal | None) -> str:
    """A share written in prose, rounded once as tables show it: 54.5%."""
    return "" if pct is None else f"{rounded(pct, 1)}%"


def known_sector(deal: Deal, sector: str) -> None:
    """A usage error unless the deal has an allocation in `sector` (any case or spacing)."""
    sectors = list({group_key(a.sector): a.sector for a in deal.allocations}.values())
    if group_key(sector) in {group_key(s) for s in sectors}:
        return
    if not sectors:
        raise UsageError(f"--sector: {deal.id} names no allocations, so no sectors")
    names = ", ".join(sorted(sectors, key=str.casefold))
    raise UsageError(
        f"--sector takes one of {deal.id}'s sectors ({names}), not '{sector}'"
        + did_you_mean(sector, sectors)
    )


def known_country(deals: list[Deal], country: str) -> None:
    """A usage error unless a company of the deals has `country` as its home (any case)."""
    codes = sorted({c.country for d in deals for a in d.allocations for c in a.companies})
    if country.upper() in codes:
        return
    if not codes:
        raise UsageError("--country: the deals name no companies, so no countries")
    raise UsageError(
        f"--country takes the home country of a company ({', '.join(codes)}), not '{country}'"
        + did_you_mean(country, codes)
    )
