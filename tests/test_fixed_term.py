"""The float guess of a fixed payment's term is numpy-financial's nper; the exact search after it
finds the same shortest plan whatever the guess."""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import numpy_financial as npf
from hypothesis import given
from hypothesis import strategies as st

from repayplan.model import Period
from repayplan.money import ZERO, MoneyPolicy
from repayplan.plans import Components
from repayplan.restructure.fixed import annuity_term, fixed_rows


# rates a period of 0 or 0.01% to 5% (numpy-financial's log(1 + r) loses digits below; the module's log1p does not)
@given(balance=st.floats(100, 1e7), rate=st.one_of(st.just(0.0), st.floats(1e-4, 0.05)), margin=st.floats(1.01, 50))
def test_annuity_term_is_numpy_financials_nper(balance: float, rate: float, margin: float) -> None:
    payment = max(balance * rate * margin, balance / 1200)
    expected = balance / payment if rate == 0 else float(npf.nper(rate, -payment, balance))
    assert math.isclose(annuity_term(balance, payment, rate), expected, rel_tol=1e-9)


def test_annuity_term_by_hand() -> None:
    # 1,000 at 1% a period, 300 a period: n = −ln(1 − 1000 × 0.01 ÷ 300) ÷ ln 1.01 = 3.4071
    assert round(annuity_term(1000.0, 300.0, 0.01), 4) == 3.4071


def _periods(count: int, factor: Fraction) -> list[Period]:
    day = date(2025, 1, 1)
    return [Period(k + 1, day + timedelta(30 * k), day + timedelta(30 * k + 30), 30, factor, "")
            for k in range(count)]


@given(balance=st.integers(10_000, 2_000_000), pay=st.integers(500, 200_000), per_mille=st.integers(0, 30),
       guess=st.integers(1, 60))
def test_the_guess_never_changes_the_plan(balance: int, pay: int, per_mille: int, guess: int) -> None:
    policy = MoneyPolicy()
    periods = _periods(60, Fraction(per_mille, 1000))
    amount = policy.from_minor(pay)

    def rule(_k: int) -> Decimal:
        return amount

    plain = fixed_rows(policy.from_minor(balance), periods, policy, rule, ZERO, Components(), ZERO)
    guessed = fixed_rows(policy.from_minor(balance), periods, policy, rule, ZERO, Components(), ZERO, guess=guess)
    assert plain == guessed
    if plain is not None:  # the shortest: one installment fewer does not repay
        from repayplan.restructure.fixed import attempt

        rows = plain[0]
        assert rows[-1].payment <= amount
        assert len(rows) == 1 or attempt(len(rows) - 1, policy.from_minor(balance), periods, policy, rule, ZERO,
                                         Components(), ZERO) is None
        assert sum((r.principal for r in rows), Decimal(0)) == policy.from_minor(balance)
