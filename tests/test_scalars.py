"""Plain YAML 1.1 scalars (dates, timestamps, numbers in every form) in every kind of field:
a problem at its line and column, or a value; never an internal error."""

from __future__ import annotations

import re
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from dealcli.core.reading import read_deal_file
from dealcli.core.scalars import kind_of

from .conftest import FIXTURES, invoke

MINI = (FIXTURES / "mini.yaml").read_text()

# mini.yaml with one scalar, S, in each kind of field (block style, so that any plain
# scalar fits): a date, an amount, a percentage, a whole number, text, a period, a term's
# dates, a timeline event, a format 2 history step, and a private x- key
FIELDS: dict[str, tuple[str, str]] = {
    "updated": ("updated: 2026-01-31", "updated: S"),
    "amount": ("    usd_bn: 30\n    basis: up_to", "    usd_bn: S\n    basis: up_to"),
    "allocation date": ("    date: 2026-01-15", "    date: S"),
    "text": ("vehicle: Test vehicle", "vehicle: S"),
    "period": (
        "period: {from: 2025-01-01, to: 2029-01-01, sources: [src-a]}",
        "period:\n  from: S\n  to: 2029-01-01\n  sources: [src-a]",
    ),
    "term": (
        '  - {id: annual-cap, label: Cap, value: "USD 10 bn a year", usd_bn: 10, sources: [src-b]}',
        '  - id: annual-cap\n    label: Cap\n    value: "USD 10 bn a year"\n    usd_bn: 10\n'
        "    pct: S\n    from: S\n    to: S\n    sources: [src-b]",
    ),
    "event": (
        "  - {date: 2025-07-01, title: Announced, sources: [src-a]}",
        "  - date: S\n    title: Announced\n    sources: [src-a]",
    ),
    "history": (
        "    tranche: cash\n    status: selected\n    date: 2026-01-15",
        "    tranche: cash\n    status: selected\n    date: 2026-01-15\n    history:\n"
        "      - {date: 2025-01-01, status: candidate, sources: [src-b]}\n"
        "      - date: S\n        status: selected\n        usd_bn: S\n        sources: [src-b]",
    ),
    "gdp year": (
        'investor: {name: Japan, code: "JP", gdp_usd_bn: 1000, gdp_year: 2025, sources: [src-a]}',
        'investor:\n  name: Japan\n  code: "JP"\n  gdp_usd_bn: S\n  gdp_year: S\n'
        "  sources: [src-a]",
    ),
    "x- key": ("vehicle: Test vehicle", "vehicle: Test vehicle\nx-note: S\nx-list: [S]"),
}


def deal_with(field: str, scalar: str) -> str:
    old, new = FIELDS[field]
    text = MINI.replace("format: 1", "format: 2") if field == "history" else MINI
    assert old in text, field
    return text.replace(old, new.replace("S", scalar))


def where_line(text: str, scalar: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.endswith(f": {scalar}"))


def check(path: Path) -> tuple[int, list[str]]:
    """`deal validate PATH`: its exit code and lines, each checked for a place and a length."""
    r = invoke("validate", str(path))
    assert r.exit_code in (0, 1), r.stdout + r.stderr
    assert "internal error" not in r.stderr
    lines = r.stdout.splitlines()
    for line in lines:
        assert len(line) < 400, line  # a quoted value is cut
        if ": error: " in line:
            assert re.match(re.escape(str(path)) + r":\d+:\d+: error: ", line), line
    return r.exit_code, lines


def digits(alphabet: str, top: int) -> st.SearchStrategy[str]:
    return st.text(alphabet, min_size=1, max_size=top)


