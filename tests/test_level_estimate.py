"""The level installment's binary64 estimate against the 40-digit Decimal computation it must equal.

``level_payment`` takes the unit from ``level_estimate`` unless the estimate is too near a rounding tie to
prove it; these tests hold every estimate to ``level_payment_decimal`` on random loans of every daily day count,
build cases on a tie (exact and within a hair of one) that must be sent to the Decimal computation, and check
the one property of the decimal module the proof assumes (an integral power within ten units of the 40th digit).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Context, Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repayplan.estimate import level_estimate
from repayplan.level import level_payment, level_payment_decimal
from repayplan.model import Loan
from repayplan.money import WORKING, MoneyPolicy
from repayplan.periods import loan_calendar
from repayplan.rates import Rate
from tests.strategies import level_loans

DAY_COUNTS = ("act/365", "act/360", "30/360", "30E/360")


def _daily_loan(rng: random.Random) -> Loan:
    unit = rng.choice(["year", "month", "day"])
    value = {"year": Decimal(rng.randint(1, 3600)).scaleb(-4), "month": Decimal(rng.randint(1, 300)).scaleb(-4),
             "day": Decimal(rng.randint(1, 100)).scaleb(-5)}[unit]
    start = date(2000, 1, 1) + timedelta(days=rng.randint(0, 20000))
    currency = rng.choice(["CNY", "JPY"])
    places = 0 if currency == "JPY" else 2
    return Loan(Decimal(rng.randint(1, 10**10)).scaleb(-places), Rate(value, unit), rng.randint(2, 360),
                start=start, first_due=start + timedelta(days=rng.randint(1, 120)) if rng.random() < 0.5 else None,
                interest_basis="daily", day_count=rng.choice(DAY_COUNTS), currency=currency,
                rounding=rng.choice(["half-up", "half-even"]))


def _present(factors: list[Fraction]) -> Fraction:
    """Σ_k Π_{j≤k} (1 + f_j)^−1 exactly: an independent formula for the annuity's present value per unit."""
    discount, total = Fraction(1), Fraction(0)
    for f in factors:
        discount /= 1 + f
        total += discount
    return total


def test_the_estimate_equals_the_decimal_computation_on_random_daily_loans() -> None:
    rng = random.Random(20261206)
    estimated = 0
    for _ in range(1500):
        loan = _daily_loan(rng)
        policy, factors = loan.policy, loan_calendar(loan).factors
        principal = policy.round(loan.principal)
        reference = level_payment_decimal(principal, factors, policy)
        units = level_estimate(principal, factors, policy.minor_units)
        if units is not None:
            estimated += 1
            assert policy.quantum * units == reference, loan
            assert str(policy.quantum * units) == str(reference)  # the same digits and exponent
        assert str(level_payment(principal, factors, policy)) == str(reference)
    assert estimated >= 1490  # a tie within the bound is rare: nearly every amount comes from the estimate


@settings(max_examples=300, deadline=None)
@given(level_loans())
def test_level_payment_is_the_decimal_computation_on_any_annuity(loan: Loan) -> None:
    policy, factors = loan.policy, loan_calendar(loan).factors
    principal = policy.round(loan.principal)
    assert str(level_payment(principal, factors, policy)) == str(level_payment_decimal(principal, factors, policy))


@pytest.mark.parametrize("offset", [Fraction(0), Fraction(1, 10**14), Fraction(-1, 10**14), Fraction(1, 10**30)])
@pytest.mark.parametrize("day_count", DAY_COUNTS)
def test_an_amount_at_or_within_a_hair_of_a_tie_goes_to_the_decimal_computation(offset: Fraction,
                                                                              day_count: str) -> None:
    """A balance chosen so the exact installment is k + ½ cents (plus a hair): the estimate must not decide."""
    loan = Loan(Decimal("250000"), Rate(Decimal("0.0365"), "year"), 120, start=date(2025, 1, 31),
                interest_basis="daily", day_count=day_count)
    factors = loan_calendar(loan).factors
    present = _present(list(factors))
    cents = Fraction(2_345_678 * 2 + 1, 2) + offset  # 23,456.785 cents … a tie of a tie
    exact_balance = cents / 100 * present
    balance = WORKING.divide(Decimal(exact_balance.numerator), Decimal(exact_balance.denominator))
    for rounding in ("half-up", "half-even"):
        policy = MoneyPolicy("CNY", rounding)
        assert level_estimate(balance, factors, 2) is None
        assert str(level_payment(balance, factors, policy)) == str(level_payment_decimal(balance, factors, policy))


def test_an_exact_tie_rounds_as_the_policy_says() -> None:
    """0.05 over two free periods is 0.025 each: a true tie, half up 0.03, half even 0.02 (by hand)."""
    factors = [Fraction(0), Fraction(0), Fraction(1, 10**6)]
    assert level_estimate(Decimal("0.05"), factors[:2], 2) is None
    assert level_payment(Decimal("0.05"), factors[:2], MoneyPolicy()) == Decimal("0.03")
    assert level_payment(Decimal("0.05"), factors[:2], MoneyPolicy("CNY", "half-even")) == Decimal("0.02")


def test_far_from_a_tie_the_estimate_decides_by_hand() -> None:
    """1,200.00 over 12 free months: exactly 100.00, half a cent from any tie; 1,000 over 3 is 333.33…"""
    assert level_estimate(Decimal("1200.00"), [Fraction(0)] * 12, 2) == 10000
    assert level_estimate(Decimal("1000"), [Fraction(0)] * 3, 2) == 33333
    daily = replace(Loan(Decimal("1000000"), Rate(Decimal("0.049")), 360, start=date(2025, 1, 15)),
                    interest_basis="daily")
    factors = list(loan_calendar(daily).factors)
    exact = Fraction(100_000_000) / _present(factors)  # the independent formula, in cents
    assert level_estimate(Decimal("1000000.00"), factors, 2) == round(exact)


def test_outside_the_bound_the_estimate_abstains() -> None:
    assert level_estimate(Decimal("100"), [Fraction(-1, 100)] * 3, 2) is None  # a negative factor
    assert level_estimate(Decimal("100"), [Fraction(1, 10**15)] * 3, 2) is None  # below 10^-12
    assert level_estimate(Decimal("100"), [Fraction(10**7)] * 3, 2) is None  # above 10^6
    assert level_estimate(Decimal("1E+20"), [Fraction(1, 100)] * 3, 2) is None  # beyond 2^52 units
    assert level_estimate(Decimal(0), [Fraction(1, 100)] * 3, 2) is None
    assert level_estimate(Decimal("100"), [], 2) is None


@settings(max_examples=150, deadline=None)
@given(st.fractions(min_value=Fraction(1, 10**12), max_value=Fraction(10**6)).filter(lambda f: f > 0),
       st.integers(2, 1200))
def test_an_integral_power_is_within_ten_units_of_the_40th_digit(factor: Fraction, m: int) -> None:
    """The proof's one assumption about the decimal module: s^−m within 10 units of the 40th digit."""
    step = WORKING.add(1, WORKING.divide(Decimal(factor.numerator), Decimal(factor.denominator)))
    tail = WORKING.power(step, -m)
    exact = Fraction(step) ** -m
    ulp = Fraction(Decimal(1).scaleb(tail.adjusted() - 39))
    assert abs(Fraction(tail) - exact) <= 10 * ulp
    assert Context(prec=40, rounding=ROUND_HALF_EVEN).power(step, -m) == tail
