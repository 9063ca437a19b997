"""The period loop, day counts and annual cost of many loans at once (the vectorised `--scenario`'s parts).

:func:`walk` amortises many balances period by period in int64 minor units
by the rules of :func:`repayplan.amortise.amortise`: each period's interest
rounded once from the exact rational (balance × numerator ÷ den), principal
= level amount − interest (annuity) or a fixed part, never below zero nor
above the balance, the last period repaying what is left, a schedule whose
balance reaches zero ending there. :func:`annual_cost` is the XIRR of
:func:`repayplan.metrics.annual_rate` solved by Newton's method over loans
in float64, its two-decimal text checked against the rounding boundaries:
a rate too near one (or near zero, whose sign the text shows) is solved by
:func:`repayplan.metrics.rate_per_unit` itself.

A 1,000.00 loan at 1% a period over 3 periods, 340.02 a period (as the
schedule engine: interest 10.00, 6.70, 3.37; the last pays 336.66 + 3.37):

>>> rows = walk(np.array([100000]), np.array([1]), np.array([1]), np.array([100]), np.array([False]),
...             np.array([3]), np.array([34002]), np.array([True]))
>>> rows.interest[:, 0].tolist(), rows.payment[:, 0].tolist(), rows.uneven.tolist(), rows.count.tolist()
([1000, 670, 337], [34002, 34002, 34003], [False], [3])
>>> annual_cost(np.array([[34002.0], [34002.0], [34003.0]]), np.array([[31.0], [59.0], [90.0]]),
...             np.array([100000.0]))[0].tolist()  # 1% a month over months of 28-31 days: 12.87% a year
['12.87%']
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from ..metrics import YEAR_DAYS, rate_per_unit
from ..rates import percent_text
from .dates import MonthTable, days_30_360
from .level import solve as level_solve
from .work import Work, round_div, rounded

#: Newton's steps at most; a loan not settled by then is solved exactly.
NEWTON_STEPS = 60
#: How near (in units of the printed 0.01%) a rate may come to a rounding boundary before it is solved exactly:
#: the exact path's own solution differs from Newton's by ~1e-12 relative, its 8-place rounding by 5e-5 here.
BOUNDARY = 2e-4


@dataclass(frozen=True)
class Rows:
    """Periods × loans: each row's opening balance, interest, principal and payment (fee excluded; zero
    after a schedule ended); ``count`` rows a loan has, ``uneven`` an annuity whose period before its
    last could not repay principal (its level amount is solved: the exact path's)."""

    opening: np.ndarray
    interest: np.ndarray
    principal: np.ndarray
    payment: np.ndarray
    count: np.ndarray
    uneven: np.ndarray


def walk(balance: np.ndarray, first_num: np.ndarray, pn: np.ndarray, den: np.ndarray, half_even: np.ndarray,
         n: np.ndarray, amount: np.ndarray, annuity: np.ndarray, nums: np.ndarray | None = None) -> Rows:
    """Every period of every loan (``amount``: the level installment of an annuity, else the principal part);
    the factor of period k ≥ 1 is pn/den, or ``nums[k]``/den when given (periods × loans: the daily basis)."""
    m = len(balance)
    top = int(n.max()) if m else 0
    opening, interest, principal = (np.zeros((top, m), dtype=np.int64) for _ in range(3))
    b = balance.astype(np.int64).copy()
    den2, any_even = 2 * den, bool(half_even.any())
    uneven = np.zeros(m, dtype=bool)
    count = np.zeros(m, dtype=np.int64)
    for k in range(top):
        num = first_num if k == 0 else pn if nums is None else nums[k]
        i = rounded(b * num, den, den2, half_even, any_even)
        p = np.where(annuity, amount - i, amount)
        before_last = k < n - 1
        uneven |= annuity & (p <= 0) & (b > 0) & before_last
        np.minimum(np.maximum(p, 0, out=p), b, out=p)
        p = np.where(before_last, p, b)
        live = b > 0
        i = np.where(live, i, 0)
        opening[k], interest[k], principal[k] = b, i, p
        count += live
        b = b - p
    return Rows(opening, interest, principal, principal + interest, count, uneven)


def relevel(balance: np.ndarray, first_num: np.ndarray, pn: np.ndarray, den: np.ndarray, half_even: np.ndarray,
            n: np.ndarray, payment: np.ndarray, nums: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(level amounts, unsure) of annuities by the rule of :func:`repayplan.schedule.level_rows`, as the batch
    engine's :func:`~repayplan.batch.amortise.relevel`: where a period before the last cannot repay principal,
    the amount is solved with interest-only periods (:func:`repayplan.batch.level.solve`); then while a
    schedule is repaid before its last period, the amount is a unit less. ``payment``: the plain level amounts.

    A first period at 100% on 1,000.00 (then 0%, 0%): the plain annuity 666.67 is below its interest, so
    it pays interest only and the other two share the principal (as the engine's own example):

    >>> relevel(np.array([100000]), np.array([1]), np.array([0]), np.array([1]), np.array([False]),
    ...         np.array([3]), np.array([66667]))
    (array([50000]), array([False]))
    """
    payment = payment.copy()
    annuity = np.ones(len(balance), dtype=bool)
    first = walk(balance, first_num, pn, den, half_even, n, payment, annuity, nums)
    unsure = np.zeros(len(balance), dtype=bool)
    clamped = np.flatnonzero(first.uneven)
    if len(clamped):
        top = int(n[clamped].max())
        factors = np.empty((top, len(clamped)))
        factors[0] = first_num[clamped] / den[clamped]
        for k in range(1, top):
            factors[k] = (pn[clamped] if nums is None else nums[k, clamped]) / den[clamped]
        payment[clamped], unsure[clamped] = level_solve(balance[clamped], factors, n[clamped])
    live = np.flatnonzero(~unsure & (first.uneven | (first.count < n)))
    for _ in range(64):  # rounded up too far: a unit less until the last period repays the rest
        if not len(live):
            break
        sub = None if nums is None else nums[:, live]
        rows = walk(balance[live], first_num[live], pn[live], den[live], half_even[live], n[live], payment[live],
                    annuity[live], sub)
        short = (rows.count < n[live]) & (payment[live] > 0)
        live = live[short]
        payment[live] -= 1
    unsure[live] = True
    return payment, unsure


def numerators(table: MonthTable, w: Work, start: np.ndarray, first_midx: np.ndarray, top: int, pn: np.ndarray,
                qn: np.ndarray) -> np.ndarray | None:
    """Periods × loans: the factor numerator of each period (k ≥ 1) of monthly loans whose first period
    runs from ``start`` to the due date in month ``first_midx``: qn × the period's days on the daily
    basis, else pn. None when no loan is on the daily basis."""
    if not w.daily.any() or not top:
        return None
    due = table.on_day(first_midx[None, :] + np.arange(top)[:, None], w.anchor[None, :])[0]
    prev = np.vstack([start[None, :], due[:-1]])
    days = np.vstack([day_count(table, prev[k], due[k], w) for k in range(top)])
    return np.where(w.daily[None, :], qn[None, :] * days, pn[None, :])


def day_count(table: MonthTable, start: np.ndarray, end: np.ndarray, w: Work) -> np.ndarray:
    """Days from ``start`` to ``end`` under each loan's day count (actual, or 30/360 and 30E/360)."""
    if not w.d30.any():
        return end - start
    (m1, d1), (m2, d2) = table.month_day(start), table.month_day(end)
    return np.where(w.d30, days_30_360(m1, d1, m2, d2, w.e30), end - start)


def pro_rata(interest: np.ndarray, elapsed: np.ndarray, days: np.ndarray, he: np.ndarray) -> np.ndarray:
    """The part of a period's interest accrued after ``elapsed`` of its ``days`` (pro_rata_interest)."""
    some = (interest != 0) & (elapsed > 0) & (days > 0)
    return np.where(some, round_div(interest * np.minimum(elapsed, days), np.maximum(days, 1), he, False), 0)


def annual_cost(amounts: np.ndarray, days: np.ndarray, owed: np.ndarray,
                unit: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The XIRR text (``percent_text(rate, 2)``) of lending ``owed`` on day 0 against ``amounts`` paid
    ``days`` later (periods × loans, zero where none; minor units, ``unit`` of them to the currency's
    one), and which loans Newton left to the exact solver (their text is filled from it too, from the
    same floats as the exact path's: each amount ÷ unit)."""
    m = len(owed)
    times = days / YEAR_DAYS
    paid = amounts.sum(axis=0)
    with np.errstate(all="ignore"):
        when = (amounts * times).sum(axis=0) / paid
        x = np.log(paid / owed) / when  # the one-payment estimate
        settled = np.zeros(m, dtype=bool)
        for _ in range(NEWTON_STEPS):
            grow = amounts * np.exp(-x * times)
            f = grow.sum(axis=0) - owed
            slope = -(grow * times).sum(axis=0)
            step = f / slope
            x = np.where(settled, x, x - step)
            settled |= np.abs(step) <= 1e-15 * np.maximum(1.0, np.abs(x))
            if settled.all():
                break
        rate = np.expm1(x)
        scaled = rate * 1e4
        near = np.abs(scaled - np.floor(scaled) - 0.5) <= BOUNDARY
        exact = ~settled | ~np.isfinite(rate) | (np.abs(rate) < 1e-6) | near | (x > 600) | (rate <= -0.999)
    text = np.empty(m, dtype=object)
    places = Decimal("1e-8")
    even = np.abs(paid - owed) < 0.5  # paid exactly what was lent: the root is x = 0 (its text needs no search)
    for j in range(m):
        if not exact[j]:
            text[j] = percent_text(Decimal(repr(float(rate[j]))).quantize(places), 2)  # float ok: the solver's rate
            continue
        k = np.flatnonzero(amounts[:, j])
        u = float(unit[j]) if unit is not None else 1.0  # float ok: solver input
        flows = [-float(owed[j]) / u, *(a / u for a in amounts[k, j].tolist())]  # float ok: the exact path's floats
        if even[j]:  # the search ends within a hair of zero, on either side: printed '0.00%' (never '-0.00%')
            text[j] = percent_text(Decimal(0), 2)
            continue
        cost = rate_per_unit(flows, [0.0, *times[k, j].tolist()])
        text[j] = percent_text(cost, 2) if cost is not None else ""
    return text, exact
