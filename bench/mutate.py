"""`make mutate`: plant one small bug at a time in `dealcli/` and see whether the suite notices.

A small AST mutator (stdlib `ast`, no mutmut: its clean pass alone is slower than
this whole run). Each mutation point is one of

    binop      an arithmetic operator swapped (+ -, * /, // /, % *, | &)
    compare    a comparison flipped (== !=, < >=, <= >, in / not in, is / is not)
    boolop     `and` <-> `or`
    not        a `not` removed
    constant   a number changed (n -> n + 1), a boolean flipped
    return     a returned value dropped (`return x` -> `return None`)

Points are sampled evenly over every module of the package (round robin over
the modules, each module's points shuffled with a fixed seed, so a run is
repeatable), and each mutant runs against the full suite in a COPY of the
project (the working tree is never edited): `pytest -x -q -p no:cacheprovider`
with PYTHONPATH pointing at the copy and a per-mutant timeout. A mutant is
killed when the suite fails (or times out). Writes bench/mutation.md.

    python bench/mutate.py                  # 120 mutants over the whole package
    python bench/mutate.py --sample 25      # a quick look
    python bench/mutate.py --module totals  # only dealcli/totals.py (or views/show, ...)
    python bench/mutate.py --list           # the mutation points, without running anything
    python bench/mutate.py --again          # the last report's survivors, against today's tests
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import os
import queue
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "dealcli"
OUT = ROOT / "bench" / "mutation.md"
SEED = 1126

# Mutations no test could ever tell apart from the original, keyed by
# (module, the original line stripped, the mutation), with the reason.
_TOP = (
    "the highest priority of its table, so already the first column to give way; both "
    "numbers are of detail (4 and up), which is all the fitter asks of them"
)
EQUIVALENT: dict[tuple[str, str, str], str] = {
    (
        "dealcli/registry.py",
        "is_bundled: bool = False,",
        "constant False -> True",
    ): "the default is never used: the one caller always passes is_bundled",
    (
        "dealcli/registry.py",
        "@dataclass(frozen=True)",
        "constant True -> False",
    ): "Summary is built once and never assigned to, hashed or put in a set",
    (
        "dealcli/render/console.py",
        "emoji=False,",
        "constant False -> True",
    ): "the console prints only rich Text objects, which Rich never scans for :emoji: codes "
    "(only plain strings are); data with ':smile:' comes out as written either way",
    (
        "dealcli/cli/options.py",
        "return command",
        "return value dropped",
    ): "the decorator's result only rebinds the module-level name (analyse.allocations, ...), "
    "which nothing calls: every command is reached through the Typer app, which registered "
    "the wrapper before the return",
    (
        "dealcli/files.py",
        "shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the old set",
        "constant True -> False",
    ): "after the exchange tmp holds the previous export, files deal wrote itself (a folder "
    "with anything else is refused before): removing them cannot fail, so whether errors "
    "would be ignored never shows",
    (
        "dealcli/parse.py",
        "self.positions[(*frame[1], key)] = Pos(line, event.start_mark.column + 1)",
        "constant 1 -> 2",
    ): "a key's position is always replaced by its value's (a scalar, a mapping or a list; an "
    "alias stops the read first), so the key's own column is never reported",
    (
        "dealcli/render/chart.py",
        "label_w = max((width(r[0]) for r in rows), default=0)",
        "constant 0 -> 1",
    ): "the default is used only for a chart table without rows, where no label is padded and "
    "no bar is sized: nothing drawn depends on it",
    (
        "dealcli/render/rich_table.py",
        'text = Text(no_wrap=True, overflow="ignore", end="\\n")',
        "constant True -> False",
    ): "every line is printed with soft_wrap=True, which turns Rich's wrapping off whatever the "
    "Text says; the lines are fitted to the width before",
    (
        "dealcli/registry.py",
        "RACY_NS = 2_000_000_000  # coarser than any timestamp resolution in use (FAT: 2 s)",
        "constant 2000000000 -> 2000000001",
    ): "one nanosecond more of the racy window: a file would have to change exactly 2 s, to the "
    "nanosecond, before the index is stamped by the clock, which no test can arrange",
    (
        "dealcli/pager.py",
        "return False",
        "return value dropped",
    ): "page() and is_terminal() answer yes or no, and every caller tests the answer for "
    "truth: None is as false as False",
    (
        "dealcli/files.py",
        "libc = ctypes.CDLL(None, use_errno=True)",
        "constant True -> False",
    ): "errno is read only when renameat2 fails, which needs a filesystem without "
    "RENAME_EXCHANGE: none is at hand to a test here (tmpfs, ext4 and overlayfs all have it)",
    (
        "dealcli/reading.py",
        "_, u, d = _trim(item, sub, 0)",
        "constant 0 -> 1",
    ): "an item past the budget is only counted: whatever budget it is given, what it keeps "
    "(u) and what it cuts (d) add up to all its problems, and only that sum is used",
    (
        "dealcli/render/grid.py",
        "def paint(lines: list[Line], color: bool, links: bool = False) -> str:",
        "constant False -> True",
    ): "the callers that leave links out are the grid, which draws no colour and so no link "
    "either way, and the chart, whose lines carry no address",
    (
        "dealcli/cache.py",
        'hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".json"',
        "constant 32 -> 33",
    ): "a cache file is named by a prefix of its deal file's SHA-256: 32 or 33 hex digits, the "
    "name is the same for the same file and differs between files, all the cache asks of it",
    (
        "dealcli/render/rich_table.py",
        "console.print(text, soft_wrap=True)  # fitted already: never wrapped again",
        "constant True -> False",
    ): "each line's Text is made with no_wrap=True, which keeps Rich from wrapping it whatever "
    "soft_wrap says (and the two guard the same thing: lines are fitted to the width first)",
    (
        "dealcli/views/diff.py",
        "return str(value)",
        "return value dropped",
    ): "reached by no value of the model: every field is empty, a bool, a number, a date, text, "
    "a tuple or a dataclass, each returned above",
    (
        "dealcli/render/console.py",
        "height=50,  # with the width, keeps Rich from falling back to 80x25 on TERM=dumb",
        "constant 50 -> 51",
    ): "a height only bounds what Rich draws to fill a screen (live displays, layouts); printed "
    "lines are never cut to it, and a picture is printed lines",
    (
        "dealcli/render/fit.py",
        "if room < 0:  # even the columns that never go are too wide: shrink the text ones",
        "constant 0 -> 1",
    ): "with room 0 the block does nothing: each column inside is shrunk only while room < 0",
    (
        "dealcli/cli/about.py",
        'if session is not None and hasattr(session, "deals"):',
        "boolop and -> or",
    ): "inside a command the root context's object is always the Session, which has deals: "
    "both tests are true, so `and` and `or` join them alike",
    (
        "dealcli/cli/help.py",
        "return []",
        "return value dropped",
    ): "_choices' one caller tests the answer for truth before using it: None is as false as []",
}

# The one column of its table with the highest priority: one more changes no order.
_TOPS = [
    ("dealcli/views/compare.py", 'Column("authority", "Authority", priority=3),', 3),
    ("dealcli/views/compare.py", 'Column("from", "Period from", "date", priority=3),', 3),
    ("dealcli/views/compare.py", 'Column("gdp_year", "GDP year", "int", priority=3),', 3),
    ("dealcli/views/details.py", 'Column("commitment", "Id", priority=5),', 5),
    ("dealcli/views/details.py", 'Column("id", "Id", priority=5),', 5),
    ("dealcli/views/listing.py", 'Column("origin", "From", priority=4),', 4),
    ("dealcli/views/search.py", 'Column("id", "Id", priority=4),', 4),
    ("dealcli/views/show.py", 'Column("part_of", "Part of", priority=6),', 6),
    ("dealcli/views/show.py", 'Column("project_titles", "Projects", priority=3),', 3),
    ("dealcli/views/show.py", 'Column("term", "Term", priority=5),', 5),
    ("dealcli/views/show.py", 'Column("tranche", "Tranche", priority=4),', 4),
    ("dealcli/views/show.py", 'Column("unsized", "Unsized", "int", priority=3),', 3),
    ("dealcli/views/summary.py", 'Column("term", "Term", priority=5),', 5),
]
for _module, _line, _n in _TOPS:
    EQUIVALENT[(_module, _line, f"constant {_n} -> {_n + 1}")] = _TOP

BINOPS: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.Mult,
    ast.BitOr: ast.BitAnd,
    ast.BitAnd: ast.BitOr,
}
COMPARES: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Lt: ast.GtE,
    ast.GtE: ast.Lt,
    ast.Gt: ast.LtE,
    ast.LtE: ast.Gt,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
SYMBOL = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.BitOr: "|",
    ast.BitAnd: "&",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.GtE: ">=",
    ast.Gt: ">",
    ast.LtE: "<=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
}


@dataclass(frozen=True)
class Mutant:
    module: str  # path relative to the project root
    index: int  # the n-th mutation point of the module, in `points` order
    line: int
    what: str  # e.g. "compare != -> =="
    source: str  # the original line, stripped


def _skipped(tree: ast.Module) -> set[int]:
    """Nodes not to mutate: annotations, and zip's `strict` flag (an assertion)."""
    out: set[int] = set()

    def mark(node: ast.AST | None) -> None:
        if node is not None:
            out.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign | ast.arg):
            mark(node.annotation)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            mark(node.returns)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "zip":
            # strict=True asserts equal lengths: turned off, it changes nothing unless a bug
            # is already there
            for kw in node.keywords:
                if kw.arg == "strict":
                    mark(kw.value)
    return out


