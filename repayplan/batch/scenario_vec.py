"""The common `--scenario` steps over many loans at once, exactly as the single-case path computes them.

For a case without a payment history (taken as performing: every
installment due on or before the date paid), a monthly contract (annuity,
equal principal, interest only, bullet; periodic or daily interest, any day
count), and a scenario of waive (in full or by a percentage), haircut, set-rate,
term (without a fee) and settle by a percentage, the ``scenario_*``
columns come from integer minor units walked period by period over all
the loans of a chunk (:mod:`.scenario_walk`), by the rules of
:func:`repayplan.restructure.apply` and :func:`.scenario.plan_figures`:

* the position: the contract's balance after its installments due on or
  before the date, and the interest of the current period accrued pro rata
  by days (rounded once, the arrears statement's rule);
* waive forgives that accrued interest (penalty and fees are nil), a
  haircut part of the balance, a settlement pays the accrued interest,
  then principal, and forgives the rest;
* the plan's first period is the contract's current one: its interest at
  the plan's rate less the part before the date, and the accrued interest
  falls due with the first installment; the plan keeps the contract's
  level installment (or principal part) when its balance, periods and rate
  are the contract's, else solves its own (float64, ties rechecked);
* the annual cost is Newton's XIRR over loans, solved exactly where its
  two-decimal text could differ.

A case is left to the exact path (:func:`.scenario.scenario_columns`' loop)
when anything differs: other steps (payment, step-up, moratorium, settle by
an amount, waive by an amount, a term with a fee), a date before the start
or after the last installment, other frequencies, a negative rate, figures
near int64's limits, a level amount too near a rounding tie, a haircut
larger than the balance or finer than the currency's unit, a term over the
creditor's maximum, nothing left to repay, a bullet re-amortised over its
own term (its one period is the whole term).

>>> from repayplan.batch.scenario import parse_scenario
>>> vector_steps(parse_scenario("rate=0%; term=36").steps).term, vector_steps(parse_scenario("payment=800").steps)
(36, None)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np

from ..model import METHODS
from ..plans import MAX_PLAN_MONTHS
from ..rates import DAYS_PER_YEAR, Rate
from .cases import Cases, rate_fractions
from .dates import EPOCH, MonthTable, iso
from .engine import LIMIT, level_estimates, overflows, prepare
from .scenario_walk import annual_cost, day_count, numerators, pro_rata, relevel, walk
from .work import ANNUITY, BULLET, EQUAL_PRINCIPAL, Work, round_div

INTEREST_ONLY = METHODS.index("interest-only")
#: Loans walked at once (bounds the periods × loans matrices: 1,024 × 360 × 8 bytes, 3 MB, each).
BLOCK = 1024


@dataclass(frozen=True)
class VectorSteps:
    """A scenario the vectorised path covers: the concessions in order, and how the plan repays."""

    concessions: tuple[tuple[Any, ...], ...]
    rate: Rate | None = None
    term: int | None = None
    method: str | None = None
    settle: Fraction | None = None
    changes: bool = False  # the plan differs from the contract whatever the amounts


def vector_steps(steps: Any) -> VectorSteps | None:
    """The scenario's steps in the covered set, or None."""
    from ..restructure.steps import Haircut, SetRate, Settle, Term, Waive

    concessions: list[tuple[Any, ...]] = []
    rate = term = method = settle = None
    changes = False
    for index, step in enumerate(steps):
        if isinstance(step, Waive) and step.amount is None:
            names = tuple(step.what)
            changes |= "installment-fee" in names
            concessions.append(("waive", names, _fraction(step.percent)))
        elif isinstance(step, Haircut):
            concessions.append(("haircut", _fraction(step.percent if step.amount is None else Decimal(0)),
                                step.amount))
        elif isinstance(step, SetRate):
            rate, changes = step.rate, True
        elif isinstance(step, Term) and step.fee is None and settle is None:
            term, method, changes = step.installments, step.method, True
        elif (isinstance(step, Settle) and index == len(steps) - 1 and term is None and step.percent is not None
              and step.amount is None and step.by is None and step.down_payment is None and step.installments is None):
            settle = _fraction(step.percent)
        else:
            return None
    return VectorSteps(tuple(concessions), rate, term, method, settle, changes)


def _fraction(percent: Decimal | None) -> Fraction | None:
    return None if percent is None else Fraction(percent)


