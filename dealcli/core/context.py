"""Context records: US-wide events (tariff orders, court rulings) kept once, in a
`context/` folder beside a folder's deals, and read with every deal that names them.

A deal names records in its `context:` list: `us-tariffs` takes the record's events that
bear on the deal (an event with no `authority`, or one whose authority begins one of the
deal's terms' `authority`), `us-tariffs/EVENT` one event whatever its authority. Records
are read only when a command shows them, so listing and comparing deals never reads one;
each folder caches its records beside its deals (one file, by the files' stamps), so a
warm run validates nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path

from .cache import Folder, cache_problem, encode, ignore
from .decode import decode_record
from .errors import Problem
from .model import Context, ContextEvent, Deal
from .reading import CONTEXT_DIR, read_limited, read_record_bytes
from .record import Record, record

CACHE_NAME = "context.json"


@record
class Bearing(Record):
    """One context event as a deal reads it: the record it is from, and the event."""

    record: Context
    event: ContextEvent


def ignore_notice(text: str) -> None:
    """The `notices` of a caller that reports none."""


Scan = Callable[[Path], tuple[dict[str, list[int]], list[Problem]]]


def load_records(
    folders: Iterable[tuple[Path, Path | None]],
    scan: Scan,
    problems: Callable[[Problem], None] = ignore,
    notices: Callable[[str], None] = ignore_notice,
) -> dict[str, Context]:
    """The records of each folder's `context/` folder (listed by `scan`, as the registry
    lists deal files), by id, a later folder's replacing an earlier one's (with a notice); a
    broken record is left out and its problems reported."""
    records: dict[str, Context] = {}
    where: dict[str, str] = {}
    for folder, cache_dir in folders:
        sub = folder / CONTEXT_DIR
        if not sub.is_dir():
            continue
        cache = Folder(sub, cache_dir, problems)
        files, warnings = scan(sub)
        for w in warnings:
            problems(w)
        stored = cache.read(CACHE_NAME)
        known = stored if isinstance(stored, dict) else {}
        kept: dict[str, list[object]] = {}
        for name in sorted(files):
            path = sub / name
            record = _cached(known.get(name), files[name])
            if record is None:
                record = _fresh(path, problems)
                if record is not None:
                    kept[name] = [files[name], encode(record)]
            else:
                kept[name] = known[name]
            if record is None:
                continue
            if record.id in records:
                notices(
                    f"{path}: context record '{record.id}' replaces the one in {where[record.id]}"
                )
            records[record.id], where[record.id] = record, str(path)
        if kept != known:
            cache.write(cache.cached(CACHE_NAME), kept)
    return records


def _cached(entry: object, stamp: list[int]) -> Context | None:
    if not (isinstance(entry, list) and len(entry) == 2 and entry[0] == stamp):
        return None
    try:
        return decode_record(entry[1])
    except Exception:  # a damaged or planted entry: the file is read again
        return None


def _fresh(path: Path, problems: Callable[[Problem], None]) -> Context | None:
    data, problem = read_limited(path)
    if data is None:
        if problem is not None:
            problems(problem)
        return None
    record, found = read_record_bytes(path, data)
    for p in found:
        problems(p)
    if record is None and not found:
        problems(cache_problem(path, "not a context record"))
    return record


_WORD = re.compile(r"\w")


def _names(authority: str, event: str) -> bool:
    """Whether a term's authority names the event's: it begins with it, at a word's end
    ("Section 232 (joint statement)" names "Section 232"; "Section 2320" does not)."""
    a, e = authority.casefold(), event.casefold()
    return a.startswith(e) and not _WORD.match(a[len(e) : len(e) + 1] or " ")


def bearing(deal: Deal, records: Mapping[str, Context]) -> list[Bearing]:
    """The context events that bear on `deal`, by date, each once."""
    authorities = [t.authority for t in deal.terms if t.authority]
    found: dict[tuple[str, str], Bearing] = {}
    for ref in deal.context:
        record_id, _, event_id = ref.partition("/")
        record = records.get(record_id)
        if record is None:
            continue
        for e in record.events:
            if event_id:
                hit = e.id == event_id
            else:
                hit = e.authority is None or any(_names(a, e.authority) for a in authorities)
            if hit:
                found.setdefault((record.id, e.id), Bearing(record, e))
    return sorted(found.values(), key=lambda b: (b.event.date, b.record.id, b.event.id))


def unknown_refs(deal: Deal, records: Mapping[str, Context]) -> list[str]:
    """The deal's `context` entries that name no record loaded, or no event of it."""
    out = []
    for ref in deal.context:
        record_id, _, event_id = ref.partition("/")
        record = records.get(record_id)
        if record is None or (event_id and all(e.id != event_id for e in record.events)):
            out.append(ref)
    return out


def of_deals(deals: Iterable[Deal], records: Mapping[str, Context]) -> list[Bearing]:
    """The context events that bear on any of `deals`, each once, by date."""
    found: dict[tuple[str, str], Bearing] = {}
    for deal in deals:
        for b in bearing(deal, records):
            found.setdefault((b.record.id, b.event.id), b)
    return sorted(found.values(), key=lambda b: (b.event.date, b.record.id, b.event.id))


def until(events: Iterable[Bearing], day: date | None) -> list[Bearing]:
    """The events on or before `day` (all when None): the as-of view of a record."""
    return [b for b in events if day is None or b.event.date <= day]
