"""The command layer: completion, declared choices, one voice for errors, help, and the house rules
(the documented exit codes, no private imports, small modules; the import graph is
import-linter's, in pyproject.toml)."""

from __future__ import annotations

import ast
import os
import re
import shutil
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from dealcli.cli.app import DealGroup
from dealcli.cli.help import DealCommand
from dealcli.core.errors import Exit

from .conftest import FIXTURES, ROOT, invoke

PACKAGE = ROOT / "dealcli"


def _complete(words: str, env_extra: dict[str, str] | None = None) -> list[str]:
    """Ask the program for completions the way bash does (Typer's completion variables)."""
    env = {**os.environ, "_DEAL_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    env.update(env_extra or {})
    out = subprocess.run(
        [sys.executable, "-m", "dealcli"], env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.split()


@pytest.fixture
def extra(tmp_path: Path) -> Path:
    folder = tmp_path / "extra"
    folder.mkdir()
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("id: mini", "id: zzextra").replace("aliases: [mn]", "aliases: [zzx]")
    (folder / "zz.yaml").write_text(text, encoding="utf-8")
    return folder


def test_completion_sees_deals_dir(extra: Path) -> None:
    assert _complete(f"deal --deals-dir {extra} show zz") == ["zzextra", "zzx"]
    assert _complete("deal show zz") == []  # without the folder there is no such deal


def test_completion_offers_the_good_deals_beside_a_broken_file(extra: Path) -> None:
    # a broken file in the folder is a warning, as in any command without --strict: the
    # valid deals are still offered
    (extra / "broken.yaml").write_text("id: [unclosed\n")
    assert _complete(f"deal --deals-dir {extra} show zz") == ["zzextra", "zzx"]


def test_completion_sees_deal_path(extra: Path) -> None:
    assert _complete("deal show zz", {"DEAL_PATH": str(extra)}) == ["zzextra", "zzx"]


def test_completion_of_bundled_names() -> None:
    names = _complete("deal show j")
    assert {"japan", "jp", "jpn"} <= set(names)
    assert all(n.startswith("j") for n in names)


@pytest.mark.parametrize(
    "args",
    [
        ["allocations", "mini", "--by", "Sector"],
        ["allocations", "mini", "--status", "Selected"],
        ["companies", "mini", "--role", "Lead"],
        ["show", "mini", "--section", "TOTALS"],
        ["compare", "mini", "mini", "--only", "Terms"],
        ["show", "mini", "-s", "totals", "-f", "CSV"],
    ],
)
def test_choices_match_case_insensitively(args: list[str], deals_dir: Path) -> None:
    asked = "-f" in args
    r = invoke("--deals-dir", str(deals_dir), *args, *([] if asked else ["-f", "json"]))
    assert r.exit_code == 0, r.stderr
    if asked:  # -f CSV is csv
        assert r.stdout.splitlines()[0].startswith("measure,usd_bn,")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["show", "japan", "-s", "total"],
            "deal: error: --section / -s takes totals, top-sectors, top-companies, key-terms, "
            "sectors, companies, terms, structure, allocations, commitments, timeline, "
            "sources, overview, notes, not 'total'; did you mean 'totals'?",
        ),
        (
            ["allocations", "japan", "--by", "sectr"],
            "deal: error: --by takes sector, subsector, company, country, status, basis, tranche, "
            "instrument, not 'sectr'; did you mean 'sector'?",
        ),
        (
            ["show", "japan", "--sourc"],
            "deal: error: no such option --sourc; did you mean --sources?",
        ),
        (["show"], "deal: error: missing argument 'DEAL'."),
    ],
)
def test_usage_errors_speak_in_one_voice(args: list[str], message: str) -> None:
    r = invoke(*args)
    assert r.exit_code == 2
    lines = r.stderr.splitlines()
    assert lines[0] == message
    assert lines[1:] == [f"  see 'deal {args[0]} --help'"]
    assert r.stdout == ""


def test_help_metavars_read_as_words() -> None:
    text = invoke("allocations", "--help").stdout
    assert "Usage: deal allocations [OPTIONS] DEAL\n" in text
    assert "--top N " in text and "--by [sector|subsector|" in text
    for raw in ("{DEAL}", "<str>", "<list", "<int range>", "[x>=1]"):
        assert raw not in text
    assert "Usage: deal compare [OPTIONS] [DEAL...]\n" in invoke("compare", "--help").stdout
    assert "Usage: deal validate [OPTIONS] PATH...\n" in invoke("validate", "--help").stdout


# -- the house -------------------------------------------------------------------------------


