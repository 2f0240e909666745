"""Work over many files in a pool of processes, one per core, when there are enough of them
to pay for the pool's start (the first run over a large folder, `deal validate` of one)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")

PARALLEL_FROM = 48  # fewer files than this are read in this process


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worth_a_pool(count: int) -> bool:
    """Enough jobs, and cores, to pay for starting a pool."""
    return count >= PARALLEL_FROM and cores() >= 2


def in_pool(work: Callable[[Job], Result], jobs: Iterable[Job]) -> Iterator[Result]:
    """`work` of each job (a module-level function), in a pool of a process a core; the
    results in the jobs' order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forked workers start at once with what this process has loaded; elsewhere, spawned
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(cores(), mp_context=multiprocessing.get_context(method)) as pool:
        yield from pool.map(work, jobs, chunksize=8)
