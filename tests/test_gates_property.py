"""A deal whose every text, address and private key is hostile, through every command in every
output format and every export: each output keeps the rule of its gate (dealcli/gates.py).

- terminal, csv, tsv, plain, sqlite: no raw control character (csv and sqlite read back);
- csv, tsv: no cell a spreadsheet would run as a formula;
- json, jsonl: the text read back exactly, nothing raw in the json text;
- HTML and SVG: the elements and attributes plain data gives, and no link but to http(s);
- markdown: no raw `<` (but the `<br>` of a line break) and no link or image.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from dealcli.core.chars import HIDDEN
from dealcli.gates import link

from .conftest import FIXTURES, invoke
from .markup import CONTROL, shape, web_links

MINI = yaml.safe_load((FIXTURES / "mini.yaml").read_text())
FORMATS = ["table", "plain", "csv", "tsv", "json", "jsonl", "markdown"]
# each data command, on the deal "mini"; DIFF is the plain file against the hostile one
COMMANDS = {
    "list": [],
    "show": ["mini"],
    "sources": ["mini"],
    "search": ["x"],
    "timeline": ["mini"],
    "allocations": ["mini"],
    "companies": [],
    "compare": ["mini", "japan"],
    "flows": ["mini"],
    "chart": ["mini"],
    "pace": ["mini"],
    "diff": ["PLAIN", "HOSTILE"],
}
TEXT_KEYS = {"title", "label", "value", "vehicle", "notes", "sector", "subsector", "authority"}
TEXT_KEYS |= {"detail", "publisher"}
# what a colour run adds itself: colours, and links to the addresses the link gate passed
SGR = re.compile(r"\x1b\[[0-9;]*m")
OSC8 = re.compile(r"\x1b\]8;;([^\x00-\x1f\x7f-\x9f]*)\x1b\\")
RAW_JSON = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{HIDDEN}]")
FORMULA = ("=", "+", "@")  # "-" starts negative numbers too

CHARS = [
    *'"\'<>&|[]!()\\*_`#', "\x1b", "\x07", "\x00", "\x08", "\x0b", "\x0c", "\r", "\n", "\t",
    "\x7f", "\x85", "\x9b", "\x9d", "\u202e", "\u2066", "\u200b", "\ufeff", "\u0301", "\u20dd",
    "日", "本", "😀", "ｗ", " ", "a", "b",
]  # fmt: skip
WORDS = st.one_of(
    st.text(st.sampled_from(CHARS), min_size=1, max_size=10),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            '"><img src=x onerror=alert(1)>',
            "[link](javascript:alert(1))",
            "![image](https://tracker.example/p.png)",
            "\x1b]52;c;aGk=\x07",
            "\x1b]8;;https://evil.example\x1b\\",
            "\x1b[2J\x1b[H",
            "w" * 300,
        ]
    ),
)
PREFIX = st.sampled_from(["", "=", "+", "-", "@", "\t", "\r", "=cmd|' /C calc'!A0 "])
TEXT = st.builds(lambda p, ws: p + "x " + " ".join(ws), PREFIX, st.lists(WORDS, max_size=4))
NAME = TEXT.map(lambda t: re.sub(f"[{HIDDEN}]", "", t))  # a hidden character is an error here
URL_TAIL = st.text(st.sampled_from([*"'&;=+@!()*,~%$[]", "a", "日", "é"]), max_size=12)


def _hostile(data: st.DataObject) -> dict[str, Any]:
    deal = json.loads(json.dumps(MINI, default=str))  # a deep copy; dates as text
    todo: list[Any] = [deal]
    while todo:
        node = todo.pop()
        if isinstance(node, list):
            todo.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            if key in TEXT_KEYS and isinstance(value, str):
                node[key] = data.draw(TEXT)
            elif key == "url":
                node[key] = "https://example.org/" + data.draw(URL_TAIL)
            elif key == "companies":
                for company in value:
                    company["name"] = data.draw(NAME)
            else:
                todo.append(value)
    deal["x-" + data.draw(NAME).replace("\n", " ")] = data.draw(TEXT)
    return deal


def _write(folder: Path, deal: dict[str, Any]) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "mini.yaml"
    path.write_text(yaml.safe_dump(deal, allow_unicode=True, sort_keys=False))
    return path


def _args(command: str, plain: Path, hostile: Path) -> list[str]:
    names = {"PLAIN": str(plain), "HOSTILE": str(hostile)}
    return [command, *(names.get(a, a) for a in COMMANDS[command])]


def _run(folder: Path, *args: str, env: dict[str, str] | None = None) -> str:
    r = invoke("--deals-dir", str(folder), *args, env=env)
    assert r.exit_code in ((0, 1) if args[0] == "diff" else (0,)), (args, r.stderr)  # 1: differ
    assert not CONTROL.search(r.stderr), r.stderr  # messages pass the terminal gate too
    return r.stdout


_PLAIN: dict[str, set[tuple[str, tuple[str, ...]]]] = {}


def _plain_elements(kind: str, tmp: Path) -> set[tuple[str, tuple[str, ...]]]:
    """Every element and attribute the pictures of plain data have, over every command."""
    if kind not in _PLAIN:
        folder = tmp / "plain-deals"
        plain = _write(folder, MINI)
        found: set[tuple[str, tuple[str, ...]]] = set()
        for command in COMMANDS:
            out = tmp / f"plain-{command}.{kind}"
            _run(folder, *_args(command, plain, plain), f"--{kind}", str(out))
            found |= shape(out.read_text()).elements
        _PLAIN[kind] = found
    return _PLAIN[kind]


def check_terminal(text: str) -> None:
    links = [url for url in OSC8.findall(text) if url]
    assert [url for url in links if link(url) != url] == []  # only web addresses, whole
    assert not CONTROL.search(OSC8.sub("", SGR.sub("", text)))


def check_delimited(text: str, fmt: str) -> None:
    check_terminal(text)
    if fmt == "plain":  # for scripts, exact: never defused (README)
        return
    if fmt == "csv":
        cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    else:
        cells = [c for line in text.splitlines() for c in line.split("\t")]
    assert not [c for c in cells if c.startswith(FORMULA)]


def check_json(text: str, fmt: str) -> None:
    assert not RAW_JSON.search(text.replace("\n", ""))  # every control escaped
    for doc in [text] if fmt == "json" else text.splitlines():
        json.loads(doc)


def check_markdown(text: str) -> None:
    assert "<" not in text.replace("<br>", "")
    check_terminal(text)
    page = shape(MarkdownIt("commonmark").enable("table").render(text))
    assert not {tag for tag, _ in page.elements} & {"a", "img", "script", "iframe", "svg"}


CHECKS = {
    "table": check_terminal,
    "plain": lambda t: check_delimited(t, "plain"),
    "csv": lambda t: check_delimited(t, "csv"),
    "tsv": lambda t: check_delimited(t, "tsv"),
    "json": lambda t: check_json(t, "json"),
    "jsonl": lambda t: check_json(t, "jsonl"),
    "markdown": check_markdown,
}


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a run takes seconds: no shrinking
)
@given(data=st.data())
def test_every_output_keeps_its_gate(tmp_path_factory: Any, data: st.DataObject) -> None:
    tmp = tmp_path_factory.mktemp("gates")
    allowed = {kind: _plain_elements(kind, tmp) for kind in ("html", "svg")}
    plain = _write(tmp / "plain", MINI)
    folder = tmp / "deals"
    hostile = _write(folder, _hostile(data))
    for command in COMMANDS:
        args = _args(command, plain, hostile)
        for fmt in FORMATS:
            try:
                CHECKS[fmt](_run(folder, *args, "-f", fmt))
            except AssertionError as exc:
                raise AssertionError(f"deal {' '.join(args)} -f {fmt}") from exc
        check_terminal(_run(folder, *args, "-f", "table", env={"FORCE_COLOR": "1"}))
        for kind in ("html", "svg"):
            out = tmp / f"{command}.{kind}"
            _run(folder, *args, f"--{kind}", str(out))
            page = shape(out.read_text())
            assert page.elements <= allowed[kind], (command, kind)
            assert web_links(page.links) == [], (command, kind)
        _run(folder, *args, "-o", str(tmp / f"{command}.xlsx"))
    check_terminal(_run(folder, "validate", str(hostile)))
    _check_exports(folder, tmp)


def _check_exports(folder: Path, tmp: Path) -> None:
    db = tmp / "deals.db"
    _run(folder, "export", "mini", "-f", "sqlite", "-o", str(db))
    con = sqlite3.connect(db)
    tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for table in tables:
        for row in con.execute(f"SELECT * FROM {table}"):
            assert not [v for v in row if isinstance(v, str) and CONTROL.search(v)], table
    con.close()
    check_json(_run(folder, "export", "mini", "-f", "json", "-o", "-"), "json")
    _run(folder, "export", "mini", "-f", "csv", "-o", str(tmp / "csv"))
    for path in (tmp / "csv").glob("*.csv"):
        check_delimited(path.read_text(encoding="utf-8"), "csv")
