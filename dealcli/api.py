"""The Python API: the deals, and every command's report, with the command line's options.

Each function here is what the command of the same name runs (the command line calls
them), so a report's `to_records()` holds the keys and numbers `deal CMD ... -f json`
prints. Deals are given as `Deal`s (from `load()`), or as names of bundled deals.
Nothing here imports Typer, Rich, Click, tabulate or XlsxWriter; pydantic only when a
deal file has to be read and validated afresh.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Union

from .core.asof import at, stamp
from .core.errors import Problem, UsageError, did_you_mean
from .core.model import Deal
from .core.table import Report

if TYPE_CHECKING:
    from .core.context import Bearing
    from .core.registry import Registry

DealLike = Union[Deal, str, "Deals", Iterable[Deal]]


class Deals(Mapping[str, Deal]):
    """The deals loaded, by id; an alias finds its deal too (`deals["jp"]`).

    An unknown name raises KeyError with the nearest name (`did you mean 'japan'?`).
    `problems` lists what was wrong with files that could not be read.
    """

    def __init__(self, registry: Registry) -> None:
        self._registry = registry
        self.problems: list[Problem] = list(registry.problems)

    def __getitem__(self, name: str) -> Deal:
        try:
            return self._registry.resolve(name).deal
        except UsageError as exc:
            raise KeyError(str(exc).split("\n", 1)[0]) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._registry.entries)

    def __len__(self) -> int:
        return len(self._registry)

    def __repr__(self) -> str:
        return f"<Deals: {', '.join(self)}>"

    def origin(self, name: str) -> str:
        """Where a deal came from: "bundled", or its file's path."""
        try:
            return self._registry.resolve(name).origin
        except UsageError as exc:
            raise KeyError(str(exc).split("\n", 1)[0]) from None

    @property
    def registry(self) -> Registry:
        return self._registry


def load(
    path: str | Path | None = None,
    *,
    paths: Iterable[str | Path] = (),
    bundled: bool | None = None,
    cache: bool = True,
) -> Deals:
    """The deals: bundled ones by default; `load("folder/")` or `load(paths=[...])` for the
    deal files in other folders, after the bundled ones with `bundled=True`.

    A later deal with the same id replaces an earlier one; a file that cannot be used is
    left out and named in `.problems`. Validated deals are cached as the command line
    caches them (`cache=False`: read every file afresh).
    """
    from .core.environment import Environment
    from .core.registry import open_registry

    folders = [Path(p) for p in ([path] if path is not None else [])] + [Path(p) for p in paths]
    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        raise FileNotFoundError(f"not a folder of deal files: {', '.join(missing)}")
    with_bundled = not folders if bundled is None else bundled
    env = Environment.from_process()
    registry = open_registry(
        folders, cache_dir=env.cache_dir if cache else None, bundled=with_bundled
    )
    return Deals(registry)


@functools.cache
def bundled() -> Deals:
    return load()


def _one(deal: Deal | str) -> Deal:
    return bundled()[deal] if isinstance(deal, str) else deal


def _many(given: Iterable[DealLike]) -> list[Deal]:
    """Deals, names of bundled deals, `Deals` or lists of them, flattened; none: every
    bundled deal."""
    out: list[Deal] = []
    for item in given:
        if isinstance(item, Deals):
            out += list(item.values())
        elif isinstance(item, Deal | str):
            out.append(_one(item))
        else:
            out += [_one(d) for d in item]
    return out


def _all_or(given: tuple[DealLike, ...]) -> list[Deal]:
    return _many(given) if given else list(bundled().values())


def _choice(option: str, given: str | None, choices: Iterable[str]) -> str | None:
    """`given` when it is one of `choices` (case aside), as the command line checks it."""
    if given is None:
        return None
    known = list(choices)
    for c in known:
        if c.casefold() == given.casefold():
            return c
    hint = did_you_mean(given, known)
    raise ValueError(f"{option} takes {', '.join(known)}, not {given!r}{hint}")


def day_of(value: date | str | None, option: str = "as_of") -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{option} takes a date as YYYY-MM-DD, not {value!r}") from None


# -- the commands -------------------------------------------------------------------------


def list_deals(deals: Deals | None = None, as_of: date | str | None = None) -> Report:
    """`deal list`: one row a deal."""
    from .core.asof import as_of as stood
    from .core.summary import summarize
    from .views.listing import listing

    entries = (bundled() if deals is None else deals).registry.entries.values()
    when = day_of(as_of)
    if when is None:
        return listing((e.summary, e.origin) for e in entries)
    return stamp(listing((summarize(stood(e.load(), when)), e.origin) for e in entries), when)


