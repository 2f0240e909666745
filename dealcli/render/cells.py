"""Cell text: control characters out, numbers exact, formulas defused."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from ..table import number

# C0 controls except tab and newline, DEL, and the C1 block: a deal file must
# not move the cursor, retitle the window or hide text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture", e.g. ␛ for ESC
    return "\u2421" if code == 0x7F else "\ufffd"


def clean(text: str) -> str:
    return _CONTROL.sub(_picture, text)


def raw_text(value: Any) -> str:
    """A cell as machine-readable text (csv, tsv, plain)."""
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


def defuse(text: str) -> str:
    """OWASP CSV-injection defence for a text cell."""
    return "'" + text if text.startswith(_FORMULA) else text


def human(value: Any, kind: str) -> str:
    """A cell as people read it in a terminal or a document."""
    if value is None:
        return ""
    if kind == "amount" and isinstance(value, Decimal | int):
        text = f"{Decimal(value):,.2f}"
        return text[:-3] if text.endswith(".00") else text.rstrip("0") if "." in text else text
    if kind == "pct" and isinstance(value, Decimal | int):
        return f"{Decimal(value):,.1f}%"
    if isinstance(value, tuple | list):
        return ", ".join(human(v, "text") for v in value)
    return raw_text(value)
