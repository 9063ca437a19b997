"""The cheapest allocation of each month's money: a mixed-integer program.

The month model (:mod:`~repayplan.budget.simulate`) is linear in the
balances once three yes/no facts are fixed for each debt and month: is it
still owed (a fee runs, a full-bill card bears interest on the whole bill),
and so is its minimum the rule or the whole bill. So the plan is a
mixed-integer linear program, solved by HiGHS (``scipy.optimize.milp``):

* variables per debt and month: the payment ``p``, the balance after it
  ``b``, whether it is still owed at the next month ``a`` (binary); for a
  full-bill card also its bill ``q`` and interest ``i``;
* each month: balance = last balance × (1 + the month's rate) + fee × ``a``
  − payment; the payment covers the minimum (the rule while still owed, the
  whole bill when cleared); the payments of a month fit in its money;
  a debt still owed is alive (``b ≤ M·a``); alive never comes back;
* a full-bill card: interest ≥ rate × last bill − M·(1 − ``a``);
* objective: the least paid in all, every debt cleared within the horizon.

The horizon is proven long enough: a plan spends all of each month's money
until its last month, so a plan finishing after month ``T`` has paid at
least the money of its first ``T − 1`` months; once that exceeds the
principal plus the cost of the best plan known, no later plan can be
cheaper. Month 1's charges and minimums are fixed (they accrue before any
payment) and come from the exact engine.

The model leaves out the cents: the solver's plan is replayed through the
exact month engine (integer cents), and the reported cost is the replay's.
The solver's dual bound is a lower bound for every allocation of the
unrounded model; ``exact`` says the solver closed the gap. A rule it cannot
state exactly is relaxed (``reduce-payment``: only the interest and fees are
a minimum), which keeps the bound a bound; a bullet loan, or a budget short
of the minimums (no extra to direct, arrears and late fees follow), is not
modelled: the best plan searched is given without a bound.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ..money import MoneyPolicy
from .accounts import Account, InstallmentAccount, RevolvingAccount, open_account
from .debts import Debt, InstallmentDebt
from .results import Budget
from .start import Opening

__all__ = ["Optimum", "Solution", "TIME_LIMIT", "replay_director", "solve_allocation"]

#: seconds HiGHS may search before the best plan found is given with its bound
TIME_LIMIT = 3.0
#: yes/no choices (debt-months) the exact search takes on; beyond, the relaxation's bound and the best
#: rule's payoffs re-allocated (measured: 20 debts over 133 months, 2,660 choices, find no plan in 3 s)
MILP_UP_TO = 1200
DISP = False


@dataclass(frozen=True)
class Optimum:
    """How the optimal plan was found and how far from the proven least it can be."""

    status: str  # exact | time-limit | no-bound
    bound: Decimal | None  # no allocation costs less: the model's least, less half a cent a debt-month of rounding
    gap: Decimal | None  # the plan's cost less the bound
    seconds: float  # solver time
    source: str  # milp, or the rule of thumb that was cheaper in the exact replay
    reason: str = ""  # why there is no bound: short | bullet | unfinished | infeasible | ""
    relaxed: tuple[str, ...] = ()  # debts whose minimum rule the model relaxes
    horizon: int = 0  # months in the model
    rounding: Decimal = Decimal(0)  # the cents of rounding the bound allows for (half a minor unit a debt-month)
    order: tuple[str, ...] = ()  # the pay-first order, when a fixed order of the rules played is the cheapest


@dataclass
class Solution:
    pay: list[list[float]]  # [debt][month] payment in major units
    alive: list[list[float]]  # [debt][month] owed after month k
    owed: list[list[float]]  # [debt][month] balance after month k's payment

    def payoffs(self) -> list[int]:
        """The month each debt is cleared in (the horizon when never)."""
        return [next((k for k, x in enumerate(alive) if x < 0.5), len(alive)) for alive in self.alive]


def solve_allocation(debts: Sequence[Debt], budget: Budget, policy: MoneyPolicy,
                     openings: Sequence[Opening | None], dates: Sequence[date], best_cost: Decimal,
                     time_limit: float = TIME_LIMIT, payoffs: Sequence[int | None] | None = None,
                     ) -> tuple[list[Solution], Optimum]:
    """The MILP's plans to replay (the solver's own, and one with a cent of
    room for the replay's rounding) and what it proves; ``best_cost`` is the
    cheapest plan known (it sets the horizon); ``payoffs``: the month index
    it clears each debt in (None: never), the plan re-allocated on those
    payoffs when the solver stops short."""
    if any(isinstance(d, InstallmentDebt) and d.loan.method == "bullet" for d in debts):
        return [], Optimum("no-bound", None, None, 0.0, "", reason="bullet")
    unit = float(policy.from_minor(1))
    accounts = [open_account(d, i, budget.start, o) for i, (d, o) in enumerate(zip(debts, openings, strict=True))]
    opening_principal = policy.from_minor(sum(a.opening_principal for a in accounts))
    monthly = float(budget.monthly)
    first = float(budget.first_month)
    # the horizon: months 0..T-2 spend more than principal + best cost -> no cheaper plan runs past T
    need = float(opening_principal + best_cost)
    spent, horizon = first, 1
    while spent <= need + unit:
        spent += monthly
        horizon += 1
        if horizon > len(dates) or monthly <= 0:
            return [], Optimum("no-bound", None, None, 0.0, "", reason="unfinished")
    horizon = min(horizon + 3, len(dates))  # and room for the cents the model leaves out
    days = [(dates[0] - budget.start).days] + [(dates[k] - dates[k - 1]).days for k in range(1, horizon)]
    caps: dict[int, list[float]] = {}
    for a, debt in zip(accounts, debts, strict=True):
        if a.balance > 0:
            a.accrue(0, days[0])
            caps[a.index] = _caps(debt, a.index, budget.start, openings[a.index], days, horizon)
    money = (float(budget.first_month), float(budget.monthly))
    # the bound: every minimum relaxed by a cent (the cents of rounding), so no allocation is cut off
    model = _build(accounts, caps, days, horizon, money, -unit / 2, 0.0)
    t0 = time.perf_counter()
    model.gap = max(unit / 2 / max(need, unit), _Model.gap)  # the objective is the total paid: a cent of it
    large = len(model.binaries) > MILP_UP_TO
    # too many yes/no choices to search within the limit: the linear relaxation's bound, and the best rule's
    # payoffs with the money re-allocated
    res = model.solve(time_limit * 0.75, relax=large)
    if res.status == 2 and not large and payoffs is not None:
        # the search found no allocation though a rule played one: the cents the model leaves out can make a
        # plan that needs every cent infeasible in it; the relaxation still bounds every allocation
        large = True
        res = model.solve(max(time_limit * 0.75 - (time.perf_counter() - t0), 0.5), relax=True)
    seconds = time.perf_counter() - t0
    relaxed = tuple(a.name for a in accounts if isinstance(a, InstallmentAccount) and a.reduce
                    and a.method not in ("annuity", "equal-principal"))
    bound = res.fun if large and res.status == 0 else getattr(res, "mip_dual_bound", None)
    if res.x is None and (res.status == 2 or bound is None or not math.isfinite(bound)):
        reason = "infeasible" if res.status == 2 else "time"
        return [], Optimum("no-bound", None, None, seconds, "", reason=reason, relaxed=relaxed, horizon=horizon)
    if res.x is not None and res.status == 0:
        bound = res.fun if bound is None or not math.isfinite(bound) else bound
    # the model leaves out the cents: each month's interest of each debt is rounded by at most half a minor
    # unit, so an allocation's cost in cents can fall below the model's by that much a debt-month
    allowance = unit / 2 * len(caps) * horizon
    bound_cost = Decimal(repr(max(float(bound or 0) - float(opening_principal) - allowance, 0.0)))
    bound_cost = bound_cost.quantize(policy.from_minor(1), rounding="ROUND_FLOOR")
    status = ("too-large" if large else "exact" if res.status == 0 and not relaxed
              else "time-limit" if res.status == 1 else "bound")
    found = [res.x] if res.x is not None and not large else []
    if (res.status != 0 or large) and payoffs is not None:  # stopped short: the best rule's payoffs, money re-allocated
        pinned = model.pin(payoffs)
        polish = model.solve(max(time_limit - (time.perf_counter() - t0), 0.3), pinned)
        if polish.x is not None:
            found.append(polish.x)
    plans = []
    safe = _build(accounts, caps, days, horizon, money, unit / 2, 0.0)
    for x in found:
        # the plan: the same payoffs, each minimum half a cent higher, so that the cents of the exact replay
        # never leave a debt short of clearing (a linear program: fast)
        again = safe.solve(max(time_limit - (time.perf_counter() - t0), 0.3),
                           {v: round(float(x[v])) for v in model.binaries})
        if again.x is None and res.status == 0:  # those payoffs need every cent: search them again with room
            again = safe.solve(max(time_limit - (time.perf_counter() - t0), 0.5))
        if again.x is not None:
            plans.append(_solution(safe, again.x, len(debts)))
        plans.append(_solution(model, x, len(debts)))
    return plans, Optimum(status, bound_cost, None, seconds, "milp", relaxed=relaxed, horizon=horizon,
                          rounding=Decimal(repr(allowance)).quantize(policy.from_minor(1), rounding="ROUND_CEILING"))


def _solution(model: _Model, x: Any, size: int) -> Solution:
    zero = [0.0] * model.horizon
    pay = [[float(x[v]) for v in model.p[i]] if i in model.p else zero for i in range(size)]
    alive = [[float(x[v]) if v >= 0 else 0.0 for v in model.a[i]] if i in model.a else zero for i in range(size)]
    owed = [[float(x[v]) for v in model.b[i]] if i in model.b else zero for i in range(size)]
    return Solution(pay, alive, owed)


def _build(accounts: Sequence[Account], caps: dict[int, list[float]], days: list[int], horizon: int,
           money: tuple[float, float], slack: float, margin: float) -> _Model:
    """The program: minimums loosened by ``slack`` (negative: tightened), each month's money less ``margin``."""
    model = _Model(horizon, slack)
    for a in accounts:
        if a.index not in caps:
            continue
        if isinstance(a, RevolvingAccount):
            model.revolving(a, days, caps[a.index])
        else:
            assert isinstance(a, InstallmentAccount)
            model.installment(a, caps[a.index])
    for k in range(horizon):
        model.row({model.p[i][k]: 1.0 for i in model.p}, -float("inf"), money[0 if k == 0 else 1] - margin)
    return model


