"""Tables laid out for people: columns fitted to a width, text wrapped at spaces only.

The layout is plain data (lines of styled pieces), drawn by `paint` as text
with or without ANSI colour, or by the Rich renderer for pictures. Rules:

- no word and no id is ever broken across lines; text that must be cut ends in "…";
- the main column (what names a row) never goes; when space runs out the
  columns with the highest `priority` number go first, and a footnote names them;
- headers break between phrases, a unit ("USD bn") never split; a number's header takes
  two lines at most (render/heads.py); numbers and dates never wrap;
- empty columns are not shown;
- web addresses are never split: shown whole where they fit, else shortened
  with "…" (in a colour terminal a link carries the full address);
- amounts align on the decimal point; shares have one decimal.

With no width (into a pipe or a file) nothing is wrapped, cut or dropped; `--wide` in a
terminal drops nothing either, and gives a table wider than the terminal in slices of
columns, each led by the main column.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..core.table import NUMERIC, for_people
from ..gates import clean
from . import heads
from .cells import align_points, human, unwrap
from .prose import Line, cut, fill, flow, footnote, width

if TYPE_CHECKING:
    from ..core.table import Column, Report, Table

GAP = 2  # spaces between columns
MAX_WORD = 30  # a longer word than this may be cut (with "…") rather than widen its column
COMPACT_LEAST = 30  # a text column of a compact table, before lower ones go
DETAIL = 4  # priority of columns of detail: ids, dates, bases
MAIN_LEAST = 20  # the main column keeps at least this much room (if it needs it)
MIN_LINK = 24  # narrowest a web address is shortened to
WIDE_HINT = "--wide, a wider terminal or -f csv"


def wrap(text: str, size: int) -> list[str]:
    """Lines of at most `size` cells, broken at spaces only; a longer word is cut with "…"."""
    if "\n" not in text:  # most cells: one paragraph, often one line already
        words = text.split()
        return [text] if width(text) <= size and " ".join(words) == text else fill(words, size)
    return [line for para in text.split("\n") for line in fill(para.split(), size)]


def pad(text: str, size: int, right: bool) -> str:
    fill = " " * max(size - width(text), 0)
    return fill + text if right else text + fill


def _longest_word(texts: list[str]) -> int:
    return max(map(width, " ".join(texts).split()), default=0)


@dataclass(eq=False)  # each column is itself: `cols.index` and `remove` find it by identity
class _Col:
    """A column being fitted to a width: its cells, its natural and least widths."""

    column: Column
    header: str
    cells: list[str]
    natural: int = 0
    least: int = 0
    main: bool = False

    def rank(self, at: int) -> tuple[int, bool, bool, int]:
        """The order columns go in: highest priority number, then a column that says the
        same on every row, then text before numbers, then the rightmost."""
        same = len(set(self.cells)) <= 1 < len(self.cells)
        return (self.column.priority, same, not self.fixed, at)

    @property
    def fixed(self) -> bool:  # numbers, dates and short values never wrap
        return self.column.kind in NUMERIC or self.column.kind == "date"


def _flagged(cells: list[str], flags: list[str], numeric: bool) -> list[str]:
    """Cells with their flags after them; a number's flags padded so the numbers line up."""
    if not any(flags):
        return cells
    if not numeric:
        return [x + f for x, f in zip(cells, flags, strict=True)]
    size = max(width(f) for f in flags)
    out = []
    for x, f in zip(cells, flags, strict=True):
        body = x.rstrip(" ")  # the flag right after the number, the padding after both
        out.append(body + f + " " * (len(x) - len(body) + size - width(f)))
    return out


def _columns(table: Table, compact: bool) -> list[_Col]:
    cols = []
    for i, c in enumerate(table.columns):
        cells = [human(row[i], c.kind) for row in table.rows]
        if c.kind == "text":
            cells = [clean(unwrap(x)) if "\n" in x else clean(x) for x in cells]
        flags = [clean(table.flag(r, c.key)) for r in range(len(table.rows))]
        cells = [x or f for x, f in zip(cells, flags, strict=True)]  # a flag in an empty cell
        flags = [f if x != f else "" for x, f in zip(cells, flags, strict=True)]
        if c.kind == "amount":
            cells = align_points(cells)
        cells = _flagged(cells, flags, c.kind in NUMERIC)
        if table.rows and not any(cells) and not c.main:
            continue  # an empty column is not shown
        col = _Col(c, clean(c.label), cells, main=c.main)
        lines = [line for x in cells for line in x.split("\n")]
        # a number's header wraps, at a phrase, into two lines at most
        head = heads.least(col.header, 2) if col.fixed and not compact else width(col.header)
        col.natural = max(head, max(map(width, lines), default=0))
        if col.main and not compact:
            col.least = min(col.natural, max(_longest_word(lines), MAIN_LEAST))
        elif col.fixed or compact:
            least = COMPACT_LEAST if c.main else COMPACT_LEAST - 10
            col.least = col.natural if col.fixed else min(col.natural, least)
        elif c.link:
            col.least = min(col.natural, MIN_LINK)
        else:
            words = _longest_word(lines)
            col.least = max(min(words, MAX_WORD), heads.longest(col.header), 1)
        cols.append(col)
    if cols and not any(c.main for c in cols):  # no hint: the text column that tells rows
        text = [c for c in cols if c.column.kind == "text"] or cols  # apart best names them
        # ties: words (a title) before ids and addresses, then the widest
        max(
            text, key=lambda c: (len(set(c.cells)), any(" " in x for x in c.cells), c.natural)
        ).main = True
        for one in cols:
            if one.main and not compact:
                one.least = max(one.least, min(one.natural, MAIN_LEAST))
    return cols


