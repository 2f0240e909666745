"""The rules that only format 2 files meet: source kinds and hosts, confidence, history."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator
from typing import Any

from . import model
from .errors import Problem
from .hosts import flagged, is_government
from .model import Deal
from .problems import Path_, Pos, problem, short

# Keys that only format 2 knows; a format 1 file that uses one is told to say `format: 2`.
_FORMAT2_KEYS = frozenset(
    {"confidence", "local", "history", "alternatives", "scope", "binding", "via", "original_url"}
    | {"outside_pledge", "profit_split", "capacity", "context", "note", "known_to"}
)
_FORMAT2_KINDS = frozenset({"company", "repost", "aggregator"})
_CONTAINERS = (dict, list)


def format2_problems(
    path: str, raw: dict[str, Any], deal: Deal, positions: dict[Path_, Pos]
) -> Iterator[Problem]:
    if deal.format == 1:
        for loc in _format2_uses(raw, ()):
            yield problem(
                path,
                positions,
                loc,
                f"'{loc[-1]}' is a format 2 key"
                if isinstance(loc[-1], str) and loc[-1] != "kind"
                else "this source kind is new in format 2",
                "say `format: 2` at the top of the file",
            )
        return
    kinds = {s.id: s.kind for s in deal.sources}
    for loc, item in _confidence_items(deal):
        only_aggregators = all(kinds.get(s) == "aggregator" for s in item.sources)
        if item.sources and only_aggregators and item.confidence != "unconfirmed":
            yield problem(
                path,
                positions,
                loc,
                "every source of this item is an aggregator",
                "add a primary or press source, or say `confidence: unconfirmed`",
            )
    for i, a in enumerate(deal.allocations):
        yield from _history_problems(path, positions, ("allocations", i), a)
    steps = deal.headline.history
    if steps and steps[-1].usd_bn != deal.headline.usd_bn:
        yield problem(
            path,
            positions,
            ("headline", "history", len(steps) - 1),
            f"the last history entry says {steps[-1].usd_bn}, the headline {deal.headline.usd_bn}",
            "the headline's own usd_bn is its latest value: make the two agree",
        )
    yield from _order_problems(path, positions, ("headline", "history"), [s.date for s in steps])
    for i, src in enumerate(deal.sources):
        yield from _source_warnings(path, positions, i, src)
    tranches = {t.id for t in deal.structure}
    for i, tid in enumerate(deal.profit_split.covers if deal.profit_split else ()):
        if tid not in tranches:
            loc = ("profit_split", "covers", i)
            hint = "name the id of an item under `structure:`"
            yield problem(path, positions, loc, f"tranche '{tid}' is not defined", hint)


def _format2_uses(value: Any, loc: Path_) -> list[Path_]:
    """Where a format 2 key (or source kind) is used, depth first; one walk with one path
    that grows and shrinks, so that only the places found become tuples."""
    found: list[Path_] = []
    path: list[Any] = list(loc)

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, sub in value.items():
                if key in _FORMAT2_KEYS or (key == "kind" and sub in _FORMAT2_KINDS):
                    found.append((*path, key))
                elif isinstance(sub, _CONTAINERS):
                    path.append(key)
                    walk(sub)
                    path.pop()
        elif isinstance(value, list):
            for i, sub in enumerate(value):
                if isinstance(sub, _CONTAINERS):
                    path.append(i)
                    walk(sub)
                    path.pop()

    walk(value)
    return found


def _confidence_items(deal: Deal) -> Iterator[tuple[Path_, Any]]:
    yield ("headline",), deal.headline
    for section in ("structure", "terms", "allocations", "commitments", "timeline"):
        for i, item in enumerate(getattr(deal, section)):
            yield (section, i), item


def _history_problems(
    path: str, positions: dict[Path_, Pos], loc: Path_, a: model.Allocation
) -> Iterator[Problem]:
    if not a.history:
        return
    last = a.history[-1]
    if (
        last.status != a.status
        or last.date != a.date
        or (last.usd_bn is not None and last.usd_bn != a.usd_bn)
    ):
        yield problem(
            path,
            positions,
            (*loc, "history", len(a.history) - 1),
            "the last history entry is not the allocation as it stands "
            f"(history: {last.status} from {last.date}; allocation: {a.status} from {a.date})",
            "the allocation's own status, date and usd_bn are its latest entry: make them agree",
        )
    yield from _order_problems(path, positions, (*loc, "history"), [s.date for s in a.history])


def _order_problems(
    path: str, positions: dict[Path_, Pos], loc: Path_, dates: list[Any]
) -> Iterator[Problem]:
    for j in range(1, len(dates)):
        if dates[j] < dates[j - 1]:
            yield problem(
                path,
                positions,
                (*loc, j, "date"),
                f"history goes back in time ({dates[j]} after {dates[j - 1]})",
                "list history entries oldest first",
            )


def _source_warnings(
    path: str, positions: dict[Path_, Pos], i: int, src: model.Source
) -> Iterator[Problem]:
    for key in ("url", "original_url"):
        url = getattr(src, key)
        why = flagged(url) if url else None
        if why is not None:
            yield problem(
                path,
                positions,
                ("sources", i, key),
                f"'{short(src.id)}' is on {why}, which readers cannot rely on",
                "cite the publisher's own page (keep `via:` and mark what it alone backs "
                "`confidence: unconfirmed` when no original is found)",
                warning=True,
            )
    if src.kind == "official" and not is_government(src.url):
        yield problem(
            path,
            positions,
            ("sources", i, "kind"),
            f"'{short(src.id)}' is marked official but is not on a government's own site",
            "use `kind: repost` with `via:` (and `original_url:`), or cite the government's page",
            warning=True,
        )
    if src.kind == "repost" and src.via is None:
        yield problem(
            path,
            positions,
            ("sources", i, "kind"),
            f"repost '{short(src.id)}' does not say where it was read",
            "add `via:` with the site that carried the copy",
            warning=True,
        )


def record_problems(
    path: str, raw: dict[str, Any], record: model.Context | None, positions: dict[Path_, Pos]
) -> Iterator[Problem]:
    """A context record's rules beyond types: every cited source defined, ids unique, an
    event resting only on aggregators says so, sources used and on hosts readers can rely on."""
    listed = raw.get("sources")
    defined = (
        {s.get("id") for s in listed if isinstance(s, dict)} if isinstance(listed, list) else set()
    )
    for section, items in (("sources", raw.get("sources")), ("events", raw.get("events"))):
        seen: set[Any] = set()
        for i, item in enumerate(items if isinstance(items, list) else []):
            ident = item.get("id") if isinstance(item, dict) else None
            if isinstance(ident, str) and ident in seen:
                yield problem(
                    path, positions, (section, i, "id"),
                    f"id '{short(ident)}' is used twice in {section}", "give each a distinct id",
                )  # fmt: skip
            seen.add(ident)
    events = raw.get("events")
    for i, event in enumerate(events if isinstance(events, list) else []):
        cited = event.get("sources") if isinstance(event, dict) else None
        for j, sid in enumerate(cited if isinstance(cited, list) else []):
            if isinstance(sid, str) and sid not in defined:
                yield problem(
                    path, positions, ("events", i, "sources", j),
                    f"source '{short(sid)}' is not defined",
                    "add it under `sources:` or fix the id",
                )  # fmt: skip
    if record is None:
        return
    kinds = {s.id: s.kind for s in record.sources}
    used = {sid for e in record.events for sid in e.sources}
    for i, e in enumerate(record.events):
        only_aggregators = all(kinds.get(s) == "aggregator" for s in e.sources)
        if e.sources and only_aggregators and e.confidence != "unconfirmed":
            yield problem(
                path, positions, ("events", i),
                "every source of this event is an aggregator",
                "add a primary or press source, or say `confidence: unconfirmed`",
            )  # fmt: skip
    for i, src in enumerate(record.sources):
        yield from _source_warnings(path, positions, i, src)
        if src.id not in used:
            yield problem(
                path, positions, ("sources", i, "id"),
                f"source '{short(src.id)}' is not used by any event", "cite it or remove it",
                warning=True,
            )  # fmt: skip


def uses_format2(deal: Deal) -> bool:
    """True when `_format2_uses` would find a format 2 key in the file this deal was built
    from: a field of a format 2 key holding other than its default, anywhere in the deal,
    or a source of a kind new in format 2 (the cache's check, on a built deal)."""
    return _sets_format2(deal)


def _sets_format2(value: Any) -> bool:
    own, nested = _format2_fields(type(value))
    for name, default in own:
        item = getattr(value, name)
        if item is not None and item != () and item != default:
            return True
    if getattr(value, "kind", None) in _FORMAT2_KINDS:
        return True
    for name in nested:
        item = getattr(value, name)
        for sub in item if type(item) is tuple else (item,):
            if sub is not None and _sets_format2(sub):
                return True
    return False


_FIELDS: dict[type, tuple[list[tuple[str, Any]], list[str]]] = {}


def _format2_fields(cls: type) -> tuple[list[tuple[str, Any]], list[str]]:
    """A model class's fields of format 2 keys (with their defaults), and its fields that
    hold model classes where such a field (or a source kind) can be; worked out once per
    class from its type hints."""
    found = _FIELDS.get(cls)
    if found is None:
        hints = model.field_hints(cls)
        own, nested = [], []
        for f in dataclasses.fields(cls):
            if f.name.rstrip("_") in _FORMAT2_KEYS:
                own.append((f.name, f.default))
            elif any(_can_hold_format2(c) for c in _models_in(hints[f.name])):
                nested.append(f.name)
        found = _FIELDS[cls] = (own, nested)
    return found


def _can_hold_format2(cls: type) -> bool:
    own, nested = _format2_fields(cls)
    return bool(own or nested) or "kind" in {f.name for f in dataclasses.fields(cls)}


def _models_in(hint: Any) -> list[type]:
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return [hint]
    return [c for a in typing.get_args(hint) if a is not type(None) for c in _models_in(a)]