def show(
    deal: Deal | str,
    section: Iterable[str] = (),
    as_of: date | str | None = None,
    currency: str | None = None,
    context: Deals | None = None,
) -> Report:
    """`deal show`: a whole deal, or the sections named (`section=["totals"]`); its timeline
    holds the events of `context`'s records (default: the bundled ones) that bear on it."""
    from .views.show import SECTIONS
    from .views.show import show as view

    parts = [_choice("section", s, SECTIONS) or s for s in _listed(section)]
    when = day_of(as_of)
    one = _one(deal)
    bearing = _events([one], context, when) if not parts or "timeline" in parts else []
    shown = view(at(one, when), parts, as_of=when, currency=currency, context=bearing)
    return stamp(shown, when)


def allocations(
    deal: Deal | str,
    by: str = "sector",
    status: str | None = None,
    sector: str | None = None,
    top: int | None = None,
    sort: str = "amount",
    totals: bool = False,
    as_of: date | str | None = None,
) -> Report:
    """`deal allocations`: where the money goes, grouped `by` sector, company, ..."""
    from .core.model import ALLOCATION_STATUSES
    from .views.allocations import GROUPINGS, SORTS, allocations_by
    from .views.common import known_sector

    grouping = _choice("by", by, GROUPINGS) or "sector"
    order = _choice("sort", sort, SORTS) or "amount"
    stage = _choice("status", status, ALLOCATION_STATUSES)
    if top is not None and top < 1:
        raise ValueError(f"top takes a whole number of 1 or more, not {top}")
    when = day_of(as_of)
    whole = _one(deal)
    if sector is not None:
        known_sector(whole, sector)
    report = allocations_by(
        at(whole, when), grouping, stage, sector, top, order, remainders=totals, total=totals
    )
    return stamp(report, when)


def companies(
    *deals: DealLike,
    country: str | None = None,
    role: str | None = None,
    as_of: date | str | None = None,
) -> Report:
    """`deal companies`: the companies behind the projects (of every bundled deal by default)."""
    from typing import get_args

    from .core.model import Role
    from .views.common import known_country
    from .views.companies import companies as view

    kind = _choice("role", role, get_args(Role))
    when = day_of(as_of)
    chosen = _all_or(deals)
    if country is not None:
        known_country(chosen, country)
    return stamp(view([at(d, when) for d in chosen], country, kind), when)


def compare(
    *deals: DealLike, section: Iterable[str] = (), as_of: date | str | None = None
) -> Report:
    """`deal compare`: deals side by side, a section per theme (every bundled deal by default)."""
    from .core.compared import measures
    from .views.compare import PARTS, compare_measures

    parts = [_choice("section", s, PARTS) or s for s in _listed(section)] or None
    when = day_of(as_of)
    held = (deals[0] if len(deals) == 1 else None) if deals else bundled()
    chosen = held.registry.entries.values() if isinstance(held, Deals) else _all_or(deals)
    return stamp(compare_measures(measures(chosen, when), parts, when or date.today()), when)


def flows(deal: Deal | str, totals: bool = False, as_of: date | str | None = None) -> Report:
    """`deal flows`: amounts by the home country of the lead companies."""
    from .views.flows import flows as view

    when = day_of(as_of)
    return stamp(view(at(_one(deal), when), totals), when)


def chart(
    *deals: DealLike,
    by: str | None = None,
    compare: bool = False,
    gdp: bool = False,
    as_of: date | str | None = None,
) -> Report:
    """`deal chart`: the numbers of the bar chart (one deal, or several with `compare`)."""
    from .views.chart import CHART_BY, chart_compare
    from .views.chart import chart as view

    shown = _choice("by", by, CHART_BY)
    when = day_of(as_of)
    chosen = _many(deals)
    if gdp and not compare:
        raise UsageError("--gdp goes with --compare")
    if compare:
        if shown not in (None, "sector") or (gdp and shown):
            raise UsageError("chart --compare takes --by sector or --gdp, one of them")
        what = "gdp" if gdp else (shown or "pledges")
        return stamp(chart_compare([at(d, when) for d in chosen], what), when)
    if len(chosen) != 1:
        raise UsageError("chart takes one deal; use --compare for two or more")
    return stamp(view(at(chosen[0], when), shown or "sector"), when)


