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
    results = HERE / "results.md"
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    if TITLE in text:
        before, _, after = text.partition(TITLE)
        rest = after.split("\n## ", 1)
        text = before + section + ("\n## " + rest[1] if len(rest) > 1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    results.write_text(text, encoding="utf-8")
    print(section)


if __name__ == "__main__":
    main()
