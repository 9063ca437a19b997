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


def newton_every_step(amounts: list[float], times: list[float]) -> float | None:
    """Newton's root as the solver took it before it knew cycles: every one of 60 steps taken, each sum a
    loop over the flows (the reference for the solver's root, bit for bit)."""
    import math

    paid_in = sum(a for a in amounts if a < 0)
    paid_out = sum(a for a in amounts if a > 0)
    if not paid_in or not paid_out:
        return None
    when_in = sum(a * t for a, t in zip(amounts, times, strict=True) if a < 0) / paid_in
    when_out = sum(a * t for a, t in zip(amounts, times, strict=True) if a > 0) / paid_out
    if when_in == when_out:
        return None
    x = math.log(paid_out / -paid_in) / (when_out - when_in)
    spans = [t - min(times) for t in times]
    for _ in range(60):
        exponents = [-x * t for t in spans]
        top = max(exponents)
        scaled = [math.exp(e - top) for e in exponents]
        value = sum(a * f for a, f in zip(amounts, scaled, strict=True))
        slope = -sum(a * t * f for a, t, f in zip(amounts, spans, scaled, strict=True))
        if slope == 0 or not math.isfinite(value / slope):
            return None
        step = value / slope
        x -= step
        if not math.isfinite(x) or abs(x) > 700.0:
            return None
        if abs(step) <= 1e-16 * max(1.0, abs(x)):
            break
    return x


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 10**9), st.integers(0, 400), st.integers(1, 360), st.integers(-3000, 3000),
       st.integers(0, 20))
def test_newtons_root_is_the_one_every_step_reaches(owed: int, permille: int, months: int, tail: int,
                                                    lag: int) -> None:
    """Steps that come back to an x seen before repeat: the solver jumps to where all 60 end, the very float
    taking them one by one gives (level payments, zero rates among them, often cycle between two floats)."""
    payment = max(1, owed * (1000 + permille) // (1000 * months))
    flows = monthly(owed, payment, months, max(0, payment + tail), lag)
    amounts = [float(a) for _, a in flows]
    times = [(day - flows[0][0]).days / 365 for day, _ in flows]
    reference = newton_every_step(amounts, times)
    known = _known_signs(amounts, times, lambda x: False)  # one sign everywhere: only the root is compared
    assert known is None  # the signs at root ± margin must differ: never with a constant sign
    roots: list[float] = []
    _known_signs(amounts, times, lambda x: roots.append(x) or len(roots) == 1)  # type: ignore[func-returns-value]
    if reference is None:
        assert roots == []
    elif roots:  # (flows whose signs change more than once are not solved by Newton's method)
        margin = 1e-12 * max(1.0, abs(reference))
        assert roots == [reference - margin, reference + margin]


def test_a_cycling_newton_lands_where_sixty_steps_do() -> None:
    # 546,524.07 repaid as 11 × 45,543.67 + 45,543.70 (the root is 0): Newton's steps end going back and
    # forth between floats near 0, never below the stopping size
    amounts = [-546524.07] + [45543.67] * 11 + [45543.70]
    times = [days / 365 for days in (0, 38, 68, 98, 129, 159, 190, 220, 250, 281, 311, 342, 372)]
    seen: list[float] = []
    _known_signs(amounts, times, lambda x: seen.append(x) or len(seen) == 1)  # type: ignore[func-returns-value]
    reference = newton_every_step(amounts, times)
    assert reference is not None and seen == [reference - 1e-12, reference + 1e-12]
    with mock.patch("repayplan.metrics._known_signs", return_value=None):
        plain_rate = rate_per_unit(amounts, times)
    assert str(rate_per_unit(amounts, times)) == str(plain_rate)
