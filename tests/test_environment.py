"""The process's environment as input: read once into an `Environment`, odd values ignored the
way the standards say, with a note; nothing below the command line reads it."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest

from dealcli.core.environment import MAX_SIZE, Environment

from .conftest import ROOT, deal_bin, invoke

PATH = "/usr/bin:/bin"


def env_of(**variables: str) -> Environment:
    return Environment.from_process({"PATH": PATH, **variables}, stdout=io.StringIO())


# -- XDG_CACHE_HOME and the cache folder ------------------------------------------------


def test_the_cache_folder_follows_xdg() -> None:
    assert env_of(HOME="/home/u").cache_dir == Path("/home/u/.cache/deal")
    assert env_of(HOME="/home/u", XDG_CACHE_HOME="/var/c").cache_dir == Path("/var/c/deal")
    assert env_of(XDG_CACHE_HOME="/var/c", DEAL_CACHE_DIR="/d").cache_dir == Path("/d")
    assert env_of(XDG_CACHE_HOME="/var/c", DEAL_NO_CACHE="1").cache_dir is None


@pytest.mark.parametrize("value", ["relative/cache", ".", "~/cache", "cache"])
def test_a_relative_xdg_cache_home_is_ignored(value: str) -> None:
    # XDG Base Directory: "a relative path ... should be considered invalid and ignored"
    env = env_of(HOME="/home/u", XDG_CACHE_HOME=value)
    assert env.cache_dir == Path("/home/u/.cache/deal")
    assert env.notes == (f"XDG_CACHE_HOME={value!r} is not an absolute path; ignored",)


def test_an_empty_xdg_cache_home_is_unset() -> None:
    env = env_of(HOME="/home/u", XDG_CACHE_HOME="")
    assert (env.cache_dir, env.notes) == (Path("/home/u/.cache/deal"), ())


def test_a_huge_cache_variable_is_ignored() -> None:
    env = env_of(HOME="/home/u", DEAL_CACHE_DIR="/" + "x" * 100_000)
    assert env.cache_dir == Path("/home/u/.cache/deal")
    assert env.notes == ("DEAL_CACHE_DIR is longer than 4096 bytes; ignored",)


def test_a_relative_home_means_no_cache() -> None:
    assert env_of(HOME="home").cache_dir is None
    assert env_of().cache_dir is None  # no HOME given, not the process's: no cache


# -- DEAL_PATH --------------------------------------------------------------------------


def test_deal_path_takes_absolute_folders_and_skips_empty_entries() -> None:
    env = env_of(DEAL_PATH="/a::/b:")
    assert (env.deal_path, env.notes) == ((Path("/a"), Path("/b")), ())
    assert env_of(DEAL_PATH="").deal_path == ()


def test_a_relative_deal_path_entry_is_ignored_with_a_note() -> None:
    # a relative folder would be read from wherever the command is run
    env = env_of(DEAL_PATH="deals:/abs:./mine")
    assert env.deal_path == (Path("/abs"),)
    assert env.notes == (
        "DEAL_PATH: 'deals' is not an absolute path; ignored",
        "DEAL_PATH: './mine' is not an absolute path; ignored",
    )


def test_a_huge_deal_path_is_ignored() -> None:
    many = env_of(DEAL_PATH=":".join(f"/d{i}" for i in range(500)))
    assert len(many.deal_path) == 64
    assert many.notes == ("DEAL_PATH: more than 64 folders; the rest ignored",)
    huge = env_of(DEAL_PATH="/" + "x" * 40_000)
    assert (huge.deal_path, huge.notes) == ((), ("DEAL_PATH is longer than 32768 bytes; ignored",))


def test_a_relative_deal_path_is_not_read_from_the_current_folder(
    tmp_path: Path, deals_dir: Path
) -> None:
    # the mini deal sits in ./user-deals; DEAL_PATH=user-deals must not find it
    r = subprocess.run(
        [deal_bin(), "list", "-f", "csv", "--columns", "id"],
        cwd=tmp_path,
        env={"PATH": PATH, "DEAL_PATH": "user-deals", "DEAL_NO_CACHE": "1"},
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert "mini" not in r.stdout.split() and "japan" in r.stdout.split()
    assert r.stderr == "deal: DEAL_PATH: 'user-deals' is not an absolute path; ignored\n"


# -- PAGER -------------------------------------------------------------------------------


def test_the_pager_is_deal_pager_then_pager_then_less(tmp_path: Path) -> None:
    tool = tmp_path / "my pager"
    tool.write_text("#!/bin/sh\ncat\n")
    tool.chmod(0o755)
    quoted = f"'{tool}' -x"
    assert env_of(PAGER=quoted).pager == (str(tool), "-x")
    assert env_of(PAGER="false", DEAL_PAGER=quoted).pager == (str(tool), "-x")
    assert env_of(PAGER=quoted, DEAL_PAGER="").pager == ()  # DEAL_PAGER= turns it off


@pytest.mark.parametrize(
    ("value", "note"),
    [
        ("", None),  # set empty: no pager
        ("cat", None),
        ("no-such-pager-anywhere", None),  # not found, as git: no pager
        (
            "less 'open",
            'PAGER="less \'open" cannot be read as a command (a quote left open); no pager',
        ),
        ("bin/less", "PAGER: 'bin/less' is a relative path; no pager"),
        ("less " + "x" * 5000, "PAGER is longer than 4096 characters; no pager"),
    ],
)
def test_an_odd_pager_means_no_pager(value: str, note: str | None) -> None:
    env = env_of(PAGER=value)
    assert env.pager == ()
    assert env.notes == ((note,) if note else ())


# -- COLUMNS and LINES ------------------------------------------------------------------


def test_columns_and_lines_set_the_size() -> None:
    env = env_of(COLUMNS="132", LINES="50")
    assert (env.columns, env.lines, env.notes) == (132, 50, ())


@pytest.mark.parametrize("value", ["0", "-5", "abc", "80x", " 80", "1e3", "٣", str(MAX_SIZE + 1)])
def test_a_size_that_is_not_a_whole_number_in_range_is_ignored(value: str) -> None:
    # POSIX: COLUMNS and LINES override the terminal's size when they are unsigned decimals
    env = env_of(COLUMNS=value, LINES=value)
    assert (env.columns, env.lines) == (80, 24)  # not a terminal: the default size
    assert env.notes == (
        f"COLUMNS={value!r} is not a size from 1 to {MAX_SIZE}; ignored",
        f"LINES={value!r} is not a size from 1 to {MAX_SIZE}; ignored",
    )


def test_an_empty_size_is_unset() -> None:
    env = env_of(COLUMNS="", LINES="")
    assert (env.columns, env.lines, env.notes) == (80, 24, ())


def test_a_huge_columns_does_not_make_huge_lines() -> None:
    r = invoke("--help", env={"COLUMNS": "9" * 50})
    assert r.exit_code == 0
    assert max(len(line) for line in r.stdout.splitlines()) <= 120
    assert "COLUMNS='99999999999999999999999999999999999999999999999999' is not a size" in r.stderr


# -- TZ ---------------------------------------------------------------------------------


def _today(tz: str) -> subprocess.CompletedProcess[str]:
    # pace's default date is today: the dates it prints follow the time zone
    return subprocess.run(
        [deal_bin(), "list", "-f", "csv", "--columns", "id"],
        env={"PATH": PATH, "DEAL_NO_CACHE": "1", "TZ": tz},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("tz", ["UTC", "Asia/Tokyo", "JST-9", "EST5EDT,M3.2.0,M11.1.0", ":UTC"])
def test_a_time_zone_is_taken_as_it_is(tz: str) -> None:
    r = _today(tz)
    assert r.returncode == 0 and r.stderr == ""


@pytest.mark.parametrize(
    ("tz", "why"),
    [
        ("../../../../etc/passwd", "climbs out of the time zone folder"),
        (":/dev/null", "names a file that is not a regular file"),
        ("/no/such/zone", "names a file that does not exist"),
        ("Europe/Paris\x7f", "is not a time zone"),
        ("a" * 300, "is not a time zone"),
        ("Asia/東京", "is not a time zone"),
    ],
)
def test_an_odd_time_zone_is_ignored_with_a_note(tz: str, why: str) -> None:
    r = _today(tz)
    assert r.returncode == 0
    assert "japan" in r.stdout.split()
    note = r.stderr.strip()
    assert note.startswith("deal: TZ=") and note.endswith(f"{why}; the system's time zone is used")
    assert len(note) < 200  # a huge value is cut in the message


def test_an_empty_time_zone_is_unset_quietly() -> None:
    r = _today("")
    assert r.returncode == 0 and r.stderr == ""


# -- one reader of the process ------------------------------------------------------------


def test_nothing_below_the_command_line_reads_the_process() -> None:
    # the Environment reads the process; the command line builds it once and passes it down
    reads = re.compile(r"os\.environ|os\.getenv|sys\.std(?:out|err|in)|get_terminal_size")
    found = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "dealcli").rglob("*.py")
        if reads.search(path.read_text(encoding="utf-8"))
        and path.parent.name != "cli"
        and path.name != "environment.py"
    )
    assert found == []
