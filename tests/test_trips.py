"""Small things a user trips on (issue 23, item 7), as the installed `deal` says them: the
exit code and the text on stdout and stderr."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import BUNDLED, run


def _error(stderr: str) -> str:
    return next(line for line in stderr.splitlines() if line.startswith("deal: error:"))


@pytest.mark.parametrize(
    ("args", "nearest"),
    [
        (["show", "japan", "--formt", "csv"], "--format"),
        (["show", "japan", "--secton", "totals"], "--section"),
        (["list", "--no-pagr"], "--no-pager"),
        (["compare", "japan", "korea", "--wdie"], "--wide"),
    ],
)
def test_a_mistyped_option_suggests_the_nearest_first(args: list[str], nearest: str) -> None:
    r = run(*args)
    assert r.returncode == 2
    line = _error(r.stderr)
    found = re.search(r"did you mean (.*)\?$", line)
    assert found, line
    assert found.group(1).split(", ")[0] == nearest, line
    assert "--bom" not in line  # `--formt` once suggested --bom first


def _broken(folder: Path, name: str = "zz") -> Path:
    """The bundled Japan deal as `name`.yaml, its second allocation's status mistyped."""
    text = (
        (BUNDLED / "japan.yaml").read_text(encoding="utf-8").replace("id: japan", f"id: {name}", 1)
    )
    lines = text.splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if line.strip() == "status: selected")
    lines[n] = lines[n].replace("selected", "selcted")
    path = folder / f"{name}.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_a_mistyped_status_gets_did_you_mean(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    r = run("validate", str(path))
    assert r.returncode == 1
    assert "status: 'selcted' is not allowed here; did you mean 'selected'?" in r.stdout


def test_validate_reports_problems_on_stdout_and_the_count_on_stderr(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    good = tmp_path / "ok.yaml"
    good.write_text((BUNDLED / "south-korea.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    r = run("validate", str(tmp_path))
    assert r.returncode == 1
    out = r.stdout.splitlines()
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: error: allocations\[1\]\.status", out[0])
    assert out[1].startswith("  hint: use one of")
    assert r.stderr.strip() == "2 file(s): 1 valid, 1 invalid, 0 warning(s)"
    assert "stdout" in run("validate", "--help").stdout  # and the help says where each goes


def test_a_named_deal_whose_file_fails_to_load_says_so(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    r = run("--deals-dir", str(tmp_path), "show", "zz")
    assert r.returncode == 1  # invalid deal data, not a usage error
    assert "deal: error: no deal named 'zz': zz.yaml exists but failed to load" in r.stderr
    assert re.search(rf"{re.escape(str(path))}:\d+:\d+: error: .*'selcted'", r.stderr)
    assert f"deal validate {path}" in r.stderr
    assert "available deals" not in r.stderr
    # a name no file has is still a usage error
    other = run("--deals-dir", str(tmp_path), "show", "nothing-here")
    assert other.returncode == 2 and "no deal named 'nothing-here'" in other.stderr
