"""Rules across the fields of a deal file: ids, the references between them, and dates
that must come in order. Checked on the raw data where possible, so that they show even
beside type errors."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from datetime import date
from typing import Any

from . import model
from .errors import Problem
from .model import Deal
from .problems import Path_, Pos, short
from .problems import problem as _problem


def reference_problems(
    path: str, raw: dict[str, Any], positions: dict[Path_, Pos]
) -> Iterator[Problem]:
    """Ids and references, checked on the raw data so they show even beside type errors."""
    defined = {_text(s.get("id")) for s in _dicts(raw.get("sources"))}
    known = [d for d in defined if isinstance(d, str)]
    undefined = 0
    for loc, ids in _source_lists(raw):
        for i, sid in enumerate(ids):
            if isinstance(sid, str) and sid not in defined:
                undefined += 1
                # a suggestion costs a comparison with every id: only for the ones shown
                close = difflib.get_close_matches(sid, known, 1) if undefined <= 50 else []
                more = f"did you mean '{short(close[0])}'? " if close else ""
                yield _problem(
                    path,
                    positions,
                    (*loc, i),
                    f"source '{short(sid)}' is not defined",
                    more + "add it under `sources:` or fix the id",
                )
    for section in ("sources", "structure", "terms", "allocations", "commitments"):
        first: dict[Any, int] = {}
        for i, item in enumerate(_dicts(raw.get(section))):
            ident = _text(item.get("id"))
            if ident is not None and ident in first:
                yield _problem(
                    path,
                    positions,
                    (section, i, "id"),
                    f"id '{short(ident)}' is used twice in {section} "
                    f"(also item {first[ident] + 1})",
                    "give each a distinct id",
                )
            first.setdefault(ident, i)
    tranches = {_text(t.get("id")) for t in _dicts(raw.get("structure"))}
    allocs = {_text(a.get("id")): a for a in _dicts(raw.get("allocations"))}
    for i, a in enumerate(_dicts(raw.get("allocations"))):
        tranche = _text(a.get("tranche"))
        if tranche is not None and tranche not in tranches:
            yield _problem(
                path,
                positions,
                ("allocations", i, "tranche"),
                f"tranche '{short(tranche)}' is not defined",
                "name the id of an item under `structure:`",
            )
        parent = _text(a.get("part_of"))
        if parent is not None and (parent not in allocs or parent == a.get("id")):
            yield _problem(
                path,
                positions,
                ("allocations", i, "part_of"),
                f"part_of '{short(parent)}' is not another allocation of this deal",
                "name the id of the envelope this project belongs to",
            )
        elif parent is not None and allocs[parent].get("part_of") is not None:
            yield _problem(
                path,
                positions,
                ("allocations", i, "part_of"),
                f"'{short(parent)}' is itself part of another allocation",
                "point part_of at the outermost envelope",
            )
    for section in ("allocations", "commitments"):
        for i, item in enumerate(_dicts(raw.get(section))):
            if item.get("usd_bn") is not None and item.get("basis") is None:
                yield _problem(
                    path,
                    positions,
                    (section, i, "usd_bn"),
                    "an amount needs its basis",
                    "add `basis: committed`, `up_to`, `target`, `estimate` or `reported`",
                )
    investor = raw.get("investor")
    if isinstance(investor, dict) and investor.get("gdp_usd_bn") is not None:
        for key in ("gdp_year", "sources"):
            if not investor.get(key):
                yield _problem(
                    path,
                    positions,
                    ("investor", "gdp_usd_bn"),
                    f"a GDP figure needs its {key.replace('gdp_', '')}",
                    f"add `{key}:` to investor",
                )


def _text(value: Any) -> str | None:
    """An id as written, or None when it is not text (the type check reports that)."""
    return value if isinstance(value, str) else None


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _source_lists(raw: dict[str, Any]) -> Iterator[tuple[Path_, list[Any]]]:
    for key in ("investor", "host", "headline", "period", "profit_split", "capacity"):
        part = raw.get(key)
        if isinstance(part, dict) and isinstance(part.get("sources"), list):
            yield (key, "sources"), part["sources"]
    for section in ("structure", "terms", "allocations", "commitments", "timeline"):
        for i, item in enumerate(_dicts(raw.get(section))):
            if isinstance(item.get("sources"), list):
                yield (section, i, "sources"), item["sources"]
    for loc, item in _items(raw):
        yield from _nested_source_lists(loc, item)
    capacity = raw.get("capacity")  # its own sources are above; its funding's here
    for i, item in enumerate(_dicts(capacity.get("funding") if isinstance(capacity, dict) else [])):
        if isinstance(item.get("sources"), list):
            yield ("capacity", "funding", i, "sources"), item["sources"]


def _items(raw: dict[str, Any]) -> Iterator[tuple[Path_, dict[str, Any]]]:
    """The headline, tranches and allocations: the parts that may carry format 2 figures."""
    if isinstance(raw.get("headline"), dict):
        yield ("headline",), raw["headline"]
    for section in ("structure", "allocations"):
        for i, item in enumerate(_dicts(raw.get(section))):
            yield (section, i), item


def _nested_source_lists(loc: Path_, item: dict[str, Any]) -> Iterator[tuple[Path_, list[Any]]]:
    """Sources of `local`, `history` and `alternatives` (format 2)."""
    local = item.get("local")
    if isinstance(local, dict) and isinstance(local.get("sources"), list):
        yield (*loc, "local", "sources"), local["sources"]
    for key in ("history", "alternatives"):
        for j, step in enumerate(_dicts(item.get(key))):
            if isinstance(step.get("sources"), list):
                yield (*loc, key, j, "sources"), step["sources"]


def period_problems(path: str, deal: Deal, positions: dict[Path_, Pos]) -> Iterator[Problem]:
    """A period, or a term's validity, that ends before it starts."""
    spans: list[tuple[Path_, date | None, date | None]] = []
    if deal.period is not None:
        spans.append((("period",), deal.period.from_, deal.period.to))
    spans += [(("terms", i), t.from_, t.to) for i, t in enumerate(deal.terms)]
    for loc, start, end in spans:
        if start is not None and end is not None and start > end:
            yield _problem(
                path,
                positions,
                (*loc, "from"),
                f"from {start} is after to {end}",
                "swap the two dates: `from` is the first day, `to` the last",
            )


