"""The cheapest allocation of each month's money: a mixed-integer program.

The month model (:mod:`~repayplan.budget.simulate`) is linear in the
balances once one yes/no fact is fixed for each debt and month: is it still
owed (a fee runs, a full-bill card bears interest on the whole bill, its
minimum is the rule rather than the whole bill). So the plan is a
mixed-integer linear program (:mod:`~repayplan.budget.program`: the rows and
why their big-Ms are tight), solved by HiGHS (:mod:`~repayplan.budget.highs`).

Why this method, measured on the bench cases (bench/bench_plan.py; CPU
seconds of the whole process, as wall time on the shared machine is 2–4×):

* a tighter program, not another method: a dynamic programme over
  balances is far out of reach (5 debts × 60 months even on a 100.00 grid,
  which would lose the cents that decide a payoff month), and a branch and
  bound written here would need the same relaxation to bound with. The
  big-Ms were what made HiGHS slow: with the Ms of :mod:`.program`, the
  5-debt case's relaxation is 88.57 below the optimum's total paid, not
  1,842.47, and the search closes in 25 nodes (0.3 s) instead of hitting
  its 3 s limit with a gap;
* HiGHS's primal heuristics off and the best rule's payoffs as the plan to
  start from: on these programs the heuristics took most of the time and
  found nothing branching did not (2.4 s of CPU with them, 0.3 s without);
* no ``import scipy.optimize`` (0.35–0.45 s, a third of the 5-debt budget):
  scipy's own HiGHS binding is loaded from its file;
* a work limit (:data:`~repayplan.budget.highs.NODE_LIMIT` nodes), not
  seconds, so the answer does not depend on the machine's load; the seconds
  (``--time-limit``, default :data:`TIME_LIMIT`) are only a safety bound;
* beyond :data:`MILP_UP_TO` yes/no choices (the 20-debt, 30-year case has
  2,571) the root of the search alone takes over 10 s, so the answer is the
  linear relaxation's bound (1.3 s) with the best rule's payoffs re-allocated
  by a linear program; with the tighter Ms that bound is 0.22 % below the
  plan (it was 1.5 %). Rounding the relaxation's payoffs was tried: those
  plans do not fit the money.

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
from .accounts import Account, InstallmentAccount, open_account
from .debts import Debt, InstallmentDebt
from .program import Model, build, caps_of, soonest
from .results import Budget
from .start import Opening

__all__ = ["Optimum", "Solution", "TIME_LIMIT", "replay_director", "solve_allocation"]

#: a safety bound in seconds on the whole search (the work limit, not this, decides the answer: the bench
#: cases take under 1.5 s of CPU); past it the best plan found is given with its bound
TIME_LIMIT = 20.0
#: yes/no choices (debt-months) the exact search takes on; beyond, the relaxation's bound and the best
#: rule's payoffs re-allocated (measured: 20 debts over 135 months, 2,571 choices: the root alone > 10 s)
MILP_UP_TO = 1200


@dataclass(frozen=True)
class Optimum:
    """How the optimal plan was found and how far from the proven least it can be."""

    status: str  # exact | bound | node-limit | time-limit | too-large | no-bound
    bound: Decimal | None  # no allocation costs less: the model's least, less half a cent a debt-month of rounding
    gap: Decimal | None  # the plan's cost less the bound
    seconds: float  # solver time
    source: str  # milp, or the rule of thumb that was cheaper in the exact replay
    reason: str = ""  # why there is no bound: short | bullet | unfinished | infeasible | ""
    relaxed: tuple[str, ...] = ()  # debts whose minimum rule the model relaxes
    horizon: int = 0  # months in the model
    rounding: Decimal = Decimal(0)  # the cents of rounding the bound allows for (half a minor unit a debt-month)
    order: tuple[str, ...] = ()  # the pay-first order, when a fixed order of the rules played is the cheapest
    nodes: int = 0  # branch-and-bound nodes searched


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
    unit = float(policy.from_minor(1))  # float ok
    accounts = [open_account(d, i, budget.start, o) for i, (d, o) in enumerate(zip(debts, openings, strict=True))]
    opening_principal = policy.from_minor(sum(a.opening_principal for a in accounts))
    monthly = float(budget.monthly)  # float ok
    first = float(budget.first_month)  # float ok
    # the horizon: months 0..T-2 spend more than principal + best cost -> no cheaper plan runs past T
    need = float(opening_principal + best_cost)  # float ok
    spent, horizon = first, 1
    while spent <= need + unit:
        spent += monthly
        horizon += 1
        if horizon > len(dates) or monthly <= 0:
            return [], Optimum("no-bound", None, None, 0.0, "", reason="unfinished")
    horizon = min(horizon + 3, len(dates))  # and room for the cents the model leaves out
    days = [(dates[0] - budget.start).days] + [(dates[k] - dates[k - 1]).days for k in range(1, horizon)]
    caps: dict[int, list[float]] = {}
    first_month: dict[int, int] = {}
    for a, debt in zip(accounts, debts, strict=True):
        if a.balance > 0:
            a.accrue(0, days[0])
            caps[a.index] = caps_of(debt, a.index, budget.start, openings[a.index], days, horizon)
            first_month[a.index] = soonest(debt, a.index, budget.start, openings[a.index], days, horizon,
                                        (policy.to_minor(budget.first_month), policy.to_minor(budget.monthly)))
    money = (float(budget.first_month), float(budget.monthly))  # float ok
    # the bound: every minimum relaxed by a cent (the cents of rounding), so no allocation is cut off
    model = build(accounts, caps, days, horizon, money, -unit / 2, 0.0, first_month)
    t0 = time.perf_counter()
    model.gap = max(unit / 2 / max(need, unit), Model.gap)  # the objective is the total paid: a cent of it
    large = len(model.binaries) > MILP_UP_TO
    # the best rule's payoffs with the money re-allocated (a linear program): the plan the search starts from
    # and the one given when it stops short; with too many yes/no choices to search (``large``) the answer is
    # that plan and the linear relaxation's bound
    pinned = model.solve(time_limit * 0.25, model.pin(payoffs)) if payoffs is not None else None
    start = pinned.x if pinned is not None else None
    res = model.solve(time_limit * 0.75 - (time.perf_counter() - t0), relax=large, start=start)
    if res.status == "infeasible" and not large and payoffs is not None:
        # the search found no allocation though a rule played one: the cents the model leaves out can make a
        # plan that needs every cent infeasible in it; the relaxation still bounds every allocation
        large = True
        res = model.solve(max(time_limit * 0.75 - (time.perf_counter() - t0), 0.5), relax=True)
    seconds = time.perf_counter() - t0
    relaxed = tuple(a.name for a in accounts if isinstance(a, InstallmentAccount) and a.reduce
                    and a.method not in ("annuity", "equal-principal"))
    bound = res.dual_bound
    if res.x is None and (res.status == "infeasible" or not math.isfinite(bound)):
        reason = "infeasible" if res.status == "infeasible" else "time"
        return [], Optimum("no-bound", None, None, seconds, "", reason=reason, relaxed=relaxed, horizon=horizon)
    # the model leaves out the cents: each month's interest of each debt is rounded by at most half a minor
    # unit, so an allocation's cost in cents can fall below the model's by that much a debt-month
    allowance = unit / 2 * len(caps) * horizon
    bound_cost = Decimal(repr(max(bound - float(opening_principal) - allowance, 0.0)))  # float ok
    bound_cost = bound_cost.quantize(policy.from_minor(1), rounding="ROUND_FLOOR")
    done = res.status == "optimal"
    status = ("too-large" if large else "exact" if done and not relaxed
              else "time-limit" if res.status == "time-limit" else "node-limit" if res.status == "limit" else "bound")
    found = [res.x] if res.x is not None and not large else []
    if (not done or large) and start is not None:  # stopped short: the best rule's payoffs, money re-allocated
        found.append(start)
    plans = []
    safe = build(accounts, caps, days, horizon, money, unit / 2, 0.0, first_month)
    for x in found:
        # the plan: the same payoffs, each minimum half a cent higher, so that the cents of the exact replay
        # never leave a debt short of clearing (a linear program: fast)
        again = safe.solve(max(time_limit - (time.perf_counter() - t0), 0.3),
                           {v: round(float(x[v])) for v in model.binaries})  # float ok
        if again.x is None and done:  # those payoffs need every cent: search them again with room
            again = safe.solve(max(time_limit - (time.perf_counter() - t0), 0.5))
        if again.x is not None:
            plans.append(_solution(safe, again.x, len(debts)))
        plans.append(_solution(model, x, len(debts)))
    return plans, Optimum(status, bound_cost, None, seconds, "milp", relaxed=relaxed, horizon=horizon, nodes=res.nodes,
                          rounding=Decimal(repr(allowance)).quantize(policy.from_minor(1), rounding="ROUND_CEILING"))


def _solution(model: Model, x: Any, size: int) -> Solution:
    zero = [0.0] * model.horizon
    pay = [[float(x[v]) for v in model.p[i]] if i in model.p else zero for i in range(size)]  # float ok
    alive = [[float(x[v]) if v >= 0 else 0.0 for v in model.a[i]]  # float ok
             if i in model.a else zero for i in range(size)]
    owed = [[float(x[v]) for v in model.b[i]] if i in model.b else zero for i in range(size)]  # float ok
    return Solution(pay, alive, owed)


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
