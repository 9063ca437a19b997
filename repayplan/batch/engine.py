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

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import Problem, error_message
from ..model import METHODS
from ..schedule import build_schedule, level_payment, loan_periods
from ..text import msg
from .cases import Cases
from .dates import EPOCH, LAST_DAY, LAST_MONTH, MonthTable, days_30_360
from .level import solve as level_solve

ANNUITY, EQUAL_PRINCIPAL, BULLET = METHODS.index("annuity"), METHODS.index("equal-principal"), METHODS.index("bullet")
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


class _Work:
    """Column arrays of the loans being computed, in one order."""

    def __init__(self, **arrays: np.ndarray) -> None:
        self.__dict__.update(arrays)

    def __getattr__(self, name: str) -> Any:  # the arrays set above; tells type checkers what they are
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:
        self.__dict__[name] = value

    def take(self, idx: np.ndarray) -> _Work:
        return _Work(**{k: v[idx] for k, v in self.__dict__.items()})


def round_div(num: np.ndarray, den: np.ndarray, half_even: np.ndarray, signed: bool = True) -> np.ndarray:
    """num / den rounded to whole units; ties away from zero or to even (den > 0).

    >>> round_div(np.array([5, -5, 7, 5]), np.array([2, 2, 2, 2]), np.array([False, False, True, True])).tolist()
    [3, -3, 4, 2]
    """
    size = np.abs(num) if signed else num
    q = _rounded(size, den, 2 * den, half_even, bool(np.any(half_even)))
    return np.where(num < 0, -q, q) if signed else q


def _rounded(size: np.ndarray, den: np.ndarray, den2: np.ndarray, half_even: np.ndarray, any_even: bool) -> np.ndarray:
    """floor((2·size + den) / (2·den)): size/den rounded half-up; a remainder of 0 is a true tie,
    taken back down to the even neighbour where half-even (sizes ≥ 0, den > 0)."""
    if not any_even:
        return (2 * size + den) // den2
    q, r = np.divmod(2 * size + den, den2)
    q -= (r == 0) & (q & 1 == 1) & half_even
    return q


def _prepare(c: Cases, pos: np.ndarray) -> tuple[_Work, MonthTable, np.ndarray]:
    """Due-date anchors, odd days and the month table; and which loans run past 9999."""
    w = _Work(**{k: getattr(c, k)[pos] for k in _ARRAYS}, pos=pos)
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


def _overflows(w: _Work) -> np.ndarray:
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


def _periods(w: _Work, table: MonthTable, dates: bool) -> Iterator[tuple[int, int, Any, Any, np.ndarray]]:
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


def _due_at(w: _Work, table: MonthTable, k: np.ndarray) -> np.ndarray:
    """The due date of period k (from 0) of each loan."""
    by_month = table.on_day(w.fd_midx + k * w.months, w.anchor)[0]
    return np.where(w.monthly, by_month, w.fd_days + k * w.step_days)


def _level(w: _Work, table: MonthTable) -> tuple[np.ndarray, np.ndarray]:
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
            for _k, m, _due, _days, num in _periods(v, table, dates=True):
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
    w, table, late = _prepare(cases, np.flatnonzero(cases.fits))
    problem[late] = Problem(path="term", message=msg("err.term_past_calendar"), hint=msg("err.shorten_term")).as_msg()
    big = _overflows(w)
    fallback = [*np.flatnonzero(~cases.fits).tolist(), *w.pos[big].tolist()]
    w = w.take(np.flatnonzero(~big))
    w = w.take(np.argsort(-w.term, kind="stable"))
    payment = np.zeros(len(w.term), dtype=np.int64)
    annuity = np.flatnonzero(w.method == ANNUITY)
    if len(annuity):
        payment[annuity], unsure = _level(w.take(annuity), table)
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
    # the periodic basis needs no dates; 30/360 needs months and days
    for group in (np.flatnonzero(~w.daily), np.flatnonzero(w.daily & ~w.d30), np.flatnonzero(w.daily & w.d30)):
        if len(group):
            records, clamped[group], short[group] = _amortise(w.take(group), table, payment[group], out, with_rows)
            rows += records
    redo = np.flatnonzero(clamped | short)
    if len(redo):  # an annuity with interest-only periods (or repaid early): its level amount is solved
        if with_rows and rows:
            drop = set(w.pos[redo].tolist())
            rows = [r[~r["case"].isin(drop)] for r in rows]
        records, exact_path = _relevel(w.take(redo), table, payment[redo], clamped[redo], out, with_rows)
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


ROW_COLUMNS = ("case", "period", "due_date", "days", "opening_balance", "payment", "principal", "interest", "fees",
               "closing_balance")


def _amortise(w: _Work, table: MonthTable, payment: np.ndarray, out: dict[str, np.ndarray],
              with_rows: bool) -> tuple[list[Any], np.ndarray, np.ndarray]:
    """Every period of every loan at once; fills ``out`` at the loans' positions.

    Returns the rows (when asked for) and two masks of the annuities this
    plain loop cannot finish: a period before the last whose interest reaches
    the installment (clamped), and a balance repaid before the last period
    (short). :func:`_relevel` finishes them by the rule of
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
    for k, m, due, days, num in _periods(w, table, dates=with_rows):
        opening = balance[:m]
        if k == 0:
            first_num = num
        interest = _rounded(opening * num, w.den[:m], den2[:m], w.half_even[:m], any_even)
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
    payoff = _due_at(w, table, count - 1)
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


def _relevel(w: _Work, table: MonthTable, payment: np.ndarray, clamped: np.ndarray, out: dict[str, np.ndarray],
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
            for k, m, _due, _days, num in _periods(v, table, dates=False):
                factors[k, :m] = num / v.den[:m]
            payment[block], exact[block] = level_solve(v.principal, factors, v.term)
    live = ~exact
    for _ in range(64):  # rounded up too far: a unit less until the last period repays the rest
        idx = np.flatnonzero(live)
        if not len(idx):
            break
        _records, _clamped, short = _amortise(w.take(idx), table, payment[idx], out, False)
        short &= payment[idx] > 0
        live[idx[~short]] = False
        payment[idx[short]] -= 1
    exact |= live
    records: list[Any] = []
    done = np.flatnonzero(~exact)
    if with_rows and len(done):
        records = _amortise(w.take(done), table, payment[done], out, True)[0]
    return records, w.pos[exact].tolist()


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