def signed(body: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(str.__add__, st.sampled_from(["", "-", "+"]), body)


INTEGERS = st.one_of(
    signed(st.builds(str.__add__, st.sampled_from("123456789"), digits("0123456789_", 30))),
    st.integers(20, 6000).map(lambda n: "9" * n),  # past what int() converts from text
    signed(digits("0123456789abcdefABCDEF_", 40).map("0x".__add__)),
    signed(digits("01234567_", 40).map("0".__add__)),
    signed(digits("01_", 90).map("0b".__add__)),
    signed(st.from_regex(r"[1-9][0-9_]{0,3}(:[0-5]?[0-9]){1,20}", fullmatch=True)),  # base 60
    st.integers(1, 4000).map(lambda n: "1" + ":59" * n),
)
EXPONENT = st.one_of(
    st.just(""),
    st.builds(
        "{}{}{}".format, st.sampled_from("eE"), st.sampled_from("-+"), digits("0123456789", 14)
    ),
)
FLOATS = st.one_of(
    signed(
        st.builds(
            "{}.{}{}".format,
            digits("0123456789_", 25),
            st.text("0123456789_", max_size=25),
            EXPONENT,
        )
    ),
    st.builds(".{}{}".format, digits("0123456789", 12), EXPONENT),
    signed(st.from_regex(r"[0-9][0-9_]{0,3}(:[0-5]?[0-9]){1,8}\.[0-9_]{0,6}", fullmatch=True)),
    st.sampled_from([".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN"]),
)


def two(top: int) -> st.SearchStrategy[str]:
    return st.integers(0, top).map(lambda n: f"{n:02}")


def one_or_two(top: int) -> st.SearchStrategy[str]:
    return st.integers(0, top).map(str) | two(top)


ZONES = st.one_of(
    st.sampled_from(["", "Z", " Z"]),
    st.builds(
        "{}{}{}{}".format,
        st.sampled_from(["", " "]),
        st.sampled_from("-+"),
        one_or_two(99),
        st.just("") | two(99).map(":".__add__),
    ),
)
DATES = st.builds("{:04}-{}-{}".format, st.integers(0, 9999), two(99), two(99))
TIMESTAMPS = st.builds(
    "{:04}-{}-{}{}{}:{}:{}{}{}".format,
    st.integers(0, 9999),
    one_or_two(99),
    one_or_two(99),
    st.sampled_from(["T", "t", " ", "  "]),
    one_or_two(99),
    two(99),
    two(99),
    st.just("") | st.text("0123456789", max_size=12).map(".".__add__),
    ZONES,
)
SCALARS = st.one_of(INTEGERS, FLOATS, DATES, TIMESTAMPS)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(sorted(FIELDS)), scalar=SCALARS)
def test_any_yaml_scalar_in_any_field_is_a_value_or_a_problem_with_a_place(
    tmp_path_factory: pytest.TempPathFactory, field: str, scalar: str
) -> None:
    path = tmp_path_factory.mktemp("scalar") / "deal.yaml"
    path.write_text(deal_with(field, scalar))
    start = time.perf_counter()
    code, lines = check(path)
    note(f"validate took {time.perf_counter() - start:.2f} s")  # the limit is bench's to check
    if field == "x- key":  # a private note is never read, whatever it holds
        assert code == 0, lines


@pytest.mark.parametrize(
    ("scalar", "why"),
    [
        ("2026-02-30", "is not a date: February 2026 has 28 days"),
        ("2025-02-29", "is not a date: February 2025 has 28 days"),
        ("2026-13-01", "is not a date: there is no month 13"),
        ("0000-01-01", "is not a date: there is no year 0"),
        ("2026-01-01 25:00:00", "is not a date and time: there is no hour 25"),
        ("2026-01-01T10:60:00Z", "is not a date and time: there is no minute 60"),
        ("2026-1-1T10:00:00+24:00", "is not a date and time: there is no offset +24:00"),
        ("2026-01-01T10:00:00-05:75", "is not a date and time: there is no offset -05:75"),
    ],
)
@pytest.mark.parametrize("field", ["updated", "allocation date", "event", "history", "text"])
def test_an_impossible_date_is_an_error_at_its_place(
    tmp_path: Path, field: str, scalar: str, why: str
) -> None:
    path = tmp_path / "deal.yaml"
    text = deal_with(field, scalar)
    path.write_text(text)
    code, lines = check(path)
    assert code == 1
    line = where_line(text, scalar)
    col = text.splitlines()[line - 1].index(scalar) + 1
    assert f"{path}:{line}:{col}: error: " in lines[0] and lines[0].endswith(f"{scalar} {why}")
    assert f'put it in quotes: "{scalar}"' in lines[1]


@pytest.mark.parametrize(
    ("scalar", "message"),
    [
        ("1" + "0" * 5000, "has 5,001 digits; no figure of a deal has more than 40"),
        ("0x" + "f" * 50, "has 50 digits; no figure of a deal has more than 40"),
        ("1.5e+99999", "has an exponent of 5 digits"),
        ("1" + ":59" * 400_000, "is read by YAML as a number, not text"),
    ],
)
@pytest.mark.parametrize("field", ["amount", "text", "gdp year"])
def test_a_number_no_deal_can_mean_is_refused_with_a_short_message(
    tmp_path: Path, field: str, scalar: str, message: str
) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(deal_with(field, scalar))
    code, lines = check(path)
    assert code == 1
    assert message in lines[0]
    assert len(lines[0]) < 250 and ("…" in lines[0]) == (len(scalar) > 40)  # quoted, cut


