"""Cell text: control and invisible characters shown, numbers exact, formulas defused."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal
from typing import Any

from ..table import number

# C0 controls except tab and newline, DEL, and the C1 block: a deal file must
# not move the cursor, retitle the window or hide text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Invisible format characters (Unicode category Cf: BiDi overrides and isolates,
# zero-width spaces and joiners, tag characters, the BOM, ...) and the line and
# paragraph separators: text that reorders or hides what a reader sees.
HIDDEN = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f"
)
_HIDDEN = re.compile(f"[{HIDDEN}]")
_SHOWN = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{HIDDEN}]")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture", e.g. ␛ for ESC
    if code == 0x7F:
        return "\u2421"
    if code <= 0x9F:
        return "\ufffd"
    return f"\u27e8U+{code:04X}\u27e9"  # ⟨U+202E⟩: named where it stood, never obeyed


def clean(text: str) -> str:
    """Text for display: controls as pictures, invisible format characters named."""
    return _SHOWN.sub(_picture, text)


def clean_controls(text: str) -> str:
    """Only the controls replaced; format characters kept exactly (for json)."""
    return _CONTROL.sub(_picture, text)


def hidden(text: str) -> list[str]:
    """The invisible format characters in `text`, each named: "U+202E RIGHT-TO-LEFT OVERRIDE"."""
    return [describe(c) for c in dict.fromkeys(_HIDDEN.findall(text))]


def describe(char: str) -> str:
    name = unicodedata.name(char, "") or f"format character ({unicodedata.category(char)})"
    return f"U+{ord(char):04X} {name}"


def escape_html(text: str) -> str:
    """`&`, `<` and `>` as entities, so markdown renderers show markup instead of running it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
