"""Context records: the US-wide events deals read with their own, through the installed
`deal` (deals/context/us-tariffs.yaml, docs/deal-format.md "Context records")."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.conftest import BUNDLED, FIXTURES, run

RECORD = BUNDLED / "context" / "us-tariffs.yaml"


def _rows(*args: str) -> list[dict[str, str]]:
    out = run(*args)
    assert out.returncode == 0, out.stderr
    return list(csv.DictReader(io.StringIO(out.stdout)))


def test_a_deals_timeline_lists_the_may_ruling_marked_as_context() -> None:
    rows = _rows("timeline", "japan", "-f", "csv")
    ruling = [r for r in rows if r["date"] == "2026-05-07"]
    assert len(ruling) == 1
    assert ruling[0]["origin"] == "context"
    assert ruling[0]["deal"] == "us-tariffs"
    assert "Section 122" in ruling[0]["event"]
    # the deal's own events are there too, marked as its own
    own = [r for r in rows if r["deal"] == "japan"]
    assert own and {r["origin"] for r in own} == {"deal"}


def test_show_as_of_april_leaves_out_the_may_ruling_but_keeps_earlier_context() -> None:
    rows = _rows("show", "japan", "--as-of", "2026-04-01", "-s", "timeline", "-f", "csv")
    dates = {r["date"] for r in rows}
    assert "2026-05-07" not in dates
    assert all(r["date"] <= "2026-04-01" for r in rows)
    context = [r for r in rows if r["origin"] == "context"]
    assert {"2026-02-20", "2026-03-04"} <= {r["date"] for r in context}
    today = _rows("show", "japan", "-s", "timeline", "-f", "csv")
    assert any(r["date"] == "2026-05-07" and r["origin"] == "context" for r in today)


def test_the_table_marks_context_rows() -> None:
    out = run("timeline", "japan", "--since", "2026-05-01", "-f", "table", env={"COLUMNS": "200"})
    assert out.returncode == 0, out.stderr
    text = " ".join(out.stdout.split())
    assert "the 10% stays for every other importer (context)" in text
    assert "(context): a US-wide event from a context record" in text


def test_section_232_events_bear_only_on_deals_with_section_232_terms() -> None:
    def context_dates(name: str) -> set[str]:
        rows = _rows("timeline", name, "-f", "csv")
        return {r["date"] for r in rows if r["origin"] == "context"}

    assert "2026-04-02" in context_dates("japan")  # Section 232 terms: steel, autos, chips
    qatar = context_dates("qatar")
    assert "2026-04-02" not in qatar  # no Section 232 term
    assert {"2026-02-20", "2026-05-07", "2026-03-12"} <= qatar  # 2026-03-12: named by id


def test_timeline_context_shows_the_record_alone() -> None:
    rows = _rows("timeline", "--context", "-f", "csv")
    assert {r["record"] for r in rows} == {"us-tariffs"}
    assert len(rows) == 14
    end = next(r for r in rows if r["date"] == "2026-07-24")
    assert end["status"] == "not known"
    assert "not known" in end["event"]
    appeal = next(r for r in rows if r["date"] == "2026-05-29")
    assert appeal["confidence"] == "unconfirmed"
    assert "166" in appeal["event"]
    out = run("timeline", "--context", "japan")
    assert out.returncode == 2 and "name no deal" in out.stderr


def test_the_surcharge_has_an_open_end_not_a_known_lapse() -> None:
    def term(day: str) -> dict[str, str]:
        rows = _rows("show", "japan", "--as-of", day, "-s", "terms", "-f", "csv")
        return next(r for r in rows if r["term"] == "section-122-surcharge")

    assert term("2026-06-01")["state"] == "in force"
    after = term("2026-08-01")
    assert after["state"] == "not known"
    assert after["to"] == ""
    out = run("show", "japan", "-s", "terms", "-f", "table", env={"COLUMNS": "200"})
    assert "section-122-surcharge: The proclamation runs 150 days" in " ".join(out.stdout.split())


def test_the_registry_lists_no_context_record_as_a_deal() -> None:
    listed = _rows("list", "-f", "csv")
    assert "us-tariffs" not in {r["id"] for r in listed}
    assert len(listed) == 8
    compared = _rows("compare", "--all", "-s", "pledges", "-f", "csv")
    assert len(compared) == 8
    out = run("show", "us-tariffs")
    assert out.returncode == 2 and "no deal named 'us-tariffs'" in out.stderr


def test_the_bundled_record_validates_with_the_deals() -> None:
    out = run("validate", str(RECORD))
    assert out.returncode == 0, out.stdout + out.stderr
    out = run("validate", str(BUNDLED))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "9 file(s): 9 valid, 0 invalid" in out.stdout + out.stderr


def _user_folder(tmp_path: Path, record: str) -> Path:
    folder = tmp_path / "mine"
    (folder / "context").mkdir(parents=True)
    (folder / "context" / "local.yaml").write_text(record, encoding="utf-8")
    deal = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    deal = deal.replace("format: 1", "format: 2", 1) + "\ncontext: [local]\n"
    (folder / "mini.yaml").write_text(deal, encoding="utf-8")
    return folder


GOOD = """\
format: 2
kind: context
id: local
title: A local record
updated: 2026-06-01
events:
  - id: rule
    date: 2026-05-01
    title: A local rule applies
    status: in force
    sources: [gazette]
