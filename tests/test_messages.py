"""Every rejection says where (field path, line, column) and what, in words a user can act on.

The base deal below is valid; each test changes one thing in it. Line and column numbers
are counted by hand in BASE (1-based; a value's column is where its first character, or its
opening quote, stands).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dealcli.core.build import build
from dealcli.core.errors import Problem
from dealcli.core.parse import MAX_BYTES, read_bytes
from dealcli.gates import clean

from .conftest import invoke

BASE = """\
format: 1
id: t
title: T
investor: {name: A, code: "JP", gdp_usd_bn: 10, gdp_year: 2025, sources: [s]}
host: {name: B, code: "US"}
headline: {usd_bn: 10, basis: committed, sources: [s]}
status: signed
updated: 2026-01-01
structure:
  - {id: cash, label: Cash, usd_bn: 10, basis: committed, sources: [s]}
allocations:
  - id: a1
    title: Plant
    sector: Energy
    usd_bn: 4
    basis: up_to
    status: candidate
    companies: [{name: C, country: "US", role: lead}]
    sources: [s]
  - id: a2
    title: Yard
    sector: Ships
    status: selected
    sources: [s]
commitments:
  - {id: c1, area: energy, title: Gas, usd_bn: 2, basis: target, sources: [s]}
sources:
  - {id: s, title: S, publisher: P, url: "https://e.org/s", date: 2026-01-01, kind: news}
