"""HTML and SVG pictures opened in a real headless Chromium: no script from the data runs.

Needs Debian's `chromium` and `chromium-driver` and the `selenium` package (the test extra);
`.ci/run` installs them. Outside CI a missing one skips these tests, saying which; in CI
(the CI variable set) it fails them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dealcli.core.table import Column, Report, Table
from dealcli.render.picture import picture

from .test_output_attacks import hostile_folder, plain_folder
from .test_process import run

# each payload, if it ran, would change the title and set window.pwned
RUN = "document.title='pwned';window.pwned=1"
PAYLOADS = [
    f"<script>{RUN}</script>",
    f'<img src=x onerror="{RUN}">',
    f'"><svg onload="{RUN}">',
    f'\'><iframe srcdoc="<script>parent.{RUN.replace(";", ";parent.")}</script>">',
    f'<a href="javascript:{RUN}">x</a>',
]
URLS = [
    f"javascript:{RUN}",
    f'https://example.gov/"><img/src/onerror={RUN}>',
    f"https://example.gov/'><img src=x onerror={RUN}>",
    "https://example.org/a?b=1&c=2",
]
# what the page itself is allowed: Rich's picture markup; nothing from the data adds to it
SNAPSHOT = """
return [document.title, window.pwned === undefined ? null : window.pwned,
        Array.from(document.querySelectorAll('*'), e =>
            e.tagName + '(' + Array.from(e.attributes, a => a.name).sort().join(',') + ')'),
        Array.from(document.querySelectorAll('a'), a => a.protocol)];
"""


def _missing() -> str:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is not installed (pip install '.[test]')"
    for tool, package in (("chromium", "chromium"), ("chromedriver", "chromium-driver")):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install {package})"
    return ""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = _missing()
    if missing and os.environ.get("CI"):
        pytest.fail(f"CI needs a real browser for these tests: {missing}")
    if missing:
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    yield driver
    driver.quit()


def _open(browser: Any, path: Path) -> list[Any]:
    browser.get(path.as_uri())
    result: list[Any] = browser.execute_script(SNAPSHOT)
    return result


def _report(text: str, urls: list[str]) -> Report:
    table = Table(
        "sources",
        text,
        [
            Column("title", "Title", main=True),
            Column("publisher", "Publisher"),
            Column("url", "URL", link=True),
        ],
    )
    for url in urls:
        table.add(text, text, url)
    return Report(text, [table], caption=text)


@pytest.mark.parametrize("kind", ["html", "svg"])
def test_no_script_from_the_data_runs_in_a_picture(browser: Any, tmp_path: Path, kind: str) -> None:
    plain_path, hostile_path = tmp_path / f"plain.{kind}", tmp_path / f"hostile.{kind}"
    plain_path.write_text(picture(_report("Plain title", ["https://example.org/a"] * 4), kind))
    hostile_path.write_text(picture(_report(" ".join(PAYLOADS), URLS), kind))
    title, pwned, elements, protocols = _open(browser, hostile_path)
    plain_title, _, plain_elements, _ = _open(browser, plain_path)
    assert pwned is None
    assert title == plain_title  # Rich's own title ("Rich" for HTML, none for SVG)
    assert set(elements) <= set(plain_elements)  # no element or attribute the data made
    assert set(protocols) <= {"https:", "http:"}
    assert "pwned" not in title


@pytest.mark.parametrize("kind", ["html", "svg"])
def test_deal_show_writes_a_page_that_runs_nothing(browser: Any, tmp_path: Path, kind: str) -> None:
    out, plain_out = tmp_path / f"show.{kind}", tmp_path / f"plain.{kind}"
    folder = hostile_folder(tmp_path)
    r = run("--deals-dir", str(folder), "show", "mini", f"--{kind}", str(out), cwd=tmp_path)
    if r.returncode != 0:  # the address refused by validation: then text fields carry it
        (tmp_path / "b").mkdir()
        folder = hostile_folder(tmp_path / "b", url="https://example.org/a")
        r = run("--deals-dir", str(folder), "show", "mini", f"--{kind}", str(out), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    p = run(
        "--deals-dir",
        str(plain_folder(tmp_path)),
        "show",
        "mini",
        f"--{kind}",
        str(plain_out),
        cwd=tmp_path,
    )
    assert p.returncode == 0, p.stderr
    title, pwned, elements, protocols = _open(browser, out)
    plain_title, _, plain_elements, _ = _open(browser, plain_out)
    assert pwned is None and title == plain_title
    assert set(elements) <= set(plain_elements)
    assert set(protocols) <= {"https:", "http:"}
