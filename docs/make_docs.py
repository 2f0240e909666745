"""`make docs`: regenerate the pictures the README shows.

The first screen of `deal show japan` (24 lines) at 80 and 120 columns, as a
terminal shows it; SVGs of `deal show japan` (totals and sectors), `deal compare
japan korea`, the eight bundled pledges compared (`deal compare --all`, and `deal chart
--compare` on one scale and as shares of GDP) and `deal chart japan`. If Chromium is
installed, the HTML export of `deal show japan` is also rendered to PNG headlessly and
checked not to be blank.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
DEAL = str(Path(sys.executable).parent / "deal")

EIGHT = ["eu", "japan", "qatar", "saudi-arabia", "south-korea", "switzerland", "taiwan", "uae"]
PICTURES = {
    "show-japan.svg": ["show", "japan", "-s", "overview", "-s", "totals", "-s", "sectors"],
    "compare-japan-korea.svg": ["compare", "japan", "korea", "-s", "totals"],
    "compare-all.svg": ["compare", "--all", "-s", "pledges", "-s", "totals", "-s", "gdp"],
    "chart-compare-all.svg": ["chart", "--compare", *EIGHT],
    "chart-compare-gdp.svg": ["chart", "--compare", "--gdp", *EIGHT],
    "chart-japan.svg": ["chart", "japan"],
}


SCREENS = {"show-japan-80.svg": 80, "show-japan-120.svg": 120}  # the first screen, 24 lines


def first_screen(width: int) -> str:
    """`deal show japan` as the first 24 lines of a terminal `width` columns wide, as SVG."""
    from rich.console import Console

    from dealcli.core.registry import open_registry
    from dealcli.render.fit import lay_report
    from dealcli.render.rich_table import draw_lines
    from dealcli.views.show import show

    report = show(open_registry().resolve("japan").deal)
    console = Console(
        file=io.StringIO(), width=width, record=True, force_terminal=True, color_system="standard"
    )
    draw_lines(console, lay_report(report, width)[:24])
    return console.export_svg(title=f"deal show japan ({width}x24)")


def main() -> None:
    for name, width in SCREENS.items():
        (DOCS / name).write_text(first_screen(width))
        print(f"wrote docs/{name}")
    for name, args in PICTURES.items():
        subprocess.run([DEAL, *args, "--svg", str(DOCS / name)], check=True)
        print(f"wrote docs/{name}")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("Chromium not installed: skipping the HTML-to-PNG check (apt-get install chromium)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "japan.html"
        png = DOCS / "show-japan-html.png"
        subprocess.run([DEAL, "show", "japan", "-s", "totals", "--html", str(html)], check=True)
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={tmp}/profile", f"--screenshot={png}", "--window-size=1100,500",
             html.as_uri()],
            check=True, capture_output=True, timeout=120,
        )
    data = png.read_bytes()
    if not blank_check(data):
        raise SystemExit("the rendered HTML export looks blank")
    print(f"wrote docs/{png.name} (rendered by Chromium, not blank)")


def blank_check(png: bytes) -> bool:
    """True when the PNG has more than one colour (decoded with the standard library)."""
    import struct
    import zlib

    pos, chunks, width, height = 8, b"", 0, 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        body = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            chunks += body
        pos += 12 + length
    raw = zlib.decompress(chunks)
    stride = len(raw) // height
    rows = {raw[r * stride + 1 : (r + 1) * stride] for r in range(0, height, 7)}
    return len(rows) > 1 and width > 0


if __name__ == "__main__":
    main()
