"""The pager: tall output on a terminal goes through $PAGER; never with --no-pager,
DEAL_PAGER= (empty), into a pipe, or when it fits the screen."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from dealcli.core.environment import Environment
from dealcli.output import pager

from .conftest import FIXTURES, NOT_TERMINALS, deal_bin
from .test_screen import _pty_run


@pytest.fixture
def stub(tmp_path: Path) -> tuple[Path, Path]:
    """A pager that records that it ran, then prints what it was given."""
    mark = tmp_path / "paged"
    script = tmp_path / "stub-pager"
    script.write_text(f"#!/bin/sh\necho ran > {mark}\ncat\n")
    script.chmod(0o755)
    return script, mark


SHOW = ["--deals-dir", str(FIXTURES), "show", "mini"]  # taller than 24 lines


def test_tall_output_on_a_terminal_goes_through_the_pager(stub: tuple[Path, Path]) -> None:
    script, mark = stub
    out = _pty_run(SHOW, 80, {"PAGER": str(script), "NO_COLOR": "1"})
    assert mark.exists()
    # the stub passed it on, and deal printed nothing itself: the title once
    assert out.splitlines().count("Mini test deal") == 1


def test_deal_pager_comes_before_pager(stub: tuple[Path, Path]) -> None:
    script, mark = stub
    _pty_run(SHOW, 80, {"DEAL_PAGER": str(script), "PAGER": "false", "NO_COLOR": "1"})
    assert mark.exists()


@pytest.mark.parametrize(
    ("extra", "env"),
    [
        (["--no-pager"], {}),
        ([], {"DEAL_PAGER": ""}),
        (["-s", "totals"], {}),  # four rows fit on the screen
    ],
)
def test_no_pager(stub: tuple[Path, Path], extra: list[str], env: dict[str, str]) -> None:
    script, mark = stub
    out = _pty_run([*SHOW, *extra], 80, {"PAGER": str(script), "NO_COLOR": "1", **env})
    assert not mark.exists()
    assert "Mini test deal" in out


def test_never_into_a_pipe(stub: tuple[Path, Path]) -> None:
    script, mark = stub
    r = subprocess.run(
        [deal_bin(), *SHOW, "-f", "table"],
        capture_output=True,
        text=True,
        env={"PAGER": str(script), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert not mark.exists()
    assert r.stdout.startswith("Mini test deal")


@NOT_TERMINALS
def test_never_when_stdout_cannot_say_it_is_a_terminal(
    stub: tuple[Path, Path], stream: object
) -> None:
    script, mark = stub
    env = Environment.from_process({"PAGER": str(script), "LINES": "24"}, stdout=stream)  # type: ignore[arg-type]
    assert env.pager == (str(script),) and not env.isatty
    assert pager.page("line\n" * 100, env) is False
    assert not mark.exists()


def test_a_sigterm_while_the_pager_starts_ends_the_pager_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """SIGTERM between the pager's fork and its Popen object (the window a loaded machine
    widens) must not leave the pager running: the run ends, and the pager with it."""
    import os
    import signal
    import sys

    from dealcli.output.files import Terminated, handle_sigterm

    started: list[subprocess.Popen[bytes]] = []
    real = subprocess.Popen

    def popen_then_sigterm(*args: object, **kw: object) -> subprocess.Popen[bytes]:
        proc = real(*args, **kw)  # type: ignore[call-overload]
        started.append(proc)
        os.kill(os.getpid(), signal.SIGTERM)  # lands before Popen returns to the pager
        return proc  # type: ignore[no-any-return]

    monkeypatch.setattr(subprocess, "Popen", popen_then_sigterm)
    env = Environment(stdout=sys.stdout, stderr=sys.stderr, isatty=True, lines=2)
    env = Environment(**{**env.__dict__, "pager": ("sleep", "600")})
    undo = handle_sigterm()
    try:
        with pytest.raises(Terminated):
            pager.page("a\nb\nc\nd\n", env)
    finally:
        undo()
        for proc in started:
            if proc.poll() is None:
                proc.kill()
    assert started and started[0].wait(timeout=5) == -signal.SIGTERM
