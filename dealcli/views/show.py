"""`deal show`: the whole deal, section by section."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal

from ..errors import UsageError
from ..model import Allocation, Deal, Party
from ..table import SOURCES, Column, Report, Table, number, sources_cell
from ..totals import STAGES, ZERO, counted, group, share, totals
from .common import caption
from .companies import company_rows


def overview(deal: Deal) -> Table:
    n = deal.source_numbers()
    t = Table("overview", "Overview", [Column("field", "Field"), Column("value", "Value"), SOURCES])
    head = deal.headline
    t.add("title", deal.title, ())
    t.add("investor", _party(deal.investor), sources_cell(deal.investor.sources, n))
    t.add("host", _party(deal.host), sources_cell(deal.host.sources, n))
    t.add("headline", f"USD {number(head.usd_bn)} bn ({head.basis})", sources_cell(head.sources, n))
    t.add("status", deal.status, ())
    if deal.period:
        t.add("period", f"{deal.period.from_} to {deal.period.to}", ())
    if deal.vehicle:
        t.add("vehicle", deal.vehicle, ())
    t.add("updated", deal.updated.isoformat(), ())
    if deal.aliases:
        t.add("aliases", ", ".join(deal.aliases), ())
    if deal.notes:
        t.add("notes", deal.notes.strip(), ())
    return t


def _party(p: Party) -> str:
    text = f"{p.name} ({p.code})"
    if p.gdp_usd_bn is not None:
        text += f"; GDP USD {number(p.gdp_usd_bn)} bn in {p.gdp_year}"
    return text


def totals_table(deal: Deal) -> Table:
    tot = totals(deal)
    head = tot.headline
    t = Table(
        "totals",
        "Headline, committed and candidates",
        [
            Column("measure", "Measure"),
            Column("usd_bn", "USD bn", "amount"),
            Column("share_pct", "% of headline", "pct"),
            Column("allocations", "Allocations", "int"),
            Column("unsized", "Unsized", "int"),
            Column("meaning", "Meaning"),
        ],
    )
    committed = [a for s in STAGES["committed"] for a in counted(deal, s)]
    candidates = counted(deal, "candidate")
    t.add("headline", head, Decimal(100), None, None, f"basis: {deal.headline.basis}")
    t.add(
        "committed",
        tot.committed,
        share(tot.committed, head),
        len(committed),
        sum(a.usd_bn is None for a in committed),
        "selected + funded + operating",
    )
    t.add(
        "uncommitted",
        tot.uncommitted,
        share(tot.uncommitted, head),
        None,
        None,
        "headline - committed",
    )
    t.add(
        "candidates",
        tot.candidates,
        share(tot.candidates, head),
        len(candidates),
        sum(a.usd_bn is None for a in candidates),
        "named possible uses; not added to committed",
    )
    if tot.candidates > head:
        t.notes.append(
            f"candidate amounts add up to {share(tot.candidates, head)}% of the headline: "
            "they are ceilings and expressions of interest, not money allocated"
        )
    if any(a.part_of for a in deal.allocations):
        t.notes.append("projects inside an envelope are counted once, through the envelope")
    return t


def structure(deal: Deal) -> Table:
    n = deal.source_numbers()
    t = Table(
        "structure",
        "Structure (tranches)",
        [
            Column("tranche", "Tranche"),
            Column("label", "Label"),
            Column("instrument", "Instrument"),
            Column("usd_bn", "USD bn", "amount"),
            Column("share_pct", "% of headline", "pct"),
            Column("basis", "Basis"),
            SOURCES,
        ],
    )
    head = deal.headline.usd_bn
    for tr in deal.structure:
        t.add(
            tr.id,
            tr.label,
            tr.instrument,
            tr.usd_bn,
            share(tr.usd_bn, head),
            tr.basis,
            sources_cell(tr.sources, n),
        )
    total = sum((tr.usd_bn for tr in deal.structure), ZERO)
    if deal.structure and total != head:
        t.notes.append(f"tranches add up to {number(total)}, not the headline {number(head)}")
    return t


def sectors(deal: Deal) -> Table:
    """Per sector: candidate and committed money in separate columns, never added together."""
    head = deal.headline.usd_bn
    t = Table(
        "sectors",
        "Sectors",
        [
            Column("sector", "Sector"),
            Column("candidate_usd_bn", "Candidates USD bn", "amount"),
            Column("candidate_share_pct", "Cand. % of headline", "pct"),
            Column("committed_usd_bn", "Committed USD bn", "amount"),
            Column("committed_share_pct", "Comm. % of headline", "pct"),
            Column("allocations", "Allocations", "int"),
            Column("unsized", "Unsized", "int"),
        ],
    )
    groups = group(deal, "sector", list(STAGES)).values()
    # committed money first, then candidates: the two are ranked in turn, never added
    for g in sorted(
        groups, key=lambda g: (-g.amount("committed"), -g.amount("candidate"), g.label)
    ):
        c, m = g.amount("candidate"), g.amount("committed")
        t.add(g.label, c, share(c, head), m, share(m, head), g.count, g.unsized)
    t.notes.append(
        "allocations: those in the totals (not cancelled ones, nor projects in a counted envelope)"
    )
    return t


def companies(deal: Deal) -> Table:
    n = deal.source_numbers()
    t = Table(
        "companies",
        "Companies",
        [
            Column("company", "Company"),
            Column("country", "Home"),
            Column("role", "Role"),
            Column("projects", "Projects"),
            Column("candidate_usd_bn", "Candidates USD bn", "amount"),
            Column("committed_usd_bn", "Committed USD bn", "amount"),
            SOURCES,
        ],
    )

    for r in company_rows([deal]):
        lead = r.role == "lead"
        t.add(
            r.name,
            r.country,
            r.role,
            "; ".join(r.projects),
            r.candidate if lead else None,
            r.committed if lead else None,
            sources_cell(r.sources, n),
        )
    if any(len(a.leads) > 1 for a in deal.allocations):
        t.notes.append("a project with several leads is split evenly among them")
    t.notes.append(
        "amounts are those of the projects a company leads; partners are shown without one"
    )
    return t


def allocations(deal: Deal) -> Table:
    n = deal.source_numbers()
    head = deal.headline.usd_bn
    t = Table(
        "allocations",
        "Allocations",
        [
            Column("id", "Id"),
            Column("title", "Title"),
            Column("sector", "Sector"),
            Column("status", "Status"),
            Column("usd_bn", "USD bn", "amount"),
            Column("basis", "Basis"),
            Column("share_pct", "% of headline", "pct"),
            Column("date", "Date", "date"),
            Column("lead", "Lead"),
            Column("part_of", "Part of"),
            SOURCES,
        ],
    )
    for a in _envelope_order(deal):
        leads = ", ".join(f"{c.name} ({c.country})" for c in a.leads)
        title = ("  - " if a.part_of else "") + a.title
        t.add(
            a.id,
            title,
            a.sector,
            a.status,
            a.usd_bn,
            a.basis,
            share(a.usd_bn, head),
            a.date,
            leads,
            a.part_of,
            sources_cell(a.sources, n),
        )
    return t


def _envelope_order(deal: Deal) -> list[Allocation]:
    """Allocations in file order, each envelope followed by its parts."""
    parts: dict[str, list[Allocation]] = {}
    for a in deal.allocations:
        if a.part_of:
            parts.setdefault(a.part_of, []).append(a)
    out = []
    for a in deal.allocations:
        if not a.part_of:
            out.append(a)
            out.extend(parts.get(a.id, []))
    return out


def terms(deal: Deal, today: date | None = None) -> Table:
    today = today or date.today()
    n = deal.source_numbers()
    t = Table(
        "terms",
        "Key terms",
        [
            Column("term", "Term"),
            Column("label", "Label"),
            Column("value", "Value"),
            Column("pct", "%", "number"),
            Column("usd_bn", "USD bn", "amount"),
            Column("authority", "Authority"),
            Column("from", "From", "date"),
            Column("to", "To", "date"),
            Column("state", "State"),
            SOURCES,
        ],
    )
    for term in deal.terms:
        state = "lapsed" if term.lapsed(today) else ("in force" if term.from_ else "")
        t.add(
            term.id,
            term.label,
            term.value,
            term.pct,
            term.usd_bn,
            term.authority,
            term.from_,
            term.to,
            state,
            sources_cell(term.sources, n),
        )
    return t


def commitments(deal: Deal) -> Table:
    n = deal.source_numbers()
    t = Table(
        "commitments",
        "Commitments by area",
        [
            Column("area", "Area"),
            Column("party", "Promised by"),
            Column("commitment", "Id"),
            Column("title", "Commitment"),
            Column("detail", "Detail"),
            Column("usd_bn", "USD bn", "amount"),
            Column("basis", "Basis"),
            SOURCES,
        ],
    )
    parties = {"investor": deal.investor.name, "host": deal.host.name}
    for c in sorted(deal.commitments, key=lambda c: c.area):
        t.add(
            c.area,
            parties[c.party],
            c.id,
            c.title,
            c.detail,
            c.usd_bn,
            c.basis,
            sources_cell(c.sources, n),
        )
    return t


def timeline(deal: Deal) -> Table:
    n = deal.source_numbers()
    t = Table(
        "timeline", "Timeline", [Column("date", "Date", "date"), Column("event", "Event"), SOURCES]
    )
    for e in sorted(deal.timeline, key=lambda e: e.date):
        t.add(e.date, e.title, sources_cell(e.sources, n))
    return t


def sources(deal: Deal) -> Table:
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
            Column("url", "URL"),
        ],
    )
    for i, s in enumerate(deal.sources, 1):
        t.add(i, s.id, s.title, s.publisher, s.date, s.kind, s.url)
    return t


SECTIONS: dict[str, Callable[[Deal], Table]] = {
    "overview": overview,
    "totals": totals_table,
    "structure": structure,
    "sectors": sectors,
    "companies": companies,
    "allocations": allocations,
    "terms": terms,
    "commitments": commitments,
    "timeline": timeline,
    "sources": sources,
}


def show(deal: Deal, sections: Iterable[str] = ()) -> Report:
    wanted = list(sections) or list(SECTIONS)
    unknown = [s for s in wanted if s not in SECTIONS]
    if unknown:
        raise UsageError(
            f"no section named {', '.join(repr(s) for s in unknown)}; "
            f"choose from {', '.join(SECTIONS)}"
        )
    tables = [SECTIONS[s](deal) for s in wanted]
    return Report(deal.title, tables, caption(deal))
