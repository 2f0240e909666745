"""Every command's main screens in a real terminal of 60, 80 and 120 columns: no line wider
than the terminal, no word broken (footnotes, colour keys and help included).

A word is broken when a piece of it shows that the same command at 1,000 columns (where
nothing is wrapped) never shows: "--deals-" of "--deals-dir", "infrastruct". A word cut
with "…" must begin a word that the wide screen shows.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from dealcli.render.fit import WIDE_HINT
from dealcli.render.prose import width

from .conftest import BUNDLED
from .terminal import screen

WIDTHS = (60, 80, 120)
SCREENS = [
    [],
    ["--help"],
    ["list"],
    ["show", "japan"],
    ["show", "korea"],
    ["show", "eu"],
    ["show", "japan", "--currency", "JPY"],
    ["sources", "japan"],
    ["sources", "--check"],
    ["search", "hitachi"],
    ["timeline", "japan", "korea"],
    ["allocations", "japan", "--by", "sector"],
    ["allocations", "japan", "--by", "company"],
    ["allocations", "korea", "--by", "status", "--totals"],
    ["companies"],
    ["compare", "japan", "korea"],
    ["compare", "--all"],
    ["flows", "japan"],
    ["chart", "japan"],
    ["chart", "japan", "--by", "company"],
    ["chart", "--compare", "japan", "korea", "eu"],
    ["chart", "--compare", "--gdp", "--all"],
    ["chart", "--compare", "--by", "sector", "japan", "korea"],
    ["pace", "japan"],
    ["pace", "korea"],
    ["diff", "japan", str(BUNDLED / "south-korea.yaml")],
    ["validate", str(BUNDLED)],
    *[
        [command, "--help"]
        for command in [
            "list",
            "show",
            "sources",
            "search",
            "timeline",
            "allocations",
            "companies",
            "compare",
            "flows",
            "chart",
            "pace",
            "diff",
            "export",
            "validate",
            "schema",
        ]
    ],
]
FOOTNOTE = set(f"* ■ not shown at this width: (see {WIDE_HINT})".split())
BARS = set("█#+─")


def _all() -> dict[tuple[str, int], str]:
    jobs = [(" ".join(a), w) for a in SCREENS for w in (*WIDTHS, 1000)]
    with ThreadPoolExecutor(4) as pool:
        shots = pool.map(lambda job: screen(job[0].split(), job[1], rows=50)[0], jobs)
        return dict(zip(jobs, shots, strict=True))


@pytest.fixture(scope="module")
def shots() -> dict[tuple[str, int], str]:
    return _all()


@pytest.mark.parametrize("args", [" ".join(a) for a in SCREENS])
def test_every_line_fits_and_no_word_is_broken(
    args: str, shots: dict[tuple[str, int], str]
) -> None:
    whole = set(shots[args, 1000].split()) | FOOTNOTE
    help = not args or "--help" in args
    if help:  # where [a|b|c] does not fit a line, the text says "NAME: one of a, b, c."
        whole |= {c for w in whole if "|" in w for c in w.strip("[]").split("|")}
        whole |= {"one", "of", "\\"}  # and an example too long goes on after " \\"
    assert "Traceback" not in shots[args, 1000]
    for cols in WIDTHS:
        text = shots[args, cols]
        assert text.strip(), (args, cols)
        for n, line in enumerate(text.splitlines()):
            assert width(line) <= cols, (args, cols, n, line)
            for word in line.split():
                if set(word) <= BARS:
                    continue
                if word.endswith("…"):
                    stem = word[:-1].lstrip("(")
                    assert any(stem in w for w in whole), (args, cols, n, word)
                elif not (help and word.isupper()):  # help names a value FORMAT or [a|b]
                    assert word in whole or word.rstrip(",;.") in whole, (args, cols, n, word, line)
