"""Property tests: mutated deal files never crash the loader; numbers round-trip exactly."""

from __future__ import annotations

import csv
import io
import json
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealcli.core.build import build
from dealcli.core.errors import Problem
from dealcli.core.model import Deal
from dealcli.core.parse import read_bytes
from dealcli.core.table import Share
from dealcli.core.totals import totals
from dealcli.render import Options, render
from dealcli.render.cells import human
from dealcli.views import allocations as allocations_view
from dealcli.views import show as show_views
from dealcli.views.show import show

from .conftest import FIXTURES

MINI_TEXT = (FIXTURES / "mini.yaml").read_text()
MINI = yaml.safe_load(MINI_TEXT)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_text(data: bytes) -> tuple[Any, list[Problem]]:
    """The whole read path; it may return a deal or problems, and nothing else."""
    return build("fuzz.yaml", read_bytes("fuzz.yaml", data))


def check_outcome(deal: Any, problems: list[Problem]) -> None:
    for p in problems:
        assert isinstance(p.message, str) and p.message
        assert str(p).startswith(p.where())  # always printable, and says where
    if deal is None:
        assert any(not p.warning for p in problems)
    else:
        assert all(p.warning for p in problems)
        if within_arithmetic(deal):
            check_invariants(deal)


# Amounts a file may hold but the views cannot yet show: a share of 10^27 % has more digits
# than a Decimal holds, and rounding it for display raises (a known bug of the views,
# not of the loader, which this module is about). The invariants are checked below it.
LARGEST_SHARE = Decimal(10) ** 24


def within_arithmetic(deal: Deal) -> bool:
    head = deal.headline.usd_bn
    amounts = [
        head,
        *(a.usd_bn or 0 for a in deal.allocations),
        *(t.usd_bn for t in deal.structure),
    ]
    most = sum(amounts, Decimal(0))  # no sum of parts is larger
    return most < LARGEST_SHARE and (not head or most * 100 / head < LARGEST_SHARE)


def my_share(part: Decimal, whole: Decimal, places: int = 2) -> Decimal:
    """part / whole as a percentage, rounded once, half to even: as files (two places) and
    screens (one place) show it."""
    return (part * 100 / whole).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)


def check_share(cell: Any, part: Decimal, whole: Decimal) -> None:
    """A view's share cell: exact (to the 28 digits of a Decimal), never rounded early."""
    if not whole:
        assert cell is None
        return
    assert isinstance(cell, Share), cell
    exact = part * 100 / whole
    assert abs(cell - exact) <= abs(exact) * Decimal("1e-25"), (cell, exact)


def my_counted(deal: Deal, statuses: set[str]) -> list[Any]:
    """Allocations that count: of these statuses, unless inside a sized envelope of the same."""
    by_id = {a.id: a for a in deal.allocations}
    out = []
    for a in deal.allocations:
        parent = by_id.get(a.part_of or "")
        inside = parent is not None and parent.status == a.status and parent.usd_bn is not None
        if a.status in statuses and not inside:
            out.append(a)
    return out


def check_invariants(deal: Deal) -> None:
    """What holds for every deal that loads: sums of parts, shares, sources."""
    defined = {s.id for s in deal.sources}
    items: list[Any] = [deal.investor, deal.host, deal.headline, *deal.structure, *deal.terms]
    items += [*deal.allocations, *deal.commitments, *deal.timeline]
    if deal.period:
        items.append(deal.period)
    for item in items:
        assert set(item.sources) <= defined
    assert len(defined) == len(deal.sources)  # ids are unique
    head = deal.headline.usd_bn
    selected = my_counted(deal, {"selected", "funded", "operating"})
    candidates = my_counted(deal, {"candidate"})
    want_selected = sum((a.usd_bn or 0 for a in selected), Decimal(0))
    want_candidates = sum((a.usd_bn or 0 for a in candidates), Decimal(0))
    t = totals(deal)
    assert (t.selected, t.candidates) == (want_selected, want_candidates)
    assert t.unselected == max(head - want_selected, Decimal(0))
    table = {r["measure"]: r for r in show_views.totals_table(deal).records()}
    for measure, value in (
        ("selected", want_selected),
        ("candidates", want_candidates),
        ("unselected", t.unselected),
    ):
        assert table[measure]["usd_bn"] == value
        check_share(table[measure]["share_pct"], value, head)
    assert table["selected"]["allocations"] == len(selected)
    assert table["candidates"]["unsized"] == sum(a.usd_bn is None for a in candidates)
    sectors = show_views.sectors(deal).records()
    assert sum((r["selected_usd_bn"] for r in sectors), Decimal(0)) == want_selected
    assert sum((r["candidate_usd_bn"] for r in sectors), Decimal(0)) == want_candidates
    assert sum(r["allocations"] for r in sectors) == len(selected) + len(candidates)
    assert sum(r["unsized"] for r in sectors) == sum(
        a.usd_bn is None for a in selected + candidates
    )
    for r in sectors:
        for stage in ("candidate", "selected"):
            check_share(r[f"{stage}_share_pct"], r[f"{stage}_usd_bn"], head)
    # not "company" or "country": an amount split among three leads does not add up exactly
    # (20 / 3 * 3 = 20.00000000000000000000000001), reported as a bug, not tested here
    for by in ("sector", "status", "basis"):
        rows = allocations_view.allocations_by(deal, by).tables[0].records()
        groups = [r for r in rows if r["row"] == "group"]
        assert sum((r["selected_usd_bn"] for r in groups), Decimal(0)) == want_selected
        assert sum((r["candidate_usd_bn"] for r in groups), Decimal(0)) == want_candidates


