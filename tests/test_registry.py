"""Where deals come from, how names resolve, and what a broken file does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import FIXTURES, invoke

BROKEN = "format: 1\nid: broken\ntitle: [unclosed\n"


@pytest.mark.parametrize(
    ("name", "deal_id"),
    [
        ("japan", "japan"),
        ("JP", "japan"),
        ("jpn", "japan"),
        ("Japan", "japan"),
        ("korea", "south-korea"),
        ("south-korea", "south-korea"),
        ("KR", "south-korea"),
    ],
)
def test_names_resolve_case_insensitively(name: str, deal_id: str) -> None:
    r = invoke("show", name, "--section", "overview", "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert '"title"' in r.stdout
    listing = invoke("sources", name, "-f", "csv")
    assert listing.exit_code == 0
    expected = invoke("sources", deal_id, "-f", "csv")
    assert listing.stdout == expected.stdout


def test_unknown_name_exits_2_with_suggestion() -> None:
    r = invoke("show", "japn")
    assert r.exit_code == 2
    assert "no deal named 'japn'; did you mean 'japan'?" in r.stderr
    assert (
        "available deals: eu, japan, qatar, saudi-arabia, south-korea, switzerland, taiwan, uae"
        in r.stderr
    )
    assert r.stdout == ""


def test_deals_dir_adds_a_users_deal(deals_dir: Path) -> None:
    r = invoke("--deals-dir", str(deals_dir), "list", "-f", "csv")
    assert r.exit_code == 0
    rows = [line.split(",")[0] for line in r.stdout.splitlines()[1:]]
    assert rows == [
        *["eu", "japan", "qatar", "saudi-arabia", "south-korea", "switzerland", "taiwan", "uae"],
        "mini",
    ]
    assert str(deals_dir / "mini.yaml") in r.stdout
    assert invoke("--deals-dir", str(deals_dir), "show", "mn").exit_code == 0


def test_deal_path_folders_are_read(deals_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    env = {"DEAL_PATH": f"{other}:{deals_dir}"}
    r = invoke("list", "-f", "csv", "--columns", "id,origin", env=env)
    assert r.exit_code == 0
    assert f"mini,{deals_dir / 'mini.yaml'}" in r.stdout.splitlines()


def test_later_source_replaces_same_id(tmp_path: Path) -> None:
    first = tmp_path / "first"
    second = tmp_path / "second"
    first.mkdir()
    second.mkdir()
    text = (FIXTURES / "mini.yaml").read_text()
    (first / "mini.yaml").write_text(text)
    (second / "mini.yaml").write_text(text.replace("title: Mini test deal", "title: Second mini"))
    (second / "japan.yaml").write_text(text.replace("id: mini", "id: japan").replace("[mn]", "[]"))
    r = invoke("--deals-dir", str(second), "list", "-f", "csv", env={"DEAL_PATH": str(first)})
    assert r.exit_code == 0
    assert "Second mini" in r.stdout
    assert "mini,Mini test deal" not in r.stdout
    assert "japan,Mini test deal" in r.stdout  # a user's deal replaces a bundled one
    assert "replaces the one in" in r.stderr


def test_broken_file_warns_and_others_still_load(deals_dir: Path) -> None:
    (deals_dir / "broken.yaml").write_text(BROKEN)
    r = invoke("--deals-dir", str(deals_dir), "list", "-f", "csv", "--columns", "id")
    assert r.exit_code == 0
    assert r.stdout.split() == [
        "id",
        *["eu", "japan", "qatar", "saudi-arabia", "south-korea", "switzerland", "taiwan", "uae"],
        "mini",
    ]
    assert f"{deals_dir / 'broken.yaml'}:4:1: error: YAML syntax" in r.stderr
    assert "(it starts on line 3, column 8)" in r.stderr


def test_strict_makes_a_broken_file_fatal(deals_dir: Path) -> None:
    (deals_dir / "broken.yaml").write_text(BROKEN)
    r = invoke("--strict", "--deals-dir", str(deals_dir), "list")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert "--strict" in r.stderr


def test_missing_folder_warns(tmp_path: Path) -> None:
    r = invoke("--deals-dir", str(tmp_path / "nope"), "list", "-f", "csv")
    assert r.exit_code == 0
    assert "not a folder" in r.stderr


def test_cache_is_used_and_refreshed(deals_dir: Path, fixed_env: Path) -> None:
    first = invoke("--deals-dir", str(deals_dir), "show", "mini", "-s", "overview", "-f", "csv")
    assert "Mini test deal" in first.stdout
    assert list((fixed_env / "cache").glob("*/index.json"))
    path = deals_dir / "mini.yaml"
    path.write_text(path.read_text().replace("Mini test deal", "Changed title, longer"))
    second = invoke("--deals-dir", str(deals_dir), "show", "mini", "-s", "overview", "-f", "csv")
    assert "Changed title, longer" in second.stdout


def test_a_file_is_never_changed(deals_dir: Path) -> None:
    before = (deals_dir / "mini.yaml").read_bytes()
    shutil.copy(deals_dir / "mini.yaml", deals_dir / "copy.yml")
    invoke("--deals-dir", str(deals_dir), "list")
    invoke("validate", str(deals_dir))
    assert (deals_dir / "mini.yaml").read_bytes() == before


def test_validate_warns_of_the_same_id_in_two_files(deals_dir: Path) -> None:
    shutil.copy(deals_dir / "mini.yaml", deals_dir / "zz-copy.yaml")
    r = invoke("validate", str(deals_dir))
    assert r.exit_code == 0
    assert (
        f"{deals_dir / 'zz-copy.yaml'}: warning: id 'mini' is also used by {deals_dir / 'mini.yaml'}"
        in r.stdout
    )
    assert "2 file(s): 2 valid, 0 invalid, 1 warning(s)" in r.stderr


def test_validate_lists_every_problem_of_every_file(tmp_path: Path) -> None:
    text = (FIXTURES / "mini.yaml").read_text()
    (tmp_path / "a.yaml").write_text(
        text.replace('code: "US"', "code: NO").replace("usd_bn: 30\n", "usd_bn: -1\n")
    )
    (tmp_path / "b.yml").write_text(BROKEN)
    (tmp_path / "notes.txt").write_text("not a deal")
    r = invoke("validate", str(tmp_path))
    assert r.exit_code == 1
    assert r.stdout.count("error:") == 3
    assert "a.yaml:" in r.stdout and "b.yml:" in r.stdout and "notes.txt" not in r.stdout
    assert "2 file(s): 0 valid, 2 invalid" in r.stderr


def test_strict_does_not_stop_at_an_intended_replacement(tmp_path: Path) -> None:
    text = (FIXTURES / "mini.yaml").read_text()
    (tmp_path / "japan.yaml").write_text(
        text.replace("id: mini", "id: japan").replace("[mn]", "[]")
    )
    r = invoke(
        "--strict", "--deals-dir", str(tmp_path), "show", "japan", "-s", "overview", "-f", "csv"
    )
    assert r.exit_code == 0
    assert "Mini test deal" in r.stdout
    assert "replaces the one in" in r.stderr


def _deal_text(deal_id: str, aliases: str, title: str) -> str:
    text = (FIXTURES / "mini.yaml").read_text()
    return (
        text.replace("id: mini", f"id: {deal_id}")
        .replace("[mn]", aliases)
        .replace("title: Mini test deal", f"title: {title}")
    )


def test_a_name_twice_in_one_folder_means_the_later_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_deal_text("mini", "[mn]", "First"))
    (tmp_path / "b.yaml").write_text(_deal_text("other", "[mn]", "Second"))
    (tmp_path / "c.yaml").write_text(_deal_text("third", "[]", "Third"))
    for _ in range(2):  # read afresh, then from the cache's record of the folder
        r = invoke("--deals-dir", str(tmp_path), "show", "mn", "-s", "overview", "-f", "csv")
        assert r.exit_code == 0, r.stderr
        assert "Second" in r.stdout and "First" not in r.stdout
        assert f"{tmp_path / 'b.yaml'}: the name 'mn' now means 'other', not 'mini'" in r.stderr
    r = invoke("--deals-dir", str(tmp_path), "show", "third", "-s", "overview", "-f", "csv")
    assert "Third" in r.stdout and "now means" in r.stderr  # said whichever deal is shown


def test_an_id_twice_in_one_folder_keeps_the_later_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_deal_text("mini", "[mn]", "First"))
    (tmp_path / "b.yaml").write_text(_deal_text("mini", "[mi]", "Second"))
    for _ in range(2):
        r = invoke("--deals-dir", str(tmp_path), "list", "-f", "csv", "--columns", "id,title")
        assert r.exit_code == 0, r.stderr
        assert "mini,Second" in r.stdout.splitlines() and "First" not in r.stdout
        assert f"{tmp_path / 'b.yaml'}: deal 'mini' replaces the one in" in r.stderr
        gone = invoke("--deals-dir", str(tmp_path), "show", "mn", "-f", "csv")
        assert gone.exit_code == 2 and "no deal named 'mn'" in gone.stderr


def test_a_deal_looked_up_is_the_one_listed(tmp_path: Path, fixed_env: Path) -> None:
    from dealcli.core.registry import open_registry

    for i in range(30):
        (tmp_path / f"d{i:02}.yaml").write_text(_deal_text(f"deal-{i}", f"[d{i}]", f"Deal {i}"))
    for _ in range(2):  # afresh, then from the record
        found = open_registry([tmp_path], cache_dir=fixed_env / "cache")
        entry = found.resolve("D7")
        assert entry.id == "deal-7" and entry.names == ("deal-7", "d7")
        assert entry.path == str(tmp_path / "d07.yaml") and entry.deal.title == "Deal 7"
        assert found.resolve("deal-7") is entry
        assert found.entries["deal-7"] is entry  # the same entry, its deal read once
        assert list(found.entries)[-30:] == [f"deal-{i}" for i in range(30)]
        assert found.names["d29"] == "deal-29" and "jp" in found.completions()
        assert found.resolve("d8") is found.entries["deal-8"]


def test_a_deal_file_is_found_by_its_path_without_making_every_entry(
    tmp_path: Path, fixed_env: Path
) -> None:
    from dealcli.core.registry import open_registry

    for i in range(30):
        (tmp_path / f"d{i:02}.yaml").write_text(_deal_text(f"deal-{i}", f"[d{i}]", f"Deal {i}"))
    (tmp_path / "notes.txt").write_text("not a deal")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    (elsewhere / "target.yaml").write_text(_deal_text("linked", "[]", "Linked"))
    (tmp_path / "link.yaml").symlink_to(elsewhere / "target.yaml")
    for _ in range(2):  # afresh, then from the record
        found = open_registry([tmp_path], cache_dir=fixed_env / "cache", bundled=False)
        assert len(found) == 31
        held = found.holding(tmp_path / "sub" / ".." / "d12.yaml")
        assert held is not None and held.id == "deal-12" and held.deal.title == "Deal 12"
        assert found.holding(tmp_path / "notes.txt") is None
        assert found.holding(tmp_path / "d99.yaml") is None
        assert found.holding(FIXTURES / "mini.yaml") is None
        linked = found.holding(tmp_path / "link.yaml")  # by its own name, not its target's
        assert linked is not None and linked.id == "linked"
        assert found._entries is None  # no deal but the one asked for was made
        assert found.entries["deal-12"] is held  # the same entry once they are all made
        assert found.holding(tmp_path / "d12.yaml") is held


def test_an_empty_set_of_deals_is_not_the_bundled_one(tmp_path: Path, fixed_env: Path) -> None:
    import dealcli

    empty = dealcli.load(tmp_path)
    assert len(empty) == 0 and list(empty) == []
    assert dealcli.list_deals(empty).tables[0].rows == []
    assert dealcli.context_records(empty) == {}
    assert len(dealcli.load()) == len(list(dealcli.load()))  # counted, then listed
