"""What the cache holds is input too: a planted entry that passes its hash but holds
anything a deal file could not is read again from the deal file, never shown, never an
error; and the core never prints a cache warning itself."""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dealcli.core import cache, registry

from .conftest import invoke

Change = Callable[[Any], None]


def plant(path: Path, value: Any) -> None:
    """A cache file as deal writes one: the SHA-256 of the JSON, then the JSON."""
    text = json.dumps(value).encode()
    path.write_bytes(hashlib.blake2b(text, digest_size=32).hexdigest().encode() + b"\n" + text)


def stored(path: Path) -> Any:
    return json.loads(path.read_bytes().partition(b"\n")[2])


def folder_cache(home: Path) -> Path:
    (index,) = [p for p in (home / "cache").glob("*/index.json") if "mini.yaml" in p.read_text()]
    return index.parent


def deal_cache(home: Path) -> Path:
    name = hashlib.blake2b(b"mini.yaml", digest_size=32).hexdigest()[:32] + ".json"
    return folder_cache(home) / name


def overview(folder: Path) -> tuple[int, list[dict[str, str]], str]:
    r = invoke("--deals-dir", str(folder), "show", "mini", "-s", "overview", "-f", "csv")
    return r.exit_code, list(csv.DictReader(io.StringIO(r.stdout))), r.stderr


def listing(folder: Path) -> tuple[int, list[dict[str, str]], str]:
    r = invoke("--deals-dir", str(folder), "list", "-f", "csv")
    rows = [row for row in csv.DictReader(io.StringIO(r.stdout)) if row["id"] == "mini"]
    return r.exit_code, rows, r.stderr


def setter(*path: Any, to: Any) -> Change:
    def change(value: Any) -> None:
        for step in path[:-1]:
            value = value[step]
        value[path[-1]] = to

    return change


def dropper(*path: Any) -> Change:
    def change(value: Any) -> None:
        for step in path[:-1]:
            value = value[step]
        del value[path[-1]]

    return change


# Deal fields by position (core/model.py): 0 format, 1 id, 2 title, 5 headline (0 usd_bn),
# 7 updated, 8 sources, 10 period (0 from, 1 to), 13 allocations (0 id, 3 status, 4 sources)
DEAL_CHANGES = {
    "NaN amount": setter(5, 0, to="NaN"),
    "infinite amount": setter(5, 0, to="Infinity"),
    "huge amount": setter(5, 0, to="1e999999999"),
    "negative amount": setter(5, 0, to="-5"),
    "amount of 10,000 digits": setter(5, 0, to="1" * 10_000),
    "amount past the places": setter(5, 0, to="0.0000000001"),
    "amount as a number": setter(5, 0, to=100),
    "id of another type": setter(1, to=7),
    "id that is no slug": setter(1, to="Not An Id"),
    "empty title": setter(2, to=""),
    "format true": setter(0, to=True),
    "impossible date": setter(7, to="2026-02-30"),
    "date of another form": setter(7, to="20260131"),
    "missing field": dropper(2),
    "unknown status": setter(13, 0, 3, to="imagined"),
    "undefined source": setter(13, 0, 4, to=["nope"]),
    "reversed period": setter(10, 0, to="2030-01-01"),
    "mapping for a list": setter(13, to={}),
    "not a list": lambda value: value.clear() or value.append("x"),
}


@pytest.mark.parametrize("change", DEAL_CHANGES.values(), ids=DEAL_CHANGES)
def test_a_planted_deal_is_read_again_from_its_file(
    deals_dir: Path, fixed_env: Path, change: Change
) -> None:
    code, before, _ = overview(deals_dir)
    assert code == 0 and before
    path = deal_cache(fixed_env)
    value = stored(path)
    change(value)
    plant(path, value)
    code, after, err = overview(deals_dir)
    assert code == 0, err
    assert after == before  # the deal file's figures, not the planted ones
    assert "internal error" not in err
    assert err.count("cache: unreadable") == 1  # one warning, then the entry is rewritten
    assert overview(deals_dir) == (0, before, "")


