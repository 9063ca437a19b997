"""The annual-rate solver's shortcut (Newton's root, the signs far from it known) returns the very float
the plain bisection returns: compared here with the bisection asking the sum everywhere."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from repayplan.metrics import _known_signs, annual_rate, rate_per_unit

D = Decimal


def plain(flows: list[tuple[date, Decimal]]) -> str:
    with mock.patch("repayplan.metrics._known_signs", return_value=None):
        return solved(flows)


def solved(flows: list[tuple[date, Decimal]]) -> str:
    """The rate as text (−0E-8 is not 0E-8 in a text), or the error both solvers raise alike."""
    try:
        return str(annual_rate(flows))
    except ArithmeticError as exc:  # a rate too large for 8 places (thousands of percent in a month)
        return type(exc).__name__


def monthly(owed: int, payment: int, months: int, last: int, lag: int) -> list[tuple[date, Decimal]]:
    start = date(2025, 1, 17)
    out = [(start, D(-owed).scaleb(-2))]
    for m in range(months):
        y, mo = divmod(m + 1, 12)
        amount = payment if m < months - 1 else last
        out.append((date(2025 + y, mo + 1, 17) + timedelta(days=lag), D(amount).scaleb(-2)))
    return out


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 10**9), st.integers(0, 400), st.integers(1, 360), st.integers(-3000, 3000),
       st.integers(0, 20))
def test_the_shortcut_returns_the_bisections_rate(owed: int, permille: int, months: int, tail: int, lag: int) -> None:
    # level payments around owed/months × (1 + permille/1000 spread over the term): rates from −100% up
    payment = max(1, owed * (1000 + permille) // (1000 * months))
    flows = monthly(owed, payment, months, max(0, payment + tail), lag)
    assert solved(flows) == plain(flows)


def test_a_zero_rate_plan_is_the_bisections_zero() -> None:
    # 12,000 paid back as 12 × 1,000: the root is 0 exactly, and the sums' rounding noise decides the sign
    flows = monthly(1_200_000, 100_000, 12, 100_000, 0)
    assert solved(flows) == plain(flows)
    for owed in (3_000_001, 5_000_000, 99_999_999):
        flows = monthly(owed * 36, owed, 36, owed, 3)
        assert solved(flows) == plain(flows)


def test_flows_changing_sign_twice_take_the_plain_bisection() -> None:
    # −100 now, +230 in a year, −132 in two: (1 + r)² − 2.3(1 + r) + 1.32 = 0 has two roots (10% and 20%)
    amounts, times = [-100.0, 230.0, -132.0], [0.0, 1.0, 2.0]
    assert _known_signs(amounts, times, lambda x: False) is None
    with mock.patch("repayplan.metrics._known_signs", return_value=None):
        reference = rate_per_unit(amounts, times)
    assert rate_per_unit(amounts, times) == reference


def test_one_payment_is_solved_in_closed_form() -> None:
    # 1,000 → 1,210 in two years: (1 + r)² = 1.21, r = 10%; ln(1.21)/2 is the root before any Newton step
    known = _known_signs([-1000.0, 1210.0], [0.0, 2.0], lambda x: 1210 * __import__("math").exp(-2 * x) < 1000)
    assert known is not None and abs(known[0] - 0.0953101798043249) < 1e-15
    assert rate_per_unit([-1000.0, 1210.0], [0.0, 2.0]) == D("0.10000000")
