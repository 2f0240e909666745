"""The SVG and HTML pictures: fitted to their width, with the colour key, numbers intact."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from .conftest import invoke


def _svg_lines(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    # Rich writes each terminal line as text elements sharing one y; join them per line
    rows: dict[str, str] = {}
    for el in root.iter(f"{ns}text"):
        y = el.get("y", "")
        rows[y] = rows.get(y, "") + "".join(el.itertext())
    return [line.replace("\xa0", " ").rstrip() for line in rows.values()]


def test_a_picture_is_fitted_to_its_width(tmp_path: Path) -> None:
    svg = tmp_path / "show.svg"
    r = invoke("show", "japan", "-s", "allocations", "--svg", str(svg))
    assert r.exit_code == 0, r.stderr
    lines = _svg_lines(svg)
    assert lines and max(len(line) for line in lines) <= 110  # pictures are 110 columns wide
    assert any(re.search(r"\b33\.3\b", line) for line in lines)  # Ohio's amount, intact


def test_a_picture_carries_the_colour_key(tmp_path: Path) -> None:
    html = tmp_path / "sectors.html"
    r = invoke("show", "japan", "-s", "sectors", "--html", str(html))
    assert r.exit_code == 0, r.stderr
    text = html.read_text(encoding="utf-8")
    assert "colours:" in text and "selected" in text


def test_a_chart_picture_carries_its_colour_key(tmp_path: Path) -> None:
    svg = tmp_path / "chart.svg"
    r = invoke("chart", "japan", "--svg", str(svg))
    assert r.exit_code == 0, r.stderr
    lines = _svg_lines(svg)
    assert re.search(r"^Energy · selected +108\.4 +19\.7%", "\n".join(lines), re.M)
    # the last line: a swatch of each colour the bars use, and what it stands for
    assert lines[-1] == (
        "  * colours: ██ selected (selected, funded, operating); "
        "██ candidates (named, not selected); ██ unselected"
    )
