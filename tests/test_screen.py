"""What a terminal shows: fitted to 60, 80, 120 and 200 columns, words never broken,
numbers first, shares rounded once.

The word check: every word on screen must be a word of the `-f markdown` output
of the same command (which is never wrapped), or a cut one that ends in "…";
a fragment of a broken word ("ohio-portsmo", "infrastruct") is neither.
"""

from __future__ import annotations

import html
import os
import pty
import re
import select
import subprocess
from pathlib import Path

import pytest

from dealcli.core.reading import read_deal
from dealcli.core.summary import summarize
from dealcli.core.table import number
from dealcli.render import Options, render
from dealcli.render.fit import WIDE_HINT
from dealcli.views import allocations, companies, compare, listing, show
from dealcli.views.returns import DEFAULTS, NUMERIC, OPTIONS
from dealcli.views.returns_parts import SECTIONS
from dealcli.views.returns_run import build as returns

from .conftest import BUNDLED, FIXTURES, deal_bin

WIDTHS = (60, 80, 120, 200)
SHARES = read_deal(FIXTURES / "shares.yaml")
MINI = read_deal(FIXTURES / "mini.yaml")
# footnotes a terminal adds (not in markdown): the columns left out, and how to see them
FOOTNOTE_WORDS = set(f"* not shown at this width: (see {WIDE_HINT})".split())


def _deals() -> list:  # type: ignore[type-arg]
    return [
        MINI,
        SHARES,
        read_deal(BUNDLED / "japan.yaml"),
        read_deal(BUNDLED / "south-korea.yaml"),
    ]


def reports() -> dict[str, object]:
    deals = _deals()
    out: dict[str, object] = {}
    for d in deals:
        out[f"show {d.id}"] = show.show(d)
        out[f"allocations {d.id} --by sector"] = allocations.allocations_by(d, "sector")
        out[f"allocations {d.id} --by company"] = allocations.allocations_by(d, "company")
        out[f"sources {d.id}"] = show.show(d, ["sources"])
    out["list"] = listing.listing((summarize(d), "bundled") for d in deals)
    out["companies"] = companies.companies(deals)
    out["compare"] = compare.compare(deals)
    typed = {o: number(getattr(DEFAULTS, OPTIONS[o][0])) for o in NUMERIC}
    paired = [d for d in deals if d.id in ("japan", "south-korea")]
    every = list(SECTIONS)
    out["returns --compare"] = returns(
        paired, True, None, None, typed, "simple", "target", None, every, False
    )
    return out


REPORTS = reports()


def words(text: str) -> set[str]:
    """The words of markdown text as a reader sees them (entities such as &amp; decoded)."""
    text = html.unescape(text.replace("<br>", " ").replace("\\|", "|"))
    return {w for w in re.split(r"[\s|]+", text) if w}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(REPORTS))
def test_no_word_is_broken_and_nothing_is_cut_without_an_ellipsis(name: str, width: int) -> None:
    report = REPORTS[name]
    whole = words(render(report, Options(format="markdown"))) | FOOTNOTE_WORDS  # type: ignore[arg-type]
    screen = render(report, Options(format="table", width=width))  # type: ignore[arg-type]
    for n, line in enumerate(screen.splitlines()):
        assert len(line) <= width or not line.isascii(), (n, line)
        for word in line.split():
            if set(word) <= set("─"):
                continue  # the rule under a header
            if word.endswith("…"):
                stem = word[:-1]
                assert any(w.startswith(stem) for w in whole), (n, word)
            else:  # the footnote lists column names with commas between
                assert word in whole or word.rstrip(",") in whole, (n, word, line)


def test_the_first_screen_is_the_numbers() -> None:
    # mini: pledged 100; selected a3 25 + p2 5 + a5 10 = 40; candidates 30 + 20 + 40 = 90;
    # unselected 100 - 40 = 60; the top sector by selected money is Chips (25)
    screen = render(show.show(MINI), Options(format="table", width=80)).splitlines()[:24]
    text = "\n".join(screen)
    assert screen[0] == "Mini test deal"
    assert "Japan → United States" in screen[1] and "signed" in screen[1]
    caption = " ".join(screen[1:3])  # 94 characters: wrapped at a word
    assert "USD 100 bn pledged (basis: a commitment)" in caption and "2026-01-31" in caption
    assert "committed" not in text
    rows = {line.split()[0]: line.split()[1:3] for line in screen if line.split()}
    assert rows["pledged"] == ["100", "100.0%"]
    assert rows["selected"] == ["40", "40.0%"]
    assert rows["unselected"] == ["60", "60.0%"]
    assert rows["candidates"] == ["90", "90.0%"]
    sectors = screen.index(next(line for line in screen if line.startswith("Sector")))
    assert screen[sectors + 1].startswith("Chips")
    assert "Key term" in text and "Tariff" not in text  # mini's tariff lapsed on 2026-02-20
    assert "Notes" not in text and "Sources" not in text


