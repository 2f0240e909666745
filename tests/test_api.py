"""The Python API: `dealcli.load()` and a function per command, whose records are the numbers
`deal CMD ... -f json` prints, as pandas reads them too; the examples of docs/api.md and of
the README run as doctests; `import dealcli` and a warm `load()` stay free of the shell."""

from __future__ import annotations

import doctest
import json
import subprocess
import sys
from datetime import date
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

import dealcli

from .conftest import FIXTURES, ROOT, invoke


def cli_records(*args: str) -> list[dict[str, Any]]:
    """`deal ARGS -f json`, decoded exactly; a sectioned object as the long form."""
    r = invoke(*args, "-f", "json")
    assert r.exit_code in (0, 1), r.stderr  # diff says 1 when the versions differ
    data = json.loads(r.stdout, parse_float=D)
    if isinstance(data, dict):
        return [{"section": name, **row} for name, rows in data.items() for row in rows]
    return list(data)


def plain(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records as json would spell them: dates as text."""
    return [{k: v.isoformat() if isinstance(v, date) else v for k, v in r.items()} for r in records]


DEALS = dealcli.load(cache=False)  # read when collected: before the test's cache folder is set
JP, KR, EU = DEALS["japan"], DEALS["korea"], DEALS["eu"]

# each command with options, as the CLI takes them and as the API does
CASES: list[tuple[list[str], Any]] = [
    (["list"], lambda: dealcli.list_deals()),
    (["list", "--as-of", "2026-01-31"], lambda: dealcli.list_deals(as_of="2026-01-31")),
    (["show", "japan"], lambda: dealcli.show(JP)),
    (
        ["show", "korea", "-s", "terms", "-s", "commitments"],
        lambda: dealcli.show(KR, section=["terms", "commitments"]),
    ),
    (
        ["show", "japan", "--as-of", "2026-02-28", "-s", "totals"],
        lambda: dealcli.show("japan", section="totals", as_of=date(2026, 2, 28)),
    ),
    (["show", "japan", "--currency", "JPY"], lambda: dealcli.show(JP, currency="JPY")),
    (["allocations", "japan"], lambda: dealcli.allocations(JP, by="sector")),
    (
        ["allocations", "japan", "--by", "company", "--top", "5", "--sort", "name"],
        lambda: dealcli.allocations(JP, by="company", top=5, sort="name"),
    ),
    (
        ["allocations", "japan", "--totals", "--as-of", "2026-02-28"],
        lambda: dealcli.allocations(JP, totals=True, as_of="2026-02-28"),
    ),
    (
        ["allocations", "japan", "--status", "selected", "--sector", "Energy"],
        lambda: dealcli.allocations(JP, status="selected", sector="Energy"),
    ),
    (["companies", "japan", "--country", "JP"], lambda: dealcli.companies(JP, country="JP")),
    (["companies", "--role", "lead"], lambda: dealcli.companies(role="lead")),
    (["compare", "japan", "korea"], lambda: dealcli.compare(JP, KR)),
    (
        ["compare", "--all", "-s", "pledges", "-s", "gdp", "--as-of", "2026-01-31"],
        lambda: dealcli.compare(DEALS, section=["pledges", "gdp"], as_of="2026-01-31"),
    ),
    (["flows", "japan", "--totals"], lambda: dealcli.flows(JP, totals=True)),
    (["chart", "japan", "--by", "company"], lambda: dealcli.chart(JP, by="company")),
    (
        ["chart", "--compare", "japan", "korea", "eu"],
        lambda: dealcli.chart(JP, KR, EU, compare=True),
    ),
    (
        ["chart", "--compare", "--gdp", "japan", "korea"],
        lambda: dealcli.chart([JP, KR], compare=True, gdp=True),
    ),
    (["pace", "japan", "--as-of", "2026-03-31"], lambda: dealcli.pace(JP, as_of="2026-03-31")),
    (["returns", "korea"], lambda: dealcli.returns(KR)),
    (
        ["returns", "korea", "--yield", "2:12:2", "--deemed-rate", "0"],
        lambda: dealcli.returns(KR, yield_="2:12:2", deemed_rate=0),
    ),
    (
        ["returns", "--compare", "japan", "korea", "-s", "years", "--recoup", "schedule"],
        lambda: dealcli.returns(JP, KR, compare=True, section="years", recoup="schedule"),
    ),
    (["diff", "japan", "korea"], lambda: dealcli.diff("japan", "korea")),
    (["sources", "japan"], lambda: dealcli.sources(JP)),
    (["sources", "--check"], lambda: dealcli.check_sources()),
    (["search", "hitachi"], lambda: dealcli.search("hitachi")),
    (
        ["timeline", "japan", "korea", "--since", "2026-01-01"],
        lambda: dealcli.timeline(JP, KR, since="2026-01-01"),
    ),
]


@pytest.mark.parametrize(("args", "call"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_the_api_gives_the_numbers_of_the_cli_json(args: list[str], call: Any) -> None:
    expected = cli_records(*args)
    got = plain(call().to_records())
    assert got == expected
    assert got, "a case with no rows proves nothing"


def test_every_command_with_a_view_has_a_case() -> None:
    from dealcli.cli.lazy import COMMANDS

    tried = {args[0] for args, _ in CASES}
    files_only = {"export", "validate", "schema"}  # no report: files, problems, the schema
    assert set(COMMANDS) - files_only <= tried


def test_amounts_are_exact_and_shares_rounded_as_json_rounds_them() -> None:
    assert JP.headline.usd_bn == D("550") and isinstance(JP.headline.usd_bn, D)
    totals = {r["measure"]: r for r in dealcli.show(JP, section="totals").to_records()}
    assert totals["pledged"]["usd_bn"] == D("550")
    selected = totals["selected"]
    # 109 of 550 is 19.8181...%: two decimals, as -f json writes it
    assert (selected["usd_bn"], selected["share_pct"]) == (D("109"), D("19.82"))


def test_names_and_aliases_find_a_deal_and_a_near_miss_says_what_was_meant() -> None:
    assert DEALS["jp"] is DEALS["japan"] and DEALS["korea"].id == "south-korea"
    assert "japan" in DEALS and "jp" in DEALS and "atlantis" not in DEALS
    assert list(DEALS) == sorted(DEALS) and len(DEALS) == 8
    with pytest.raises(KeyError, match=r"no deal named 'japn'; did you mean 'japan'\?"):
        DEALS["japn"]


def test_a_bad_option_is_a_value_error_naming_the_choices() -> None:
    with pytest.raises(ValueError, match=r"by takes sector, .* not 'sectr'; did you mean 'sector'"):
        dealcli.allocations(JP, by="sectr")
    with pytest.raises(ValueError, match="as_of takes a date as YYYY-MM-DD, not '2026-02-30'"):
        dealcli.show(JP, as_of="2026-02-30")
    with pytest.raises(ValueError, match=r"sector takes one of japan.s sectors .*, not .Atlantis."):
        dealcli.allocations(JP, sector="Atlantis")


def test_load_reads_other_folders(deals_dir: Path) -> None:
    mine = dealcli.load(deals_dir)
    assert list(mine) == ["mini"] and mine.origin("mini") == str(deals_dir / "mini.yaml")
    both = dealcli.load(paths=[deals_dir], bundled=True)
    assert {"mini", "japan"} <= set(both) and both.origin("japan") == "bundled"
    with pytest.raises(FileNotFoundError, match="not a folder of deal files"):
        dealcli.load(deals_dir / "nowhere")


def test_load_names_the_files_it_could_not_use(deals_dir: Path) -> None:
    (deals_dir / "broken.yaml").write_text("id: broken\nheadline: [\n")
    mine = dealcli.load(deals_dir)
    assert list(mine) == ["mini"]
    assert [p.path for p in mine.problems] == [str(deals_dir / "broken.yaml")]


def test_validate_gives_problems_with_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = (FIXTURES / "mini.yaml").read_text().replace("status: signed", "status: sgned", 1)
    assert text != (FIXTURES / "mini.yaml").read_text()
    bad.write_text(text)
    line = 1 + text[: text.index("status: sgned")].count("\n")
    problems = [p for p in dealcli.validate(bad) if not p.warning]
    assert [(p.path, p.line, p.column, p.field) for p in problems] == [
        (str(bad), line, 9, "status")
    ]
    assert dealcli.validate(ROOT / "deals" / "japan.yaml") == []


def test_to_pandas_types_the_columns() -> None:
    frame = dealcli.allocations(JP, by="sector").to_pandas()
    assert list(frame.columns) == list(dealcli.allocations(JP).to_records()[0])
    assert str(frame["sector"].dtype) == "string"
    assert str(frame["selected_usd_bn"].dtype) == "float64"
    assert str(frame["allocations"].dtype) == "Int64"
    records = dealcli.allocations(JP).to_records()
    assert frame["selected_usd_bn"].sum() == pytest.approx(
        float(sum(r["selected_usd_bn"] for r in records))
    )
    exact = dealcli.allocations(JP).to_pandas(exact=True)
    assert sum(exact["selected_usd_bn"]) == sum(r["selected_usd_bn"] for r in records)


def test_to_pandas_works_for_the_long_form() -> None:
    report = dealcli.show(JP)
    frame = report.to_pandas()
    records = report.to_records()
    assert len(frame) == len(records) and frame.columns[0] == "section"
    assert set(frame["section"]) == {t.name for t in report.tables}
    events = frame[frame["section"] == "timeline"]
    assert str(events["date"].dtype).startswith("datetime64")
    first = min(r["date"] for r in records if r["section"] == "timeline")
    assert events["date"].min().date() == first
    # a cell a section does not have is missing, not an error
    assert frame[frame["section"] == "totals"]["date"].isna().all()


def test_the_public_names_are_listed_and_found() -> None:
    assert "load" in dealcli.__all__ and "to_records" not in dealcli.__all__
    for name in dealcli.__all__:
        assert getattr(dealcli, name) is not None
    assert (ROOT / "dealcli" / "py.typed").is_file()
    with pytest.raises(AttributeError):
        dealcli.nothing_here  # noqa: B018


def _doctests(text: str, name: str) -> doctest.TestResults:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, name, name, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    return runner.summarize(verbose=False)


def test_the_examples_of_docs_api_run() -> None:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    results = _doctests(text, "docs/api.md")
    assert results.attempted >= 10 and results.failed == 0


def test_the_readme_from_python_section_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## From Python", 1)[1].split("\n## ", 1)[0]
    results = _doctests(section, "README.md")
    assert results.attempted >= 5 and results.failed == 0


SHELL = ("typer", "rich", "click", "tabulate", "xlsxwriter")


def test_import_and_a_warm_load_import_nothing_of_the_shell() -> None:
    script = (
        "import sys, dealcli\n"
        "deals = dealcli.load()\n"
        "deals['japan'].headline\n"
        "dealcli.allocations(deals['japan']).to_records()\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )

    def modules() -> set[str]:
        out = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
        )
        return set(out.stdout.split())

    cold = modules()  # fills the test's private cache
    warm = modules()
    assert "dealcli" in warm
    assert cold & set(SHELL) == set() and warm & set(SHELL) == set()
    assert "pydantic" in cold and "pydantic" not in warm  # validated once, then cached
    assert "yaml" not in warm
