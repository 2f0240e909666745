"""The strict loader: every class of bad input, with where and how to fix it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from dealcli.core.errors import Problem
from dealcli.core.parse import MAX_BYTES, read_bytes
from dealcli.core.reading import read_deal_file

from .conftest import FIXTURES

MINI = (FIXTURES / "mini.yaml").read_text()


def problems_of(text: str | bytes, tmp_path: Path) -> list[Problem]:
    path = tmp_path / "deal.yaml"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    deal, problems = read_deal_file(path)
    errors = [p for p in problems if not p.warning]
    assert deal is None, "expected the file to be rejected"
    assert errors, "a rejected file must say why"
    return errors


def one(text: str | bytes, tmp_path: Path) -> Problem:
    errors = problems_of(text, tmp_path)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def test_mini_fixture_is_valid() -> None:
    deal, problems = read_deal_file(FIXTURES / "mini.yaml")
    assert deal is not None, [str(p) for p in problems]
    assert [p for p in problems if not p.warning] == []


def test_amounts_are_exact_decimals(mini) -> None:  # type: ignore[no-untyped-def]
    assert mini.commitments[1].usd_bn == Decimal("3.5")
    assert isinstance(mini.headline.usd_bn, Decimal)
    assert str(mini.period.from_) == "2025-01-01"


def test_syntax_error_has_line_column_and_hint(tmp_path: Path) -> None:
    p = one("format: 1\nid: [unclosed\n", tmp_path)
    assert p.line is not None and p.column is not None
    assert "YAML syntax" in p.message
    assert p.hint
    assert str(p).startswith(f"{tmp_path / 'deal.yaml'}:{p.line}:{p.column}: error:")


def test_tab_indentation(tmp_path: Path) -> None:
    p = one("format: 1\ninvestor:\n\tname: Japan\n", tmp_path)
    assert p.line == 3
    assert "tabs" in p.hint


def test_duplicate_key(tmp_path: Path) -> None:
    text = MINI.replace("status: signed\n", "status: signed\nstatus: framework\n")
    p = one(text, tmp_path)
    assert "duplicate key 'status'" in p.message
    assert "first on line" in p.message
    assert p.line == MINI.splitlines().index("status: signed") + 2


@pytest.mark.parametrize(
    ("snippet", "word"),
    [
        ("vehicle: &v text\nnotes: *v\n", "anchor &v"),
        ("notes: *v\n", "alias *v"),
    ],
)
def test_anchors_and_aliases(tmp_path: Path, snippet: str, word: str) -> None:
    p = one(MINI.replace("vehicle: Test vehicle\n", snippet), tmp_path)
    assert word in p.message


def test_billion_laughs_stops_at_first_anchor(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    p = one("\n".join(lines) + "\n", tmp_path)
    assert "anchor &a" in p.message
    assert p.line == 1


def test_merge_key(tmp_path: Path) -> None:
    text = MINI.replace(
        "vehicle: Test vehicle\n", "x-base: {from: 2025-01-01}\nnotes:\n  <<: {a: 1}\n"
    )
    p = one(text, tmp_path)
    assert "merge key" in p.message


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['echo pwned']",
        "!!python/name:os.system",
        "!!str text",
        "!custom text",
        "!!binary aGVsbG8=",
    ],
)
def test_any_explicit_tag(tmp_path: Path, tagged: str) -> None:
    p = one(MINI.replace("vehicle: Test vehicle", f"vehicle: {tagged}"), tmp_path)
    assert "tag" in p.message
    assert "not allowed" in p.message


def test_tag_on_a_mapping(tmp_path: Path) -> None:
    p = one("!!python/object:dealcli.core.model.Deal\nformat: 1\n", tmp_path)
    assert "tag" in p.message


def test_not_utf8(tmp_path: Path) -> None:
    p = one(b"format: 1\ntitle: caf\xe9\n", tmp_path)
    assert p.message == "byte 0xe9 is not valid UTF-8"
    assert (p.line, p.column) == (2, 11)
    assert "UTF-8" in p.hint


def test_binary_junk(tmp_path: Path) -> None:
    problems_of(bytes(range(256)) * 4, tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    assert one("", tmp_path).message == "the file is empty"
    assert one("# only a comment\n", tmp_path).message == "the file is empty"


@pytest.mark.parametrize(("text", "kind"), [("- a\n- b\n", "list"), ("just text\n", "string")])
def test_top_level_not_a_mapping(tmp_path: Path, text: str, kind: str) -> None:
    p = one(text, tmp_path)
    assert f"the top level is a {kind}, not a mapping" in p.message


def test_deep_nesting_is_refused_quickly(tmp_path: Path) -> None:
    p = one("a: " + "[" * 100_000 + "]" * 100_000 + "\n", tmp_path)
    assert "nest" in p.message
    assert p.hint == "a deal file nests only a few levels"
    p = one("a:\n" + "".join(" " * i + "- \n" for i in range(0, 80, 2)), tmp_path)
    assert "nested more than 32 levels" in p.message


def test_oversized_file_is_refused_before_parsing() -> None:
    parsed = read_bytes("big.yaml", b"#" * (MAX_BYTES + 1))
    assert len(parsed.problems) == 1
    assert "limited to" in parsed.problems[0].message


def test_more_than_one_document(tmp_path: Path) -> None:
    p = one(MINI + "---\nformat: 1\n", tmp_path)
    assert "more than one YAML document" in p.message


def test_unknown_key_with_suggestion(tmp_path: Path) -> None:
    p = one(MINI.replace("vehicle: Test vehicle", "vehicel: Test vehicle"), tmp_path)
    assert p.message == "unknown key 'vehicel'"
    assert p.field == "vehicel"
    assert "did you mean 'vehicle'?" in p.hint
    assert "x-" in p.hint


def test_nested_unknown_key_has_field_path(tmp_path: Path) -> None:
    p = one(
        MINI.replace("    title: Chip fab\n", "    title: Chip fab\n    colour: red\n"), tmp_path
    )
    assert p.field == "allocations[2].colour"
    assert p.line == MINI.splitlines().index("    title: Chip fab") + 2


def test_x_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(MINI.replace("vehicle: Test vehicle", "x-mine: {any: [thing]}\nvehicle: V"))
    deal, _ = read_deal_file(path)
    assert deal is not None


def test_unquoted_no_is_a_boolean_not_norway(tmp_path: Path) -> None:
    p = one(MINI.replace('code: "US"', "code: NO"), tmp_path)
    assert p.field == "host.code"
    assert p.message == "unquoted NO is read by YAML as a boolean, not text"
    assert p.hint == 'put it in quotes: "NO"'


def test_sexagesimal_number_where_text_is_meant(tmp_path: Path) -> None:
    p = one(MINI.replace('value: "15%"', "value: 50:50"), tmp_path)
    assert p.message == "unquoted 50:50 is read by YAML as a number, not text"
    assert p.field == "terms[0].value"


def test_date_where_text_is_meant(tmp_path: Path) -> None:
    p = one(MINI.replace("title: Announced", "title: 2025-07-01"), tmp_path)
    assert "read by YAML as a date" in p.message
    assert p.field == "timeline[0].title"


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("-5", "greater than or equal to 0"),
        (".nan", "finite"),
        (".inf", "finite"),
        ('"30"', "must be a number, not text"),
        ("thirty", "must be a number, not text"),
    ],
)
def test_bad_amounts(tmp_path: Path, amount: str, words: str) -> None:
    p = one(MINI.replace("usd_bn: 30\n", f"usd_bn: {amount}\n"), tmp_path)
    assert p.field == "allocations[0].usd_bn"
    assert words in p.message.lower() or words in p.hint.lower()


def test_dangling_source_id(tmp_path: Path) -> None:
    p = one(MINI.replace("sources: [src-a]}\nhost", "sources: [src-x]}\nhost"), tmp_path)
    assert p.message == "source 'src-x' is not defined"
    assert p.field == "investor.sources[0]"


@pytest.mark.parametrize("bad_id", ["../../etc/passwd", "Mini", "mini_deal", "-mini"])
def test_ids_must_be_slugs(tmp_path: Path, bad_id: str) -> None:
    p = one(MINI.replace("id: mini\n", f'id: "{bad_id}"\n'), tmp_path)
    assert p.field == "id"
    assert f"'{bad_id}' is not a valid id" == p.message


def test_duplicate_ids_inside_a_file(tmp_path: Path) -> None:
    p = one(MINI.replace("  - id: a2\n", "  - id: a1\n"), tmp_path)
    assert "id 'a1' is used twice in allocations" in p.message


def test_amount_needs_basis(tmp_path: Path) -> None:
    p = one(
        MINI.replace(
            "    basis: up_to\n    status: candidate\n    companies: [{name: Acme",
            "    status: candidate\n    companies: [{name: Acme",
        ),
        tmp_path,
    )
    assert p.message == "an amount needs its basis"


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    text = MINI.replace("vehicle: Test vehicle", "vehicel: x").replace('code: "US"', "code: NO")
    text = text.replace("usd_bn: 30\n", "usd_bn: -1\n")
    errors = problems_of(text, tmp_path)
    fields = {e.field for e in errors}
    assert {"vehicel", "host.code", "allocations[0].usd_bn"} <= fields


def test_warnings_do_not_reject(tmp_path: Path) -> None:
    text = MINI.replace(
        "usd_bn: 40, basis: committed, instrument: guarantee",
        "usd_bn: 45, basis: committed, instrument: guarantee",
    )
    text = text.replace(
        "sources:\n  - {id: src-a",
        "sources:\n  - {id: unused, title: U, publisher: P, url: 'https://e.org', date: 2025-01-01, kind: news}\n  - {id: src-a",
    )
    path = tmp_path / "deal.yaml"
    path.write_text(text)
    deal, problems = read_deal_file(path)
    assert deal is not None
    messages = [p.message for p in problems if p.warning]
    assert "tranches add up to 105, not the headline 100" in messages
    assert "source 'unused' is not used by any figure" in messages


def test_candidates_above_headline_warn(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(MINI.replace("usd_bn: 30\n", "usd_bn: 300\n"))
    deal, problems = read_deal_file(path)
    assert deal is not None
    assert any("more than the headline" in p.message for p in problems if p.warning)


def test_every_part_of_a_loaded_deal_is_frozen(tmp_path: Path) -> None:
    # a loaded deal is shared by every view (and cached): no part of it can be changed
    import dataclasses
    import inspect

    from dealcli.core import model

    kinds = [
        c
        for _, c in inspect.getmembers(model, inspect.isclass)
        if dataclasses.is_dataclass(c) and c.__module__ == model.__name__
    ]
    assert len(kinds) > 10
    for kind in kinds:  # no field of any of them can be assigned
        name = dataclasses.fields(kind)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(kind.__new__(kind), name, None)
    deal = read_deal_file(FIXTURES / "timed.yaml")[0]
    assert deal is not None
    step = next(a for a in deal.allocations if a.history).history[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        step.status = "funded"  # type: ignore[misc]
    assert hash(deal) == hash(deal)  # frozen all the way down: the deal can be hashed
