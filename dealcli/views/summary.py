"""The first screen of `deal show`: the money, the sectors, the companies, the terms that bind.

Each is a small `compact` table (one line a row in a terminal); the long
sections of `deal show` follow, and the notes come last.
"""

from __future__ import annotations

from datetime import date

from ..core.model import Deal, Term
from ..core.table import Column, Table
from ..core.totals import STAGES, ZERO, group, share
from .common import LEGEND
from .companies import company_rows, unled
from .figures import Marks

TOP = 3  # rows of the top sectors and companies
KEY_TERMS = 4
# The terms that bind, in this order: by words of their ids (the first that is in force).
KEY_WORDS = ("tariff", "profit-split", "cap", "deadline", "window")


def _money_columns(first: Column) -> list[Column]:
    return [
        first,
        Column("candidate_usd_bn", "Candidates", "amount", style="candidate"),
        Column("candidate_share_pct", "%", "pct", style="candidate", priority=2),
        Column("selected_usd_bn", "Selected", "amount", style="selected"),
        Column("selected_share_pct", "%", "pct", style="selected", priority=2),
    ]


def top_sectors(deal: Deal) -> Table:
    """The largest sectors (selected money first, then candidates); the rest on one line."""
    head = deal.headline.usd_bn
    t = Table(
        "top-sectors",
        "Top sectors",
        _money_columns(Column("sector", "Sector (USD bn)", main=True)),
        compact=True,
        legend=LEGEND,
    )
    groups = sorted(
        group(deal, "sector", list(STAGES)).values(),
        key=lambda g: (-g.amount("selected"), -g.amount("candidate"), g.label.casefold()),
    )
    shown = groups if len(groups) <= TOP + 1 else groups[:TOP]
    for g in shown:
        c, m = g.amount("candidate"), g.amount("selected")
        t.add(g.label, c, share(c, head), m, share(m, head))
    rest = groups[len(shown) :]
    if rest:
        c = sum((g.amount("candidate") for g in rest), ZERO)
        m = sum((g.amount("selected") for g in rest), ZERO)
        t.add(f"({len(rest)} more sectors)", c, share(c, head), m, share(m, head), style="dim")
    return t


def top_companies(deal: Deal) -> Table:
    """The companies that lead the most money (selected first, then candidates)."""
    head = deal.headline.usd_bn
    t = Table(
        "top-companies",
        "Top companies",
        _money_columns(Column("company", "Lead company (USD bn)", main=True)),
        compact=True,
        legend=LEGEND,
    )
    leads = [r for r in company_rows([deal], as_totals=True) if r.role == "lead"]
    rest = unled(deal)  # with it, the rows add up to the totals above them
    shown = leads if len(leads) + len(rest) <= TOP else leads[: TOP - 1]
    for r in shown:
        t.add(r.name, r.candidate, share(r.candidate, head), r.selected, share(r.selected, head))
    more = leads[len(shown) :]
    if more or rest:
        c = sum((r.candidate for r in [*more, *rest]), ZERO)
        m = sum((r.selected for r in [*more, *rest]), ZERO)
        label = f"{len(more)} more" if more else ""
        label = "; ".join(w for w in (label, "no lead named" if rest else "") if w)
        t.add(f"({label})", c, share(c, head), m, share(m, head), style="dim")
    return t


def key_terms(deal: Deal, today: date | None = None) -> Table:
    """Up to four terms that bind now: the tariff, the profit split, caps, the deadline."""
    today = today or date.today()
    t = Table(
        "key-terms",
        "Key terms",
        [
            Column("label", "Key term", main=True),
            Column("value", "Value"),
            Column("term", "Term", priority=5),
        ],
        compact=True,
    )
    picked: list[Term] = []
    for word in KEY_WORDS:
        for term in deal.terms:
            if (
                word in term.id
                and not term.lapsed(today)
                and not term.unknown(today)
                and term not in picked
            ):
                picked.append(term)
                if word != "profit-split":
                    break  # one of each, but both sides of a profit split
    marks = Marks(deal)
    for term in picked[:KEY_TERMS]:
        t.add(
            term.label, term.value, term.id, flags=marks.flags(term, term.label, "label", "label")
        )
    return marks.close(t)


def notes(deal: Deal) -> Table:
    """The deal's notes, one row a paragraph or list item: long prose comes last."""
    t = Table("notes", "Notes", [Column("note", "Note", main=True)])
    for para in paragraphs(deal.notes or ""):
        t.add(para)
    return t


def paragraphs(text: str) -> list[str]:
    """A YAML text block as paragraphs: list items ("- ") start new ones; line breaks go."""
    out: list[str] = []
    fresh = True
    for line in text.strip().split("\n"):
        stripped = line.strip()
        if not stripped:
            fresh = True
            continue
        if fresh or stripped.startswith(("- ", "* ")):
            out.append(stripped)
        else:
            out[-1] += " " + stripped
        fresh = False
    return out
