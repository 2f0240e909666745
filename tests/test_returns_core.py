"""The returns model's arithmetic (dealcli/core/returns.py), each figure worked out by hand."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dealcli.core.returns import Inputs, exact, irr, npv, paid_in, run, steady

HALF, TENTH = D("0.5"), D("0.1")  # the MOUs' investor shares: 50 before, 10 after recoupment


def base(**kw: object) -> Inputs:
    """Amount 100 paid up front, yield 10%, no loans, deemed rate 0, 30 years."""
    args: dict[str, object] = {
        "payments": (D(100),),
        "yield_": TENTH,
        "before": HALF,
        "after": TENTH,
        "years": 30,
    }
    args.update(kw)
    return Inputs(**args)  # type: ignore[arg-type]


def bisect(flows: list[float]) -> float:
    """An independent IRR: float bisection on the plain sum of f / (1 + r)**t."""

    def value(r: float) -> float:
        return sum(f / (1 + r) ** t for t, f in enumerate(flows))

    lo, hi = -0.5, 1.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if (value(mid) > 0) == (value(lo) > 0):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def test_reference_case_steady_state() -> None:
    # TBS NEWS DIG x Bloomberg: 80 put in, 90% lent at 4%, assets earn 10%.
    # cash 80 x 10% = 8; interest 72 x 4% = 2.88 to the investor first; the rest,
    # 8 - 2.88 = 5.12, is split 90/10: 0.512 more. 2.88 + 0.512 = 3.392, 3.392 / 8 = 42.4%.
    s = steady(base(payments=(D(80),), loan_share=D("0.9"), loan_rate=D("0.04")))
    assert (s.cash, s.loan_interest, s.investor, s.host) == (8, D("2.88"), D("3.392"), D("4.608"))
    assert s.investor_share == D("0.424")


def test_hand_worked_waterfall() -> None:
    # cash 10 a year; 50/50 gives the investor 5 a year; 20 x 5 = 100 recoups it in year 20;
    # then 10% of 10 = 1 a year for years 21-30. Investor 100 + 10 = 110, US 100 + 90 = 190.
    r = run(base())
    assert r.recouped_year == 20
    assert [y.investor for y in r.years[:20]] == [5] * 20
    assert [y.investor for y in r.years[20:]] == [1] * 10
    assert (r.investor, r.host, r.cash) == (110, 190, 300)
    assert r.investor_share is not None and round(r.investor_share, 6) == D("0.366667")  # 110/300
    assert not r.years[18].recouped and r.years[19].recouped
    assert r.years[18].outstanding == 5 and r.years[19].outstanding == 0
    # the investor's flows: -100 now, 5 at the end of years 1-20, 1 at the end of years 21-30
    flows = [-100.0] + [5.0] * 20 + [1.0] * 10
    assert r.irr is not None
    assert float(r.irr) == pytest.approx(bisect(flows), abs=1e-9)
    assert 0.008 < float(r.irr) < 0.0083  # a little under 1%: 110 back on 100 over 30 years
    # at a 0% discount rate the present values are the plain sums
    assert r.npv == 10 and r.pv_received == 110


def test_kb_securities_reading() -> None:
    # KB Securities: principal back in 20 years at 50:50 needs 5% a year, so a 10% yield;
    # at 9.9% the investor gets 4.95 a year, 99 by year 20: not yet recouped.
    assert run(base(years=20)).recouped_year == 20
    assert run(base(years=20, yield_=D("0.099"))).recouped_year is None


def test_with_a_deemed_rate() -> None:
    # deemed 1% simple: the target at the end of year t is 100 + 1 x t; the investor has 5t;
    # 5t >= 100 + t first at t = 25 (125 = 125). Investor 125 + 5 x 1 = 130, US 125 + 45 = 170.
    r = run(base(deemed_rate=D("0.01")))
    assert r.recouped_year == 25
    assert (r.investor, r.host) == (130, 170)
    # compounded: 100 x 1.01**25 = 128.24 > 125, 100 x 1.01**26 = 129.53 < 130: year 26.
    # Before it the investor has 125; it needs 1.01**26 x 100 - 125 = 4.5256 more, met with
    # 2 x 4.5256 of the year's 10, and gets 10% of the rest: 4.5256 + 0.1 x (10 - 9.0512).
    c = run(base(deemed_rate=D("0.01"), interest="compound"))
    with exact():  # 1.01**26 has 52 decimals: exact only with more digits than the default 28
        need = D(100) * D("1.01") ** 26 - 125
        assert c.recouped_year == 26
        assert c.years[25].investor == need + TENTH * (10 - 2 * need)
        assert c.investor == 125 + c.years[25].investor + 4


def test_paid_in_over_four_years() -> None:
    # 25 at the start of years 1-4: cash 2.5, 5, 7.5, then 10 a year (285 over 30 years).
    # Half of it: 1.25 + 2.5 + 3.75 = 7.5 by year 3, then 5 a year: 97.5 by year 21; year 22
    # needs 2.5 (5 of its 10 cash), the other 5 split 90/10: 2.5 + 0.5 = 3. Then 8 x 1.
    r = run(base(payments=paid_in(D(100), 4)))
    assert [y.paid_in for y in r.years[:5]] == [25, 25, 25, 25, 0]
    assert r.recouped_year == 22
    assert r.years[21].investor == 3
    assert (r.cash, r.investor, r.host) == (285, D("108.5"), D("176.5"))
    flows = [-25.0, 1.25 - 25, 2.5 - 25, 3.75 - 25] + [5.0] * 18 + [3.0] + [1.0] * 8  # years 4-21
    assert r.irr is not None and float(r.irr) == pytest.approx(bisect(flows), abs=1e-9)


def test_korea_amounts() -> None:
    # Korea's 200 at its cap of 20 a year: ten payments of 20. At 10% the cash is 2, 4, ...
    # 20 by year 10; half: 1 + 2 + ... + 10 = 55 by year 10, then 10 a year: 145 more takes
    # 14.5 years, met in year 25 (55 + 14 x 10 = 195 by year 24, 5 needed of year 25's 10,
    # the other 10 at 10%: 5 + 1 = 6). 25 years: the 20-year test fails at a 10% yield.
    payments = paid_in(D(200), 4, cap=D(20))
    assert payments == (D(20),) * 10
    r = run(base(payments=payments))
    assert r.recouped_year == 25
    assert r.years[24].investor == 6
    # 20% yield: half is 2, 4, ... 20 a year: 110 by year 10, then 20 a year: 190 by year 14,
    # the last 10 in year 15
    assert run(base(payments=payments, yield_=D("0.2"))).recouped_year == 15


def test_cap_leaves_the_rest_to_a_last_year() -> None:
    # 55 at no more than 20 a year: 20, 20, 15
    assert paid_in(D(55), 1, cap=D(20)) == (20, 20, 15)
    assert paid_in(D(550), 4) == (D("137.5"),) * 4


def test_schedule_reading_ohmynews_example() -> None:
    # OhmyNews: 10 at 5.5% over 20 years: 0.55 interest + 0.5 principal = 1.05 due a year.
    # The project earns 0.5 (a 5% yield): the investor gets half, 0.25, and 1.05 - 0.25 = 0.8
    # is carried; next year 1.05 + 0.8 = 1.85 is due, 0.25 paid, 1.6 carried; then 2.4.
    r = run(base(payments=(D(10),), yield_=D("0.05"), deemed_rate=D("0.055"), recoup="schedule"))
    assert [y.investor for y in r.years[:3]] == [D("0.25")] * 3
    assert [y.outstanding for y in r.years[:3]] == [D("0.8"), D("1.6"), D("2.4")]
    assert r.recouped_year is None


def test_schedule_reading_pays_the_rest_at_ninety_ten() -> None:
    # 10 earning 30% (3 a year) against 1.05 due: 2.1 of the cash pays 1.05 to each side, the
    # other 0.9 goes 10% to the investor: 1.05 + 0.09 = 1.14 a year; the last of the 20
    # scheduled years is year 20, so it is recouped then, and gets 0.3 a year after.
    r = run(base(payments=(D(10),), yield_=D("0.3"), deemed_rate=D("0.055"), recoup="schedule"))
    assert [y.investor for y in r.years[:20]] == [D("1.14")] * 20
    assert r.recouped_year == 20
    assert r.years[20].investor == D("0.3")


def test_schedule_and_target_agree_without_interest() -> None:
    # deemed 0, 20-year life: 5 due a year, and 5 is half of 10: recouped in year 20 either way
    assert run(base(recoup="schedule")).recouped_year == 20


def test_loans_get_interest_first_and_principal_at_the_horizon() -> None:
    # 100, 90 lent at 4%: cash 10, interest 3.6 to the investor, 6.4 split. The invested 10
    # is recouped at 3.2 a year in year 4 (3 x 3.2 = 9.6; year 4 needs 0.4 of 6.4 at half,
    # 0.8 of the cash; 10% of the other 5.6): 3.6 + 0.4 + 0.56 = 4.56.
    r = run(base(loan_share=D("0.9"), loan_rate=D("0.04")))
    assert r.recouped_year == 4
    assert r.years[3].investor == D("4.56")
    assert r.loan_principal == 90
    assert r.cash == r.investor + r.host


def test_no_cash_never_recoups_and_has_no_irr() -> None:
    r = run(base(yield_=D(0)))
    assert r.recouped_year is None and r.investor == 0 and r.irr is None
    assert r.years[-1].outstanding == 100
    assert r.investor_share is None


def test_irr_and_npv_of_a_plain_loan() -> None:
    # -100 now, 110 in a year: 10%; at 10% it is worth nothing
    flows = [D(-100), D(110)]
    found = irr(flows)
    assert found is not None and abs(found - D("0.1")) < D("1e-11")
    assert npv(flows, D("0.1")) == 0
    assert irr([D(-1), D(-1)]) is None


def test_horizon_shorter_than_paying_in_is_refused() -> None:
    with pytest.raises(ValueError, match="horizon"):
        run(base(payments=(D(1),) * 5, years=4))


rates = st.decimals(min_value=0, max_value=30, places=1).map(lambda x: x / 100)


@settings(max_examples=60, deadline=None)
@given(
    yield_=rates,
    deemed=rates,
    loan=st.decimals(min_value=0, max_value=100, places=0).map(lambda x: x / 100),
    spread=st.sampled_from([1, 2, 4, 5]),  # 100 / spread is a finite decimal: all stays exact
    interest=st.sampled_from(["simple", "compound"]),
    recoup=st.sampled_from(["target", "schedule"]),
)
def test_totals_sum_to_the_cash(
    yield_: D, deemed: D, loan: D, spread: int, interest: str, recoup: str
) -> None:
    inp = base(
        payments=paid_in(D(100), spread),
        yield_=yield_,
        deemed_rate=deemed,
        loan_share=loan,
        loan_rate=D("0.04"),
        interest=interest,
        recoup=recoup,
    )
    r = run(inp)
    with exact():
        assert r.investor + r.host == r.cash == sum(y.cash for y in r.years)
        for y in r.years:
            assert y.investor + y.host == y.cash


@settings(max_examples=60, deadline=None)
@given(
    low=rates,
    more=rates,
    deemed=rates,
    interest=st.sampled_from(["simple", "compound"]),
    recoup=st.sampled_from(["target", "schedule"]),
    spread=st.integers(1, 4),
)
def test_more_yield_never_delays_recoupment(
    low: D, more: D, deemed: D, interest: str, recoup: str, spread: int
) -> None:
    def year(y: D) -> int:
        inp = base(
            payments=paid_in(D(100), spread),
            yield_=y,
            deemed_rate=deemed,
            interest=interest,
            recoup=recoup,
            years=40,
        )
        return run(inp).recouped_year or 10**6

    assert year(low + more) <= year(low)


@settings(max_examples=30, deadline=None)
@given(deemed=rates, recoup=st.sampled_from(["target", "schedule"]), spread=st.integers(1, 4))
def test_zero_yield_never_recoups(deemed: D, recoup: str, spread: int) -> None:
    r = run(base(payments=paid_in(D(100), spread), yield_=D(0), deemed_rate=deemed, recoup=recoup))
    assert r.recouped_year is None and r.irr is None
    assert r.years[-1].outstanding > 0
