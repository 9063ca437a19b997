"""Comparison figures: actuarial annual rate (XIRR), NPV, legal-cap excess.

This is the one float boundary: the rate solver iterates in floats, and its
result comes back as a Decimal rounded to 1e-8. Amounts stay Decimal.

Cash flows are (date, amount) pairs from the borrower's side: money received
positive, money paid negative (or the opposite; only the signs' change matters).

>>> from datetime import date
>>> flows = [(date(2025, 1, 1), Decimal("-1000")), (date(2026, 1, 1), Decimal("1100"))]
>>> annual_rate(flows)
Decimal('0.10000000')
>>> npv(flows, Decimal("0.10"), date(2025, 1, 1))
Decimal('0E-10')
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import repeat
from math import exp
from operator import mul, sub

from .money import WORKING

Flow = tuple[date, Decimal]

YEAR_DAYS = 365


def discount_factor(rate: Decimal, days: int) -> Decimal:
    """(1 + rate)^(days/365), exact to 40 digits and computed once per (rate,
    days): every NPV of a run (compare's tables, the negotiator's thousands of
    candidates) shares these factors.

    >>> discount_factor(Decimal("0.10"), 365)
    Decimal('1.1')
    """
    return _factor(rate.normalize(), days)


@lru_cache(maxsize=1 << 16)
def _factor(rate: Decimal, days: int) -> Decimal:
    years = WORKING.divide(Decimal(days), Decimal(YEAR_DAYS))
    return WORKING.power(WORKING.add(1, rate), years)


def npv(flows: Sequence[Flow], rate: Decimal, on: date) -> Decimal:
    """Present value on `on` of flows discounted at an annual effective rate,
    (1 + rate)^(days/365); to 1e-10, unrounded (round it with a MoneyPolicy
    to show it). The one NPV of the program: ``compare`` reports it and the
    negotiator searches with it.

    >>> npv([(date(2026, 1, 1), Decimal("1100")), (date(2027, 1, 1), Decimal("1210"))], Decimal("0.10"),
    ...     date(2025, 1, 1))
    Decimal('2000.0000000000')
    """
    total = Decimal(0)
    for when, amount in flows:
        total = WORKING.add(total, WORKING.divide(amount, discount_factor(rate, (when - on).days)))
    return total.quantize(Decimal("1e-10"), context=WORKING)


def annual_rate(flows: Sequence[Flow]) -> Decimal | None:
    """The actuarial annual rate (XIRR, 365-day years) that makes the NPV zero.

    This is the EU-style APR: with flows of an advance and its repayments
    it is the borrower's effective annual cost. It is solved on the whole
    open interval above −100%: in x = ln(1 + rate), with every discount
    factor scaled by the largest (so neither decades of flows nor a rate
    a hair above −100% overflow or underflow). None when the flows do not
    change sign or all fall on one day (no time passes, so no annual rate
    exists).

    >>> from datetime import date
    >>> monthly = [(date(2025, 1, 1), Decimal("-12000"))] + [
    ...     (date(2025 + (m // 12), m % 12 + 1, 1), Decimal("1100.16")) for m in range(1, 13)]
    >>> annual_rate(monthly)  # 1.5%/month: (1.015)^12 − 1 = 19.56% with equal months; here months differ
    Decimal('0.19651520')

    A settlement of 4,500 on 10,000, paid 30 days after the date:
    (1 + r)^(30/365) = 0.45, r = 0.45^(365/30) − 1 = −99.99396…% (the old
    bracket stopped at −99.99% and answered nothing):

    >>> annual_rate([(date(2025, 1, 1), Decimal("-10000")), (date(2025, 1, 31), Decimal("4500"))])
    Decimal('-0.99993964')
    """
    if not flows:
        return None
    start = min(when for when, _ in flows)
    return rate_per_unit([float(a) for _, a in flows], [(when - start).days / YEAR_DAYS for when, _ in flows])


def rate_per_unit(amounts: Sequence[float], times: Sequence[float], places: int = 8) -> Decimal | None:
    """The rate r per unit of time with Σ amount × (1 + r)^−time = 0 (the internal rate of
    return), on the whole open interval above −100%; None when the amounts do not change
    sign or no time passes. Times in years give the XIRR, in periods a periodic IRR.

    >>> rate_per_unit([-100.0, 0.0, 121.0], [0.0, 1.0, 2.0])
    Decimal('0.10000000')
    """
    if not (any(a > 0 for a in amounts) and any(a < 0 for a in amounts)):
        return None
    if max(times) == min(times):  # all on one day: no time passes, so no rate exists
        return None

    if len(amounts) != len(times):
        raise ValueError("amounts and times differ in length")

    def summed(x: float) -> bool:
        """Whether the NPV at rate e^x − 1 is negative, from factors scaled by the largest: Σ a × e^(−x·t −
        top) added in order (each term and the sum the same floats as a loop over the flows makes)."""
        exponents = list(map(mul, repeat(-x), times))
        top = max(exponents)
        return sum(map(mul, amounts, map(exp, map(sub, exponents, repeat(top))))) < 0

    known = _known_signs(amounts, times, summed)  # the signs far from the one root, answered without a sum
    if known is not None:
        # the bisection below ends within root ± margin (± its last step): when every rate there rounds to
        # the same figure, that figure is its answer, reached without its last sums
        root, margin = known[0], known[1]
        try:
            low, high = _rounded(root - 4 * margin, places), _rounded(root + 4 * margin, places)
        except InvalidOperation:  # beyond 28 digits: the bisection's own answer says what happens
            low = high = None
        if low is not None and high is not None and str(low) == str(high):
            return low

    def sign(x: float) -> bool:
        if known is not None:
            root, margin, below, above = known
            if x < root - margin:
                return below
            if x > root + margin:
                return above
        return summed(x)

    lo, hi = -1.0, 1.0
    neg_lo = sign(lo)
    while neg_lo == sign(hi):
        if hi >= 700.0:  # e^700: beyond any float rate
            return None
        lo, hi = lo * 2, hi * 2
        neg_lo = sign(lo)
    while hi - lo > 1e-14 * max(1.0, abs(lo)):
        mid = (lo + hi) / 2
        if mid in (lo, hi):
            break
        if sign(mid) == neg_lo:
            lo = mid
        else:
            hi = mid
    return _rounded((lo + hi) / 2, places)


def _rounded(x: float, places: int) -> Decimal | None:
    """The rate e^x − 1 rounded to ``places`` (a non-decreasing function of x; its sign kept at zero:
    −0E-8 below it), or None when it overflows."""
    result = math.expm1(x)
    if not math.isfinite(result):
        return None
    return Decimal(repr(result)).quantize(Decimal(1).scaleb(-places))


def _known_signs(amounts: Sequence[float], times: Sequence[float],
                 sign: Callable[[float], bool]) -> tuple[float, float, bool, bool] | None:
    """(root, margin, sign below, sign above) when the NPV has one root and Newton's method finds it.

    Flows whose signs change once in time order have exactly one root (Descartes' rule of signs), and
    the sign of their NPV is one value below it and the other above. Newton's method from the
    one-payment estimate finds the root; the signs computed just outside ``root ± margin`` (a hundred
    times the bisection's last step, far above the sums' rounding noise) prove it lies inside. The
    bisection then asks for a sum only within the margin, and takes exactly the steps it would take
    asking everywhere: the same float, so the same rate. None (plain bisection) otherwise.

    >>> root, margin, below, above = _known_signs([-100.0, 110.0], [0.0, 1.0], lambda x: 110 * math.exp(-x) < 100)
    >>> round(math.expm1(root), 12), below, above
    (0.1, False, True)
    """
    merged: dict[float, float] = {}
    for a, t in zip(amounts, times, strict=True):
        merged[t] = merged.get(t, 0.0) + a
    signs = [a > 0 for t, a in sorted(merged.items()) if a != 0]
    if len(signs) < 2 or sum(x != y for x, y in zip(signs, signs[1:], strict=False)) != 1:
        return None
    paid_in = sum(a for a in amounts if a < 0)
    paid_out = sum(a for a in amounts if a > 0)
    when_in = sum(a * t for a, t in zip(amounts, times, strict=True) if a < 0) / paid_in
    when_out = sum(a * t for a, t in zip(amounts, times, strict=True) if a > 0) / paid_out
    if when_in == when_out:
        return None
    x = math.log(paid_out / -paid_in) / (when_out - when_in)  # one flow each way: the exact root
    start = min(times)
    spans = [t - start for t in times]
    longest = max(spans)
    weights = list(map(mul, amounts, spans))
    steps = 60
    visited = [x]  # x after each step: a step is a function of x alone, so an x seen before starts a cycle
    seen = {x.hex(): 0}
    for done in range(1, steps + 1):
        top = max(0.0, -x * longest)  # the largest exponent −x·t (t from 0 to the longest span)
        scaled = list(map(exp, map(sub, map(mul, repeat(-x), spans), repeat(top))))
        value = sum(map(mul, amounts, scaled))
        slope = -sum(map(mul, weights, scaled))
        if slope == 0 or not math.isfinite(value / slope):
            return None
        step = value / slope
        x -= step
        if not math.isfinite(x) or abs(x) > 700.0:
            return None
        if abs(step) <= 1e-16 * max(1.0, abs(x)):
            break
        first = seen.setdefault(x.hex(), done)
        if first != done:  # the steps from here repeat those from `first`, none ending: x after all 60
            x = visited[first + (steps - first) % (done - first)]
            break
        visited.append(x)
    margin = 1e-12 * max(1.0, abs(x))
    below, above = sign(x - margin), sign(x + margin)
    if below == above:
        return None
    return x, margin, below, above
