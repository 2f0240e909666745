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