INDEX_CHANGES = {
    "names of another type": setter("names", "mini.yaml", to=[7]),
    "names as text": setter("names", "mini.yaml", to="mini"),
    "two names in one": setter("names", "mini.yaml", to=["mini\nmn"]),
    "an empty name": setter("names", "mini.yaml", to=["mini", ""]),
    "no names": setter("names", "mini.yaml", to=[]),
    "problem of 3 fields": setter("problems", "mini.yaml", to=[[1, 2, 3]]),
    "problem line as text": setter(
        "problems", "mini.yaml", to=[["f", "m", "1", None, "", "", False]]
    ),
    "stamp as text": setter("stamps", "mini.yaml", to="now"),
    "racy hash as a number": setter("racy", "mini.yaml", to=12),
}


@pytest.mark.parametrize("change", INDEX_CHANGES.values(), ids=INDEX_CHANGES)
def test_a_planted_index_means_the_folder_is_read_again(
    deals_dir: Path, fixed_env: Path, change: Change
) -> None:
    code, before, _ = listing(deals_dir)
    assert code == 0 and before
    path = folder_cache(fixed_env) / "index.json"
    value = stored(path)
    change(value)
    plant(path, value)
    code, after, err = listing(deals_dir)
    assert (code, after) == (0, before), err
    assert "internal error" not in err
    completion = registry.open_registry([deals_dir], cache_dir=fixed_env / "cache").completions()
    assert "mini" in completion and "mn" in completion


# Row fields by position (summary.Summary): 0 id, 1 names, 2 title, 5 headline, 9 updated
ROW_CHANGES = {
    "NaN headline": setter(5, to="NaN"),
    "headline as a number": setter(5, to=100),
    "title as a number": setter(2, to=7),
    "names of another deal": setter(1, to=["other"]),
    "impossible date": setter(9, to="2026-02-30"),
    "short row": dropper(11),
    "binding as text": setter(11, to="yes"),
}


@pytest.mark.parametrize("change", ROW_CHANGES.values(), ids=ROW_CHANGES)
def test_a_planted_list_row_is_computed_again(
    deals_dir: Path, fixed_env: Path, change: Change
) -> None:
    code, before, _ = listing(deals_dir)
    assert code == 0 and before and before[0]["pledged_usd_bn"] == "100"
    path = folder_cache(fixed_env) / "rows.json"
    value = stored(path)
    row = copy.deepcopy(value["mini.yaml"])
    change(row)
    value["mini.yaml"] = row
    plant(path, value)
    code, after, err = listing(deals_dir)
    assert (code, after) == (0, before), err
    assert "internal error" not in err


def test_the_core_reports_a_late_cache_warning_and_never_prints(
    deals_dir: Path, fixed_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert overview(deals_dir)[0] == 0
    path = deal_cache(fixed_env)
    value = stored(path)
    value[5][0] = "NaN"
    plant(path, value)
    capsys.readouterr()
    found = registry.open_registry([deals_dir], cache_dir=fixed_env / "cache")
    told: list[str] = []
    found.report = told.append
    assert found.resolve("mini").deal.headline.usd_bn == 100
    assert capsys.readouterr() == ("", "")  # nothing printed by the core
    assert len(told) == 1 and "cache: unreadable (ValueError)" in told[0]
    assert found.problems == []  # a cache problem is not a problem of the deals


def test_a_cache_warning_is_not_fatal_under_strict(deals_dir: Path, fixed_env: Path) -> None:
    assert overview(deals_dir)[0] == 0
    path = deal_cache(fixed_env)
    plant(path, [1, 2, 3])
    r = invoke("--strict", "--deals-dir", str(deals_dir), "show", "mini", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    assert r.stderr.count("cache: unreadable") == 1


def test_a_cached_deal_is_checked_against_the_names_the_index_gives(mini: Any) -> None:
    data = json.loads(json.dumps(cache.encode(mini)))
    assert cache.decode_deal(data, ("mini", "mn")) == mini
    with pytest.raises(ValueError, match="not the one the index names"):
        cache.decode_deal(data, ("other",))
