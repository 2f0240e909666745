"""The installed command, run as a user runs it: real processes, real pipes."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dealcli import cli

from .conftest import FIXTURES, deal_bin, invoke


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    full_env.update(env or {})
    return subprocess.run(
        [deal_bin(), *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=60
    )


def test_installed_command_finds_bundled_deals_from_any_folder(tmp_path: Path) -> None:
    # run from an empty folder outside the repository: nothing there to find by accident
    assert not (tmp_path / "deals").exists()
    r = run("list", "-f", "csv", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(x["id"], x["origin"], x["pledged_usd_bn"]) for x in rows] == [
        ("eu", "bundled", "600"),
        ("japan", "bundled", "550"),
        ("qatar", "bundled", "1200"),
        ("saudi-arabia", "bundled", "1000"),
        ("south-korea", "bundled", "350"),
        ("switzerland", "bundled", "200"),
        ("taiwan", "bundled", "500"),
        ("uae", "bundled", "1400"),
    ]
    found = subprocess.run(
        [sys.executable, "-c", "import dealcli.core.registry as r; print(r.bundled_dir())"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    folder = Path(found)
    assert folder.is_absolute(), found
    assert tmp_path not in folder.parents
    assert sorted(p.name for p in folder.glob("*.yaml")) == [
        "eu.yaml",
        "japan.yaml",
        "qatar.yaml",
        "saudi-arabia.yaml",
        "south-korea.yaml",
        "switzerland.yaml",
        "taiwan.yaml",
        "uae.yaml",
    ]


def test_cache_goes_under_xdg_cache_home(tmp_path: Path) -> None:
    cache = tmp_path / "xdg"
    # no DEAL_PATH: the bundled folder is the only deals folder
    gone = ("DEAL_CACHE_DIR", "DEAL_NO_CACHE", "DEAL_PATH")
    full = {k: v for k, v in os.environ.items() if k not in gone}
    full["XDG_CACHE_HOME"] = str(cache)
    r = subprocess.run(
        [deal_bin(), "list", "-f", "csv"], cwd=tmp_path, env=full, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    made = [p for p in (cache / "deal").iterdir() if p.is_dir()]
    assert len(made) == 1  # one folder per deals folder and code version, under $XDG/deal
    assert any(made[0].iterdir())
    # without XDG_CACHE_HOME: ~/.cache/deal
    home = tmp_path / "home"
    home.mkdir()
    full.pop("XDG_CACHE_HOME")
    full["HOME"] = str(home)
    r = subprocess.run(
        [deal_bin(), "list", "-f", "csv"], cwd=tmp_path, env=full, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    assert len(list((home / ".cache" / "deal").iterdir())) == 1
    full["DEAL_NO_CACHE"] = "1"
    full["XDG_CACHE_HOME"] = str(tmp_path / "none")
    r = subprocess.run(
        [deal_bin(), "list", "-f", "csv"], cwd=tmp_path, env=full, capture_output=True, text=True
    )
    assert r.returncode == 0
    assert not (tmp_path / "none").exists()


def test_python_dash_m_works(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "dealcli", "--version"], cwd=tmp_path, capture_output=True, text=True
    )
    assert r.returncode == 0
    assert r.stdout.startswith("deal ")


def test_pipe_default_is_plain_and_uncut(tmp_path: Path) -> None:
    r = run("show", "japan", "-s", "companies", cwd=tmp_path, env={"COLUMNS": "40"})
    assert r.returncode == 0
    lines = r.stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["company", "country", "role"]
    assert all("\x1b" not in line for line in lines)
    assert any(len(line) > 40 for line in lines)


def test_table_into_a_pipe_has_no_ansi_and_without_columns_is_not_wrapped(tmp_path: Path) -> None:
    r = run("compare", "japan", "korea", "-f", "table", cwd=tmp_path, env={"COLUMNS": ""})
    assert r.returncode == 0
    assert "\x1b" not in r.stdout
    # a whole row on one line: 550 x 365.25 / 1233 days = 162.93 a year
    assert re.search(r"\njapan +2025-09-04 +2029-01-19 +3\.38 +162\.93\n", r.stdout)
    assert max(len(line) for line in r.stdout.splitlines()) > 120


@pytest.mark.parametrize("cols", [80, 120])
def test_a_table_into_a_pipe_takes_its_width_from_columns(tmp_path: Path, cols: int) -> None:
    # `COLUMNS=80 deal compare japan korea -f table | less` was 151 columns wide
    for args in (["compare", "japan", "korea"], ["show", "japan"]):
        r = run(*args, "-f", "table", cwd=tmp_path, env={"COLUMNS": str(cols)})
        assert r.returncode == 0
        lines = r.stdout.splitlines()
        assert "\x1b" not in r.stdout
        assert max(len(line) for line in lines) <= cols, max(lines, key=len)
        assert any(len(line) > cols - 10 for line in lines)  # fitted to it, not to 80
    # --wide still gives every column, nothing wrapped
    r = run(
        "compare", "japan", "korea", "-f", "table", "--wide", cwd=tmp_path, env={"COLUMNS": "80"}
    )
    assert max(len(line) for line in r.stdout.splitlines()) > 120


def test_force_color_colours_a_table_and_no_color_wins(tmp_path: Path) -> None:
    r = run("list", "-f", "table", cwd=tmp_path, env={"FORCE_COLOR": "1"})
    assert "\x1b[" in r.stdout
    r = run("list", "-f", "table", cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in r.stdout


def test_head_closes_the_pipe_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.mkdir()
    text = (FIXTURES / "mini.yaml").read_text()
    events = "".join(
        f"  - {{date: 2025-07-01, title: Event {i}, sources: [src-a]}}\n" for i in range(9000)
    )
    (big / "mini.yaml").write_text(text.replace("timeline:\n", "timeline:\n" + events))
    shell = f"'{deal_bin()}' --deals-dir '{big}' timeline mini | head -1; echo \"status=${{PIPESTATUS[0]}}\""
    r = subprocess.run(
        ["bash", "-c", shell], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert r.stdout.splitlines()[0].startswith("date\tdeal\tevent")
    assert "status=141" in r.stdout  # 128 + SIGPIPE, as documented
    assert "Traceback" not in r.stderr
    assert "Broken pipe" not in r.stderr


def test_broken_files_never_give_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    samples = {
        "junk.yaml": bytes(range(256)),
        "latin1.yaml": "title: caf\xe9\n".encode("latin-1"),
        "tag.yaml": b"!!python/object/apply:os.system ['touch pwned']\n",
        "deep.yaml": b"a: " + b"[" * 100000,
        "empty.yml": b"",
    }
    for name, data in samples.items():
        (folder / name).write_bytes(data)
    r = run("validate", str(folder), cwd=tmp_path)
    assert r.returncode == 1
    assert "Traceback" not in r.stdout + r.stderr
    for name in samples:
        assert str(folder / name) in r.stdout
    assert not (tmp_path / "pwned").exists()
    ok = run("--deals-dir", str(folder), "list", "-f", "csv", "--columns", "id", cwd=tmp_path)
    assert ok.returncode == 0
    assert ok.stdout.split() == [
        "id",
        *["eu", "japan", "qatar", "saudi-arabia", "south-korea", "switzerland", "taiwan", "uae"],
    ]


def test_usage_error_exit_codes(tmp_path: Path) -> None:
    assert run("show", "japn", cwd=tmp_path).returncode == 2
    assert run("show", "japan", "--bogus", cwd=tmp_path).returncode == 2
    assert run("validate", str(tmp_path / "missing.yaml"), cwd=tmp_path).returncode == 2
    r = run("show", "japan", "-f", "xml", cwd=tmp_path)
    assert r.returncode == 2 and r.stdout == ""


def test_json_output_parses_with_json_tool(tmp_path: Path) -> None:
    r = run("list", "-f", "json", cwd=tmp_path)
    parsed = subprocess.run(
        [sys.executable, "-m", "json.tool"], input=r.stdout, capture_output=True, text=True
    )
    assert parsed.returncode == 0
    by_id = {row["id"]: row for row in json.loads(r.stdout)}
    assert by_id["japan"]["pledged_usd_bn"] == 550


# -- the error contract inside the process --------------------------------------


def test_internal_error_is_one_line_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr("dealcli.views.listing.listing", boom)
    with pytest.raises(SystemExit) as exc:
        cli.run(["list"])
    assert exc.value.code == 3  # Exit.INTERNAL, as documented
    err = capsys.readouterr().err
    assert "deal: internal error: RuntimeError: kaput" in err
    assert "Traceback" not in err
    with pytest.raises(SystemExit):
        cli.run(["--debug", "list"])
    assert "Traceback" in capsys.readouterr().err


def test_ctrl_c_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("dealcli.views.listing.listing", interrupted)
    with pytest.raises(SystemExit) as exc:
        cli.run(["list"])
    assert exc.value.code == 130
    assert "Traceback" not in capsys.readouterr().err


def test_every_command_has_help_with_an_example() -> None:
    for command in (
        "list",
        "show",
        "allocations",
        "companies",
        "compare",
        "flows",
        "timeline",
        "sources",
        "search",
        "validate",
        "schema",
    ):
        r = invoke(command, "--help")
        assert r.exit_code == 0
        assert "Example:" in r.stdout, command
    assert "--by [sector|subsector|" in invoke("allocations", "--help").stdout  # brackets survive


def test_schema_is_generated_and_valid_json() -> None:
    r = invoke("schema")
    schema = json.loads(r.stdout)
    assert schema["type"] == "object"
    assert "headline" in schema["required"]
    assert schema["properties"]["id"]["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$"
    assert schema["additionalProperties"] is False
    assert "^x-" in schema["patternProperties"]
    party = schema["$defs"]["Party"]
    assert party["properties"]["code"]["pattern"] == "^[A-Z]{2}$"
    # indented by two spaces, one line a key, as people and diff tools read it
    assert r.stdout.startswith('{\n  "$defs": {\n    "Allocation": {\n')
    assert r.stdout.endswith("}\n")


def test_version() -> None:
    r = invoke("--version")
    assert r.exit_code == 0
    assert r.stdout.strip().startswith("deal 0.")


def test_completion_of_deal_names(tmp_path: Path) -> None:
    # the shell asks the installed command (Click's bash protocol); ids and aliases as the
    # bundled files give them: japan (jp, jpn, japan-us); south-korea (korea, kr, kor, rok),
    # saudi-arabia (saudi, ksa)
    def complete(*words: str) -> list[str]:
        env = {
            "_DEAL_COMPLETE": "complete_bash",
            "COMP_WORDS": " ".join(("deal", *words)),
            "COMP_CWORD": str(len(words)),
        }
        r = run(cwd=tmp_path, env=env)
        assert r.returncode == 0, r.stderr
        return r.stdout.split()

    assert complete("show", "j") == ["japan", "japan-us", "jp", "jpn"]
    assert complete("show", "k") == ["kor", "korea", "kr", "ksa"]
    assert complete("compare", "japan", "sw") == ["swiss", "switzerland"]
    assert complete("show", "zz") == []


def test_run_returns_on_success_and_exits_otherwise(capsys: pytest.CaptureFixture[str]) -> None:
    # run() is the console entry point: a success returns (so deal can run in-process),
    # anything else ends the process with the outcome's code
    assert cli.run(["--version"]) is None
    assert capsys.readouterr().out.startswith("deal ")
    assert cli.run(["list", "-f", "csv", "--columns", "id"]) is None
    ids = ["eu", "japan", "qatar", "saudi-arabia", "south-korea", "switzerland", "taiwan", "uae"]
    assert capsys.readouterr().out == "id\n" + "".join(i + "\n" for i in ids)
    with pytest.raises(SystemExit) as exc:
        cli.run(["show", "atlantis"])
    assert exc.value.code == 2  # an unknown deal name: usage, as documented


_CONSOLE = """
import atexit, sys
from dealcli.__main__ import console
atexit.register(lambda: print("exit function ran", file=sys.stderr))
sys.argv = ["deal", *sys.argv[1:]]
console()
"""


def test_the_command_ends_with_its_output_whole_its_code_and_its_exit_functions_run(
    tmp_path: Path,
) -> None:
    # `deal` ends the process at once when it is done: nothing it wrote may be lost on the way
    def console(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", _CONSOLE, *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )

    r = console("list", "-f", "csv", "--columns", "id")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "id" and "japan" in r.stdout.splitlines()
    assert "exit function ran" in r.stderr
    r = console("show", "atlantis")
    assert r.returncode == 2
    assert "no deal named 'atlantis'" in r.stderr and "exit function ran" in r.stderr
    assert run("show", "japan", "-f", "csv", cwd=tmp_path).stdout.startswith("section,")