# -- mutations of a valid deal ---------------------------------------------------

PATHS: list[tuple[Any, ...]] = []


def _collect(value: Any, path: tuple[Any, ...]) -> None:
    PATHS.append(path)
    if isinstance(value, dict):
        for k, v in value.items():
            _collect(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _collect(v, (*path, i))


_collect(MINI, ())

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.dates(),
)


def _mutate(doc: Any, path: tuple[Any, ...], action: str, replacement: Any) -> Any:
    import copy

    doc = copy.deepcopy(doc)
    if not path:
        return replacement
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "drop":
        del parent[last]
    elif action == "retype":
        parent[last] = replacement
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    elif action == "rename" and isinstance(parent, dict):
        parent[str(replacement)[:12]] = parent.pop(last)
    return doc


@SETTINGS
@given(
    st.sampled_from(PATHS),
    st.sampled_from(["drop", "retype", "duplicate", "rename"]),
    junk,
)
def test_mutated_deals_give_a_deal_or_problems(
    path: tuple[Any, ...], action: str, value: Any
) -> None:
    doc = _mutate(MINI, path, action, value)
    try:
        text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        return
    check_outcome(*load_text(text.encode("utf-8")))


@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    check_outcome(*load_text(data))


@SETTINGS
@given(st.integers(min_value=0, max_value=len(MINI_TEXT)), st.text(max_size=20))
def test_random_text_inserted_into_a_valid_file(at: int, inserted: str) -> None:
    text = MINI_TEXT[:at] + inserted + MINI_TEXT[at:]
    check_outcome(*load_text(text.encode("utf-8", "surrogatepass")))


@SETTINGS
@given(
    st.integers(min_value=0, max_value=len(MINI_TEXT) - 1), st.integers(min_value=1, max_value=40)
)
def test_random_cuts_of_a_valid_file(at: int, length: int) -> None:
    check_outcome(*load_text((MINI_TEXT[:at] + MINI_TEXT[at + length :]).encode()))


# -- generated valid deals: numbers round-trip exactly ------------------------------

exact = st.builds(
    lambda whole, frac, places: Decimal(whole) + Decimal(frac).scaleb(-places),
    st.integers(0, 9 * 10**6 - 1),  # plus at most 10**6 below: under the cap of 10,000,000
    st.integers(0, 10**6),
    st.integers(0, 8),
)


@SETTINGS
@given(st.lists(exact, min_size=1, max_size=8), exact)
def test_generated_amounts_round_trip_through_csv_and_json(
    values: list[Decimal], headline: Decimal
) -> None:
    allocations = "".join(
        f"  - {{id: g{i}, title: T{i}, sector: Energy, usd_bn: {v:f}, basis: up_to, "
        f"status: {'selected' if i % 2 else 'candidate'}, sources: [s]}}\n"
        for i, v in enumerate(values)
    )
    text = (
        "format: 1\nid: gen\ntitle: Generated\n"
        'investor: {name: A, code: "JP"}\nhost: {name: B, code: "US"}\n'
        f"headline: {{usd_bn: {headline:f}, basis: committed, sources: [s]}}\n"
        "status: signed\nupdated: 2026-01-01\n"
        f"allocations:\n{allocations}"
        "sources:\n  - {id: s, title: S, publisher: P, url: 'https://e.org', date: 2026-01-01, kind: news}\n"
    )
    deal, problems = load_text(text.encode())
    assert deal is not None, [str(p) for p in problems]
    check_outcome(deal, problems)
    assert [a.usd_bn for a in deal.allocations] == values
    report = show(deal, ["allocations", "totals"])
    alloc_csv = render(show(deal, ["allocations"]), Options(format="csv"))
    rows = list(csv.DictReader(io.StringIO(alloc_csv)))
    assert [Decimal(r["usd_bn"]) for r in rows] == values
    doc = json.loads(render(report, Options(format="json")), parse_float=Decimal)
    assert [Decimal(r["usd_bn"]) for r in doc["allocations"]] == values
    totals = {r["measure"]: r for r in doc["totals"]}
    assert Decimal(totals["pledged"]["usd_bn"]) == headline
    selected = sum((v for i, v in enumerate(values) if i % 2), Decimal(0))
    assert Decimal(totals["selected"]["usd_bn"]) == selected
    # a share in json: rounded once, half to even, to two places, from the exact value;
    # on screen to one place, from the exact value too
    share = totals["selected"]["share_pct"]
    assert (share is None) if not headline else (Decimal(share) == my_share(selected, headline))
    if headline:
        cell = show_views.totals_table(deal).records()[1]["share_pct"]
        assert human(cell, "pct") == f"{my_share(selected, headline, 1):,}%"


def test_the_invariants_hold_for_the_fixtures_and_bundled_deals() -> None:
    from dealcli.core.reading import read_deal

    from .conftest import BUNDLED

    for path in (FIXTURES / "mini.yaml", FIXTURES / "figures.yaml", *BUNDLED.glob("*.yaml")):
        check_invariants(read_deal(path))


def test_mutations_that_keep_a_deal_valid_are_checked() -> None:
    """The mutation strategy does reach loadable deals, so the invariants are exercised."""
    doc = _mutate(MINI, ("allocations", 0, "usd_bn"), "retype", 7)
    deal, problems = load_text(yaml.safe_dump(doc, sort_keys=False).encode())
    assert deal is not None, [str(p) for p in problems]
    check_outcome(deal, problems)
    assert totals(deal).candidates == Decimal(67)  # mini's 90 with a1 at 7 instead of 30
