"""The second pass over the terminal face, item by item, in a real terminal of 80x24 and
120x50: what a user saw, and what they see now."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from dealcli.render.prose import width

from .conftest import FIXTURES, deal_bin
from .terminal import screen

SIZES = [(80, 24), (120, 50)]


def _keys(text: str) -> list[list[str]]:
    """Each colour key's lines: its first ("* colours:") and those that go on under it."""
    lines = text.splitlines()
    out = []
    for n, line in enumerate(lines):
        if line.strip().startswith("* colours:"):
            key = [line]
            for more in lines[n + 1 :]:
                if not more.startswith("    ") or more.startswith("     "):
                    break
                key.append(more)
            out.append(key)
    return out


@pytest.mark.parametrize(("cols", "rows"), SIZES)
@pytest.mark.parametrize(
    "args", [["show", "japan"], ["compare", "japan", "korea"], ["list"], ["chart", "japan"]]
)
def test_the_colour_key_fits_and_goes_on_under_itself(
    args: list[str], cols: int, rows: int
) -> None:
    text, code = screen([*args, "--no-pager"], cols, rows)
    assert code == 0
    keys = _keys(text)
    assert keys, text  # a colour terminal explains its colours
    for key in keys:
        assert all(width(line) <= cols for line in key), key
        joined = " ".join(line.strip() for line in key)
        assert "selected (selected, funded, operating)" in joined
        assert joined.endswith("unselected") or joined.endswith("not selected)")
        assert "committed" not in joined
        if cols == 80:  # 91-106 characters: wrapped at words, with a hanging indent
            assert len(key) == 2, key


@pytest.mark.parametrize(("cols", "rows"), SIZES)
@pytest.mark.parametrize("args", [["pace", "japan"], ["pace", "korea"], ["chart", "japan"]])
def test_chart_footnotes_and_key_fit_at_words(args: list[str], cols: int, rows: int) -> None:
    text, code = screen(args, cols, rows)
    assert code == 0
    lines = text.splitlines()
    assert all(width(line) <= cols for line in lines), max(lines, key=len)
    notes = [n for n, line in enumerate(lines) if line.startswith("  * ")]
    assert notes
    for n in notes:  # a footnote that goes on does so under its first word
        for line in lines[n + 1 :]:
            if line.startswith("  * ") or not line.startswith("    "):
                break
            assert line[4] != " "
    if args[0] == "pace":
        prose = " ".join(line.strip() for line in lines[notes[0] :])
        assert "years are days / 365.25; the straight line runs from 0 at signing" in prose


@pytest.mark.parametrize(("cols", "rows"), SIZES)
def test_help_fits_and_keeps_option_names_whole(cols: int, rows: int) -> None:
    text, _ = screen(["show", "--help"], cols, rows)
    lines = text.splitlines()
    assert max(width(line) for line in lines) <= cols - 2
    # --section's choices do not fit beside it: named, then listed in its text
    assert "-s, --section NAME" in text
    assert "top-sectors," in text.split()  # never "top-" on one line, "sectors" on the next
    group, _ = screen(["--help"], cols, rows, env={"DEAL_PAGER": ""})
    assert "--deals-dir" in group.split() and "--deals-" not in group.split()
    # the sources command is summed up whole, not cut at its comma
    summary = group[group.index("  sources") : group.index("  search")]
    assert " ".join(summary.split()).endswith("and how many items each backs.")


@pytest.mark.parametrize("args", [[], ["--help"], ["show", "--help"]])
def test_help_taller_than_the_screen_is_paged(args: list[str], tmp_path: Path) -> None:
    mark = tmp_path / "paged"
    pager = tmp_path / "pager"
    pager.write_text(f"#!/bin/sh\ncat > {mark}\n")
    pager.chmod(0o755)
    text, code = screen(args, 80, 24, env={"DEAL_PAGER": str(pager)})
    assert code == 0
    assert mark.exists() and "Usage: deal" in mark.read_text()  # all of it went to the pager
    assert "Usage: deal" not in text
    # on a screen tall enough for it, it is printed at once
    mark.unlink()
    text, code = screen(args, 120, 200, env={"DEAL_PAGER": str(pager)})
    assert code == 0 and not mark.exists() and text.startswith("Usage: deal")


# -- flags where users put them ------------------------------------------------------------


@pytest.fixture
def pager(tmp_path: Path) -> tuple[Path, Path]:
    """A pager that records what it was given."""
    mark = tmp_path / "paged"
    script = tmp_path / "pager"
    script.write_text(f"#!/bin/sh\ncat > {mark}\n")
    script.chmod(0o755)
    return script, mark


