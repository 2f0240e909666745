"""Shared fixtures: a fixed environment, a private deals folder, a CLI runner."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dealcli.cli import app
from dealcli.core.environment import Environment
from dealcli.core.model import Deal
from dealcli.core.reading import read_deal

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent
BUNDLED = ROOT / "deals"


# the variables of a test's environment: what `invoke` gives the program in place of the
# process's, set afresh for each test by `fixed_env`
ENVIRON: dict[str, str] = {}
UNSET = ("NO_COLOR", "FORCE_COLOR", "DEAL_NO_CACHE", "DEAL_DEBUG", "XDG_CACHE_HOME", "DEAL_PAGER")


@pytest.fixture(autouse=True)
def fixed_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No colour forcing, a fixed width, a private (empty) DEAL_PATH and cache.

    In-process runs (`invoke`, `environment`) are given these variables; the process's own
    are set to the same only for the child processes tests start (`deal` as a command),
    which inherit them as a user's shell would pass them.
    """
    home = tmp_path_factory.mktemp("home")
    empty = home / "no-deals"
    empty.mkdir()
    fixed = {
        "DEAL_PATH": str(empty),
        "DEAL_CACHE_DIR": str(home / "cache"),
        "COLUMNS": "80",
        "TERM": "dumb",
    }
    ENVIRON.clear()
    ENVIRON.update({k: v for k, v in os.environ.items() if k not in UNSET and k != "TZ"})
    ENVIRON.update(fixed)
    for var in UNSET:
        monkeypatch.delenv(var, raising=False)
    for var, text in fixed.items():
        monkeypatch.setenv(var, text)
    return home


def environment(**variables: str) -> Environment:
    """The Environment of a run with the test's variables (and these), writing to stdout."""
    return Environment.from_process({**ENVIRON, **variables})


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run `deal ARGS` in-process (Typer's CliRunner), stdout and stderr apart, with the
    test's environment variables and `env` (the process's are not read)."""
    environ = {**ENVIRON, **(env or {})}
    result = CliRunner().invoke(app, list(args), catch_exceptions=False, environ=environ)
    return Result(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def deals_dir(tmp_path: Path) -> Path:
    """A user folder holding the mini deal."""
    folder = tmp_path / "user-deals"
    folder.mkdir()
    shutil.copy(FIXTURES / "mini.yaml", folder / "mini.yaml")
    return folder


@pytest.fixture
def mini() -> Deal:
    return read_deal(FIXTURES / "mini.yaml")


@pytest.fixture
def figures() -> Deal:
    """tests/fixtures/figures.yaml: every figure of it is worked out in tests/test_figures.py."""
    return read_deal(FIXTURES / "figures.yaml")


@pytest.fixture
def japan() -> Deal:
    return read_deal(BUNDLED / "japan.yaml")


@pytest.fixture
def korea() -> Deal:
    return read_deal(BUNDLED / "south-korea.yaml")


def deal_bin() -> str:
    """The installed `deal` command of the running Python (the venv's)."""
    path = Path(sys.executable).parent / "deal"
    if not path.is_file():
        pytest.fail("the `deal` command is not installed beside this Python; run `make test`")
    return str(path)


def run(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60, **kw: object
) -> subprocess.CompletedProcess[str]:
    """The installed `deal` with the test's environment (private cache, empty DEAL_PATH)."""
    full = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    full.update(env or {})
    return subprocess.run(
        [deal_bin(), *args],
        env=full,
        capture_output=True,
        text=True,
        timeout=timeout,
        **kw,  # type: ignore[call-overload]
    )


class _Closed:
    def isatty(self) -> bool:
        raise ValueError("I/O operation on closed file")


# streams that cannot say they are a terminal: a closed stdout (`deal show japan >&-`), and one
# replaced by an object without isatty
NOT_TERMINALS = pytest.mark.parametrize(
    "stream", [_Closed(), object()], ids=["closed", "no-isatty"]
)
