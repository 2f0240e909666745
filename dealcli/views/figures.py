"""How firm a figure is, and the currency it was announced in: marks, columns and notes.

People see a mark after a figure that is not confirmed ("†" unconfirmed, "?" reported) and
after one that other sources give differently ("‡"), with footnotes that say what the marks
mean; files carry the same facts as columns of their own (`confidence`, `alternatives`,
`local_currency`, `local_bn`), and their numbers stay numbers.

`in_currency` shows a table's money at the amounts announced in another currency (JPY, KRW):
a figure with no such announced amount is left empty ("—" for people), never converted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import field, replace
from decimal import Decimal
from typing import Any

from ..core.errors import UsageError
from ..core.model import Alternative, Deal, Local
from ..core.record import Plain, plain
from ..core.table import Column, Table, number

UNCONFIRMED = "†"
REPORTED = "§"
OTHER_FIGURE = "‡"
NONE = "—"  # a figure with no amount announced in the currency asked for
CONFIDENCE_MARKS = {"unconfirmed": UNCONFIRMED, "reported": REPORTED}
MEANINGS = {
    UNCONFIRMED: "unconfirmed: sources disagree, or only aggregators give it",
    REPORTED: "reported: one outlet, not confirmed by a party",
}

CONFIDENCE = Column("confidence", "Confidence", files=True)
ALTERNATIVES = Column("alternatives", "Other figures", files=True)
LOCAL_KEYS = ("local_currency", "local_bn")


def local_columns(items: Iterable[Any]) -> list[Column]:
    """The amount in the currency it was announced in, where any item has one: the number
    (under "JPY bn" when there is one currency) and, in files only, the currency."""
    codes = local_codes(items)
    if not codes:
        return []
    label = f"{codes[0]} bn" if len(codes) == 1 else "Local bn"
    return [
        Column("local_currency", "Local currency", files=True),
        Column("local_bn", label, "amount", priority=3),
    ]


def local_cells(codes: list[str], local: Local | None) -> tuple[Any, ...]:
    """The cells of `local_columns(items)` for one of the items, `codes` their
    `local_codes` (worked out once a table, not once a row)."""
    if not codes:
        return ()
    return (None, None) if local is None else (local.currency, local.bn)


def local_flags(codes: list[str], local: Local | None) -> dict[str, str]:
    """Where the currencies differ, people read each one after its amount."""
    if local is None or len(codes) < 2:
        return {}
    return {"local_bn": f" {local.currency}"}


def local_codes(items: Iterable[Any]) -> list[str]:
    """The currencies the items were announced in, in name order."""
    found = (getattr(x, "local", None) for x in items)
    return sorted({x.currency for x in found if x is not None})


def grouped(value: Decimal) -> str:
    """An amount with thousands separators, as written: 81,000; 0.35."""
    text = format(value, ",f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def alternatives_text(deal: Deal, alternatives: Sequence[Alternative]) -> str:
    """Other figures as text for files: "33 (US Department of Commerce; Reuters)"."""
    return "; ".join(f"{number(a.usd_bn)} ({_publishers(deal, a)})" for a in alternatives)


def _publishers(deal: Deal, alt: Alternative) -> str:
    names = {s.id: s.publisher for s in deal.sources}
    return "; ".join(dict.fromkeys(names[s] for s in alt.sources if s in names)) or "no source"


@plain
class Marks(Plain):
    """The marks of one table as its rows are added, and the footnotes that explain them."""

    deal: Deal
    used: set[str] = field(default_factory=set)
    others: list[tuple[str, Alternative]] = field(default_factory=list)

    def flags(
        self, item: Any, title: str, amount: str = "usd_bn", name: str = "title"
    ) -> dict[str, str]:
        """The marks of a row: after its amount where it has one, else after its title."""
        out: dict[str, str] = {}
        has_amount = getattr(item, "usd_bn", None) is not None
        mark = CONFIDENCE_MARKS.get(item.confidence, "")
        if mark:
            self.used.add(mark)
            out[amount if has_amount else name] = mark
        alternatives = getattr(item, "alternatives", ())
        if alternatives and has_amount:
            self.others += [(title, a) for a in alternatives]
            out[amount] = out.get(amount, "") + OTHER_FIGURE
        return out

    def close(self, table: Table) -> Table:
        table.flag_notes += [f"{m} {MEANINGS[m]}" for m in MEANINGS if m in self.used]
        for title, alt in self.others:
            note = f": {alt.note}" if alt.note else ""
            table.flag_notes.append(
                f"{OTHER_FIGURE} {title}: other sources give {number(alt.usd_bn)} "
                f"({_publishers(self.deal, alt)}){note}"
            )
        return table


def currencies(deal: Deal) -> list[str]:
    """The currencies other than USD that some figure of the deal was announced in."""
    locals_ = [deal.headline.local, *(t.local for t in deal.structure)]
    locals_ += [a.local for a in deal.allocations]
    return sorted({x.currency for x in locals_ if x is not None})


def check_currency(deal: Deal, currency: str) -> str:
    """The currency code in capitals, or a usage error that lists those the deal has."""
    code = currency.strip().upper()
    have = currencies(deal)
    if code == "USD" or code in have:
        return code
    if not have:
        raise UsageError(f"no figure of {deal.id} was announced in {code}: only in USD")
    listed = ", ".join(["USD", *have])
    raise UsageError(
        f"no figure of {deal.id} was announced in {code}; --currency takes one of: {listed}"
    )


def in_currency(table: Table, currency: str) -> Table:
    """The table's money at the amounts announced in `currency`, never converted.

    The `usd_bn` of a row that carries `local_bn` in that currency becomes that amount; every
    other amount (sums, shares of totals, figures announced in dollars only) has no announced
    figure and is left empty, and a note says how many. Shares of the headline go: they are
    shares of dollar amounts.
    """
    code = currency.lower()
    keys = [c.key for c in table.columns]
    columns: list[Column] = []
    rows: list[list[Any]] = [[] for _ in table.rows]
    flags: dict[tuple[int, str], str] = {}
    missing = given = 0
    for i, c in enumerate(table.columns):
        if c.key in LOCAL_KEYS or (c.kind == "pct" and c.key.endswith("share_pct")):
            continue
        money = c.kind == "amount" and c.key.endswith("usd_bn")
        key = c.key.replace("usd_bn", f"{code}_bn") if money else c.key
        columns.append(replace(c, key=key, label=c.label.replace("USD", currency)))
        for r, row in enumerate(table.rows):
            value = row[i]
            if money:
                value = _announced(row, keys, currency) if c.key == "usd_bn" else None
                given += row[i] is not None
                if row[i] is not None and value is None:
                    missing += 1
                    flags[r, key] = NONE
                elif table.flag(r, c.key):
                    flags[r, key] = table.flag(r, c.key)
            elif table.flag(r, c.key):
                flags[r, key] = table.flag(r, c.key)
            rows[r].append(value)
    notes = list(table.notes)
    if missing:
        has = "amount has" if given == 1 else "amounts have"
        notes.append(
            f"{missing} of {given} {has} no figure announced in {currency}: "
            f"shown as {NONE} (empty in files), never converted at a market rate"
        )
    return replace(table, columns=columns, rows=rows, flags=flags, notes=notes)


def _announced(row: list[Any], keys: list[str], currency: str) -> Any:
    if "local_currency" not in keys or row[keys.index("local_currency")] != currency:
        return None
    return row[keys.index("local_bn")]
