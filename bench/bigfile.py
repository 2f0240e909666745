"""The largest deal file the limits allow, and smaller ones of the same shape.

The limits (docs/deal-format.md, core/parse.py): 4 MiB, 100,000 values in all (keys
included), 10,000 items in a list, 200 keys in a mapping. The values cap binds first:
a deal of N allocations (each with its lead company), N/2 timeline events and 20 sources
is valid up to the N found here by bisection with the program's own reader. Smaller
files take a fraction of that N, so that each command's growth can be seen.

    python bench/bigfile.py bench/data/big     # big-1.yaml, big-2.yaml, big-4.yaml, big-0.yaml
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from dealcli.core import model
from dealcli.core.reading import read_deal_bytes

SECTORS = list(model.SECTORS)
STATUSES = ["candidate", "selected", "funded", "operating", "cancelled"]
SOURCES = 20


def deal_text(n: int, deal_id: str = "big", seed: int = 11) -> str:
    """A valid format 1 deal of `n` allocations and n // 2 events."""
    rng = random.Random(seed)
    lines = [
        "format: 1",
        f"id: {deal_id}",
        f"title: The largest deal the limits allow, {n} allocations",
        'investor: {name: Country JP, code: "JP", gdp_usd_bn: 4000, gdp_year: 2025, sources: [s1]}',
        'host: {name: Country US, code: "US"}',
        "headline: {usd_bn: 9000000, basis: committed, sources: [s1]}",
        "status: signed",
        "updated: 2026-03-20",
        "period: {from: 2025-09-04, to: 2029-01-19, sources: [s1]}",
        "structure:",
        "  - {id: cash, label: Cash, usd_bn: 4000000, basis: committed, instrument: cash, sources: [s1]}",
        "  - {id: credit, label: Credit, usd_bn: 5000000, basis: committed, instrument: loan, "
        "sources: [s2]}",
        "terms:",
        "  - {id: tariff-rate, label: Tariff, value: 15%, pct: 15, from: 2025-08-07, sources: [s1]}",
        "  - {id: annual-cap, label: Annual cap, value: capped, usd_bn: 20, sources: [s2]}",
        "allocations:",
    ]
    for i in range(n):
        day = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"
        lines += [
            f"  - {{id: p{i}, title: Project {i} with a descriptive title, "
            f"sector: {rng.choice(SECTORS)}, status: {rng.choice(STATUSES)}, "
            f"usd_bn: {rng.randrange(1, 9000) / 100}, basis: committed, "
            f"tranche: {rng.choice(['cash', 'credit'])}, date: {day}, "
            f"sources: [s{1 + i % SOURCES}],",
            f'     companies: [{{name: Company {rng.randrange(900)}, country: "US", role: lead}}]}}',
        ]
    lines.append("timeline:")
    for i in range(n // 2):
        day = f"{2025 + i % 2}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        lines.append(f"  - {{date: {day}, title: Milestone {i}, sources: [s{1 + i % SOURCES}]}}")
    lines.append("sources:")
    for i in range(1, SOURCES + 1):
        lines.append(
            f"  - {{id: s{i}, title: Source {i}, publisher: Publisher {i}, "
            f'url: "https://example.org/big/{i}", date: 2026-03-20, kind: news}}'
        )
    return "\n".join(lines) + "\n"


def valid(n: int) -> bool:
    deal, problems = read_deal_bytes(Path("big.yaml"), deal_text(n).encode())
    return deal is not None and not [p for p in problems if not p.warning]


def largest() -> int:
    """The most allocations a valid file of this shape can hold within the limits."""
    low, high = 1, 10_000  # the list cap
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if valid(mid) else (low, mid - 1)
    return low


SMALL = 20  # allocations of the file that stands for start-up: a deal of the same shape


def build(folder: Path) -> tuple[dict[int, int], dict[int, Path]]:
    """Allocations and paths, by part: big-1 (the largest), big-2 (half), big-4 (a quarter)
    and big-0 (SMALL allocations), each in a folder of its own; kept, and built again only
    when missing."""
    stamp = folder / "allocations.txt"
    if not stamp.exists():
        folder.mkdir(parents=True, exist_ok=True)
        stamp.write_text(f"{largest()}\n")
    full = int(stamp.read_text())
    sizes = {part: full // part if part else SMALL for part in (1, 2, 4, 0)}
    paths = {}
    for part, n in sizes.items():
        path = folder / f"size-{part}" / f"big-{part}.yaml"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(deal_text(n, f"big-{part}"))
        paths[part] = path
    return sizes, paths


if __name__ == "__main__":
    sizes, paths = build(Path(sys.argv[1]))
    for part, path in paths.items():
        print(part, sizes[part], path, path.stat().st_size)
