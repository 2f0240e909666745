"""Text for people at a terminal's width: cells a line takes, words cut with "…", and
styled prose (footnotes, colour keys) wrapped at words under its first word."""

from __future__ import annotations

import unicodedata
from itertools import pairwise

Piece = tuple[str, str]  # text, style ("" for none; "link:URL" for a web address)
Line = list[Piece]

ELLIPSIS = "…"
NARROWEST = 24  # footnotes are not wrapped to fewer columns than this
MARKS = set("■█#")  # a colour key's swatches, a chart's bars


def width(text: str) -> int:
    """Terminal cells a line takes: wide East Asian characters take two."""
    if text.isascii():
        return len(text)
    found = _WIDTHS.get(text)
    if found is None:  # a table measures the same cell several times as it is laid out
        found = sum(map(_cells, text))
        if "\ufe0f" in text:  # a symbol shown as an emoji (⚠️) is drawn two cells wide
            found += sum(
                1
                for before, ch in pairwise(text)
                if ch == "\ufe0f" and _cells(before) == 1 and unicodedata.category(before) == "So"
            )
        if len(_WIDTHS) < KNOWN_WIDTHS:
            _WIDTHS[text] = found
    return found


def _cells(ch: str) -> int:
    """A character's cells: none for a mark drawn on the one before it (a Thai vowel, an
    accent written apart) or a Hangul vowel or final joined to its syllable; two for a wide
    East Asian character (the stdlib's Unicode data: no import, no table of its own)."""
    if unicodedata.category(ch) in _ON_THE_ONE_BEFORE or "\u1160" <= ch <= "\u11ff":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


_ON_THE_ONE_BEFORE = ("Mn", "Me")  # nonspacing and enclosing marks
KNOWN_WIDTHS = 10_000  # texts beyond ASCII whose widths are kept, at most
_WIDTHS: dict[str, int] = {}


def cut(text: str, size: int) -> str:
    """`text` in at most `size` cells, ending in "…" if anything was left out."""
    if width(text) <= size:
        return text
    if text.isascii():  # a character a cell
        return text[: max(size - 1, 0)].rstrip() + ELLIPSIS
    out, used = "", 0
    for ch in text:
        w = width(ch)
        if ch == "\ufe0f":  # the emoji selector may widen the symbol before it
            w = width(out[-1:] + ch) - width(out[-1:])
        if used + w > size - 1:
            break
        out, used = out + ch, used + w
    return out.rstrip() + ELLIPSIS


def fill(pieces: list[str], size: int) -> list[str]:
    """Pieces (words, or a header's phrases) joined by spaces into lines of at most `size`
    cells; a piece longer than a line is cut with "…"."""
    lines: list[str] = []
    line, used = "", 0  # the line so far, and the cells it takes
    for piece in pieces:
        size_p = width(piece)
        if size_p > size:
            piece = cut(piece, size)
            size_p = width(piece)
        if not line:
            line, used = piece, size_p
        elif used + 1 + size_p <= size:
            line, used = line + " " + piece, used + 1 + size_p
        else:
            lines.append(line)
            line, used = piece, size_p
    return [*lines, line]


def footnote(text: str, size: int | None) -> list[Line]:
    """A footnote: "  * " and the text, wrapped at words under its first word."""
    return flow([(text, "dim")], size, "  * ", "    ")


def flow(pieces: Line, size: int | None, first: str, rest: str) -> list[Line]:
    """Styled text wrapped at spaces to `size` cells (None: one line), each line after the
    first indented by `rest`. A lone mark ("■", a bar) stays with the word after it."""
    size = size if size and size > NARROWEST else None  # narrower: one line, not a word a line
    words: list[list[Piece]] = []  # each word: its pieces; a new word starts after a space
    glue = False
    for text, style in pieces:
        for n, part in enumerate(text.split(" ")):
            if not part:
                continue
            if words and not n:  # no space before it: the same word goes on
                words[-1].append((part, style))
            elif words and glue:
                words[-1].append((" " + part, style))
            else:
                words.append([(part, style)])
            glue = set(part) <= MARKS
    lines: list[Line] = [[(first, "")]]
    used = width(first)
    for word in words:
        size_w = sum(width(t) for t, _ in word)
        if len(lines[-1]) > 1 and size and used + 1 + size_w > size:
            lines.append([(rest, "")])
            used = width(rest)
        if len(lines[-1]) > 1:
            lines[-1].append((" ", ""))
            used += 1
        if size and size_w > size - used:
            word = [(cut("".join(t for t, _ in word), size - used), word[0][1])]
            size_w = size - used
        lines[-1] += word
        used += size_w
    return [_merged(line) for line in lines]


def _merged(line: Line) -> Line:
    """A line's pieces with spaces joined to the word after them and neighbours of one style
    joined: in a picture each piece is an element, and a space alone would be lost."""
    out: Line = []
    lead = ""
    for text, style in line:
        if not text.strip():
            lead += text
            continue
        text, lead = lead + text, ""
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return out