def _fit(cols: list[_Col], total: int) -> tuple[list[_Col], list[int], list[str]]:
    """The columns kept, their widths, and the labels of those dropped."""
    dropped: list[str] = []
    cols = list(cols)

    def need(cs: list[_Col]) -> int:
        return sum(c.least for c in cs) + GAP * (len(cs) - 1)

    while need(cols) > total:
        candidates = [c for c in cols if not c.main and c.column.priority > 0]
        if not candidates:
            break
        worst = max(candidates, key=lambda c: c.rank(cols.index(c)))
        cols.remove(worst)
        dropped.append(worst.header)
    sizes = [c.least for c in cols]
    room = total - need(cols)
    if room < 0:  # even the columns that never go are too wide: shrink the text ones
        for i in sorted(range(len(cols)), key=lambda i: -sizes[i]):
            if not cols[i].fixed and room < 0:
                give = min(-room, sizes[i] - 4)
                sizes[i] -= give
                room += give
    # the room left goes to the columns that want it, in proportion to their want
    want = [max(c.natural - s, 0) for c, s in zip(cols, sizes, strict=True)]
    while room > 0 and any(want):
        total_want = sum(want)
        step = [min(w, max(room * w // total_want, 1)) for w in want]  # min: 0 if no want
        for i, s in enumerate(step):
            s = min(s, room)
            sizes[i] += s
            want[i] -= s
            room -= s
    return cols, sizes, dropped


def _details(cols: list[_Col], sizes: list[int]) -> list[_Col]:
    """Columns of detail (priority 4 and up) while a more important one is cut."""
    cut_short = [c for c, s in zip(cols, sizes, strict=True) if s < c.natural]
    if not cut_short:
        return []
    return [c for c in cols if c.column.priority >= DETAIL and not c.main]


def lay_table(table: Table, size: int | None, titled: bool, legend: bool = False) -> list[Line]:
    """The lines of one table, fitted to `size` columns (None: as wide as it needs)."""
    compact = table.compact and size is not None
    cols = _columns(table, compact)
    dropped: list[str] = []
    if size is None:
        kept, sizes = cols, [c.natural for c in cols]
    else:
        kept, sizes, dropped = _fit(cols, size)
        while compact and _details(kept, sizes):  # details go before the text is cut
            kept.remove(_details(kept, sizes)[-1])
            kept, sizes, more = _fit(kept, size)
            dropped += more
    out: list[Line] = []
    if titled and not compact:
        out.append([(clean(table.title), "header")])
    titles = [
        [cut(c.header, s)] if compact else heads.wrap_header(c.header, s)
        for c, s in zip(kept, sizes, strict=True)
    ]
    out += _rows(kept, sizes, titles, ["header"] * len(kept))
    if not compact:
        out.append([("─" * (sum(sizes) + GAP * (len(sizes) - 1)), "dim")])
    for r in range(len(table.rows)):
        cells = []
        styles = []
        for c, s in zip(kept, sizes, strict=True):
            text = c.cells[r]
            if c.column.link:
                shown = [cut(text, s)]
                styles.append("link:" + text if text else "")
            elif c.fixed or compact or size is None:
                shown = [cut(x, s) for x in text.split("\n")] if compact else text.split("\n")
                shown = shown[:1] if compact else shown
                styles.append(table.style(r) or c.column.style)
            else:
                shown = wrap(text, s)
                styles.append(table.style(r) or c.column.style)
            cells.append(shown)
        lines = _rows(kept, sizes, cells, styles)
        out += [_mark(line, table.mark) for line in lines] if table.mark else lines
    if compact:  # a summary: the full section follows, with its footnotes
        dropped, legend = [], False
    out += notes(table, size, dropped, legend)
    return out


def _rows(
    cols: list[_Col], sizes: list[int], cells: list[list[str]], styles: list[str]
) -> list[Line]:
    lines = []
    right = [col.column.kind in NUMERIC for col in cols]
    for n in range(max((len(c) for c in cells), default=0)):
        line: Line = []
        for i, size in enumerate(sizes):
            text = cells[i][n] if n < len(cells[i]) else ""
            style = styles[i] if n == 0 or not styles[i].startswith("link:") else ""
            if i:
                line.append((" " * GAP, ""))
            filled = pad(text, size, right[i])
            if style and text:
                lead = len(filled) - len(filled.lstrip(" "))
                body = filled.strip(" ")
                tail = len(filled) - lead - len(body)
                line += [(" " * lead, ""), (body, style), (" " * tail, "")]
            else:
                line.append((filled, ""))
        lines.append(line)
    return lines


def _mark(line: Line, mark: str) -> Line:
    """The pieces of a line with each occurrence of `mark` (any case) set apart."""
    out: Line = []
    needle = mark.casefold()
    for text, style in line:
        folded = text.casefold()
        if style.startswith("link:") or needle not in folded or len(folded) != len(text):
            out.append((text, style))
            continue
        start = 0
        while (at := folded.find(needle, start)) >= 0:
            out += [(text[start:at], style), (text[at : at + len(needle)], "match")]
            start = at + len(needle)
        out.append((text[start:], style))
    return out


def notes(table: Table, size: int | None, dropped: list[str], legend: bool) -> list[Line]:
    """Footnotes: the table's notes, the columns left out, what the colours mean."""
    texts = list(table.notes) + (list(table.flag_notes) if table.flags else [])
    if dropped:
        names = ", ".join(dict.fromkeys(dropped))  # "% of total" of two measures: named once
        texts.append(f"not shown at this width: {names} (see {WIDE_HINT})")
    out: list[Line] = []
    for text in texts:
        out += footnote(text, size)
    if legend and table.legend:
        line: Line = [("colours:", "dim")]
        for n, (style, meaning) in enumerate(table.legend.items()):
            line += [(";" if n else "", "dim"), (" ■ " + meaning, style)]
        out += flow(line, size, "  * ", "    ")
    return out


def lay_heading(report: Report, size: int | None) -> list[Line]:
    out: list[Line] = []
    for text, style in ((report.title, "title"), (report.caption, "caption")):
        if text:
            out += (
                [[(line, style)] for line in wrap(clean(text), size)]
                if size
                else [[(clean(text), style)]]
            )
    return out


def lay_slices(table: Table, size: int, titled: bool, legend: bool) -> list[Line]:
    """Every column of the table (`--wide`) in a terminal of `size` columns: as wide as it
    needs where that fits, else in slices of columns that each fit, each led by the main
    column, so that no line is wider than the terminal and nothing is dropped."""
    cols = _columns(table, False)
    natural = [c.natural for c in cols]
    if sum(natural) + GAP * (len(cols) - 1) <= size or len(cols) < 2:
        return lay_table(table, size, titled, legend)  # fits: only the footnotes wrap
    main = next(c for c in cols if c.main)
    blocks: list[list[_Col]] = []
    for c in cols:
        if c is main:
            continue
        block = blocks[-1] if blocks else None
        if block is None or sum(x.natural + GAP for x in [main, *block, c]) - GAP > size:
            blocks.append([c])
        else:
            block.append(c)
    out: list[Line] = []
    for n, block in enumerate(blocks):
        keys = {main.column.key, *(c.column.key for c in block)}
        keep = [i for i, c in enumerate(table.columns) if c.key in keys]
        sub = replace(
            table,
            title=table.title if n == 0 else f"{table.title} (continued)",
            columns=[replace(table.columns[i], main=table.columns[i] is main.column) for i in keep],
            rows=[[row[i] for i in keep] for row in table.rows],
            flags={(r, k): f for (r, k), f in table.flags.items() if k in keys},
        )
        last = n == len(blocks) - 1
        if not last:  # the footnotes and the key under the last slice
            sub = replace(sub, notes=[], flag_notes=[])
        if n:
            out.append([])
        out += lay_table(sub, size, titled or n > 0, legend and last)
    return out


def lay_report(
    report: Report, size: int | None, legend: bool = False, slices: int | None = None
) -> list[Line]:
    """The report's lines at `size` columns; with `slices` (--wide in a terminal of that
    width) every column is kept and a table wider than the terminal comes in slices."""
    report = for_people(report)
    out = lay_heading(report, size or slices)
    tables = report.tables
    if len(tables) > 1:  # a section with no rows is left out, as an empty column is
        tables = [t for t in tables if t.rows] or tables[:1]
    for n, table in enumerate(tables):
        if n or not (table.compact and size):  # a summary follows its heading directly
            out.append([])
        titled = table.title != report.title
        if slices and size is None:
            out += lay_slices(table, slices, titled, legend)
        else:
            out += lay_table(table, size, titled=titled, legend=legend)
    return out
