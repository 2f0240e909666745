"""Time: --as-of, `deal pace` and `deal diff`, on small fixtures with figures worked out by hand.

tests/fixtures/timed.yaml and paced.yaml carry the as-of figures in their header comments;
timed-new.yaml is timed.yaml a month later, with one of each kind of change.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from dealcli.core import versions
from dealcli.core.asof import as_of, first_day
from dealcli.core.reading import read_deal
from dealcli.core.totals import totals
from dealcli.views.diff import changes
from dealcli.views.pace import pace

from .conftest import FIXTURES, invoke
from .test_pictures import _svg_lines

TIMED = read_deal(FIXTURES / "timed.yaml")
PACED = read_deal(FIXTURES / "paced.yaml")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "deals"
    out.mkdir()
    for name in ("timed.yaml", "paced.yaml"):
        shutil.copy(FIXTURES / name, out / name)
    return out


def run(folder: Path, *args: str) -> Any:
    r = invoke("--deals-dir", str(folder), *args, "-f", "json")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def stages(deal: Any, day: date) -> tuple[D, D, int]:
    t = totals(as_of(deal, day))
    return t.selected, t.candidates, len(as_of(deal, day).allocations)


# -- as of: the rules ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 2, 1), (D(0), D(0), 0)),  # nothing announced yet
        (date(2025, 7, 1), (D(0), D(30), 2)),  # candidates t1 20 (its first step) + t2 10
        (date(2025, 10, 15), (D(30), D(15), 3)),  # t1 selected at 30; t2 10 + t3 5
        (date(2026, 1, 1), (D(40), D(5), 3)),  # t1 30 + t2 10; t3 5
    ],
)
def test_timed_as_of_three_dates_and_before(day: date, expected: tuple[D, D, int]) -> None:
    assert stages(TIMED, day) == expected


def test_a_step_without_an_amount_keeps_the_latest_earlier_one() -> None:
    # resized: candidate 20 (1 Sep), candidate without amount (1 Oct) -> still 20, not its own 25
    a = {x.id: x for x in as_of(PACED, date(2025, 10, 15)).allocations}["resized"]
    assert (a.status, a.usd_bn, a.date) == ("candidate", D(20), date(2025, 10, 1))
    # the last entry is the allocation as it stands: selected at its own 25
    a = {x.id: x for x in as_of(PACED, date(2026, 4, 1)).allocations}["resized"]
    assert (a.status, a.usd_bn) == ("selected", D(25))


def test_a_step_without_an_amount_and_none_before_keeps_the_allocations_own() -> None:
    # timed t2: candidate from 1 Jun 2025 with no amount in any step -> its own 10
    a = {x.id: x for x in as_of(TIMED, date(2025, 7, 1)).allocations}["t2"]
    assert (a.status, a.usd_bn) == ("candidate", D(10))


def test_undated_allocation_counts_from_the_first_event_inside_the_pledge() -> None:
    # the outside-pledge event of 1 May 2025 does not start the deal; "Signed" (15 Jul) does
    assert first_day(PACED) == date(2025, 7, 15)
    assert stages(PACED, date(2025, 7, 14))[0] == D(0)
    assert stages(PACED, date(2025, 7, 15))[0] == D(20)


def test_a_part_stands_alone_until_its_envelope_is_announced() -> None:
    # 15 Jan 2026: undated 20 + part-a 30 = 50 (no envelope yet); 1 Mar: 20 + envelope 50 = 70
    early = as_of(PACED, date(2026, 1, 15))
    assert totals(early).selected == D(50)
    assert {a.id: a.part_of for a in early.allocations}["part-a"] is None
    assert totals(as_of(PACED, date(2026, 3, 1))).selected == D(70)
    assert totals(as_of(PACED, date(2026, 4, 1))).selected == D(95)  # + resized 25


def test_terms_in_force_then_and_events_up_to_then() -> None:
    def terms(day: date) -> dict[str, date | None]:
        return {t.id: t.to for t in as_of(PACED, day).terms}

    assert terms(date(2025, 7, 20)) == {"annual-cap": None}  # the tariff starts 1 Aug
    # in force on 15 Jan 2026: its end (1 Feb) was not yet reached
    assert terms(date(2026, 1, 15)) == {"annual-cap": None, "tariff": None}
    assert terms(date(2026, 3, 1)) == {
        "annual-cap": None,
        "tariff": date(2026, 2, 1),
        "surcharge": None,
    }
    assert [e.title for e in as_of(PACED, date(2026, 1, 15)).timeline] == [
        "A plant outside the deal",
        "Signed",
    ]


def test_headline_as_of_its_history() -> None:
    # 80 from 10 Jan 2025, 100 from 1 Jun 2025
    early = as_of(TIMED, date(2025, 3, 1)).headline
    assert (early.usd_bn, early.sources) == (D(80), ("press",))
    # JPY 15,000 bn was announced for the 100, not the 80: no yen figure then, none made up
    assert early.local is None
    later = as_of(TIMED, date(2025, 6, 1)).headline
    assert later.usd_bn == D(100) and later.local is not None and later.local.bn == D(15000)


def test_an_allocation_as_of_keeps_only_figures_given_for_its_amount_then() -> None:
    # t1 was 20 on 1 Mar 2025 (30 now, which one outlet gives as 29.5): the 29.5 is another
    # reading of the 30, not of the 20, so it goes
    then = {a.id: a for a in as_of(TIMED, date(2025, 3, 1)).allocations}
    assert (then["t1"].usd_bn, then["t1"].alternatives) == (D(20), ())
    assert then["t1"].sources == ("press",) and then["t1"].status == "candidate"
    # t2's steps carry no amount: it was 10 then as now, so its JPY 1,500 bn stays
    then = {a.id: a for a in as_of(TIMED, date(2025, 7, 1)).allocations}
    assert then["t2"].usd_bn == D(10) and then["t2"].local is not None
    assert then["t2"].local.bn == D(1500) and then["t2"].status == "candidate"


def test_as_of_today_or_later_is_the_deal_itself() -> None:
    assert totals(as_of(TIMED, date(2030, 1, 1))) == totals(TIMED)


# -- --as-of on the commands -----------------------------------------------------------------


def test_show_as_of_says_so_in_the_header_and_the_overview(folder: Path) -> None:
    r = invoke("--deals-dir", str(folder), "show", "timed", "--as-of", "2025-10-15", "-f", "table")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0] == "Timed test deal, as of 2025-10-15"
    data = run(folder, "show", "timed", "--as-of", "2025-10-15", "-s", "totals", "-s", "overview")
    got = {row["measure"]: row["usd_bn"] for row in data["totals"]}
    assert (got["selected"], got["candidates"], got["unselected"]) == (30, 15, 70)
    assert {"field": "as_of", "value": "2025-10-15"} in [
        {k: row[k] for k in ("field", "value")} for row in data["overview"]
    ]


def test_list_as_of(folder: Path) -> None:
    rows = {r["id"]: r for r in run(folder, "list", "--as-of", "2025-10-15")}
    # timed: selected t1 30, candidates 15; paced: undated 20, resized a candidate at 20
    assert (rows["timed"]["selected_usd_bn"], rows["timed"]["candidates_usd_bn"]) == (30, 15)
    assert (rows["paced"]["selected_usd_bn"], rows["paced"]["candidates_usd_bn"]) == (20, 20)


def test_allocations_companies_flows_chart_compare_as_of(folder: Path) -> None:
    day = ["--as-of", "2025-07-01"]  # timed: t1 candidate 20 (Acme, US), t2 candidate 10 (Nippon)
    groups = run(folder, "allocations", "timed", "--by", "status", *day)
    assert [(g["status"], g["candidate_usd_bn"]) for g in groups] == [("candidate", 30)]
    people = {c["company"]: c["candidate_usd_bn"] for c in run(folder, "companies", "timed", *day)}
    assert people == {"Acme Power": 20, "Nippon Co": 10}
    flows = run(folder, "flows", "timed", *day)["origins"]
    assert {f["origin"]: f["candidate_usd_bn"] for f in flows}["host-led"] == 20
    bars = run(folder, "chart", "timed", *day)
    assert {(b["label"], b["usd_bn"]) for b in bars if b["measure"] == "total"} == {
        ("selected", 0),
        ("unselected", 100),
        ("candidates", 30),
    }
    both = run(folder, "compare", "timed", "paced", "--as-of", "2025-10-15")["totals"]
    assert {r["deal"]: r["selected_usd_bn"] for r in both} == {"timed": 30, "paced": 20}


def test_as_of_takes_a_date(folder: Path) -> None:
    r = invoke("--deals-dir", str(folder), "show", "timed", "--as-of", "2025-13-01")
    assert r.exit_code == 2
    assert r.stderr == "deal: error: --as-of takes a date as YYYY-MM-DD, not '2025-13-01'\n"


# -- pace ------------------------------------------------------------------------------------


def test_pace_timed_known_answer(folder: Path) -> None:
    data = run(folder, "pace", "timed", "--as-of", "2026-01-01")
    # selected 40 of 100 on 1 Jan 2026; 2026-01-01 -> 2029-01-01 is 365 + 365 + 366 = 1096
    # days = 3.0007 years; needed 60 x 365.25 / 1096 = 19.995 -> 20.00; since signing
    # (2025-01-01) 365 days: 40 x 365.25 / 365 = 40.027 -> 40.03 a year; at that pace
    # 40 + 40 x 1096 / 365 = 160.11 by the deadline; at the cap of 20: 60 / 20 = 3.00 years,
    # and 3.00 <= 3.0007: the period (just) allows it.
    assert data["pace"] == [
        {
            "as_of": "2026-01-01",
            "pledged_usd_bn": 100,
            "headline_usd_bn": 100,  # the old names, kept for one release (CHANGELOG.md)
            "selected_usd_bn": 40,
            "committed_usd_bn": 40,
            "remaining_usd_bn": 60,
            "signed": "2025-01-01",
            "deadline": "2029-01-01",
            "years_left": 3,
            "needed_usd_bn_a_year": 20,
            "so_far_usd_bn_a_year": 40.03,
            "projected_usd_bn": 160.11,
            "annual_cap_usd_bn": 20,
            "years_at_cap": 3,
            "period_allows": "yes",
        }
    ]
    # steps: t1 selected 1 Sep 2025 (30), t2 1 Dec 2025 (+10); the straight line is
    # 100 x 243 / 1461 = 16.63 on 1 Sep and 100 x 334 / 1461 = 22.86 on 1 Dec
    assert data["steps"] == [
        {
            "date": "2025-09-01",
            "selected_usd_bn": 30,
            "committed_usd_bn": 30,
            "change_usd_bn": 30,
            "share_pct": 30,
            "line_usd_bn": 16.63,
            "moved": "t1 +30",
        },
        {
            "date": "2025-12-01",
            "selected_usd_bn": 40,
            "committed_usd_bn": 40,
            "change_usd_bn": 10,
            "share_pct": 40,
            "line_usd_bn": 22.86,
            "moved": "t2 +10",
        },
    ]


def test_pace_paced_cap_the_period_does_not_allow(folder: Path) -> None:
    data = run(folder, "pace", "paced", "--as-of", "2026-07-01")
    p = data["pace"][0]
    # selected 95 of 200: 105 remain; 2026-07-01 -> 2028-07-01 is 731 days = 2.0014 years;
    # needed 105 x 365.25 / 731 = 52.46; so far 95 x 365.25 / 365 = 95.07 a year;
    # at the cap of 10, 105 / 10 = 10.5 years > 2.0: the period does not allow it
    assert (p["remaining_usd_bn"], p["years_left"], p["needed_usd_bn_a_year"]) == (105, 2, 52.46)
    assert (p["so_far_usd_bn_a_year"], p["years_at_cap"], p["period_allows"]) == (95.07, 10.5, "no")
    assert [(s["date"], s["selected_usd_bn"], s["moved"]) for s in data["steps"]] == [
        ("2025-07-15", 20, "undated +20"),
        ("2026-01-10", 50, "part-a +30"),
        ("2026-03-01", 70, "envelope +50; part-a -30"),
        ("2026-04-01", 95, "resized +25"),
    ]


def test_pace_after_the_deadline_and_without_a_period(folder: Path) -> None:
    p = run(folder, "pace", "paced", "--as-of", "2028-08-01")["pace"][0]
    assert (p["years_left"], p["needed_usd_bn_a_year"], p["period_allows"]) == (0, None, "no")
    day = date(2026, 7, 1)
    table = pace(replace(as_of(PACED, day), period=None), day).table("pace")
    row = table.records()[0]
    # no deadline; signing is then the first event inside the pledge
    assert (row["deadline"], row["years_left"], row["needed_usd_bn_a_year"]) == (None, None, None)
    assert (row["signed"], row["period_allows"]) == (date(2025, 7, 15), None)
    assert "the deal has no period: there is no deadline to pace against" in table.notes


def test_pace_draws_steps_against_the_line(folder: Path, tmp_path: Path) -> None:
    r = invoke("--deals-dir", str(folder), "pace", "timed", "--as-of", "2026-01-01", "-f", "table")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "Timed test deal: pace, as of 2026-01-01"
    bars = [line.split()[:3] for line in lines if line[:4].isdigit()]
    assert bars[:2] == [["2025-09-01", "·", "selected"], ["2025-09-01", "·", "straight"]]
    assert ["2029-01-01", "·", "straight"] in bars  # the line reaches the headline
    assert "  * 3 years to the deadline (2029-01-01): USD 20 bn a year needed" in lines
    svg = tmp_path / "pace.svg"
    r = invoke(
        "--deals-dir", str(folder), "pace", "timed", "--as-of", "2026-01-01", "--svg", str(svg)
    )
    assert r.exit_code == 0, r.stderr
    assert svg.read_text(encoding="utf-8").startswith("<svg")
    # the picture is the chart a terminal shows (bars), not the tables of a file
    drawn = [line.split()[:3] for line in _svg_lines(svg) if line[:4].isdigit()]
    assert drawn[:2] == [["2025-09-01", "·", "selected"], ["2025-09-01", "·", "straight"]]
    assert any("█" in line for line in _svg_lines(svg))


# -- diff ------------------------------------------------------------------------------------

OLD, NEW = str(FIXTURES / "timed.yaml"), str(FIXTURES / "versions" / "timed-new.yaml")

# worked out from timed-new.yaml's header comment
EXPECTED = [
    {"part": "deal", "id": "timed", "change": "changed", "field": "updated", "old": "2026-01-31", "new": "2026-02-28"},
    {"part": "allocations", "id": "t2", "change": "changed", "field": "usd_bn", "old": 10, "new": 12},
    {"part": "allocations", "id": "t4", "change": "added", "field": None, "old": None, "new": "Port (candidate, 7)"},
    {"part": "allocations", "id": "t3", "change": "removed", "field": None, "old": "Mine (candidate, 5)", "new": None},
    {"part": "terms", "id": "annual-cap", "change": "changed", "field": "usd_bn", "old": 20, "new": 25},
    {"part": "terms", "id": "tariff", "change": "added", "field": None, "old": None, "new": "Tariff"},
    {"part": "commitments", "id": "buy-lng", "change": "added", "field": None, "old": None, "new": "Buy LNG (5)"},
    {"part": "timeline", "id": "2025-06-01 MOU signed", "change": "changed", "field": "title", "old": "Signed", "new": "MOU signed"},
    {"part": "timeline", "id": "2026-01-15 First project funded", "change": "added", "field": None, "old": None, "new": "2026-01-15: First project funded"},
    {"part": "timeline", "id": "2025-11-01 A rumour", "change": "removed", "field": None, "old": "2025-11-01: A rumour", "new": None},
    {"part": "sources", "id": "press", "change": "changed", "field": "publisher", "old": "Reuters", "new": "Reuters News"},
    {"part": "sources", "id": "news2", "change": "added", "field": None, "old": None, "new": "Port report"},
    {"part": "sources", "id": "digest", "change": "removed", "field": None, "old": "Digest", "new": None},
]  # fmt: skip


def diff(*args: str, cwd_env: dict[str, str] | None = None) -> Any:
    return invoke("diff", *args, env=cwd_env)


def test_diff_one_of_each_kind_of_change() -> None:
    r = diff(OLD, NEW, "-f", "json")
    assert r.exit_code == 1  # they differ
    data = json.loads(r.stdout)
    assert data["changes"] == EXPECTED
    # selected 40 -> 42, candidates 5 -> 7, unselected 60 -> 58
    assert [(t["measure"], t["old_usd_bn"], t["new_usd_bn"], t["change_usd_bn"]) for t in data["totals"]] == [
        ("pledged", 100, 100, 0),
        ("selected", 40, 42, 2),
        ("unselected", 60, 58, -2),
        ("candidates", 5, 7, 2),
    ]  # fmt: skip


def test_diff_nested_fields_one_by_one() -> None:
    new = read_deal(FIXTURES / "versions" / "timed-new.yaml")
    moved = as_of(new, date(2025, 3, 1))  # headline 80 then; t1 a candidate at 20
    rows = {(r[1], r[3]): (r[4], r[5]) for r in changes(new, moved)}
    assert rows[("timed", "headline.usd_bn")] == (D(100), D(80))
    assert rows[("t1", "status")] == ("selected", "candidate")


def test_diff_same_is_exit_0(folder: Path) -> None:
    r = invoke(
        "--deals-dir", str(folder), "diff", "timed", str(folder / "timed.yaml"), "-f", "json"
    )
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["changes"] == []


def test_diff_a_name_and_a_file(folder: Path) -> None:
    r = invoke("--deals-dir", str(folder), "diff", "timed", NEW, "-f", "csv")
    assert r.exit_code == 1
    assert "changes,allocations,t2,changed,usd_bn,10,12,,,," in r.stdout.splitlines()


def test_diff_git_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    (repo / "deals").mkdir(parents=True)
    shutil.copy(FIXTURES / "timed.yaml", repo / "deals" / "timed.yaml")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "timed")
    shutil.copy(FIXTURES / "versions" / "timed-new.yaml", repo / "deals" / "timed.yaml")
    monkeypatch.chdir(repo)
    r = diff("git:HEAD:deals/timed.yaml", "deals/timed.yaml", "-f", "json")
    assert r.exit_code == 1, r.stderr
    assert json.loads(r.stdout)["changes"] == EXPECTED
    assert diff("git:HEAD:deals/timed.yaml", "git:HEAD:deals/timed.yaml").exit_code == 0
    r = diff("git:HEAD:deals/nope.yaml", "deals/timed.yaml")
    assert r.exit_code == 2
    assert r.stderr == (
        "deal: error: git cannot read HEAD:deals/nope.yaml: "
        "fatal: path 'deals/nope.yaml' does not exist in 'HEAD'\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope.yaml", NEW], "deal: error: cannot read nope.yaml: No such file or directory"),
        (["git:HEAD", NEW], "deal: error: 'git:HEAD': write git:REV:PATH, e.g. git:HEAD~1:deals/japan.yaml"),
        (["no-such-deal", NEW], "deal: error: no deal named 'no-such-deal'"),
    ],
)  # fmt: skip
def test_diff_usage_errors_exit_2(args: list[str], message: str) -> None:
    r = diff(*args)
    assert r.exit_code == 2
    assert r.stderr.startswith(message)
    assert r.stdout == ""


def test_diff_of_an_invalid_file_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 2\nid: bad\n", encoding="utf-8")
    r = diff(str(bad), NEW)
    assert r.exit_code == 2  # 1 would read as "they differ"
    assert r.stderr.startswith(f"deal: error: {bad} is not a valid deal file\n{bad}:")


def test_diff_without_git(tmp_path: Path) -> None:
    # a PATH with no git in it
    r = invoke("diff", "git:HEAD:deals/japan.yaml", NEW, env={"PATH": str(tmp_path)})
    assert r.exit_code == 2
    assert "needs git, which cannot be run here" in r.stderr


def test_diff_of_a_file_in_a_deals_folder_uses_the_deal_already_read(
    deals_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the folder's own file, named by path: the registry has it, checked and cached, so the
    # file is not validated a second time (a 10,000-deal folder pays one read, not two)
    def never(name: str, data: bytes) -> None:
        raise AssertionError(f"{name} validated again")

    monkeypatch.setattr(versions, "_build", never)
    r = invoke("--deals-dir", str(deals_dir), "diff", "mini", str(deals_dir / "mini.yaml"))
    assert r.exit_code == 0, r.stderr  # the same deal


def test_diff_compares_tranches_too() -> None:
    mini = read_deal(FIXTURES / "mini.yaml")
    cash, guar = mini.structure
    smaller = replace(mini, structure=(replace(cash, usd_bn=D(50)), guar))
    assert [r for r in changes(mini, smaller) if r[0] == "structure"] == [
        ("structure", "cash", "changed", "usd_bn", D(60), D(50))
    ]
