"""`make bench`: start-up and scaling of `deal`, measured as a user runs it.

Each command runs as a fresh process, alternating with the others (so a slow
spell of the machine hits all of them alike), RUNS times after one warm-up run;
we report the median wall time, the peak memory (max RSS) and the ratio to the
framework's floor: a minimal Typer app printing one small Rich table. Writes
bench/results.md. Timings are never asserted in tests; this is where they live.

    python bench/run.py            # RUNS=10 by default; RUNS=20 python bench/run.py
"""

from __future__ import annotations

import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import report  # noqa: E402
import scale  # noqa: E402
from generate import generate  # noqa: E402

RUNS = int(os.environ.get("RUNS", "10"))
BIN = Path(sys.executable).parent
DEAL = str(BIN / "deal")
PY = sys.executable
DATA = HERE / "data"


TERMINAL = "in a terminal: "  # cases whose stdout is a pseudo-terminal (80x24, no pager)


def run_once(argv: list[str], env: dict[str, str], tty: bool = False) -> tuple[float, int]:
    """Wall seconds and peak RSS (kB) of one run of argv (stdout a pseudo-terminal if tty)."""
    if tty:
        return run_in_terminal(argv, env)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(argv)}")
    return elapsed, usage.ru_maxrss


def run_in_terminal(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """As a user at an 80x24 terminal runs it: stdout a pty whose output is read as it comes."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    tty_env = {**env, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24", "DEAL_PAGER": ""}
    tty_env.pop("NO_COLOR", None)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=tty_env, stdin=slave, stdout=slave, stderr=subprocess.DEVNULL)
    os.close(slave)
    while True:
        try:
            if not os.read(master, 65536):
                break
        except OSError:  # EIO: the program closed the terminal
            break
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    os.close(master)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed in a terminal: {' '.join(argv)}")
    return elapsed, usage.ru_maxrss


def measure(
    cases: dict[str, list[str]], env: dict[str, str], runs: int = RUNS
) -> dict[str, dict[str, float]]:
    times: dict[str, list[float]] = {name: [] for name in cases}
    peak: dict[str, int] = dict.fromkeys(cases, 0)
    for name, argv in cases.items():  # warm-up: caches filled, files in the page cache
        run_once(argv, env, tty=name.startswith(TERMINAL))
    for _ in range(runs):
        for name, argv in cases.items():
            seconds, rss = run_once(argv, env, tty=name.startswith(TERMINAL))
            times[name].append(seconds)
            peak[name] = max(peak[name], rss)
    return {
        name: {
            "median_ms": statistics.median(t) * 1000,
            "min_ms": min(t) * 1000,
            "peak_mb": peak[name] / 1024,
        }
        for name, t in times.items()
    }


def collection(count: int) -> Path:
    folder = DATA / f"deals-{count}"
    if not folder.is_dir() or len(list(folder.glob("*.yaml"))) != count:
        print(f"generating {count} deals in {folder} ...", flush=True)
        generate(count, folder)
    return folder


def main() -> None:
    loads: dict[str, str] = {}
    cache = DATA / "cache"  # kept: a rerun finds the generated folders read already
    cache.mkdir(mode=0o700, parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("DEAL_PATH", "FORCE_COLOR")}
    env["DEAL_CACHE_DIR"] = str(cache)
    small, large = collection(1000), collection(10000)

    print("cold start: reading and validating 1,000 files with no cache ...", flush=True)
    cold_env = dict(env, DEAL_NO_CACHE="1")
    cold = run_once([DEAL, "--deals-dir", str(small), "list", "-f", "csv"], cold_env)

    print("start-up ...", flush=True)
    startup = measure(
        {
            "python -c pass": [PY, "-c", "pass"],
            "Typer floor (bench/floor.py)": [PY, str(HERE / "floor.py")],
            "deal show japan -f csv": [DEAL, "show", "japan", "-f", "csv"],
            "deal show japan -f table": [DEAL, "show", "japan", "-f", "table"],
            "deal compare japan korea": [DEAL, "compare", "japan", "korea"],
            "deal --version": [DEAL, "--version"],
        },
        env,
    )
    loads["startup"] = scale.load()
    terminal = measure_terminal(env)
    loads["terminal"] = scale.load()
    print("scaling ...", flush=True)
    scale_ = measure(
        {
            "deal list (bundled deals only)": [DEAL, "list"],
            "deal list (1,000 deals)": [DEAL, "--deals-dir", str(small), "list"],
            "deal list (10,000 deals)": [DEAL, "--deals-dir", str(large), "list"],
            "deal show gen-04242 -f csv (10,000 deals)": [
                DEAL,
                "--deals-dir",
                str(large),
                "show",
                "gen-04242",
                "-f",
                "csv",
            ],
            "deal show japan -f csv (10,000 deals beside)": [
                DEAL,
                "--deals-dir",
                str(large),
                "show",
                "japan",
                "-f",
                "csv",
            ],
            **time_cases(large),
        },
        env,
    )
    loads["scale"] = scale.load()
    print("rejecting hostile files ...", flush=True)
    rejections = measure(rejection_cases(), env, runs=max(3, RUNS // 3))
    loads["rejections"] = scale.load()
    with tempfile.TemporaryDirectory(prefix="deal-bench-out-") as out:
        print("linear in the number of deals ...", flush=True)
        many = scale.scaling(env, Path(out))
        extra = [scale.scaling_section(many, scale.load())]
        print("cold start over 10,000 files ...", flush=True)
        extra.append(scale.cold_section(scale.cold_start(env), scale.load()))
        print("the largest file the limits allow ...", flush=True)
        sizes, big = scale.big_file(env, Path(out))
        extra.append(scale.big_section(sizes, big, scale.load()))
    missed = report.write_results(startup, scale_, rejections, cold, terminal, loads, extra)
    raise SystemExit(1 if missed else 0)


PACE = "deal pace gen-04242 -f csv (10,000 deals)"
DIFF_FILE = "deal diff gen-04242 <its file> -f csv (10,000 deals)"
DIFF_TWO = "deal diff gen-04242 gen-04243 (10,000 deals; through expect_exit.py)"


def time_cases(large: Path) -> dict[str, list[str]]:
    """`pace`, and `diff` of a deal with its own file (read and validated: exit 0) and with
    another deal (exit 1, so run through expect_exit.py, which adds a Python start-up)."""
    base = [DEAL, "--deals-dir", str(large)]
    return {
        PACE: [*base, "pace", "gen-04242", "-f", "csv"],
        DIFF_FILE: [*base, "diff", "gen-04242", str(large / "gen-04242.yaml"), "-f", "csv"],
        DIFF_TWO: [PY, str(HERE / "expect_exit.py"), "1", *base, "diff", "gen-04242", "gen-04243"],
    }


def rejection_cases() -> dict[str, list[str]]:
    folder = DATA / "hostile"
    folder.mkdir(parents=True, exist_ok=True)
    laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        laughs.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    samples = {
        "billion laughs": "\n".join(laughs) + "\n",
        "100,000 nested brackets": "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "10 MB file": "notes: " + "x" * (10 * 1024 * 1024) + "\n",
        "3 MB of valid-looking keys": "".join(f"x-k{i}: {i}\n" for i in range(250_000)),
        "python tag": "!!python/object/apply:os.system ['true']\n",
        "binary junk": bytes(range(256)).decode("latin-1") * 4000,
    }
    cases = {}
    for name, text in samples.items():
        path = folder / (name.replace(" ", "-").replace(",", "") + ".yaml")
        if not path.exists():
            path.write_bytes(text.encode("latin-1" if name == "binary junk" else "utf-8"))
        cases[f"deal validate <{name}>"] = [
            PY,
            str(HERE / "expect_exit.py"),
            "1",
            DEAL,
            "validate",
            str(path),
        ]
    return cases


def measure_terminal(env: dict[str, str]) -> dict[str, dict[str, float]]:
    print("in a terminal ...", flush=True)
    return measure(
        {
            TERMINAL + "Typer floor (bench/floor.py)": [PY, str(HERE / "floor.py")],
            TERMINAL + "deal show japan": [DEAL, "show", "japan"],
            TERMINAL + "deal show japan -s totals": [DEAL, "show", "japan", "-s", "totals"],
        },
        env,
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["terminal"]:  # only the terminal timings: python bench/run.py terminal
        env = {k: v for k, v in os.environ.items() if k not in ("DEAL_PATH", "FORCE_COLOR")}
        print("\n".join(report.terminal_section(measure_terminal(env), "")[0]))
    else:
        main()
