"""`python -X importtime` of the Python API: what `import dealcli` and a warm `load()` import.

Each statement runs in a fresh process (after one run that warms the deal cache), 7 times;
the table gives the median total import time (the sum of every module's own time), the
median of dealcli's own imports, how many modules were loaded, and which of the shell's
libraries and pydantic were. Writes its section of bench/results.md (replacing an older one).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent
TITLE = "## The Python API (`python -X importtime`)"
WATCHED = ("typer", "rich", "click", "tabulate", "xlsxwriter", "pydantic", "yaml")
RUNS = 7

CASES = [
    ("import dealcli", "import dealcli"),
    ("import dealcli; dealcli.load()", "import dealcli; dealcli.load()"),
    (
        'load()["japan"] and its allocations as records',
        "import dealcli; d = dealcli.load(); dealcli.allocations(d['japan']).to_records()",
    ),
    ("for comparison: import typer", "import typer"),
]


def once(code: str) -> tuple[float, float, int, set[str], float]:
    """Total import ms, dealcli's own import ms, modules, the watched roots loaded, wall ms."""
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = (time.perf_counter() - start) * 1000
    total = ours = 0.0
    names: set[str] = set()
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, _, name = line[len("import time:") :].split("|")
        name = name.strip()
        names.add(name.split(".")[0])
        total += int(own) / 1000
        if name.startswith("dealcli"):
            ours += int(own) / 1000
    return total, ours, len(out.stderr.splitlines()), names & set(WATCHED), wall


DEAL = str(Path(sys.executable).parent / "deal")
CLI_TITLE = "## Start-up imports (`python -X importtime`)"
CLI_CASES = [
    ["show", "japan", "-f", "csv"],
    ["show", "japan", "-f", "table"],  # what a terminal imports, drawn into a pipe
    ["--version"],
]


def slowest(argv: list[str]) -> tuple[float, int, list[tuple[str, float]]]:
    """Total import ms, modules, and the three top-level packages or modules whose import
    took longest, with what they import, in one run of the installed `deal`."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", DEAL, *argv],
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    )
    total, count, top = 0.0, 0, []
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line[len("import time:") :].split("|")
        total += int(own) / 1000
        count += 1
        if "." not in name:  # a package or module of its own (typer, click, yaml ...)
            top.append((name.strip(), int(cumulative) / 1000))
    return total, count, sorted(top, key=lambda t: -t[1])[:3]


def cli_section() -> str:
    rows = []
    for argv in CLI_CASES:
        slowest(argv)  # warms the deal cache
        runs = [slowest(argv) for _ in range(RUNS)]
        total = statistics.median(r[0] for r in runs)
        names = [name for name, _ in runs[0][2]]  # the median time of each of the first run's three
        times = [statistics.median(dict(r[2]).get(n, 0.0) for r in runs) for n in names]
        three = ", ".join(f"{n} {t:.0f} ms" for n, t in zip(names, times, strict=True))
        rows.append(f"| `deal {' '.join(argv)}` | {total:.1f} | {runs[0][1]} | {three} |")
    return "\n".join(
        [
            CLI_TITLE,
            "",
            f"`python -X importtime` of the installed `deal`, cache warm, median of {RUNS} runs. "
            "Import ms: the sum of every module's own time; the three slowest: the packages "
            "or modules (`typer`, not `typer.main`) whose import took longest, with what they "
            "import (one may import another).",
            "",
            "| command | import ms | modules | the three slowest imports |",
            "|---|---:|---:|---|",
            *rows,
            "",
        ]
    )


def replace_section(text: str, title: str, section: str) -> str:
    if title in text:
        before, _, after = text.partition(title)
        rest = after.split("\n## ", 1)
        return before + section + ("\n## " + rest[1] if len(rest) > 1 else "")
    return text.rstrip("\n") + "\n\n" + section


def main() -> None:
    rows = []
    for label, code in CASES:
        once(code)  # warms the deal cache
        runs = [once(code) for _ in range(RUNS)]
        total = statistics.median(r[0] for r in runs)
        ours = statistics.median(r[1] for r in runs)
        wall = statistics.median(r[4] for r in runs)
        loaded = ", ".join(sorted(set().union(*(r[3] for r in runs)))) or "none"
        rows.append(
            f"| `{label}` | {total:.1f} | {ours:.1f} | {wall:.0f} | {runs[0][2]} | {loaded} |"
        )
    section = "\n".join(
        [
            TITLE,
            "",
            f"Each statement a fresh `python -X importtime -c ...` from the project folder, deal cache "
            f"warm, median of {RUNS} runs (`python bench/importtime.py`). Import ms: the sum of "
            "every module's own import time; dealcli ms: dealcli's modules alone; wall ms: the "
            "whole process, interpreter start-up included.",
            "",
            "| statement | import ms | dealcli ms | wall ms | modules | of typer, rich, click, tabulate, xlsxwriter, pydantic, yaml |",
            "|---|---:|---:|---:|---:|---|",
            *rows,
            "",
        ]
    )
    cli = cli_section()
    results = HERE / "results.md"
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    text = replace_section(replace_section(text, TITLE, section), CLI_TITLE, cli)
    results.write_text(text, encoding="utf-8")
    print(section)
    print(cli)


if __name__ == "__main__":
    main()