def _caps(debt: Debt, index: int, start: date, opening: Opening | None, days: list[int],
          horizon: int) -> list[float]:
    """Big-Ms, month by month: no plan owes more of a debt than paying only
    its minimums would (paying more never leaves more owed, nor a larger
    bill), so the bill of each month on the minimums' path bounds every
    plan's bill and balance that month (with a margin for the cents)."""
    acc = open_account(debt, index, start, opening)
    tops = []
    for k in range(horizon):
        acc.accrue(k, days[k])
        tops.append(float(acc.policy.from_minor(acc.balance)) * 1.001 + 1.0)
        acc.pay(acc.minimum)
        acc.close(k)
    return tops


class _Model:
    """The rows of the program, built debt by debt."""

    def __init__(self, horizon: int, slack: float) -> None:
        self.horizon, self.unit = horizon, slack
        self.count = 0
        self.coo: tuple[list[int], list[int], list[float]] = ([], [], [])
        self.lb: list[float] = []
        self.ub: list[float] = []
        self.p: dict[int, list[int]] = {}
        self.b: dict[int, list[int]] = {}
        self.a: dict[int, list[int]] = {}  # a[i][k]: owed after month k (k = 0..H-1); -1 = fixed 0
        self.binaries: list[int] = []
        self.fixed: dict[int, tuple[float, float]] = {}

    #: the solver stops within this share of the objective (the total paid): half a minor unit of it
    gap = 1e-9

    def solve(self, time_limit: float, fixed: dict[int, int] | None = None, relax: bool = False) -> Any:
        """HiGHS on the program (binaries pinned to ``fixed`` when given; ``relax``: the linear relaxation)."""
        import numpy as np
        from scipy.optimize import Bounds, LinearConstraint, milp
        from scipy.sparse import coo_array

        n = self.count
        c = np.zeros(n)
        for i in self.p:
            c[self.p[i]] = 1.0
        lower, upper = np.zeros(n), np.full(n, np.inf)
        integrality = np.zeros(n)
        for v, (lo, hi) in self.fixed.items():
            lower[v], upper[v] = lo, hi
        for v in self.binaries:
            integrality[v] = 0 if relax else 1
            upper[v] = min(upper[v], 1.0)
            if fixed is not None:
                lower[v] = upper[v] = fixed.get(v, 0)
        rows, cols, vals = self.coo
        matrix = coo_array((vals, (rows, cols)), shape=(len(self.lb), n)).tocsr()
        return milp(c, integrality=integrality, bounds=Bounds(lower, upper),
                    constraints=LinearConstraint(matrix, np.array(self.lb), np.array(self.ub)),
                    options={"time_limit": max(time_limit, 0.05), "mip_rel_gap": self.gap, "presolve": True,
                             "disp": DISP})

    def pin(self, payoffs: Sequence[int | None]) -> dict[int, int]:
        """Binaries fixed to a plan's payoffs: owed after month k while k is before its payoff month."""
        out = {}
        for i, alive in self.a.items():
            month = payoffs[i] if i < len(payoffs) else None
            for k, v in enumerate(alive):
                if v >= 0:
                    out[v] = 1 if month is None or k < month else 0
        return out

    def var(self, binary: bool = False) -> int:
        self.count += 1
        if binary:
            self.binaries.append(self.count - 1)
        return self.count - 1

    def row(self, terms: dict[int, float], lo: float, hi: float) -> None:
        r = len(self.lb)
        rows, cols, vals = self.coo
        for v, x in terms.items():
            if v >= 0 and x:
                rows.append(r)
                cols.append(v)
                vals.append(x)
        self.lb.append(lo)
        self.ub.append(hi)

    def _common(self, a: Account, cap: list[float], last: int) -> tuple[list[int], list[int], list[int]]:
        """Payments, balances and alive flags of one debt; ``last``: the month it must be cleared by. (A flag
        relaxed to a share from 0 to 1 would still give a bound, but a plan that underpays a minimum.)"""
        H = self.horizon  # noqa: N806
        p = [self.var() for _ in range(H)]
        b = [self.var() for _ in range(H)]
        alive = [self.var(binary=True) if k < min(last, H - 1) else -1 for k in range(H)]
        for k in range(H):
            if alive[k] < 0:
                self.fixed[b[k]] = (0.0, 0.0)
            else:
                self.row({b[k]: 1.0, alive[k]: -cap[k]}, -float("inf"), 0.0)  # owed -> alive
            if k and alive[k] >= 0 and alive[k - 1] >= 0:
                self.row({alive[k]: 1.0, alive[k - 1]: -1.0}, -float("inf"), 0.0)
        self.p[a.index], self.a[a.index], self.b[a.index] = p, alive, b
        return p, b, alive

    def revolving(self, a: RevolvingAccount, days: list[int], cap: list[float]) -> None:
        inf, unit = float("inf"), self.unit
        money = a.policy.from_minor
        bill0, min0 = float(money(a.balance)), float(money(a.minimum))
        p, b, alive = self._common(a, cap, self.horizon)
        fee = float(money(a.monthly_fee))
        pct = a.pct[0] / a.pct[1]
        floor = float(money(a.floor))
        self.row({b[0]: 1.0, p[0]: 1.0}, bill0, bill0)
        self.row({p[0]: 1.0}, min0, inf)
        q = i = prev_q = -1
        for k in range(1, self.horizon):
            f = float(a.daily * days[k]) if a.daily is not None else a.factor[0] / a.factor[1]
            was = alive[k - 1]  # owed at the start of month k
            if was < 0:
                self.fixed[p[k]] = (0.0, 0.0)
                continue
            if a.full:
                q, i = self.var(), self.var()
                # q = b + i + fee·was; b_k = q − p
                self.row({q: 1.0, b[k - 1]: -1.0, i: -1.0, was: -fee}, 0.0, 0.0)
                self.row({b[k]: 1.0, q: -1.0, p[k]: 1.0}, 0.0, 0.0)
                if k == 1:
                    self.row({i: 1.0, was: -cap[0] * f}, f * bill0 - cap[0] * f, inf)
                else:
                    self.row({i: 1.0, prev_q: -f, was: -cap[k - 1] * f}, -cap[k - 1] * f, inf)
                bill = {q: 1.0}
                interest = {i: 1.0}
                prev_q = q
            else:
                self.row({b[k]: 1.0, p[k]: 1.0, b[k - 1]: -(1.0 + f), was: -fee}, 0.0, 0.0)
                bill = {b[k - 1]: 1.0 + f, was: fee}
                interest = {b[k - 1]: f}
            rule = {v: pct * x for v, x in bill.items()}
            if a.plus:
                for v, x in interest.items():
                    rule[v] = rule.get(v, 0.0) + x
                rule[was] = rule.get(was, 0.0) + fee
            terms = {p[k]: 1.0}
            for v, x in rule.items():
                terms[v] = terms.get(v, 0.0) - x
            big = cap[k]
            if alive[k] >= 0:
                terms[alive[k]] = terms.get(alive[k], 0.0) - big
                self.row(terms, -big + unit, inf)  # the rule while still owed after this month
                self.row({p[k]: 1.0, alive[k]: -(floor + unit)}, 0.0, inf)

    def installment(self, a: InstallmentAccount, cap: list[float]) -> bool:
        """The loan on its contract factors; False when its minimum is relaxed (reduce-payment)."""
        inf, unit = float("inf"), self.unit
        money = a.policy.from_minor
        owed0, min0 = float(money(a.balance)), float(money(a.minimum))
        p, b, alive = self._common(a, cap, a.n - 1)
        fee = float(money(a.fee))
        self.row({b[0]: 1.0, p[0]: 1.0}, owed0, owed0)
        self.row({p[0]: 1.0}, min0, inf)
        exact = True
        # under reduce-payment the installment is what is owed over the present value of the rest of the term
        share = [1.0 / float(v) if v else 0.0 for v in a._present_values()] if a.reduce else []
        for k in range(1, self.horizon):
            was = alive[k - 1]
            if was < 0 or k >= a.n:
                self.fixed[p[k]] = (0.0, 0.0)
                continue
            num, den = a.factors[k]
            g = num / den
            self.row({b[k]: 1.0, p[k]: 1.0, b[k - 1]: -(1.0 + g), was: -fee}, 0.0, 0.0)
            self.row({p[k]: 1.0, b[k - 1]: -g, was: -(fee + unit)}, 0.0, inf)  # interest and fee
            if alive[k] < 0:
                continue
            if a.reduce and a.method == "annuity":  # the installment is re-set after each prepayment
                self.row({p[k]: 1.0, b[k - 1]: -share[k] * (1 - 1e-9), was: -(fee + unit)}, 0.0, inf)
            elif a.reduce and a.method == "equal-principal":
                self.row({p[k]: 1.0, b[k - 1]: -(g + 1.0 / (a.n - k)) * (1 - 1e-9), was: -(fee + unit)}, 0.0, inf)
            elif a.reduce:
                continue
            elif a.method == "annuity":
                self.row({p[k]: 1.0, alive[k]: -(float(money(a.level)) + fee + unit)}, 0.0, inf)
            elif a.method == "equal-principal":
                self.row({p[k]: 1.0, b[k - 1]: -g, was: -fee, alive[k]: -(float(money(a.part)) + unit)}, 0.0, inf)
        return exact


