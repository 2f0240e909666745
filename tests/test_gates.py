"""The text gates, one per kind of output, and the renderers that take their text through them."""

from __future__ import annotations

import json
import re

import pytest
from markdown_it import MarkdownIt

from dealcli.core.table import Column, Report, Table
from dealcli.gates import (
    all_clean,
    all_defused,
    clean,
    defuse,
    html,
    json_string,
    link,
    markdown,
    sqlite,
)
from dealcli.render import Options, render
from dealcli.render.grid import paint
from dealcli.render.picture import picture

from .markup import CONTROL, shape, web_links

ATTACK_URL = 'https://example.gov/"><img/src/onerror=alert(1)>'
HOSTILE_TEXT = (
    "<b>x</b> \"q\" 'a' & [l](javascript:alert(1)) ![i](https://e.org/i.png) \\[y](z) a|b"
)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a",
        "http://example.org/a?b=1&c=2#d",
        "HTTPS://EXAMPLE.ORG",
        "https://例え.jp/パス",
        "https://example.org/it's",
    ],
)
def test_a_web_address_is_a_link(url: str) -> None:
    assert link(url) == url


@pytest.mark.parametrize(
    "url",
    [
        ATTACK_URL,
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:x",
        "file:///etc/passwd",
        "//example.org/a",
        "http:/example.org",
        "https:///path",
        "https://example.org/a b",
        "https://example.org/\x1b]8;;https://evil\x1b\\",
        "https://example.org/\x07",
        "https://example.org/\u202e",
        "https://example.org/\u3000",
        "https://[::1/",
        " https://example.org/",
        "https://example.org/`x`",
        "",
    ],
)
def test_anything_else_is_no_link(url: str) -> None:
    assert link(url) is None


def test_html_escapes_text_and_attributes_quotes_included() -> None:
    assert html("<a href=\"x\" title='y'>&</a>") == (
        "&lt;a href=&quot;x&quot; title=&#x27;y&#x27;&gt;&amp;&lt;/a&gt;"
    )
    assert html("a\x1bb\x00\ud800") == "a\u241bb\u2400\ufffd"  # nothing XML cannot hold


def _md_html(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(text)


@pytest.mark.parametrize(
    "text",
    [
        HOSTILE_TEXT,
        "[x]: javascript:alert(1)\n\n[x]",
        "<https://example.org>",
        "<img src=x onerror=alert(1)>",
        "\\<script>",
        "![](https://tracker.example/p.png)",
        "[a\\](b)",
    ],
)
def test_markdown_shows_markup_links_and_images_as_text(text: str) -> None:
    out = markdown(text)
    assert "<" not in out.replace("<br>", "")
    page = shape(_md_html(f"| h |\n|---|\n| {out} |\n\n{out}\n"))
    assert {tag for tag, _ in page.elements} <= {
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "p",
        "br",
    }
    assert page.links == []


def test_markdown_keeps_the_text_people_read() -> None:
    text = "a|b [c] !d <e> & f\\g"
    page = shape(_md_html(markdown(text)))
    assert "".join(page.text).strip() == text


def test_csv_sqlite_and_json_gates() -> None:
    assert defuse("=1+2") == "'=1+2" and defuse("a=1") == "a=1"
    assert sqlite("a\x1b]52;c;aGk=\x07") == "a\u241b]52;c;aGk=\u2407"
    assert sqlite(3) == 3 and sqlite(None) is None
    text = 'a\x1b\x7f\x9f\u202e\U000e0041\ud800"\\'
    literal = json_string(text)
    assert json.loads(literal) == text  # exact
    assert not CONTROL.search(literal) and clean(literal) == literal  # inert


def test_all_clean_is_clean_leaving_every_text_as_it_is() -> None:
    """The one pass over many texts says what `clean` (and `defuse`) of each would: for
    every character, alone and among plain ASCII texts; a text that holds a newline may
    be called unsafe when it is not (its cell then goes through the gate)."""
    for code in range(0x110000):
        ch = chr(code)
        alone = clean(ch) == ch
        assert all_clean([ch]) is alone, hex(code)
        if code < 0x80 or not alone:
            assert all_clean(["plain", f"a{ch}b", "more\ttext\n"]) is alone, hex(code)
            for texts in (["plain", f"{ch}b"], [f"{ch}"], [f"a{ch}b", "x"]):
                same = all(defuse(clean(t)) == t for t in texts)
                assert same or not all_defused(texts), (hex(code), texts)
                if "\n" not in "".join(texts):
                    assert all_defused(texts) is same, (hex(code), texts)
    assert all_clean([]) and all_clean(["", "a\nb"]) and all_defused([]) and all_defused([""])
    assert not all_defused(["a", "=1+2"]) and not all_defused(["@SUM(A1)"])


def _sources(*urls: str, title: str = "Source") -> Report:
    table = Table(
        "sources",
        "Sources",
        [Column("title", "Title", main=True), Column("url", "URL", link=True)],
    )
    for url in urls:
        table.add(title, url)
    return Report("Sources of a deal", [table])


PLAIN = _sources("https://example.org/a", "https://example.org/b")
HOSTILE = _sources(
    "https://example.org/a?x=1&y=2",
    ATTACK_URL,
    "javascript:alert(document.domain)",
    "https://example.org/\x1b]8;;x\x07",
    title=HOSTILE_TEXT + ' "><svg onload=alert(1)>',
)


@pytest.mark.parametrize("kind", ["html", "svg"])
def test_a_picture_has_the_elements_plain_data_gives(kind: str) -> None:
    plain, hostile = shape(picture(PLAIN, kind)), shape(picture(HOSTILE, kind))
    assert hostile.elements <= plain.elements
    assert web_links(hostile.links) == []
    text = "".join(hostile.text).replace("\xa0", " ")
    assert '"><svg onload=alert(1)>' in text and "<b>x</b>" in text  # shown as text
    assert not CONTROL.search(text)


def test_a_picture_links_only_web_addresses_each_exactly() -> None:
    links = shape(picture(HOSTILE, "html")).links
    assert links == ["https://example.org/a?x=1&y=2"]  # escaped once, read back exact


_ESCAPE = re.compile(r"\x1b(\[[0-9;]*m|\]8;;([^\x1b\x07]*)\x1b\\)")


@pytest.mark.parametrize(
    "url",
    ["https://example.org/\x1b]8;;https://evil\x1b\\", "https://example.org/\x07x", ATTACK_URL],
)
def test_a_terminal_link_holds_only_a_web_address(url: str) -> None:
    # laid out in a colour terminal, and painted straight from a style holding the address
    report = _sources("https://example.org/a", url)
    drawn = str(render(report, Options(format="table", color=True, width=120)))
    raw = paint([[("shown", "link:" + url)]], color=True, links=True)
    for out in (drawn, raw):
        escapes = [m.group(2) for m in _ESCAPE.finditer(out) if m.group(2)]
        assert escapes <= ["https://example.org/a"]
        assert not CONTROL.search(_ESCAPE.sub("", out))  # no other escape, nothing raw
    assert "\x1b]8;;https://example.org/a\x1b\\" in drawn
