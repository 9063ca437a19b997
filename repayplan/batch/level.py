"""The level amount of annuities with interest-only periods, over arrays of loans.

The vectorised form of :func:`repayplan.schedule.solve_level`: a period
whose interest exceeds the level amount L pays that interest only, so the
balance after it is min(B·(1+f) − L, B). For a set S of interest-only
periods, L is B over the present value of the periods outside S; starting
from the plain annuity (S empty), each step walks the balance with L, takes
the periods whose interest exceeds it as the new S and solves again, until
S stays the same (a fixed point is the one root of the balance recursion).
Float64, every loan of a block at once; a loan whose L lies within the float
error bound of a rounding tie (or that did not settle) is marked unsure and
left to the exact Decimal path.

A first period at 100% on 1,000.00: its 1,000.00 of interest exceeds the
plain annuity (666.67), so it pays interest only and the other two periods
share the principal, 500.00 each:

>>> solve(np.array([100000]), np.array([[1.0], [0.0], [0.0]]), np.array([3]))
(array([50000]), array([False]))
"""

from __future__ import annotations

import numpy as np

#: Bound on the relative float64 error of L, per period (walk and present value, with margin).
FLOAT_ERROR = 4e-15
#: Amounts at or above this many minor units are left to the exact path.
LARGEST = 2.0**56


def solve(principal: np.ndarray, factors: np.ndarray, term: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(L rounded to whole minor units, unsure) for each loan.

    ``principal`` in minor units; ``factors`` periods × loans (rows past a
    loan's term are ignored); the rounding is half-up, a tie (which half-even
    would decide differently) is always unsure.
    """
    periods, n = factors.shape
    balance0 = principal.astype(float)
    growth = 1.0 + factors
    index = np.arange(periods)[:, None]
    inside = index < term[None, :]
    walked = index < (term - 1)[None, :]  # the last period is never interest-only
    fragile = (growth < 0.5).any(axis=0)

    def level(skip: np.ndarray) -> np.ndarray:
        discount, present = np.ones(n), np.zeros(n)
        use = inside & ~skip
        for k in range(periods):
            discount = np.where(use[k], discount / growth[k], discount)
            present += np.where(use[k], discount, 0.0)
        return balance0 / present

    def interest_only(payment: np.ndarray) -> np.ndarray:
        skip = np.zeros((periods, n), dtype=bool)
        b = balance0.copy()
        for k in range(periods - 1):
            interest = b * factors[k]
            s = (interest > payment) & walked[k]
            skip[k] = s
            b = np.where(s, b, b + interest - payment)
        return skip

    with np.errstate(all="ignore"):
        skip = np.zeros((periods, n), dtype=bool)
        payment = level(skip)
        settled = np.zeros(n, dtype=bool)
        for _ in range(periods + 1):
            found = interest_only(payment)
            settled = ~(found != skip).any(axis=0)
            if settled.all():
                break
            skip = found
            payment = level(skip)
        frac = payment - np.floor(payment)
        tolerance = 1e-9 + np.abs(payment) * (term + 8) * FLOAT_ERROR
        unsure = (fragile | ~settled | ~np.isfinite(payment) | (payment <= 0) | (payment >= LARGEST)
                  | (np.abs(frac - 0.5) <= tolerance))
        units = np.where(unsure, 0.0, np.floor(payment) + (frac > 0.5))
    return units.astype(np.int64), unsure
