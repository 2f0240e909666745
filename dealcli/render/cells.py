"""Cell text: control and invisible characters shown, numbers exact, formulas defused."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal
from typing import Any

from ..table import Share, number, rounded

# C0 controls except tab and newline, DEL, and the C1 block: a deal file must
# not move the cursor, retitle the window or hide text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ITEM = re.compile(r"([-*\u2022]|\d+[.)])\s")  # a list item starts a new line
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
