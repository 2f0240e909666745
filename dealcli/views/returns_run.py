"""From what the reader typed to the runs and the report of `deal returns`."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ..core.errors import UsageError
from ..core.model import Deal
from ..core.split import deal_split
from ..core.table import Report
from .common import labels
from .returns import DEFAULTS, OPTIONS, Given, run, sweep, values
from .returns_parts import chart_report, returns_report

ONE_RUN = ("summary", "assumptions")  # what a sweep shows: one line a value


def _whole(option: str, value: Decimal) -> int:
    if value != int(value):
        raise UsageError(f"{option} takes whole years, not {value}")
    return int(value)


def build(
    deals: list[Deal],
    compare: bool,
    amount: str | None,
    project: str | None,
    typed: dict[str, str],
    interest: str,
    recoup: str,
    paid_in: str | None,
    sections: list[str] | None,
    drawn: bool,
) -> Report:
    """`typed`: each numeric option's text (a value or START:STOP:STEP); `drawn`: the output
    is a picture (a terminal's table, --svg, --html), where -s chart is drawn."""
    if compare and len(deals) < 2:
        raise UsageError("--compare needs two or more deals")
    if not compare and len(deals) != 1:
        raise UsageError("returns takes one deal; use --compare for two or more")
    if project and compare:
        raise UsageError("--project models one deal's allocation; leave out --compare")
    parsed = {option: values(text, option) for option, text in typed.items()}
    swept = [option for option, vals in parsed.items() if len(vals) > 1]
    if len(swept) > 1:
        raise UsageError(f"sweep one input at a time, not {' and '.join(swept)}")
    firsts: dict[str, object] = {}
    for option, vals in parsed.items():
        name = OPTIONS[option][0]
        firsts[name] = _whole(option, vals[0]) if name in ("years", "life") else vals[0]
    given = replace(DEFAULTS, interest=interest, recoup=recoup, paid_in=paid_in, **firsts)  # type: ignore[arg-type]
    money = None
    if amount is not None:
        found = values(amount, "--amount")
        if len(found) > 1:
            raise UsageError("--amount takes one value; sweep a rate or the years instead")
        money = found[0]
    splits = [deal_split(d, project, money) for d in deals]
    names = labels(deals)
    if swept:
        option = swept[0]
        extra = [s for s in sections or () if s not in ONE_RUN]
        if extra:
            raise UsageError(
                f"a sweep prints the summary for each value; -s {extra[0]} shows one run "
                f"(give {option} one value)"
            )
        runs = [
            r
            for lab, s in zip(names, splits, strict=True)
            for r in sweep(lab, s, given, option, parsed[option])
        ]
        report = returns_report(runs, sections or list(ONE_RUN), option)
        _mark_swept(report, option, typed[option])
        return report
    runs = [run(lab, s, given) for lab, s in zip(names, splits, strict=True)]
    if drawn and sections and "chart" in sections:
        return chart_report(runs)
    return returns_report(runs, sections)


def _mark_swept(report: Report, option: str, text: str) -> None:
    for table in report.tables:
        if table.name == "assumptions":
            for row in table.rows:
                if row[0] == option:
                    row[1], row[2] = text, "swept: one summary row a value"


__all__ = ["Given", "build"]