# -- the same rules on a built deal (the cache's check: cache.py rebuilds deals unvalidated) --


def references_hold(deal: Deal) -> bool:
    """True when `reference_problems` would find nothing in the file this deal was built
    from: the same rules, read from the dataclasses instead of the parsed mappings."""
    defined = {s.id for s in deal.sources}
    if not all(defined.issuperset(ids) for ids in _built_source_lists(deal)):
        return False
    for section in (deal.sources, deal.structure, deal.terms, deal.allocations, deal.commitments):
        if len({item.id for item in section}) != len(section):
            return False
    tranches = {t.id for t in deal.structure}
    allocs = {a.id: a for a in deal.allocations}
    for a in deal.allocations:
        if a.tranche is not None and a.tranche not in tranches:
            return False
        if a.part_of is not None:
            parent = allocs.get(a.part_of)
            if parent is None or a.part_of == a.id or parent.part_of is not None:
                return False
    for money in (deal.allocations, deal.commitments):
        if any(item.usd_bn is not None and item.basis is None for item in money):
            return False
    investor = deal.investor
    return investor.gdp_usd_bn is None or bool(investor.gdp_year and investor.sources)


def _built_source_lists(deal: Deal) -> Iterator[tuple[str, ...]]:
    """Every list of source ids `_source_lists` reads, from a built deal."""
    for part in (deal.investor, deal.host, deal.headline, deal.period, deal.profit_split):
        if part is not None:
            yield part.sources
    if deal.capacity is not None:
        yield deal.capacity.sources
        yield from (t.sources for t in deal.capacity.funding)
    for section in (deal.structure, deal.terms, deal.allocations, deal.commitments, deal.timeline):
        yield from (item.sources for item in section)
    items: list[model.Figure | model.Tranche | model.Allocation] = [deal.headline]
    items += [*deal.structure, *deal.allocations]
    for item in items:
        if item.local is not None:
            yield item.local.sources
        for key in ("history", "alternatives"):
            yield from (step.sources for step in getattr(item, key, ()))
