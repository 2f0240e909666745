"""Cell text: control and invisible characters shown, numbers exact, formulas defused."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from ..core.table import Share, number, rounded
from ..gates import clean

_ITEM = re.compile(r"([-*\u2022]|\d+[.)])\s")  # a list item starts a new line


def raw_text(value: Any) -> str:
    """A cell as machine-readable text (csv, tsv, plain)."""
    if type(value) is str:  # the most common cell first
        return clean(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal | int):
        return number(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return ",".join(raw_text(v) for v in value)
    return clean(str(value))


SHOWN_PLACES = 1  # decimals of a share shown to people: 54.5%
AMOUNT_PLACES = 2  # at most, for amounts shown to people: 456.45, 108.7, 550


def human(value: Any, kind: str) -> str:
    """A cell as people read it in a terminal or a document.

    Shares are rounded once from the exact value, half-even, to one decimal
    (300/550 = 54.5454...% shows 54.5%); amounts to at most two decimals.
    """
    if value is None:
        return ""
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        if kind == "pct" or isinstance(value, Share):
            text = f"{rounded(Decimal(value), SHOWN_PLACES):,.{SHOWN_PLACES}f}"
            return text + "%" if kind == "pct" else text
        if kind == "amount":
            text = f"{rounded(Decimal(value), AMOUNT_PLACES):,.{AMOUNT_PLACES}f}"
            return text.rstrip("0").rstrip(".")
    if isinstance(value, tuple | list):
        return ", ".join(human(v, "text") for v in value)
    return raw_text(value)


def align_points(cells: list[str]) -> list[str]:
    """Amounts padded on the right so that their decimal points line up."""
    decimals = max((len(c) - c.index(".") for c in cells if "." in c), default=0)
    return [
        c if not c else c + " " * (decimals - (len(c) - c.index(".") if "." in c else 0))
        for c in cells
    ]


def unwrap(text: str) -> str:
    """Prose as paragraphs: the line breaks of a YAML block joined, list items and
    blank lines kept, so a terminal wraps it once, to its own width."""
    out: list[str] = []
    for line in text.strip("\n").split("\n"):
        stripped = line.strip()
        item = _ITEM.match(stripped) is not None
        if out and stripped and out[-1] and not item:
            out[-1] += " " + stripped
        else:
            out.append(stripped)
    return "\n".join(out)