sources:
  - {id: gazette, title: Gazette, publisher: A government, url: "https://example.gov/g", date: 2026-05-01, kind: news}
"""


def test_a_users_folder_may_hold_its_own_context_records(tmp_path: Path) -> None:
    folder = _user_folder(tmp_path, GOOD)
    out = run("--deals-dir", str(folder), "timeline", "mini", "-f", "csv")
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [(r["date"], r["deal"], r["origin"]) for r in rows if r["origin"] == "context"] == [
        ("2026-05-01", "local", "context")
    ]
    listed = _rows("--deals-dir", str(folder), "list", "-f", "csv")
    assert "local" not in {r["id"] for r in listed}
    assert run("validate", str(folder)).returncode == 0


def test_a_broken_record_is_named_with_line_and_column(tmp_path: Path) -> None:
    broken = GOOD.replace("date: 2026-05-01\n    title", "date: 2026-02-30\n    titel")
    folder = _user_folder(tmp_path, broken)
    out = run("validate", str(folder))
    text = out.stdout + out.stderr
    assert out.returncode == 1
    assert "Traceback" not in text
    where = str(folder / "context" / "local.yaml")
    assert f"{where}:8:11: error: events[0].date: 2026-02-30 is not a date" in text
    # a command that reads the record says so and goes on without it
    out = run("--deals-dir", str(folder), "timeline", "mini", "-f", "csv")
    assert out.returncode == 0 and where in out.stderr and "Traceback" not in out.stderr
    out = run("--strict", "--deals-dir", str(folder), "timeline", "mini")
    assert out.returncode == 1 and "Traceback" not in out.stderr


def test_diff_reads_a_record_by_id_and_from_a_file(tmp_path: Path) -> None:
    out = run("diff", "us-tariffs", str(RECORD))
    assert out.returncode == 0, out.stderr
    changed = tmp_path / "context"
    changed.mkdir()
    text = RECORD.read_text(encoding="utf-8")
    text = text.replace("    status: stayed\n", "    status: stay lifted\n", 1)
    (changed / "us-tariffs.yaml").write_text(text, encoding="utf-8")
    out = run("diff", "us-tariffs", str(changed / "us-tariffs.yaml"), "-f", "csv")
    assert out.returncode == 1, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [(r["part"], r["id"], r["change"], r["field"], r["old"], r["new"]) for r in rows] == [
        ("events", "section-122-stay", "changed", "status", "stayed", "stay lifted")
    ]
    out = run("diff", "japan", "us-tariffs")
    assert out.returncode == 2 and "compare two versions of one kind" in out.stderr


def test_diff_of_a_record_from_git(tmp_path: Path) -> None:
    import subprocess

    repo = tmp_path / "repo"
    (repo / "context").mkdir(parents=True)
    path = repo / "context" / "us-tariffs.yaml"
    text = RECORD.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=repo, check=True, capture_output=True,
        )  # fmt: skip

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "one")
    path.write_text(text.replace("updated: 2026-07-01", "updated: 2026-07-02"), encoding="utf-8")
    out = run("diff", "git:HEAD:context/us-tariffs.yaml", str(path), "-f", "csv", cwd=repo)
    assert out.returncode == 1, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [(r["part"], r["field"], r["old"], r["new"]) for r in rows] == [
        ("record", "updated", "2026-07-01", "2026-07-02")
    ]
