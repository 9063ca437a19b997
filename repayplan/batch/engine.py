"""The vectorised schedule engine: loops over periods, vectorised over loans.

It computes, in integer minor units with numpy int64, exactly what
:func:`repayplan.schedule.build_schedule` computes for each loan:

* interest = round(balance × factor) once from the exact rational: the
  factor of a loan is pn/den (periodic), pn/den + qn/den × odd days (a long
  first period), qn/den × days (a short first period, or the daily basis),
  so the interest is one integer division of ``balance × numerator`` by
  ``den``, rounded half-up or half-even as :func:`repayplan.money.round_units`;
* the annuity installment in float64, then every loan whose unrounded
  installment lies within the float error bound of a rounding tie is redone
  with :func:`repayplan.schedule.level_payment` (Decimal), so the cents agree;
* principal clamped to [0, balance], the last installment takes the rest;
  an annuity with a period whose interest reaches the installment has its
  level amount solved with interest-only periods, all such loans of a chunk
  at once (:mod:`repayplan.batch.level`, float64 with the same tie check),
  and one repaid before its last period is redone a unit lower, as
  :func:`repayplan.schedule.level_rows` does; bullet is one row.

Loans whose figures could overflow int64 (checked with a float bound before
any integer work) go whole to ``build_schedule``: exact, just not vectorised.

>>> import pandas as pd
>>> from repayplan.batch.cases import read_cases
>>> chunk = pd.DataFrame({"case_id": ["M"], "principal": ["1000000"], "rate": ["4.9%"], "term": ["360"],
...                       "method": ["annuity"], "start": ["2025-01-15"]})
>>> t = compute(read_cases(chunk)[0])
>>> t.installment.tolist(), t.total_interest.tolist(), t.periods.tolist()  # as build_schedule: 5,307.27, 910,615.12
([530727], [91061512], [360])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import Problem, error_message
from ..schedule import build_schedule, level_payment, loan_periods
from ..text import msg
from .amortise import amortise, relevel, steady
from .cases import Cases
from .dates import EPOCH, LAST_DAY, LAST_MONTH, MonthTable, days_30_360
from .work import ANNUITY, BULLET, ROW_COLUMNS, Work, periods, round_div

__all__ = ["ROW_COLUMNS", "Totals", "compute", "round_div"]

#: Float bounds (2^60 etc.) leave an 8× margin below int64's 2^63.
LIMIT = 2.0**60
#: Bound on the relative float64 error of the level payment, per period (≤ 5 roundings of 2^-53 each, ×2 margin).
FLOAT_ERROR = 1e-15

_ARRAYS = ("principal", "fee", "half_even", "method", "term", "months", "step_days", "daily", "d30", "e30", "start",
           "start_midx", "start_day", "first_given", "first", "first_midx", "first_day", "pn", "qn", "den")


@dataclass(frozen=True)
class Totals:
    """Summary figures per case in minor units; dates as days since 1970-01-01.

    ``problem`` is "" or why the case could not be computed; ``exact`` marks
    the cases computed by the single-case engine (overflow guard).
    """

    installment: np.ndarray
    total_interest: np.ndarray
    total_payment: np.ndarray
    total_fees: np.ndarray
    periods: np.ndarray
    first_due: np.ndarray
    payoff: np.ndarray
    problem: np.ndarray
    exact: np.ndarray
    rows: Any = None  # a DataFrame of every installment when asked for



def prepare(c: Cases, pos: np.ndarray) -> tuple[Work, MonthTable, np.ndarray]:
    """Due-date anchors, odd days and the month table; and which loans run past 9999."""
    w = Work(**{k: getattr(c, k)[pos] for k in _ARRAYS}, pos=pos)
    monthly = w.months > 0
    steps = w.term - 1
    fd_days_d = np.where(w.first_given, w.first, w.start + w.step_days)
    fd_midx = np.where(w.first_given, w.first_midx, np.where(
        monthly, w.start_midx + w.months, fd_days_d.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)))
    last_days_d = fd_days_d + steps * w.step_days
    last_midx = np.where(monthly, fd_midx + steps * w.months,
                         last_days_d.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64))
    late = np.where(monthly, last_midx > LAST_MONTH, last_days_d > LAST_DAY)
    w = w.take(np.flatnonzero(~late))
    monthly, fd_midx, fd_days_d, last_midx = monthly[~late], fd_midx[~late], fd_days_d[~late], last_midx[~late]
    table = MonthTable(w.start_midx - 4, last_midx)
    w.anchor = np.where(w.first_given, w.first_day, w.start_day)
    fd_days_m = table.on_day(fd_midx, w.anchor)[0]
    w.fd_days = np.where(monthly, fd_days_m, fd_days_d)
    w.fd_midx = fd_midx
    w.monthly = monthly
    # the regular start of period 1, one period before the first due date; odd days from the start to it
    reg_days_m, reg_day_m = table.on_day(fd_midx - w.months, w.anchor)
    reg_midx_d, reg_day_d = table.month_day(fd_days_d - w.step_days)
    reg_days = np.where(monthly, reg_days_m, fd_days_d - w.step_days)
    reg_midx = np.where(monthly, fd_midx - w.months, reg_midx_d)
    reg_day = np.where(monthly, reg_day_m, reg_day_d)
    w.odd = np.where(w.d30, days_30_360(w.start_midx, w.start_day, reg_midx, reg_day, w.e30), reg_days - w.start)
    fd_day = np.where(monthly, table.on_day(fd_midx, w.anchor)[1], table.month_day(fd_days_d)[1])
    w.first_days = np.where(w.d30, days_30_360(w.start_midx, w.start_day, fd_midx, fd_day, w.e30), w.fd_days - w.start)
    w.last = np.where(monthly, table.on_day(last_midx, w.anchor)[0], fd_days_d + (w.term - 1) * w.step_days)
    return w, table, pos[late]


def overflows(w: Work) -> np.ndarray:
    """Loans whose integer figures could leave int64 (a float bound, with margin)."""
    b, p, q, d = (w.principal.astype(float), np.abs(w.pn.astype(float)), w.qn.astype(float), w.den.astype(float))
    first_days = np.abs(w.fd_days - w.start) + 5.0
    longest = np.maximum(first_days, 100.0)
    span = np.abs(w.last - w.start) + 5.0 * w.term
    odd = np.abs(w.odd)
    most = np.maximum(q * longest, p + q * odd)
    total = np.maximum(q * span, p * w.term + q * odd)
    return ((b * most >= LIMIT) | (b * total / d >= LIMIT / 16) | ((w.method == BULLET) & (b * total >= LIMIT))
            | (w.fee.astype(float) * w.term >= LIMIT / 16) | (d >= LIMIT))



def level_estimates(w: Work, table: MonthTable) -> tuple[np.ndarray, np.ndarray]:
    """Float64 level installments in minor units, and which are too near a tie (or unsafe) to trust.

    Periodic basis: one closed form, present value = (1 + Σ_{j=1..n-1} (1+f)^-j) / (1 + f_1)
    with expm1/log1p (relative error a few ulp + |n·log1p(f)| ulp). Daily basis:
    period by period (at most 4 roundings a period, 4n ulp in all).
    """
    n = len(w.term)
    present, fragile, spread = np.zeros(n), np.zeros(n, dtype=bool), np.zeros(n)
    den = w.den.astype(float)
    with np.errstate(all="ignore"):
        odd = w.odd
        first = np.where(w.daily | (odd < 0), w.qn * w.first_days, w.pn + w.qn * np.maximum(odd, 0)) / den
        rate = w.pn / den
        spread = (w.term - 1) * np.log1p(rate)
        tail = np.where(rate > 0, -np.expm1(-spread) / rate, w.term - 1.0)
        present = (1.0 + tail) / (1.0 + first)
        fragile = (first < -0.5) | (rate < -0.5)
        daily = np.flatnonzero(w.daily)
        if len(daily):
            v = w.take(daily)
            discount, total = np.ones(len(daily)), np.zeros(len(daily))
            for _k, m, _due, _days, num in periods(v, table, dates=True):
                growth = 1.0 + num / den[daily[:m]]
                fragile[daily[:m]] |= growth < 0.5
                discount[:m] /= growth
                total[:m] += discount[:m]
            present[daily] = total
            spread[daily] = 0.0
        x = w.principal / present
        frac = x - np.floor(x)
        tolerance = 1e-9 + np.abs(x) * (w.term + 8 + np.abs(spread)) * FLOAT_ERROR
        unsure = fragile | ~np.isfinite(x) | (np.abs(x) >= LIMIT / 16) | (np.abs(frac - 0.5) <= tolerance)
        payment = np.where(unsure, 0.0, np.floor(x) + (frac > 0.5))
    return payment.astype(np.int64), unsure


def compute(cases: Cases, with_rows: bool = False) -> Totals:
    """Summary figures (and with_rows, every installment) of every case, exact to the minor unit."""
    n = len(cases)
    out = {k: np.zeros(n, dtype=np.int64) for k in ("installment", "total_interest", "total_payment", "total_fees",
                                                    "periods", "first_due", "payoff")}
    problem = np.full(n, "", dtype=object)
    exact = np.zeros(n, dtype=bool)
    w, table, late = prepare(cases, np.flatnonzero(cases.fits))
    problem[late] = Problem(path="term", message=msg("err.term_past_calendar"), hint=msg("err.shorten_term")).as_msg()
    big = overflows(w)
    fallback = [*np.flatnonzero(~cases.fits).tolist(), *w.pos[big].tolist()]
    w = w.take(np.flatnonzero(~big))
    w = w.take(np.argsort(-w.term, kind="stable"))
    payment = np.zeros(len(w.term), dtype=np.int64)
    annuity = np.flatnonzero(w.method == ANNUITY)
    if len(annuity):
        payment[annuity], unsure = level_estimates(w.take(annuity), table)
        for i in annuity[unsure]:
            try:
                loan = cases.loans(int(w.pos[i]))
                units = loan.policy.to_minor(level_payment(loan.policy.round(loan.principal),
                                                           [p.factor for p in loan_periods(loan)], loan.policy))
            except Exception:  # noqa: BLE001 - the single-case engine reports it below
                units = 2**62
            if abs(units) >= LIMIT / 16:
                fallback.append(int(w.pos[i]))
                w.principal[i] = 0
            payment[i] = units if abs(units) < LIMIT / 16 else 0
    rows = []
    clamped, short = np.zeros(len(w.term), dtype=bool), np.zeros(len(w.term), dtype=bool)
    walked = np.zeros(len(w.term), dtype=bool)
    if not with_rows:  # the usual annuity: the balance alone (the others, and any it cannot finish, below)
        fixed = np.flatnonzero(~w.daily & (w.method == ANNUITY) & (w.term >= 2) & (w.pn >= 0) & (w.qn >= 0)
                               & (payment > 0) & (w.principal > 0))
        if len(fixed):
            walked[fixed] = steady(w.take(fixed), payment[fixed], out)
    # the periodic basis needs no dates; 30/360 needs months and days
    for group in (np.flatnonzero(~w.daily & ~walked), np.flatnonzero(w.daily & ~w.d30),
                  np.flatnonzero(w.daily & w.d30)):
        if len(group):
            records, clamped[group], short[group] = amortise(w.take(group), table, payment[group], out, with_rows)
            rows += records
    redo = np.flatnonzero(clamped | short)
    if len(redo):  # an annuity with interest-only periods (or repaid early): its level amount is solved
        if with_rows and rows:
            drop = set(w.pos[redo].tolist())
            rows = [r[~r["case"].isin(drop)] for r in rows]
        records, exact_path = relevel(w.take(redo), table, payment[redo], clamped[redo], out, with_rows)
        rows += records
        fallback += exact_path
    for i in fallback:
        exact[i] = True
        rows_i = _single(cases, i, out, problem, with_rows)
        if rows_i is not None:
            rows.append(rows_i)
    frame = None
    if with_rows:
        import pandas as pd

        frame = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=ROW_COLUMNS)
        frame = frame.sort_values(["case", "period"], kind="stable", ignore_index=True)
    return Totals(**out, problem=problem, exact=exact, rows=frame)



def _single(cases: Cases, i: int, out: dict[str, np.ndarray], problem: np.ndarray, with_rows: bool) -> Any:
    """One case through build_schedule (the overflow guard's exact path)."""
    try:
        schedule = build_schedule(cases.loans(i))
    except Exception as exc:  # noqa: BLE001 - reported per case, the other cases go on
        problem[i] = msg("err.schedule_failed", reason=error_message(exc))
        return None
    units = schedule.policy.to_minor
    rows = schedule.rows
    values = {"installment": units(schedule.headline), "total_interest": units(schedule.total_interest),
              "total_payment": units(schedule.total_payment), "total_fees": units(schedule.total_fees),
              "periods": len(rows), "first_due": rows[0].due_date.toordinal() - EPOCH,
              "payoff": rows[-1].due_date.toordinal() - EPOCH}
    if any(abs(v) >= 2**63 for v in values.values()):
        problem[i] = msg("err.schedule_too_large")
        return None
    for key, value in values.items():
        out[key][i] = value
    if not with_rows:
        return None
    import pandas as pd

    return pd.DataFrame([(i, r.period, r.due_date.toordinal() - EPOCH, r.days, *(units(getattr(r, c)) for c in (
        "opening_balance", "payment", "principal", "interest", "fees", "closing_balance"))) for r in rows],
        columns=list(ROW_COLUMNS))
