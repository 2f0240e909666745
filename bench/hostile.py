"""Hostile files within the limits: time and peak memory of `deal` rejecting them.

Generates the files of the hardening issue (1 MB of `allocations: [{}, ...]`,
240,000 empty allocations, 50,000 unknown keys, the worst cases the caps still
let through, a sparse 1 GiB file, a /dev/zero link, a FIFO), runs `deal validate`
on each and `deal show japan` beside each in a deals folder, and appends the table
to bench/results.md under "Hostile within limits" (replacing that section only).
The target: every case under 2 s and 200 MB.

    python bench/hostile.py        # RUNS=3 by default
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEAL = str(Path(sys.executable).parent / "deal")
RUNS = int(os.environ.get("RUNS", "3"))
HEADING = "## Hostile within limits"
LIMIT_S, LIMIT_MB = 2.0, 200


def texts() -> dict[str, str]:
    one_mb = "allocations: [" + ", ".join(["{}"] * 250_000) + "]\n"
    return {
        "1 MB of allocations: [{}, ...]": one_mb,
        "240,000 empty allocations": "allocations: [" + ", ".join(["{}"] * 240_000) + "]\n",
        "50,000 unknown keys": "".join(f"k{i}: 1\n" for i in range(50_000)),
        "10,000 empty allocations (the list cap)": "allocations: ["
        + ", ".join(["{}"] * 10_000)
        + "]\n",
        "4,000 allocations of 12 unknown keys (near the value cap)": "allocations:\n"
        + "".join("  - {" + ", ".join(f"k{j}: 1" for j in range(12)) + "}\n" for _ in range(4_000)),
        "200 unknown top-level keys (the key cap)": "".join(f"k{i}: 1\n" for i in range(200)),
        "1.2 MB of x-n: 59:59:... (base 60, a private key)": "x-n: "
        + ":".join(["59"] * 400_000)
        + "\n",
        "4 MB of base 60 where text belongs": "title: " + ":".join(["59"] * 1_390_000) + "\n",
        "4 MB of digits in one number": "title: 1" + "0" * 4_000_000 + "\n",
        "10,000 events dated 2026-02-30": "timeline:\n" + "  - {date: 2026-02-30}\n" * 10_000,
    }


def make(folder: Path) -> dict[str, Path]:
    cases: dict[str, Path] = {}
    for i, (name, text) in enumerate(texts().items()):
        path = folder / f"case{i}.yaml"
        path.write_text(text)
        cases[name] = path
    sparse = folder / "sparse.yaml"
    with sparse.open("wb") as fh:
        fh.truncate(1 << 30)
    cases["sparse 1 GiB file"] = sparse
    zero = folder / "zero.yaml"
    zero.symlink_to("/dev/zero")
    cases["/dev/zero link"] = zero
    fifo = folder / "fifo.yaml"
    os.mkfifo(fifo)
    cases["FIFO"] = fifo
    return cases


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) and exit code; a run past 30 s is killed and counted so."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = start + 30
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.005)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode


def measure(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    results = [run_once(argv, env) for _ in range(RUNS)]
    return (
        statistics.median(r[0] for r in results),
        max(r[1] for r in results),
        results[-1][2],
    )


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="deal-hostile-"))
    try:
        env = {k: v for k, v in os.environ.items() if k not in ("DEAL_PATH", "FORCE_COLOR")}
        env["DEAL_CACHE_DIR"] = str(work / "cache")
        rows = []
        for name, path in make(work).items():
            alone = work / f"dir-{path.stem}"
            alone.mkdir()
            (alone / path.name).symlink_to(path)
            print(f"{name} ...", flush=True)
            v = measure([DEAL, "validate", str(path)], env)
            # `show` beside it: the first (cold) run is the one that reads the file
            shutil.rmtree(work / "cache", ignore_errors=True)
            s = run_once([DEAL, "--deals-dir", str(alone), "show", "japan", "-f", "csv"], env)
            rows.append((name, v, s))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    raise SystemExit(0 if write(rows) else 1)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} (1 min), {five:.2f} (5 min)"


def write(rows: list[tuple[str, tuple[float, float, int], tuple[float, float, int]]]) -> bool:
    ok = all(r[0] < LIMIT_S and r[1] < LIMIT_MB for _, v, s in rows for r in (v, s))
    lines = [
        HEADING,
        "",
        f"`python bench/hostile.py`: median of {RUNS} runs of `deal validate FILE`, and the "
        "first (cold-cache) run of `deal --deals-dir DIR show japan -f csv` with FILE in DIR; "
        f"peak RSS; load average {load()}. Target: each under {LIMIT_S:.0f} s and {LIMIT_MB} MB "
        f"({'met' if ok else 'NOT met'}).",
        "",
        "| file | validate ms | validate MB | exit | show japan ms | show japan MB | exit |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, v, s in rows:
        lines.append(
            f"| {name} | {v[0] * 1000:.0f} | {v[1]:.0f} | {v[2]} "
            f"| {s[0] * 1000:.0f} | {s[1]:.0f} | {s[2]} |"
        )
    section = "\n".join(lines) + "\n"
    results = HERE / "results.md"
    text = results.read_text() if results.exists() else "# Benchmark results\n"
    if HEADING in text:  # replace this section only
        start = text.index(HEADING)
        after = text.find("\n## ", start + len(HEADING))
        text = text[:start] + (text[after + 1 :] if after != -1 else "")
    results.write_text(text.rstrip("\n") + "\n\n" + section)
    print(section)
    return ok


if __name__ == "__main__":
    main()
