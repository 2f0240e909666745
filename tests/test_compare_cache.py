"""`deal compare` from the measures kept in the folder cache: the same bytes as computed from
the deals, for the bundled deals and a generated folder, today and as of a day; a kept row
that is damaged, planted or of another deal is computed again; a changed file is read again."""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from dealcli.core.compared import Compared, compared
from dealcli.core.reading import read_deal
from dealcli.render import Options, render
from dealcli.views.compare import compare, compare_measures

from .conftest import BUNDLED, invoke

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate

DEALS = [read_deal(p) for p in sorted(BUNDLED.glob("*.yaml"))]
FORMATS = ("csv", "json", "plain")


@pytest.fixture
def generated(tmp_path: Path) -> Path:
    folder = tmp_path / "generated"
    generate(40, folder)
    return folder


def run(*args: str, cache: bool = True) -> str:
    result = invoke(*args, env={} if cache else {"DEAL_NO_CACHE": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("day", [None, date(2025, 9, 1), date(2026, 3, 1)])
def test_kept_measures_give_the_same_report_as_the_deals(day: date | None) -> None:
    kept = [Compared.from_row(json.loads(json.dumps(compared(d).row()))) for d in DEALS]
    assert kept == [compared(d) for d in DEALS]
    for fmt in FORMATS:
        shown = render(compare_measures(kept, day=day), Options(format=fmt))
        assert shown == render(compare(DEALS, day=day), Options(format=fmt))


@pytest.mark.parametrize("args", [[], ["--as-of", "2025-12-31"], ["-s", "tariff", "-s", "kinds"]])
def test_a_warm_run_writes_what_a_run_without_a_cache_writes(
    generated: Path, args: list[str]
) -> None:
    for where in ([], ["--deals-dir", str(generated)]):
        command = [*where, "compare", "--all", "-f", "csv", *args]
        fresh = run(*command, cache=False)
        assert run(*command) == fresh  # the cache filled
        assert run(*command) == fresh  # and read


def kept_file(home: Path) -> Path:
    (found,) = [p for p in (home / "cache").rglob("compare.json") if "generated" not in str(p)]
    return found


def rewrite(path: Path, value: object) -> None:
    text = json.dumps(value, separators=(",", ":")).encode()
    path.write_bytes(hashlib.blake2b(text, digest_size=32).hexdigest().encode() + b"\n" + text)


def test_a_damaged_or_planted_row_is_computed_again(fixed_env: Path) -> None:
    fresh = run("compare", "--all", "-f", "csv", cache=False)
    assert run("compare", "--all", "-f", "csv") == fresh
    path = kept_file(fixed_env)
    rows = json.loads(path.read_bytes().partition(b"\n")[2])
    first, second, third, fourth = list(rows)[:4]
    rows[first][4] = "NaN"  # a headline that is no number
    rows[second] = rows[third]  # another deal's measures
    rows[third] = rows[third][:-1]  # a row of another layout
    rows[fourth][2] = 5  # a day that is no text
    rewrite(path, rows)
    assert run("compare", "--all", "-f", "csv") == fresh
    path.write_bytes(b"0" * 64 + b"\n{}")  # a file whose hash does not match
    assert run("compare", "--all", "-f", "csv") == fresh


def test_a_changed_file_is_compared_as_it_now_reads(generated: Path) -> None:
    command = ["--deals-dir", str(generated), "compare", "--all", "-s", "pledges", "-f", "csv"]
    before = run(*command)
    path = generated / "gen-00003.yaml"
    text = path.read_text()
    head = read_deal(path).headline.usd_bn
    path.write_text(
        text.replace(f"headline: {{usd_bn: {head},", f"headline: {{usd_bn: {head + 1},")
    )
    after = run(*command)
    assert after == run(*command, cache=False) != before
