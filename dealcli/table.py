"""Neutral tables: what every view returns and every renderer accepts.

A view knows nothing of formats; a renderer knows nothing of deals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

Kind = Literal["text", "amount", "pct", "int", "date", "number", "sources"]
NUMERIC: tuple[Kind, ...] = ("amount", "pct", "int", "number")  # right-aligned for people


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # stable snake_case name that carries its unit: usd_bn, share_pct
    label: str  # header for people
    kind: Kind = "text"
    extra: bool = False  # shown only when asked for (the `sources` column)


@dataclass
class Table:
    name: str  # section name, usable with --section
    title: str
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *cells: Any) -> None:
        if len(cells) != len(self.columns):
            raise ValueError(f"{self.name}: {len(cells)} cells for {len(self.columns)} columns")
        self.rows.append(list(cells))

    def records(self) -> list[dict[str, Any]]:
        keys = [c.key for c in self.columns]
        return [dict(zip(keys, row, strict=True)) for row in self.rows]


@dataclass
class Report:
    title: str
    tables: list[Table]
    caption: str = ""  # shown under the title in a terminal, e.g. "data checked to 2026-03-20"
    chart: bool = False  # `--format table` draws bars of the share_pct column
    # a command of several sections (show, compare, flows): json keyed by section and jsonl
    # with `section`, whatever sections are asked for, so its shape never changes
    sectioned: bool = False

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)


def sources_cell(ids: tuple[str, ...], numbers: dict[str, int]) -> tuple[int, ...]:
    """Source numbers behind a row, as `deal sources` numbers them."""
    return tuple(sorted({numbers[i] for i in ids if i in numbers}))


SOURCES = Column("sources", "Sources", "sources", extra=True)


def number(value: Decimal | int) -> str:
    """An exact number as plain digits: 550, 0.35, 66.67 (never 5.5E+2)."""
    if isinstance(value, int):
        return str(value)
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
