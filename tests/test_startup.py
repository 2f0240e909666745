"""What a run loads: only the command that runs, and no library the output does not need."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from dealcli.cli.lazy import COMMANDS
from tests.conftest import invoke

_IMPORTS = """
import json, sys
sys.argv = ["deal", *sys.argv[1:]]
from dealcli.__main__ import main
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules(*args: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules a run of `deal ARGS` imported, in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _IMPORTS, *args], capture_output=True, text=True, env=env
    )
    assert out.returncode == 0, out.stderr
    return set(json.loads(out.stderr.strip().splitlines()[-1]))


def _roots(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_a_warm_csv_run_loads_no_drawing_workbook_or_validation_library(fixed_env) -> None:
    _modules("show", "japan", "-f", "csv")  # fills the cache
    loaded = _modules("show", "japan", "-f", "csv")
    assert "dealcli.views.show" in loaded  # the run did what it was asked
    assert not {"rich", "xlsxwriter", "pydantic", "pydantic_core", "tabulate"} & _roots(loaded)
    # and only the module of the command that ran
    assert "dealcli.cli.browse" in loaded
    assert not {"dealcli.cli.analyse", "dealcli.cli.time", "dealcli.cli.tools"} & loaded
    # a warm cache: no file is read afresh, none written, no deal listed or compared
    unread = {"dealcli.core.fresh", "dealcli.core.compared", "dealcli.core.summary"}
    assert not {*unread, "tempfile", "shlex", "hashlib"} & loaded


def test_version_loads_no_framework() -> None:
    loaded = _modules("--version")
    assert not {"typer", "rich", "yaml", "pydantic"} & _roots(loaded)
    # the core package's __init__ holds the version and nothing else
    assert not any(m.startswith("dealcli.") for m in loaded - {"dealcli.__main__", "dealcli.core"})


def test_version_says_the_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "dealcli", "--version"], capture_output=True, text=True
    )
    assert (out.returncode, out.stdout) == (0, "deal 0.1.0\n")


def test_help_lists_every_command_in_its_order_with_its_short_help() -> None:
    text = invoke("--help", env={"COLUMNS": "200"}).stdout
    lines = text.split("Commands:\n", 1)[1].splitlines()
    # a command's line starts two spaces in; its text may go on in lines further in
    rows = [line.split(None, 1) for line in lines if line[:2] == "  " and line[2] != " "]
    names = [row[0] for row in rows if row]
    assert names == list(COMMANDS)
    short = dict(r for r in rows if len(r) == 2)
    assert short["compare"].startswith("Compare deals side by side")
    assert short["schema"].startswith("Print the deal format as JSON Schema")


def test_completion_offers_every_command_with_its_help(fixed_env) -> None:
    env = {**os.environ, "_DEAL_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "deal "}
    out = subprocess.run([sys.executable, "-m", "dealcli"], capture_output=True, text=True, env=env)
    # zsh's form: "name":"short help", one a line
    offered = re.findall(r'"([a-z]+)":"([^"]*)"', out.stdout)
    assert [name for name, _ in offered] == list(COMMANDS)
    assert dict(offered)["export"].startswith("Export the data set")


def test_a_mistyped_command_is_still_matched_against_every_name() -> None:
    r = invoke("expotr")
    assert r.exit_code == 2
    assert "'export'" in r.stderr