def _is_none(node: ast.expr | None) -> bool:
    return node is None or (isinstance(node, ast.Constant) and node.value is None)


TYPE_NAMES = {"str", "int", "float", "bool", "bytes", "tuple", "list", "dict", "set", "object"}


def _type_union(node: ast.BinOp) -> bool:
    if not isinstance(node.op, ast.BitOr):
        return False
    for side in (node.left, node.right):
        if _is_none(side) or isinstance(side, ast.Subscript):
            return True
        if isinstance(side, ast.Name) and (side.id in TYPE_NAMES or side.id[:1].isupper()):
            return True
        if isinstance(side, ast.Attribute) and side.attr[:1].isupper():
            return True
        if isinstance(side, ast.BinOp) and _type_union(side):
            return True
    return False


def points(tree: ast.Module) -> list[tuple[ast.AST, str, int]]:
    """Every mutation point of a module, in a fixed order: (node, description, operand index)."""
    skip = _skipped(tree)
    out: list[tuple[ast.AST, str, int]] = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.BinOp) and _type_union(node):
            continue  # `str | None`: a type, not arithmetic; any change fails at import
        if isinstance(node, ast.BinOp | ast.AugAssign) and type(node.op) in BINOPS:
            new = BINOPS[type(node.op)]
            out.append((node, f"binop {SYMBOL[type(node.op)]} -> {SYMBOL[new]}", 0))
        elif isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in COMPARES:
                    new_op = COMPARES[type(op)]
                    out.append((node, f"compare {SYMBOL[type(op)]} -> {SYMBOL[new_op]}", i))
        elif isinstance(node, ast.BoolOp):
            what = "and -> or" if isinstance(node.op, ast.And) else "or -> and"
            out.append((node, f"boolop {what}", 0))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            out.append((node, "not removed", 0))
        elif isinstance(node, ast.Constant) and type(node.value) is bool:
            out.append((node, f"constant {node.value} -> {not node.value}", 0))
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            out.append((node, f"constant {node.value} -> {node.value + 1}", 0))
        elif isinstance(node, ast.Return) and not _is_none(node.value):
            out.append((node, "return value dropped", 0))
    return out


