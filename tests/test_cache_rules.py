"""The cache's check of the rules across fields agrees with the rules themselves.

A cached deal is rebuilt unvalidated and checked by `rules.references_hold`,
`format2.uses_format2` and the period rules, on the dataclasses. The rules a file meets
(`rules.reference_problems`, `format2.format2_problems`) read parsed mappings instead:
here each deal, whole and broken in one place, is turned back into the mapping a file
would give, and the two must agree on whether it breaks a rule.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from dealcli.core import model
from dealcli.core.decode import decode_deal, encode
from dealcli.core.format2 import format2_problems
from dealcli.core.reading import read_deal
from dealcli.core.registry import bundled_dir
from dealcli.core.rules import period_problems, reference_problems

from .conftest import FIXTURES


def as_parsed(value: Any) -> Any:
    """A built deal as the parser hands a file over: mappings by key, no defaults."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if item is not None and item != f.default and item != ():
                out[f.name.rstrip("_")] = as_parsed(item)
        return out
    if isinstance(value, tuple):
        return [as_parsed(v) for v in value]
    return value


def breaks_a_rule(deal: model.Deal) -> bool:
    """What validation says of the file: a problem that is not a warning."""
    raw = as_parsed(deal)
    found = [
        *reference_problems("f", raw, {}),
        *period_problems("f", deal, {}),
        *format2_problems("f", raw, deal, {}),
    ]
    return any(not p.warning for p in found)


def cache_refuses(deal: model.Deal) -> bool:
    try:
        decode_deal(encode(deal))
    except ValueError:
        return True
    return False


R = dataclasses.replace
Change = Callable[[model.Deal], model.Deal]


def first(section: str, **changes: Any) -> Change:
    """The first item of a section changed (a deal with none stays as it is)."""

    def change(d: model.Deal) -> model.Deal:
        items = getattr(d, section)
        return R(d, **{section: (R(items[0], **changes), *items[1:])}) if items else d

    return change


def twice(section: str) -> Change:
    def change(d: model.Deal) -> model.Deal:
        items = getattr(d, section)
        return R(d, **{section: (*items, items[0])}) if items else d

    return change


def chained(d: model.Deal) -> model.Deal:
    """The second allocation part of the first, which is part of the third."""
    if len(d.allocations) < 3:
        return d
    a, b, c, *rest = d.allocations
    return R(d, allocations=(R(a, part_of=c.id), R(b, part_of=a.id), R(c, part_of=None), *rest))


def reversed_period(d: model.Deal) -> model.Deal:
    p = d.period
    return d if p is None or p.from_ == p.to else R(d, period=R(p, from_=p.to, to=p.from_))


NOPE = ("nope",)
LOCAL = model.Local("JPY", Decimal(1), ("nope",))
CHANGES: dict[str, Change] = {
    "unchanged": lambda d: d,
    "undefined source, headline": lambda d: R(d, headline=R(d.headline, sources=NOPE)),
    "undefined source, investor": lambda d: R(d, investor=R(d.investor, sources=NOPE)),
    "undefined source, host": lambda d: R(d, host=R(d.host, sources=NOPE)),
    "undefined source, allocation": first("allocations", sources=NOPE),
    "undefined source, term": first("terms", sources=NOPE),
    "undefined source, tranche": first("structure", sources=NOPE),
    "undefined source, event": first("timeline", sources=NOPE),
    "undefined source, commitment": first("commitments", sources=NOPE),
    "undefined source, local": first("allocations", local=LOCAL),
    "source id twice": twice("sources"),
    "tranche id twice": twice("structure"),
    "term id twice": twice("terms"),
    "allocation id twice": twice("allocations"),
    "commitment id twice": twice("commitments"),
    "undefined tranche": first("allocations", tranche="nope"),
    "part of nothing": first("allocations", part_of="nope"),
    "part of itself": lambda d: (
        first("allocations", part_of=d.allocations[0].id)(d) if d.allocations else d
    ),
    "part of a part": chained,
    "amount without basis": first("allocations", basis=None),
    "commitment amount without basis": first("commitments", usd_bn=Decimal(1), basis=None),
    "GDP without a year": lambda d: R(
        d, investor=R(d.investor, gdp_usd_bn=Decimal(9), gdp_year=None)
    ),
    "GDP without sources": lambda d: R(
        d, investor=R(d.investor, gdp_usd_bn=Decimal(9), sources=())
    ),
    "unconfirmed allocation": first("allocations", confidence="unconfirmed"),
    "scope on the headline": lambda d: R(d, headline=R(d.headline, scope="investment")),
    "binding false": lambda d: R(d, headline=R(d.headline, binding=False)),
    "aggregator source": first("sources", kind="aggregator"),
    "source via": first("sources", via="Somebody"),
    "event outside the pledge": first("timeline", outside_pledge=True),
    "tranche in yen": first("structure", local=model.Local("JPY", Decimal(1), ())),
    "reversed period": reversed_period,
    "term with a note": first("terms", note="What the dates leave open"),
    "term known to a day": first("terms", known_to=date(2026, 1, 1)),
    "context named": lambda d: R(d, context=("us-tariffs",)),
}


