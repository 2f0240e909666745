"""json and jsonl, numbers written from the exact decimal, keys in column order."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..table import number
from .cells import clean

if TYPE_CHECKING:
    from ..table import Report, Table


def dumps(value: Any) -> str:
    """JSON text for the values tables hold; Decimals stay exact (never via float)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal | int):
        return number(value)
    if isinstance(value, date):
        return json.dumps(value.isoformat())
    if isinstance(value, str):
        return json.dumps(clean(value), ensure_ascii=False)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{dumps(str(k))}: {dumps(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(dumps(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _rows(table: Table) -> list[str]:
    return [dumps(r) for r in table.records()]


def render_json(report: Report) -> str:
    if len(report.tables) == 1:
        body = _array(_rows(report.tables[0]), "  ")
    else:
        parts = [f"  {dumps(t.name)}: {_array(_rows(t), '    ')}" for t in report.tables]
        body = "{\n" + ",\n".join(parts) + "\n}"
    return body + "\n"


def _array(items: list[str], indent: str) -> str:
    if not items:
        return "[]"
    return "[\n" + ",\n".join(indent + i for i in items) + "\n" + indent[:-2] + "]"


def render_jsonl(report: Report) -> str:
    several = len(report.tables) > 1
    lines = []
    for table in report.tables:
        for record in table.records():
            lines.append(dumps({"section": table.name, **record} if several else record))
    return "".join(line + "\n" for line in lines)
