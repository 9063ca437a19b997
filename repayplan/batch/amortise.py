"""Every period of many loans at once: the plain loop, and the annuities it cannot finish.

:func:`amortise` walks the balances of a set of loans through their periods
in int64 minor units and fills the summary figures; :func:`relevel`
finishes the annuities with interest-only periods (their level amount
solved, :mod:`repayplan.batch.level`) or repaid early (a unit less), by the
rule of :func:`repayplan.schedule.level_rows`.

>>> import pandas as pd
>>> from repayplan.batch.cases import read_cases
>>> from repayplan.batch.engine import compute
>>> chunk = pd.DataFrame({"case_id": ["B"], "principal": ["1000"], "rate": ["12%"], "term": ["12"],
...                       "method": ["bullet"], "start": ["2025-01-31"]})
>>> t = compute(read_cases(chunk)[0])  # one row at maturity: 1,000.00 + 120.00 of simple interest
>>> t.installment.tolist(), t.periods.tolist()
([112000], [1])
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .dates import MonthTable
from .level import solve as level_solve
from .work import ANNUITY, BULLET, EQUAL_PRINCIPAL, ROW_COLUMNS, Work, due_at, periods, round_div, rounded

__all__ = ["ROW_COLUMNS", "amortise", "relevel", "steady"]


def steady(w: Work, payment: np.ndarray, out: dict[str, np.ndarray]) -> np.ndarray:
    """Annuities on the periodic basis with a non-negative rate, term 2 or more: the summary figures from
    the balance alone; which loans were done (the others go to :func:`amortise`).

    The factor is the same every period after the first, so no dates are
    needed, and while the interest stays below the installment the walk
    is B' = B + round(B × f) − A. The interest then falls as the balance
    does, so two checks settle every period: period 1 and 2 each leave
    principal to repay, and the last period opens with a positive balance
    (else the loan was repaid early, or an interest-only period came:
    :func:`amortise` and :func:`relevel` take it). The interest of periods
    before the last sums to B_last − B_0 + (n − 1) × A.

    >>> w = Work(principal=np.array([100000]), pn=np.array([1]), qn=np.array([0]), den=np.array([100]),
    ...          odd=np.array([0]), first_days=np.array([31]), half_even=np.array([False]), term=np.array([3]),
    ...          fee=np.array([0]), pos=np.array([0]), fd_days=np.array([0]), last=np.array([59]))
    >>> out = {k: np.zeros(1, dtype=np.int64) for k in ("installment", "total_interest", "total_payment",
    ...                                                  "total_fees", "periods", "first_due", "payoff")}
    >>> steady(w, np.array([34002]), out).tolist(), out["total_interest"].tolist()  # 10.00 + 6.70 + 3.37
    ([True], [2007])
    """
    n = len(w.term)
    done = np.zeros(n, dtype=bool)
    last_open = np.zeros(n, dtype=np.int64)
    for even in (False, True):  # half-up and half-even loans apart: each loop is one rule
        idx = np.flatnonzero(w.half_even == even)
        if len(idx):
            done[idx], last_open[idx] = _walk(w.take(idx), payment[idx], even)
    pay = payment
    last_interest = round_div(last_open * w.pn, w.den, w.half_even, signed=False)
    interest = last_open - w.principal + (w.term - 1) * pay + last_interest
    fees = w.fee * w.term
    pos = w.pos[done]
    out["installment"][pos] = (pay + w.fee)[done]
    out["total_interest"][pos] = interest[done]
    out["total_fees"][pos] = fees[done]
    out["total_payment"][pos] = (w.principal + interest + fees)[done]
    out["periods"][pos] = w.term[done]
    out["first_due"][pos] = w.fd_days[done]
    out["payoff"][pos] = w.last[done]
    return done


def _walk(w: Work, payment: np.ndarray, even: bool) -> tuple[np.ndarray, np.ndarray]:
    """(the walk held, the balance opening the last period) of loans sorted by term, longest first."""
    den, den2 = w.den, 2 * w.den
    first = np.where(w.odd < 0, w.qn * w.first_days, w.pn + w.qn * np.maximum(w.odd, 0))
    interest = rounded(w.principal * first, den, den2, np.full(len(den), even), even)
    held = interest < payment
    balance = np.maximum(w.principal + interest - payment, 0)
    pn2 = 2 * w.pn
    # loans with a period k before their last: the first counts[k] (terms sorted, longest first)
    counts = np.searchsorted(-w.term, -np.arange(2, int(w.term.max()) + 1), side="right")
    t = np.empty_like(balance)
    r = np.empty_like(balance) if even else t
    for k, m in enumerate(counts.tolist()[1:], start=1):
        b, v = balance[:m], t[:m]
        np.multiply(b, pn2[:m], out=v)
        v += den[:m]
        if even:  # a remainder of 0 is a tie: down to the even neighbour
            q = r[:m]
            np.floor_divide(v, den2[:m], out=q)
            v -= q * den2[:m]
            q -= (v == 0) & (q & 1 == 1)
            v = q
        else:
            v //= den2[:m]
        if k == 1:
            held[:m] &= v < payment[:m]
        b += v
        b -= payment[:m]
        np.maximum(b, 0, out=b)
    return held & (balance > 0), balance




def amortise(w: Work, table: MonthTable, payment: np.ndarray, out: dict[str, np.ndarray],
              with_rows: bool) -> tuple[list[Any], np.ndarray, np.ndarray]:
    """Every period of every loan at once; fills ``out`` at the loans' positions.

    Returns the rows (when asked for) and two masks of the annuities this
    plain loop cannot finish: a period before the last whose interest reaches
    the installment (clamped), and a balance repaid before the last period
    (short). :func:`relevel` finishes them by the rule of
    :func:`repayplan.schedule.level_rows`.
    """
    import pandas as pd

    n = len(w.term)
    bullet = w.method == BULLET
    balance = np.where(bullet, 0, w.principal)
    part = round_div(w.principal, np.maximum(w.term, 1), w.half_even, False)
    part = np.where(part * (w.term - 1) >= w.principal, w.principal // np.maximum(w.term, 1), part)  # as principal_part
    part = np.where(w.method == EQUAL_PRINCIPAL, part, 0)
    target = np.where(w.method == ANNUITY, payment, part)  # annuity: payment − interest; io: 0
    annuity = w.method == ANNUITY
    every, some = bool(annuity.all()), bool(annuity.any())
    den2, any_even = 2 * w.den, bool(w.half_even.any())
    count, interest_total, first_pay, total_days = (np.zeros(n, dtype=np.int64) for _ in range(4))
    records: list[Any] = []
    first_num = np.zeros(n, dtype=np.int64)
    uneven = np.zeros(n, dtype=bool)
    for k, m, due, days, num in periods(w, table, dates=with_rows):
        opening = balance[:m]
        if k == 0:
            first_num = num
        interest = rounded(opening * num, w.den[:m], den2[:m], w.half_even[:m], any_even)
        if every:
            principal = target[:m] - interest
        elif some:
            principal = np.where(annuity[:m], target[:m] - interest, target[:m])
        else:
            principal = target[:m].copy()
        ends = int(np.searchsorted(-w.term[:m], -(k + 1), side="left"))  # loans from here end with period k + 1
        if some:
            uneven[:ends] |= annuity[:ends] & (principal[:ends] <= 0) & (opening[:ends] > 0)
        np.minimum(np.maximum(principal, 0, out=principal), opening, out=principal)
        principal[ends:] = opening[ends:]  # the last installment takes what is left
        live = opening > 0  # a schedule whose balance reached zero has ended
        count[:m] += live
        interest_total[:m] += interest
        if k == 0:
            first_pay[:m] = principal + interest + w.fee[:m]
        if with_rows and live.any():
            sel = np.flatnonzero(live)
            records.append(pd.DataFrame({
                "case": w.pos[sel], "period": k + 1, "due_date": due[sel], "days": days[sel],
                "opening_balance": opening[sel], "payment": (principal + interest + w.fee[:m])[sel],
                "principal": principal[sel], "interest": interest[sel], "fees": w.fee[sel],
                "closing_balance": (opening - principal)[sel]}))
        np.subtract(opening, principal, out=opening)  # the closing balance, in place
        if days is not None:
            total_days[:m] += days
    payoff = due_at(w, table, count - 1)
    last_due = w.last
    # bullet: one row at maturity, simple interest over the summed factors
    total_num = np.where(w.daily, w.qn * total_days, first_num + w.pn * (w.term - 1))
    bullet_interest = round_div(w.principal * total_num, w.den, w.half_even)
    fees = np.where(bullet, w.fee, w.fee * count)
    interest_total = np.where(bullet, bullet_interest, interest_total)
    pos = w.pos
    out["installment"][pos] = np.where(bullet, w.principal + bullet_interest + w.fee,
                                       np.where(annuity, payment + w.fee, first_pay))  # an annuity: its level amount
    out["total_interest"][pos] = interest_total
    out["total_fees"][pos] = fees
    out["total_payment"][pos] = w.principal + interest_total + fees
    out["periods"][pos] = np.where(bullet, 1, count)
    out["first_due"][pos] = np.where(bullet, last_due, w.fd_days)
    out["payoff"][pos] = np.where(bullet, last_due, payoff)
    if with_rows and bullet.any():
        sel = np.flatnonzero(bullet)
        zero = np.zeros(len(sel), dtype=np.int64)
        records.append(pd.DataFrame({
            "case": pos[sel], "period": 1, "due_date": last_due[sel], "days": total_days[sel],
            "opening_balance": w.principal[sel], "payment": (w.principal + bullet_interest + w.fee)[sel],
            "principal": w.principal[sel], "interest": bullet_interest[sel], "fees": w.fee[sel],
            "closing_balance": zero}))
    return records, uneven, annuity & (count < w.term)


#: Loans whose level amount is solved at once (bounds the periods × loans factor matrix: 8,192 × 360 × 8 bytes).
SOLVE_BLOCK = 8192


def relevel(w: Work, table: MonthTable, payment: np.ndarray, clamped: np.ndarray, out: dict[str, np.ndarray],
             with_rows: bool) -> tuple[list[Any], list[int]]:
    """Annuities the plain loop could not finish, by the rule of :func:`repayplan.schedule.level_rows`.

    A clamped loan's level amount is solved (:func:`repayplan.batch.level.solve`);
    then while a schedule is repaid before its last period the level amount
    is a unit less. Fills ``out``; returns the rows (when asked for) and the
    positions left to the exact path (a level amount too near a rounding tie).
    """
    payment = payment.copy()
    exact = np.zeros(len(w.term), dtype=bool)
    for lo in range(0, len(w.term), SOLVE_BLOCK):
        block = np.arange(lo, min(lo + SOLVE_BLOCK, len(w.term)))
        block = block[clamped[block]]
        if len(block):
            v = w.take(block)
            factors = np.zeros((int(v.term.max()), len(block)))
            for k, m, _due, _days, num in periods(v, table, dates=False):
                factors[k, :m] = num / v.den[:m]
            payment[block], exact[block] = level_solve(v.principal, factors, v.term)
    live = ~exact
    for _ in range(64):  # rounded up too far: a unit less until the last period repays the rest
        idx = np.flatnonzero(live)
        if not len(idx):
            break
        _records, _clamped, short = amortise(w.take(idx), table, payment[idx], out, False)
        short &= payment[idx] > 0
        live[idx[~short]] = False
        payment[idx[short]] -= 1
    exact |= live
    records: list[Any] = []
    done = np.flatnonzero(~exact)
    if with_rows and len(done):
        records = amortise(w.take(done), table, payment[done], out, True)[0]
    return records, w.pos[exact].tolist()

