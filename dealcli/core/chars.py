"""Which characters hide or reorder text: one list for the validation rule and the gates."""

from __future__ import annotations

import functools
import re
import unicodedata

# Invisible format characters (Unicode category Cf: BiDi overrides and isolates,
# zero-width spaces and joiners, tag characters, the BOM, ...) and the line and
# paragraph separators: text that reorders or hides what a reader sees.
HIDDEN = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f"
)


@functools.cache
def hidden_re() -> re.Pattern[str]:
    """HIDDEN as a pattern, compiled when first asked for: a warm run reads no file."""
    return re.compile(f"[{HIDDEN}]")


def hidden(text: str) -> list[str]:
    """The invisible format characters in `text`, each named: "U+202E RIGHT-TO-LEFT OVERRIDE"."""
    if hidden_re().search(text) is None:  # the usual case, at the regex engine's speed
        return []
    # by the distinct characters, in order of first use: a 4 MB run of U+200B is one set
    # of a few characters, not a million matches
    found = [c for c in set(text) if hidden_re().match(c)]
    return [describe(c) for c in sorted(found, key=text.index)]


def describe(char: str) -> str:
    name = unicodedata.name(char, "") or f"format character ({unicodedata.category(char)})"
    return f"U+{ord(char):04X} {name}"
