"""`deal diff`: two versions of a deal compared item by item, by id.

Allocations, tranches, terms, commitments and sources are matched by id; events, which have
none, by date and title (an event whose title alone changed, the only one removed and the
only one added on its day, is shown as changed). The deal's own fields (headline, period,
status ...) are one item, `deal`. Each changed field is a row with its old and new value.
Two versions of a context record compare the same way: its own fields (`record`), its
events and its sources by id; a record has no totals.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from ..core.model import Context, Deal, Event
from ..core.table import Column, Report, Table, number
from ..core.totals import totals

SECTIONS = ("deal", "structure", "allocations", "terms", "commitments", "timeline", "sources")
_LISTS = SECTIONS[1:]
RECORD_SECTIONS = ("record", "events", "sources")


def _lists(item: Any) -> tuple[str, ...]:
    """The fields of a deal or a record compared item by item."""
    if isinstance(item, Deal):
        return _LISTS
    return RECORD_SECTIONS[1:] if isinstance(item, Context) else ()


def _key(name: str) -> str:
    return name[:-1] if name.endswith("_") else name  # `from_` is `from` in the file


def plain(value: Any) -> Any:
    """A field's value as a table cell: numbers, dates and text as they are, the rest as text."""
    if value is None or isinstance(value, bool | Decimal | int | date | str):
        return value
    if isinstance(value, tuple):
        if not value:
            return None
        if all(isinstance(v, str) for v in value):
            return ", ".join(value)
        return "; ".join(str(plain(v)) for v in value)
    if dataclasses.is_dataclass(value):
        parts = []
        for f in dataclasses.fields(value):
            v = getattr(value, f.name)
            if v is None or v == () or f.name == "sources":
                continue
            text = number(v) if isinstance(v, Decimal) else str(plain(v))
            parts.append(f"{_key(f.name)}: {text}")
        return "{" + ", ".join(parts) + "}"
    return str(value)


def _label(item: Any) -> str:
    """A one-line description of an added or removed item."""
    text = getattr(item, "title", None) or getattr(item, "label", None) or ""
    if isinstance(item, Event):
        text = f"{item.date}: {item.title}"
    amount = getattr(item, "usd_bn", None)
    status = getattr(item, "status", None)
    extra = [x for x in (status, None if amount is None else number(amount)) if x]
    return f"{text} ({', '.join(extra)})" if extra else text


def _ident(section: str, item: Any) -> str:
    if isinstance(item, Event):
        return f"{item.date} {item.title}"
    return str(item.id)


def _fields(old: Any, new: Any, prefix: str = "") -> Iterator[tuple[str, Any, Any]]:
    """(field, old, new) for each field that differs; a nested record's fields one by one."""
    for f in dataclasses.fields(old):
        a, b = getattr(old, f.name), getattr(new, f.name)
        if a == b:
            continue
        if _record(a) and _record(b):  # headline, period, local ...: field by field
            yield from _fields(a, b, f"{prefix}{_key(f.name)}.")
        elif f.name in _lists(old):
            continue  # compared item by item
        else:
            yield prefix + _key(f.name), plain(a), plain(b)


def _record(value: Any) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def _pair_events(old: dict[str, Event], new: dict[str, Event]) -> dict[str, str]:
    """Old key -> new key for events of one day whose title alone changed."""
    gone = [k for k in old if k not in new]
    came = [k for k in new if k not in old]
    pairs = {}
    for day in {old[k].date for k in gone}:
        a = [k for k in gone if old[k].date == day]
        b = [k for k in came if new[k].date == day]
        if len(a) == 1 and len(b) == 1:
            pairs[a[0]] = b[0]
    return pairs


def changes(
    old: Deal | Context, new: Deal | Context
) -> list[tuple[str, str, str, str | None, Any, Any]]:
    """(section, id, change, field, old, new): every difference, section by section."""
    own = "deal" if isinstance(new, Deal) else "record"
    rows: list[tuple[str, str, str, str | None, Any, Any]] = [
        (own, new.id, "changed", name, a, b) for name, a, b in _fields(old, new)
    ]
    for section in _lists(old):
        before = {_ident(section, i): i for i in getattr(old, section)}
        after = {_ident(section, i): i for i in getattr(new, section)}
        pairs = _pair_events(before, after) if section == "timeline" else {}
        was = {new_key: old_key for old_key, new_key in pairs.items()}
        for key, item in after.items():
            old_key = key if key in before else was.get(key)
            if old_key is None:
                rows.append((section, key, "added", None, None, _label(item)))
                continue
            for name, a, b in _fields(before[old_key], item):
                rows.append((section, key, "changed", name, a, b))
        for key, item in before.items():
            if key not in after and key not in pairs:
                rows.append((section, key, "removed", None, _label(item), None))
    return rows


def diff(old: Deal | Context, new: Deal | Context, old_name: str, new_name: str) -> Report:
    t = Table(
        "changes",
        "Changes",
        [
            Column("part", "Part"),
            Column("id", "Id"),
            Column("change", "Change"),
            Column("field", "Field"),
            Column("old", "Old"),
            Column("new", "New"),
        ],
    )
    for row in changes(old, new):
        t.add(*row)
    counts = {c: sum(r[2] == c for r in t.rows) for c in ("added", "removed", "changed")}
    if t.rows:
        t.notes.append(
            f"{counts['added']} added, {counts['removed']} removed, "
            f"{counts['changed']} fields changed"
        )
    else:
        t.notes.append("the two versions are the same")
    if not (isinstance(old, Deal) and isinstance(new, Deal)):
        return Report(f"{old_name} -> {new_name}", [t], sectioned=True)
    a, b = totals(old), totals(new)
    tot = Table(
        "totals",
        "Change in totals",
        [
            Column("measure", "Measure"),
            Column("old_usd_bn", "Old USD bn", "amount"),
            Column("new_usd_bn", "New USD bn", "amount"),
            Column("change_usd_bn", "Change USD bn", "amount"),
        ],
    )
    for measure, x, y in (
        ("pledged", a.headline, b.headline),
        ("selected", a.selected, b.selected),
        ("unselected", a.unselected, b.unselected),
        ("candidates", a.candidates, b.candidates),
    ):
        tot.add(measure, x, y, y - x)
    return Report(f"{old_name} -> {new_name}", [t, tot], sectioned=True)


def same(report: Report) -> bool:
    return not report.table("changes").rows
