"""json and jsonl, numbers written from the exact decimal, keys in column order.

Text is written exactly as the deal has it: a control character becomes a
JSON escape (`\\u001b`), which is inert in JSON text and decodes back to the
same character.

One shape per command: a multi-table command (`sectioned`) gives an object
keyed by section and jsonl lines with a `section` key, however many tables
are shown; any other command gives an array and bare records.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..core.table import number
from ..gates import json_string

if TYPE_CHECKING:
    from ..core.table import Report, Table


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
        return json_string(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{dumps(str(k))}: {dumps(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(dumps(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _rows(table: Table) -> list[str]:
    return [dumps(r) for r in table.records()]


def render_json(report: Report, sectioned: bool) -> str:
    if not sectioned:
        rows = [row for t in report.tables for row in _rows(t)]
        return _array(rows, "  ") + "\n"
    parts = [f"  {dumps(t.name)}: {_array(_rows(t), '    ')}" for t in report.tables]
    return ("{\n" + ",\n".join(parts) + "\n}" if parts else "{}") + "\n"


def _array(items: list[str], indent: str) -> str:
    if not items:
        return "[]"
    return "[\n" + ",\n".join(indent + i for i in items) + "\n" + indent[:-2] + "]"


def render_jsonl(report: Report, sectioned: bool) -> str:
    lines = []
    for table in report.tables:
        for record in table.records():
            lines.append(dumps({"section": table.name, **record} if sectioned else record))
    return "".join(line + "\n" for line in lines)
