"""One word for each meaning, as a user reads it in a terminal (80x24 and 120x50) and in files.

Japan: pledged 550 (basis `committed`, a commitment); selected 109 (the first tranche 36.0
and the second 73); unselected 550 - 109 = 441; candidates 355.95. Korea: pledged 350 (a
commitment); selected 0; unselected 350; candidates 150.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from decimal import Decimal as D

import pytest

from .conftest import deal_bin
from .terminal import screen

SIZES = [(80, 24), (120, 50)]
# the old words for the program's own figures: "committed" after an amount, "uncommitted"
AFTER_A_NUMBER = re.compile(r"\d\s*(bn\s+)?committed\b")


def deal(*args: str, code: int = 0) -> subprocess.CompletedProcess[str]:
    out = subprocess.run([deal_bin(), *args], capture_output=True, text=True)
    assert out.returncode == code, out.stderr
    return out


def totals_rows(text: str) -> dict[str, list[str]]:
    rows = {}
    for line in text.splitlines():
        words = line.split()
        if words and words[0] in ("pledged", "selected", "unselected", "candidates"):
            rows.setdefault(words[0], words[1:3])
    return rows


@pytest.mark.parametrize(("cols", "rows"), SIZES)
@pytest.mark.parametrize(
    ("name", "pledged", "want"),
    [
        ("japan", "550", {"selected": ["109", "19.8%"], "unselected": ["441", "80.2%"]}),
        ("korea", "350", {"selected": ["0", "0.0%"], "unselected": ["350", "100.0%"]}),
    ],
)
def test_the_first_screen_says_pledged_and_selected_apart(
    name: str, pledged: str, want: dict[str, list[str]], cols: int, rows: int
) -> None:
    text, code = screen(["show", name, "--no-pager"], cols, rows)
    assert code == 0
    first = "\n".join(text.splitlines()[:rows])
    joined = " ".join(first.split())  # the caption may wrap at a word at 80 columns
    assert f"USD {pledged} bn pledged (basis: a commitment)" in joined
    got = totals_rows(first)
    assert got["pledged"][0] == pledged and got["pledged"][1] == "100.0%"
    assert {k: got[k] for k in want} == want
    assert "basis: a commitment" in " ".join(first.split()[first.split().index("pledged") :])
    assert not AFTER_A_NUMBER.search(first) and "uncommitted" not in first
    # the colour key and the meanings use the same words
    assert "selected + funded + operating" in first and "pledged - selected" in first


@pytest.mark.parametrize(
    "args",
    [
        ["show", "japan"],
        ["show", "korea"],
        ["compare", "japan", "korea"],
        ["compare", "--all"],
        ["list"],
        ["chart", "japan"],
        ["chart", "--compare", "japan", "korea"],
        ["pace", "japan"],
        ["allocations", "japan", "--totals"],
        ["flows", "japan", "--totals"],
        ["companies", "japan"],
        ["allocations", "japan", "--by", "basis"],
    ],
)
def test_no_screen_calls_an_amount_committed(args: list[str]) -> None:
    text, code = screen([*args, "--no-pager"], 120, 50)
    assert code == 0
    assert not AFTER_A_NUMBER.search(text), AFTER_A_NUMBER.search(text)
    assert "uncommitted" not in text.lower()
    assert "Committed" not in text  # no header, title or key says it


def test_no_help_text_uses_the_old_words() -> None:
    commands = ["show", "list", "compare", "chart", "pace", "allocations", "flows", "companies"]
    for command in ["", *commands]:
        text = deal(*([command] if command else []), "--help").stdout
        assert "committed" not in text.lower(), command


def test_json_keeps_the_old_keys_beside_the_new_for_one_release() -> None:
    doc = json.loads(deal("compare", "japan", "korea", "-s", "totals", "-f", "json").stdout)
    japan = next(r for r in doc["totals"] if r["deal"] == "japan")
    keys = list(japan)
    for new, old in (
        ("pledged_usd_bn", "headline_usd_bn"),
        ("selected_usd_bn", "committed_usd_bn"),
        ("unselected_usd_bn", "uncommitted_usd_bn"),
        ("selected_pct", "committed_pct"),
    ):
        assert keys[keys.index(new) + 1] == old and japan[old] == japan[new], new
    assert (japan["pledged_usd_bn"], japan["selected_usd_bn"]) == (550, 109)
    assert japan["unselected_usd_bn"] == 441
    # csv has the new names only, and an old name in --columns says what it is now
    header = next(csv.reader(io.StringIO(deal("compare", "japan", "korea", "-f", "csv").stdout)))
    assert "selected_usd_bn" in header and not any("committed" in h for h in header)
    bad = deal("list", "-f", "csv", "--columns", "id,committed_usd_bn", code=2)
    assert "'committed_usd_bn' is now 'selected_usd_bn'" in bad.stderr


def test_the_measures_in_files_are_the_words_on_screen() -> None:
    rows = csv.DictReader(io.StringIO(deal("show", "japan", "-s", "totals", "-f", "csv").stdout))
    got = {r["measure"]: (D(r["usd_bn"]), r["meaning"]) for r in rows}
    assert list(got) == ["pledged", "selected", "unselected", "candidates"]
    assert got["pledged"][0] == 550 and got["pledged"][1].startswith("basis: a commitment")
    assert got["selected"] == (D("109"), "selected + funded + operating")
    assert got["unselected"] == (D(441), "pledged - selected")
    assert got["candidates"] == (D("355.95"), "named possible uses; not counted in selected")


def test_the_basis_reads_as_a_word_on_screen_and_stays_the_code_in_files() -> None:
    text, code = screen(["compare", "japan", "korea", "-s", "pledges", "--no-pager"], 120, 50)
    assert code == 0
    rows = {line.split()[0]: line.split() for line in text.splitlines() if line.split()}
    assert rows["japan"][2:4] == ["550", "commitment"]
    assert rows["south-korea"][2:4] == ["350", "commitment"]
    doc = json.loads(deal("compare", "japan", "korea", "-s", "pledges", "-f", "json").stdout)
    assert {r["basis"] for r in doc["pledges"]} == {"committed"}  # the deal format's value
