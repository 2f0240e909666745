"""The text gates: every string that leaves the program passes the one for its kind of output.

- terminal (`clean`): controls as pictures (␛), invisible format characters named;
- delimited (`defuse`): a csv/tsv cell that a spreadsheet would run as a formula is quoted;
- markup (`html`, `link`): HTML and SVG text and attributes escaped, quotes included; a
  link only to an http(s) address, anything else shown as text;
- markdown (`markdown`): no markup, link or image from the data becomes live;
- sqlite (`sqlite`): text as csv has it, controls as pictures;
- json (`json_string`): the exact text, escaped by the encoder.

Every text passes `clean` first except json's, which keeps the text exact and lets the
encoder make it inert. Error messages are terminal text (`cli/app.py: say()`).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from .core.chars import HIDDEN

# C0 controls except tab and newline, DEL, and the C1 block: a deal file must
# not move the cursor, retitle the window or hide text. Lone surrogates and the
# noncharacters U+FFFE/U+FFFF cannot be written as UTF-8 or XML: shown as U+FFFD.
_SHOWN = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{HIDDEN}\\ud800-\\udfff\\ufffe\\uffff]")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture", e.g. ␛ for ESC
    if code == 0x7F:
        return "\u2421"
    if code <= 0x9F or 0xD800 <= code <= 0xDFFF or code >= 0xFFFE:
        return "\ufffd"
    return f"\u27e8U+{code:04X}\u27e9"  # ⟨U+202E⟩: named where it stood, never obeyed


# -- terminal ------------------------------------------------------------------------------


def clean(text: str) -> str:
    """Text for a terminal: controls as pictures, invisible format characters named."""
    if text.isascii() and text.isprintable():  # nothing _SHOWN matches: most cells
        return text
    return _SHOWN.sub(_picture, text)


# -- delimited (csv, tsv) ------------------------------------------------------------------


def defuse(text: str) -> str:
    """OWASP CSV-injection defence for a text cell (already through `clean`)."""
    return "'" + text if text.startswith(_FORMULA) else text


# -- markup (HTML, SVG) --------------------------------------------------------------------

_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def html(text: str) -> str:
    """Text for HTML or SVG, as element text or a quoted attribute value."""
    return clean(text).translate(_ENTITIES)


# what no link target holds: spaces, controls and format characters, and the characters
# that end an attribute or a markdown link, or that RFC 3986 never allows in a URL
_NOT_IN_URL = frozenset('"<>\\^`{|}')
# what the terminal gate writes in place of a control or a format character: an address
# that held one is not the address shown
_PICTURES = frozenset(map(chr, [*range(0x2400, 0x2427), 0x27E8, 0x27E9, 0xFFFD]))


def link(url: str) -> str | None:
    """`url` as a link target, or None when it must be shown as text only: anything but an
    http or https address with a host, or one holding a space, a control (or the picture
    `clean` shows for one) or `"<>\\^`{|}`."""
    if url.isascii():  # its only controls and spaces are those `isprintable` finds
        if not url.isprintable() or " " in url or not _NOT_IN_URL.isdisjoint(url):
            return None
    elif any(
        ch in _NOT_IN_URL or ch in _PICTURES or unicodedata.category(ch)[0] in "CZ" for ch in url
    ):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # a bad port or bracketed host
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return url


# -- markdown ------------------------------------------------------------------------------

_MD = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        **{ch: "\\" + ch for ch in "\\|[]!"},
    }
)


def markdown(text: str) -> str:
    """Text for a markdown document: shown as written, never markup, a link or an image.

    Entities for `& < >` (no HTML from the data), a backslash before `\\ | [ ] !` (no
    table cell ended, no link or image started); a line break is `<br>`.
    """
    return clean(text).translate(_MD).replace("\n", "<br>")


# -- sqlite --------------------------------------------------------------------------------


def sqlite(value: Any) -> Any:
    """A value for an SQLite cell: text as csv has it (no raw control), anything else as is."""
    return clean(value) if isinstance(value, str) else value


# printable ASCII, tab and newline: the ASCII that `clean` keeps as it is
_KEPT_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n"


def all_clean(texts: list[str]) -> bool:
    """Whether `clean` (and so the sqlite gate) leaves every one of `texts` as it is: one
    pass over them all, joined by a newline (which it keeps)."""
    return _clean_joined("\n".join(texts))


def all_defused(texts: list[str]) -> bool:
    """Whether `defuse(clean(text))` is `text` for every one of `texts`: a csv cell of each
    is written as it is."""
    joined = "\n" + "\n".join(texts)
    return _clean_joined(joined) and not any("\n" + start in joined for start in _FORMULA)


def _clean_joined(joined: str) -> bool:
    if joined.isascii():  # the usual case: nothing left once the kept bytes are taken out
        return not joined.encode("ascii").translate(None, _KEPT_ASCII)
    return _SHOWN.search(joined) is None


# -- json ----------------------------------------------------------------------------------


# json.dumps escapes C0 controls itself; DEL, the C1 block and the invisible format
# characters (BiDi overrides, zero-width ...) it would write raw: escaped, they are exact
# once decoded and cannot reorder what a reader of the json text sees
@functools.cache
def _json_raw() -> re.Pattern[str]:  # compiled when json first needs it
    return re.compile(f"[\\x7f-\\x9f{HIDDEN}\\ud800-\\udfff]")


def _json_escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code > 0xFFFF:  # JSON writes an astral character as its UTF-16 pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_string(text: str) -> str:
    """A JSON string literal holding exactly `text`, with nothing in it raw that a terminal
    or an editor would obey."""
    quoted = _quoted(text)  # what json.dumps(text, ensure_ascii=False) gives
    if text.isascii() and "\x7f" not in text:  # the usual case: nothing more to escape
        return quoted
    return _json_raw().sub(_json_escape, quoted)


_quoted = json.encoder.encode_basestring
