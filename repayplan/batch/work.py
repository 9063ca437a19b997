"""The loans of a chunk as column arrays, walked period by period (the batch engine's shared parts).

:class:`Work` holds the arrays of the loans being computed, in one order;
:func:`periods` yields each period's factor numerators (and, when asked,
due dates and days); :func:`round_div` is :func:`repayplan.money.round_units`
over arrays.

>>> round_div(np.array([7, -7]), np.array([2, 2]), np.array([False, True])).tolist()
[4, -4]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from ..model import METHODS
from .dates import MonthTable, days_30_360

ANNUITY, EQUAL_PRINCIPAL, BULLET = METHODS.index("annuity"), METHODS.index("equal-principal"), METHODS.index("bullet")
ROW_COLUMNS = ("case", "period", "due_date", "days", "opening_balance", "payment", "principal", "interest", "fees",
               "closing_balance")


class Work:
    """Column arrays of the loans being computed, in one order."""

    def __init__(self, **arrays: np.ndarray) -> None:
        self.__dict__.update(arrays)

    def __getattr__(self, name: str) -> Any:  # the arrays set above; tells type checkers what they are
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:
        self.__dict__[name] = value

    def take(self, idx: np.ndarray) -> Work:
        return Work(**{k: v[idx] for k, v in self.__dict__.items()})


def round_div(num: np.ndarray, den: np.ndarray, half_even: np.ndarray, signed: bool = True) -> np.ndarray:
    """num / den rounded to whole units; ties away from zero or to even (den > 0).

    >>> round_div(np.array([5, -5, 7, 5]), np.array([2, 2, 2, 2]), np.array([False, False, True, True])).tolist()
    [3, -3, 4, 2]
    """
    size = np.abs(num) if signed else num
    q = rounded(size, den, 2 * den, half_even, bool(np.any(half_even)))
    return np.where(num < 0, -q, q) if signed else q


def rounded(size: np.ndarray, den: np.ndarray, den2: np.ndarray, half_even: np.ndarray, any_even: bool) -> np.ndarray:
    """floor((2·size + den) / (2·den)): size/den rounded half-up; a remainder of 0 is a true tie,
    taken back down to the even neighbour where half-even (sizes ≥ 0, den > 0)."""
    if not any_even:
        return (2 * size + den) // den2
    num = 2 * size + den
    q = num // den2
    q -= (num - q * den2 == 0) & (q & 1 == 1) & half_even  # (divmod is slower than // and a product)
    return q



def periods(w: Work, table: MonthTable, dates: bool) -> Iterator[tuple[int, int, Any, Any, np.ndarray]]:
    """(k, m, due, days, factor numerators) for period k of the first m loans (sorted by term, longest first).

    Due dates and days are computed only when asked for or needed (the daily
    basis); otherwise due and days are None.
    """
    n = len(w.term)
    counts = np.searchsorted(-w.term, -np.arange(int(w.term.max()) if n else 0), side="left")
    any_daily = bool(w.daily.any())
    dates = dates or any_daily
    prev, prev_midx, prev_day = w.start.copy(), w.start_midx.copy(), w.start_day.copy()
    any_monthly, all_monthly = bool(w.monthly.any()), bool(w.monthly.all())
    any_30 = bool(w.d30.any())
    due: Any = None
    days: Any = None
    for k, m in enumerate(counts.tolist()):
        if dates:
            monthly = w.monthly[:m]
            if any_monthly:
                midx = w.fd_midx[:m] + k * w.months[:m]
                due, day = table.on_day(midx, w.anchor[:m])
            if not all_monthly:
                by_days = w.fd_days[:m] + k * w.step_days[:m]
                due = np.where(monthly, due, by_days) if any_monthly else by_days
                if any_30:
                    d_midx, d_day = table.month_day(by_days)
                    midx = np.where(monthly, midx, d_midx) if any_monthly else d_midx
                    day = np.where(monthly, day, d_day) if any_monthly else d_day
            days = due - prev[:m]
            if any_30:
                days = np.where(w.d30[:m], days_30_360(prev_midx[:m], prev_day[:m], midx, day, w.e30[:m]), days)
                prev_midx[:m], prev_day[:m] = midx, day
            prev[:m] = due
        if k == 0:  # a long first period adds its odd days; a short one charges its actual days
            odd = w.odd[:m]
            num = np.where(w.daily[:m] | (odd < 0), w.qn[:m] * w.first_days[:m],
                           w.pn[:m] + w.qn[:m] * np.maximum(odd, 0))
        elif any_daily:
            num = np.where(w.daily[:m], w.qn[:m] * days, w.pn[:m])
        else:
            num = w.pn[:m]
        yield k, m, due, days, num


def due_at(w: Work, table: MonthTable, k: np.ndarray) -> np.ndarray:
    """The due date of period k (from 0) of each loan."""
    by_month = table.on_day(w.fd_midx + k * w.months, w.anchor)[0]
    return np.where(w.monthly, by_month, w.fd_days + k * w.step_days)

