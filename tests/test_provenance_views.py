"""What `deal show` says of how firm each figure is, and of amounts announced in yen or won.

Figures of tests/fixtures/marked.yaml, worked out by hand:
  items and their best source: headline, t-a, annual-cap, a1, a4, c1, "Signed" (gov: official 7);
  t-b, a2, the plant nearby (press: 3); rumoured-tariff, a3, c2, "A rumour" (digest: aggregator 4)
  = 14 items; not confirmed: t-b and a2 (reported), rumoured-tariff, a3, c2, "A rumour"
  (unconfirmed) = 6.
  in JPY: headline 30,000; tranche t-a 22,500; allocation a1 9,000; no other figure.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from dealcli.core.errors import UsageError
from dealcli.core.model import Local
from dealcli.core.provenance import summary_line
from dealcli.core.reading import read_deal
from dealcli.core.table import Report
from dealcli.render import Options, render
from dealcli.views import show

from .conftest import BUNDLED, FIXTURES, invoke
from .test_screen import FOOTNOTE_WORDS, _pty_run, words

MARKED = read_deal(FIXTURES / "marked.yaml")
JAPAN = read_deal(BUNDLED / "japan.yaml")
BASE = ("--deals-dir", str(FIXTURES))
PROVENANCE = (
    "14 items rest on: 7 official, 0 company, 3 press, 4 aggregator sources "
    "(best source of each); 6 not confirmed"
)


def screen(report: Report, width: int | None = 200) -> str:
    return render(report, Options(format="table", width=width))  # type: ignore[return-value]


def lines_of(text: str) -> dict[str, str]:
    """Each line by its first word."""
    return {line.split()[0]: line for line in text.splitlines() if line.split()}


def csv_rows(*args: str) -> list[dict[str, str]]:
    r = invoke(*BASE, "show", "marked", *args, "-f", "csv")
    assert r.exit_code == 0, r.stderr
    return list(csv.DictReader(io.StringIO(r.stdout)))


def test_the_provenance_line_is_under_the_totals() -> None:
    assert summary_line(MARKED) == PROVENANCE
    text = screen(show.show(MARKED, ["totals"]))
    assert PROVENANCE in text
    assert text.index("candidates") < text.index("14 items rest on")  # under the money


def test_marks_follow_the_amount_or_the_title_and_footnotes_say_what_they_mean() -> None:
    text = screen(show.show(MARKED, ["allocations"]))
    rows = lines_of(text)
    assert "60‡" in rows["a1"].split()  # another figure: 55 (Reuters)
    assert "40§" in rows["a2"].split()  # reported
    assert "Port†" in rows["a3"].split()  # unconfirmed, and no amount: the title is marked
    assert "10" in rows["a4"].split() and "†" not in rows["a4"] and "§" not in rows["a4"]
    assert "† unconfirmed: sources disagree, or only aggregators give it" in text
    assert "§ reported: one outlet, not confirmed by a party" in text
    assert "‡ Plant: other sources give 55 (Reuters): the company's own figure" in text


def test_a_table_without_marks_has_no_mark_footnote() -> None:
    text = screen(show.show(MARKED, ["sectors", "companies"]))
    assert not {"†", "§", "‡"} & set(text)


def test_marks_in_terms_commitments_structure_and_timeline() -> None:
    text = screen(show.show(MARKED, ["terms", "commitments", "structure", "timeline"]))
    assert "Rumoured tariff†" in text  # a term: after its label
    assert "Gas deal†" in text  # a commitment without an amount: after its title
    assert "Purchases†" not in text
    assert "50§" in lines_of(text)["t-b"].split()  # a reported tranche: after its amount
    assert "A rumour†" in text
    assert "A plant nearby (outside the pledge)" in text
    assert "not part of the deal; never counted" in text


def test_files_keep_numbers_and_carry_confidence_and_alternatives() -> None:
    rows = {r["id"]: r for r in csv_rows("-s", "allocations")}
    assert (rows["a1"]["usd_bn"], rows["a1"]["confidence"]) == ("60", "confirmed")
    assert rows["a1"]["alternatives"] == "55 (Reuters)"
    assert (rows["a1"]["local_currency"], rows["a1"]["local_bn"]) == ("JPY", "9000")
    assert (rows["a2"]["usd_bn"], rows["a2"]["confidence"]) == ("40", "reported")
    assert (rows["a3"]["usd_bn"], rows["a3"]["confidence"]) == ("", "unconfirmed")
    assert (rows["a4"]["local_currency"], rows["a4"]["local_bn"]) == ("", "")
    everything = invoke(*BASE, "show", "marked", "-f", "csv").stdout
    assert not {"†", "§", "‡", "—"} & set(everything)  # never a mark in a file


def test_json_carries_confidence_local_amounts_and_the_pledge_as_data() -> None:
    r = invoke(*BASE, "show", "marked", "-f", "json")
    data = json.loads(r.stdout, parse_float=D)
    a1 = next(a for a in data["allocations"] if a["id"] == "a1")
    assert (a1["usd_bn"], a1["local_currency"], a1["local_bn"]) == (60, "JPY", 9000)
    tranches = {t["tranche"]: t for t in data["structure"]}
    assert (tranches["t-a"]["local_bn"], tranches["t-b"]["confidence"]) == (22500, "reported")
    head = data["totals"][0]
    assert (head["usd_bn"], head["local_currency"], head["local_bn"]) == (200, "JPY", 30000)
    events = {e["event"]: e for e in data["timeline"]}
    assert events["A plant nearby"]["pledge"] == "outside"
    assert events["Signed"]["pledge"] is None
    assert events["A rumour"]["confidence"] == "unconfirmed"
    assert {c["commitment"]: c["confidence"] for c in data["commitments"]} == {
        "c1": "confirmed",
        "c2": "unconfirmed",
    }


def test_the_headline_shows_the_amount_it_was_announced_in() -> None:
    rows = lines_of(screen(show.show(MARKED, ["totals"])))
    assert "200" in rows["pledged"].split()
    assert "JPY 30,000 bn announced" in rows["pledged"]
    structure = lines_of(screen(show.show(MARKED, ["structure"])))
    assert structure["t-a"].split()[2:4] == ["150", "22,500"]  # USD bn, then JPY bn


def test_in_yen_the_announced_amounts_and_a_dash_for_the_rest() -> None:
    report = show.show(MARKED, currency="jpy")
    names = [t.name for t in report.tables]
    assert "sectors" not in names and "top-companies" not in names  # sums exist only in USD
    # and the first table, under which people look first, says why they are missing
    why = "sectors and companies are left out: their sums exist only in USD"
    assert [t.name for t in report.tables if why in t.notes] == [names[0]] == ["totals"]
    text = screen(report)
    totals = lines_of(screen(show.show(MARKED, ["totals"], currency="jpy")))
    assert totals["pledged"].split()[1] == "30,000"
    assert totals["selected"].split()[1] == "—"  # 70 in USD: no yen figure, none made up
    # totals: 4 amounts (200, 70, 130, 40), only the headline's announced in JPY: 3 missing
    assert "3 of 4 amounts have no figure announced in JPY" in text
    # allocations: 3 amounts (a1 60, a2 40, a4 10; a3 has none), a1's announced: 2 missing
    assert "2 of 3 amounts have no figure announced in JPY" in text
    # tranches: t-a announced, t-b not
    assert "1 of 2 amounts have no figure announced in JPY" in text
    alloc = next(t for t in report.tables if t.name == "allocations")
    got = {r["id"]: r["jpy_bn"] for r in alloc.records()}
    assert got == {"a1": D(9000), "a2": None, "a3": None, "a4": None}
    assert "usd_bn" not in [c.key for c in alloc.columns]
    assert "share_pct" not in [c.key for c in alloc.columns]  # shares of dollar amounts go


def test_in_yen_files_leave_missing_figures_empty() -> None:
    rows = {r["id"]: r for r in csv_rows("-s", "allocations", "--currency", "JPY")}
    assert (rows["a1"]["jpy_bn"], rows["a2"]["jpy_bn"], rows["a4"]["jpy_bn"]) == ("9000", "", "")
    r = invoke(*BASE, "show", "marked", "-s", "totals", "--currency", "JPY", "-f", "json")
    totals = json.loads(r.stdout)["totals"]
    assert [t["jpy_bn"] for t in totals] == [30000, None, None, None]


def test_a_currency_no_figure_was_announced_in_is_a_usage_error() -> None:
    r = invoke(*BASE, "show", "marked", "--currency", "KRW")
    assert r.exit_code == 2
    assert r.stderr.startswith("deal: error: no figure of marked was announced in KRW")
    assert "USD, JPY" in r.stderr
    with pytest.raises(UsageError, match="only in USD"):
        show.show(read_deal(FIXTURES / "mini.yaml"), currency="JPY")


def test_usd_is_the_deal_as_it_is() -> None:
    plain = screen(show.show(MARKED, ["allocations"]))
    assert screen(show.show(MARKED, ["allocations"], currency="usd")) == plain


def test_terms_are_in_force_or_lapsed_as_of_the_day_asked_for() -> None:
    # annual-cap runs 2025-01-01 to 2099-12-31: in force until then, lapsed the day after,
    # whatever today's date is
    def state(*args: str) -> str:
        rows = {r["term"]: r for r in csv_rows("-s", "terms", *args)}
        return rows["annual-cap"]["state"]

    assert state("--as-of", "2026-01-01") == "in force"
    assert state("--as-of", "2100-01-01") == "lapsed"
    table = show.show(MARKED, ["terms", "key-terms"], as_of=date(2100, 1, 1)).tables
    assert table[0].records()[0]["state"] == "lapsed"
    assert [r["term"] for r in table[1].records()] == ["rumoured-tariff"]  # the cap has lapsed


def test_outside_pledge_events_are_never_counted() -> None:
    # the plant nearby (2025-07-01) is the latest event; the deal's first day stays 2025-03-01,
    # and the money is the same with or without it
    from dataclasses import replace

    from dealcli.core.asof import first_day
    from dealcli.core.totals import totals

    inside = replace(MARKED, timeline=MARKED.timeline[:2])
    assert first_day(MARKED) == first_day(inside) == date(2025, 3, 1)
    assert totals(MARKED) == totals(inside)


@pytest.mark.parametrize("width", [60, 80, 120, 200])
@pytest.mark.parametrize("currency", [None, "JPY"])
def test_marked_screens_break_no_word(width: int, currency: str | None) -> None:
    report = show.show(MARKED, currency=currency)
    whole = words(render(report, Options(format="markdown"))) | FOOTNOTE_WORDS  # type: ignore[arg-type]
    for line in screen(report, width).splitlines():
        assert len(line) <= width, line
        for word in line.split():
            if set(word) <= set("─") or word.endswith("…"):
                continue
            assert word in whole or word.rstrip(",") in whole, (word, line)


def test_markdown_shows_the_marks_and_their_footnotes() -> None:
    text = render(show.show(MARKED, ["allocations"]), Options(format="markdown"))
    rows = {line.split("|")[1].strip(): line for line in text.splitlines() if "|" in line}
    assert "60‡" in rows["a1"] and "Port†" in rows["a3"]
    assert "- ‡ Plant: other sources give 55 (Reuters)" in text


def test_japan_first_screen_at_80_columns() -> None:
    # headline 550 (JPY 81,000 bn announced), selected 109, the top sector Energy
    text = _pty_run(["show", "japan"], 80, {"NO_COLOR": "1", "PAGER": "cat", "DEAL_PAGER": ""})
    first = "\n".join(text.splitlines()[:24])
    rows = lines_of(first)
    assert rows["pledged"].split()[1] == "550"
    assert "JPY 81,000 bn announced" in rows["pledged"]
    assert rows["selected"].split()[1] == "109"
    assert "Energy" in rows
    joined = " ".join(first.split())  # the provenance line, wrapped to the width
    assert summary_line(JAPAN).split(";")[0] in joined
    assert all(len(line) <= 80 for line in text.splitlines())


def test_japan_in_yen_shows_the_headline_as_announced() -> None:
    r = invoke("show", "japan", "--currency", "JPY", "-s", "totals", "-s", "allocations")
    rows = {
        (x["section"], x.get("measure") or x.get("id")): x
        for x in csv.DictReader(io.StringIO(r.stdout), delimiter="\t")
    }
    assert rows["totals", "pledged"]["jpy_bn"] == "81000"
    # the first tranche's three projects as Mainichi reported them in yen: 5,200, 330 and 90
    ids = ("ohio-portsmouth-gas-power", "texas-gulflink-crude-terminal", "element-six-diamond-grit")
    assert [rows["allocations", i]["jpy_bn"] for i in ids] == ["5200", "330", "90"]
    assert rows["allocations", "westinghouse-ap1000-smr"]["jpy_bn"] == ""  # USD only
    table = screen(show.show(JAPAN, ["totals"], currency="JPY"), 80)
    assert lines_of(table)["pledged"].split()[1] == "81,000"


def test_amounts_in_two_currencies_each_say_which() -> None:
    # a2 announced in euros beside a1's yen: one "Local bn" column, each amount followed by
    # its currency on screen; files keep the number and the currency apart
    allocations = tuple(
        replace(a, local=Local("EUR", D(35), a.sources)) if a.id == "a2" else a
        for a in MARKED.allocations
    )
    report = show.show(replace(MARKED, allocations=allocations), ["allocations"])
    rows = lines_of(screen(report))
    assert [c.label for c in report.tables[0].columns if c.key == "local_bn"] == ["Local bn"]
    assert "9,000 JPY" in rows["a1"] and "35 EUR" in rows["a2"]
    got = {r["id"]: (r["local_currency"], r["local_bn"]) for r in report.tables[0].records()}
    assert got["a1"] == ("JPY", D(9000)) and got["a2"] == ("EUR", D(35))
    # with one currency the column says which, and no amount needs saying it again
    one = show.show(MARKED, ["allocations"])
    assert [c.label for c in one.tables[0].columns if c.key == "local_bn"] == ["JPY bn"]
    assert "9,000 JPY" not in screen(one) and "9,000" in lines_of(screen(one))["a1"]