def _apply(tree: ast.Module, index: int) -> ast.Module:
    node, _, i = points(tree)[index]
    if isinstance(node, ast.BinOp | ast.AugAssign):
        node.op = BINOPS[type(node.op)]()
    elif isinstance(node, ast.Compare):
        node.ops[i] = COMPARES[type(node.ops[i])]()
    elif isinstance(node, ast.BoolOp):
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif isinstance(node, ast.UnaryOp):
        # `not x` -> `(x)`: replace the node's operator by a no-op unary plus on a bool
        node.op = ast.UAdd()
        node.operand = ast.Call(ast.Name("bool", ast.Load()), [node.operand], [])
    elif isinstance(node, ast.Constant):
        node.value = (not node.value) if type(node.value) is bool else node.value + 1
    elif isinstance(node, ast.Return):
        node.value = None
    return ast.fix_missing_locations(tree)


def mutated_source(text: str, index: int) -> str:
    return ast.unparse(_apply(ast.parse(text), index))


def modules_of(root: Path, only: str | None = None) -> list[Path]:
    modules = sorted((root / PACKAGE).rglob("*.py"))
    if only:
        name = only.removesuffix(".py")
        modules = [m for m in modules if m.relative_to(root / PACKAGE).as_posix() == name + ".py"]
    return modules


def all_mutants(modules: list[Path], root: Path) -> dict[str, list[Mutant]]:
    out: dict[str, list[Mutant]] = {}
    for path in modules:
        text = path.read_text()
        lines = text.splitlines()
        rel = path.relative_to(root).as_posix()
        found = []
        for i, (node, what, _) in enumerate(points(ast.parse(text))):
            line = getattr(node, "lineno", 0)
            found.append(Mutant(rel, i, line, what, lines[line - 1].strip() if line else ""))
        if found:
            out[rel] = found
    return out


