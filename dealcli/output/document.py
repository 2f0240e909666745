"""`deal export -f json`: every deal as its file would hold it, in one JSON array."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from ..core.model import Deal
from ..core.table import number
from ..gates import json_string
from ..render.jsonfmt import dumps
from .files import write_output


def document(value: Any) -> str:
    """A deal (or a part of one) as its file would hold it, as JSON text: YAML keys, defaults
    left out; written as the deal is walked, no mapping built first."""
    kind = type(value)
    if kind is str:
        return json_string(value)
    if kind is Decimal:
        return number(value)
    if kind is tuple:
        return "[" + ", ".join(map(document, value)) + "]"
    if kind is date:
        return f'"{value.isoformat()}"'
    plan = _plan(value)
    if plan is None:
        return dumps(value)
    parts = []
    for name, key, default in plan:
        v = getattr(value, name)
        if v is None or (type(v) is tuple and not v) or (default is not None and v == default):
            continue
        parts.append(key + document(v))
    return "{" + ", ".join(parts) + "}"


def _texts(deal: Deal) -> Iterator[str]:
    """`document(deal)` in pieces, its lists an item at a time: a deal of thousands of
    allocations is never held as one text."""
    plan = _plan(deal)
    if plan is None:
        yield document(deal)
        return
    sep = "{"
    for name, key, default in plan:
        v = getattr(deal, name)
        if v is None or (type(v) is tuple and not v) or (default is not None and v == default):
            continue
        if type(v) is tuple:
            yield sep + key + "["
            yield from _joined(map(document, v))
            yield "]"
        else:
            yield sep + key + document(v)
        sep = ", "
    yield "{}" if sep == "{" else "}"


def _joined(texts: Iterator[str]) -> Iterator[str]:
    first = next(texts)
    yield first
    for text in texts:
        yield ", " + text


def _plan(value: Any) -> list[tuple[str, str, str | None]] | None:
    """A dataclass's fields, their keys as JSON and the value left out besides None and ();
    None for anything else."""
    kind = type(value)
    plan = _PLANS.get(kind)
    if plan is None:
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            return None
        plan = _PLANS[kind] = [
            (f.name, dumps(f.name.rstrip("_")) + ": ", "investor" if f.name == "party" else None)
            for f in dataclasses.fields(value)
        ]
    return plan


_PLANS: dict[type, list[tuple[str, str, str | None]]] = {}
_PIECE = 64 * 1024  # characters gathered before they are written


def to_json(deals: Iterable[Deal], path: Path, stdout: TextIO | None = None) -> None:
    """One JSON array, written a deal at a time (to stdout, `-o -`, as one text)."""

    def pieces() -> Iterator[str]:
        held, size = ["[\n"], 2
        for n, d in enumerate(deals):
            if n:
                held.append(",\n")
            for text in _texts(d):
                held.append(text)
                size += len(text)
                if size >= _PIECE:  # written in pieces of a steady size, whatever the deals
                    yield "".join(held)
                    held.clear()
                    size = 0
        held.append("\n]\n")
        yield "".join(held)

    if str(path) == "-" and stdout is not None:
        write_output(path, "".join(pieces()), stdout=stdout)
    else:
        write_output(path, (p.encode("utf-8") for p in pieces()))
