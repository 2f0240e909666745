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
    plan = _PLANS.get(kind)
    if plan is None:
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            return dumps(value)
        plan = _PLANS[kind] = [
            (f.name, dumps(f.name.rstrip("_")) + ": ", "investor" if f.name == "party" else None)
            for f in dataclasses.fields(value)
        ]
    parts = []
    for name, key, default in plan:
        v = getattr(value, name)
        if v is None or (type(v) is tuple and not v) or (default is not None and v == default):
            continue
        parts.append(key + document(v))
    return "{" + ", ".join(parts) + "}"


# a class's fields, their keys as JSON, and the value left out besides None and ()
_PLANS: dict[type, list[tuple[str, str, str | None]]] = {}


def to_json(deals: Iterable[Deal], path: Path, stdout: TextIO | None = None) -> None:
    """One JSON array, written a deal at a time (to stdout, `-o -`, as one text)."""

    def pieces() -> Iterator[str]:
        yield "[\n"
        for n, d in enumerate(deals):
            yield (",\n" if n else "") + document(d)
        yield "\n]\n"

    if str(path) == "-" and stdout is not None:
        write_output(path, "".join(pieces()), stdout=stdout)
    else:
        write_output(path, (p.encode("utf-8") for p in pieces()))