def sample(by_module: dict[str, list[Mutant]], n: int, seed: int) -> list[Mutant]:
    """n mutants, round robin over the modules so every module gets its even share."""
    rng = random.Random(seed)
    queues = {}
    for module in sorted(by_module):
        ms = list(by_module[module])
        rng.shuffle(ms)
        queues[module] = ms
    picked: list[Mutant] = []
    while len(picked) < n and any(queues.values()):
        for module in sorted(queues):
            if queues[module] and len(picked) < n:
                picked.append(queues[module].pop())
    return picked


def _copy_project(dest: Path, source: Path = ROOT) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", ".pytest_cache")
    for name in (PACKAGE, "tests", "deals"):
        shutil.copytree(source / name, dest / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        if (source / name).exists():
            shutil.copy(source / name, dest / name)
    # bytecode checked by source hash: a mutated file is never mistaken for the original
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "--invalidation-mode", "checked-hash", "."],
        cwd=dest,
        check=True,
    )


# The whole suite runs for every mutant; these files go first because they check figures and
# messages in-process and fast, so most mutants are killed in seconds (-x stops at the first).
FIRST = (
    "test_figures.py",
    "test_views.py",
    "test_messages.py",
    "test_format2.py",
    "test_split.py",
    "test_loader.py",
    "test_time.py",
    "test_provenance.py",
    "test_properties.py",
)


def _test_order(copy: Path) -> list[str]:
    files = sorted(p.name for p in (copy / "tests").glob("test_*.py"))
    ordered = [f for f in FIRST if f in files] + [f for f in files if f not in FIRST]
    return [f"tests/{f}" for f in ordered]


def _run_suite(copy: Path, timeout: float) -> tuple[str, float]:
    outcome, took, _ = _run_suite_output(copy, timeout)
    return outcome, took


