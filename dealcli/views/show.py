"""`deal show`: the whole deal, section by section."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date

from ..core.context import Bearing
from ..core.errors import UsageError
from ..core.model import Allocation, Deal
from ..core.provenance import summary_line
from ..core.table import SOURCES, Column, Report, Share, Table, number, sources_cell
from ..core.totals import STAGES, ZERO, counted, counted_ids, group, share, totals
from .common import LEGEND, basis_words, caption, shown
from .common import stage as _stage
from .companies import company_rows, unled
from .details import commitments, overview, sources, timeline
from .figures import (
    ALTERNATIVES,
    CONFIDENCE,
    Marks,
    alternatives_text,
    check_currency,
    grouped,
    in_currency,
    local_cells,
    local_codes,
    local_columns,
    local_flags,
)
from .summary import key_terms, notes, top_companies, top_sectors


def totals_table(deal: Deal) -> Table:
    tot = totals(deal)
    head = tot.headline
    local = deal.headline.local
    t = Table(
        "totals",
        "Pledged, selected and candidates",
        [
            Column("measure", "Money", main=True),
            Column("usd_bn", "USD bn", "amount"),
            # people read the headline's local amount in its meaning, where there is room
            *(replace(c, files=True) for c in local_columns([deal.headline])),
            Column("share_pct", "% of pledged", "pct"),
            Column("allocations", "Allocations", "int", priority=4),
            Column("unsized", "Unsized", "int", priority=4),
            Column("meaning", "Meaning", priority=2),
        ],
        compact=True,
        legend=LEGEND,
    )
    selected = [a for s in STAGES["selected"] for a in counted(deal, s)]
    candidates = counted(deal, "candidate")
    marks = Marks(deal)
    none = (None, None) if local else ()
    meaning = f"basis: {basis_words(deal.headline.basis)}"
    if local:
        meaning += f"; {local.currency} {grouped(local.bn)} bn announced"
    t.add(
        "pledged",
        head,
        *local_cells(local_codes([deal.headline]), local),
        Share(100),
        None,
        None,
        meaning,
        style="pledged",
        flags=marks.flags(deal.headline, "pledged", name="measure"),
    )
    t.add(
        "selected",
        tot.selected,
        *none,
        share(tot.selected, head),
        len(selected),
        sum(a.usd_bn is None for a in selected),
        "selected + funded + operating",
        style="selected",
    )
    t.add(
        "unselected",
        tot.unselected,
        *none,
        share(tot.unselected, head),
        None,
        None,
        "pledged - selected",
        style="unselected",
    )
    t.add(
        "candidates",
        tot.candidates,
        *none,
        share(tot.candidates, head),
        len(candidates),
        sum(a.usd_bn is None for a in candidates),
        "named possible uses; not counted in selected",
        style="candidate",
    )
    if tot.candidates > head:
        t.notes.append(
            f"candidate amounts add up to {shown(share(tot.candidates, head))} of the pledged "
            "amount: "
            "they are ceilings and expressions of interest, not money allocated"
        )
    if any(a.part_of for a in deal.allocations):
        t.notes.append("projects inside an envelope are counted once, through the envelope")
    t.notes.append(summary_line(deal))
    return marks.close(t)


def structure(deal: Deal) -> Table:
    n = deal.source_numbers()
    t = Table(
        "structure",
        "Structure (tranches)",
        [
            Column("tranche", "Tranche", priority=4),
            Column("label", "Label", main=True),
            Column("instrument", "Instrument", priority=2),
            Column("usd_bn", "USD bn", "amount"),
            *local_columns(deal.structure),
            Column("share_pct", "% of pledged", "pct"),
            Column("basis", "Basis", priority=3, coded=True),
            CONFIDENCE,
            SOURCES,
        ],
    )
    head = deal.headline.usd_bn
    marks = Marks(deal)
    codes = local_codes(deal.structure)
    for tr in deal.structure:
        t.add(
            tr.id,
            tr.label,
            tr.instrument,
            tr.usd_bn,
            *local_cells(codes, tr.local),
            share(tr.usd_bn, head),
            tr.basis,
            tr.confidence,
            sources_cell(tr.sources, n),
            flags=marks.flags(tr, tr.label, name="label") | local_flags(codes, tr.local),
        )
    total = sum((tr.usd_bn for tr in deal.structure), ZERO)
    if deal.structure and total != head:
        t.notes.append(f"tranches add up to {number(total)}, not the pledged {number(head)}")
    return marks.close(t)


def sectors(deal: Deal) -> Table:
    """Per sector: candidate and selected money in separate columns, never added together."""
    head = deal.headline.usd_bn
    t = Table(
        "sectors",
        "Sectors",
        [
            Column("sector", "Sector", main=True),
            Column("candidate_usd_bn", "Candidates USD bn", "amount", style="candidate"),
            Column("candidate_share_pct", "%", "pct", style="candidate"),
            Column("selected_usd_bn", "Selected USD bn", "amount", style="selected"),
            Column("selected_share_pct", "%", "pct", style="selected"),
            Column("allocations", "Allocations", "int", priority=2),
            Column("unsized", "Unsized", "int", priority=3),
        ],
        legend=LEGEND,
    )
    groups = group(deal, "sector", list(STAGES)).values()
    # selected money first, then candidates: the two are ranked in turn, never added
    for g in sorted(groups, key=lambda g: (-g.amount("selected"), -g.amount("candidate"), g.label)):
        c, m = g.amount("candidate"), g.amount("selected")
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
            Column("company", "Company", main=True),
            Column("country", "Home", priority=2),
            Column("role", "Role", priority=2),
            Column("project_titles", "Projects", priority=3),
            Column("candidate_usd_bn", "Candidates USD bn", "amount", style="candidate"),
            Column("selected_usd_bn", "Selected USD bn", "amount", style="selected"),
            SOURCES,
        ],
    )

    rest = unled(deal)  # the companies add up to the totals above them
    for r in [*company_rows([deal], as_totals=True), *rest]:
        lead = r.role != "partner"
        t.add(
            r.name,
            r.country,
            r.role,
            "; ".join(r.projects),
            r.candidate if lead else ZERO,  # a partner leads nothing: 0, not unknown
            r.selected if lead else ZERO,
            sources_cell(r.sources, n),
            style="dim" if r in rest else "",
        )
    if any(len(a.leads) > 1 for a in deal.allocations):
        t.notes.append("a project with several leads is split evenly among them")
    t.notes.append("amounts are those of the projects a company leads; a partner leads none (0)")
    if rest:
        t.notes.append("(no lead named): projects that name no lead company")
    if any(a.part_of for a in deal.allocations):
        t.notes.append("a project inside a counted envelope counts through the envelope")
    return t


def allocations(deal: Deal) -> Table:
    n = deal.source_numbers()
    head = deal.headline.usd_bn
    t = Table(
        "allocations",
        "Allocations",
        [
            Column("id", "Id", priority=5),
            Column("title", "Title", main=True),
            Column("sector", "Sector", priority=3),
            Column("status", "Status"),
            Column("usd_bn", "USD bn", "amount"),
            *local_columns(deal.allocations),
            Column("basis", "Basis", priority=5, coded=True),
            Column("share_pct", "% of pledged", "pct", priority=2),
            Column("date", "Date", "date", priority=4),
            Column("lead", "Lead", priority=4),
            Column("part_of", "Part of", priority=6),
            # files only: a script sums the rows that count (an envelope, not its parts
            # again; no cancelled one) and gets the totals, selected and candidates
            Column("counts_toward_total", "Counts toward total", files=True),
            CONFIDENCE,
            ALTERNATIVES,
            SOURCES,
        ],
        legend=LEGEND,
    )
    marks = Marks(deal)
    counts = counted_ids(deal)
    codes = local_codes(deal.allocations)
    for a in _envelope_order(deal):
        leads = ", ".join(f"{c.name} ({c.country})" for c in a.leads)
        title = ("  - " if a.part_of else "") + a.title
        t.add(
            a.id,
            title,
            a.sector,
            a.status,
            a.usd_bn,
            *local_cells(codes, a.local),
            a.basis,
            share(a.usd_bn, head),
            a.date,
            leads,
            a.part_of,
            a.id in counts,
            a.confidence,
            alternatives_text(deal, a.alternatives) or None,
            sources_cell(a.sources, n),
            style=_stage(a.status),
            flags=marks.flags(a, a.title) | local_flags(codes, a.local),
        )
    return marks.close(t)


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
            Column("term", "Term", priority=5),
            Column("label", "Label", main=True),
            Column("value", "Value"),
            Column("pct", "%", "number", priority=2),
            Column("usd_bn", "USD bn", "amount", priority=2),
            Column("authority", "Authority", priority=4),
            Column("from", "From", "date", priority=3),
            Column("to", "To", "date", priority=3),
            Column("state", "State"),
            CONFIDENCE,
            SOURCES,
        ],
    )
    marks = Marks(deal)
    for term in deal.terms:
        state = "lapsed" if term.lapsed(today) else ("in force" if term.from_ else "")
        state = "not known" if term.unknown(today) else state
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
            term.confidence,
            sources_cell(term.sources, n),
            style="dim" if state == "lapsed" else "",
            flags=marks.flags(term, term.label, amount="label", name="label"),
        )
    t.notes += [f"{term.id}: {term.note}" for term in deal.terms if term.note]
    return marks.close(t)


# In the order `deal show` gives them, in every format: first what fits on one
# screen (totals, top sectors, top companies, key terms), then the details, then
# the overview and the notes (long prose) last.
SECTIONS: dict[str, Callable[..., Table]] = {
    "totals": totals_table,
    "top-sectors": top_sectors,
    "top-companies": top_companies,
    "key-terms": key_terms,
    "sectors": sectors,
    "companies": companies,
    "terms": terms,
    "structure": structure,
    "allocations": allocations,
    "commitments": commitments,
    "timeline": timeline,
    "sources": sources,
    "overview": overview,
    "notes": notes,
}


# Sums over sectors and companies exist only in dollars: left out in another currency
# (unless asked for by name, when their money shows as not announced).
SUMS = ("top-sectors", "top-companies", "sectors", "companies")
DATED = ("terms", "key-terms")  # whether a term is in force depends on the day


def show(
    deal: Deal,
    sections: Iterable[str] = (),
    as_of: date | None = None,
    currency: str | None = None,
    context: Sequence[Bearing] = (),
) -> Report:
    """The deal, section by section; terms in force or lapsed as of `as_of` (default: today);
    money in `currency` at the amounts announced in it, when one is given."""
    code = check_currency(deal, currency) if currency else "USD"
    wanted = list(sections) or [s for s in SECTIONS if code == "USD" or s not in SUMS]
    unknown = [s for s in wanted if s not in SECTIONS]
    if unknown:
        raise UsageError(
            f"no section named {', '.join(repr(s) for s in unknown)}; "
            f"choose from {', '.join(SECTIONS)}"
        )
    tables = [
        SECTIONS[s](deal, today=as_of)
        if s in DATED
        else timeline(deal, context)
        if s == "timeline"
        else SECTIONS[s](deal)
        for s in wanted
    ]
    if code != "USD":
        tables = [in_currency(t, code) for t in tables]
        if not sections:
            tables[0].notes.append(
                "sectors and companies are left out: their sums exist only in USD"
            )
    return Report(deal.title, tables, caption(deal, code), sectioned=True)
