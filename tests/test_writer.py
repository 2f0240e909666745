"""The one writer of `-o` and export files: hard links, long names, resolved targets, sets."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from dealcli.core.errors import UsageError
from dealcli.output import files

from .conftest import invoke


def _linked(tmp_path: Path, text: str) -> tuple[Path, Path]:
    target = tmp_path / "out.csv"
    target.write_text(text)
    other = tmp_path / "other-name.csv"
    os.link(target, other)
    return target, other


@pytest.mark.parametrize("new", ["short\n", "a much longer content than before\n" * 2000])
def test_a_hard_linked_file_is_rewritten_whole_for_every_link(tmp_path: Path, new: str) -> None:
    target, other = _linked(tmp_path, "old content, longer than the short one\n")
    inode = target.stat().st_ino
    files.write_output(target, new)
    assert other.read_text() == target.read_text() == new  # no old tail left
    assert target.stat().st_ino == inode and target.stat().st_nlink == 2


def test_a_full_disk_leaves_a_hard_linked_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target, other = _linked(tmp_path, "old\n")

    def full(fd: int, offset: int, length: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "posix_fallocate", full)
    with pytest.raises(UsageError, match="No space left on device"):
        files.write_output(target, "new content\n" * 100)
    assert other.read_text() == target.read_text() == "old\n"  # not truncated


def test_a_hard_linked_file_is_cut_only_after_the_new_content_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target, other = _linked(tmp_path, "x" * 100_000)
    calls: list[str] = []
    real_pwrite, real_truncate = os.pwrite, os.ftruncate

    def pwrite(fd: int, data: bytes, offset: int) -> int:
        calls.append("write")
        return real_pwrite(fd, data, offset)

    def ftruncate(fd: int, length: int) -> None:
        calls.append(f"cut to {length}")
        real_truncate(fd, length)

    monkeypatch.setattr(os, "pwrite", pwrite)
    monkeypatch.setattr(os, "ftruncate", ftruncate)
    files.write_output(target, "y" * 40_000)
    assert calls == ["write", "write", "write", "cut to 40000"]
    assert other.read_text() == "y" * 40_000


@pytest.mark.parametrize(
    "name",
    [
        "é" * 125 + ".csv",  # 254 bytes in 129 characters
        "x" * 251 + ".csv",  # 255 bytes, the limit
        "日本" * 41 + ".csv",  # 250 bytes: three to a character
        "😀" * 62 + ".csv",  # 252 bytes: four to a character
    ],
)
def test_a_name_at_the_byte_limit_is_written(tmp_path: Path, name: str) -> None:
    assert len(name.encode()) <= 255
    target = tmp_path / name
    files.write_output(target, "a\n")
    files.write_output(target, "b\n")  # replaced: its temporary name fits too
    assert target.read_text() == "b\n"
    assert os.listdir(tmp_path) == [name]


def test_an_export_set_with_a_name_at_the_byte_limit_is_written(tmp_path: Path) -> None:
    folder = tmp_path / ("é" * 127)  # 254 bytes
    for deal in ("japan", "korea"):
        r = invoke("export", deal, "-f", "csv", "-o", str(folder))
        assert r.exit_code == 0, r.stderr
    assert "south-korea" in (folder / "deals.csv").read_text()
    assert os.listdir(tmp_path) == [folder.name]


def test_a_target_spelled_under_dev_is_checked_as_what_it_is(tmp_path: Path) -> None:
    target = tmp_path / "kept.csv"
    target.write_text("mine\n")
    target.chmod(0o444)
    spelled = Path(f"/dev/..{tmp_path}/kept.csv")  # a regular file, whatever the spelling
    with pytest.raises(UsageError, match="read-only"):
        files.write_output(spelled, "new\n")
    assert target.read_text() == "mine\n"
    target.chmod(0o644)
    inode = target.stat().st_ino
    files.write_output(spelled, "new\n")
    assert target.read_text() == "new\n" and target.stat().st_ino != inode  # replaced whole


def test_a_target_spelled_through_proc_is_replaced_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    inode = target.stat().st_ino
    files.write_output(Path(f"/proc/self/root{target}"), "new\n")
    assert target.read_text() == "new\n" and target.stat().st_ino != inode
    assert stat.S_IMODE(target.stat().st_mode) == 0o644 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_symlink_to_a_read_only_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "kept.csv"
    target.write_text("mine\n")
    target.chmod(0o444)
    (tmp_path / "link.csv").symlink_to(target)
    r = invoke("list", "-o", str(tmp_path / "link.csv"))
    assert r.exit_code == 2 and "read-only" in r.stderr
    assert target.read_text() == "mine\n"


# -- an export set replaces only what it wrote ---------------------------------------------


def _export(folder: Path, deal: str = "japan") -> int:
    return invoke("export", deal, "-f", "csv", "-o", str(folder)).exit_code


def test_an_export_set_replaces_its_own_last_set(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    assert _export(folder) == 0
    assert _export(folder, "korea") == 0
    assert "south-korea" in (folder / "deals.csv").read_text()


def test_an_empty_folder_takes_an_export_set(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    folder.mkdir(mode=0o750)
    assert _export(folder) == 0
    assert stat.S_IMODE(folder.stat().st_mode) == 0o750  # the folder's mode is kept
    assert len(list(folder.glob("*.csv"))) == 11


@pytest.mark.parametrize("change", ["added", "edited", "replaced", "no-manifest", "forged"])
def test_an_export_set_changed_since_is_not_replaced(tmp_path: Path, change: str) -> None:
    folder = tmp_path / "set"
    assert _export(folder) == 0
    if change == "added":
        (folder / "notes.txt").write_text("my notes\n")
    elif change == "edited":
        with (folder / "deals.csv").open("a") as fh:
            fh.write("my own row\n")
    elif change == "replaced":
        (folder / "deals.csv").unlink()
        (folder / "deals.csv").write_text("my own table\n")
    elif change == "no-manifest":
        (folder / files.MANIFEST).unlink()
    else:
        (folder / files.MANIFEST).write_text("deal export set 1\nnotes.txt\t0\t0\t0\n")
        (folder / "notes.txt").write_text("")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    r = invoke("export", "korea", "-f", "csv", "-o", str(folder))
    assert r.exit_code == 2
    assert r.stderr.startswith(f"deal: error: {folder} holds ")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert os.listdir(tmp_path) == ["set"]


def test_export_to_dash_is_stdout_for_one_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    r = invoke("export", "japan", "-f", "json", "-o", "-")
    assert r.exit_code == 0 and r.stdout.startswith("[\n")
    r = invoke("export", "japan", "-f", "csv", "-o", "-")
    assert r.exit_code == 2 and "folder" in r.stderr
    assert list(tmp_path.iterdir()) == []  # no file named "-"


def test_a_read_only_export_set_is_not_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    assert _export(folder) == 0
    folder.chmod(0o555)
    try:
        r = invoke("export", "korea", "-f", "csv", "-o", str(folder))
        assert r.exit_code == 2 and "read-only" in r.stderr
        assert "japan" in (folder / "deals.csv").read_text()
    finally:
        folder.chmod(0o755)
