"""Provenance: which kind of source each item rests on, worked out by hand on timed.yaml."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from dealcli.core.provenance import backing, summary, summary_line
from dealcli.core.reading import read_deal

from .conftest import BUNDLED, FIXTURES, invoke

TIMED = read_deal(FIXTURES / "timed.yaml")


def test_items_counted_once_by_their_best_source() -> None:
    # headline (gov), term annual-cap (gov), t1 (gov), t2 (gov), event "Signed" (gov): official 5
    # t3 (press), event outside the pledge (press): press 2; the rumour (digest): aggregator 1
    counts, unconfirmed = summary(TIMED)
    assert dict(counts) == {"official": 5, "press": 2, "aggregator": 1}
    assert unconfirmed == 2  # t3 is `reported`, the rumour `unconfirmed`
    assert summary_line(TIMED) == (
        "8 items rest on: 5 official, 0 company, 2 press, 1 aggregator sources "
        "(best source of each); 2 not confirmed"
    )


def test_backing_counts_items_per_source() -> None:
    used = backing(TIMED)
    # gov: headline, annual-cap, t1, t2, Signed = 5; press: t3, outside event = 2; digest: 1
    assert (used["gov"], used["press"], used["digest"]) == (5, 2, 1)


def test_sources_command_shows_kind_via_and_items(tmp_path: Path) -> None:
    r = invoke("--deals-dir", str(FIXTURES), "sources", "timed", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(r.stdout))}
    assert (rows["gov"]["kind"], rows["gov"]["items"]) == ("official", "5")
    assert (rows["digest"]["kind"], rows["digest"]["items"]) == ("aggregator", "1")
    assert rows["press"]["number"] == "2"


def test_sources_check_lists_aggregator_only_items_and_unused_sources(tmp_path: Path) -> None:
    text = (FIXTURES / "timed.yaml").read_text(encoding="utf-8")
    text = text.replace("id: timed", "id: timed2") + "".join(
        f'  - {{id: {name}, title: Unused, publisher: X, url: "https://x.example.com/{name}", '
        "date: 2025-01-01, kind: news}\n"
        for name in ("spare", "spare-2")
    )
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "t.yaml").write_text(text, encoding="utf-8")
    r = invoke("--deals-dir", str(folder), "sources", "--check", "timed2", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    rows = [(x["finding"], x["section"], x["id"]) for x in csv.DictReader(io.StringIO(r.stdout))]
    assert rows == [
        ("rests only on aggregators", "timeline", "2025-11-01"),
        ("source cited by no item", "sources", "spare"),
        ("source cited by no item", "sources", "spare-2"),
    ]
    # the count under the table: one item on aggregators only, two sources nobody cites
    r = invoke("--deals-dir", str(folder), "sources", "--check", "timed2", "-f", "markdown")
    assert r.stdout.startswith("# Source check\n\n| Deal ")  # one table: titled once
    assert (
        "- 1 deal(s): 1 item(s) rest only on aggregators (each must say confidence: "
        "unconfirmed); 2 source(s) cited by no item;" in r.stdout
    )


def test_sources_check_lists_sources_on_hosts_readers_cannot_rely_on(tmp_path: Path) -> None:
    text = (FIXTURES / "timed.yaml").read_text(encoding="utf-8")
    text = text.replace("id: timed", "id: timed3").replace(
        "https://www.reuters.com/x", "https://static1-azcdn.reuters.com/x"
    )
    assert "static1-azcdn" in text
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "t.yaml").write_text(text, encoding="utf-8")
    r = invoke("--deals-dir", str(folder), "sources", "--check", "timed3", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    rows = [(x["finding"], x["id"]) for x in csv.DictReader(io.StringIO(r.stdout))]
    assert ("on a CDN host", "press") in rows
    r = invoke("--deals-dir", str(folder), "sources", "--check", "timed3", "-f", "markdown")
    assert "1 source(s) on a host readers cannot rely on" in r.stdout


def test_sources_of_one_deal_needs_one_deal() -> None:
    r = invoke("sources")
    assert r.exit_code == 2
    assert r.stderr.startswith("deal: error: sources takes one deal")


def test_sources_check_names_each_item_by_its_title_or_label() -> None:
    # allocations and commitments have a title, terms and tranches a label: the check's
    # "title" column shows whichever the item has, as `deal show` names it
    r = invoke("sources", "--check", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    rows = [x for x in csv.DictReader(io.StringIO(r.stdout)) if x["section"] != "timeline"]
    deals = {d.id: d for d in (read_deal(p) for p in BUNDLED.glob("*.yaml"))}
    named = {"allocations": "title", "commitments": "title", "terms": "label", "structure": "label"}
    named["sources"] = "title"
    seen = set()
    for row in rows:
        if row["section"] == "headline":
            assert row["title"] == deals[row["deal"]].title
            continue
        item = next(x for x in getattr(deals[row["deal"]], row["section"]) if x.id == row["id"])
        assert row["title"] == getattr(item, named[row["section"]]), row
        seen.add(row["section"])
    assert {"allocations", "commitments", "terms"} <= seen  # both kinds of name are checked
