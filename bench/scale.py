"""`make bench`, part two: many deals, a cold start, and the largest file the limits allow.

Each case runs as a fresh process, the cases of a table alternated, after a warm-up run;
the median wall time, the median CPU time (user + system, the process and its workers)
and the peak RSS of any one process. Linearity is judged on CPU time: the machine may be
shared, and waiting for a core is not work the program does.

- Many deals (bench/generate.py folders of 1,000 and 10,000 deals, built once under
  bench/data/): each command's cost per deal, start-up taken out (the same command over
  the bundled deals alone), at 10,000 against 1,000 deals.
- Cold start: the first run over 10,000 files, no cache.
- One large file (bench/bigfile.py): every command on the largest deal file the limits
  allow, and on a half and a quarter of it, against the 2 s promise of docs/security.md.
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
sys.path.insert(0, str(HERE))
from bigfile import build as build_big  # noqa: E402
from generate import generate  # noqa: E402

DEAL = str(Path(sys.executable).parent / "deal")
DATA = HERE / "data"
SCALE_RUNS = int(os.environ.get("SCALE_RUNS", "3"))
BIG_RUNS = int(os.environ.get("BIG_RUNS", "5"))
PER_DEAL_LIMIT = 1.2  # cost per deal at 10,000 against 1,000
LINEAR_LIMIT = 1.2  # CPU an allocation adds, in the whole file against in its half


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} (1 min), {five:.2f} (5 min)"


def run(
    argv: list[str], env: dict[str, str], codes: tuple[int, ...] = (0,)
) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, workers included) and peak MB of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in codes:
        raise SystemExit(f"failed ({code}): {' '.join(argv)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(
    cases: dict[str, tuple[list[str], tuple[int, ...]]], env: dict[str, str], runs: int
) -> dict[str, dict[str, float]]:
    """Each case once to warm up, then `runs` rounds of all of them in turn."""
    got: dict[str, list[tuple[float, float, float]]] = {name: [] for name in cases}
    for argv, codes in cases.values():
        run(argv, env, codes)
    for _ in range(runs):
        for name, (argv, codes) in cases.items():
            got[name].append(run(argv, env, codes))
    return {
        name: {
            "wall": statistics.median(r[0] for r in rs),
            "cpu": statistics.median(r[1] for r in rs),
            "mb": max(r[2] for r in rs),
        }
        for name, rs in got.items()
    }


def folder(count: int) -> Path:
    path = DATA / f"deals-{count}"
    if not path.is_dir() or len(list(path.glob("*.yaml"))) != count:
        print(f"generating {count:,} deals in {path} ...", flush=True)
        generate(count, path)
    return path


# -- many deals ----------------------------------------------------------------------------

COMMANDS: dict[str, list[str]] = {
    "list": ["list", "-f", "csv"],
    "compare --all -f csv": ["compare", "--all", "-f", "csv"],
    "export -f sqlite": ["export", "-f", "sqlite", "-o", "{out}/deals.db"],
    "export -f csv": ["export", "-f", "csv", "-o", "{out}/csv"],
    "export -f json": ["export", "-f", "json", "-o", "{out}/deals.json"],
    "search plant -f csv": ["search", "plant", "-f", "csv"],
    "companies -f csv": ["companies", "-f", "csv"],
    "timeline -f csv": ["timeline", "-f", "csv"],
}
# flows reads one deal (japan alone, gen-00042 beside many): what grows is finding it
ONE_DEAL = "flows <one deal> -f csv"


def scaling(env: dict[str, str], out: Path) -> dict[str, dict[int, dict[str, float]]]:
    """Every command over the bundled deals (0), and beside 1,000 and 10,000 generated; all
    the cases of every size alternated, so that a busy spell of the machine hits each alike."""
    folders = {1000: folder(1000), 10000: folder(10000)}
    for path in folders.values():  # the caches filled: this table is about warm runs
        run([DEAL, "--deals-dir", str(path), "list", "-f", "csv"], env)
    cases = {}
    for count in (0, 1000, 10000):
        base = [DEAL] if count == 0 else [DEAL, "--deals-dir", str(folders[count])]
        for name, argv in COMMANDS.items():
            cases[f"{count}|{name}"] = ([*base, *(a.format(out=out) for a in argv)], (0,))
        one = "gen-00042" if count else "japan"
        cases[f"{count}|{ONE_DEAL}"] = ([*base, "flows", one, "-f", "csv"], (0,))
    results: dict[str, dict[int, dict[str, float]]] = {name: {} for name in [*COMMANDS, ONE_DEAL]}
    for key, r in measure(cases, env, SCALE_RUNS).items():
        count, name = key.split("|", 1)
        results[name][int(count)] = r
    return results


def per_deal(r: dict[int, dict[str, float]], count: int, key: str) -> float:
    return (r[count][key] - r[0][key]) / count


def cold_start(env: dict[str, str]) -> dict[str, float]:
    """The first run over 10,000 files: nothing cached."""
    cache = Path(tempfile.mkdtemp(prefix="deal-bench-cold-"))
    try:
        wall, cpu, mb = run(
            [DEAL, "--deals-dir", str(folder(10000)), "list", "-f", "csv"],
            {**env, "DEAL_CACHE_DIR": str(cache)},
        )
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return {"wall": wall, "cpu": cpu, "mb": mb}


# -- one large file ------------------------------------------------------------------------


def big_cases(path: Path, out: Path) -> dict[str, tuple[list[str], tuple[int, ...]]]:
    deal_id, where = path.stem, ["--deals-dir", str(path.parent)]
    return {
        "validate": ([DEAL, "validate", str(path)], (0,)),
        "show -f csv": ([DEAL, *where, "show", deal_id, "-f", "csv"], (0,)),
        "show -f table": ([DEAL, *where, "show", deal_id, "-f", "table"], (0,)),
        "pace -f csv": ([DEAL, *where, "pace", deal_id, "-f", "csv"], (0,)),
        "diff (its file) -f csv": ([DEAL, *where, "diff", deal_id, str(path), "-f", "csv"], (0,)),
        "timeline -f csv": ([DEAL, *where, "timeline", deal_id, "-f", "csv"], (0,)),
        "export -f sqlite": (
            [DEAL, *where, "export", deal_id, "-f", "sqlite", "-o", f"{out}/b.db"],
            (0,),
        ),
        "export -f csv": (
            [DEAL, *where, "export", deal_id, "-f", "csv", "-o", f"{out}/bcsv"],
            (0,),
        ),
        "export -f json": (
            [DEAL, *where, "export", deal_id, "-f", "json", "-o", f"{out}/b.json"],
            (0,),
        ),
    }


def big_file(
    env: dict[str, str], out: Path
) -> tuple[dict[int, int], dict[int, dict[str, dict[str, float]]]]:
    """(allocations by part, {part: {command: figures}}) for the largest file, its half, its
    quarter and a small file of the same shape (part 0); `first run` is `show -f csv` with
    no cache (the file read and checked), the median of three."""
    sizes, paths = build_big(DATA / "big")
    results = {}
    for part, path in paths.items():
        print(f"  {sizes[part]:,} allocations ...", flush=True)
        results[part] = measure(big_cases(path, out), env, BIG_RUNS)
        firsts = []
        for _ in range(3):
            cache = Path(tempfile.mkdtemp(prefix="deal-bench-big-"))
            try:
                argv = big_cases(path, out)["show -f csv"][0]
                firsts.append(run(argv, {**env, "DEAL_CACHE_DIR": str(cache)}))
            finally:
                shutil.rmtree(cache, ignore_errors=True)
        results[part]["first run: show -f csv, no cache"] = {
            "wall": statistics.median(f[0] for f in firsts),
            "cpu": statistics.median(f[1] for f in firsts),
            "mb": max(f[2] for f in firsts),
        }
    return sizes, results


# -- the tables ----------------------------------------------------------------------------

Target = tuple[str, str, bool]


def scaling_section(
    results: dict[str, dict[int, dict[str, float]]], loads: str
) -> tuple[list[str], list[Target]]:
    lines = [
        "",
        "## Linear in the number of deals",
        "",
        f"Load average while measured: {loads}. Median of {SCALE_RUNS} alternated runs after a "
        "warm-up, caches warm. Cost per deal: the CPU time (user + system) over N generated "
        "deals beside the bundled ones, less the same command over the bundled deals alone, "
        "over N; the ratio compares it at 10,000 and at 1,000 deals.",
        "",
        "| command | bundled ms | 1,000 ms | 10,000 ms | 10,000 MB | CPU µs a deal, 1,000 | 10,000 | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    targets: list[Target] = []
    for name, r in results.items():
        if name == ONE_DEAL:
            continue
        small, large = per_deal(r, 1000, "cpu"), per_deal(r, 10000, "cpu")
        ratio = large / small if small > 0 else float("inf")
        lines.append(
            f"| `{name}` | {r[0]['wall'] * 1000:.0f} | {r[1000]['wall'] * 1000:.0f} "
            f"| {r[10000]['wall'] * 1000:.0f} | {r[10000]['mb']:.0f} | {small * 1e6:.0f} "
            f"| {large * 1e6:.0f} | {ratio:.2f} |"
        )
        if name != "list":  # list's increment is small: its target is the Scaling table's
            targets.append(
                (
                    f"`{name}`: cost per deal at 10,000 ≤ {PER_DEAL_LIMIT}× at 1,000",
                    f"{ratio:.2f}×",
                    ratio <= PER_DEAL_LIMIT,
                )
            )
    one = results[ONE_DEAL]
    lines += [
        "",
        f"`{ONE_DEAL}` reads one deal (japan over the bundled deals, gen-00042 beside the "
        f"generated ones), so it has no cost per deal: {one[0]['wall'] * 1000:.0f} ms alone, "
        f"{one[1000]['wall'] * 1000:.0f} ms beside 1,000 deals, {one[10000]['wall'] * 1000:.0f} ms "
        "beside 10,000 (finding it in the folder index). `list`'s cost per deal is small against "
        "its start-up: its target is judged on the Scaling table's ten runs.",
    ]
    cmp_all = results["compare --all -f csv"][10000]
    sqlite = results["export -f sqlite"][10000]
    targets += [
        (
            "`compare --all -f csv` over 10,000 deals < 3 s",
            f"{cmp_all['wall']:.1f} s",
            cmp_all["wall"] < 3,
        ),
        (
            "`export -f sqlite` over 10,000 deals < 10 s and 300 MB",
            f"{sqlite['wall']:.1f} s, {sqlite['mb']:.0f} MB",
            sqlite["wall"] < 10 and sqlite["mb"] < 300,
        ),
    ]
    return lines, targets


def cold_section(cold: dict[str, float], loads: str) -> tuple[list[str], list[Target]]:
    lines = [
        "",
        "## Cold start",
        "",
        f"Load average while measured: {loads}. `deal --deals-dir <10,000 files> list -f csv` "
        f"with an empty cache, on {os.cpu_count()} cores: {cold['wall']:.1f} s, "
        f"{cold['cpu']:.1f} s of CPU (the workers' included), peak {cold['mb']:.0f} MB "
        "(the largest of the processes).",
    ]
    ok = cold["wall"] < 40 and cold["mb"] < 300
    return lines, [
        (
            "first run over 10,000 files < 40 s and 300 MB",
            f"{cold['wall']:.1f} s, {cold['mb']:.0f} MB",
            ok,
        )
    ]


def big_section(
    sizes: dict[int, int], results: dict[int, dict[str, dict[str, float]]], loads: str
) -> tuple[list[str], list[Target]]:
    full = sizes[1]
    lines = [
        "",
        "## The largest file the limits allow",
        "",
        f"Load average while measured: {loads}. `bench/bigfile.py`: a deal of {full:,} "
        f"allocations (each with its lead company), {full // 2:,} events and 20 sources is the "
        "most the limits (100,000 values a file) let through in this shape; a half, a quarter "
        f"and a deal of {sizes[0]} allocations of the same shape beside. Median of {BIG_RUNS} "
        "alternated runs, cache warm (the first-run row: no cache, median of 3). Growth: the CPU "
        f"time an allocation adds (the {sizes[0]}-allocation file's taken out) in the whole file, "
        "against in the half; 1.00× is linear.",
        "",
        f"| command | {sizes[0]} ms | 1/4 ms | 1/2 ms | full ms | full MB | growth | met |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    slow, bent = [], []
    for name in results[1]:
        r = {part: results[part][name] for part in results}

        def each(part: int) -> float:
            return (r[part]["cpu"] - r[0]["cpu"]) / (sizes[part] - sizes[0])  # noqa: B023

        growth = each(1) / each(2) if each(2) > 0 else float("inf")
        fast, straight = r[1]["wall"] < 2, growth <= LINEAR_LIMIT
        if not fast:
            slow.append(name)
        if not straight:
            bent.append(f"{name} {growth:.2f}×")
        lines.append(
            f"| `{name}` | {r[0]['wall'] * 1000:.0f} | {r[4]['wall'] * 1000:.0f} "
            f"| {r[2]['wall'] * 1000:.0f} | {r[1]['wall'] * 1000:.0f} | {r[1]['mb']:.0f} "
            f"| {growth:.2f}× | {'yes' if fast and straight else 'no'} |"
        )
    worst = max(results[1].values(), key=lambda x: x["wall"])
    targets: list[Target] = [
        (
            "every command on the largest file < 2 s",
            f"slowest {worst['wall']:.2f} s" + (f" ({', '.join(slow)})" if slow else ""),
            not slow,
        ),
        (
            f"each command linear in the file's size (growth ≤ {LINEAR_LIMIT}×)",
            ", ".join(bent) or "all",
            not bent,
        ),
    ]
    return lines, targets
