"""`make bench`: bench/results.md from what bench/run.py and bench/scale.py measured, and
the targets, each with its measured value and whether it is met (printed, and written)."""

from __future__ import annotations

import os
import platform
from pathlib import Path

HERE = Path(__file__).resolve().parent
TERMINAL = "in a terminal: "
FLOOR = "Typer floor (bench/floor.py)"
Target = tuple[str, str, bool]

# issue 27: the start-up targets, as medians of alternated runs against bench/floor.py
CSV_LIMIT, TERMINAL_LIMIT, VERSION_LIMIT = 1.0, 1.05, 0.6


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}; {os.cpu_count()} cores; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def terminal_section(terminal: dict, loads: str) -> tuple[list[str], list[Target]]:
    """The terminal timings: stdout a pseudo-terminal (80x24), no pager, colour on."""
    floor = terminal[TERMINAL + FLOOR]["median_ms"]
    lines = [
        "",
        "## In a terminal",
        "",
        f"Load average while measured: {loads}. Stdout a pseudo-terminal of 80x24 "
        "(TERM=xterm-256color, colour on, `DEAL_PAGER=` so nothing waits for a key), read as it "
        "comes. `deal show` shows every section by default.",
        "",
        "| command | median ms | min ms | × floor in a terminal | peak MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, r in terminal.items():
        lines.append(
            f"| `{name[len(TERMINAL) :]}` | {r['median_ms']:.0f} | {r['min_ms']:.0f} "
            f"| {r['median_ms'] / floor:.2f} | {r['peak_mb']:.0f} |"
        )
    ratio = terminal[TERMINAL + "deal show japan"]["median_ms"] / floor
    target = (
        f"`show japan` in a pseudo-terminal ≤ {TERMINAL_LIMIT}× the floor there",
        f"{ratio:.2f}×",
        ratio <= TERMINAL_LIMIT,
    )
    return lines, [target]


def write_results(
    startup: dict,
    scaled: dict,
    rejections: dict,
    cold: tuple[float, int],
    terminal: dict,
    loads: dict[str, str],
    extra: list[tuple[list[str], list[Target]]],
) -> int:
    """Write bench/results.md, print the targets; the number of targets missed."""
    runs = os.environ.get("RUNS", "10")
    floor = startup[FLOOR]["median_ms"]
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {machine()}.  ",
        f"Method: each command a fresh process, {runs} runs after a warm-up run, commands "
        "alternated; median wall time, peak RSS. Deal caches warm unless said. The load average "
        "(other work on the machine) is given with each table. `make bench` writes this file.",
        "",
        "## Start-up",
        "",
        f"Load average while measured: {loads['startup']}.",
        "",
        "| command | median ms | min ms | × Typer floor | peak MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, r in startup.items():
        lines.append(
            f"| `{name}` | {r['median_ms']:.0f} | {r['min_ms']:.0f} "
            f"| {r['median_ms'] / floor:.2f} | {r['peak_mb']:.0f} |"
        )
    # the cost each deal adds, start-up taken out: linear scaling keeps it flat
    base = scaled["deal list (bundled deals only)"]["median_ms"]
    per_1k = (scaled["deal list (1,000 deals)"]["median_ms"] - base) / 1000
    per_10k = (scaled["deal list (10,000 deals)"]["median_ms"] - base) / 10000
    show_big = scaled["deal show japan -f csv (10,000 deals beside)"]["median_ms"]
    show_alone = startup["deal show japan -f csv"]["median_ms"]
    lines += [
        "",
        "## Scaling",
        "",
        f"Load average while measured: {loads['scale']}.",
        "",
        "| command | median ms | min ms | peak MB |",
        "|---|---:|---:|---:|",
    ]
    for name, r in scaled.items():
        lines.append(
            f"| `{name}` | {r['median_ms']:.0f} | {r['min_ms']:.0f} | {r['peak_mb']:.0f} |"
        )
    lines.append(
        f"| `deal list (1,000 deals)`, no cache (first run) | {cold[0] * 1000:.0f} | "
        f"| {cold[1] / 1024:.0f} |"
    )
    csv_ratio = startup["deal show japan -f csv"]["median_ms"] / floor
    version_ratio = startup["deal --version"]["median_ms"] / floor
    targets: list[Target] = [
        (f"`show japan -f csv` ≤ {CSV_LIMIT}× floor", f"{csv_ratio:.2f}×", csv_ratio <= CSV_LIMIT),
        (
            f"`deal --version` ≤ {VERSION_LIMIT}× floor",
            f"{version_ratio:.2f}×",
            version_ratio <= VERSION_LIMIT,
        ),
        (
            "`list` over 1,000 deals < 1 s",
            f"{scaled['deal list (1,000 deals)']['median_ms']:.0f} ms",
            scaled["deal list (1,000 deals)"]["median_ms"] < 1000,
        ),
        (
            "`list`: cost per deal (start-up taken out), 10,000 vs 1,000 deals ≤ 1.2×",
            f"{per_10k * 1000:.0f} vs {per_1k * 1000:.0f} µs: {per_10k / per_1k:.2f}×",
            per_10k / per_1k <= 1.2,
        ),
        (
            "peak memory of `list`, 10,000 deals < 300 MB",
            f"{scaled['deal list (10,000 deals)']['peak_mb']:.0f} MB",
            scaled["deal list (10,000 deals)"]["peak_mb"] < 300,
        ),
        (
            "`show` beside 10,000 deals ≤ 1.5× bundled alone",
            f"{show_big / show_alone:.2f}×",
            show_big / show_alone <= 1.5,
        ),
    ]
    for name in [n for n in scaled if n.startswith(("deal pace", "deal diff gen-04242 <its"))]:
        ratio = scaled[name]["median_ms"] / show_alone
        targets.append(
            (
                f"`{name.split(' (')[0]}` beside 10,000 deals ≤ 1.5× `show japan` alone",
                f"{ratio:.2f}×",
                ratio <= 1.5,
            )
        )
    term_lines, term_targets = terminal_section(terminal, loads["terminal"])
    targets += term_targets
    lines += term_lines
    for more_lines, more_targets in extra:
        lines += more_lines
        targets += more_targets
    lines += [
        "",
        "## Rejecting hostile files (limit: 2 s each)",
        "",
        f"Load average while measured: {loads['rejections']}.",
        "",
        "| file | median ms | peak MB |",
        "|---|---:|---:|",
    ]
    for name, r in rejections.items():
        lines.append(f"| `{name}` | {r['median_ms']:.0f} | {r['peak_mb']:.0f} |")
    table = ["| target | measured | met |", "|---|---:|---|"]
    table += [f"| {t} | {m} | {'yes' if ok else '**not met**'} |" for t, m, ok in targets]
    # the targets first: what a reader looks for
    head = lines.index("## Start-up")
    text = "\n".join([*lines[:head], "## Targets", "", *table, "", *lines[head:]]) + "\n"
    (HERE / "results.md").write_text(text, encoding="utf-8")
    print(text)
    print("targets:")
    for t, m, ok in targets:
        print(f"  {'met    ' if ok else 'NOT MET'}  {t}: {m}")
    return sum(not ok for _, _, ok in targets)
