"""Every way the output can fail, in every command, as real processes: one line on stderr and
the README's exit code (2 for output that cannot be written, 141 for a closed pipe, 143 for
SIGTERM), never "internal error", and nothing meant for stderr on stdout."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dealcli.cli.lazy import COMMANDS

from .conftest import BUNDLED, deal_bin

JAPAN = str(BUNDLED / "japan.yaml")
# each command as it prints data on stdout (validate: the problems of a broken file)
RUNS = {
    "list": ["list"],
    "show": ["show", "japan"],
    "sources": ["sources", "japan"],
    "search": ["search", "chip"],
    "timeline": ["timeline", "japan"],
    "allocations": ["allocations", "japan"],
    "companies": ["companies"],
    "compare": ["compare", "japan", "south-korea"],
    "flows": ["flows", "japan"],
    "chart": ["chart", "japan"],
    "pace": ["pace", "japan"],
    "returns": ["returns", "south-korea"],
    "diff": ["diff", JAPAN, JAPAN],
    "export": ["export", "-f", "json", "-o", "-"],
    "validate": ["validate", "BROKEN"],
    "schema": ["schema"],
}
EVERY = [*RUNS.values(), ["--help"], ["--version"], ["show", "--help"]]
IDS = [*RUNS, "help", "version", "show-help"]


def test_every_command_is_tried() -> None:
    assert sorted(RUNS) == sorted(COMMANDS)


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    return {**env, "DEAL_CACHE_DIR": str(tmp_path / "cache"), **extra}


def _args(args: list[str], tmp_path: Path) -> list[str]:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: broken\n")
    return [str(broken) if a == "BROKEN" else a for a in args]


def _run(
    args: list[str], tmp_path: Path, stdout: int, stderr: int = subprocess.PIPE, **env: str
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [deal_bin(), *_args(args, tmp_path)],
        stdout=stdout,
        stderr=stderr,
        cwd=tmp_path,
        env=_env(tmp_path, **env),
        timeout=60,
    )


def _one_line(err: bytes) -> str:
    text = err.decode()
    assert text.count("\n") == 1 and text.endswith("\n"), text
    assert "internal error" not in text and "Traceback" not in text
    return text


@pytest.mark.parametrize("args", EVERY, ids=IDS)
def test_a_full_disk_is_one_line_and_exit_2(args: list[str], tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        r = _run(args, tmp_path, full.fileno())
    assert r.returncode == 2, r.stderr
    assert _one_line(r.stderr) == "deal: error: cannot write to stdout: No space left on device\n"


@pytest.mark.parametrize("args", EVERY, ids=IDS)
def test_a_reader_that_went_away_is_141_and_silent(args: list[str], tmp_path: Path) -> None:
    read, write = os.pipe()
    os.close(read)  # gone before the first byte: every write is a broken pipe
    try:
        r = _run(args, tmp_path, write)
    finally:
        os.close(write)
    assert r.returncode == 141, r.stderr
    assert r.stderr == b""


@pytest.mark.parametrize("args", [["show", "japan"], ["--help"], ["--version"]])
def test_a_closed_stdout_is_one_line_and_exit_2(args: list[str], tmp_path: Path) -> None:
    code = "import os, subprocess, sys; os.close(1); sys.exit(subprocess.call(sys.argv[1:]))"
    r = subprocess.run(
        [sys.executable, "-c", code, deal_bin(), *args],
        capture_output=True,
        env=_env(tmp_path),
        timeout=60,
    )
    assert r.returncode == 2
    assert _one_line(r.stderr) == "deal: error: cannot write to stdout: it is closed\n"


def test_a_closed_stdout_is_no_error_when_nothing_is_printed(tmp_path: Path) -> None:
    code = "import os, subprocess, sys; os.close(1); sys.exit(subprocess.call(sys.argv[1:]))"
    out = tmp_path / "japan.csv"
    r = subprocess.run(
        [sys.executable, "-c", code, deal_bin(), "show", "japan", "-o", str(out)],
        capture_output=True,
        env=_env(tmp_path),
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert out.read_text().startswith("section,")


@pytest.mark.parametrize(
    "encoding", [{"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1"}]
)
def test_an_encoding_that_cannot_hold_the_text_writes_nothing(
    encoding: dict[str, str], tmp_path: Path
) -> None:
    r = _run(["show", "japan", "-f", "csv"], tmp_path, subprocess.PIPE, **encoding)
    assert r.returncode == 2
    assert r.stdout == b""  # refused whole, not cut where the first such character stood
    line = _one_line(r.stderr)
    assert line.startswith("deal: error: stdout's encoding (") and "cannot hold the text" in line


def test_an_ascii_stdout_takes_ascii_output(tmp_path: Path) -> None:
    r = _run(["list", "-f", "csv"], tmp_path, subprocess.PIPE, PYTHONIOENCODING="ascii")
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode("ascii").startswith("id,")


def test_the_c_locale_still_prints_non_ascii_text(tmp_path: Path) -> None:
    r = _run(["show", "japan", "-f", "csv"], tmp_path, subprocess.PIPE, LANG="C", LC_ALL="C")
    assert r.returncode == 0, r.stderr
    assert "日本" in r.stdout.decode("utf-8")  # Python's UTF-8 mode in the C locale


@pytest.mark.parametrize("stderr", ["full", "closed"])
def test_an_error_with_stderr_full_or_closed_keeps_its_code_and_stdout_clean(
    stderr: str, tmp_path: Path
) -> None:
    args = ["show", "no-such-deal"]
    if stderr == "full":
        with open("/dev/full", "wb") as full:
            r = _run(args, tmp_path, subprocess.PIPE, full.fileno())
    else:
        code = "import os, subprocess, sys; os.close(2); sys.exit(subprocess.call(sys.argv[1:]))"
        r = subprocess.run(
            [sys.executable, "-c", code, deal_bin(), *args],
            stdout=subprocess.PIPE,
            env=_env(tmp_path),
            timeout=60,
        )
    assert r.returncode == 2
    assert r.stdout == b""  # the message went nowhere, not to stdout


def test_stderr_full_does_not_stop_the_data(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        r = _run(["list", "-f", "csv"], tmp_path, subprocess.PIPE, full.fileno())
    assert r.returncode == 0
    assert r.stdout.decode().startswith("id,")


def test_a_reader_that_stops_midway_is_141(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [deal_bin(), "export", "-f", "json", "-o", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(tmp_path),
        cwd=tmp_path,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100).startswith(b"[")
    proc.stdout.close()  # the reader goes away with most of the output unread
    assert proc.wait(timeout=60) == 141
    assert proc.stderr.read() == b""


def _with_pager(tmp_path: Path) -> tuple[subprocess.Popen[bytes], int, str]:
    """`deal show japan` in a terminal, paged by `sleep`: the process, the terminal, the pager."""
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [deal_bin(), "show", "japan"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=_env(tmp_path, DEAL_PAGER="sleep 600", COLUMNS="100", LINES="20"),
        start_new_session=True,
    )
    os.close(follower)
    children: list[str] = []
    for _ in range(200):  # until the pager has started
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        if children:
            break
        time.sleep(0.05)
    if not children:
        proc.kill()
        os.close(leader)
        pytest.fail("the pager never started")
    return proc, leader, children[0]


def test_sigterm_while_the_pager_runs_ends_both_with_143(tmp_path: Path) -> None:
    proc, leader, pager = _with_pager(tmp_path)
    try:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 143
        assert not Path(f"/proc/{pager}").exists() or _zombie(pager)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(leader)


def test_ctrl_c_while_the_pager_runs_is_the_pagers(tmp_path: Path) -> None:
    proc, leader, pager = _with_pager(tmp_path)
    try:
        proc.send_signal(signal.SIGINT)  # deal goes on waiting for its pager
        time.sleep(0.5)  # for deal to take the signal before its pager ends (no assertion)
        assert proc.poll() is None
        os.kill(int(pager), signal.SIGTERM)  # the pager ends (as `q` would)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(leader)


def _zombie(pid: str) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[1].split()[0] == "Z"
    except OSError:
        return True
