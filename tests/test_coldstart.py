"""A first run over many new files: read in parallel, the same deals and problems as one by
one, and a progress bar only in a terminal."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import pytest

from dealcli.cli import progress
from dealcli.core import fresh
from dealcli.core.registry import open_registry

from .conftest import FIXTURES, invoke


def _folder(tmp_path: Path, count: int) -> Path:
    """`count` valid deals made from the mini deal, and one broken file among them."""
    folder = tmp_path / "many"
    folder.mkdir()
    text = (FIXTURES / "mini.yaml").read_text()
    for n in range(count):
        body = text.replace("id: mini", f"id: mini-{n:03d}").replace("[mn]", f"[mn{n}]")
        (folder / f"mini-{n:03d}.yaml").write_text(body)
    (folder / "mini-050b.yaml").write_text(text.replace("usd_bn: 100,", "usd_bn: lots,"))
    return folder


def _seen(registry) -> tuple[list, list, list]:
    entries = list(registry.entries.values())
    return (
        [e.summary.row() for e in entries],
        [str(p) for p in registry.problems],
        [(e.deal.id, len(e.deal.allocations), e.deal.headline.usd_bn) for e in entries],
    )


def test_many_new_files_read_in_parallel_give_what_one_by_one_gives(tmp_path: Path) -> None:
    folder = _folder(tmp_path, fresh.PARALLEL_FROM + 12)
    calls: list[tuple[int, int]] = []
    cached = open_registry(
        [folder], cache_dir=tmp_path / "cache", progress=lambda *c: calls.append(c)
    )
    alone = open_registry([folder], cache_dir=None)  # no cache: one by one, in this process
    assert _seen(cached) == _seen(alone)
    _, problems, deals = _seen(cached)
    assert len(deals) == fresh.PARALLEL_FROM + 12 + 8  # and the eight bundled deals
    assert [p for p in problems if "mini-050b.yaml" in p] and "usd_bn" in problems[0]
    # every file read is counted once, in order, from 0 to all of them: the bundled
    # folder's, then the folder's
    total = fresh.PARALLEL_FROM + 13
    assert calls == [(n, 8) for n in range(9)] + [(n, total) for n in range(total + 1)]
    # the next run, from the cache, gives the same (the files, just written, are hashed
    # again: their stamps cannot tell a change within the clock's resolution)
    again = open_registry([folder], cache_dir=tmp_path / "cache")
    assert _seen(again) == _seen(alone)


def test_a_changed_file_is_read_again_after_a_parallel_first_run(tmp_path: Path) -> None:
    folder = _folder(tmp_path, fresh.PARALLEL_FROM + 2)
    open_registry([folder], cache_dir=tmp_path / "cache")
    path = folder / "mini-007.yaml"
    path.write_text(path.read_text().replace("title: Mini test deal", "title: Renamed"))
    reg = open_registry([folder], cache_dir=tmp_path / "cache")
    assert reg.resolve("mini-007").summary.title == "Renamed"
    assert reg.resolve("mini-007").deal.title == "Renamed"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_reading_draws_a_bar_in_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    clock = itertools.count(0, 0.25)  # each look at the clock a quarter second later
    monkeypatch.setattr(progress, "clock", lambda: next(clock))
    stream = _Terminal()
    shown = progress.progress_for(stream)
    assert shown is not None
    for done in range(0, 101):
        shown(done, 100)
    drawn = stream.getvalue()
    assert "Reading deal files" in drawn and "100%" in drawn
    assert drawn.endswith("\x1b[2K")  # and cleared when done


@pytest.mark.parametrize(("wish", "coloured"), [("never", False), ("always", True)])
def test_the_bar_takes_the_colour_wish(
    monkeypatch: pytest.MonkeyPatch, wish: progress.ColorWish, coloured: bool
) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    clock = itertools.count(0, 0.25)
    monkeypatch.setattr(progress, "clock", lambda: next(clock))
    stream = _Terminal()
    shown = progress.progress_for(stream, wish)
    assert shown is not None
    for done in range(0, 101):
        shown(done, 100)
    drawn = stream.getvalue()
    assert "Reading deal files" in drawn
    # colour is a select graphic rendition (ESC [ ... m); the cursor and line codes stay
    assert bool(re.search(r"\x1b\[[0-9;]+m", drawn)) == coloured


def test_a_slow_first_file_alone_draws_no_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first file carries the one-time imports: nine files whose first takes 0.3 s and
    the rest 10 ms each (0.38 s in all) are not a long reading."""
    monkeypatch.setenv("TERM", "xterm-256color")
    now = [0.0]
    monkeypatch.setattr(progress, "clock", lambda: now[0])
    stream = _Terminal()
    shown = progress.progress_for(stream)
    assert shown is not None
    shown(0, 9)
    for done in range(1, 10):
        now[0] += 0.3 if done == 1 else 0.01
        shown(done, 9)
    assert stream.getvalue() == ""


def test_a_short_reading_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    clock = itertools.count(0, 0.001)
    monkeypatch.setattr(progress, "clock", lambda: next(clock))
    stream = _Terminal()
    shown = progress.progress_for(stream)
    assert shown is not None
    for done in range(0, 101):
        shown(done, 100)
    assert stream.getvalue() == ""


def test_no_bar_into_a_pipe_or_a_file(tmp_path: Path) -> None:
    assert progress.progress_for(io.StringIO()) is None
    folder = _folder(tmp_path, fresh.PARALLEL_FROM)
    r = invoke("--deals-dir", str(folder), "list", "-f", "csv")
    assert r.exit_code == 0
    assert len(r.stdout.splitlines()) == 1 + 8 + fresh.PARALLEL_FROM
    assert "Reading" not in r.stderr


def test_validate_of_many_files_in_parallel_says_what_one_by_one_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dealcli.core import pool

    folder = _folder(tmp_path, pool.PARALLEL_FROM + 12)
    text = (folder / "mini-003.yaml").read_text()
    (folder / "mini-060z.yaml").write_text(text)  # the id of mini-003 again
    japan = (FIXTURES.parents[1] / "deals" / "japan.yaml").read_text()
    assert "context: [us-tariffs]" in japan
    named = japan.replace("context: [us-tariffs]", "context: [nowhere]")
    (folder / "mini-061z.yaml").write_text(named.replace("id: japan", "id: other", 1))
    r = invoke("validate", str(folder))
    monkeypatch.setattr(pool, "PARALLEL_FROM", 10_000)  # one by one, in this process
    alone = invoke("validate", str(folder))
    assert (r.exit_code, r.stdout, r.stderr) == (alone.exit_code, alone.stdout, alone.stderr)
    assert r.exit_code == 1 and "63 file(s): 62 valid, 1 invalid" in r.stderr
    lines = r.stdout.splitlines()
    assert "mini-050b.yaml" in lines[0] and "usd_bn" in lines[0]  # in the files' order
    assert f"{folder / 'mini-060z.yaml'}: warning: id 'mini-003' is also used by" in r.stdout
    assert f"{folder / 'mini-061z.yaml'}: warning: context 'nowhere' names no record" in r.stdout
