"""The level installment at every edge: exactly `term` installments, a period
whose interest exceeds the level amount pays that interest only, the level
amount is solved so the balance ends at zero, the last row takes the residue;
the same cent for cent in `batch`.

Expected figures are computed here, independently of the code: exact
fractions for the annuity, and a bisection on the balance recursion
B' = min(B·(1+f) − L, B) in 60-digit decimals for the solved level amount.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repayplan.batch.cases import read_cases
from repayplan.batch.engine import compute
from repayplan.cli import main
from repayplan.model import Loan
from repayplan.rates import parse_rate
from repayplan.schedule import build_schedule, loan_periods

from .strategies import level_loans
from .test_batch_engine import loan_row

D = Decimal
CENT = D("0.01")


def half_up(x: Fraction) -> Decimal:
    """x rounded half up to the cent, from the exact fraction (x ≥ 0)."""
    cents = (x * 100 * 2 + 1) // 2
    return (D(int(cents)) / 100).quantize(CENT)


def simulate(principal: Decimal, factors: list[Fraction], level: Decimal) -> list[tuple[Decimal, ...]]:
    """(payment, principal, interest, closing) rows by the rule, in exact fractions rounded half up."""
    rows, balance = [], principal
    for k, f in enumerate(factors):
        interest = half_up(Fraction(balance) * f)
        part = balance if k == len(factors) - 1 else min(max(level - interest, D(0)), balance)
        rows.append((part + interest, part, interest, balance - part))
        balance -= part
    return rows


def bisect_level(principal: Decimal, factors: list[Fraction]) -> Decimal:
    """The unrounded level amount: the L where the balance recursion with interest-only periods ends at 0."""
    return bisect_bounds(principal, factors)[0]


def bisect_bounds(principal: Decimal, factors: list[Fraction]) -> tuple[Decimal, Decimal]:
    """An interval of width ~10⁻⁵⁰ around that L (both ends, for a rounding tie)."""
    ctx = Context(prec=60)
    fs = [ctx.divide(D(f.numerator), D(f.denominator)) for f in factors]

    def left(level: Decimal) -> Decimal:
        b = principal
        for f in fs[:-1]:
            b = min(ctx.subtract(ctx.add(b, ctx.multiply(b, f)), level), b)
        return ctx.subtract(ctx.multiply(b, 1 + fs[-1]), level)

    lo, hi = D(0), principal * (1 + sum(fs)) + 1
    for _ in range(200):
        mid = ctx.divide(lo + hi, 2)
        lo, hi = (mid, hi) if left(mid) > 0 else (lo, mid)
    return lo, hi


# -- the hand-worked cases ------------------------------------------------------------

def test_mortgage_with_a_45_day_first_period() -> None:
    # 1,000,000 at 4.9% from 15 Jan, first due 1 Mar: 17 odd days (15 Jan → 1 Feb) + a regular month.
    # Row 1's interest: 1,000,000 × (0.049/12 + 0.049/365 × 17) = 4,083.333… + 2,282.191… = 6,365.53,
    # more than the level amount, so row 1 pays interest only; the other 359 rows are the annuity over
    # 359 months at r = 49/12000: L = B·r / (1 − (1+r)^−359) = 5,313.77 (5,313.7689…).
    r = Fraction(49, 12000)
    first = r + Fraction(49, 1000) / 365 * 17
    assert half_up(1_000_000 * first) == D("6365.53")
    level = half_up(1_000_000 * r / (1 - (1 + r) ** -359))
    assert level == D("5313.77")
    expected = simulate(D("1000000.00"), [first] + [r] * 359, level)
    loan = Loan(D("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15), first_due=date(2025, 3, 1))
    s = build_schedule(loan)
    assert [(x.payment, x.principal, x.interest, x.closing_balance) for x in s.rows] == expected
    assert len(s.rows) == 360 and s.installment == level
    assert s.rows[0].payment == D("6365.53") and s.rows[0].principal == 0
    assert abs(s.rows[-1].payment - level) < 1  # the last within cents of the level amount: 5,314.67


def test_daily_interest_at_36_percent_keeps_every_installment() -> None:
    # 100,000 at 36%/year daily (act/365) over 360 months: a 31-day month charges 36%/365 × 31 = 3.0575%
    # of the balance, more than the plain annuity's 3.0007%: those months pay interest only and the level
    # amount is solved over the months that repay (bisection here, Newton in the code).
    loan = Loan(D("100000"), parse_rate("36%"), 360, start=date(2025, 1, 15), interest_basis="daily")
    factors = [Fraction(36, 100) / 365 * p.days for p in loan_periods(loan)]
    level = half_up(Fraction(bisect_level(D("100000.00"), factors)))
    s = build_schedule(loan)
    assert len(s.rows) == 360 and s.installment == level
    assert [(x.payment, x.principal, x.interest, x.closing_balance) for x in s.rows] == simulate(
        D("100000.00"), factors, level)
    only = [x.period for x in s.rows[:-1] if x.payment != level]
    assert all(s.rows[p - 1].principal == 0 and s.rows[p - 1].interest > level for p in only)
    assert 1 in only and len(only) > 100


def test_summary_headline_is_the_level_amount_and_names_the_rows_that_differ() -> None:
    args = ["build", "--principal", "1000000", "--rate", "4.9%", "--term", "360", "--start", "2025-01-15",
            "--first-due", "2025-03-01"]
    out = json.loads(CliRunner().invoke(main, [*args, "--format", "json"]).stdout)
    summary = out["summary"]
    assert summary["installment"] == "5313.77" and summary["periods"] == 360
    assert summary["installments_differ"] == [{"period": 1, "payment": "6365.53", "reason": "interest_only"},
                                              {"period": 360, "payment": "5314.67", "reason": "last"}]
    text = CliRunner().invoke(main, args).stdout
    assert "installment 1 pays its interest only" in text and "5,313.77" in text
    zh = CliRunner().invoke(main, [*args, "--lang", "zh"]).stdout
    assert "第1期只还利息" in zh


def test_batch_reproduces_both_cases_cent_for_cent() -> None:
    loans = [Loan(D("1000000"), parse_rate("4.9%"), 360, start=date(2025, 1, 15), first_due=date(2025, 3, 1)),
             Loan(D("100000"), parse_rate("36%"), 360, start=date(2025, 1, 15), interest_basis="daily")]
    assert_batch_equals_build(loans)


def test_tiny_principal_still_gets_term_rows() -> None:
    # 100.00 over 360 months at 0%: 100/360 = 0.2777… rounds to 0.28, and 0.28 × 358 = 100.24 would repay
    # everything by row 358; so the level amount is 0.27 and the last row takes 100 − 0.27 × 359 = 3.07.
    s = build_schedule(Loan(D("100"), parse_rate("0%"), 360, start=date(2025, 1, 15)))
    assert len(s.rows) == 360 and s.installment == D("0.27") and s.rows[-1].payment == D("3.07")
    ep = build_schedule(Loan(D("100"), parse_rate("0%"), 360, start=date(2025, 1, 15), method="equal-principal"))
    assert len(ep.rows) == 360 and ep.rows[0].principal == D("0.27") and ep.rows[-1].principal == D("3.07")


# -- properties ---------------------------------------------------------------------------

def check_level_rule(loan: Loan) -> None:
    s = build_schedule(loan)
    level = s.installment
    assert level is not None and len(s.rows) == loan.term
    assert s.rows[-1].closing_balance == 0
    for x in s.rows:
        assert x.principal >= 0 and x.closing_balance >= 0
        if x is not s.rows[-1]:
            if x.interest > level:
                assert x.payment == x.interest and x.principal == 0
            else:
                assert x.payment == level  # level wherever the interest allows


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(level_loans())
def test_every_annuity_has_term_rows_and_is_level_where_interest_allows(loan: Loan) -> None:
    check_level_rule(loan)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(level_loans())
def test_the_level_amount_is_rounded_from_the_solved_one(loan: Loan) -> None:
    s = build_schedule(loan)
    factors = [p.factor for p in loan_periods(loan)]
    lo, hi = bisect_bounds(s.principal, factors)
    rounded = {loan.policy.round(lo), loan.policy.round(hi)}  # two only at an exact tie
    assert s.installment is not None
    # either the solved amount rounded, or lower by a unit at a time only when that repays before the last row
    assert s.installment in rounded or (s.installment < min(rounded) and _repays_early(loan, max(rounded)))


def _repays_early(loan: Loan, level: Decimal) -> bool:
    from repayplan.schedule import amortise
    from repayplan.schedule import level as level_rule

    return len(amortise(loan.policy.round(loan.principal), loan_periods(loan), loan.policy,
                        level_rule(level))) < loan.term


def assert_batch_equals_build(loans: list[Loan]) -> None:
    chunk = pd.DataFrame([loan_row(x, f"C{i}") for i, x in enumerate(loans)])
    cases, problems = read_cases(chunk)
    assert list(problems) == [""] * len(loans)
    t = compute(cases, with_rows=True)
    for i, loan in enumerate(loans):
        s = build_schedule(loan)
        units = s.policy.to_minor
        assert t.installment[i] == units(s.headline) and t.periods[i] == len(s.rows) == loan.term
        assert t.total_interest[i] == units(s.total_interest)
        got = t.rows[t.rows["case"] == i][["payment", "principal", "interest", "closing_balance"]]
        want = [[units(getattr(r, c)) for c in ("payment", "principal", "interest", "closing_balance")]
                for r in s.rows]
        assert np.array_equal(got.to_numpy(), np.array(want, dtype=np.int64).reshape(-1, 4))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(level_loans(max_term=120), min_size=1, max_size=12))
def test_batch_equals_build_on_level_loans(loans: list[Loan]) -> None:
    assert_batch_equals_build(loans)


def test_half_up_helper() -> None:
    assert half_up(Fraction(100005, 1000)) == D("100.01") == D("100.005").quantize(CENT, ROUND_HALF_UP)


# -- a day rate on the periodic basis, and the 30/360 day counts ------------------------------------

def test_a_day_rate_on_the_periodic_basis_counts_a_360_day_year_under_act_360() -> None:
    # 0.05%/day × 360 = 18%/year; ÷ 12 = 1.5% a month: 10,000 × 1.5% = 150.00 (not 18.25% ÷ 12 → 152.08)
    args = ["build", "--principal", "10000", "--rate", "0.05%/day", "--term", "12", "--day-count", "act/360",
            "--start", "2025-01-15", "--format", "json"]
    out = json.loads(CliRunner().invoke(main, args).stdout)
    assert out["rows"][0]["interest"] == "150.00" and out["summary"]["annual_rate"] == "18%"
    assert "0.05%/day × 360 = 18%/year ÷ 12" in out["summary"]["interest_rule"]
    # the level amount: the annuity at 1.5% over 12 months, B·r/(1 − (1+r)^−12) = 916.7999… → 916.80
    r = Fraction(3, 200)
    assert out["summary"]["installment"] == str(half_up(10000 * r / (1 - (1 + r) ** -12))) == "916.80"
    # under act/365 the same rate is 18.25%/year: 10,000 × 0.1825 ÷ 12 = 152.083… → 152.08
    s = build_schedule(Loan(D("10000"), parse_rate("0.05%/day"), 12, start=date(2025, 1, 15)))
    assert s.rows[0].interest == D("152.08")
    for day_count in ("act/360", "30/360", "30E/360"):
        assert_batch_equals_build([Loan(D("10000"), parse_rate("0.05%/day"), 12, start=date(2025, 1, 15),
                                        day_count=day_count)])


def test_30e_360_counts_every_31st_as_the_30th() -> None:
    # daily interest, 15 Jan → 31 Mar first period: 30/360 (ISDA) counts 2×30 + (31 − 15) = 76 days (the end
    # 31st stays, the start is not the 30th); 30E/360 counts 2×30 + (30 − 15) = 75 days.
    # 12,000 × 0.05% × 76 = 456.00 and × 75 = 450.00.
    terms = {"start": date(2025, 1, 15), "first_due": date(2025, 3, 31), "interest_basis": "daily"}
    isda = build_schedule(Loan(D("12000"), parse_rate("0.05%/day"), 6, day_count="30/360", **terms))
    euro = build_schedule(Loan(D("12000"), parse_rate("0.05%/day"), 6, day_count="30E/360", **terms))
    assert (isda.rows[0].days, isda.rows[0].interest) == (76, D("456.00"))
    assert (euro.rows[0].days, euro.rows[0].interest) == (75, D("450.00"))
    # later periods keep the 31st anchor: 31 Mar → 30 Apr is 30 days in both; 30 Apr → 31 May: the start
    # is the 30th, so ISDA too counts the 31st as the 30th: 30 days in both
    assert [r.days for r in isda.rows[1:3]] == [30, 30] == [r.days for r in euro.rows[1:3]]
    assert_batch_equals_build([Loan(D("12000"), parse_rate("0.05%/day"), 6, day_count=dc, **terms)
                               for dc in ("30/360", "30E/360")])


# -- the vectorised solve of clamped loans ---------------------------------------------------------

def _hits_clamp(loan: Loan) -> bool:
    """A row before the last whose interest reaches the plain annuity's level amount (the rule's edge)."""
    s = build_schedule(loan)
    return any(r.principal == 0 for r in s.rows[:-1])


@st.composite
def clamped_loans(draw: st.DrawFn) -> Loan:
    """Annuities likely to have interest-only periods: daily interest at high rates (31-day months),
    or a long first period; monthly, weekly or quarterly; one to 360 periods."""
    start = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)))
    daily = draw(st.booleans())
    first = draw(st.integers(35, 120)) if not daily or draw(st.booleans()) else None
    currency = draw(st.sampled_from(["CNY", "JPY"]))
    units = draw(st.integers(100, 10**10))
    return Loan(
        principal=D(units).scaleb(0 if currency == "JPY" else -2),
        rate=parse_rate(f"{D(draw(st.integers(1200, 4800))).scaleb(-2)}%"),
        term=draw(st.integers(2, 360)), method="annuity",
        frequency=draw(st.sampled_from(["monthly", "monthly", "quarterly", "weekly"])), start=start,
        first_due=date.fromordinal(start.toordinal() + first) if first else None,
        interest_basis="daily" if daily else "periodic",
        day_count=draw(st.sampled_from(["act/365", "act/360", "30/360", "30E/360"])), currency=currency,
        rounding=draw(st.sampled_from(["half-up", "half-even"])))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(clamped_loans().filter(_hits_clamp), min_size=1, max_size=8))
def test_batch_equals_build_on_loans_that_hit_the_clamp(loans: list[Loan]) -> None:
    assert_batch_equals_build(loans)


def test_clamped_loans_are_solved_by_the_vectorised_engine() -> None:
    """Hundreds of loans with interest-only periods: every row as build_schedule's, and only a level amount
    within the float error of a rounding tie (none expected here) leaves the vectorised solve."""
    import random

    rng = random.Random(12)
    loans = []
    while len(loans) < 300:
        start = date(2020, 1, 1) + timedelta(days=rng.randint(0, 2000))
        daily = rng.random() < 0.6
        loan = Loan(D(rng.randint(10**6, 2 * 10**8)).scaleb(-2), parse_rate(f"{rng.randint(15, 36)}%"),
                    rng.choice([12, 60, 360]), start=start, interest_basis="daily" if daily else "periodic",
                    first_due=None if daily and rng.random() < 0.5 else start + timedelta(days=rng.randint(40, 60)),
                    day_count=rng.choice(["act/365", "act/360", "30/360"]),
                    rounding=rng.choice(["half-up", "half-even"]))
        if _hits_clamp(loan):
            loans.append(loan)
    assert_batch_equals_build(loans)
    cases, _ = read_cases(pd.DataFrame([loan_row(x, f"C{i}") for i, x in enumerate(loans)]))
    assert compute(cases).exact.sum() <= 3
