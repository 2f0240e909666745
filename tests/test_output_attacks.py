"""Hostile data in every output, run as a user runs the installed command (real processes)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from .conftest import FIXTURES
from .markup import CONTROL, shape, web_links
from .test_process import run

ATTACK_URL = 'https://example.gov/\\"><img/src/onerror=alert(1)>'  # as YAML writes it
OSC52 = "\\e]52;c;aGVsbG8=\\a"  # sets the clipboard in many terminals
TITLE = (
    f"<script>alert(1)</script> [x](javascript:alert(1)) ![i](https://e.org/p.png) {OSC52} \\\" '"
)


def hostile_folder(tmp_path: Path, url: str = ATTACK_URL) -> Path:
    """The mini deal with a hostile source address and hostile text where people read it."""
    text = (FIXTURES / "mini.yaml").read_text()
    text = text.replace('url: "https://example.org/a"', f'url: "{url}"')
    text = text.replace("title: Power plant", f'title: "{TITLE}"')
    text = text.replace("publisher: Pub A", f'publisher: "{TITLE}"')
    folder = tmp_path / "deals"
    folder.mkdir()
    (folder / "mini.yaml").write_text(text)
    return folder


def plain_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "mini.yaml").write_text((FIXTURES / "mini.yaml").read_text())
    return folder


def _picture(folder: Path, kind: str, out: Path) -> tuple[int, str]:
    r = run("--deals-dir", str(folder), "show", "mini", f"--{kind}", str(out), cwd=out.parent)
    return r.returncode, r.stderr


@pytest.mark.parametrize("kind", ["html", "svg"])
def test_a_hostile_source_address_is_no_live_markup_in_a_picture(tmp_path: Path, kind: str) -> None:
    plain_out, out = tmp_path / f"plain.{kind}", tmp_path / f"hostile.{kind}"
    assert _picture(plain_folder(tmp_path), kind, plain_out)[0] == 0
    code, err = _picture(hostile_folder(tmp_path), kind, out)
    if code != 0:  # refused by validation: a message about the address, nothing written
        assert code in (1, 2) and "url" in err and not out.exists(), err
        return
    plain, hostile = shape(plain_out.read_text()), shape(out.read_text())
    assert hostile.elements <= plain.elements  # no new element, no new attribute
    assert web_links(hostile.links) == []
    text = "".join(hostile.text)
    assert "<script>alert(1)</script>" in text.replace("\xa0", " ")  # shown as text
    assert not CONTROL.search(text)


def test_hostile_text_is_no_live_markup_in_markdown(tmp_path: Path) -> None:
    # the address passes every check: markup comes only from text fields
    folder = hostile_folder(tmp_path, url="https://example.org/a?b=1&c=2")
    r = run("--deals-dir", str(folder), "show", "mini", "-f", "markdown", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "<" not in r.stdout.replace("<br>", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:alert(1))" in r.stdout
    assert "\\!\\[i\\](https://e.org/p.png)" in r.stdout
    assert not CONTROL.search(r.stdout)


def test_an_sqlite_export_stores_no_raw_control(tmp_path: Path) -> None:
    folder = hostile_folder(tmp_path, url="https://example.org/a")
    db = tmp_path / "deals.db"
    r = run("--deals-dir", str(folder), "export", "-f", "sqlite", "-o", str(db), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    con = sqlite3.connect(db)
    texts = []
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in con.execute(f"SELECT * FROM {table}"):
            texts += [v for v in row if isinstance(v, str)]
    con.close()
    assert [t for t in texts if CONTROL.search(t)] == []
    title = next(t for t in texts if t.startswith("<script>"))
    assert "\u241b]52;c;aGVsbG8=\u2407" in title  # shown, as csv shows it


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Acme Power", "Acme Power"),  # one name, two countries: two firms
        ("Acme\\e Power", "Acme\\u241b Power"),  # a control and its picture: one after the gate
    ],
)
def test_an_sqlite_export_of_companies_the_gate_makes_alike(
    tmp_path: Path, first: str, second: str
) -> None:
    text = (FIXTURES / "mini.yaml").read_text()
    text = text.replace(
        'name: Nippon Co, country: "JP", role: lead}',
        f'name: "{first}", country: "JP", role: lead}}',
    )
    text = text.replace(
        'name: Acme Power, country: "US", role: lead}',
        f'name: "{second}", country: "US", role: lead}}',
    )
    folder = tmp_path / "deals"
    folder.mkdir()
    (folder / "mini.yaml").write_text(text)
    db = tmp_path / "deals.db"
    r = run(
        "--deals-dir", str(folder), "export", "mini", "-f", "sqlite", "-o", str(db), cwd=tmp_path
    )
    assert r.returncode == 0, r.stderr
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT name, country FROM allocation_companies WHERE allocation_id = 'a2' AND role = 'lead'"
    ).fetchall()
    con.close()
    assert sorted(country for _, country in rows) == ["JP", "US"]
    assert len({name for name, _ in rows}) == 1