@pytest.mark.parametrize("args", [["--no-pager", "show", "japan"], ["show", "japan", "--no-pager"]])
def test_no_pager_before_or_after_the_command(args: list[str], pager: tuple[Path, Path]) -> None:
    script, mark = pager
    text, code = screen(args, 80, 24, env={"DEAL_PAGER": str(script)})
    assert code == 0 and not mark.exists()
    assert text.startswith("US-Japan Strategic Trade") and "pledged" in text
    # and without it, the same screen goes through the pager
    text, code = screen(["show", "japan"], 80, 24, env={"DEAL_PAGER": str(script)})
    assert code == 0 and "pledged" in mark.read_text()


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize(
    ("wish", "env", "coloured"),
    [
        ("never", {}, False),
        ("always", {}, True),
        ("auto", {}, True),
        ("always", {"NO_COLOR": "1"}, True),  # the flag says more than the variable
        ("never", {"FORCE_COLOR": "1"}, False),
        (None, {"NO_COLOR": "1"}, False),  # the variables still work
    ],
)
def test_color_before_or_after_the_command(
    where: str, wish: str | None, env: dict[str, str], coloured: bool
) -> None:
    flag = ["--color", wish] if wish else []
    args = [*flag, "list", "--no-pager"] if where == "before" else ["list", "--no-pager", *flag]
    raw, code = screen(args, 120, 50, env=env, keep_colour=True)
    assert code == 0 and "japan" in raw
    assert ("\x1b[" in raw) == coloured


def test_color_always_colours_a_table_into_a_pipe() -> None:
    r = subprocess.run(
        [deal_bin(), "--color", "always", "list", "-f", "table"], capture_output=True, text=True
    )
    assert r.returncode == 0 and "\x1b[32m" in r.stdout  # selected money in green
    r = subprocess.run([deal_bin(), "list", "-f", "table"], capture_output=True, text=True)
    assert "\x1b[" not in r.stdout
    r = subprocess.run([deal_bin(), "--color", "sometimes", "list"], capture_output=True, text=True)
    assert r.returncode == 2 and "auto" in r.stderr and "never" in r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["-f", "csv", "show", "japan", "-s", "totals"],
        ["show", "japan", "-s", "totals", "-f", "csv"],
        ["--format", "CSV", "show", "japan", "-s", "totals"],
    ],
)
def test_format_before_or_after_the_command(args: list[str]) -> None:
    r = subprocess.run([deal_bin(), *args], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    rows = {row["measure"]: row for row in csv.DictReader(io.StringIO(r.stdout))}
    assert rows["pledged"]["usd_bn"] == "550" and rows["selected"]["usd_bn"] == "109"


def test_the_command_s_own_format_wins_and_a_bad_one_is_named() -> None:
    r = subprocess.run(
        [deal_bin(), "-f", "csv", "list", "-f", "json"], capture_output=True, text=True
    )
    assert json.loads(r.stdout)[0]["id"] == "eu"
    r = subprocess.run([deal_bin(), "-f", "cvs", "list"], capture_output=True, text=True)
    assert r.returncode == 2 and "did you mean 'csv'?" in r.stderr
    r = subprocess.run(
        [deal_bin(), "-f", "csv", "validate", "deals"], capture_output=True, text=True
    )
    assert r.returncode == 2 and "validate" in r.stderr


@pytest.mark.parametrize("where", ["before", "after"])
def test_output_and_deals_dir_before_or_after_the_command(where: str, tmp_path: Path) -> None:
    out = tmp_path / "mini.csv"
    common = ["--deals-dir", str(FIXTURES), "-o", str(out)]
    command = ["show", "mini", "-s", "totals"]
    args = [*common, *command] if where == "before" else [*command, *common]
    r = subprocess.run([deal_bin(), *args], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    rows = {row["measure"]: row["usd_bn"] for row in csv.DictReader(io.StringIO(out.read_text()))}
    assert rows["pledged"] == "100" and rows["selected"] == "40"  # mini: 25 + 5 + 10


def test_export_takes_format_and_output_before_the_command(tmp_path: Path) -> None:
    out = tmp_path / "deals.json"
    r = subprocess.run(
        [deal_bin(), "-f", "json", "-o", str(out), "export", "japan"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert [d["id"] for d in json.loads(out.read_text())] == ["japan"]