def _imports() -> dict[str, set[str]]:
    """Module -> the package modules it imports (at any depth of the code), from the source."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        if is_pkg:
            parts.pop()
        name = ".".join(parts)
        here = parts if is_pkg else parts[:-1]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = here[: len(here) - node.level + 1] if node.level else []
                module = ".".join([*base, *(node.module or "").split(".")]).strip(".")
                found.add(module)
                found.update(f"{module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
        graph[name] = found
    return graph


def test_every_documented_exit_code_is_in_the_enum() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Exit codes", 1)[1].split("\n\n", 2)[1]
    documented = {int(m) for m in re.findall(r"^\| (\d+) \|", table, re.M)}
    assert documented == {0, 1, 2, 3, 130, 141, 143}
    assert {int(code) for code in Exit} == documented


def test_the_import_contracts_are_checked() -> None:
    # the layers, the gates' one import and the acyclic packages are import-linter
    # contracts in pyproject.toml, run by `make lint` (lint-imports)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "lint-imports" in makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    kinds = {c["type"] for c in contracts["tool"]["importlinter"]["contracts"]}
    assert kinds == {"layers", "forbidden", "acyclic_siblings"}


def test_no_private_imports() -> None:
    private = sorted(
        f"{m} imports {d}"
        for m, deps in _imports().items()
        for d in deps
        if "._" in d and not d.startswith("dealcli.")
    )
    assert private == []


def test_no_module_takes_a_private_name_of_another() -> None:
    # a module's _names are its own: another module uses what it makes public
    taken = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                taken += [
                    f"{path.relative_to(ROOT)}: {a.name}"
                    for a in node.names
                    if a.name.startswith("_") and a.name != "__version__"
                ]
    assert taken == []


def test_the_format_is_decided_in_one_place() -> None:
    # output.plan decides the format and whether the output is drawn, once, before the view
    # runs; no command asks the output layer again
    asking = sorted(
        str(path.relative_to(ROOT))
        for path in (PACKAGE / "cli").glob("*.py")
        if re.search(r"\boptions as |output\.options\(|\bplan\(", path.read_text(encoding="utf-8"))
    )
    assert asking == ["dealcli/cli/options.py"]


def test_no_module_over_400_lines() -> None:
    made = {PACKAGE / "core" / "builders.py"}  # written by core/decode.py, not by hand
    long = {
        str(p.relative_to(ROOT)): n
        for p in PACKAGE.rglob("*.py")
        if p not in made and (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


def test_installed_command_help_in_a_clean_folder(tmp_path: Path) -> None:
    deal = shutil.which("deal", path=str(Path(sys.executable).parent))
    assert deal is not None
    out = subprocess.run([deal, "--help"], cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0
    assert "Usage: deal [OPTIONS] COMMAND [ARGS]..." in out.stdout


def test_a_hidden_command_is_not_listed_in_the_help() -> None:
    # the group help lists commands itself (help.format_group_help): one kept for old
    # scripts but hidden must stay out of the list, as Typer's own help leaves it out
    group = typer.Typer(cls=DealGroup, add_completion=False)

    @group.command(cls=DealCommand)
    def shown() -> None:
        """Listed."""

    @group.command(cls=DealCommand, hidden=True)
    def old() -> None:
        """Kept for old scripts."""

    out = CliRunner().invoke(group, ["--help"]).stdout
    commands = out.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in commands if line.strip()] == ["shown"]


def test_help_shows_a_default_only_where_there_is_one() -> None:
    # --by and --sort have one; no option's "None", flag's False or empty list is shown
    r = invoke("allocations", "--help", env={"COLUMNS": "100"})
    assert r.exit_code == 0
    shown = re.findall(r"\[default: ([^\]]*)\]", r.stdout)
    assert shown == ["sector", "amount"]
    # and a choice option lists its choices, as `deal allocations japan --by` takes them
    assert "--by [sector|subsector|company|country|status|basis|tranche|instrument]" in r.stdout


def test_the_exit_codes_documented_are_the_ones_used() -> None:
    # README's table and `deal --help` against the program's own codes (143 is 128 + SIGTERM)
    used = {int(e) for e in Exit} | {128 + signal.SIGTERM}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Exit codes", 1)[1].split("\n\n", 2)[1]
    assert {int(m) for m in re.findall(r"^\| (\d+) \|", table, re.M)} == used
    text = invoke("--help", env={"COLUMNS": "200"}).stdout
    said = text.split("Exit codes:", 1)[1].split("\n\n", 1)[0]
    assert {int(m) for m in re.findall(r"\b(\d+) [a-z]", said)} == used
    assert "xlsx" in text.split("--format", 1)[1].split(")", 1)[0]  # every format named
