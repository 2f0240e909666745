"""Column headers wrapped at phrases: "Selected led / USD bn", never "led USD / bn".

A header breaks only between its phrases; a unit ("USD bn", "% of") is one phrase. A
number's header takes at most two lines, so its column is as narrow as the wider of the
two halves of its best split; one with a unit breaks before it ("Candidates led / USD bn").
"""

from __future__ import annotations

import re

from .prose import fill, width

_CODE = re.compile(r"^[A-Z]{3}$")  # a currency code, as in "USD bn"


def phrases(header: str) -> list[str]:
    """The pieces a header may break between: words, with its units kept whole."""
    out: list[str] = []
    for word in header.split():
        if out and ((word == "bn" and _CODE.match(out[-1])) or (out[-1] == "%" and word == "of")):
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def least(header: str, lines: int) -> int:
    """The narrowest width the header takes in at most `lines` lines (1 or 2)."""
    parts = phrases(header)
    if not parts:
        return 0
    whole = width(" ".join(parts))
    if lines < 2 or len(parts) == 1:
        return whole
    if _unit(parts[-1]):
        return max(width(" ".join(parts[:-1])), width(parts[-1]))
    return min(
        max(width(" ".join(parts[:n])), width(" ".join(parts[n:]))) for n in range(1, len(parts))
    )


def _unit(part: str) -> bool:
    return part.endswith(" bn")


def longest(header: str) -> int:
    """The widest phrase: below this a header must be cut."""
    return max((width(p) for p in phrases(header)), default=0)


def wrap_header(header: str, size: int) -> list[str]:
    """The header's lines at `size` cells, broken between phrases; a phrase wider than
    `size` is cut with "…"."""
    parts = phrases(header)
    if len(parts) > 1 and _unit(parts[-1]) and least(header, 2) <= size < width(header):
        return [" ".join(parts[:-1]), parts[-1]]
    return fill(parts, size)