def deals() -> dict[str, model.Deal]:
    found = {p.stem: read_deal(p) for p in sorted(bundled_dir().glob("*.yaml"))}
    found["mini"] = read_deal(FIXTURES / "mini.yaml")
    found["figures"] = read_deal(FIXTURES / "figures.yaml")
    return found


DEALS = deals()


@pytest.mark.parametrize("name", CHANGES)
@pytest.mark.parametrize("deal", DEALS)
def test_the_cache_refuses_what_validation_refuses(deal: str, name: str) -> None:
    changed = CHANGES[name](DEALS[deal])
    assert cache_refuses(changed) == breaks_a_rule(changed)


def test_every_change_but_none_breaks_a_rule_of_a_format_1_deal() -> None:
    mini = DEALS["mini"]
    assert mini.format == 1
    broken = {name for name, change in CHANGES.items() if breaks_a_rule(change(mini))}
    assert broken == set(CHANGES) - {"unchanged"}
    assert not breaks_a_rule(DEALS["japan"]) and DEALS["japan"].format == 2


@pytest.mark.parametrize(
    "cls",
    [c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)],
    ids=lambda c: c.__name__,
)
def test_field_hints_are_the_resolved_type_hints(cls: type) -> None:
    # the decoder, the format 2 rules and the reader build their checks from these
    import typing

    resolved = typing.get_type_hints(cls, include_extras=True)
    names = [f.name for f in dataclasses.fields(cls)]
    assert model.field_hints(cls) == {name: resolved[name] for name in names}


def test_the_precompiled_builders_are_current_and_compile_as_their_text() -> None:
    # core/builders.py is made from the model by core/decode.py; a stale file would only be
    # unused (its texts would not match), but then every run would compile the builders
    from pathlib import Path

    from dealcli.core import builders, decode

    path = Path(decode.__file__).with_name("builders.py")
    assert path.read_text() == decode.builders_module(), "run: python -m dealcli.core.decode"
    assert set(builders.BUILDERS) >= {"Deal", "Allocation", "Source", "Context"}
    for name, (text, function) in builders.BUILDERS.items():
        env: dict[str, object] = {}
        exec(text, env)
        made = env["build"].__code__  # type: ignore[attr-defined]
        kept = function.__code__
        assert (kept.co_code, kept.co_consts, kept.co_names, kept.co_varnames) == (
            made.co_code,
            made.co_consts,
            made.co_names,
            made.co_varnames,
        ), name


def test_a_cached_deal_is_built_by_the_precompiled_builders() -> None:
    from dealcli.core import decode

    decode._DECODERS.clear()
    deal = decode.decode_deal(encode(read_deal(bundled_dir() / "japan.yaml")))
    assert deal == read_deal(bundled_dir() / "japan.yaml")
    built = decode._decoder(model.Allocation)
    assert built.__code__.co_filename.endswith("builders.py")  # type: ignore[attr-defined]
