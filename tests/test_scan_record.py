"""A warm run reads the record of the folder's last scan instead of its index: used only
while a new scan hashes the same (every name and stamp), so that a file added, removed or
edited is seen, and checked as it is read, as the index is."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dealcli.core import registry
from dealcli.core.folders import RECORD

from .conftest import FIXTURES, invoke

MINI = (FIXTURES / "mini.yaml").read_text()
DAY_NS = 86_400 * 10**9


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file written before a run counts as settled, not racy: the record is written at
    once (else only once every file is two seconds old)."""
    monkeypatch.setattr(registry, "RACY_NS", 0)


def ids(folder: Path) -> set[str]:
    r = invoke("--deals-dir", str(folder), "list", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    assert "internal error" not in r.stderr
    return {row["id"] for row in csv.DictReader(io.StringIO(r.stdout))}


def record_path(home: Path) -> Path:
    (index,) = [p for p in (home / "cache").glob("*/index.json") if "mini.yaml" in p.read_text()]
    return index.parent / RECORD


def plant(path: Path, value: Any) -> None:
    text = json.dumps(value).encode()
    path.write_bytes(hashlib.blake2b(text, digest_size=32).hexdigest().encode() + b"\n" + text)


def stored(path: Path) -> Any:
    return json.loads(path.read_bytes().partition(b"\n")[2])


def test_a_warm_run_reads_the_record_and_no_index(
    deals_dir: Path, fixed_env: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "mini" in ids(deals_dir)
    assert stored(record_path(fixed_env))["names"] == "mini mn"
    assert stored(record_path(fixed_env))["owners"] == [0, 0]

    def no_index(*args: object) -> object:
        raise AssertionError("the index was read")

    monkeypatch.setattr(registry, "checked_index", no_index)
    assert "mini" in ids(deals_dir)
    r = invoke("--deals-dir", str(deals_dir), "show", "mn", "-s", "overview", "-f", "csv")
    assert r.exit_code == 0 and "Mini test deal" in r.stdout


def test_a_file_whose_id_changes_is_seen(deals_dir: Path, fixed_env: Path, settled: None) -> None:
    path = deals_dir / "mini.yaml"
    old = path.stat().st_mtime_ns - DAY_NS
    os.utime(path, ns=(old, old))
    assert "mini" in ids(deals_dir)
    assert record_path(fixed_env).exists()
    path.write_text(MINI.replace("id: mini", "id: maxi"))  # the same size
    os.utime(path, ns=(old, old))  # and the same mtime: its ctime tells
    assert ids(deals_dir) >= {"maxi"} and "mini" not in ids(deals_dir)
    r = invoke("--deals-dir", str(deals_dir), "show", "mini", "-f", "csv")
    assert r.exit_code == 2


def test_a_file_added_or_removed_is_seen(deals_dir: Path, fixed_env: Path, settled: None) -> None:
    assert "mini" in ids(deals_dir)
    (deals_dir / "other.yaml").write_text(
        MINI.replace("id: mini", "id: other").replace("mn]", "ot]")
    )
    assert {"mini", "other"} <= ids(deals_dir)
    assert "ot" in stored(record_path(fixed_env))["names"].split()
    (deals_dir / "mini.yaml").unlink()
    found = ids(deals_dir)
    assert "other" in found and "mini" not in found
    shutil.copy(FIXTURES / "mini.yaml", deals_dir / "mini.yaml")
    assert {"mini", "other"} <= ids(deals_dir)


def setter(key: str, to: Any) -> Callable[[dict[str, Any]], None]:
    def change(value: dict[str, Any]) -> None:
        value[key] = to

    return change


RECORD_CHANGES = {
    "a name in capitals": setter("names", "Mini mn"),
    "two hyphens": setter("names", "mini--a mn"),
    "a letter past ASCII": setter("names", "min\u0131 mn"),
    "a tab": setter("names", "mini\tmn"),
    "a leading hyphen": setter("names", "-mini mn"),
    "a trailing space": setter("names", "mini mn "),
    "two spaces": setter("names", "mini  mn"),
    "an empty line": setter("names", "mini mn\n"),
    "names as a list": setter("names", ["mini", "mn"]),
    "a file past the scan": setter("files", [5]),
    "a file as true": setter("files", [True]),
    "a file by name": setter("files", ["mini.yaml"]),
    "a file twice": setter("files", [0, 0]),
    "no owners": lambda value: value.pop("owners"),
    "owners as text": setter("owners", "0 0"),
    "an owner as true": setter("owners", [False, True]),
    "a name with no owner": setter("owners", [0]),
    "an owner past the files": setter("owners", [0, 1]),
    "a file with no name": lambda value: value.update(names="", owners=[]),
    "a problem of 3 fields": setter("problems", [[1, 2, 3]]),
    "problems as a dict": setter("problems", {}),
}


@pytest.mark.parametrize("change", RECORD_CHANGES.values(), ids=RECORD_CHANGES)
def test_a_planted_record_means_the_index_is_read(
    deals_dir: Path, fixed_env: Path, settled: None, change: Callable[[dict[str, Any]], None]
) -> None:
    assert "mini" in ids(deals_dir)
    path = record_path(fixed_env)
    value = stored(path)
    change(value)
    plant(path, value)
    assert "mini" in ids(deals_dir)
    completion = registry.open_registry([deals_dir], cache_dir=fixed_env / "cache").completions()
    assert "mini" in completion and "mn" in completion
    assert stored(path)["names"] == "mini mn"  # written again from the index


def test_a_record_of_another_scan_is_not_used(
    deals_dir: Path, fixed_env: Path, settled: None
) -> None:
    assert "mini" in ids(deals_dir)
    path = record_path(fixed_env)
    value = stored(path)
    value["names"] = "planted pl"
    value["scan"] = "0" * 64
    plant(path, value)
    found = ids(deals_dir)
    assert "mini" in found and "planted" not in found
