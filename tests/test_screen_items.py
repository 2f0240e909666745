"""The second pass over the terminal face, item by item, in a real terminal of 80x24 and
120x50: what a user saw, and what they see now."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealcli.render.prose import width

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
        assert "committed (selected, funded, operating)" in joined
        assert joined.endswith("uncommitted") or joined.endswith("not committed)")
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