@pytest.mark.parametrize(
    "scalar", ["2026-02-30", "1" + ":59" * 400_000, "9" * 6000, "1.0e+999999999", ".nan"]
)
def test_a_private_x_key_is_never_read(tmp_path: Path, scalar: str) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(deal_with("x- key", scalar))
    assert check(path)[0] == 0


@pytest.mark.parametrize(
    ("scalar", "value"),
    [("1.5e+3", "1500"), ("0x1F", "31"), ("0b101", "5"), ("017", "15"), ("1_000.5", "1000.5")],
)
def test_an_amount_in_any_yaml_1_1_form_is_read_exactly(
    tmp_path: Path, scalar: str, value: str
) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(deal_with("amount", scalar))
    deal, problems = read_deal_file(path)
    assert deal is not None, problems
    assert str(deal.allocations[0].usd_bn) == value  # never "1.5E+3"


@pytest.mark.parametrize(
    ("scalar", "message"),
    [
        ("0.0000000001", "an amount has at most 9 decimal places: 1E-10"),
        ("1.5e-12", "an amount has at most 9 decimal places: 1.5E-12"),
        ("1.5e+100", "input should be less than or equal to 10000000"),
        (".nan", "input should be a finite number"),
    ],
)
def test_an_amount_is_a_number_a_person_could_mean(
    tmp_path: Path, scalar: str, message: str
) -> None:
    path = tmp_path / "deal.yaml"
    text = deal_with("amount", scalar)
    path.write_text(text)
    code, lines = check(path)
    assert code == 1
    line = where_line(text, scalar)
    assert lines[0].startswith(f"{path}:{line}:13: error: allocations[0].usd_bn: ")
    assert message in lines[0]


def test_nine_decimal_places_are_one_dollar_and_allowed(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(deal_with("amount", "0.000000001"))
    deal, _ = read_deal_file(path)
    assert deal is not None and deal.allocations[0].usd_bn == Decimal("1E-9")


def test_a_period_that_ends_before_it_starts_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    text = deal_with("period", "2030-01-01")
    path.write_text(text)
    code, lines = check(path)
    assert code == 1
    line = where_line(text, "2030-01-01")
    assert (
        lines[0] == f"{path}:{line}:9: error: period.from: from 2030-01-01 is after to 2029-01-01"
    )
    assert lines[1] == "  hint: swap the two dates: `from` is the first day, `to` the last"


def test_a_term_that_ends_before_it_starts_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    text = MINI.replace("from: 2025-08-07, to: 2026-02-20", "from: 2026-02-21, to: 2026-02-20")
    path.write_text(text)
    code, lines = check(path)
    assert code == 1
    assert lines[0].endswith("error: terms[0].from: from 2026-02-21 is after to 2026-02-20")


def test_a_one_day_period_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(deal_with("period", "2029-01-01"))
    deal, _ = read_deal_file(path)
    assert deal is not None and deal.period is not None
    assert deal.period.from_ == deal.period.to == date(2029, 1, 1)


def test_a_bad_date_in_a_deals_folder_is_a_warning_and_the_rest_load(tmp_path: Path) -> None:
    folder = tmp_path / "deals"
    folder.mkdir()
    (folder / "bad.yaml").write_text(
        deal_with("updated", "2026-02-30").replace("id: mini", "id: bad")
    )
    (folder / "mini.yaml").write_text(MINI)
    r = invoke("--deals-dir", str(folder), "list", "-f", "csv", "--columns", "id")
    assert r.exit_code == 0
    assert r.stdout.split()[-1] == "mini"
    assert f"{folder / 'bad.yaml'}:10:10: error: updated: 2026-02-30 is not a date" in r.stderr


@settings(max_examples=400, deadline=None)
@given(st.text("0123456789::::_.+-", min_size=5, max_size=30))
def test_base_60_is_told_from_text_as_yaml_1_1_tells_them(text: str) -> None:
    # past four colons deal reads the forms itself (PyYAML's pattern keeps a state per group)
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, text, (True, False))
    assert kind_of(text) == tag.rsplit(":", 1)[-1]
