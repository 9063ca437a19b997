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
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache

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
    it is the borrower's effective annual cost. None when the flows do not
    change sign, all fall on one day, or no rate in (-99.99%, 10^6 %) solves them.

    >>> from datetime import date
    >>> monthly = [(date(2025, 1, 1), Decimal("-12000"))] + [
    ...     (date(2025 + (m // 12), m % 12 + 1, 1), Decimal("1100.16")) for m in range(1, 13)]
    >>> annual_rate(monthly)  # 1.5%/month: (1.015)^12 − 1 = 19.56% with equal months; here months differ
    Decimal('0.19651520')
    """
    if not flows:
        return None
    start = min(when for when, _ in flows)
    times = [(when - start).days / YEAR_DAYS for when, _ in flows]
    amounts = [float(a) for _, a in flows]
    if not (any(a > 0 for a in amounts) and any(a < 0 for a in amounts)):
        return None
    if max(times) == 0:  # all on one day: no time passes, so no annual rate exists
        return None

    def f(r: float) -> float:
        return sum(a / (1.0 + r) ** t for a, t in zip(amounts, times, strict=True))

    lo, hi = -0.9999, 1.0
    f_lo = f(lo)
    while f_lo * f(hi) > 0:
        hi *= 4
        if hi > 1e4:
            return None
    for _ in range(200):  # bisection: slow but sure, ~1e-15 after 60 steps
        mid = (lo + hi) / 2
        f_mid = f(mid)
        if f_mid == 0 or (hi - lo) < 1e-13:
            break
        if (f_mid < 0) == (f_lo < 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    result = (lo + hi) / 2
    if not math.isfinite(result):
        return None
    return Decimal(repr(result)).quantize(Decimal("1e-8"))