def replay_director(solution: Solution, policy: MoneyPolicy, ahead_by: dict[int, int] | None = None) -> Any:
    """A director for :func:`~repayplan.budget.simulate.simulate` that
    follows the solver's plan by its balances, so the replay's cents never
    drift from it: first each debt the plan clears that month, in full; then
    each other debt down to the balance the plan leaves it (what the cents
    leave over goes on by the strategy's order). ``ahead_by``: minor units
    a debt is kept below the plan's balance until its payoff (the cents a
    first replay found it short of clearing)."""
    from math import floor

    ahead_by = ahead_by or {}
    scale = policy.to_minor(Decimal(1))

    payoff = solution.payoffs()

    def direct(k: int, active: list[Account], left: int) -> int:
        clear, part = [], []
        for acc in active:
            owed, alive = solution.owed[acc.index], solution.alive[acc.index]
            if k >= len(owed):
                continue
            if alive[k] < 0.5:
                clear.append(acc)
            else:
                ahead = ahead_by.get(acc.index, 0) if k < payoff[acc.index] else 0
                target = acc.balance - max(floor(owed[k] * scale + 1e-6) - ahead, 0)
                if target > 0:
                    part.append((acc, target))
        for acc in sorted(clear, key=lambda x: x.balance):
            if left <= 0:
                break
            left -= acc.pay(left)
        for acc, target in sorted(part, key=lambda x: (x[0].index not in ahead_by, x[1])):  # repaired ones first
            if left <= 0:
                break
            left -= acc.pay(min(target, left))
        return left

    return direct
