"""Generate a folder of realistic, valid deal files for the benchmark.

Each deal has about 20 allocations with companies, a few tranches, terms,
commitments, events and sources, like the bundled ones. Deterministic for a
given count and seed.

    python bench/generate.py 1000 bench/data/deals-1000
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from dealcli.core import model

SECTORS = list(model.SECTORS)
STATUSES = ["candidate"] * 6 + ["selected", "funded", "operating", "cancelled"]
COUNTRIES = ["JP", "KR", "US", "DE", "GB", "FR", "CA", "AU", "IN", "SG"]


def deal_text(n: int, rng: random.Random) -> str:
    investor, host = rng.sample(COUNTRIES, 2)
    headline = rng.randrange(50, 900)
    cash = rng.randrange(10, headline)
    lines = [
        "format: 1",
        f"id: gen-{n:05d}",
        f"title: Generated investment deal number {n}",
        f"aliases: [g{n}]",
        f'investor: {{name: Country {investor}, code: "{investor}", gdp_usd_bn: {rng.randrange(500, 9000)}, '
        f"gdp_year: 2025, sources: [s1]}}",
        f'host: {{name: Country {host}, code: "{host}"}}',
        f"headline: {{usd_bn: {headline}, basis: committed, sources: [s1, s2]}}",
        "status: signed",
        "updated: 2026-03-20",
        "period: {from: 2025-09-04, to: 2029-01-19, sources: [s1]}",
        "vehicle: Loans, guarantees and equity from state lenders",
        "structure:",
        f"  - {{id: cash, label: Cash, usd_bn: {cash}, basis: committed, instrument: cash, sources: [s1]}}",
        f"  - {{id: credit, label: Credit, usd_bn: {headline - cash}, basis: committed, "
        "instrument: loan, sources: [s2]}",
        "terms:",
        "  - {id: tariff-rate, label: Tariff, value: 15%, pct: 15, authority: IEEPA, from: 2025-08-07, sources: [s1]}",
        f"  - {{id: annual-cap, label: Annual cap, value: capped, usd_bn: {rng.randrange(5, 40)}, sources: [s2]}}",
        "  - {id: profit-split-after-recoupment, label: Split, value: 90/10, pct: 90, sources: [s3]}",
        "allocations:",
    ]
    for i in range(20):
        status = rng.choice(STATUSES)
        lines += [
            f"  - id: project-{i}",
            f"    title: Project {i} of deal {n}, a plant with a long descriptive title",
            f"    sector: {rng.choice(SECTORS)}",
            f"    subsector: Subsector {rng.randrange(5)}",
            f"    usd_bn: {rng.randrange(1, 4000) / 100}",
            f"    basis: {rng.choice(['up_to', 'committed', 'reported'])}",
            f"    tranche: {rng.choice(['cash', 'credit'])}",
            f"    status: {status}",
            "    date: 2026-02-17",
            "    companies:",
            f'      - {{name: Company {rng.randrange(300)}, country: "{rng.choice(COUNTRIES)}", role: lead}}',
            f'      - {{name: Company {rng.randrange(300)}, country: "{rng.choice(COUNTRIES)}", role: partner}}',
            f"    sources: [s{rng.randrange(1, 6)}]",
        ]
    lines.append("commitments:")
    for i in range(5):
        lines.append(
            f"  - {{id: pledge-{i}, area: purchases, title: Buy goods {i}, usd_bn: {i + 1}, "
            "basis: target, sources: [s4]}"
        )
    lines.append("timeline:")
    for i in range(8):
        lines.append(f"  - {{date: 2025-{i + 1:02d}-15, title: Milestone {i}, sources: [s5]}}")
    lines.append("sources:")
    for i in range(1, 6):
        lines.append(
            f"  - {{id: s{i}, title: Source {i}, publisher: Publisher {i}, "
            f'url: "https://example.org/{n}/{i}", date: 2026-03-20, kind: news}}'
        )
    return "\n".join(lines) + "\n"


def generate(count: int, folder: Path, seed: int = 7) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for n in range(count):
        (folder / f"gen-{n:05d}.yaml").write_text(deal_text(n, rng))


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