def vector_columns(cases: Cases, scenario: Any, ok: np.ndarray, out: dict[str, np.ndarray],
                   today: date) -> np.ndarray:
    """Fill ``out`` (the scenario's columns) for the cases where ``ok`` that the vectorised path covers;
    returns which it filled (the others go to the exact path)."""
    done = np.zeros(len(cases), dtype=bool)
    spec = vector_steps(scenario.steps)
    if spec is None or not len(cases):
        return done
    cand = np.flatnonzero(ok & cases.fits & (cases.months == 1) & (cases.pn >= 0) & (cases.qn >= 0))
    for lo in range(0, len(cand), BLOCK):
        _block(cases, spec, scenario, cand[lo:lo + BLOCK], out, done, today)
    return done


def _product_fits(values: np.ndarray, fraction: Fraction | None) -> bool:
    return fraction is None or not len(values) or float(values.max()) * fraction.numerator < LIMIT  # float ok: a bound


def _block(cases: Cases, spec: VectorSteps, scenario: Any, pos: np.ndarray, out: dict[str, np.ndarray],
           done: np.ndarray, today: date) -> None:
    w, _table, _late = prepare(cases, pos)
    on_all = (np.full(len(w.pos), scenario.on.toordinal() - EPOCH, dtype=np.int64) if scenario.on is not None
              else np.maximum(today.toordinal() - EPOCH, w.start))
    fit = ~overflows(w) & (on_all >= w.start) & (on_all < w.last) & (w.principal > 0)
    w = w.take(np.flatnonzero(fit))
    on = on_all[fit]
    m = len(w.pos)
    if not m:
        return
    annuity = w.method == ANNUITY
    amount = round_div(w.principal, w.term, w.half_even, False)  # equal principal: as principal_part
    amount = np.where(amount * (w.term - 1) >= w.principal, w.principal // w.term, amount)
    amount = np.where(w.method == EQUAL_PRINCIPAL, amount, 0)  # interest only: no principal until the last
    bad = np.zeros(m, dtype=bool)
    if annuity.any():
        idx = np.flatnonzero(annuity)
        idx = idx[np.argsort(-w.term[idx], kind="stable")]  # the daily basis's period loop reads longest first
        amount[idx], unsure = level_estimates(w.take(idx), _table)
        bad[idx[unsure]] = True
    first = np.where(w.daily | (w.odd < 0), w.qn * w.first_days, w.pn + w.qn * np.maximum(w.odd, 0))
    table = MonthTable(w.start_midx - 4, w.fd_midx + w.term + max(spec.term or 0, int(w.term.max())) + 2)
    nums = numerators(table, w, w.start, w.fd_midx, int(w.term.max()), w.pn, w.qn)
    rows = walk(w.principal, first, w.pn, w.den, w.half_even, w.term, amount, annuity, nums)
    redo = np.flatnonzero(annuity & ~bad & (rows.uneven | (rows.count < w.term)))
    if len(redo):  # interest-only periods, or repaid early: the level amount solved, and the rows again
        amount[redo], unsure = relevel(w.principal[redo], first[redo], w.pn[redo], w.den[redo], w.half_even[redo],
                                       w.term[redo], amount[redo], None if nums is None else nums[:, redo])
        bad[redo[unsure]] = True
        rows = walk(w.principal, first, w.pn, w.den, w.half_even, w.term, amount, annuity, nums)
    cols = np.arange(m)
    on_midx, _day = table.month_day(on)
    k0 = on_midx - w.fd_midx
    due_k0 = table.on_day(w.fd_midx + np.maximum(k0, 0), w.anchor)[0]
    c = np.where(k0 < 0, 0, k0 + (due_k0 <= on))
    c = np.minimum(c, w.term - 1)
    start_c = np.where(c > 0, table.on_day(w.fd_midx + c - 1, w.anchor)[0], w.start)
    due_c = table.on_day(w.fd_midx + c, w.anchor)[0]
    days = day_count(table, start_c, due_c, w)
    elapsed = day_count(table, start_c, on, w)
    he = w.half_even
    principal0 = rows.opening[c, cols]
    accrued0 = pro_rata(rows.interest[c, cols], elapsed, days, he)
    bullet = np.flatnonzero(w.method == BULLET)
    if len(bullet):  # one row at maturity: simple interest over the summed factors, accrued from the start
        b, last = w.principal[bullet], w.term[bullet] - 1
        summed = (w.pn[bullet] * last if nums is None else
                  np.where(np.arange(nums.shape[0])[:, None] < (last + 1)[None, :], nums[:, bullet], 0)[1:].sum(0))
        interest = round_div(b * (first[bullet] + summed), w.den[bullet], he[bullet], False)
        for matrix in (rows.opening, rows.interest, rows.principal, rows.payment):
            matrix[:, bullet] = 0
        rows.opening[last, bullet], rows.interest[last, bullet] = b, interest
        rows.principal[last, bullet], rows.payment[last, bullet] = b, b + interest
        rows.count[bullet] = last + 1
        principal0[bullet] = b
        accrued0[bullet] = pro_rata(interest, day_count(table, w.start, on, w)[bullet],
                                     day_count(table, w.start, w.last, w)[bullet], he[bullet])
    later = np.arange(rows.payment.shape[0])[:, None] >= c[None, :]
    contract_pay = np.where(rows.opening > 0, rows.payment + w.fee, 0) * later
    kept = contract_pay.sum(axis=0)
    digits = cases.digits[w.pos]
    # the concessions, in order
    p, a = principal0.copy(), accrued0.copy()
    forgiven = np.zeros(m, dtype=np.int64)
    changed = np.full(m, spec.changes)
    for op, first_arg, second in spec.concessions:
        if op == "waive":
            for name in first_arg:
                if name not in ("interest", "accrued"):
                    continue  # a performing loan owes no penalty or fees
                if not _product_fits(a, second):
                    bad[:] = True
                    continue
                left = a if second is None else round_div(a * second.numerator, np.full(m, second.denominator), he,
                                                          False)
                take = np.minimum(left, a)
                a, forgiven, changed = a - take, forgiven + take, changed | (take > 0)
        else:
            if second is not None:  # an amount: whole minor units, at most the balance
                scaled = [Decimal(second).scaleb(int(d)) for d in digits]
                whole = np.array([s == s.to_integral_value() and abs(s) < LIMIT for s in scaled])
                cut = np.array([int(s) if ok else 0 for s, ok in zip(scaled, whole, strict=True)], dtype=np.int64)
                bad |= ~whole | (cut > p)
                cut = np.minimum(cut, p)
            elif _product_fits(p, first_arg):
                cut = round_div(p * first_arg.numerator, np.full(m, first_arg.denominator), he, False)
            else:
                bad[:] = True
                cut = np.zeros(m, dtype=np.int64)
            p, forgiven, changed = p - cut, forgiven + cut, changed | (cut > 0)
    owed0 = principal0 + accrued0
    figures: dict[str, np.ndarray]
    if spec.settle is not None:
        figures = _settled(spec.settle, p, a, forgiven, kept, on, he, bad)
    else:
        figures = _planned(cases, w, spec, scenario, table, rows, c, on, start_c, elapsed, days, p, a, owed0, kept,
                           amount, bad, changed, contract_pay, digits)
    good = np.flatnonzero(~bad)
    at = w.pos[good]
    if not len(good):
        return
    done[at] = True
    out["scenario"][at] = scenario.name
    out["scenario_date"][at] = iso(on[good])
    d = digits[good]
    for key, units in (("scenario_owed", owed0), ("scenario_total_payment", figures["total_payment"]),
                       ("scenario_total_interest", figures["total_interest"]), ("scenario_forgiven", forgiven),
                       ("scenario_saving", kept - figures["total_payment"])):
        out[key][at] = _money(units[good], d)
    first_pay = figures["installment"][good]
    count = figures["payments"][good]
    out["scenario_installment"][at] = np.where(count > 0, _money(first_pay, d), "")
    out["scenario_payments"][at] = count.tolist()
    cost = figures["annual_cost"]
    out["scenario_annual_cost"][at] = cost[good] if cost is not None else ""
    out["scenario_payoff_date"][at] = iso(figures["payoff"][good])


def _settled(percent: Fraction, p: np.ndarray, a: np.ndarray, forgiven: np.ndarray, kept: np.ndarray,
             on: np.ndarray, he: np.ndarray, bad: np.ndarray) -> dict[str, np.ndarray]:
    """A settlement for a percentage of what is owed, paid on the date: accrued interest first, then principal."""
    owed = p + a
    if not _product_fits(owed, percent):
        bad[:] = True
        owed = np.zeros_like(owed)
    total = round_div(owed * percent.numerator, np.full(len(owed), percent.denominator), he, False)
    interest = np.minimum(total, a)
    principal = np.minimum(total - interest, p)
    forgiven += (a - interest) + (p - principal)
    return {"total_payment": total, "total_interest": interest, "installment": total,
            "payments": (total > 0).astype(np.int64), "annual_cost": None, "payoff": on}


def _planned(cases: Cases, w: Work, spec: VectorSteps, scenario: Any, table: MonthTable, rows: Any, c: np.ndarray,
             on: np.ndarray, start_c: np.ndarray, elapsed: np.ndarray, days: np.ndarray, p: np.ndarray,
             a: np.ndarray,
             owed0: np.ndarray, kept: np.ndarray, contract_amount: np.ndarray, bad: np.ndarray,
             changed: np.ndarray, contract_pay: np.ndarray, digits: np.ndarray) -> dict[str, np.ndarray]:
    """The plan's rows: the contract's own when nothing changed, else re-amortised from the current period."""
    m = len(p)
    cols = np.arange(m)
    he = w.half_even
    if spec.rate is not None:
        pn, qn, den, unfit = _rates(cases, w, spec.rate)
        bad |= unfit
    else:
        pn, qn, den = w.pn, w.qn, w.den
    bad |= (pn < 0) | (qn < 0) | (den >= LIMIT)
    pn, qn = np.maximum(pn, 0), np.maximum(qn, 0)
    plain = np.where(w.odd < 0, qn * w.first_days, pn + qn * np.maximum(w.odd, 0))
    first = np.where(w.daily, qn * days, np.where(c > 0, pn, plain))
    count = np.full(m, spec.term) if spec.term is not None else w.term - c
    if spec.term is not None:
        most = getattr(scenario.creditor, "max_term", None) or MAX_PLAN_MONTHS
        bad |= count > max(1, most)  # the exact path says by how much
    count = np.where(bad, 1, count)
    method = (np.full(m, ANNUITY if spec.method == "annuity" else EQUAL_PRINCIPAL) if spec.method is not None
              else w.method)
    contract_first = np.where(w.daily, w.qn * days, np.where(c > 0, w.pn, np.where(
        w.odd < 0, w.qn * w.first_days, w.pn + w.qn * np.maximum(w.odd, 0))))
    same_rate = (pn * w.den == w.pn * den) & (qn * w.den == w.qn * den) & (first * w.den == contract_first * den)
    keep = ((method == w.method) & (method != INTEREST_ONLY) & (p == rows.opening[c, cols]) & (count == w.term - c)
            & same_rate)
    with np.errstate(all="ignore"):
        most = np.maximum(pn, 32 * qn).astype(float)
        size = p.astype(float) * (np.maximum(first.astype(float), most) + 1.0)
        bad |= (size >= LIMIT) | (p * (first.astype(float) + most * count) / den >= LIMIT / 16)
    bad |= p <= 0
    if spec.term is None:  # a bullet re-amortised over its own term: its one period is the whole term
        bad |= (w.method == BULLET) & changed
    safe = np.where(bad, 0, p)
    annuity = method == ANNUITY
    amount = round_div(safe, count, he, False)
    amount = np.where(amount * (count - 1) >= safe, safe // count, amount)
    amount = np.where(method == INTEREST_ONLY, 0, amount)
    solve = np.flatnonzero(annuity & ~keep & ~bad)
    if len(solve):
        start_midx, start_day = table.month_day(start_c)
        due_c = table.on_day(w.fd_midx + c, w.anchor)[0]
        v = Work(principal=safe, pn=pn, qn=qn, den=den, term=count, odd=np.where(c > 0, 0, w.odd),
                 first_days=np.where(c > 0, days, w.first_days), daily=w.daily, d30=w.d30, e30=w.e30,
                 start=start_c, start_midx=start_midx, start_day=start_day, fd_midx=w.fd_midx + c, fd_days=due_c,
                 anchor=w.anchor, months=w.months, step_days=w.step_days, monthly=w.monthly).take(solve)
        v = v.take(np.argsort(-v.term, kind="stable"))  # the period loop reads loans longest first
        order = solve[np.argsort(-count[solve], kind="stable")]
        amount[order], unsure = level_estimates(v, table)
        bad[order[unsure]] = True
    amount = np.where(keep, contract_amount, amount)
    nums = numerators(table, w, start_c, w.fd_midx + c, int(count.max()) if m else 0, pn, qn)
    plan = walk(safe, first, pn, den, he, count, amount, annuity, nums)
    redo = np.flatnonzero(annuity & ~keep & ~bad & (plan.uneven | (plan.count < count)))
    if len(redo):  # interest-only periods, or repaid early: the level amount solved, and the rows again
        amount[redo], unsure = relevel(safe[redo], first[redo], pn[redo], den[redo], he[redo], count[redo],
                                       amount[redo], None if nums is None else nums[:, redo])
        bad[redo[unsure]] = True
        plan = walk(safe, first, pn, den, he, count, amount, annuity, nums)
    before = pro_rata(plan.interest[0], elapsed, days, he)
    pay = plan.payment.copy()
    exists = np.arange(pay.shape[0])[:, None] < plan.count[None, :]
    pay[0] += a - before
    pay *= exists
    interest = plan.interest.sum(axis=0) - before + a
    last = np.maximum(plan.count - 1, 0)
    # nothing changed: the contract's own remaining rows
    still = ~changed
    later = np.arange(rows.payment.shape[0])[:, None] >= c[None, :]
    contract_interest = (np.where(rows.opening > 0, rows.interest, 0) * later).sum(axis=0)
    total = np.where(still, kept, pay.sum(axis=0))
    interest = np.where(still, contract_interest, interest)
    periods = max(pay.shape[0], contract_pay.shape[0])
    flows = np.zeros((periods, m), dtype=np.int64)
    flows[:pay.shape[0]] = np.where(exists & (pay > 0), pay, 0)
    flows[:, still] = 0
    flows[:contract_pay.shape[0], still] = contract_pay[:, still]  # zero before the current period
    steps = np.arange(periods)[:, None]
    offsets = np.where(still[None, :], steps, c[None, :] + steps)
    top = np.where(still, w.term - 1, c + np.maximum(count, plan.count) - 1)
    due = table.on_day(w.fd_midx[None, :] + np.minimum(offsets, top[None, :]), w.anchor[None, :])[0]
    payoff = np.where(still, table.on_day(w.fd_midx + rows.count - 1, w.anchor)[0], due[last, cols])
    held = flows > 0
    first_pay = flows[np.argmax(held, axis=0), cols]
    payments = held.sum(axis=0)
    cost = np.full(m, "", dtype=object)
    live = np.flatnonzero(~bad & (payments > 0))
    if len(live):
        cost[live] = annual_cost(flows[:, live].astype(float), (due[:, live] - on[live]).astype(float),
                                 owed0[live].astype(float), 10.0 ** digits[live])[0]
    return {"total_payment": total, "total_interest": interest, "installment": first_pay, "payments": payments,
            "annual_cost": cost, "payoff": payoff}


def _rates(cases: Cases, w: Work, rate: Rate) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The plan rate's exact pair of fractions (pn, qn over den, monthly) for each loan's day count, and
    which loans it does not fit. The day count is read from the contract's own pair (its periodic rate
    is the daily one × the year's days ÷ 12: 365 or 360), or from the loan where its rate is nil."""
    pairs = {dc: rate_fractions(rate, 12, dc)[:3] for dc in ("act/365", "act/360")}
    ok = (w.qn < 2**50) & (w.pn < 2**50)
    q, p = np.where(ok, w.qn, 0), np.where(ok, w.pn, 0)
    act360 = (q * 360 == p * 12) & (p != 0)
    nil = np.flatnonzero(p == 0)
    if len(nil):
        act360[nil] = [DAYS_PER_YEAR[cases.loans(int(i)).day_count] == 360 for i in w.pos[nil]]
    fits = all(max(abs(v) for v in pair) < 2**60 for pair in pairs.values())
    out = []
    for j in range(3):
        a, b = (pairs[dc][j] if fits else 0 for dc in ("act/365", "act/360"))
        out.append(np.where(act360, b, a).astype(np.int64))
    den = np.where(out[2] > 0, out[2], 1)
    return out[0], out[1], den, ~ok | (not fits)


def _money(units: np.ndarray, digits: np.ndarray) -> np.ndarray:
    """Amounts in minor units as the plan's machine text ('5307.27', JPY '5307')."""
    return np.array([f"{Decimal(int(u)).scaleb(-int(d)):f}" for u, d in zip(units.tolist(), digits.tolist(),
                                                                              strict=True)], dtype=object)