def test_shares_are_rounded_once_from_the_exact_value() -> None:
    # headline 550: 300/550 = 54.5454...% -> 54.5; 108.1/550 = 19.6545...% -> 19.7;
    # 25/550 = 4.5454...% -> 4.5; 30/550 = 5.4545...% -> 5.5 (from two decimals, 54.55 would
    # round to 54.6 and 19.65 to 19.6, half-even, or 4.55 to 4.6)
    screen = render(show.show(SHARES, ["sectors"]), Options(format="table", width=120))
    lines = {line.split()[0]: line.split() for line in screen.splitlines() if line.split()}
    assert lines["Energy"][1:5] == ["300", "54.5%", "108.1", "19.7%"]
    assert lines["Semiconductors"][1:3] == ["25", "4.5%"]
    assert lines["AI"][2:4] == ["30", "5.5%"]
    # files carry two decimals, rounded once: 54.55, 19.65, 4.55, 5.45
    csv = render(show.show(SHARES, ["sectors"]), Options(format="csv")).splitlines()
    assert csv[1].split(",")[:5] == ["Energy", "300", "54.55", "108.1", "19.65"]
    assert csv[2].split(",")[:3] == ["AI infrastructure", "30", "5.45"]
    assert csv[3].split(",")[:3] == ["Semiconductors", "25", "4.55"]


def test_narrow_tables_drop_low_priority_columns_and_say_so() -> None:
    screen = render(show.show(SHARES, ["allocations"]), Options(format="table", width=60))
    assert "Title" in screen and "108.1" in screen  # the label and the money stay
    assert "ohio-portsmouth" not in screen  # the id goes first...
    assert "not shown at this width: " in screen and "Id" in screen  # ...and the footnote says so
    wide = render(show.show(SHARES, ["allocations"]), Options(format="table", width=None))
    assert "ohio-portsmouth-gas-power-with-a-very-long-identifier" in wide


def test_urls_are_shortened_whole_or_linked_never_split() -> None:
    url = "https://example.org/a/very/long/address/that/no/narrow/column/can/hold/whole/index.html"
    plain = render(show.show(SHARES, ["sources"]), Options(format="table", width=80))
    assert url not in plain and "https://example.org/a/very…" in plain and "…" in plain
    coloured = render(show.show(SHARES, ["sources"]), Options(format="table", width=80, color=True))
    assert f"\x1b]8;;{url}\x1b\\" in coloured  # OSC 8: the link carries the whole address
    wide = render(show.show(SHARES, ["sources"]), Options(format="table", width=200))
    assert url in wide


def test_colour_carries_stage_and_state_but_not_alone() -> None:
    screen = render(
        show.show(SHARES, ["allocations", "terms"]), Options(format="table", width=200, color=True)
    )
    assert "\x1b[36mPortsmouth gas power" in screen  # a candidate row
    assert "\x1b[32mGrid" in screen  # a selected (selected) row
    assert "\x1b[2mOld tariff" in screen  # a lapsed term is dimmed
    assert "colours:" in screen  # and a footnote says what the colours mean
    plain = render(show.show(SHARES, ["allocations", "terms"]), Options(format="table", width=200))
    assert "\x1b" not in plain and "candidate" in plain and "lapsed" in plain


def _pty_run(args: list[str], cols: int, env: dict[str, str]) -> str:
    """Run `deal ARGS` with its stdout on a pseudo-terminal of `cols` x 24."""
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))
    full = {**os.environ, **env, "COLUMNS": str(cols), "LINES": "24"}
    proc = subprocess.Popen([deal_bin(), *args], stdout=slave, stderr=slave, stdin=slave, env=full)
    os.close(slave)
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 10)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=10)
    os.close(master)
    return out.decode("utf-8", "replace").replace("\r\n", "\n")


@pytest.mark.parametrize("cols", [60, 80, 120])
def test_show_in_a_real_terminal_fits_its_width(cols: int, tmp_path: Path) -> None:
    text = _pty_run(
        ["--deals-dir", str(FIXTURES), "show", "shares", "--no-pager"], cols, {"NO_COLOR": "1"}
    )
    lines = text.splitlines()
    assert lines[0].startswith("Shares test deal")
    assert all(len(line) <= cols for line in lines), max(lines, key=len)
    assert "\x1b[" not in text  # NO_COLOR wins
    whole = (
        words(
            subprocess.run(
                [deal_bin(), "--deals-dir", str(FIXTURES), "show", "shares", "-f", "markdown"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        | FOOTNOTE_WORDS
    )
    broken = [
        w
        for line in lines
        for w in line.split()
        if w not in whole and w.rstrip(",") not in whole and not w.endswith("…")
    ]
    assert [w for w in broken if set(w) - set("─")] == []