def _run_suite_output(copy: Path, timeout: float) -> tuple[str, float, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(copy)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for var in ("DEAL_PATH", "DEAL_CACHE_DIR", "XDG_CACHE_HOME"):
        env.pop(var, None)
    with tempfile.TemporaryDirectory(prefix="mutant-tmp-") as basetemp:
        cmd = [
            sys.executable,
            "-m",
            "pytest",
            "-x",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--basetemp={basetemp}/t",
            *_test_order(copy),
        ]
        start = time.perf_counter()
        try:
            proc = subprocess.run(
                cmd, cwd=copy, env=env, capture_output=True, text=True, timeout=timeout
            )
        except subprocess.TimeoutExpired:
            return "timeout", time.perf_counter() - start, ""
        took = time.perf_counter() - start
    output = proc.stdout[-3000:] + proc.stderr[-3000:]
    if proc.returncode == 0:
        return "survived", took, output
    # a test failed; a module failed to import; pytest crashed; a conftest failed to import
    # (the clean run passed with the same command, so the mutant is what broke it)
    if proc.returncode in (1, 2, 3, 4):
        return "killed", took, output
    raise RuntimeError(
        f"pytest exited {proc.returncode}:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}"
    )


def _run_all(
    picked: list[Mutant], copies: list[Path], timeout: float
) -> list[tuple[Mutant, str, float]]:
    """Each copy runs one mutant at a time; results come back in the sampled order."""
    free: queue.Queue[Path] = queue.Queue()
    for copy in copies:
        free.put(copy)
    done = [0]
    lock = threading.Lock()

    def one(m: Mutant) -> tuple[Mutant, str, float]:
        copy = free.get()
        target = copy / m.module
        original = target.read_text()
        target.write_text(mutated_source(original, m.index))  # the copy's text, not the tree's
        try:
            outcome, took = _run_suite(copy, timeout)
        finally:
            target.write_text(original)
            free.put(copy)
        with lock:
            done[0] += 1
            mark = {"killed": ".", "timeout": "T", "survived": "S"}[outcome]
            extra = "" if outcome != "survived" else f"  {m.module}:{m.line} {m.what}"
            print(f"[{done[0]}/{len(picked)}] {mark} {took:5.1f}s{extra}", flush=True)
        return m, outcome, took

    with concurrent.futures.ThreadPoolExecutor(max_workers=len(copies)) as pool:
        return list(pool.map(one, picked))


def equivalent_reason(m: Mutant) -> str | None:
    return EQUIVALENT.get((m.module, m.source, m.what))


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def write_report(
    results: list[tuple[Mutant, str, float]],
    args: argparse.Namespace,
    total_points: int,
    wall: float,
    history: list[str] | None = None,
) -> str:
    n = len(results)
    killed = sum(1 for _, r, _ in results if r in ("killed", "timeout"))
    survivors = [(m, t) for m, r, t in results if r == "survived"]
    equivalent = [(m, equivalent_reason(m)) for m, _ in survivors if equivalent_reason(m)]
    real = [m for m, _ in survivors if not equivalent_reason(m)]
    lines = [
        "# Mutation run",
        "",
        "Written by `make mutate` (`python bench/mutate.py`); do not edit by hand.",
        "",
        f"- mutants: {n} sampled of {total_points} mutation points "
        f"(seed {args.seed}, {'module ' + args.module if args.module else 'whole package'})",
        f"- killed by the suite: {killed} ({_pct(killed, n)}), of which "
        f"{sum(1 for _, r, _ in results if r == 'timeout')} by timeout",
        f"- survived: {len(survivors)}, of which {len(equivalent)} equivalent (listed below "
        "with the reason; no test could tell them from the original)",
        f"- **kill rate: {_pct(killed + len(equivalent), n)}** counting the listed equivalent "
        f"mutants as killed ({_pct(killed, n)} without)",
        f"- wall time: {wall / 60:.1f} min on {os.cpu_count()} cores",
        *(history or []),
        "",
        "## By module",
        "",
        "| module | mutants | killed | equivalent | survived |",
        "|---|---:|---:|---:|---:|",
    ]
    per: dict[str, Counter[str]] = {}
    for m, r, _ in results:
        c = per.setdefault(m.module, Counter())
        c["n"] += 1
        if r in ("killed", "timeout"):
            c["killed"] += 1
        elif equivalent_reason(m):
            c["equivalent"] += 1
        else:
            c["survived"] += 1
    for module in sorted(per):
        c = per[module]
        lines.append(
            f"| {module} | {c['n']} | {c['killed']} | {c['equivalent']} | {c['survived']} |"
        )
    lines += ["", "## Survivors", ""]
    if real:
        lines += ["| where | mutation | line |", "|---|---|---|"]
        for m in sorted(real, key=lambda m: (m.module, m.line)):
            lines.append(f"| {m.module}:{m.line} | {m.what} | `{_md(m.source)}` |")
    else:
        lines.append("None.")
    lines += ["", "## Equivalent survivors (counted as killed)", ""]
    if equivalent:
        lines += ["| where | mutation | line | why no test can tell |", "|---|---|---|---|"]
        for m, why in sorted(equivalent, key=lambda e: (e[0].module, e[0].line)):
            lines.append(f"| {m.module}:{m.line} | {m.what} | `{_md(m.source)}` | {why} |")
    else:
        lines.append("None.")
    lines += [
        "",
        "## Every mutant, in the order run",
        "",
        "| # | where | mutation | outcome | suite s |",
        "|---:|---|---|---|---:|",
    ]
    for n, (m, r, took) in enumerate(results, 1):
        shown = "equivalent" if r == "survived" and equivalent_reason(m) else r
        lines.append(f"| {n} | {m.module}:{m.line} | {m.what} | {shown} | {took:.1f} |")
    lines.append("")
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("`", "'")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--sample", type=int, default=120, help="how many mutants (default 120)")
    p.add_argument("--module", help="only this module, e.g. totals or views/show")
    p.add_argument("--seed", type=int, default=SEED)
    p.add_argument(
        "--timeout", type=float, default=0, help="seconds per mutant (default: 4x clean)"
    )
    p.add_argument("--list", action="store_true", help="list the sampled mutants and stop")
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument(
        "--jobs", type=int, default=2, help="mutants run at once, each in its own copy (default 2)"
    )
    p.add_argument(
        "--again",
        action="store_true",
        help="run the survivors of the last report again, against the suite as it is now\n"
        "(the package must be as it was; the report keeps the first pass's figures)",
    )
    args = p.parse_args(argv)
    if args.again:
        return again(args)

    if not modules_of(ROOT, args.module):
        p.error(f"no module {args.module} in {PACKAGE}/")
    if args.list:
        by_module = all_mutants(modules_of(ROOT, args.module), ROOT)
        for m in sample(by_module, args.sample, args.seed):
            print(f"{m.module}:{m.line}\t{m.what}\t{m.source}")
        return 0

    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="deal-mutate-") as tmp:
        # one snapshot of the tree, taken first: edits made while the run goes on change nothing
        copies = [Path(tmp) / f"project-{j}" for j in range(max(1, args.jobs))]
        _copy_project(copies[0])
        for copy in copies[1:]:
            _copy_project(copy, copies[0])
        by_module = all_mutants(modules_of(copies[0], args.module), copies[0])
        total_points = sum(len(v) for v in by_module.values())
        picked = sample(by_module, args.sample, args.seed)
        outcome, clean, output = _run_suite_output(copies[0], timeout=900)
        if outcome != "survived":
            print(output, file=sys.stderr)
            print("the suite fails without any mutation; fix it first", file=sys.stderr)
            return 1
        timeout = args.timeout or max(60.0, 4 * clean)
        print(
            f"clean run {clean:.1f} s; {len(picked)} mutants, {len(copies)} at once, "
            f"timeout {timeout:.0f} s each",
            flush=True,
        )
        results = _run_all(picked, copies, timeout)
    wall = time.perf_counter() - start
    args.out.write_text(write_report(results, args, total_points, wall))
    killed = sum(1 for _, r, _ in results if r != "survived")
    out = args.out.resolve()
    shown = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    print(f"killed {killed}/{len(results)}; report in {shown}")
    return 0


