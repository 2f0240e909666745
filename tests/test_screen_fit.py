"""Columns and rows that vanish (issue 23, item 4), in a real terminal of 80x24 and 120x50:
the least useful column goes first and a footnote names it, headers break between phrases,
dates never wrap, and a breakdown adds up to the total it sits under."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dealcli.render.prose import width

from .conftest import BUNDLED, run
from .terminal import screen

SIZES = [(80, 24), (120, 50)]
DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _header(text: str, title: str) -> list[str]:
    """The header lines of the table titled `title`: those between it and its rule."""
    lines = text.splitlines()
    start = lines.index(title) + 1
    end = next(n for n in range(start, len(lines)) if lines[n].startswith("──"))
    return lines[start:end]


def _dropped(text: str) -> str:
    """The footnote naming the columns left out, joined from its lines ('' if none)."""
    lines = text.splitlines()
    for n, line in enumerate(lines):
        if line.startswith("  * not shown at this width:"):
            more = [x.strip() for x in lines[n + 1 :] if x.startswith("    ") and x[4] != " "]
            return " ".join([line.strip(), *more[:1]])
    return ""


@pytest.mark.parametrize(("cols", "rows"), SIZES)
def test_companies_headers_break_between_phrases_and_deals_stay(cols: int, rows: int) -> None:
    text, code = screen(["companies", "--no-pager"], cols, rows)
    assert code == 0
    head = _header(text, "Companies")
    assert len(head) == 2, head
    words = " ".join(head)
    for line in head:  # the unit is never split from its number, nor left as "led USD"
        assert not re.search(r"\bUSD\s*$", line), head
        assert not re.search(r"^\s*bn\b|\s{2}bn\b", line), head
    assert head[1].split().count("USD") == 2  # "USD bn" under each amount, whole
    assert "Candidates led" in head[0] and "Selected led" in head[0]
    assert "Deals" in words  # which deal a company is in says more than how many projects
    dropped = _dropped(text)
    if cols == 80:
        assert "Projects" in dropped and "Deals" not in dropped, dropped
    else:
        assert not dropped


@pytest.mark.parametrize(("cols", "rows"), SIZES)
def test_allocations_by_company_keeps_the_unsized_count(cols: int, rows: int) -> None:
    text, code = screen(["allocations", "japan", "--by", "company", "--no-pager"], cols, rows)
    assert code == 0
    head = " ".join(_header(text, "Allocations by company"))
    assert "Unsized" in head  # it explains why the total is what it is
    dropped = _dropped(text)
    if cols == 80:  # the shares of the total go first, and are named once
        assert "% of total" in dropped and dropped.count("% of total") == 1, dropped
        assert "Unsized" not in dropped


def _sums(deal: str) -> tuple[set[Decimal], set[Decimal]]:
    """(each money column of `deal show -s companies` summed, the totals' amounts)."""
    proc = run("show", deal, "-s", "totals", "-s", "companies", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    companies, totals = data["companies"], data["totals"]
    keys = [k for k in companies[0] if k.endswith("_usd_bn")]
    sums = {sum(Decimal(str(r[k] or 0)) for r in companies) for k in keys}
    return sums, {Decimal(str(r["usd_bn"])) for r in totals if r["usd_bn"] is not None}


@pytest.mark.parametrize("deal", ["japan", "south-korea", "switzerland", "uae"])
def test_show_companies_add_up_to_the_totals_above_them(deal: str) -> None:
    sums, totals = _sums(deal)
    assert sums <= totals, (sums, totals)  # japan: 76 + 33 unled = 109; korea: 150, not 160


@pytest.mark.parametrize(("cols", "rows"), SIZES)
def test_show_companies_has_the_row_without_a_lead(cols: int, rows: int) -> None:
    text, code = screen(["show", "japan", "-s", "companies", "--no-pager"], cols, rows)
    assert code == 0
    row = next(line for line in text.splitlines() if line.startswith("(no lead named)"))
    assert row.split()[-2:] == ["3.6", "33"], row  # candidates, selected
    assert all(width(line) <= cols for line in text.splitlines())


@pytest.mark.parametrize("colour", ["on", "off"])
@pytest.mark.parametrize(("cols", "rows"), SIZES)
def test_list_wide_keeps_every_column_and_never_wraps_a_date(
    cols: int, rows: int, colour: str
) -> None:
    env = {"NO_COLOR": "1"} if colour == "off" else {}  # the layout is the same without colour
    text, code = screen(["list", "--wide", "--no-pager"], cols, rows, env=env)
    assert code == 0
    lines = text.splitlines()
    assert all(width(line) <= cols for line in lines), max(lines, key=width)
    assert len(DATE.findall(text)) == 8  # each deal's date whole, on one line
    heads = " ".join(line for line in lines if line.startswith("Id "))
    for label in ("Title", "Investor", "Pledged", "Scope", "Binding", "Updated", "From"):
        assert label in heads, label
    assert "not shown at this width" not in text
    ids = [line.split()[0] for line in lines if line.startswith("japan ")]
    assert len(ids) == text.count("Id ")  # each slice names its rows


@pytest.mark.parametrize("deal", sorted(p.stem for p in BUNDLED.glob("*.yaml")))
def test_the_top_companies_add_up_to_the_totals_above_them(deal: str) -> None:
    """The first screen's lead companies, with their remainder row, sum to selected and
    candidates, as the top sectors do (read from the csv a user would get)."""
    import csv
    from decimal import Decimal

    r = run("show", deal, "-s", "totals", "-s", "top-companies", "-f", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(r.stdout.splitlines()))
    total = {row["measure"]: Decimal(row["usd_bn"]) for row in rows if row["section"] == "totals"}
    tops = [row for row in rows if row["section"] == "top-companies"]
    assert len(tops) <= 3  # the first screen keeps its key terms
    for stage, column in (("selected", "selected_usd_bn"), ("candidates", "candidate_usd_bn")):
        assert sum(Decimal(row[column]) for row in tops) == total[stage], (deal, stage)


def _cells(text: str) -> int:
    return sum(width(ch) for ch in text)


def _cut_by_characters(text: str, size: int) -> str:
    if _cells(text) <= size:
        return text
    out, used = "", 0
    for ch in text:
        if used + width(ch) > size - 1:
            break
        out, used = out + ch, used + width(ch)
    return out.rstrip() + "\u2026"


def _fill_by_characters(pieces: list[str], size: int) -> list[str]:
    lines, line = [], ""
    for piece in pieces:
        piece = _cut_by_characters(piece, size)
        if not line:
            line = piece
        elif _cells(line) + 1 + _cells(piece) <= size:
            line += " " + piece
        else:
            lines.append(line)
            line = piece
    return [*lines, line]


_TEXT = st.text(st.sampled_from("ab cd-\u00e9\u6f22\u0301\u2026 "), max_size=40)


@settings(max_examples=500)
@given(_TEXT, st.integers(min_value=0, max_value=45))
def test_cut_and_fill_measure_as_every_character_adds_up(text: str, size: int) -> None:
    # plain text takes shortcuts (a character a cell, widths known): the same lines result
    from dealcli.render.prose import cut, fill

    assert width(text) == _cells(text)
    assert cut(text, size) == _cut_by_characters(text, size)
    assert fill(text.split(), max(size, 1)) == _fill_by_characters(text.split(), max(size, 1))


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        ("Société Générale", 16),
        ("Socie\u0301te\u0301", 7),  # accents written apart take no cell of their own
        ("日立製作所", 10),
        ("한국", 4),
        ("\u1112\u1161\u11ab", 2),  # 한 written as its three jamo
        ("กัมพูชา", 5),  # Thai vowels above and below the line take no cell
        ("हिंदी", 4),  # the vowel signs ि and ी take a cell each, the nasal mark ं none
        ("A\u20dd", 1),  # an enclosing circle
        ("\u26a0\ufe0f risk", 7),  # ⚠ shown as an emoji: two cells
        ("\u26a0 risk", 6),  # ⚠ as text: one
        ("\U0001f600\ufe0f", 2),  # an emoji already two cells wide
        ("a\ufe0f", 1),  # a letter is no emoji
    ],
)
def test_cells_a_text_takes_in_a_terminal(text: str, cells: int) -> None:
    assert width(text) == cells
