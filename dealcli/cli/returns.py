"""`deal returns`: what the profit split pays each side, under inputs in plain sight."""

from typing import TYPE_CHECKING, Annotated

import typer

from ..core.table import Report, number
from ..views.returns import DEFAULTS, OPTIONS
from ..views.returns_parts import SECTIONS
from .options import Session, choice, data_command, deals_arg

if TYPE_CHECKING:
    Section = str
    Interest = str
    Recoup = str
    PaidIn = str
else:
    Section = choice("ReturnsSection", SECTIONS)
    Interest = choice("Interest", ("simple", "compound"))
    Recoup = choice("Recoup", ("target", "schedule"))
    PaidIn = choice("PaidIn", ("even", "upfront"))


def _default(option: str) -> str:
    value = getattr(DEFAULTS, OPTIONS[option][0])
    return number(value) if not isinstance(value, str | None) else str(value or "even")


def _why(option: str) -> str:
    return OPTIONS[option][1]


SWEEP = " A value, or START:STOP:STEP to sweep (e.g. 2:12:2)."


def _num(option: str, text: str, metavar: str = "PCT") -> object:
    return typer.Option(option, help=f"{text} Default: {_why(option)}.{SWEEP}", metavar=metavar)


@data_command("returns", drawn=True)
def returns(
    session: Session,
    drawn: bool,
    deals: Annotated[list[str], deals_arg("A deal, or with --compare two or more.")],
    compare: Annotated[
        bool, typer.Option("--compare", help="Two or more deals side by side, same inputs.")
    ] = False,
    amount: Annotated[
        str | None,
        typer.Option(
            "--amount",
            help="The amount modelled, USD bn (any unit works: shares and years "
            "do not change) [default: the part of the deal the split covers].",
            metavar="BN",
        ),
    ] = None,
    project: Annotated[
        str | None,
        typer.Option(
            "--project",
            help="Model one allocation, as the MOUs do per vehicle: its amount, paid in up "
            "front on its date.",
            metavar="ID",
        ),
    ] = None,
    yield_: Annotated[
        str, _num("--yield", "The projects' cash a year, % of the money paid in so far.")
    ] = _default("--yield"),
    loan_share: Annotated[
        str,
        _num(
            "--loan-share",
            "% of the money lent, not invested: its interest is paid "
            "before the split, its principal at the horizon.",
        ),
    ] = _default("--loan-share"),
    loan_rate: Annotated[
        str, _num("--loan-rate", "Interest a year on the lent part, %.")
    ] = _default("--loan-rate"),
    deemed_rate: Annotated[
        str, _num("--deemed-rate", "The deemed interest in the amount to recoup, % a year.")
    ] = _default("--deemed-rate"),
    interest: Annotated[
        Interest,
        typer.Option(
            "--interest",
            help="Deemed interest simple or compounded yearly; the MOUs are silent.",
            case_sensitive=False,
        ),
    ] = DEFAULTS.interest,
    recoup: Annotated[
        Recoup,
        typer.Option(
            "--recoup",
            help="target: one cumulative amount of principal and "
            "interest; schedule: a yearly amount due (interest and principal "
            "over --life), shortfalls carried forward.",
            case_sensitive=False,
        ),
    ] = DEFAULTS.recoup,
    years: Annotated[str, _num("--years", "The horizon in years.", "N")] = _default("--years"),
    life: Annotated[
        str, _num("--life", "Years over which the schedule reading spreads principal.", "N")
    ] = _default("--life"),
    discount: Annotated[str, _num("--discount", "Rate for present values, % a year.")] = _default(
        "--discount"
    ),
    paid_in: Annotated[
        PaidIn | None,
        typer.Option(
            "--paid-in",
            help="How the money is paid in: even over the deal's period "
            "(in whole years, rounded up, no year above a yearly cap), or up front "
            "[default: even; up front with --project].",
            case_sensitive=False,
        ),
    ] = None,
    section: Annotated[
        list[Section] | None,
        typer.Option(
            "--section",
            "-s",
            help="Only this section (repeatable): "
            + ", ".join(SECTIONS)
            + " [default: all but years and chart].",
            case_sensitive=False,
        ),
    ] = None,
) -> tuple[Report, int]:
    """What the profit split pays each side: when the investor is recouped, and its share.

    A year-by-year model of the cash the covered part of a deal generates, split as the
    deal's own terms say (50/50 until the investor has its principal and deemed interest
    back, then 90/10 for Japan and Korea); a deal without those terms is refused. Prints
    the summary, the steady state after recoupment, any review clause (Korea's 20-year
    test), the yearly amount against the investor's GDP and reserves, and the inputs with
    their defaults. -s years gives every year; -s chart each side's cash so far (drawn in
    a terminal and with --svg). Every formula and assumption: docs/returns.md.

    \b
    Example:
        deal returns japan
        deal returns japan --loan-share 90 --loan-rate 4 --yield 10
        deal returns korea --yield 2:12:2
        deal returns --compare japan korea -f csv
        deal returns korea -s years -f csv > korea-years.csv
        deal returns japan -s chart --svg japan-returns.svg
    """
    from ..api import returns as api

    return api(
        *[session.resolve(n).deal for n in deals],
        compare=compare,
        amount=amount,
        project=project,
        yield_=yield_,
        loan_share=loan_share,
        loan_rate=loan_rate,
        deemed_rate=deemed_rate,
        interest=interest,
        recoup=recoup,
        years=years,
        life=life,
        discount=discount,
        paid_in=paid_in,
        section=section or (),
        drawn=drawn,
    ), 0