"""
UNKNOWN_HINT = "remove it, or start it with x- to keep a private note"
LOOK_UP = "check the format description for this key"
SYNTAX_HINT = "check the indentation and quoting on this line and the one before"


def problems(text: str | bytes) -> list[Problem]:
    data = text.encode() if isinstance(text, str) else text
    deal, found = build("deal.yaml", read_bytes("deal.yaml", data))
    assert deal is None, "expected the file to be rejected"
    return [p for p in found if not p.warning]


def only(text: str | bytes) -> tuple[str, int | None, int | None, str, str]:
    """The one error: (field, line, column, message, hint)."""
    errors = problems(text)
    assert len(errors) == 1, [str(e) for e in errors]
    p = errors[0]
    return p.field, p.line, p.column, p.message, p.hint


def edit(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def test_the_base_deal_is_valid() -> None:
    deal, found = build("deal.yaml", read_bytes("deal.yaml", BASE.encode()))
    assert deal is not None, [str(p) for p in found]
    assert found == []


# -- values of the wrong shape ------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["e.org/s", "ftp://e.org/s", "https://e.org/a b", "https://", "https://e.org/a<b"]
)
def test_malformed_url(url: str) -> None:
    # line 28: `  - {id: s, title: S, publisher: P, url: "...` the quote is column 42
    assert only(edit('url: "https://e.org/s"', f'url: "{url}"')) == (
        "sources[0].url",
        28,
        42,
        f"'{url}' is not a web address",
        "use a full https:// or http:// address with an ASCII host (xn--...); "
        "write a space, quote, < or > as %20, %22, %3C, %3E",
    )


@pytest.mark.parametrize("code", ["USA", "us", "U1"])
def test_bad_country_code(code: str) -> None:
    # line 5: `host: {name: B, code: "US"}`: the quote is column 23
    assert only(edit('code: "US"}', f'code: "{code}"}}')) == (
        "host.code",
        5,
        23,
        f"'{code}' is not a country code",
        'use an ISO 3166-1 alpha-2 code, like "JP"',
    )


def test_bad_country_code_of_a_company() -> None:
    # line 18: `    companies: [{name: C, country: "US", ...`: the quote is column 36
    assert only(edit('country: "US"', 'country: "USA"')) == (
        "allocations[0].companies[0].country",
        18,
        36,
        "'USA' is not a country code",
        'use an ISO 3166-1 alpha-2 code, like "JP"',
    )


def test_bad_id() -> None:
    assert only(edit("id: a2\n", 'id: "A_2"\n')) == (
        "allocations[1].id",
        20,  # `  - id: "A_2"`: the quote is column 9
        9,
        "'A_2' is not a valid id",
        "use lower-case letters, digits and single hyphens, like `gulf-link-2`",
    )


@pytest.mark.parametrize(
    ("plain", "read_as"),
    [
        ("yes", "a boolean"),
        ("12", "a number"),
        ("1.5", "a number"),
        ("2026-01-01", "a date"),
        ("2026-01-01 10:00:00", "a timestamp"),
        ("~", "an empty value"),
    ],
)
def test_unquoted_text_that_yaml_reads_as_something_else(plain: str, read_as: str) -> None:
    # line 13: `    title: Plant`: the value is column 12
    assert only(edit("title: Plant", f"title: {plain}")) == (
        "allocations[0].title",
        13,
        12,
        f"unquoted {plain} is read by YAML as {read_as}, not text",
        f'put it in quotes: "{plain}"',
    )


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-5", "input should be greater than or equal to 0: -5"),
        (".nan", "input should be a finite number: NaN"),
        ("-.inf", "input should be a finite number: -Infinity"),
    ],
)
def test_amounts_out_of_range(amount: str, message: str) -> None:
    # line 15: `    usd_bn: 4`: the value is column 13
    assert only(edit("usd_bn: 4\n", f"usd_bn: {amount}\n")) == (
        "allocations[0].usd_bn",
        15,
        13,
        message,
        "write a finite amount of 0 or more",
    )


@pytest.mark.parametrize("amount", ['"4"', "four", "true"])
def test_amounts_that_are_not_numbers(amount: str) -> None:
    assert only(edit("usd_bn: 4\n", f"usd_bn: {amount}\n")) == (
        "allocations[0].usd_bn",
        15,
        13,
        "an amount must be a number, not text",
        "write it unquoted, like `usd_bn: 25`",
    )


def test_a_value_not_in_the_list() -> None:
    # line 23: `    status: selected`: the value is column 13
    assert only(edit("status: selected", "status: paid")) == (
        "allocations[1].status",
        23,
        13,
        "'paid' is not allowed here",
        "use one of 'candidate', 'selected', 'funded', 'operating' or 'cancelled'",
    )
    # formats 1 and 2 exist (docs/deal-format.md); a third is refused
    assert only(edit("format: 1", "format: 3")) == (
        "format",
        1,
        9,
        "3 is not allowed here",
        "use one of 1 or 2",
    )


def test_a_list_where_text_is_meant() -> None:
    assert only(edit("title: Yard", "title: [a, b]")) == (
        "allocations[1].title",
        21,  # `    title: [a, b]`: the list opens at column 12
        12,
        "should be text, not a list",
        LOOK_UP,
    )


def test_a_date_in_another_format() -> None:
    assert only(edit("updated: 2026-01-01", "updated: 01/02/2026")) == (
        "updated",
        8,
        10,
        'a date must be written yyyy-mm-dd, not the text "01/02/2026"',
        LOOK_UP,
    )


def test_a_number_written_as_text() -> None:
    # line 4: `investor: {name: A, code: "JP", gdp_usd_bn: 10, gdp_year: "2025"`: column 59
    assert only(edit("gdp_year: 2025", 'gdp_year: "2025"')) == (
        "investor.gdp_year",
        4,
        59,
        'should be a whole number, not the text "2025"',
        "write it without quotes",
    )


def test_an_error_kind_without_its_own_message_falls_back_to_pydantics() -> None:
    assert only(edit("gdp_year: 2025", "gdp_year: 3000")) == (
        "investor.gdp_year",
        4,
        59,
        "Input should be less than or equal to 2200",
        LOOK_UP,
    )


# -- keys: unknown, missing, duplicate -----------------------------------------------


def test_unknown_top_level_key() -> None:
    assert only(edit("status: signed", "statsu: signed\nstatus: signed")) == (
        "statsu",
        7,
        9,  # the value of `statsu: signed`
        "unknown key 'statsu'",
        "did you mean 'status'? " + UNKNOWN_HINT,
    )


def test_nested_unknown_key_names_the_key_not_the_section() -> None:
    text = edit("    title: Plant\n", "    title: Plant\n    sectr: Power\n")
    assert only(text) == (
        "allocations[0].sectr",
        14,  # the new line 14, `    sectr: Power`: the value is column 12
        12,
        "unknown key 'sectr'",
        "did you mean 'sector'? " + UNKNOWN_HINT,
    )
    text = edit("    title: Plant\n", "    title: Plant\n    zzz: 1\n")
    assert only(text) == ("allocations[0].zzz", 14, 10, "unknown key 'zzz'", UNKNOWN_HINT)


def test_unknown_key_two_levels_down() -> None:
    text = edit("role: lead}]", "role: lead, zzz: 3}]")
    # line 18: `    companies: [{name: C, country: "US", role: lead, zzz: 3}]`: the 3 is column 59
    assert only(text) == (
        "allocations[0].companies[0].zzz",
        18,
        59,
        "unknown key 'zzz'",
        UNKNOWN_HINT,
    )


def test_missing_nested_key_points_at_its_item() -> None:
    # a2 without a title: the item opens on line 20, `  - id: a2`, at column 5
    assert only(edit("    title: Yard\n", "")) == (
        "allocations[1].title",
        20,
        5,
        "'title' is required",
        "add `title: ...`",
    )


def test_missing_key_in_a_flow_mapping() -> None:
    # line 5: `host: {name: B}`: the mapping opens at column 7
    assert only(edit('host: {name: B, code: "US"}', "host: {name: B}")) == (
        "host.code",
        5,
        7,
        "'code' is required",
        "add `code: ...`",
    )


def test_missing_top_level_key_points_at_the_start_of_the_file() -> None:
    assert only(edit("status: signed\n", "")) == (
        "status",
        1,
        1,
        "'status' is required",
        "add `status: ...`",
    )


def test_duplicate_item_ids() -> None:
    assert only(edit("id: a2\n", "id: a1\n")) == (
        "allocations[1].id",
        20,
        9,
        "id 'a1' is used twice in allocations (also item 1)",
        "give each a distinct id",
    )
    third = BASE.replace(
        "commitments:\n",
        "  - {id: a3, title: X, sector: Other, status: candidate, sources: [s]}\n"
        "  - {id: a2, title: Y, sector: Other, status: candidate, sources: [s]}\n"
        "commitments:\n",
    )
    # the fourth allocation, line 26, repeats the second one's id
    assert only(third) == (
        "allocations[3].id",
        26,
        10,
        "id 'a2' is used twice in allocations (also item 2)",
        "give each a distinct id",
    )


def test_duplicate_source_ids() -> None:
    text = BASE + (
        '  - {id: s, title: S2, publisher: P, url: "https://e.org/t", date: 2026-01-01, '
        "kind: news}\n"
    )
    assert only(text) == (
        "sources[1].id",
        29,
        10,
        "id 's' is used twice in sources (also item 1)",
        "give each a distinct id",
    )


# -- references between items ---------------------------------------------------------


def test_undefined_source_with_a_suggestion() -> None:
    text = edit("    sources: [s]\n  - id: a2", "    sources: [s, s2]\n  - id: a2")
    assert only(text) == (
        "allocations[0].sources[1]",
        19,  # `    sources: [s, s2]`: s2 is column 18
        18,
        "source 's2' is not defined",
        "did you mean 's'? add it under `sources:` or fix the id",
    )


def test_undefined_tranche() -> None:
    text = edit("    basis: up_to\n", "    basis: up_to\n    tranche: cesh\n")
    assert only(text) == (
        "allocations[0].tranche",
        17,
        14,
        "tranche 'cesh' is not defined",
        "name the id of an item under `structure:`",
    )


@pytest.mark.parametrize("parent", ["zz", "a2"])
def test_part_of_something_that_is_not_another_allocation(parent: str) -> None:
    text = edit("    status: selected\n", f"    status: selected\n    part_of: {parent}\n")
    assert only(text) == (
        "allocations[1].part_of",
        24,
        14,
        f"part_of '{parent}' is not another allocation of this deal",
        "name the id of the envelope this project belongs to",
    )


def test_part_of_a_part() -> None:
    text = edit("    status: selected\n", "    status: selected\n    part_of: a1\n")
    text = text.replace("    status: candidate\n", "    status: candidate\n    part_of: a2\n")
    errors = problems(text)
    got = {(p.field, p.line, p.message) for p in errors}
    assert got == {
        ("allocations[0].part_of", 18, "'a2' is itself part of another allocation"),
        ("allocations[1].part_of", 25, "'a1' is itself part of another allocation"),
    }
    assert {p.hint for p in errors} == {"point part_of at the outermost envelope"}


def test_an_amount_needs_its_basis() -> None:
    text = edit("usd_bn: 2, basis: target, ", "usd_bn: 2, ")
    assert only(text) == (
        "commitments[0].usd_bn",
        26,  # `  - {id: c1, area: energy, title: Gas, usd_bn: 2, sources: [s]}`: the 2 is column 48
        48,
        "an amount needs its basis",
        "add `basis: committed`, `up_to`, `target`, `estimate` or `reported`",
    )


@pytest.mark.parametrize(
    ("old", "new", "what"),
    [(" gdp_year: 2025,", "", "year"), (", sources: [s]}\nhost", "}\nhost", "sources")],
)
def test_a_gdp_figure_needs_its_year_and_sources(old: str, new: str, what: str) -> None:
    assert only(edit(old, new)) == (
        "investor.gdp_usd_bn",
        4,
        45,
        f"a GDP figure needs its {what}",
        f"add `{'gdp_year' if what == 'year' else what}:` to investor",
    )


def test_every_problem_is_listed_in_file_order_of_kind() -> None:
    text = edit("status: selected", "status: paid").replace('url: "https://e.org/s"', 'url: "x"')
    fields = [p.field for p in problems(text)]
    assert sorted(fields) == ["allocations[1].status", "sources[0].url"]


# -- the YAML itself ------------------------------------------------------------------


def test_unclosed_flow_sequence() -> None:
    assert only("format: 1\nid: [unclosed\ntitle: x\n") == (
        "",
        3,
        6,
        "YAML syntax: while parsing a flow sequence did not find expected ',' or ']' "
        "(it starts on line 2, column 5)",
        SYNTAX_HINT,
    )


def test_unclosed_quote() -> None:
    assert only('format: 1\ntitle: "abc\n') == (
        "",
        3,
        1,
        "YAML syntax: while scanning a quoted scalar found unexpected end of stream "
        "(it starts on line 2, column 8)",
        SYNTAX_HINT,
    )


def test_bad_indentation() -> None:
    assert only("format: 1\ninvestor:\n  name: a\n code: JP\n") == (
        "",
        4,
        2,
        "YAML syntax: while parsing a block mapping did not find expected key "
        "(it starts on line 1, column 1)",
        SYNTAX_HINT,
    )


def test_colon_in_unquoted_text() -> None:
    assert only("format: 1\ntitle: a: b\n") == (
        "",
        2,
        9,
        "YAML syntax: mapping values are not allowed in this context",
        "quote text that contains ': '",
    )


def test_tab_in_indentation() -> None:
    assert only("format: 1\ninvestor:\n\tname: Japan\n") == (
        "",
        3,
        1,
        "YAML syntax: a tab in the indentation",
        "indent with spaces; YAML does not allow tabs in indentation",
    )


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("format: 1\nid: a\ntitle: t\nid: b\n", 4, 1, "duplicate key 'id' (first on line 2)"),
        (
            "format: 1\ninvestor:\n  name: a\n  name: b\n",
            4,
            3,
            "duplicate key 'name' (first on line 3)",
        ),
        ("allocations:\n  - id: a\n\n    id: b\n", 4, 5, "duplicate key 'id' (first on line 2)"),
    ],
)
def test_duplicate_keys(text: str, line: int, column: int, message: str) -> None:
    assert only(text) == (
        "",
        line,
        column,
        message,
        "remove one of them; YAML would silently keep only the last",
    )


def test_same_key_in_two_items_is_not_a_duplicate() -> None:
    found = problems("allocations:\n  - id: a\n  - id: b\n")
    assert not any("duplicate" in p.message for p in found)


@pytest.mark.parametrize(
    ("text", "line", "column", "message", "hint"),
    [
        (
            "format: 1\nvehicle: &v text\n",
            2,
            10,
            "anchor &v is not allowed",
            "plain YAML only: remove the anchor and write values out in full",
        ),
        (
            "format: 1\ninvestor: &p {a: 1}\n",
            2,
            11,
            "anchor &p is not allowed",
            "plain YAML only: remove the anchor and write values out in full",
        ),
        ("format: 1\nnotes: *v\n", 2, 8, "alias *v is not allowed", "write the value out in full"),
        (
            "format: 1\ninvestor: !thing {a: 1}\n",
            2,
            11,
            "tag !thing is not allowed",
            "remove the tag; quote the value if it is text",
        ),
        (
            "format: 1\nlist: !seq [1]\n",
            2,
            7,
            "tag !seq is not allowed",
            "remove the tag; quote the value if it is text",
        ),
        (
            "format: 1\nnotes:\n  <<: {a: 1}\n",
            3,
            3,
            "merge key << is not allowed",
            "write the merged keys out in full",
        ),
        (
            "format: 1\n---\nformat: 1\n",
            2,
            1,
            "more than one YAML document",
            "keep one deal per file",
        ),
        (
            "format: 1\n? [a, b]\n: c\n",
            2,
            3,
            "a key must be plain text",
            "use a simple word as the key",
        ),
        (
            "a: " + "[" * 40 + "]" * 40 + "\n",
            1,
            35,  # the top mapping and 31 lists make 32 levels; the 32nd "[" (column 35) is one more
            "nested more than 32 levels deep",
            "a deal file nests only a few levels",
        ),
    ],
)
def test_yaml_features_a_deal_file_may_not_use(
    text: str, line: int, column: int, message: str, hint: str
) -> None:
    assert only(text) == ("", line, column, message, hint)


def test_nesting_exactly_at_the_limit_is_read() -> None:
    # 32 levels in all: the top mapping and 31 lists
    text = "a: " + "[" * 31 + "]" * 31 + "\n"
    parsed = read_bytes("deal.yaml", text.encode())
    assert parsed.problems == []


def test_quoted_merge_key_is_just_a_key() -> None:
    found = problems('format: 1\nnotes:\n  "<<": 1\n')
    assert not any("merge key" in p.message for p in found)


def test_keys_starting_x_are_skipped_with_what_they_hold() -> None:
    parsed = read_bytes("deal.yaml", b"format: 1\nx-note: {a: [1, 2]}\nx-b: 3\nid: t\n")
    assert parsed.value == {"format": 1, "id": "t"}
    assert parsed.problems == []
    # but an anchor is refused even there
    assert only("format: 1\nx-note:\n  a: &z 1\n") == (
        "",
        3,
        6,
        "anchor &z is not allowed",
        "plain YAML only: remove the anchor and write values out in full",
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [("- a\n", "list"), ("42\n", "number"), ("true\n", "boolean"), ("hello\n", "string")],
)
def test_top_level_not_a_mapping(text: str, kind: str) -> None:
    assert only(text) == (
        "",
        1,
        1,
        f"the top level is a {kind}, not a mapping of keys",
        "a deal file starts with `format: 1`, `id: ...`, `title: ...`",
    )


@pytest.mark.parametrize("text", ["", "# nothing\n", "\ufeff", "---\n"])
def test_empty_file(text: str) -> None:
    assert only(text) == ("", 1, 1, "the file is empty", "start from a bundled deal")


@pytest.mark.parametrize(
    ("char", "code"), [("\x00", "#x0000"), ("\x7f", "#x007f"), ("\x9b", "#x009b")]
)
def test_control_character_in_the_file(char: str, code: str) -> None:
    # the reader reports no line (PyYAML's reader error carries only a character offset)
    assert only(f"format: 1\ntitle: a{char}b\n") == (
        "",
        None,
        None,
        f"unacceptable character {code}: control characters are not allowed",
        "fix the YAML syntax",
    )


def test_not_utf8_says_which_byte_and_where() -> None:
    assert only(b"format: 1\ntitle: ab \xff\n") == (
        "",
        2,
        11,  # `title: ab ` is 10 bytes
        "byte 0xff is not valid UTF-8",
        "save the file as UTF-8",
    )


def test_oversized_file() -> None:
    parsed = read_bytes("deal.yaml", b"#" * (MAX_BYTES + 1))
    [p] = parsed.problems
    assert p.message == "the file is 4,194,305 bytes; deal files are limited to 4,194,304"
    assert p.hint == "split it, or check that this is really a deal file"
    assert read_bytes("deal.yaml", b"#" * MAX_BYTES).problems[0].message == "the file is empty"


def test_numbers_are_read_exactly() -> None:
    parsed = read_bytes(
        "deal.yaml", b"a: 0.1\nb: 1_000.5\nc: 10\nd: 0x1F\ne: -.inf\nf: 017\ng: 0b101\n"
    )
    from decimal import Decimal

    assert parsed.value["a"] == Decimal("0.1")
    assert parsed.value["b"] == Decimal("1000.5")
    assert parsed.value["c"] == 10
    assert parsed.value["d"] == 31
    assert parsed.value["e"] == Decimal("-Infinity")
    assert parsed.value["f"] == 15  # YAML 1.1 octal
    assert parsed.value["g"] == 5
    assert parsed.problems == []


def test_a_base_60_number_is_refused_at_its_place() -> None:
    # YAML 1.1 reads 1:30 as 90; deal never builds one (a long one takes quadratic time)
    (p,) = read_bytes("deal.yaml", b"a: 1\nd: 1:30\n").problems
    assert (p.line, p.column, p.field) == (2, 4, "d")
    assert p.message == "unquoted 1:30 is read by YAML as a number, not text"


def test_positions_are_recorded_for_every_value() -> None:
    parsed = read_bytes("deal.yaml", b"a:\n  - x\n  - {b: 2}\n")
    pos = parsed.positions
    assert (pos[("a",)].line, pos[("a",)].column) == (2, 3)
    assert (pos[("a", 0)].line, pos[("a", 0)].column, pos[("a", 0)].raw) == (2, 5, "x")
    assert (pos[("a", 1, "b")].line, pos[("a", 1, "b")].column) == (3, 9)
    assert pos[("a", 1, "b")].guessed == "number"
    assert read_bytes("deal.yaml", b"a: 1\n", positions=False).positions == {}


# -- how a problem is printed ---------------------------------------------------------


def test_problem_text() -> None:
    p = Problem("d.yaml", "'x' is not a web address", 28, 42, "sources[0].url", "use https://")
    assert (
        str(p)
        == "d.yaml:28:42: error: sources[0].url: 'x' is not a web address\n  hint: use https://"
    )
    w = Problem("d.yaml", "unused", 3, None, warning=True)
    assert str(w) == "d.yaml:3:1: warning: unused"
    assert str(Problem("d.yaml", "too big")) == "d.yaml: error: too big"


def test_validate_prints_each_problem_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(edit('url: "https://e.org/s"', 'url: "e.org/s"'))
    r = invoke("validate", str(path))
    assert r.exit_code == 1
    assert f"{path}:28:42: error: sources[0].url: 'e.org/s' is not a web address" in r.stdout
    assert "  hint: use a full https:// or http:// address" in r.stdout
    good = tmp_path / "good.yaml"
    good.write_text(BASE)
    assert invoke("validate", str(good)).exit_code == 0


# -- control characters in data are shown, never obeyed ------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b[31mb", "a\u241b[31mb"),  # ESC: its control picture
        ("a\x00b", "a\u2400b"),  # NUL
        ("a\x07b", "a\u2407b"),  # BEL
        ("a\rb", "a\u240db"),  # CR
        ("a\x7fb", "a\u2421b"),  # DEL: the DELETE picture
        ("a\x85b", "a\ufffdb"),  # NEL, a C1 control: the replacement character
        ("a\x9bb", "a\ufffdb"),  # CSI
        ("a\x80b\x9f", "a\ufffdb\ufffd"),  # both ends of the C1 block
        ("a\tb\nc", "a\tb\nc"),  # tab and newline are kept
        ("\xa0é東", "\xa0é東"),  # printable text past the C1 block is untouched
    ],
)
def test_clean_shows_control_characters(raw: str, shown: str) -> None:
    assert clean(raw) == shown


@pytest.mark.parametrize(
    ("item", "got"),
    [("5", "a number"), ('"Plant"', 'the text "Plant"'), ("[a, b]", "a list")],
)
def test_an_item_that_is_not_a_mapping(item: str, got: str, tmp_path: Path) -> None:
    # the commitment's line `  - {id: c1, ...}` (line 26) replaced by a scalar or a list
    text = edit(
        "  - {id: c1, area: energy, title: Gas, usd_bn: 2, basis: target, sources: [s]}",
        f"  - {item}",
    )
    assert only(text) == (
        "commitments[0]",
        26,
        5,
        f"should be a mapping of keys, not {got}",
        "write it as `key: value` pairs",
    )
    path = tmp_path / "deal.yaml"  # as `deal validate` reads it, lists cut to 50 problems
    path.write_text(text)
    r = invoke("validate", str(path))
    assert r.exit_code == 1
    assert f"deal.yaml:26:5: error: commitments[0]: should be a mapping of keys, not {got}" in (
        r.stdout
    )


def test_controls_quoted_from_the_file_are_shown_not_sent(tmp_path: Path) -> None:
    # an id and a key holding ESC sequences (clear the screen, colour red): the core keeps the
    # text as it is, and `deal validate` prints it through the terminal gate, the escape shown
    # as ␛; a key with a bracket is still the key named
    text = edit("id: t", 'id: "\\e[31mred"') + '"\\e[2Jk": 1\n'
    got = "\n".join(str(p) for p in problems(text))
    assert "id: '\x1b[31mred' is not a valid id" in got  # raw in the core
    path = tmp_path / "deal.yaml"
    path.write_text(text)
    r = invoke("validate", str(path))
    assert r.exit_code == 1
    shown = r.stdout + r.stderr
    assert "\x1b" not in shown
    assert "id: '␛[31mred' is not a valid id" in shown
    assert "␛[2Jk: unknown key '␛[2Jk'" in shown


def test_an_empty_value_where_text_is_meant() -> None:
    assert only(edit("title: Yard", "title:")) == (
        "allocations[1].title",
        21,
        11,
        "is empty: text is needed here",
        "write the text after the colon",
    )


def test_an_empty_value_where_a_list_is_meant() -> None:
    # line 18: `    companies: [{name: C, ...}]` emptied; the value is read at column 15
    assert only(edit('companies: [{name: C, country: "US", role: lead}]', "companies:")) == (
        "allocations[0].companies",
        18,
        15,
        "should be a list, not an empty value",
        LOOK_UP,
    )


def test_a_long_text_quoted_in_a_message_is_cut_at_40() -> None:
    # 41 characters where a year belongs, one more than a message quotes whole: it quotes 39
    # of them and "…"
    long = "twenty twenty-five, or thereabouts, maybe"
    assert len(long) == 41
    assert only(edit("gdp_year: 2025", f'gdp_year: "{long}"'))[3] == (
        f'should be a whole number, not the text "{long[:39]}…"'
    )
