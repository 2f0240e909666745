"""Raw ids and blanks (issue 23, item 5), in a real terminal of 80x24 and 120x50: codes read
as words, no empty table, one reading of a deal that names no allocations, amounts on the
decimal point, every chart column headed, and `chart --compare --all`."""

from __future__ import annotations

import json
import re

import pytest

from dealcli.render.prose import width

from .conftest import run
from .terminal import screen

SIZES = [(80, 24), (120, 50)]
CODE = re.compile(r"^\(?[a-z]+(_[a-z]+)+[),;.]?$")  # investment_and_purchases, up_to
BARS = "█#"
AMOUNT = re.compile(r"(\d[\d,]*)(\.\d+)?")
AMOUNT_AT = re.compile(r"\s(\d[\d,.]*)\s+\d+\.\d%")


@pytest.mark.parametrize(("cols", "rows"), SIZES)
@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["compare", "--all", "-s", "pledges"],
        ["show", "qatar", "-s", "allocations"],
        ["show", "japan"],
        ["allocations", "japan", "--by", "basis"],
    ],
)
def test_codes_read_as_words(args: list[str], cols: int, rows: int) -> None:
    text, code = screen([*args, "--no-pager"], cols, rows)
    assert code == 0
    codes = [w for w in text.split() if CODE.match(w)]
    assert not codes, codes
    if args[0] == "list" and cols == 120:
        assert "economic exchange" in text and "investment and purchases" in text
    if args[0] == "allocations":
        assert re.search(r"^up to\s", text, re.M), text


@pytest.mark.parametrize(("cols", "rows"), SIZES)
def test_an_empty_table_is_not_printed(cols: int, rows: int) -> None:
    text, code = screen(["compare", "japan", "korea", "-s", "horizon", "--no-pager"], cols, rows)
    assert code == 0
    assert "Horizon: the period" in text
    assert "other readings" not in text  # neither deal has one: no title, header or note
    # a deal that has one still gets the table
    full, _ = screen(["compare", "--all", "-s", "horizon", "--no-pager"], cols, rows)
    assert "Horizon: other readings" in full


def _row(records: list[dict[str, object]], name: str) -> dict[str, object]:
    return next(r for r in records if name in (r.get("id"), r.get("deal")))


def test_a_pledge_without_allocations_reads_the_same_in_list_and_compare() -> None:
    listed = json.loads(run("list", "-f", "json").stdout)
    compared = json.loads(run("compare", "--all", "-s", "totals", "-f", "json").stdout)
    compared = compared["totals"] if isinstance(compared, dict) else compared
    for records in (listed, compared):
        eu = _row(records, "eu")
        money = {
            k: v
            for k, v in eu.items()
            if k.endswith("_usd_bn") and not k.startswith(("headline", "pledged"))
        }
        assert money and all(v is None for v in money.values()), eu  # not known, not 0
        japan = _row(records, "japan")
        assert all(japan[k] is not None for k in money)
    korea = _row(listed, "south-korea")  # a 0 stays a 0: it names allocations, none selected
    assert 0 in [korea[k] for k in korea if k.endswith("_usd_bn")]


@pytest.mark.parametrize(("cols", "rows"), SIZES)
def test_list_says_what_a_blank_means(cols: int, rows: int) -> None:
    text, code = screen(["list", "--no-pager"], cols, rows)
    assert code == 0
    eu = next(line for line in text.splitlines() if line.startswith("eu "))
    assert not re.search(r"\b0\b", eu), eu
    prose = " ".join(line.strip() for line in text.splitlines())
    assert "a blank: the deal names no allocations, so nothing is known" in prose


def _points(text: str) -> list[int]:
    """The cell each bar line's amount has its decimal point at (or would have)."""
    out = []
    for line in text.splitlines():
        bar = re.search(r"\s(\d[\d,.]*)\s+(\d+\.\d%)\s+[" + BARS + r"]*\+?$", line)
        if not bar:
            continue
        amount = AMOUNT.fullmatch(bar.group(1))
        assert amount, line
        out.append(width(line[: bar.start(1)]) + len(amount.group(1)))
    return out


@pytest.mark.parametrize(("cols", "rows"), SIZES)
@pytest.mark.parametrize(
    "args", [["chart", "japan"], ["pace", "japan"], ["chart", "--compare", "japan", "korea"]]
)
def test_chart_and_pace_amounts_line_up_on_the_decimal_point(
    args: list[str], cols: int, rows: int
) -> None:
    text, code = screen([*args, "--no-pager"], cols, rows)
    assert code == 0
    points = _points(text)
    assert len(points) >= 4, text
    assert len(set(points)) == 1, (points, text)


@pytest.mark.parametrize(("cols", "rows"), SIZES)
@pytest.mark.parametrize(
    ("args", "share"),
    [
        (["chart", "--compare", "japan", "korea", "eu"], "% of largest pledged amount"),
        (["chart", "--compare", "--gdp", "japan", "korea"], "% of investor GDP"),
        (["chart", "japan"], "% of pledged"),
    ],
)
def test_every_chart_column_is_headed_with_its_basis(
    args: list[str], share: str, cols: int, rows: int
) -> None:
    text, code = screen([*args, "--no-pager"], cols, rows)
    assert code == 0
    lines = text.splitlines()
    first = next(n for n, line in enumerate(lines) if re.search(r"\d%\s+[█#]", line))
    top = next(n for n in range(first, 0, -1) if "USD bn" in lines[n])  # the header's lines
    header = lines[top:first]
    if not header[-1].startswith(" "):  # a deal's name heads its bars
        header = header[:-1]
    words = " ".join(" ".join(header).split())
    assert words.startswith("USD bn "), words  # the amount, then what the share is of
    assert words.removeprefix("USD bn ") == share, words
    at = lines[top].index("USD bn") + len("USD bn")  # over the amounts, on their right edge
    assert all(
        len(m.group(1)) + m.start(1) <= at
        for m in map(AMOUNT_AT.search, lines[first : first + 3])
        if m
    )
    assert all(width(line) <= cols for line in lines)


@pytest.mark.parametrize(("cols", "rows"), SIZES)
@pytest.mark.parametrize("extra", [[], ["--gdp"]])
def test_chart_compare_all(extra: list[str], cols: int, rows: int) -> None:
    text, code = screen(["chart", "--compare", "--all", *extra, "--no-pager"], cols, rows)
    assert code == 0, text
    groups = [line for line in text.splitlines() if re.fullmatch(r"[a-z-]+", line)]
    assert len(groups) == 8, groups  # every deal loaded
    r = run("chart", "--all", "-f", "csv")  # --all alone compares
    assert r.returncode == 0, r.stderr
    rows = [line.split(",") for line in r.stdout.splitlines()[1:]]
    assert len({row[0] for row in rows}) == 8
    assert [row[1] for row in rows if row[0] == "eu"] == ["pledged"]  # nothing else known
    both = run("chart", "--all", "japan")
    assert both.returncode == 2 and "not both" in both.stderr
