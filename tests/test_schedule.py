"""The contract schedule: published examples, hand calculations, invariants."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repayplan import Loan, build_schedule, parse_rate
from repayplan.errors import InputError
from repayplan.money import MoneyPolicy
from repayplan.schedule import level_payment

from .strategies import loans

D = Decimal


def loan(**kw: object) -> Loan:
    base = dict(principal=D("1000000"), rate=parse_rate("4.9%"), term=360, start=date(2025, 1, 15))
    base.update(kw)
    return Loan(**base)  # type: ignore[arg-type]


# -- published examples -------------------------------------------------------

def test_mortgage_annuity_published_5307_27() -> None:
    # The widely published 1,000,000 at 4.9% over 30 years: 5,307.27 a month.
    s = build_schedule(loan())
    assert {r.payment for r in s.rows[:-1]} == {D("5307.27")}
    # first month by hand: interest 1,000,000 × 4.9%/12 = 4,083.333... -> 4,083.33; principal 1,223.94
    assert (s.rows[0].interest, s.rows[0].principal) == (D("4083.33"), D("1223.94"))


def test_mortgage_equal_principal_published_6861_11_falling_11_34() -> None:
    s = build_schedule(loan(method="equal-principal"))
    # 1,000,000 / 360 = 2,777.78 principal + 4,083.33 interest = 6,861.11
    assert s.rows[0].payment == D("6861.11")
    # each month the balance falls by 2,777.78, so interest falls by 2,777.78 × 4.9%/12 = 11.34
    drops = {s.rows[i].payment - s.rows[i + 1].payment for i in range(0, 358)}
    assert drops <= {D("11.34"), D("11.35"), D("11.33")}
    assert s.rows[0].payment - s.rows[1].payment == D("11.34")


@pytest.mark.parametrize(
    ("principal", "rate", "term", "currency", "expected"),
    [
        ("200000", "6.5%", 360, "USD", "1264.14"),  # US 30-year fixed example, widely published
        ("100000", "6%", 360, "USD", "599.55"),  # textbook example
        ("20000", "5%", 60, "USD", "377.42"),  # 5-year car loan example
        ("10000000", "1.5%", 420, "JPY", "30618"),  # 1,000万円, 35年, 1.5%: 毎月 30,618円
    ],
)
def test_published_installments(principal: str, rate: str, term: int, currency: str, expected: str) -> None:
    s = build_schedule(loan(principal=D(principal), rate=parse_rate(rate), term=term, currency=currency))
    assert s.rows[0].payment == D(expected)


def test_installment_matches_numpy_financial_pmt() -> None:
    # numpy-financial is an independent implementation of the annuity formula
    for principal, rate, n in [(12000, 0.18, 12), (350000, 0.0325, 240), (8000, 0.2399, 24)]:
        expected = D(f"{-npf.pmt(rate / 12, n, principal):.2f}")
        s = build_schedule(loan(principal=D(principal), rate=parse_rate(f"{rate * 100:g}%"), term=n))
        assert s.rows[0].payment == expected


# -- hand calculations ----------------------------------------------------------

def test_daily_interest_irregular_first_period() -> None:
    # 12,000 at 1.5%/month = 18%/year; act/365; start 10 Mar, first due 20 Apr = 41 days.
    # interest 12,000 × 0.18 / 365 × 41 = 242.6301... -> 242.63; equal principal 1,000.00
    s = build_schedule(loan(principal=D("12000"), rate=parse_rate("1.5%/month"), term=12, method="equal-principal",
                            start=date(2025, 3, 10), first_due=date(2025, 4, 20), interest_basis="daily"))
    first, second = s.rows[0], s.rows[1]
    assert (first.days, first.interest, first.principal) == (41, D("242.63"), D("1000.00"))
    # second period 20 Apr -> 20 May = 30 days on 11,000: 11,000 × 0.18/365 × 30 = 162.7397 -> 162.74
    assert (second.days, second.interest) == (30, D("162.74"))


def test_periodic_irregular_first_period_adds_odd_days() -> None:
    # start 10 Jan, first due 5 Mar: one regular month (5 Feb - 5 Mar) plus 26 odd days (10 Jan - 5 Feb).
    # factor = 1.5% + 18%/365 × 26 = 0.015 + 0.012821917... ; 12,000 × factor = 333.863 -> 333.86
    s = build_schedule(loan(principal=D("12000"), rate=parse_rate("1.5%/month"), term=4,
                            start=date(2025, 1, 10), first_due=date(2025, 3, 5)))
    assert s.rows[0].interest == D("333.86")
    assert s.rows[1].interest == (s.rows[1].opening_balance * D("0.015")).quantize(D("0.01"))


def test_act360_and_30_360() -> None:
    # 10,000 at 3.6%/year daily, 31 days: act/360 = 10,000 × 0.036/360 × 31 = 31.00; act/365 = 30.5753 -> 30.58
    base = dict(principal=D("10000"), rate=parse_rate("3.6%"), term=2, method="interest-only",
                start=date(2025, 1, 1), interest_basis="daily")
    assert build_schedule(loan(**base, day_count="act/360")).rows[0].interest == D("31.00")
    assert build_schedule(loan(**base, day_count="act/365")).rows[0].interest == D("30.58")
    # 30/360: 1 Jan -> 1 Feb counts 30 days: 10,000 × 0.036/360 × 30 = 30.00
    assert build_schedule(loan(**base, day_count="30/360")).rows[0].interest == D("30.00")


def test_interest_only_and_bullet() -> None:
    # 10,000 at 12%/year, 6 months: interest-only pays 100.00 a month, principal at the end
    io = build_schedule(loan(principal=D("10000"), rate=parse_rate("12%"), term=6, method="interest-only"))
    assert [r.payment for r in io.rows] == [D("100.00")] * 5 + [D("10100.00")]
    # bullet: one payment of 10,000 + 10,000 × 1% × 6 = 10,600.00 at the sixth due date
    bullet = build_schedule(loan(principal=D("10000"), rate=parse_rate("12%"), term=6, method="bullet"))
    assert len(bullet.rows) == 1
    assert (bullet.rows[0].payment, bullet.rows[0].due_date) == (D("10600.00"), date(2025, 7, 15))


def test_zero_rate_splits_evenly_and_last_takes_residue() -> None:
    # 100.00 over 3 at 0%: 33.33, 33.33, 33.34
    s = build_schedule(loan(principal=D("100"), rate=parse_rate("0%"), term=3))
    assert [r.payment for r in s.rows] == [D("33.33"), D("33.33"), D("33.34")]


def test_half_even_rounding_differs_on_a_true_tie() -> None:
    # 1,000.50 at 12%/year monthly: interest 1,000.50 × 1% = 10.005 exactly -> 10.01 half-up, 10.00 half-even
    base = dict(principal=D("1000.50"), rate=parse_rate("12%"), term=2, method="interest-only")
    assert build_schedule(loan(**base)).rows[0].interest == D("10.01")
    assert build_schedule(loan(**base, rounding="half-even")).rows[0].interest == D("10.00")


def test_exact_tie_not_lost_to_decimal_truncation() -> None:
    # 4.9%/12 = 49/12000 is a repeating decimal, so a 40-digit truncation would turn a true half-cent tie
    # into a round-down. A tie: balance × 49 / 12000 = k + 0.5 cents  <=>  cents × 49 ≡ 6,000 (mod 12,000)
    cents = next(c for c in range(100000, 200000) if c * 49 % 12000 == 6000)
    balance = D(cents).scaleb(-2)
    exact = Fraction(cents * 49, 12000)  # in cents, ends in .5
    assert exact.denominator == 2
    s = build_schedule(loan(principal=balance, term=2, method="interest-only"))
    assert s.rows[0].interest == D(int(exact + Fraction(1, 2))).scaleb(-2)


def test_weekly_biweekly_quarterly_dates_and_rates() -> None:
    weekly = build_schedule(loan(principal=D("5200"), rate=parse_rate("5.2%"), term=3, frequency="weekly",
                                 start=date(2025, 1, 1), method="interest-only"))
    assert [r.due_date for r in weekly.rows] == [date(2025, 1, 8), date(2025, 1, 15), date(2025, 1, 22)]
    assert weekly.rows[0].interest == D("5.20")  # 5,200 × 5.2% / 52 = 5.20
    biweekly = build_schedule(loan(principal=D("2600"), rate=parse_rate("13%"), term=2, frequency="biweekly",
                                   start=date(2025, 1, 1), method="interest-only"))
    assert biweekly.rows[1].due_date == date(2025, 1, 29)
    assert biweekly.rows[0].interest == D("13.00")  # 2,600 × 13% / 26
    quarterly = build_schedule(loan(principal=D("4000"), rate=parse_rate("8%"), term=3, frequency="quarterly",
                                    start=date(2025, 11, 30), method="interest-only"))
    assert [r.due_date for r in quarterly.rows] == [date(2026, 2, 28), date(2026, 5, 30), date(2026, 8, 30)]
    assert quarterly.rows[0].interest == D("80.00")  # 4,000 × 8% / 4


def test_due_dates_clamp_at_month_end_and_never_drift() -> None:
    s = build_schedule(loan(principal=D("4000"), term=4, start=date(2023, 12, 31)))
    assert [r.due_date for r in s.rows] == [date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 31),
                                            date(2024, 4, 30)]
    s2 = build_schedule(loan(principal=D("4000"), term=3, start=date(2025, 1, 1), first_due=date(2025, 1, 31)))
    assert [r.due_date for r in s2.rows] == [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31)]


def test_installment_fee_is_part_of_each_payment() -> None:
    s = build_schedule(loan(principal=D("3000"), rate=parse_rate("0%"), term=3, installment_fee=D("15")))
    assert [(r.payment, r.fees) for r in s.rows] == [(D("1015.00"), D("15.00"))] * 3
    assert s.total_fees == D("45.00")


def test_jpy_has_no_minor_unit() -> None:
    s = build_schedule(loan(principal=D("100000"), rate=parse_rate("15%"), term=3, currency="JPY"))
    # 100,000 × 1.25% = 1,250 yen interest in month 1
    assert s.rows[0].interest == D("1250")
    assert all(r.payment == r.payment.to_integral_value() for r in s.rows)


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        (dict(principal=D("-5")), "principal: must be a positive amount, got -5"),
        (dict(principal=D("0")), "principal: must be a positive amount, got 0"),
        (dict(term=0), "term: must be a whole number of installments from 1 to 1200, got 0"),
        (dict(method="balloon"), "method: 'balloon' is unknown; use one of annuity, equal-principal, "
                                 "interest-only, bullet"),
        (dict(first_due=date(2025, 1, 1)), "first_due: 2025-01-01 is not after the start 2025-01-15; "
                                           "give a later date"),
    ],
)
def test_bad_terms_name_the_field(kw: dict[str, object], message: str) -> None:
    with pytest.raises(InputError) as err:
        loan(**kw)
    assert str(err.value) == message


# -- invariants -------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(loans())
def test_every_schedule_reconciles(case: Loan) -> None:
    s = build_schedule(case)
    q = case.policy.quantum
    assert s.total("principal") == s.principal == case.policy.round(case.principal)
    assert s.rows[-1].closing_balance == 0
    for prev, row in zip((None, *s.rows), s.rows, strict=False):
        assert row.payment == row.principal + row.interest + row.fees + row.penalty
        assert row.closing_balance == row.opening_balance - row.principal
        assert row.principal >= 0 and row.closing_balance >= 0 and row.interest >= 0
        for amount in (row.payment, row.principal, row.interest, row.closing_balance):
            assert amount == amount.quantize(q)
        if prev is not None:
            assert row.opening_balance == prev.closing_balance and row.due_date > prev.due_date
    if case.method != "bullet":
        assert len(s.rows) <= case.term


@settings(max_examples=200, deadline=None)
@given(loans(methods=("annuity",)).filter(lambda x: x.interest_basis == "periodic" and x.first_due is None
                                          and x.rate.value > 0))
def test_level_payment_agrees_with_numpy_financial(case: Loan) -> None:
    # an independent float formula: agree within half a minor unit (plus float noise)
    r = float(case.rate.periodic(case.periods_per_year))
    expected = -npf.pmt(r, case.term, float(case.principal))
    factors = [case.rate.periodic_exact(case.periods_per_year)] * case.term
    got = level_payment(case.principal, factors, MoneyPolicy(case.currency))
    assert abs(float(got) - expected) <= float(case.policy.quantum) / 2 + 1e-6 * max(1.0, expected)


@settings(max_examples=100, deadline=None)
@given(loans(), st.sampled_from(["0%", "0%/month", "0%/day"]))
def test_zero_rate_has_no_interest(case: Loan, zero: str) -> None:
    s = build_schedule(replace(case, rate=parse_rate(zero)))
    assert s.total_interest == 0
    assert s.total_payment == s.principal


def test_level_payment_with_equal_factors_is_the_annuity_formula() -> None:
    # B·r / (1 − (1+r)^−n) with r = 1%, n = 12, B = 12,000: 1,066.1854... -> 1,066.19
    r, n, b = D("0.01"), 12, D("12000")
    formula = b * r / (1 - (1 + r) ** -n)
    assert level_payment(b, [Fraction(1, 100)] * n, MoneyPolicy()) == formula.quantize(D("0.01")) == D("1066.19")


def test_short_first_period_charges_its_actual_days() -> None:
    # 10,000 at 7.2%/year, start 1 Jan, first due 11 Jan (monthly): 10 days at 7.2%/365
    # = 10,000 × 0.072 / 365 × 10 = 19.7260... -> 19.73; from then on 10,000 × 0.6% = 60.00
    s = build_schedule(loan(principal=D("10000"), rate=parse_rate("7.2%"), term=3, method="interest-only",
                            start=date(2025, 1, 1), first_due=date(2025, 1, 11)))
    assert [r.interest for r in s.rows] == [D("19.73"), D("60.00"), D("60.00")]


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        (dict(principal=D("1000.005")),
         "principal: 1000.005 is finer than the smallest CNY unit (0.01); write it with at most 2 decimals"),
        (dict(principal=D("1000.5"), currency="JPY"),
         "principal: 1000.5 is finer than the smallest JPY unit (1); write it as a whole number"),
        (dict(installment_fee=D("0.005")),
         "installment_fee: 0.005 is finer than the smallest CNY unit (0.01); write it with at most 2 decimals"),
    ],
)
def test_amounts_finer_than_the_minor_unit_are_refused_not_rounded(kw: dict[str, object], message: str) -> None:
    # rounding 1000.005 to 1000.01 would create a cent nobody lent
    with pytest.raises(InputError) as err:
        loan(**kw)
    assert str(err.value) == message
    assert loan(principal=D("1000.50")).principal == D("1000.50")  # trailing zeros within the unit are fine
