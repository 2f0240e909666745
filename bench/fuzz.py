"""`make fuzz`: a bounded fuzzing run of the loader (hypothesis, coverage-guided).

Feeds the whole read path (bytes -> YAML events -> validation) mutated deal
files, random bytes and YAML-shaped junk, for FUZZ_SECONDS (default 60). The
loader must return a deal or the project's own problems: any other exception,
or one input taking over 2 seconds, fails the run. Not part of `make test`.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dealcli.core.build import build  # noqa: E402
from dealcli.core.parse import read_bytes  # noqa: E402

SECONDS = float(os.environ.get("FUZZ_SECONDS", "60"))
SEEDS = [p.read_bytes() for p in sorted((ROOT / "deals").glob("*.yaml"))]
SEEDS += [p.read_bytes() for p in sorted((ROOT / "tests" / "fixtures").glob("*.yaml"))]
YAML_BITS = [
    b"&a ",
    b"*a",
    b"!!python/object:os.system ",
    b"<<: ",
    b"- ",
    b": ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"\t",
    b"\n",
    b'"',
    b"'",
    b"NO",
    b"50:50",
    b"2025-01-01",
    b".nan",
    b"-1",
    b"x-k: ",
    b"---\n",
    b"\xff",
    b"\x00",
    b"\xe2\x80\xae",
    "é東".encode(),
]
START = time.monotonic()
COUNT = 0


def check(data: bytes) -> None:
    global COUNT
    COUNT += 1
    began = time.monotonic()
    deal, problems = build("fuzz.yaml", read_bytes("fuzz.yaml", data))
    assert deal is not None or any(not p.warning for p in problems)
    for p in problems:
        str(p)
    took = time.monotonic() - began
    assert took < 2, f"an input took {took:.1f} s"


def splice(seed: bytes, at: int, cut: int, bits: list[bytes]) -> bytes:
    at %= len(seed) + 1
    return seed[:at] + b"".join(bits) + seed[at + cut :]


@settings(max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(
    st.sampled_from(range(len(SEEDS))),
    st.integers(0, 200_000),
    st.integers(0, 60),
    st.lists(st.one_of(st.sampled_from(YAML_BITS), st.binary(max_size=8)), max_size=6),
    st.binary(max_size=64),
)
def fuzz(seed: int, at: int, cut: int, bits: list[bytes], noise: bytes) -> None:
    if time.monotonic() - START > SECONDS:
        raise TimeoutError
    check(splice(SEEDS[seed], at, cut, bits))
    check(noise)


if __name__ == "__main__":
    with contextlib.suppress(TimeoutError):  # the time budget ran out: a normal end
        fuzz()
    print(f"fuzzed the loader with {COUNT} inputs in {time.monotonic() - START:.0f} s: no crash")