_ROW = re.compile(r"^\| (\d+) \| (\S+):(\d+) \| ([^|]+?) \| (\w+) \| ([\d.]+) \|$", re.M)


def again(args: argparse.Namespace) -> int:
    """The survivors of the last report run again: tests added since may kill them. The
    sample is drawn again from the package and must match the report's, mutant for mutant:
    a changed package means a new run."""
    text = args.out.read_text()
    found = re.search(r"- mutants: (\d+) sampled of \d+ mutation points \(seed (\d+), whole", text)
    rows = _ROW.findall(text)
    if not found or not rows:
        print(f"{args.out}: no whole-package run to go on from", file=sys.stderr)
        return 1
    n, seed = int(found[1]), int(found[2])
    history = re.findall(r"^- (?:first pass|again): .*$", text, re.M)
    minutes = float(re.search(r"- wall time: ([\d.]+) min", text)[1])  # type: ignore[index]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="deal-mutate-") as tmp:
        copies = [Path(tmp) / f"project-{j}" for j in range(max(1, args.jobs))]
        _copy_project(copies[0])
        for copy in copies[1:]:
            _copy_project(copy, copies[0])
        by_module = all_mutants(modules_of(copies[0]), copies[0])
        total_points = sum(len(v) for v in by_module.values())
        picked = sample(by_module, n, seed)
        if [(f"{m.module}:{m.line}", m.what) for m in picked] != [
            (f"{r[1]}:{r[2]}", r[3]) for r in rows
        ]:
            print("the package changed since that run: run `make mutate` afresh", file=sys.stderr)
            return 1
        outcome, clean, output = _run_suite_output(copies[0], timeout=900)
        if outcome != "survived":
            print(output, file=sys.stderr)
            print("the suite fails without any mutation; fix it first", file=sys.stderr)
            return 1
        redo = [
            i
            for i, r in enumerate(rows)
            if r[4] == "survived" and not equivalent_reason(picked[i])  # listed since: no use
        ]
        print(f"clean run {clean:.1f} s; {len(redo)} survivors to run again", flush=True)
        timeout = args.timeout or max(60.0, 4 * clean)
        fresh = dict(zip(redo, _run_all([picked[i] for i in redo], copies, timeout), strict=True))
    results = []
    for i, m in enumerate(picked):
        r = rows[i]
        before = "survived" if r[4] == "equivalent" else r[4]
        results.append(fresh.get(i, (m, before, float(r[5]))))
    if not history:
        killed = sum(1 for r in rows if r[4] in ("killed", "timeout"))
        history.append(
            f"- first pass: {killed} of {n} killed ({_pct(killed, n)}), "
            f"{sum(1 for r in rows if r[4] == 'equivalent')} equivalent"
        )
    newly = sum(1 for i in redo if fresh[i][1] != "survived")
    history.append(
        f"- again: the {len(redo)} survivor(s) of the pass before run against the suite as it "
        f"is now: {newly} killed ({(time.perf_counter() - start) / 60:.1f} min)"
    )
    args.seed, args.module = seed, None
    args.out.write_text(write_report(results, args, total_points, minutes * 60, history))
    print(f"killed {newly} of {len(redo)} survivors; report in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
