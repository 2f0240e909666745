"""The attacks and faults of the hardening issue, recreated: the cache, bounded inputs,
folder scans, writes, hidden text. Most run the installed `deal` as a user would."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import io
import json
import os
import pickle
import shutil
import signal
import stat
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dealcli.core import cache, fresh, reading, registry, shelf
from dealcli.core.chars import hidden
from dealcli.core.environment import Environment
from dealcli.core.errors import PipeClosed, UsageError
from dealcli.core.parse import read_bytes
from dealcli.gates import clean, html, json_string
from dealcli.output import files

from .conftest import BUNDLED, FIXTURES, invoke, run

MINI = (FIXTURES / "mini.yaml").read_text()
DAY_NS = 86_400 * 10**9


def mini_cache(home: Path) -> Path:
    """The cache folder of the test's deals folder (the bundled deals have their own)."""
    (index,) = [p for p in (home / "cache").glob("*/index.json") if "mini.yaml" in p.read_text()]
    return index.parent


def overview(folder: Path) -> str:
    r = run("--deals-dir", str(folder), "show", "mini", "-s", "overview", "-f", "csv")
    assert r.returncode == 0, r.stderr
    return r.stdout


# -- 1. a cache that is data, not code -------------------------------------------------


class Payload:
    """What a planted pickle would do on load: create a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (self.marker,))


def test_a_planted_pickle_never_runs(deals_dir: Path, fixed_env: Path, tmp_path: Path) -> None:
    overview(deals_dir)  # fills the cache
    cache = fixed_env / "cache"
    marker = tmp_path / "pwned"
    planted = pickle.dumps(Payload(marker))
    folders = [p for p in cache.iterdir() if p.is_dir()]
    assert folders
    for folder in folders:  # every name a cache file has, or ever had
        for name in ("index.pickle", "rows.pickle", "mini.yaml.pickle", "index.json", "rows.json"):
            (folder / name).write_bytes(planted)
        for f in folder.glob("*.json"):
            f.write_bytes(planted)
    assert "Mini test deal" in overview(deals_dir)
    r = run("--deals-dir", str(deals_dir), "list", "-f", "csv")
    assert r.returncode == 0
    assert not marker.exists()
    assert not list(cache.rglob("*.pickle")) or all(
        p.read_bytes() == planted for p in cache.rglob("*.pickle")
    )  # nothing reads or writes pickles


def test_a_cache_others_may_write_is_not_read(deals_dir: Path, fixed_env: Path) -> None:
    overview(deals_dir)
    cache = fixed_env / "cache"
    cache.chmod(0o777)
    r = run("--deals-dir", str(deals_dir), "show", "mini", "-s", "overview", "-f", "csv")
    assert r.returncode == 0
    assert "Mini test deal" in r.stdout
    assert (
        r.stderr.count("writable by group and others (mode 0777)") == 1
    )  # one warning, then no cache
    assert "running without a cache" in r.stderr


def test_a_cache_file_of_another_user_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "index.json"
    text = b'{"files":{}}'
    path.write_bytes(hashlib.blake2b(text, digest_size=32).hexdigest().encode() + b"\n" + text)
    path.chmod(0o600)
    assert cache._read_json(path) == {"files": {}}
    real = os.stat(path)
    fields = list(real)
    fields[stat.ST_UID] = real.st_uid + 1  # as a file planted by another user looks
    other = os.stat_result(fields)
    assert cache._distrust(other) == (
        f"owned by uid {real.st_uid + 1}, not by this user ({os.geteuid()})"
    )
    path.chmod(0o620)
    with pytest.raises(cache._Untrusted, match="writable by group"):
        cache._read_json(path)


def test_the_cache_is_private_even_under_umask_0(deals_dir: Path, fixed_env: Path) -> None:
    cache = fixed_env / "cache"
    run("--deals-dir", str(deals_dir), "list", preexec_fn=lambda: os.umask(0))
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    for path in cache.rglob("*"):
        want = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == want, path


def test_another_version_of_deal_never_reads_this_ones_cache(
    deals_dir: Path, fixed_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a deal cached by one version was validated by its code: after an upgrade each folder
    # gets a new cache (the version and the code's file times are in the folder's key)
    root = fixed_env / "cache"
    assert invoke("--deals-dir", str(deals_dir), "show", "mini", "-f", "csv").exit_code == 0
    before = {p.name for p in root.iterdir() if p.is_dir()}
    monkeypatch.setattr(cache, "VERSION", "0.0.0+another")
    assert invoke("--deals-dir", str(deals_dir), "show", "mini", "-f", "csv").exit_code == 0
    after = {p.name for p in root.iterdir() if p.is_dir()}
    # the bundled folder, DEAL_PATH's and --deals-dir: three new cache folders beside the old
    assert len(before) == 3 and before < after and len(after) == 6


def test_a_cached_deal_comes_back_equal(japan, korea, mini) -> None:  # type: ignore[no-untyped-def]
    timed = reading.read_deal(FIXTURES / "timed.yaml")
    for deal in (japan, korea, mini, timed):
        stored = json.loads(json.dumps(cache.encode(deal)))
        assert cache.decode_deal(stored) == deal


# -- 2. never stale ------------------------------------------------------------------------


def test_an_edit_with_its_old_mtime_restored_is_seen(deals_dir: Path) -> None:
    path = deals_dir / "mini.yaml"
    old = path.stat().st_mtime_ns - DAY_NS
    os.utime(path, ns=(old, old))  # a file last changed yesterday: not racy
    assert "Mini test deal" in overview(deals_dir)
    path.write_text(MINI.replace("Mini test deal", "Mini best deal"))  # same size
    os.utime(path, ns=(old, old))  # what `touch -d` does
    assert path.stat().st_size == len(MINI.encode())
    assert "Mini best deal" in overview(deals_dir)


def test_a_same_size_file_moved_in_is_seen(deals_dir: Path, tmp_path: Path) -> None:
    path = deals_dir / "mini.yaml"
    stamp = path.stat().st_mtime_ns - DAY_NS
    os.utime(path, ns=(stamp, stamp))
    assert "Mini test deal" in overview(deals_dir)
    other = tmp_path / "other.yaml"
    other.write_text(MINI.replace("Mini test deal", "Mini moved in!"))
    os.utime(other, ns=(stamp, stamp))  # same size, same mtime: a fixed tar --mtime
    os.replace(other, path)
    assert "Mini moved in!" in overview(deals_dir)


def test_a_racy_entry_is_checked_by_its_bytes(deals_dir: Path, fixed_env: Path) -> None:
    overview(deals_dir)  # the file was written just now: its entry is racy
    index = mini_cache(fixed_env) / "index.json"
    stored = json.loads(index.read_text().partition("\n")[2])
    # the bytes' hash, kept for a racy entry only, is what it is checked against
    assert (
        stored["racy"]["mini.yaml"]
        == hashlib.blake2b((deals_dir / "mini.yaml").read_bytes(), digest_size=32).hexdigest()
    )


def test_a_racy_entry_with_the_same_bytes_is_not_read_again(
    deals_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    show = ("--deals-dir", str(deals_dir), "show", "mini", "-s", "overview", "-f", "csv")
    assert invoke(*show).exit_code == 0  # written just now: racy
    parsed: list[str] = []
    real = fresh.read_deal_bytes

    def counting(path: Path, data: bytes) -> object:
        parsed.append(path.name)
        return real(path, data)

    monkeypatch.setattr(fresh, "read_deal_bytes", counting)
    assert invoke(*show).exit_code == 0
    assert parsed == []  # its bytes hashed, found the same: the cached deal serves
    (deals_dir / "mini.yaml").write_text(MINI.replace("Mini test deal", "Mini best deal"))
    assert "Mini best deal" in invoke(*show).stdout
    assert parsed == ["mini.yaml"]  # changed: read again


def test_a_deal_read_in_this_run_is_not_decoded_from_the_cache(
    deals_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the first run reads mini.yaml and writes its cache file; it shows the deal it read,
    # not the copy it just wrote (which the next run decodes)
    decoded: list[str] = []
    real = shelf.decode_deal

    def counting(data: object, names: object = None) -> object:
        deal = real(data, names)  # type: ignore[arg-type]
        decoded.append(deal.id)
        return deal

    monkeypatch.setattr(shelf, "decode_deal", counting)
    show = ("--deals-dir", str(deals_dir), "show", "mini", "-s", "overview", "-f", "csv")
    assert invoke(*show).exit_code == 0
    assert "mini" not in decoded
    assert invoke(*show).exit_code == 0
    assert decoded.count("mini") == 1  # the next run: from the cache


def test_entries_of_deleted_files_are_dropped(deals_dir: Path, fixed_env: Path) -> None:
    shutil.copy(deals_dir / "mini.yaml", deals_dir / "copy.yaml")
    overview(deals_dir)
    cache = mini_cache(fixed_env)
    kept = {"index.json", "rows.json", "compare.json", "scan.json"}  # the folder's
    deal_files = {p.name for p in cache.glob("*.json")} - kept
    assert len(deal_files) == 2  # mini.yaml and copy.yaml
    (deals_dir / "copy.yaml").unlink()
    overview(deals_dir)
    left = {p.name for p in cache.glob("*.json")} - kept
    assert len(left) == 1
    stored = json.loads((cache / "index.json").read_text().partition("\n")[2])
    assert list(stored["stamps"]) == list(stored["names"]) == ["mini.yaml"]


# -- 3. bounded inputs -------------------------------------------------------------------


def test_240000_empty_allocations_are_refused_at_once(deals_dir: Path) -> None:
    (deals_dir / "big.yaml").write_text("allocations: [" + ", ".join(["{}"] * 240_000) + "]\n")
    r = run("--deals-dir", str(deals_dir), "show", "japan", "-s", "overview", "-f", "csv")
    assert r.returncode == 0
    assert "more than 10,000 items in one list" in r.stderr
    assert len(r.stderr.splitlines()) < 10
    v = run("validate", str(deals_dir / "big.yaml"))
    assert v.returncode == 1
    assert len(v.stdout.splitlines()) < 10


def test_problems_per_file_stop_at_50(tmp_path: Path) -> None:
    path = tmp_path / "empty-items.yaml"
    path.write_text("allocations: [" + ", ".join(["{}"] * 1000) + "]\n")
    r = run("validate", str(path))
    assert r.returncode == 1
    errors = [line for line in r.stdout.splitlines() if ": error: " in line]
    # 9 required top-level keys missing + 5 per allocation (id, title, sector, status,
    # sources) x 1000 = 5,009 problems: 50 shown, then one line for the other 4,959
    assert len(errors) == 51
    assert "and 4,959 more problem(s)" in errors[-1]


def trimmed(doc: str) -> tuple[Any, int]:
    """The file as read for validation, its lists cut past 50 problems; and how many were cut."""
    return reading._trimmed(read_bytes("t.yaml", doc.encode()))


def validated(tmp_path: Path, doc: str) -> subprocess.CompletedProcess[str]:
    """`deal validate` of the text as a file: it is invalid (exit 1)."""
    path = tmp_path / "t.yaml"
    path.write_text(doc)
    r = run("validate", str(path))
    assert r.returncode == 1
    return r


def test_problems_in_one_object_count_against_the_50_before_a_list_is_read(
    tmp_path: Path,
) -> None:
    # 8 required top-level keys missing (headline is there); the headline: 30 unknown keys and
    # its 3 required ones missing = 33, so 41 before the allocations; each allocation: 1
    # unknown + 5 missing = 6. The first is read (41 -> 47), the second (47 -> 53), and past
    # 50 the other 38 are only counted: 228 problems nobody reads are never built
    doc = "headline: {" + ", ".join(f"k{i}: 1" for i in range(30)) + "}\n"
    doc += "allocations: [" + ", ".join(["{x: 1}"] * 40) + "]\n"
    value, dropped = trimmed(doc)
    assert (len(value["allocations"]), dropped) == (2, 228)
    r = validated(tmp_path, doc)
    # 8 + 33 + 40 x 6 = 281 problems: 50 shown, and 231 more
    assert r.stdout.count(": error: ") == 51
    assert "and 231 more problem(s)" in r.stdout


def test_an_item_that_is_not_a_mapping_counts_one_problem(tmp_path: Path) -> None:
    # 9 top-level keys missing, then 60 numbers where allocations belong: one problem each.
    # Read while 50 is not passed: 9 + 42 = 51, so 42 read and 18 counted
    doc = "allocations: [" + ", ".join(["1"] * 60) + "]\n"
    value, dropped = trimmed(doc)
    assert (len(value["allocations"]), dropped) == (42, 18)
    r = validated(tmp_path, doc)
    # 9 + 60 = 69 problems: 50 shown, and 19 more
    assert r.stdout.count(": error: ") == 51
    assert "and 19 more problem(s)" in r.stdout


def test_problems_in_an_optional_object_count_too() -> None:
    # `period` may be left out (Period | None), but written it is checked like the rest: 9
    # top-level keys missing, the period's 30 unknown keys and 2 missing (from, to) make 41;
    # then allocations of 6 problems each, read while 50 is not passed: 47, 53, so 2 read
    doc = "period: {" + ", ".join(f"k{i}: 1" for i in range(30)) + "}\n"
    doc += "allocations: [" + ", ".join(["{x: 1}"] * 40) + "]\n"
    value, dropped = trimmed(doc)
    assert (len(value["allocations"]), dropped) == (2, 38 * 6)


def test_problems_cut_inside_an_object_are_counted(tmp_path: Path) -> None:
    # a headline of 40 broken history steps: 8 top-level keys missing, leaving 42 of the 50 to
    # the headline, which misses 3 keys itself; each step: 1 unknown + 3 missing = 4. Steps
    # are read while 42 is not passed: 3 + 4 x 10 = 43, so 10 are read and 30 x 4 = 120
    # problems only counted, and counted up to the file
    doc = "headline: {history: [" + ", ".join(["{x: 1}"] * 40) + "]}\n"
    value, dropped = trimmed(doc)
    assert (len(value["headline"]["history"]), dropped) == (10, 120)
    r = validated(tmp_path, doc)
    # 8 + 3 + 40 x 4 = 171 problems: 50 shown, and 121 more
    assert r.stdout.count(": error: ") == 51
    assert "and 121 more problem(s)" in r.stdout


def test_problems_cut_inside_list_items_are_counted(tmp_path: Path) -> None:
    # 9 top-level keys missing. The first allocation misses 5 and has 60 companies of 4
    # problems each (1 unknown, 3 missing): 41 of the budget left, 5 + 4 x 10 = 45, so 10
    # companies are read and 50 x 4 = 200 counted. The budget is spent (54): the next five
    # allocations (1 unknown + 5 missing, and two companies of 4) are only counted, 14 each
    doc = "allocations:\n  - {companies: [" + ", ".join(["{y: 1}"] * 60) + "]}\n"
    doc += "  - {x: 1, companies: [{y: 1}, {y: 1}]}\n" * 5
    value, dropped = trimmed(doc)
    shown = value["allocations"]
    assert (len(shown), len(shown[0]["companies"]), dropped) == (1, 10, 200 + 5 * 14)
    r = validated(tmp_path, doc)
    # 9 + 5 + 10 x 4 = 54 problems found, 50 shown: 4 + 270 = 274 more
    assert r.stdout.count(": error: ") == 51
    assert "and 274 more problem(s)" in r.stdout


def test_warnings_past_50_are_counted_as_warnings(tmp_path: Path) -> None:
    # mini.yaml with 60 sources that no figure cites: a valid deal with 60 warnings,
    # 50 shown, then "and 10 more warning(s)", itself a warning: the file stays valid
    extra = "".join(
        f'  - {{id: unused-{i}, title: U, publisher: P, url: "https://example.org/u{i}", '
        "date: 2025-07-01, kind: news}\n"
        for i in range(60)
    )
    path = tmp_path / "many-warnings.yaml"
    path.write_text((FIXTURES / "mini.yaml").read_text() + extra)
    r = run("validate", str(path))
    assert r.returncode == 0, r.stdout  # warnings allowed
    warnings = [line for line in r.stdout.splitlines() if ": warning: " in line]
    assert len(warnings) == 51
    assert "is not used by any figure" in warnings[0]
    assert "and 10 more warning(s)" in warnings[-1]
    assert ": error: " not in r.stdout


def test_50000_unknown_keys_are_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "keys.yaml"
    path.write_text("".join(f"k{i}: 1\n" for i in range(50_000)))
    r = run("validate", str(path))
    assert r.returncode == 1
    assert "more than 200 keys in one mapping" in r.stdout
    assert len(r.stdout.splitlines()) < 5


def test_a_sparse_file_past_the_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "sparse.yaml"
    with path.open("wb") as fh:
        fh.truncate(1 << 30)  # 1 GiB that takes no disk
    r = run("validate", str(path))
    assert r.returncode == 1
    assert "the file is 1,073,741,824 bytes; deal files are limited to 4,194,304" in r.stdout


def test_a_fifo_and_dev_zero_are_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    r = run("validate", str(fifo), str(zero), timeout=20)  # a hang fails by timeout
    assert r.returncode == 1
    assert f"{fifo}: error: a FIFO, not a regular file" in r.stdout
    assert f"{zero}: error: a character device, not a regular file" in r.stdout


def test_odd_entries_in_a_deals_folder_are_warnings(deals_dir: Path) -> None:
    os.mkfifo(deals_dir / "fifo.yaml")
    (deals_dir / "zero.yaml").symlink_to("/dev/zero")
    (deals_dir / "loop.yaml").symlink_to(deals_dir / "loop.yaml")
    (deals_dir / "gone.yaml").symlink_to(deals_dir / "deleted.yaml")
    (deals_dir / "folder.yml").mkdir()
    r = run("--deals-dir", str(deals_dir), "list", "-f", "csv", "--columns", "id", timeout=20)
    assert r.returncode == 0
    ids = r.stdout.split()
    assert ids[0] == "id" and "japan" in ids and ids[-1] == "mini"  # the others still load
    err = r.stderr
    assert f"{deals_dir / 'fifo.yaml'}: warning: a FIFO, not a regular file; skipped" in err
    assert f"{deals_dir / 'zero.yaml'}: warning: a character device" in err
    assert f"{deals_dir / 'loop.yaml'}: warning: cannot read the file (Too many levels" in err
    assert f"{deals_dir / 'gone.yaml'}: warning: cannot read the file (No such file" in err
    assert f"{deals_dir / 'folder.yml'}: warning: a folder, not a regular file" in err
    strict = run("--strict", "--deals-dir", str(deals_dir), "list", timeout=20)
    assert strict.returncode == 1
    assert strict.stdout == ""


# -- 4. one bad entry never stops the rest ---------------------------------------------------


@pytest.mark.parametrize(
    "junk", [b"", b"\x80\x81", b"[1e999999999]", b'{"files": {"mini.yaml": 7}}', b"[" * 100_000]
)
def test_a_corrupt_cache_file_is_rebuilt(deals_dir: Path, fixed_env: Path, junk: bytes) -> None:
    overview(deals_dir)
    for path in (fixed_env / "cache").rglob("*.json"):
        path.write_bytes(junk)
    r = run("--deals-dir", str(deals_dir), "show", "mini", "-s", "overview", "-f", "csv")
    assert r.returncode == 0, r.stderr
    assert "Mini test deal" in r.stdout
    assert "internal error" not in r.stderr
    assert "Mini test deal" in overview(deals_dir)  # and the rebuilt cache serves again


def test_no_home_folder_means_no_cache() -> None:
    env = Environment.from_process({"PATH": "/usr/bin:/bin"})  # no HOME, no cache variable
    assert env.cache_dir is None and env.notes == ()
    found = registry.open_registry(cache_dir=env.cache_dir)
    assert "japan" in found.entries
    assert found.problems == []


def test_a_long_file_name_is_cached(deals_dir: Path, fixed_env: Path) -> None:
    name = "m" * 245 + ".yml"  # 249 characters; a cache file named after it would not fit
    shutil.move(deals_dir / "mini.yaml", deals_dir / name)
    r = run("--deals-dir", str(deals_dir), "list", "-f", "csv", "--columns", "id")
    assert r.returncode == 0, r.stderr
    assert "mini" in r.stdout.split()
    assert r.stderr == ""
    (index,) = [p for p in (fixed_env / "cache").glob("*/index.json") if name in p.read_text()]
    kept = [p for p in index.parent.glob("*.json") if p.name != "scan.json"]  # once settled
    assert len(kept) == 3 + 1  # index, rows, compare rows, the deal


# -- 5. writes that respect what is there -------------------------------------------------


def test_o_onto_a_fifo_writes_into_it(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def reader() -> None:
        with open(fifo, "rb") as fh:
            got.append(fh.read())

    thread = threading.Thread(target=reader)
    thread.start()
    r = run("list", "-f", "csv", "--columns", "id", "-o", str(fifo), timeout=20)
    thread.join(timeout=20)
    assert r.returncode == 0, r.stderr
    printed = run("list", "-f", "csv", "--columns", "id").stdout
    assert printed.startswith("id\n") and "\njapan\n" in printed
    assert got == [printed.encode()]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a FIFO, not replaced


def test_o_dev_stdout_prints(tmp_path: Path) -> None:
    r = run("list", "-f", "csv", "--columns", "id", "-o", "/dev/stdout", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    printed = run("list", "-f", "csv", "--columns", "id", cwd=tmp_path).stdout
    assert "\njapan\n" in printed
    assert r.stdout == printed
    assert os.path.islink("/dev/stdout") or stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_o_follows_a_symlink_and_keeps_hard_links(tmp_path: Path) -> None:
    target = tmp_path / "real.csv"
    target.write_text("old\n")
    target.chmod(0o640)
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    files.write_output(link, "new\n")
    assert link.is_symlink() and target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # mode kept
    twin = tmp_path / "twin.csv"
    os.link(target, twin)
    files.write_output(target, "newer\n")
    assert twin.read_text() == "newer\n"  # still one file with two names


def test_o_over_a_read_only_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "ro.csv"
    target.write_text("keep\n")
    target.chmod(0o444)
    r = run("list", "-o", str(target))
    assert r.returncode == 2
    assert f"deal: error: {target} is read-only; use --force to replace it" in r.stderr
    assert target.read_text() == "keep\n"
    files.write_output(target, "new\n", force=True)  # what --force does
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_closed_pipe_is_pipe_closed() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    stream = io.TextIOWrapper(io.FileIO(write_end, "w"), write_through=True)
    with pytest.raises(PipeClosed):
        files.print_lines(["problem"] * 10_000, stream)
    with contextlib.suppress(BrokenPipeError):
        stream.close()


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    script = f"""
import os, signal
from pathlib import Path
from dealcli.output import files
files.handle_sigterm()
real = os.replace
os.replace = lambda a, b: (os.kill(os.getpid(), signal.SIGTERM), real(a, b))
try:
    files.write_atomic(Path({str(tmp_path / "out.csv")!r}), "data")