def pace(deal: Deal | str, as_of: date | str | None = None, drawn: bool = False) -> Report:
    """`deal pace`: selected money over time against the deadline; `drawn`: the report a
    terminal draws as a chart."""
    from .core.asof import as_of as stood
    from .views.pace import pace as view
    from .views.pace import pace_chart

    when = day_of(as_of)
    on = when or date.today()
    stood_then = stood(_one(deal), on)
    return stamp(pace_chart(stood_then, on) if drawn else view(stood_then, on), when)


def returns(
    *deals: DealLike,
    compare: bool = False,
    amount: object = None,
    project: str | None = None,
    yield_: object = None,
    loan_share: object = None,
    loan_rate: object = None,
    deemed_rate: object = None,
    interest: str = "simple",
    recoup: str = "target",
    years: object = None,
    life: object = None,
    discount: object = None,
    paid_in: str | None = None,
    section: Iterable[str] = (),
    drawn: bool = False,
) -> Report:
    """`deal returns`: what the profit split pays each side. Each numeric input is a number
    or "START:STOP:STEP" (a sweep); None keeps the default; `drawn`: with section "chart",
    the report a terminal draws."""
    from .views.returns import DEFAULTS, OPTIONS
    from .views.returns_parts import SECTIONS
    from .views.returns_run import build

    given = {"--yield": yield_, "--loan-share": loan_share, "--loan-rate": loan_rate,
             "--deemed-rate": deemed_rate, "--years": years, "--life": life,
             "--discount": discount}  # fmt: skip
    typed = {o: str(getattr(DEFAULTS, OPTIONS[o][0]) if v is None else v) for o, v in given.items()}
    parts = [_choice("section", s, SECTIONS) or s for s in _listed(section)] or None
    chosen = _many(deals)
    interest = _choice("interest", interest, ("simple", "compound")) or interest
    recoup = _choice("recoup", recoup, ("target", "schedule")) or recoup
    paid = _choice("paid_in", paid_in, ("even", "upfront"))
    text = None if amount is None else str(amount)
    return build(chosen, compare, text, project, typed, interest, recoup, paid, parts, drawn)


def diff(old: Deal | str, new: Deal | str, old_name: str = "", new_name: str = "") -> Report:
    """`deal diff`: what changed between two versions of a deal."""
    from .views.diff import diff as view

    a, b = _one(old), _one(new)
    return view(
        a,
        b,
        old_name or str(old if isinstance(old, str) else a.id),
        new_name or str(new if isinstance(new, str) else b.id),
    )


def sources(deal: Deal | str) -> Report:
    """`deal sources DEAL`: the numbered sources of a deal."""
    from .views.sources import sources as view

    return view(_one(deal))


def check_sources(*deals: DealLike) -> Report:
    """`deal sources --check`: what an editor would query (every bundled deal by default)."""
    from .views.sources import check

    return check(_all_or(deals))


def search(text: str, *deals: DealLike) -> Report:
    """`deal search TEXT`: titles, companies, terms, commitments and events that hold it."""
    from .views.search import search as view

    return view(_all_or(deals), text)


def timeline(
    *deals: DealLike,
    since: date | str | None = None,
    until: date | str | None = None,
    context: Deals | None = None,
) -> Report:
    """`deal timeline`: the events of deals, merged and sorted by date, with those of
    `context`'s records (default: the bundled ones) that bear on them."""
    from .views.timeline import timeline as view

    chosen = _all_or(deals)
    return view(chosen, day_of(since, "since"), day_of(until, "until"), _events(chosen, context))


def _events(deals: list[Deal], context: Deals | None, day: date | None = None) -> list[Bearing]:
    """The events of `context`'s records (the bundled ones) bearing on `deals`, to `day`."""
    from .core.context import of_deals, until

    records = (bundled() if context is None else context).registry.records()
    return until(of_deals(deals, records), day)


def validate(*paths: str | Path) -> list[Problem]:
    """`deal validate`: every problem of every deal file (folders stand for their files),
    each with its path, line and column; warnings have `.warning` set."""
    from .core.reading import read_any_file
    from .core.validate import files_of

    problems: list[Problem] = []
    for f in files_of([Path(p) for p in paths]):
        problems += read_any_file(f)[1]
    return problems


def _listed(value: Iterable[str] | str) -> list[str]:
    return [value] if isinstance(value, str) else list(value)
