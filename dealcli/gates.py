"""The text gates: every string that leaves the program passes the one for its kind of output.

- terminal (`clean`): controls as pictures, invisible format characters named;
- json (`clean_controls`): only the controls replaced, text otherwise exact;
- delimited (`defuse`): a cell that a spreadsheet would run as a formula is quoted;
- markup (`escape_html`): `&`, `<` and `>` as entities.
"""

from __future__ import annotations

import re

from .core.chars import HIDDEN

# C0 controls except tab and newline, DEL, and the C1 block: a deal file must
# not move the cursor, retitle the window or hide text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
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
    """Text for a terminal: controls as pictures, invisible format characters named."""
    return _SHOWN.sub(_picture, text)


def clean_controls(text: str) -> str:
    """Only the controls replaced; format characters kept exactly (for json)."""
    return _CONTROL.sub(_picture, text)


def escape_html(text: str) -> str:
    """`&`, `<` and `>` as entities, so markdown renderers show markup instead of running it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def defuse(text: str) -> str:
    """OWASP CSV-injection defence for a text cell."""
    return "'" + text if text.startswith(_FORMULA) else text