except files.Terminated as exc:
    raise SystemExit(files.interrupted_exit(exc))
"""
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    assert r.returncode == 128 + signal.SIGTERM, r.stderr  # 143
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_csv_export_keeps_the_whole_old_set(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    old = {f"t{i}.csv": f"old {i}\n" for i in range(10)}
    files.write_folder(folder, dict(old), owned=old)

    def interrupted() -> Iterator[bytes]:  # Ctrl-C while the fifth file is being written
        yield b"new, in part"
        raise KeyboardInterrupt

    new: dict[str, str | Iterator[bytes]] = {n: "new\n" for n in old}
    new["t4.csv"] = interrupted()
    with pytest.raises(KeyboardInterrupt):
        files.write_folder(folder, new, owned=old)
    assert {p.name: p.read_text() for p in folder.glob("*.csv")} == old
    assert [p.name for p in tmp_path.iterdir()] == ["set"]  # no temporary folder left
    files.write_folder(folder, {n: "new\n" for n in old}, owned=old)
    assert {p.read_text() for p in folder.glob("*.csv")} == {"new\n"}
    (folder / "mine.txt").write_text("not an export")
    with pytest.raises(UsageError, match=r"holds mine\.txt, which is not as the last export"):
        files.write_folder(folder, {n: "x" for n in old}, owned=old)


def test_csv_export_replaces_the_set(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    assert run("export", "japan", "-f", "csv", "-o", str(folder)).returncode == 0
    first = (folder / "deals.csv").read_text()
    assert run("export", "korea", "-f", "csv", "-o", str(folder)).returncode == 0
    assert (folder / "deals.csv").read_text() != first
    assert "south-korea" in (folder / "deals.csv").read_text()
    assert len(list(folder.glob("*.csv"))) == 11
    assert [p.name for p in tmp_path.iterdir()] == ["csv"]


class _NoExchange:
    """A libc whose renameat2 fails with one errno, as on a filesystem without exchange."""

    def __init__(self, code: int) -> None:
        def renameat2(*args: object) -> int:
            ctypes.set_errno(code)
            return -1

        self.renameat2 = renameat2  # a function: it takes argtypes as a foreign one does

    def __call__(self, name: object, use_errno: bool = False) -> _NoExchange:
        return self


@pytest.mark.parametrize(
    ("code", "swapped"),
    [(errno.EINVAL, False), (errno.ENOSYS, False), (errno.EOPNOTSUPP, False), (errno.EACCES, None)],
)
def test_an_exchange_the_filesystem_cannot_do_is_declined_not_an_error(
    code: int, swapped: bool | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # without RENAME_EXCHANGE (an old kernel: ENOSYS; some filesystems: EINVAL, EOPNOTSUPP)
    # the export falls back to renaming; any other failure is a real error
    monkeypatch.setattr(ctypes, "CDLL", _NoExchange(code))
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    if swapped is None:
        with pytest.raises(OSError) as exc:
            files._exchange(a, b)
        assert exc.value.errno == code
    else:
        assert files._exchange(a, b) is swapped


# -- 6. text that can't hide ------------------------------------------------------------------


def test_every_format_character_is_shown() -> None:
    missed = [
        f"U+{c:04X}"
        for c in range(0x110000)
        if unicodedata.category(chr(c)) == "Cf" and clean(chr(c)) == chr(c)
    ]
    assert missed == []
    assert clean("Hit\u200dachi") == "Hit\u27e8U+200D\u27e9achi"
    assert clean("a\x1b]0;title\x07b") == "a\u241b]0;title\u2407b"
    assert json_string("a\u202eb\x1b") == '"a\\u202eb\\u001b"'  # json: exact, escaped
    assert hidden("x\u202ey\U000e0041") == [
        "U+202E RIGHT-TO-LEFT OVERRIDE",
        "U+E0041 TAG LATIN CAPITAL LETTER A",
    ]
    assert html('<img src=x onerror="a&b">') == "&lt;img src=x onerror=&quot;a&amp;b&quot;&gt;"


def test_a_bidi_company_name_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bidi.yaml"
    path.write_text(MINI.replace("{name: Acme Power,", "{name: Acme \u202ePower,", 1))
    r = run("validate", str(path))
    assert r.returncode == 1
    assert (
        "error: allocations[0].companies[0].name: U+202E RIGHT-TO-LEFT OVERRIDE "
        "in allocations[0].companies[0].name" in r.stdout
    )


def test_a_zero_width_joiner_in_free_text_is_a_warning_shown_visibly(deals_dir: Path) -> None:
    path = deals_dir / "mini.yaml"
    path.write_text(MINI.replace("title: Power plant", "title: Power\u200dplant"))
    v = run("validate", str(path))
    assert v.returncode == 0
    assert "warning: allocations[0].title: U+200D ZERO WIDTH JOINER" in v.stdout
    r = run("--deals-dir", str(deals_dir), "show", "mini", "-s", "allocations", "-f", "csv")
    assert "Power\u27e8U+200D\u27e9plant" in r.stdout
    assert "\u200d" not in r.stdout


def test_file_names_are_cleaned_before_printing(tmp_path: Path) -> None:
    folder = tmp_path / "deals"
    folder.mkdir()
    (folder / "evil\x1b]0;owned\x07.yaml").write_text("format: 1\nid: [unclosed\n")
    listing = run("--deals-dir", str(folder), "list")
    assert "\x1b" not in listing.stderr
    assert "evil\u241b]0;owned\u2407.yaml" in listing.stderr
    check = run("validate", str(folder))
    assert check.returncode == 1
    assert "\x1b" not in check.stdout
    assert "evil\u241b]0;owned\u2407.yaml" in check.stdout


def test_bundled_deals_have_no_hidden_characters() -> None:
    for path in BUNDLED.glob("*.yaml"):
        assert hidden(path.read_text()) == [], path
