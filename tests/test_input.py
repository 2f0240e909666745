"""The input boundary: one reader for every file, one way to run git, a cache read as
input. The attacks of the input side, recreated as processes (the installed `deal`)."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dealcli.core import git, hosts, reading
from dealcli.core.errors import UsageError
from dealcli.core.model import URL_PATTERN

from .conftest import BUNDLED, FIXTURES, run

PACKAGE = Path(__file__).parent.parent / "dealcli"
READER = PACKAGE / "core" / "reading.py"
MINI = (FIXTURES / "mini.yaml").read_text()


# -- 1. one reader ---------------------------------------------------------------------------


def _mode(call: ast.Call, position: int) -> str | None:
    """The constant mode of an open()-like call, or None when it is not a constant."""
    node = call.args[position] if len(call.args) > position else None
    for kw in call.keywords:
        if kw.arg == "mode":
            node = kw.value
    if node is None:
        return "r"
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _writes(mode: str | None) -> bool:
    return mode is not None and any(c in mode for c in "wax") and "+" not in mode


def _names(node: ast.AST) -> set[str]:
    return {n.attr if isinstance(n, ast.Attribute) else n.id for n in ast.walk(node) if isinstance(n, ast.Attribute | ast.Name)}  # fmt: skip


def reads_outside_the_reader(source: str) -> list[tuple[int, str]]:
    """Every call in `source` that could open or read a file for reading."""
    tree = ast.parse(source)
    assigned: dict[str, set[str]] = {}  # flags = os.O_WRONLY | ...: what a name can hold
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, set()).update(_names(node.value))
    found = []
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        owner = func.value if isinstance(func, ast.Attribute) else None
        owner_name = owner.id if isinstance(owner, ast.Name) else ""
        if name in ("read_text", "read_bytes") and owner is not None:
            found.append((call.lineno, name))
        elif name == "open" and owner_name == "os":
            flags = _names(call.args[1]) if len(call.args) > 1 else set()
            flags |= {n for name in flags for n in assigned.get(name, ())}
            if "O_WRONLY" not in flags or "O_RDWR" in flags:
                found.append((call.lineno, "os.open"))
        elif name == "fdopen" and not _writes(_mode(call, 1)):
            found.append((call.lineno, "os.fdopen"))
        elif name == "open" and owner is None and not _writes(_mode(call, 1)):
            found.append((call.lineno, "open"))
        elif name == "open" and owner is not None and owner_name not in ("os", "self"):
            if not _writes(_mode(call, 0)):  # Path.open, io.open
                found.append((call.lineno, f"{owner_name or '...'}.open"))
        elif name in ("copy", "copy2", "copyfile", "copyfileobj") and owner_name == "shutil":
            found.append((call.lineno, f"shutil.{name}"))
    return found


def test_nothing_but_the_reader_opens_a_file_for_reading() -> None:
    found = {
        f"{path.relative_to(PACKAGE)}:{line}: {what}"
        for path in PACKAGE.rglob("*.py")
        if path != READER
        for line, what in reads_outside_the_reader(path.read_text())
    }
    assert found == set(), "read through dealcli.core.reading.read_file instead"


@pytest.mark.parametrize(
    "source",
    [
        "open(p)",
        "open(p, 'rb')",
        "open(p, 'w+')",
        "open(p, mode)",
        "p.read_text()",
        "Path(x).read_bytes()",
        "p.open()",
        "io.open(p, 'r')",
        "os.open(p, os.O_RDONLY)",
        "os.open(p, os.O_RDWR | os.O_CREAT)",
        "flags = os.O_RDONLY\nos.open(p, flags)",
        "os.fdopen(fd)",
        "shutil.copyfile(a, b)",
    ],
)
def test_the_check_sees_every_way_to_read(source: str) -> None:
    assert reads_outside_the_reader(source)


@pytest.mark.parametrize(
    "source",
    ["open(p, 'w')", "open(p, 'wb')", "p.open('x')", "os.open(p, os.O_WRONLY | os.O_CREAT)",
     "flags = os.O_WRONLY | os.O_TRUNC\nos.open(p, flags)",
     "os.fdopen(fd, 'wb')", "self.open(event, {})", "read_bytes(name, data)"],
)  # fmt: skip
def test_the_check_lets_writes_through(source: str) -> None:
    assert reads_outside_the_reader(source) == []


def test_the_reader_refuses_what_is_not_a_regular_file_or_too_large(tmp_path: Path) -> None:
    with pytest.raises(reading.Refused, match="a character device, not a regular file"):
        reading.read_file("/dev/zero", 100)
    with pytest.raises(reading.Refused, match="a folder, not a regular file"):
        reading.read_file(tmp_path, 100)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 101)
    with pytest.raises(
        reading.Refused, match="the file is 101 bytes; deal files are limited to 100"
    ):
        reading.read_file(big, 100)
    assert reading.read_file(big, 101) == b"x" * 101


def test_a_stream_past_its_limit_or_its_time_is_refused() -> None:
    read, write = os.pipe()
    try:
        os.write(write, b"y" * 50)
        with pytest.raises(reading.Refused, match="more than 10 bytes") as exc:
            reading.read_stream(read, 10, deadline=float("inf"))
        assert exc.value.kind == "size"
        with pytest.raises(reading.Refused) as late:  # a writer that never closes the pipe
            reading.read_stream(read, 1000, deadline=0)
        assert late.value.kind == "time"
    finally:
        os.close(read)
        os.close(write)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("/dev/zero", "cannot read /dev/zero: a character device, not a regular file"),
        ("/dev/stdin", "cannot read /dev/stdin: a FIFO, not a regular file"),
    ],
)
def test_diff_refuses_a_device_and_an_open_pipe_at_once(target: str, message: str) -> None:
    # stdin is a pipe that stays open and empty: reading it would wait for ever
    r = run("diff", target, str(BUNDLED / "japan.yaml"), stdin=subprocess.PIPE, timeout=20)
    assert r.returncode == 2
    assert r.stderr == f"deal: error: {message}\n"
    assert r.stdout == ""


def test_diff_refuses_a_20_gb_sparse_file_without_reading_it(tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.yaml"
    with sparse.open("wb") as fh:
        fh.truncate(20 * 1024**3)
    r = run("diff", str(sparse), str(BUNDLED / "japan.yaml"), timeout=20)
    assert r.returncode == 2
    assert r.stderr == (
        f"deal: error: cannot read {sparse}: the file is 21,474,836,480 bytes; "
        "deal files are limited to 4,194,304\n"
    )


# -- 4. one way to run git -------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository holding deals/mini.yaml, with a textconv driver and an external diff
    configured that would each leave a marker file if git ran them."""
    repo = tmp_path / "repo"
    (repo / "deals").mkdir(parents=True)
    (repo / "deals" / "mini.yaml").write_text(MINI)
    (repo / ".gitattributes").write_text("*.yaml diff=evil\n")

    def git_(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)

    git_("init", "-q")
    marker = tmp_path / "ran"
    git_("config", "diff.evil.textconv", f"touch {marker}; cat")
    git_("config", "diff.external", f"touch {marker}; true")
    git_("config", "core.pager", f"touch {marker}; cat")
    git_("add", ".")
    git_("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "mini")
    return repo


def test_a_revision_that_is_an_option_is_refused_and_writes_nothing(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "FILE"
    versions = [f"git:{rev}:deals/mini.yaml" for rev in (f"--output={out}", "--pretty=%H", "-p")]
    for version in [*versions, f"git:--output={out}"]:  # the second form is the issue's
        r = run("diff", version, "deals/mini.yaml", cwd=repo)
        assert r.returncode == 2, version
        assert r.stderr.startswith("deal: error: 'git:-"), r.stderr
        assert "a revision cannot start with '-'" in r.stderr
        assert len(r.stderr.splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize("rev", ["HEAD\x1b]52;c;aGk=\x07", "HEAD\n", "HE\x7fAD", "HEAD\x85"])
def test_a_revision_with_a_control_character_is_refused(rev: str) -> None:
    with pytest.raises(UsageError, match="a control character in a git revision or path"):
        git.show(f"git:{rev}:x.yaml", rev, "x.yaml", 100, {})


def test_git_runs_no_textconv_external_diff_pager_or_injected_config(
    repo: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "ran"
    hostile = {
        "GIT_EXTERNAL_DIFF": f"touch {marker}",
        "GIT_PAGER": f"touch {marker}",
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": "core.fsmonitor",
        "GIT_CONFIG_VALUE_0": f"touch {marker}; false",
        "GIT_CONFIG_PARAMETERS": f"'core.fsmonitor'='touch {marker}'",
    }
    r = run("diff", "git:HEAD:deals/mini.yaml", "deals/mini.yaml", cwd=repo, env=hostile)
    assert r.returncode == 0, r.stderr  # the same deal, read from git
    assert not marker.exists()


def test_git_output_past_the_limit_is_refused(repo: Path) -> None:
    (repo / "deals" / "big.yaml").write_bytes(b"# " + b"x" * (4 * 1024 * 1024) + b"\n")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@e.org", "commit", "-qm", "big"],
        cwd=repo,
        check=True,
    )
    r = run("diff", "git:HEAD:deals/big.yaml", "deals/mini.yaml", cwd=repo)
    assert r.returncode == 2
    assert r.stderr == (
        "deal: error: cannot read git:HEAD:deals/big.yaml: the file is more than "
        "4,194,304 bytes; deal files are limited to 4,194,304\n"
    )


def test_a_git_that_hangs_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "git"
    fake.write_text(f"#!/bin/sh\nexec {shutil.which('sleep')} 60\n")  # never answers
    fake.chmod(0o755)
    monkeypatch.setattr(git, "TIMEOUT", 0.5)
    with pytest.raises(UsageError, match=r"git took more than 0\.5 s"):
        git.show("git:HEAD:x.yaml", "HEAD", "x.yaml", 100, {"PATH": str(bin_dir)})


def test_git_sees_only_the_variables_that_say_where_the_repository_is() -> None:
    names = ("GIT_DIR", "GIT_EXEC_PATH", "GIT_SSH_COMMAND", "GIT_CONFIG_GLOBAL", "GIT_TRACE")
    env = git.environment({name: "/somewhere" for name in names})
    assert env["GIT_DIR"] == "/somewhere"
    for gone in ("GIT_EXEC_PATH", "GIT_SSH_COMMAND", "GIT_CONFIG_GLOBAL", "GIT_TRACE"):
        assert gone not in env
    assert env["GIT_PAGER"] == "cat"


# -- 2. one loader: the attacks, as processes --------------------------------------------------


def test_an_impossible_date_is_exit_1_in_validate_and_a_warning_in_a_folder(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "deals"
    folder.mkdir()
    bad = folder / "bad.yaml"
    bad.write_text(
        MINI.replace("id: mini", "id: bad").replace("date: 2026-01-15", "date: 2026-02-30")
    )
    r = run("validate", str(bad))
    assert r.returncode == 1
    assert r.stdout.startswith(f"{bad}:46:11: error: allocations[2].date: 2026-02-30 is not a date")
    listed = run("--deals-dir", str(folder), "list", "-f", "csv", "--columns", "id")
    assert listed.returncode == 0
    assert "japan" in listed.stdout.split()
    assert f"{bad}:46:11: error: allocations[2].date: 2026-02-30 is not a date" in listed.stderr
    words = f"deal --deals-dir {folder} show ja"
    env = {"_DEAL_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "4"}
    completion = run(env=env)
    assert completion.returncode == 0, completion.stderr
    assert completion.stdout.split() == ["japan", "japan-us"]


def test_a_megabyte_of_base_60_is_read_and_refused_quickly(tmp_path: Path) -> None:
    sixty = ":".join(["59"] * 400_000)  # 1.2 MB
    note = tmp_path / "note.yaml"
    note.write_text(MINI + f"x-n: {sixty}\n")
    r = run("validate", str(note), timeout=30)
    assert r.returncode == 0, r.stdout  # a private note is never read
    text = tmp_path / "text.yaml"
    text.write_text(MINI.replace("vehicle: Test vehicle", f"vehicle: {sixty}"))
    r = run("validate", str(text), timeout=30)
    assert r.returncode == 1
    (error, hint) = r.stdout.splitlines()
    assert error == (
        f"{text}:12:10: error: vehicle: unquoted 59:59:59:59:59:59:59:59:59:59:59:59:59:… "
        "is read by YAML as a number, not text"
    )
    assert hint.startswith('  hint: put it in quotes: "59:59:59:59:59:59:59:59:59:59:59:59:59:…"')


def test_python_dash_m_refuses_the_same(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINI.replace("updated: 2026-01-31", "updated: 2026-01-31 25:00:00"))
    r = subprocess.run(
        [sys.executable, "-m", "dealcli", "validate", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 1
    assert "2026-01-31 25:00:00 is not a date and time: there is no hour 25" in r.stdout


# -- web addresses -------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(url=st.from_regex(URL_PATTERN, fullmatch=True))
def test_every_url_the_pattern_passes_is_one_the_host_check_reads(url: str) -> None:
    assert urlsplit(url).scheme in ("http", "https")
    hosts.host(url)  # never raises: urlsplit's ValueErrors (brackets, NFKC) cannot pass
    hosts.is_government(url)
    hosts.flagged(url)
    assert not set(url) & set('"<> \t\r\n\x00\x1b\x7f\x85\u202e')


@pytest.mark.parametrize(
    "url",
    [
        'https://example.gov/"><img/src/onerror=alert(1)>',
        "https://example.gov/<script>",
        "https://example.gov/a b",
        "https://example.gov/\x1b]52;c;aGk=\x07",
        "https://example.gov/\u202egpj.exe",
        "https://[::1/",
        "https://exa\uff0fmple.gov/",
        "javascript:alert(1)",
    ],
)
def test_a_url_that_could_end_an_attribute_is_refused(tmp_path: Path, url: str) -> None:
    path = tmp_path / "deal.yaml"
    text = MINI.replace('url: "https://example.org/a"', f"url: {json.dumps(url)}")
    path.write_text(text)
    r = run("validate", str(path))
    assert r.returncode == 1
    line = next(i for i, x in enumerate(text.splitlines(), 1) if "id: src-a" in x)
    assert r.stdout.startswith(f"{path}:{line}:")
    assert "sources[0].url: '" in r.stdout and "' is not a web address" in r.stdout


def test_a_message_quoting_what_was_typed_cuts_it() -> None:
    r = run("show", "x" * 5000)
    assert r.returncode == 2
    first = r.stderr.splitlines()[0]
    assert first == "deal: error: no deal named '" + "x" * 39 + "…'"
